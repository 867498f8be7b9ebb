"""Rendering warehouse views for people: the HTML reviewer report and Markdown summaries."""
