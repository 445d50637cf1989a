"""Tests of `dashboard`: log-in and access in the app, filters, periods; the pages in `halaman/`."""
