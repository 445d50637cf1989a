"""Tests of `bahasa`: number, date and month formats."""
