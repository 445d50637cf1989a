"""Build: reference tables, then the SQL models in order, then the checks; fail loudly when a check finds rows.

Models are the `.sql` files under `pipelines/sql/`, run in the order of
`MODEL` (an allow-list: no identifier comes from anywhere else). `stg_*` and
`mart_*` are materialised as tables, `int_*` are views that follow the cut-off
variable `per`. `hitung_mart_per` re-runs the marts for another cut-off into
temporary tables of a read-only session, so `--per` uses the same definitions.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from akses import sql_pseudonim_kasus
from pipelines.enums import KATEGORI, KATEGORI_SENSITIF, TUJUAN_RUJUKAN, TUJUAN_SENSITIF
from pipelines.konfigurasi import Konfigurasi
from pipelines.wilayah import Wilayah

FOLDER_SQL = Path(__file__).resolve().parent / "sql"

MODEL: tuple[tuple[str, str], ...] = (
    ("staging", "stg_laporan_kasus"),
    ("staging", "stg_puskesos"),
    ("staging", "stg_penduduk"),
    ("staging", "stg_indikator_kemiskinan"),
    ("staging", "stg_target_kemiskinan"),
    ("staging", "stg_dtks"),
    ("staging", "stg_penerima_program"),
    ("intermediate", "int_kasus_terkini"),
    ("intermediate", "int_kasus"),
    ("intermediate", "int_rujukan"),
    ("marts", "mart_desa_bulan"),
    ("marts", "mart_wilayah_bulan"),
    ("marts", "mart_puskesos_status"),
    ("marts", "mart_puskesos_wilayah"),
    ("marts", "mart_sasaran_kanal_bulan"),
    ("marts", "mart_penduduk_bulan"),
    ("marts", "mart_rujukan"),
    ("marts", "mart_rujukan_sensitif"),
    ("marts", "mart_perhatian_desa"),
    ("marts", "mart_perhatian_tujuan"),
    ("intermediate", "int_program_periode"),
    ("marts", "mart_program_desa"),
    ("marts", "mart_program_wilayah"),
    ("marts", "mart_program_nonaktif"),
    ("marts", "mart_program_diminta"),
    ("marts", "mart_proyeksi_kemiskinan"),
    ("marts", "mart_target"),
    ("marts", "mart_target_jalur"),
    ("marts", "mart_indikator_kemiskinan"),
    ("marts", "mart_target_tahunan"),
    ("marts", "mart_pelaporan_desa_bulan"),
    ("marts", "mart_karantina"),
    ("marts", "mart_peringatan"),
    ("marts", "mart_berkas_desa"),
    ("marts", "mart_kualitas_desa"),
    ("marts", "mart_pelaporan_wilayah"),
)
MART_TERGANTUNG_PER = ("mart_desa_bulan", "mart_wilayah_bulan", "mart_puskesos_status", "mart_puskesos_wilayah",
                       "mart_sasaran_kanal_bulan", "mart_program_diminta", "mart_program_nonaktif", "mart_rujukan",
                       "mart_rujukan_sensitif", "mart_penduduk_bulan",
                       "mart_perhatian_desa", "mart_perhatian_tujuan",
                       "mart_program_desa", "mart_program_wilayah",
                       "mart_pelaporan_desa_bulan", "mart_kualitas_desa", "mart_pelaporan_wilayah")


class PemeriksaanGagal(RuntimeError):
    """A data check returned rows; the warehouse is not replaced."""


class BangunKehabisanMemori(RuntimeError):
    """A model needed more memory than the warehouse may use (`[gudang] batas_memori`); the warehouse is not
    replaced."""


def sql_model(folder: str, nama: str) -> str:
    return (FOLDER_SQL / folder / f"{nama}.sql").read_text(encoding="utf-8")


KOLOM_REFERENSI_KEMISKINAN: dict[str, tuple[tuple[str, str], ...]] = {
    "ref_indikator_kemiskinan": (
        ("kode_kab", "varchar"), ("tahun", "integer"), ("persen_miskin", "double"),
        ("jumlah_miskin_jiwa", "bigint"), ("garis_kemiskinan_rp", "double"), ("sumber", "varchar"),
        ("baris", "bigint"),
    ),
    "ref_target_kemiskinan": (
        ("kode_kab", "varchar"), ("dokumen", "varchar"), ("tahun", "integer"), ("target_persen", "double"),
        ("target_persen_atas", "double"), ("sumber", "varchar"), ("catatan", "varchar"), ("baris", "bigint"),
    ),
}
"""The shipped poverty reference tables and their columns (`data/reference/indikator_kemiskinan.csv`,
`target_kemiskinan.csv`); `baris` is the row in the CSV (header = row 1)."""


def tulis_referensi_kemiskinan(con: duckdb.DuckDBPyConnection, konfigurasi: Konfigurasi) -> None:
    """`ref_indikator_kemiskinan` and `ref_target_kemiskinan`: the shipped BPS series and planning targets of the
    configured regencies (rows of other regencies are left out). Staging puts them under the user's loaded rows:
    a loaded row with the same key, (kode_kab, tahun) or (kode_kab, dokumen, tahun), supersedes them."""
    for tabel, kolom in KOLOM_REFERENSI_KEMISKINAN.items():
        definisi = ", ".join(f"{k} {jenis}" for k, jenis in kolom)
        con.execute(f"create or replace table {tabel} ({definisi})")  # tabel, kolom: fixed allow-list above
        berkas = konfigurasi.folder_referensi / f"{tabel.removeprefix('ref_')}.csv"
        if not berkas.is_file():
            continue
        df = pd.read_csv(berkas, dtype=str, keep_default_na=False, encoding="utf-8")
        df["baris"] = [str(i + 2) for i in range(len(df))]
        df = df[df["kode_kab"].str.strip().isin(konfigurasi.kabupaten)]
        pilih = ", ".join(f"cast(nullif(trim({k}), '') as {jenis}) as {k}" for k, jenis in kolom)
        con.register("_df", df[[k for k, _ in kolom]])
        con.execute(f"insert into {tabel} select {pilih} from _df")
        con.unregister("_df")


def tulis_referensi(con: duckdb.DuckDBPyConnection, konfigurasi: Konfigurasi, wilayah: Wilayah) -> None:
    """ref_wilayah, ref_sla and ref_kategori from the national list, the settings and the enums; the shipped
    poverty series and targets (`tulis_referensi_kemiskinan`)."""
    tabel = {
        "ref_wilayah": wilayah.tabel_desa(),
        "ref_sla": pd.DataFrame(
            {"tujuan_rujukan": [k.kode for k in TUJUAN_RUJUKAN],
             "hari": [konfigurasi.sla_untuk(k.kode) for k in TUJUAN_RUJUKAN]}
        ),
        "ref_desil_program": pd.DataFrame(
            [{"program": p, "desil_awal": a, "desil_akhir": b} for p, (a, b) in konfigurasi.desil_program.items()]
        ),
        "ref_kategori": pd.DataFrame(
            {"kategori": [k.kode for k in KATEGORI], "label_id": [k.label_id for k in KATEGORI],
             "label_en": [k.label_en for k in KATEGORI], "sensitif": [k.kode in KATEGORI_SENSITIF for k in KATEGORI]}
        ),
    }
    for nama, df in tabel.items():
        con.register("_df", df)
        con.execute(f"create or replace table {nama} as select * from _df")  # nama: fixed keys above
        con.unregister("_df")
    tulis_referensi_kemiskinan(con, konfigurasi)


def tanggal_data(con: duckdb.DuckDBPyConnection) -> date:
    """The data date: the latest send date (or load date) of any case report; today when there is none."""
    row = con.execute("select max(coalesce(r.tanggal_kirim, cast(b.dimuat_pada as date))) "
                      "from raw_laporan_kasus r join meta_berkas b using (id_berkas)").fetchone()
    return row[0] if row and row[0] else datetime.now(UTC).date()


def sql_rujukan_sensitif(sensitif: str, tujuan_rujukan: str) -> str:
    """The rule of a sensitive referral as an SQL expression over two columns: a sensitive case, or a destination in
    `enums.TUJUAN_SENSITIF` (NULLs read as false). The macro `rujukan_sensitif` of `MAKRO` and the export's filter of
    case rows (`ekspor.SARING_MIKRODATA`) both use it."""
    tujuan = ", ".join(f"'{t}'" for t in sorted(TUJUAN_SENSITIF))
    return f"(coalesce({sensitif}, false) or coalesce({tujuan_rujukan} in ({tujuan}), false))"


MAKRO = f"""
create or replace macro tanggal_per() as coalesce(
    getvariable('per'),
    (select cast(nilai as date) from meta_gudang where kunci = 'tanggal_data')
);
create or replace macro bulan_jatuh_tempo_terakhir() as cast(
    date_trunc('month', tanggal_per() - to_days(cast(coalesce(
        getvariable('hari_tepat_waktu'),
        (select cast(nilai as integer) from meta_gudang where kunci = 'hari_tepat_waktu'),
        10) as integer)))
        - interval 1 month as date
);
create or replace macro pseudonim_kasus(kode_desa, no_registrasi) as
    {sql_pseudonim_kasus("kode_desa", "no_registrasi")};
