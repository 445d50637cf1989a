"""One test module per page of `dashboard/halaman`, with Streamlit's AppTest on warehouses built by the real
pipeline."""
