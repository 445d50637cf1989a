"""The small-cell rule of `metrics.md` section 7, in one place for every table the project shows or exports.

Below kabupaten level, counts of sensitive cases (violence against women or
children, and victims of violence as target group) from 1 to 4 are shown as
`<5`. Zero stays 0 and 5 or more is shown. (Complementary protection against
recovery by subtraction is the job of the access gate, `pipelines.akses.lindungi_bulanan`, which takes its
threshold and markers from here: every view of the monthly mart below kabupaten level goes through it.)
"""

from __future__ import annotations

import re

import pandas as pd

AMBANG = 5
KOLOM_SENSITIF = ("kasus_kekerasan_perempuan", "kasus_kekerasan_anak", "kasus_sensitif")
DISEMBUNYIKAN = "<5"


def sembunyikan_sel_kecil(df: pd.DataFrame, tingkat: str) -> pd.DataFrame:
    """Replace sensitive counts 1-4 by `<5` in a desa or kecamatan table; kabupaten tables pass unchanged."""
    if tingkat == "kabupaten":
        return df
    keluar = df.copy()
    for kolom in KOLOM_SENSITIF:
        if kolom in keluar.columns:
            nilai = keluar[kolom]
            kecil = (nilai > 0) & (nilai < AMBANG)
            keluar[kolom] = nilai.astype(object).where(~kecil, DISEMBUNYIKAN)
    return keluar


# Lists of individual cases and tables by category (Profil desa, Rapat kecamatan, their exports).

KASUS_SENSITIF = "kasus sensitif"
"""What a list shows instead of the category of a sensitive case (`metrics.md` section 7)."""

KOLOM_DAFTAR_KASUS = (
    "pseudonim_kasus", "kode_desa", "nama_desa", "kode_kec", "nama_kec", "kategori", "tujuan_rujukan",
    "tanggal_mulai", "bulan_mulai", "tanggal_respon", "tanggal_selesai", "umur_hari", "sla_hari", "lewat_hari",
    "status_per", "status_sla", "terbuka", "terlambat", "tanpa_respon", "kelompok_umur",
)
"""The columns a list of cases may carry: pseudonymous id, place, category, dates, status, destination."""


def daftar_kasus_aman(df: pd.DataFrame) -> pd.DataFrame:
    """A list of cases fit to show or export: only the allowed columns (never `no_registrasi` or a NIK
    pseudonym), and the category of a sensitive case (the row's `sensitif` flag, or a sensitive category)
    replaced by `KASUS_SENSITIF`."""
    from pipelines.enums import KATEGORI_SENSITIF

    keluar = df[[k for k in df.columns if k in KOLOM_DAFTAR_KASUS]].copy()
    if "kategori" in keluar.columns:
        sensitif = keluar["kategori"].isin(KATEGORI_SENSITIF)
        if "sensitif" in df.columns:
            sensitif = sensitif | df["sensitif"].fillna(False).astype(bool)
        keluar["kategori"] = keluar["kategori"].astype(object).where(~sensitif, KASUS_SENSITIF)
    return keluar


SQL_KASUS_TAMPIL = ("(kasus_baru - case when tingkat = 'kabupaten' then 0 "
                    "else kasus_kekerasan_perempuan + kasus_kekerasan_anak end)")
"""`kasus_baru` as the app shows it, for a row of `mart_wilayah_bulan`: below kabupaten level without the two violence
categories, always (`metrics.md` section 7, "totals that exclude the sensitive categories"), so that no total, trend,
map or table of a desa or kecamatan can be set against its `<5` cells to work them out. Kabupaten rows are exact."""

SQL_KASUS_TAMPIL_DESA = "(kasus_baru - kasus_kekerasan_perempuan - kasus_kekerasan_anak)"
"""The same for tables of desa rows only (`mart_desa_bulan`, desa rows of `mart_wilayah_bulan`)."""


def sel_kecil(nilai: object) -> object:
    """One sensitive count as it may be shown below kabupaten level: 1-4 become `<5`, anything else passes."""
    import numbers

    if isinstance(nilai, numbers.Real) and not isinstance(nilai, bool) and 0 < float(nilai) < AMBANG:
        return DISEMBUNYIKAN
    return nilai


# Referral tables by destination and exports of raw rows (Rujukan and Kualitas data pages).

TUJUAN_SENSITIF = frozenset({"uptd_ppa"})
"""Destinations whose referrals are violence cases in all but name (the women and children protection unit):
their counts below kabupaten level follow the same small-cell rule as the sensitive categories."""


def sembunyikan_tujuan_sensitif(df: pd.DataFrame, tingkat: str, kolom_angka: tuple[str, ...],
                                kolom_tujuan: str = "tujuan_rujukan") -> pd.DataFrame:
    """A table with one row per referral destination: below kabupaten level, the counts 1-4 (in `kolom_angka`) of
    a row whose destination is in `TUJUAN_SENSITIF` become `<5`; other rows and kabupaten tables pass unchanged."""
    if tingkat == "kabupaten" or kolom_tujuan not in df.columns:
        return df
    keluar = df.copy()
    baris = keluar[kolom_tujuan].isin(TUJUAN_SENSITIF)
    for kolom in kolom_angka:
        if kolom in keluar.columns:
            keluar[kolom] = keluar[kolom].astype(object)
            keluar.loc[baris, kolom] = [sel_kecil(v) for v in keluar.loc[baris, kolom]]
    return keluar


