"""Ringkasan (briefing, the default page): KPI tiles with their change, the monthly trend, the desa and
referral destinations that need attention, for a kabupaten or kecamatan the trends by category, target group and
channel and the Puskesos register summed, and the briefing pack to download.

For the Bupati five minutes before a meeting (`screens.md`, page 1). Render only: the
numbers come from `dashboard.data`, the filter bar and the freshness line from the frame.
On the projector (`?tampilan=presentasi`) the same numbers, larger, with no pop-up and no download.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.i18n import t
from dashboard.komponen.grafik import grafik_tren
from dashboard.komponen.kpi import (
    isi_kasus_baru,
    isi_puskesos_aktif,
    isi_selesai_90,
    isi_tunggakan,
    judul_periode,
    ubin_kpi,
)
from dashboard.komponen.program import isi_ubin_ringkasan as ubin_pbi
from dashboard.komponen.rapat import perlu_perhatian
from dashboard.komponen.target import isi_ubin_ringkasan as ubin_target
from dashboard.komponen.tren import bagian_register, bagian_tren
from dashboard.komponen.unduhan import tombol_bahan_rapat
from dashboard.laporan import isi_bahan
from dashboard.pilihan import pilihan_aktif
from dashboard.tampilan import mode_tampilan

# 1/ selection (made by the frame's filter bar)
p = pilihan_aktif()
b = p.bahasa
mode = mode_tampilan()
presentasi = mode == "presentasi"

# 2/ data
kpi = data.kpi_ringkasan(p.versi, p.kode_wilayah, p.dari, p.sampai)
puskesos = data.puskesos_status(p.versi, p.kode_wilayah)
tren = data.tren_bulanan(p.versi, p.kode_wilayah, p.dari, p.sampai)
bulan_pertama = data.bulan_tersedia(p.versi)[0]

# 3/ title
st.markdown(f"##### {t('ringkasan_judul', b)} · {p.nama_wilayah} &nbsp; :gray[{judul_periode(kpi, bulan_pertama, b)}]")

# 4/ KPI tiles: cases and referrals, Puskesos, PBI-JK coverage, poverty against the newest target
isi_kpi = [isi_kasus_baru(kpi, b, p.tingkat), isi_selesai_90(kpi, p.tanggal_data, b),
           isi_tunggakan(kpi, p.tanggal_data, b),
           isi_puskesos_aktif(puskesos, p.tanggal_data, b),
           ubin_pbi(data.program_wilayah(p.versi, p.kode_wilayah, "pbi_jk"), b),
           ubin_target(data.target_kemiskinan(p.versi, p.kode_kab), b, p.tingkat)]
for k, isi in zip(st.columns(4, gap="small"), isi_kpi[:4], strict=True):
    with k:
        ubin_kpi(isi, b, definisi=not presentasi)

# 5/ programs and the poverty target beside the monthly trend (totals only)
kiri, kanan = st.columns([1, 3], gap="small")
with kiri:
    for isi in isi_kpi[4:]:
        ubin_kpi(isi, b, definisi=not presentasi)
    if "pp" in (isi_kpi[5].keterangan or ""):  # the poverty tile names a gap in percentage points
        st.caption(t("target_ket_pp", b))
with kanan:
    grafik_tren(tren, p.bulan_jatuh_tempo, p.tanggal_data, p.nama_wilayah, b, mode)

# 6/ perlu perhatian: the desa and destinations most behind as of the cut-off (for a desa: its kecamatan)
kode_lingkup = p.kode_kec or p.kode_kab
lingkup = (t("perhatian_lingkup_desa", b, kec=p.nama_kec) if p.kode_desa
           else f"Kec. {p.nama_kec}" if p.kode_kec else p.nama_kab)
perhatian_desa = data.perhatian_desa(p.versi, kode_lingkup)  # the gate keeps only the desa the user may see
# destinations are kecamatan-wide figures: a desa operator gets none (there are no desa rows to read)
perhatian_tujuan = data.perhatian_tujuan(p.versi, p.kode_desa or kode_lingkup if p.tingkat_pengguna == "desa"
                                         else kode_lingkup)
perlu_perhatian(perhatian_desa, perhatian_tujuan, lingkup, p.kode_kec is None, p.tanggal_data, b,
                definisi=not presentasi)
if presentasi:  # the projector: no download
    st.stop()

# 7/ kabupaten or kecamatan: trends by category, target group and channel; the Puskesos register summed
# (wide month-by-month grids: on a phone only the register's sentence, and a word on where the tables are)
if not p.kode_desa:
    if mode != "ponsel":
        bagian_tren(data.kasus_kategori(p.versi, p.kode_wilayah, p.dari, p.sampai),
                    data.tren_sasaran_kanal(p.versi, p.kode_wilayah, p.dari, p.sampai, "kelompok_sasaran"),
                    data.tren_sasaran_kanal(p.versi, p.kode_wilayah, p.dari, p.sampai, "kanal"), b)
    bagian_register(data.register_puskesos(p.versi, p.kode_wilayah), p.tanggal_data, b, tabel=mode != "ponsel")
    if mode == "ponsel":
        st.caption(t("tren_ponsel_layar_lebar", b))

# 8/ briefing pack: the same numbers, assembled by `dashboard.laporan` (as `pantau bahan` does), made when asked
st.markdown(f"##### {t('unduh_bahan_judul', b)}")
tombol_bahan_rapat(p, lambda: isi_bahan(p))
