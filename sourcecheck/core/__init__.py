"""The floor every other package stands on: errors, ids, limits, settings, text files, languages, sentences."""
