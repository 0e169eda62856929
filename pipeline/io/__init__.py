"""Inputs (files, stdin, decoding, JSONL) and outputs (finished records, JSONL, CSV tables)."""
