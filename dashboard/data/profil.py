"""Profil desa, Rapat kecamatan and "Perlu perhatian" (`screens.md` pages 1, 3 and 4): one desa's register, cases
by category, reporting strip and data quality; every desa of a kecamatan side by side with its ranks; who is
behind (`mart_perhatian_desa`, `mart_perhatian_tujuan`); the overdue referrals one by one.

Privacy leaves this module applied (`akses`): lists of cases through `akses.daftar_kasus_aman` (pseudonymous ids,
"kasus sensitif"); the violence counts by category below kabupaten level as `akses.lindungi_bulanan` shows them
(`<5`, `≥5`, with complementary protection), their period totals as `akses.jumlah_sel` allows, and the total line
without the sensitive cases; case totals below kabupaten level without any sensitive case
(`akses.SQL_KASUS_TAMPIL_DESA`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

import akses
from akses import DISEMBUNYIKAN, KOLOM_SENSITIF, SQL_KASUS_TAMPIL, SQL_KASUS_TAMPIL_DESA, daftar_kasus_aman
from dashboard.data import ukuran
from dashboard.data.gerbang import _BESAR, _KECIL, _TTL, _gerbang, _kolom_tanggal, _tanggal, deret_bulanan, kueri
from dashboard.db import VersiGudang
from dashboard.sesi import konfigurasi_aktif
from pipelines.enums import KATEGORI_SENSITIF, KODE_KATEGORI

_KATEGORI = tuple(k for k in KODE_KATEGORI if k != "nihil")
_KOLOM_KATEGORI = ", ".join(f"kasus_{k}" for k in _KATEGORI)  # identifiers from the enum list

TOTAL_BUKAN_SENSITIF = "_total"
"""Index label of the last row of `kasus_kategori`: the cases that are not sensitive (every category but the two
violence categories, which count no sensitive case: `mart_desa_bulan`)."""
SENSITIF_LAIN = "_sensitif_lain"
"""Index label of the kabupaten-only row of `kasus_kategori`: sensitive cases outside the violence categories (a
victim of violence as target group), which the other category rows do not count."""


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def profil_desa(versi: VersiGudang, kode_desa: str) -> pd.DataFrame:
    """One row (none for an unknown code): the desa, its kecamatan, its Puskesos status as of the cut-off and its
    register as loaded (`mart_puskesos_status`: `status_register`, `nomor_sk`, `tanggal_sk`, `ketua_terlatih`,
    `tahun_anggaran`, `anggaran_rp`; null without a register row)."""
    df = kueri(
        versi,
        """
        select w.kode_desa, w.nama_desa, w.jenis, w.kode_kec, w.nama_kec, w.kode_kab, w.nama_kab,
            s.status_puskesos, s.bulan_lapor_terakhir, s.bulan_lapor_3,
            s.status_register, s.nomor_sk, s.tanggal_sk, s.ketua_terlatih, s.tahun_anggaran, s.anggaran_rp
        from gudang.ref_wilayah as w
        join gudang.mart_puskesos_status as s using (kode_desa)
        where w.kode_desa = $kode
        """,
        {"kode": kode_desa},
    )
    return _kolom_tanggal(df, "bulan_lapor_terakhir", "tanggal_sk")


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def _kubus_terlindungi(versi: VersiGudang, kode_kab: str) -> pd.DataFrame:
    """Every desa, kecamatan and kabupaten row of one regency's monthly mart through `akses.lindungi_bulanan`: the
    sensitive cells as they may be shown (`<5`, `≥5` or the count), with complementary rows chosen with the
    installation's key. Computed once per warehouse version and regency (a fraction of a second for Jombang)."""
    kubus = akses.rapikan_kubus(kueri(versi, "select * from gudang.mart_wilayah_bulan where kode_kab = $kab",
                                      {"kab": kode_kab}))
    kubus["bulan"] = [_tanggal(x) for x in kubus["bulan"]]
    return akses.lindungi_bulanan(kubus, akses.muat_kunci(konfigurasi_aktif()))


