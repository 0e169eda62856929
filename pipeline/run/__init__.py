"""Running extraction: records, batches, long articles, local and Ray engines."""
