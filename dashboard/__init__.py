"""Pantau's Streamlit app: the frame (`streamlit_app.py`), pages (`halaman/`), render functions (`komponen/`),
and the only SQL (the data door `data/`, one module per page area, over the read-only connections of
`db.py`)."""
