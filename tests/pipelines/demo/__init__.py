"""Tests of `pipelines.demo`: the demo data generator, `pantau demo` and the national-size files."""