create or replace macro rujukan_sensitif(sensitif, tujuan_rujukan) as
    {sql_rujukan_sensitif("sensitif", "tujuan_rujukan")}
"""
"""`tanggal_per()`: the cut-off every model reads, the variable `per` when set (`--per`), else the warehouse's data
date. `bulan_jatuh_tempo_terakhir()`: the last DUE month at the cut-off (`metrics.md` section 3): the report for month
M is due on day `hari_tepat_waktu` (10) of M+1 and is missing only after that day, so at 2025-06-10 it is April and
at 2025-06-11 May. Every model that judges reporting (status, completeness, ranks, windows) reads it; a later month
is "belum jatuh tempo". `pseudonim_kasus(kode_desa, no_registrasi)`: the keyed case id
(`pseudonim.sql_pseudonim_kasus`; the key's pads are session variables set by `atur_variabel`, never stored in the
warehouse). `rujukan_sensitif(sensitif, tujuan_rujukan)`: a referral of a sensitive case or to a sensitive
destination (`enums.TUJUAN_SENSITIF`); such referrals are counted apart, at kabupaten level only
(`mart_rujukan_sensitif`), never in `mart_rujukan` nor in the referral counts of the monthly marts."""


def bulan_jatuh_tempo_terakhir(con: duckdb.DuckDBPyConnection) -> date:
    """The last due month at the session's cut-off (the macro of the same name, `MAKRO`)."""
    baris = con.execute("select bulan_jatuh_tempo_terakhir()").fetchone()
    assert baris is not None
    return baris[0]


