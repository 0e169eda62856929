"""Temporal expressions: the grammar, TIMEX3 values, the calendar, anchoring and joins."""
