# Helper for concurrent_imports.py: records each execution of a helper module body.
runs = []