def atur_variabel(con: duckdb.DuckDBPyConnection, per: date, konfigurasi: Konfigurasi) -> None:
    from akses import atur_kunci_sql, muat_kunci

    con.execute("set variable per = $per::date", {"per": per})
    atur_kunci_sql(con, muat_kunci(konfigurasi))
    con.execute("set variable hari_tepat_waktu = $h::integer", {"h": konfigurasi.hari_tepat_waktu})


DIHITUNG_SEKALI: dict[str, tuple[str, ...] | None] = {
    "int_kasus_terkini": (
        "kode_desa", "no_registrasi", "tujuan_rujukan", "kategori", "sensitif", "tanggal_lapor", "kelompok_sasaran",
        "kanal", "program", "nik_pseudonim", "kk_pseudonim", "tanggal_mulai", "tanggal_rujuk", "tanggal_respon",
        "tanggal_selesai", "status_rujukan", "tanggal_kirim_efektif",
    ),
    "int_kasus": None,
    "int_rujukan": None,
}
"""Views that several marts and checks read: during a build each is also computed once into a temporary table of
the same name, which the rest of that build reads instead of computing the view again (the window over every case
row, at national scale ten million rows, once instead of once per mart). The view stays in the warehouse, whole.
A tuple names the only columns the build's models and checks read from it (the temporary table holds just those:
at national scale the file name, sheet and other unread columns of ten million rows would spill to disk); a model
that reads another column must add it here, or the build stops with an error naming that column."""


TAMPILAN: frozenset[str] = frozenset({"stg_laporan_kasus"})
"""Staging models kept as views, not tables. `stg_laporan_kasus` renames and casts `raw_laporan_kasus` and joins
its file: as a table it copied every case row version (at national scale ten million rows, 10-12 s of a 95 s build
and their bytes in the file), while its few readers (`int_kasus_terkini`, `int_rujukan`, `mart_desa_bulan`,
`mart_kualitas_desa`) read the view as fast as the copy (`bench/catatan-sesi7-20261207.md`)."""


