"""The Pantau test suite: one folder per package of the code (akses, bahasa, dashboard, dokumen, pipelines) and
the browser tests; shared fixtures in `conftest.py`, fixture files and their builders in `fixtures/`."""
