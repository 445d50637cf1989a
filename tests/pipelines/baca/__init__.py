"""Tests of `pipelines.baca`: reading CSV, XLSX and Parquet files and their cell values."""
