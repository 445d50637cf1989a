"""Browser tests (Playwright + Debian Chromium): the app served by `streamlit run`, driven through its pages."""
