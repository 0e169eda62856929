"""The article as a document: front matter, datelines, headings, the document date, structure, and what components share on a Doc."""