@_gerbang()
def kasus_sensitif_terlindungi(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The sensitive counts of one desa or kecamatan per month as they may be shown (`metrics.md` section 7 with
    complementary protection, `akses.lindungi_bulanan`): `bulan`, `kasus_kekerasan_perempuan`,
    `kasus_kekerasan_anak`, `kasus_sensitif`, each an int or `<5` / `≥5`. A month may show `<5` where the desa had
    none: it was chosen to protect another desa."""
    kubus = _kubus_terlindungi(versi, kode_wilayah[:5])
    baris = kubus[(kubus["kode_wilayah"] == kode_wilayah) & (kubus["bulan"] >= dari) & (kubus["bulan"] <= sampai)]
    return baris[["bulan", *KOLOM_SENSITIF]].sort_values("bulan").reset_index(drop=True)


@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def _kasus_kategori_mentah(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """RAW monthly counts by category of one wilayah (never leaves the door: `kasus_kategori_bulanan`)."""
    return deret_bulanan(versi, kode_wilayah, dari, sampai,
                         f"{SQL_KASUS_TAMPIL} as kasus_baru, {_KOLOM_KATEGORI}, kasus_sensitif, desa_melapor, "
                         "sudah_jatuh_tempo")


@_gerbang()
def kasus_kategori_bulanan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """`kasus_baru` (below kabupaten level without the sensitive cases, `akses.SQL_KASUS_TAMPIL`) and every
    `kasus_<kategori>` per month of one wilayah; the other categories count no sensitive case. Below kabupaten level
    the two violence columns are the protected cells of `kasus_sensitif_terlindungi` (an int, `<5` or `≥5`; `<5` for
    a month the protected mart lacks) and `kasus_sensitif` is dropped; at kabupaten level it is kept (exact)."""
    df = _kasus_kategori_mentah(versi, kode_wilayah, dari, sampai).copy()
    if akses.tingkat_dari_kode(kode_wilayah) == "kabupaten":
        return df
    df = df.drop(columns="kasus_sensitif")
    terlindungi = kasus_sensitif_terlindungi(versi, kode_wilayah, dari, sampai)
    sel = dict(zip(terlindungi["bulan"], terlindungi.to_dict("records"), strict=True))
    for k in sorted(KATEGORI_SENSITIF):
        kolom = f"kasus_{k}"
        df[kolom] = pd.Series([sel[b][kolom] if b in sel else DISEMBUNYIKAN for b in df["bulan"]],
                              index=df.index, dtype=object)
    return df


@_gerbang()
def kasus_kategori(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Cases by category (rows: every category code but `nihil`, in enum order) x month (columns: the months'
    `date`s) plus `jumlah`, the period total, as they may be shown: below kabupaten level the violence rows are the
    protected cells of `kasus_kategori_bulanan` and their total the range those cells allow (`akses.jumlah_sel`).
    The other categories count no sensitive case; at kabupaten level a row `SENSITIF_LAIN` counts the sensitive
    cases outside the violence categories, so that the rows add up to every case. The last row,
    `TOTAL_BUKAN_SENSITIF`, totals the cases that are not sensitive, so that a hidden count cannot be recovered by
    subtraction (`metrics.md` section 7). For a desa, a month it sent nothing for holds None in every
    row (`attrs["tidak_melapor"]`: "tidak melapor", never 0); months not yet due are listed in
    `attrs["belum_lengkap"]` (partial)."""
    bulanan = kasus_kategori_bulanan(versi, kode_wilayah, dari, sampai)
    bulan = list(bulanan["bulan"])
    # a desa that sent nothing for a month has no value for it ("tidak melapor"), never 0 (`metrics.md` section 3)
    # (a month not yet due is partial, "belum lengkap", not silent)
    diam = ([b for b, lapor, due in zip(bulan, bulanan["desa_melapor"], bulanan["sudah_jatuh_tempo"], strict=True)
             if int(lapor) == 0 and bool(due)] if akses.tingkat_dari_kode(kode_wilayah) == "desa" else [])
    tabel = pd.DataFrame({b: [None] * len(_KATEGORI) if b in diam else list(bulanan.iloc[i][[f"kasus_{k}" for k in
                                                                                              _KATEGORI]])
                          for i, b in enumerate(bulan)}, index=list(_KATEGORI), dtype=object)
    terlindungi = akses.tingkat_dari_kode(kode_wilayah) != "kabupaten"
    if not terlindungi:
        tabel.loc[SENSITIF_LAIN] = [int(r["kasus_sensitif"]) - int(r["kasus_kekerasan_perempuan"])
                                    - int(r["kasus_kekerasan_anak"]) for _, r in bulanan.iterrows()]
    ada = [b for b in bulan if b not in diam]
    tabel["jumlah"] = [akses.jumlah_sel(list(tabel.loc[k, ada])) if terlindungi and k in KATEGORI_SENSITIF
                       else int(sum(int(v) for v in tabel.loc[k, ada])) for k in tabel.index]
    bukan_sensitif = [k for k in _KATEGORI if k not in KATEGORI_SENSITIF]
    tabel.loc[TOTAL_BUKAN_SENSITIF] = [None if kolom in diam else int(sum(int(v) for v in tabel.loc[bukan_sensitif,
                                                                                                   kolom]))
                                       for kolom in tabel.columns]
    tabel.attrs["tidak_melapor"] = diam
    tabel.attrs["belum_lengkap"] = [b for b, due in zip(bulan, bulanan["sudah_jatuh_tempo"], strict=True)
                                    if not bool(due)]
    return tabel


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_terlambat(versi: VersiGudang, kode_wilayah: str) -> pd.DataFrame:
    """Open referrals past their destination's SLA at the cut-off in a desa, kecamatan or kabupaten, by
    destination, desa and age (oldest first). Privacy applied: pseudonymous ids only, a sensitive case's
    category replaced by `akses.KASUS_SENSITIF`. Columns: `pseudonim_kasus`, `kode_desa`, `nama_desa`,
    `kategori`, `tujuan_rujukan`, `tanggal_mulai`, `umur_hari`, `sla_hari`, `lewat_hari`, `status_per`,
    `tanpa_respon`."""
    df = kueri(
        versi,
        """
        select r.pseudonim_kasus, r.kode_desa, w.nama_desa, r.kategori, r.sensitif, r.tujuan_rujukan,
            r.tanggal_mulai, r.umur_hari, r.sla_hari, r.umur_hari - r.sla_hari as lewat_hari, r.status_per,
            r.tanpa_respon
        from gudang.mart_rujukan as r
        join gudang.ref_wilayah as w using (kode_desa)
        where r.terlambat and (r.kode_desa = $kode or r.kode_kec = $kode or r.kode_kab = $kode)
        order by r.tujuan_rujukan, w.nama_desa, r.umur_hari desc, r.pseudonim_kasus
        """,
        {"kode": kode_wilayah},
    )
    return daftar_kasus_aman(_kolom_tanggal(df, "tanggal_mulai"))


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def riwayat_lapor(versi: VersiGudang, kode_desa: str, bulan_akhir: dt.date, jumlah: int = 12) -> pd.DataFrame:
    """The reporting of one desa over `jumlah` months ending with `bulan_akhir` (a first of month), oldest first.

    `status_lapor` per month, the state of `mart_pelaporan_desa_bulan` (the one definition the Kualitas data page
    reads too) in the Profil's words: `tepat_waktu`, `terlambat` (received after day N of the next month), `nihil`
    (only a nihil report), `tidak_melapor` (due, nothing received), `belum_jatuh_tempo` (not due yet, nothing
    received: never counted as missing), `belum_wajib` (not expected yet), `tanpa_data` (outside the warehouse's
    months).
    """
    df = kueri(
        versi,
        """
        with bulan as (
            select cast(b as date) as bulan
            from generate_series($akhir::date - to_months($jumlah - 1), $akhir::date, interval 1 month) as g(b)
        )
        select
            b.bulan,
            case m.status_lapor
                when 'diam' then 'tidak_melapor'
                when 'belum_diharapkan' then 'belum_wajib'
                else coalesce(m.status_lapor, 'tanpa_data')
            end as status_lapor
        from bulan as b
        left join gudang.mart_pelaporan_desa_bulan as m on m.kode_desa = $kode and m.bulan = b.bulan
        order by b.bulan
        """,
        {"kode": kode_desa, "akhir": bulan_akhir, "jumlah": jumlah},
    )
    return _kolom_tanggal(df, "bulan")


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def kualitas_desa(versi: VersiGudang, kode_desa: str) -> pd.DataFrame:
    """Data quality of one desa, one row. The files that touched it are those with a loaded row of the desa
    (`mart_berkas_desa`) or a quarantined row attributed to it (`mart_karantina.kode_desa`: by its code, or by a
    name that names exactly this desa, the same attribution as the Kualitas data page): `berkas`, `baris_dimuat`
    (loaded rows of the desa), `dikarantina_desa` (quarantined rows attributed to the desa), `dikarantina_berkas`
    (all quarantined rows of those files), `peringatan_desa` (warnings on the desa's loaded rows,
    `mart_peringatan`), `peringatan_berkas` (all warnings of those files)."""
    return kueri(
        versi,
        """
        with dimuat as (
            select id_berkas, baris_dimuat from gudang.mart_berkas_desa where kode_desa = $kode
        ),
        karantina_desa as (
            select id_berkas from gudang.mart_karantina where kode_desa = $kode
        ),
        berkas as (
            select id_berkas from dimuat union select id_berkas from karantina_desa
        )
        select
            (select count(*) from berkas) as berkas,
            (select coalesce(sum(baris_dimuat), 0) from dimuat)::bigint as baris_dimuat,
            (select count(*) from karantina_desa) as dikarantina_desa,
            (select count(*) from gudang.mart_karantina where id_berkas in (select id_berkas from berkas))
                as dikarantina_berkas,
            (select count(*) from gudang.mart_peringatan where kode_desa = $kode) as peringatan_desa,
            (select count(*) from gudang.mart_peringatan where id_berkas in (select id_berkas from berkas))
                as peringatan_berkas
        """,
        {"kode": kode_desa},
    )


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rapat_desa(versi: VersiGudang, kode_kec: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Every desa of one kecamatan side by side, in code order: the period's numbers, the monthly series for the
    sparklines, the cut-off's status, and two ranks within the kecamatan (1 = best, ties share a rank).

    Period (months `dari`..`sampai`): `kasus_baru`, `kasus_bulanan`; `dikirim_matang_90`, `selesai_90_matang`,
    `selesai_90` (mature months only; NaN without mature referrals), `selesai_90_bulanan` (per mature month with
    referrals, else None); `terlambat_bulanan` (overdue referrals by start month); `bulan_diharapkan`,
    `bulan_melapor` (reports received for expected months), `kelengkapan`, `lapor_bulanan` (0/1).
    Cut-off (`mart_perhatian_desa`): `status_puskesos`, `tunggakan` (all open referrals past SLA), `tanpa_respon`,
    `pelaporan_turun`. Ranks (they depend on the period, so they are ranked here): `peringkat_selesai_90` among the
    `desa_peringkat_selesai_90` desa with mature referrals (highest first); `peringkat_tunggakan` among the
    `desa_peringkat_tunggakan` desa whose Puskesos reports (aktif or tersendat; fewest first). Null when the desa
    is not ranked.
    """
    df = kueri(
        versi,
        f"""
        with bulanan as (
            select
                kode_wilayah as kode_desa,
                sum({SQL_KASUS_TAMPIL_DESA})::bigint as kasus_baru,
                list({SQL_KASUS_TAMPIL_DESA} order by bulan) as kasus_bulanan,
                {ukuran.dikirim_matang_90()}::bigint as dikirim_matang_90,
                {ukuran.selesai_90_matang()}::bigint as selesai_90_matang,
                list({ukuran.SELESAI_90_BULAN} order by bulan) as selesai_90_bulanan,
                list(rujukan_terlambat::bigint order by bulan) as terlambat_bulanan,
                sum(desa_diharapkan)::bigint as bulan_diharapkan,
                {ukuran.jumlah("desa_melapor", "desa_diharapkan = 1")}::bigint as bulan_melapor,
                list(desa_melapor order by bulan) as lapor_bulanan
            from gudang.mart_wilayah_bulan
            where tingkat = 'desa' and kode_kec = $kec and bulan between $dari and $sampai
            group by kode_wilayah
        ),
        gabung as (
            select
                p.kode_desa, p.nama_desa, p.status_puskesos,
                coalesce(b.kasus_baru, 0) as kasus_baru, b.kasus_bulanan,
                coalesce(b.dikirim_matang_90, 0) as dikirim_matang_90,
                coalesce(b.selesai_90_matang, 0) as selesai_90_matang,
                {ukuran.SELESAI_90} as selesai_90,
                b.selesai_90_bulanan, b.terlambat_bulanan,
                p.rujukan_terlambat as tunggakan, p.rujukan_tanpa_respon as tanpa_respon,
                coalesce(b.bulan_diharapkan, 0) as bulan_diharapkan, coalesce(b.bulan_melapor, 0) as bulan_melapor,
                {ukuran.KELENGKAPAN} as kelengkapan, b.lapor_bulanan,
                p.pelaporan_turun,
                coalesce(b.dikirim_matang_90, 0) > 0 as ada_matang,
                p.status_puskesos in ('aktif', 'tersendat') as melapor
            from gudang.mart_perhatian_desa as p
            left join bulanan as b using (kode_desa)
            where p.kode_kec = $kec
        )
        select
            * exclude (ada_matang, melapor),
            case when ada_matang then rank() over (partition by ada_matang order by selesai_90 desc) end
                as peringkat_selesai_90,
            count(*) filter (where ada_matang) over () as desa_peringkat_selesai_90,
            case when melapor then rank() over (partition by melapor order by tunggakan) end as peringkat_tunggakan,
            count(*) filter (where melapor) over () as desa_peringkat_tunggakan
        from gabung
        order by kode_desa
        """,
        {"kec": kode_kec, "dari": dari, "sampai": sampai},
    )
    df["selesai_90"] = df["selesai_90"].astype("float64")
    df["kelengkapan"] = df["kelengkapan"].astype("float64")
    return df


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def perhatian_desa(versi: VersiGudang, kode_wilayah: str, batas: int = 10) -> pd.DataFrame:
    """The `batas` desa most behind in a kecamatan or kabupaten (`mart_perhatian_desa`, skor > 0), worst first."""
    df = kueri(
        versi,
        """
        select kode_desa, nama_desa, kode_kec, nama_kec, status_puskesos, skor, rujukan_terlambat,
            rujukan_tanpa_respon, umur_terlambat_tertua, bulan_tidak_lapor_3, diharapkan_3, bulan_diam_beruntun,
            diam_sejak, bulan_lapor_terakhir
        from gudang.mart_perhatian_desa
        where skor > 0 and (kode_kec = $kode or kode_kab = $kode)
        order by case when kode_kec = $kode then peringkat_kec else peringkat_kab end
        limit $batas
        """,
        {"kode": kode_wilayah, "batas": batas},
    )
    return _kolom_tanggal(df, "diam_sejak", "bulan_lapor_terakhir")


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def perhatian_tujuan(versi: VersiGudang, kode_wilayah: str, batas: int | None = 5) -> pd.DataFrame:
    """Referral destinations of a kecamatan or kabupaten by how far behind they are (`mart_perhatian_tujuan`),
    worst first: the first `batas` with skor > 0, or with `batas=None` every destination with an overdue one."""
    return kueri(
        versi,
        """
        select tujuan_rujukan, skor, rujukan, rujukan_terbuka, rujukan_terlambat, rujukan_tanpa_respon,
            rujukan_ditolak, umur_terlambat_tertua, desa_terlambat
        from gudang.mart_perhatian_tujuan
        where kode_wilayah = $kode and (case when $semua then rujukan_terlambat > 0 else skor > 0 end)
        order by peringkat
        limit $batas
        """,
        {"kode": kode_wilayah, "semua": batas is None, "batas": batas if batas is not None else 1_000_000},
    )


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def puskesos_bermasalah(versi: VersiGudang, kode_kec: str) -> pd.DataFrame:
    """Desa of a kecamatan whose Puskesos is `diam` or `tersendat` at the cut-off: silent ones first, then the
    longer silence. Columns: `kode_desa`, `nama_desa`, `status_puskesos`, `bulan_lapor_terakhir`, `diterima_3`,
    `diharapkan_3`, `bulan_diam_beruntun`, `diam_sejak`."""
    df = kueri(
        versi,
        """
        select kode_desa, nama_desa, status_puskesos, bulan_lapor_terakhir, diterima_3, diharapkan_3,
            bulan_diam_beruntun, diam_sejak
        from gudang.mart_perhatian_desa
        where kode_kec = $kec and status_puskesos in ('diam', 'tersendat')
        order by status_puskesos = 'tersendat', bulan_diam_beruntun desc, kode_desa
        """,
        {"kec": kode_kec},
    )
    return _kolom_tanggal(df, "bulan_lapor_terakhir", "diam_sejak")


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def pelaporan_turun(versi: VersiGudang, kode_kec: str) -> pd.DataFrame:
    """Desa of a kecamatan whose reporting completeness fell: the last 3 full months before the cut-off month
    against the 3 before (`mart_perhatian_desa.pelaporan_turun`), largest fall first."""
    df = kueri(
        versi,
        """
        select kode_desa, nama_desa, status_puskesos, diterima_3_sebelumnya, diharapkan_3_sebelumnya,
            kelengkapan_3_sebelumnya, diterima_3, diharapkan_3, kelengkapan_3
        from gudang.mart_perhatian_desa
        where kode_kec = $kec and pelaporan_turun
        order by kelengkapan_3 - kelengkapan_3_sebelumnya, kode_desa
        """,
        {"kec": kode_kec},
    )
    for kolom in ("kelengkapan_3", "kelengkapan_3_sebelumnya"):
        df[kolom] = df[kolom].astype("float64")
    return df
