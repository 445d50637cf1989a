"""Pantau's Streamlit app: the frame (`streamlit_app.py`), pages (`halaman/`), render functions (`komponen/`),
and the only SQL (`data.py` over the read-only connections of `db.py`)."""
