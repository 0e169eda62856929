"""Quotes: quotation marks, cue frames, and speakers."""
