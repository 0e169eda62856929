"""Figures: numbers with their qualifier, unit and what they count."""
