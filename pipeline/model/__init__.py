"""The spaCy model as communique runs it: loading, and faster stand-ins for two of its rule components."""