_KOLOM_IDENTITAS = re.compile(r"^(nik|no_kk|kk|id_keluarga|nik_.*|.*_nik|nomor_kk|no_kartu_keluarga)$")


def ekspor_aman(df: pd.DataFrame) -> pd.DataFrame:
    """Rows fit to leave the app as a file: no column that names personal data or free text (the reader's own
    rule, `validasi.skema.kolom_pribadi`, for any column that is not one of the contract's own) nor an identity
    number (NIK, No KK, id_keluarga, even as "(disembunyikan)"); a column may carry an `isi_` prefix. Every text
    cell is neutralised against spreadsheet formulas (`=HYPERLINK(...)` becomes `'=HYPERLINK(...)`)."""
    from pipelines.baca.nilai import netralkan_rumus
    from pipelines.enums import normalkan
    from pipelines.validasi.skema import SEMUA_JENIS, kolom_pribadi

    kanonik = {k for j in SEMUA_JENIS.values() for k in j.kolom}  # nama_desa is a place, not a person

    def pribadi(kolom: object) -> bool:
        inti = normalkan(str(kolom)).removeprefix("isi_")
        return bool(_KOLOM_IDENTITAS.match(inti)) or (inti not in kanonik and kolom_pribadi(inti))

    keluar = df[[k for k in df.columns if not pribadi(k)]].copy()
    for kolom in keluar.columns:
        if keluar[kolom].dtype == object or pd.api.types.is_string_dtype(keluar[kolom]):
            keluar[kolom] = keluar[kolom].map(lambda v: netralkan_rumus(v) if isinstance(v, str) else v)
    return keluar


# Warehouse tables exported for roll-ups (`pantau ekspor --parquet`): the same rules, as SQL over whole tables.

KOLOM_TIDAK_DIEKSPOR = frozenset({
    "no_registrasi", "nik_pseudonim", "kk_pseudonim", "nik_krt", "nik_penerima", "id_keluarga", "id_penerima",
    "isi", "pesan", "berkas",
})
"""Columns that never leave in a warehouse export: case numbers and identity pseudonyms (a case list shows only
`pseudonim_kasus`), quarantined cell contents, warning texts (they quote cells) and file paths (`nama_berkas` stays)."""

KOLOM_TUJUAN_SENSITIF = ("rujukan", "rujukan_terbuka", "rujukan_terlambat", "rujukan_tanpa_respon",
                         "rujukan_ditolak", "desa_terlambat")
"""Counts of a per-destination table that follow the small-cell rule for a sensitive destination."""


def _literal(teks: str) -> str:
    return "'" + teks.replace("'", "''") + "'"


def sql_kolom_ekspor(kolom: list[str]) -> list[str]:
    """SELECT expressions exporting one warehouse table (its column names, in order) under this module's rules.

    Dropped: `KOLOM_TIDAK_DIEKSPOR` and whatever `ekspor_aman` drops; `no_registrasi` becomes the app's
    `pseudonim_kasus` (`pseudonim.sql_pseudonim_kasus`: keyed, the session needs `pseudonim.atur_kunci_sql`).
    Below kabupaten level (rows whose `tingkat` is not `kabupaten`, or every row of a per-desa table without
    `tingkat`), a sensitive count 1-4 becomes NULL (the export's `<5`: these counts are never NULL otherwise), and
    so do the counts 1-4 of a sensitive destination in a per-destination table. In a per-case table (one with
    `sensitif`), `kategori` and `kelompok_sasaran` of a sensitive case read `kasus sensitif`. Kabupaten rows pass
    unchanged, so roll-ups of them are exact.
    """
    from pipelines.enums import KATEGORI_SENSITIF
    from pipelines.pseudonim import sql_pseudonim_kasus

    boleh = set(ekspor_aman(pd.DataFrame(columns=list(kolom))).columns) - KOLOM_TIDAK_DIEKSPOR
    per_desa = "tingkat" in kolom or "kode_desa" in kolom
    di_bawah_kab = "tingkat <> 'kabupaten'" if "tingkat" in kolom else "true"
    tujuan = ", ".join(_literal(t) for t in sorted(TUJUAN_SENSITIF))
    kategori = ", ".join(_literal(k) for k in sorted(KATEGORI_SENSITIF))
    keluar = []
    for k in kolom:
        if k == "no_registrasi" and "kode_desa" in kolom and "pseudonim_kasus" not in kolom:
            # the case key as the app shows it (`int_rujukan.pseudonim_kasus`), so a case can still be followed
            keluar.append(sql_pseudonim_kasus("kode_desa", "no_registrasi") + " as pseudonim_kasus")
        if k not in boleh:
            continue
        q = f'"{k}"'
        if per_desa and k in KOLOM_SENSITIF:
            keluar.append(f"case when {di_bawah_kab} and {q} between 1 and {AMBANG - 1} then null else {q} end as {q}")
        elif per_desa and "tujuan_rujukan" in kolom and k in KOLOM_TUJUAN_SENSITIF:
            keluar.append(f"case when {di_bawah_kab} and tujuan_rujukan in ({tujuan}) and {q} between 1 and "
                          f"{AMBANG - 1} then null else {q} end as {q}")
        elif "sensitif" in kolom and k in ("kategori", "kelompok_sasaran"):
            syarat = f"coalesce(sensitif, false) or kategori in ({kategori})" if "kategori" in kolom \
                else "coalesce(sensitif, false)"
            keluar.append(f"case when {syarat} then {_literal(KASUS_SENSITIF)} else {q} end as {q}")
        else:
            keluar.append(q)
    return keluar