def _tabel_lama_dibuang(con: duckdb.DuckDBPyConnection, nama: str) -> None:
    """Drop the base table `nama` a warehouse built before `TAMPILAN` holds, so that its view can take the name."""
    ada = con.execute("select count(*) from duckdb_tables() where table_name = $nama and not temporary "
                      "and database_name = current_database()", {"nama": nama}).fetchone()
    if ada and ada[0]:
        con.execute(f"drop table {nama}")


def _materialkan(con: duckdb.DuckDBPyConnection, folder: str, nama: str, *, sementara: bool = False) -> None:
    badan = sql_model(folder, nama)
    if nama in TAMPILAN:
        _tabel_lama_dibuang(con, nama)
        con.execute(f"create or replace view {nama} as {badan}")
    elif nama.startswith("int_"):
        con.execute(f"create or replace view {nama} as {badan}")
        if nama in DIHITUNG_SEKALI:
            kolom = DIHITUNG_SEKALI[nama]
            pilih = f"select {', '.join(kolom)} from ({badan})" if kolom else badan
            con.execute(f"create or replace temp table {nama} as {pilih}")
    else:
        jenis = "temp table" if sementara else "table"
        con.execute(f"create or replace {jenis} {nama} as {badan}")


def periksa(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Run every check; return one line per failing check."""
    gagal = []
    for berkas in sorted((FOLDER_SQL / "checks").glob("*.sql")):
        hasil = con.execute(berkas.read_text(encoding="utf-8")).fetchdf()
        if len(hasil):
            contoh = hasil.head(3).to_dict(orient="records")
            gagal.append(f"{berkas.stem}: {len(hasil)} baris, mis. {contoh}")
    return gagal


def bangun(con: duckdb.DuckDBPyConnection, konfigurasi: Konfigurasi, wilayah: Wilayah,
           *, sintetis: bool | None = None) -> date:
    """Rebuild every model inside a warehouse write; returns the data date. Raises PemeriksaanGagal."""
    tulis_referensi(con, konfigurasi, wilayah)
    con.execute(MAKRO)
    per = tanggal_data(con)
    atur_variabel(con, per, konfigurasi)
    try:
        for folder, nama in MODEL:
            try:
                _materialkan(con, folder, nama)
            except duckdb.OutOfMemoryException as e:
                batas = konfigurasi.batas_memori or "tanpa batas"
                raise BangunKehabisanMemori(
                    f"Tabel {nama} tidak dapat dibangun dalam batas memori gudang ({batas}). Naikkan [gudang] "
                    "batas_memori di pantau.toml (mis. \"4GB\") atau jalankan di mesin dengan memori lebih besar; "
                    "gudang data tidak berubah.") from e
        gagal = periksa(con)
    finally:  # the views serve again (and the memory is free before the warehouse is written out)
        for nama in DIHITUNG_SEKALI:
            con.execute(f"drop table if exists temp.main.{nama}")
    if gagal:
        raise PemeriksaanGagal("Pemeriksaan data gagal; gudang tidak diganti:\n- " + "\n- ".join(gagal))
    meta = {
        "tanggal_data": per.isoformat(),
        "hari_tepat_waktu": str(konfigurasi.hari_tepat_waktu),
        "bulan_jatuh_tempo_terakhir": bulan_jatuh_tempo_terakhir(con).isoformat(),
        "dibangun_pada": datetime.now(UTC).isoformat(timespec="seconds"),
        "kabupaten": ",".join(konfigurasi.kabupaten),
    }
    if sintetis is not None:
        meta["sintetis"] = "ya" if sintetis else "tidak"
    elif not con.execute("select 1 from meta_gudang where kunci = 'sintetis'").fetchone():
        meta["sintetis"] = "tidak"
    for kunci, nilai in meta.items():
        con.execute("insert or replace into meta_gudang values ($k, $v)", {"k": kunci, "v": nilai})
    return per


def hitung_mart_per(con: duckdb.DuckDBPyConnection, per: date, konfigurasi: Konfigurasi) -> None:
    """In a read-only session: recompute the cut-off dependent marts for `per` as temporary tables."""
    atur_variabel(con, per, konfigurasi)
    for nama in MART_TERGANTUNG_PER:
        _materialkan(con, "marts", nama, sementara=True)
