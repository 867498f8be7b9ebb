"""Articles into atomic claims tied to their citations (`claims.extract.extract_claims`).

Nothing is imported here: reading an article (`claims.articles`) must not load spaCy, so a run that finds
nothing changed stays cheap.
"""
