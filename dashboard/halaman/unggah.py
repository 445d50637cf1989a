"""Unggah data (screens.md, page 9; operators only): upload files, see the load summary, confirm, load.

The frame shows this page only to a role with the right `unggah`; `pipelines.unggah` checks it again. The check
runs on the uploaded files as they are (nothing is written), its summary is the one `pantau ingest` prints; the
load runs only after **Muat ke gudang data**, atomically, and the dashboard reads the new warehouse at its next run.
Works without a warehouse (it is how one gets a first one). Render only: the work is `pipelines.unggah`'s, the
table `dashboard.komponen.unggah`'s.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st

from akses import AksesDitolak
from bahasa import format as fmt
from dashboard.data import meta_gudang
from dashboard.db import versi_gudang
from dashboard.i18n import t
from dashboard.komponen.unggah import tabel_ringkasan, teks_jumlah, teks_pengunggah
from dashboard.pilihan import bahasa_aktif
from dashboard.sesi import konfigurasi_aktif, pengguna_aktif
from pipelines import unggah
from pipelines.build import BangunKehabisanMemori, PemeriksaanGagal
from pipelines.gudang import GudangPenuh, GudangRusak, GudangSibuk

_PRATINJAU = "_unggah_pratinjau"
_HASIL = "_unggah_hasil"
_PUTARAN = "_unggah_putaran"  # a new uploader key empties it after a load or a cancel
GALAT_UNGGAH = (unggah.KesalahanUnggah, PemeriksaanGagal, BangunKehabisanMemori, GudangRusak, GudangPenuh,
                GudangSibuk, AksesDitolak, ValueError, OSError)

# 1/ who and what (the filter bar may not have run: there may be no warehouse yet)
b = bahasa_aktif()
konfigurasi = konfigurasi_aktif()
pengguna = pengguna_aktif()
st.markdown(f"##### {t('unggah_judul', b)}")
st.markdown(t("unggah_ket", b, mb=konfigurasi.unggah_maks_mb))

# 2/ the result of the last load, once
hasil = st.session_state.pop(_HASIL, None)
if hasil is not None:
    ringkasan, pesan = hasil
    st.markdown(f"**{t('unggah_hasil_judul', b)}**")
    st.dataframe(tabel_ringkasan(ringkasan, b, sudah_dimuat=True), hide_index=True, key="unggah_tabel_hasil")
    st.caption(teks_jumlah(ringkasan, b, sudah_dimuat=True))
    st.success(pesan, icon=":material/check_circle:")
    st.caption(t("unggah_karantina_saran", b))

# 3/ the files
putaran = st.session_state.setdefault(_PUTARAN, 0)
teks_pengunggah("unggah_berkas_", konfigurasi.unggah_maks_mb, unggah.AKHIRAN, b)  # Streamlit's own words are English
dipilih = st.file_uploader(t("unggah_pilih", b), accept_multiple_files=True, key=f"unggah_berkas_{putaran}",
                           type=[a.lstrip(".") for a in unggah.AKHIRAN], max_upload_size=konfigurasi.unggah_maks_mb,
                           help=t("unggah_pilih_bantuan", b))
berkas = [unggah.BerkasUnggahan(f.name, f.getvalue()) for f in dipilih or []]

# 4/ the check, once per set of files
if berkas:
    sidik = hashlib.sha256(b"".join(hashlib.sha256(x.isi).digest() + x.nama.encode() for x in berkas)).hexdigest()
    simpanan = st.session_state.get(_PRATINJAU)
    if simpanan is None or simpanan[0] != sidik:
        try:
            with st.spinner(t("unggah_memeriksa", b)):
                simpanan = (sidik, unggah.pratinjau(berkas, konfigurasi, pengguna))
        except GALAT_UNGGAH as e:
            simpanan = None
            st.error(t("unggah_gagal", b, pesan=fmt.teks_polos(e)), icon=":material/error:")
        st.session_state[_PRATINJAU] = simpanan
    if simpanan is not None:
        ringkasan = simpanan[1]
        st.markdown(f"**{t('unggah_pratinjau_judul', b)}**")
        st.dataframe(tabel_ringkasan(ringkasan, b), hide_index=True, key="unggah_tabel_pratinjau")
        st.caption(teks_jumlah(ringkasan, b))
        ada_baru = any(r.jenis and not r.sudah_pernah_dimuat and r.baris_dimuat + r.baris_dikarantina > 0
                       for r in ringkasan)
        if not ada_baru:
            st.info(t("unggah_tidak_ada_yang_dimuat", b), icon=":material/info:")
        with st.container(horizontal=True, gap="small"):
            muat = st.button(t("unggah_tombol_muat", b), type="primary", icon=":material/upload:",
                             key="unggah_tombol_muat", disabled=not ada_baru)
            batal = st.button(t("unggah_tombol_batal", b), key="unggah_tombol_batal")
        if batal:
            st.session_state.pop(_PRATINJAU, None)
            st.session_state[_PUTARAN] = putaran + 1
            st.rerun()
        if muat:
            try:
                with st.spinner(t("unggah_memuat", b)):
                    dimuat = unggah.muat(berkas, konfigurasi, pengguna)
            except GALAT_UNGGAH as e:
                st.error(t("unggah_gagal", b, pesan=fmt.teks_polos(e)), icon=":material/error:")
            else:
                versi = versi_gudang(konfigurasi.gudang)
                teks_tanggal = meta_gudang(versi).get("tanggal_data", "")[:10] if versi else ""
                tanggal = fmt.tanggal(dt.date.fromisoformat(teks_tanggal), b) if teks_tanggal else fmt.KOSONG
                j = {k: sum(getattr(r, k) for r in dimuat if not r.sudah_pernah_dimuat)
                     for k in ("baris_dimuat", "baris_dikarantina")}
                pesan = t("unggah_berhasil", b, dimuat=fmt.angka(j["baris_dimuat"], b),
                          karantina=fmt.angka(j["baris_dikarantina"], b), tanggal=tanggal)
                st.session_state[_HASIL] = (dimuat, pesan)
                st.session_state.pop(_PRATINJAU, None)
                st.session_state[_PUTARAN] = putaran + 1
                st.rerun()

# 5/ the checker process of the next check or load, started while the operator picks a file or reads the summary
unggah.siapkan(konfigurasi, pengguna)

# 6/ the command line, for large loads
with st.expander(t("unggah_cli", b)):
    st.code("pantau ingest laporan/puskesos_maret_2026.xlsx laporan/kecamatan_kabuh/\n"
            "pantau ingest laporan/ --json --sebagai NAMA_OPERATOR\n"
            "pantau karantina --keluar dikarantina.csv", language="bash")
