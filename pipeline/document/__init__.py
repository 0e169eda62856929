"""The article as a document: front matter, datelines, headings, structure, and what components share on a Doc."""
