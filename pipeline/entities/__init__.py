"""Named entities: spaCy's NER corrected by the gazetteers, with canonical names and countries."""
