"""Log audit (for `perencana`, `operator` and `admin`): who logged in, downloaded, uploaded or changed accounts.

The frame shows this page only to a role with the right `audit`. The records are `akses.audit`'s (append-only,
hash-chained); this page reads them, newest first, filtered by date, event and user, and says whether the hash
chain is intact; details and wilayah in words (`dashboard.komponen.audit`). Works without a warehouse. Render only.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from akses import audit, wajib_hak
from bahasa import format as fmt
from dashboard.i18n import t
from dashboard.komponen.audit import nama_cakupan, teks_rincian
from dashboard.pilihan import bahasa_aktif
from dashboard.sesi import konfigurasi_aktif, pengguna_aktif

# 1/ who may read it (the frame already hid the page from the others)
b = bahasa_aktif()
konfigurasi = konfigurasi_aktif()
wajib_hak(pengguna_aktif(), "audit")

# 2/ filters
rusak = audit.verifikasi(konfigurasi)
rantai = t("audit_rantai_utuh", b) if rusak is None else t("audit_rantai_putus", b, id=rusak)
st.markdown(f"##### {t('audit_judul', b)}")
st.caption(t("audit_ket", b, rantai=rantai))
if rusak is not None:
    st.error(t("audit_rantai_putus", b, id=rusak), icon=":material/gpp_bad:")
kiri, tengah, kanan = st.columns([1, 1.2, 1.2], gap="small")
with kiri:
    sejak = st.date_input(t("audit_sejak", b), value=dt.date.today() - dt.timedelta(days=30), key="audit_sejak",
                          format="DD/MM/YYYY")
with tengah:
    peristiwa = st.selectbox(t("audit_peristiwa", b), ["", *audit.PERISTIWA], key="audit_peristiwa",
                             format_func=lambda k: audit.PERISTIWA.get(k) or t("audit_semua", b))
catatan = audit.baca(konfigurasi, sejak=sejak if isinstance(sejak, dt.date) else None,
                     peristiwa=peristiwa or None)
with kanan:
    nama = sorted({c.pengguna for c in catatan if c.pengguna})
    pengguna = st.selectbox(t("audit_pengguna", b), ["", *nama], key="audit_pengguna",
                            format_func=lambda k: k or t("audit_semua", b))
if pengguna:
    catatan = [c for c in catatan if c.pengguna == pengguna]

# 3/ the records, newest first
if not catatan:
    st.caption(t("audit_kosong", b))
else:
    tabel = pd.DataFrame({
        t("audit_kol_waktu", b): [c.waktu.astimezone().strftime("%Y-%m-%d %H:%M:%S") for c in reversed(catatan)],
        t("audit_kol_pengguna", b): [c.pengguna or "-" for c in reversed(catatan)],
        t("audit_kol_peristiwa", b): [audit.PERISTIWA.get(c.peristiwa, c.peristiwa) for c in reversed(catatan)],
        t("audit_kol_sasaran", b): [c.sasaran or "" for c in reversed(catatan)],
        t("audit_kol_cakupan", b): [nama_cakupan(c.cakupan) for c in reversed(catatan)],
        t("audit_kol_rincian", b): [teks_rincian(c.rincian, b) for c in reversed(catatan)],
    })
    st.caption(t("audit_jumlah", b, n=fmt.angka(len(tabel), b)))
    st.dataframe(tabel, hide_index=True, key="audit_tabel", height=min(38 + 35 * len(tabel), 560))
