"""Inputs (files, stdin, decoding, JSONL) and outputs (JSONL, CSV tables)."""
