"""Tests of the SQL models of `pipelines/sql` (marts), on fixture warehouses built by the real pipeline."""
