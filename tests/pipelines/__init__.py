"""Tests of `pipelines`: reading, validation, ingest, the warehouse, SQL models, command line, exports, demo."""
