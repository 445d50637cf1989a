"""`pantau ekspor --parquet DIR [--mikrodata]`: the protected aggregates as Parquet, partitioned by regency (Hive).

A province or the ministry collects many regencies' exports into one folder and reads
them with DuckDB, Spark or Trino without conversion:

    DIR/<tabel>/kode_kab=35.17/bagian_0.parquet
    DIR/<tabel>/kode_kab=63.03/bagian_0.parquet
    DIR/_pantau/35.17.json          what was exported, from which warehouse (data date, DATA SINTETIS or not)

    select bulan, sum(kasus_baru) from read_parquet('DIR/mart_wilayah_bulan/*/*.parquet', hive_partitioning=true,
        hive_types={'kode_kab': VARCHAR}) where tingkat = 'kabupaten' group by bulan

Exported by default (`metrics.md` section 7: "exports for others carry the protected aggregates only"):
`TABEL_AGREGAT`, each through `privasi.sql_kolom_ekspor`, and `mart_wilayah_bulan` as the
monthly cube is protected for every user (`akses.lindungi_bulanan`, the same rows and the
same hidden cells as `pantau metrik --set bulanan`): a hidden sensitive cell is NULL, and in
every desa and kecamatan row `kasus_baru` and the other categories leave every sensitive case
out (`kasus_baru_sebagian`), so that `kasus_baru` minus the other categories gives 0, not a
hidden count. `mart_desa_bulan`
(raw per-desa counts) is never exported: the cube's desa rows replace it.

Case-level microdata (`TABEL_MIKRODATA`: the staging tables, referrals, quarantine, warnings)
leave only with `mikrodata=True` (`--mikrodata`), audited by the command line, and still
without any sensitive case: their rows are left out of `stg_laporan_kasus` (and were never in
`mart_rujukan`), so sensitive cases leave only as the protected cube's aggregates.

`kode_kab` is the table's own column, or the first five characters of `kode_desa` (or of
`kode_wilayah`); rows without a desa (a quarantined row whose desa is unknown) belong to the
warehouse's regency when it has one, else to Hive's default partition.

The export writes into a hidden folder inside DIR and then swaps each of its own
partitions in with a rename, so other regencies' partitions in the same DIR are never
touched and a reader sees a partition either old or new. A regency without rows in
a table gets one empty file with the table's columns, so a glob always matches.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from akses import atur_kunci_sql, lindungi_bulanan, muat_kunci, sql_kolom_ekspor
from akses.kubus import rapikan_kubus
from akses.privasi import DISEMBUNYIKAN, DISEMBUNYIKAN_BESAR, KOLOM_SENSITIF
from pipelines.build import MODEL, sql_rujukan_sensitif
from pipelines.gudang import MODE_FOLDER, baca_gudang, pribadi, pribadi_folder
from pipelines.konfigurasi import Konfigurasi

KUBUS = "mart_wilayah_bulan"
"""The monthly cube, exported protected (`_kubus_terlindungi`), never raw."""
TABEL_AGREGAT: tuple[str, ...] = (
    "ref_wilayah", "mart_pelaporan_desa_bulan", "mart_pelaporan_wilayah", "mart_puskesos_status",
    "mart_penduduk_bulan", "mart_perhatian_desa", "mart_perhatian_tujuan", "mart_program_desa",
    "mart_program_wilayah", "mart_proyeksi_kemiskinan", "mart_target", "mart_target_jalur",
    "mart_indikator_kemiskinan", "mart_target_tahunan", "mart_kualitas_desa", "mart_rujukan_sensitif",
    "mart_sasaran_kanal_bulan", "mart_program_diminta", "mart_puskesos_wilayah",
)
"""Aggregates without any count a small-cell rule applies to below kabupaten level (referral marts leave sensitive
referrals out; `mart_rujukan_sensitif` is kabupaten rows only; target group and channel rows below kabupaten count
exactly the cases of the cube's shown total, victim groups under `lainnya`; programs asked leave sensitive cases out):
exported by default, beside the protected cube."""
TABEL_MIKRODATA: tuple[str, ...] = (
    *(nama for _, nama in MODEL if nama.startswith("stg_")),
    "mart_rujukan", "mart_karantina", "mart_peringatan", "mart_berkas_desa", "mart_program_nonaktif")
"""Case- and row-level tables: only with `mikrodata=True`, sensitive cases left out."""
TABEL_EKSPOR: tuple[str, ...] = (*TABEL_AGREGAT, KUBUS, *TABEL_MIKRODATA)
"""What may ever be exported: an allow-list (table names never come from the warehouse file)."""
SARING_MIKRODATA: dict[str, str] = {
    "stg_laporan_kasus": "not " + sql_rujukan_sensitif("sensitif", "tujuan_rujukan"),
}
"""Rows left out of a microdata table: sensitive cases and referrals to a sensitive destination
(`build.sql_rujukan_sensitif`, the rule of the macro `rujukan_sensitif`)."""
FOLDER_MANIFES = "_pantau"
PARTISI_KOSONG = "__HIVE_DEFAULT_PARTITION__"


class KesalahanEkspor(RuntimeError):
    """The export cannot be written; the message says, in Indonesian, why."""


@dataclass
class HasilEkspor:
    """What was written: rows per table, the regencies, and the time taken."""

    folder: Path
    kabupaten: list[str]
    baris: dict[str, int] = field(default_factory=dict)
    berkas: int = 0
    detik: float = 0.0
    sintetis: bool = False
    mikrodata: bool = False


def _kutip(jalur: Path) -> str:
    return str(jalur).replace("'", "''")


def _ekspresi_kab(kolom: list[str], kab_tunggal: str | None) -> str | None:
    if "kode_kab" in kolom:
        asal = '"kode_kab"'
    elif "kode_desa" in kolom:
        asal = 'left("kode_desa", 5)'
    elif "kode_wilayah" in kolom:
        asal = 'left("kode_wilayah", 5)'
    else:
        return None
    if kab_tunggal is not None:
        return f"coalesce({asal}, '{kab_tunggal}')"
    return asal


def _kubus_terlindungi(konfigurasi: Konfigurasi) -> pd.DataFrame:
    """Every row of the monthly cube over the warehouse's months, protected as every user sees it (kabupaten rows
    exact): hidden sensitive cells NULL, `kasus_baru` without the hidden violence cases, `bulan` a date."""
    from akses.kubus import baca_kubus_bulanan

    with baca_gudang(konfigurasi.gudang) as con:
        batas = con.execute(f"select min(bulan), max(bulan) from {KUBUS}").fetchone()
    if not batas or batas[0] is None:
        return pd.DataFrame()
    kubus = lindungi_bulanan(rapikan_kubus(baca_kubus_bulanan(konfigurasi, batas[0], batas[1])),
                             muat_kunci(konfigurasi))
    for kolom in KOLOM_SENSITIF:
        kubus[kolom] = pd.array([None if v in (DISEMBUNYIKAN, DISEMBUNYIKAN_BESAR) else int(v) for v in kubus[kolom]],
                                dtype="Int64")
    kubus["bulan"] = pd.to_datetime(kubus["bulan"] + "-01").dt.date
    kubus.attrs = {}
    return kubus


def ekspor_parquet(konfigurasi: Konfigurasi, folder: Path, *, mikrodata: bool = False) -> HasilEkspor:
    """Write the export of the configured warehouse into `folder` (created when missing); returns what was written.
    Aggregates only, unless `mikrodata` (case-level rows, sensitive cases still left out). Case ids are exported as
    the app shows them (`pseudonim_kasus`, keyed with the installation's key)."""
    mulai = time.perf_counter()
    gudang = konfigurasi.gudang
    kunci = muat_kunci(konfigurasi)
    kubus = _kubus_terlindungi(konfigurasi)
    if folder.exists() and not folder.is_dir():
        raise KesalahanEkspor(f"{folder} sudah ada dan bukan folder.")
    with baca_gudang(gudang) as con:
        folder.mkdir(mode=MODE_FOLDER, parents=True, exist_ok=True)
        atur_kunci_sql(con, kunci)
        kerja = folder / f".ekspor-{os.getpid()}"
        shutil.rmtree(kerja, ignore_errors=True)
        kerja.mkdir(mode=MODE_FOLDER)
        try:
            meta = {str(k): str(v) for k, v in con.execute("select kunci, nilai from meta_gudang").fetchall()}
            kabupaten = [k for k in meta.get("kabupaten", "").split(",") if k]
            if not kabupaten:
                raise KesalahanEkspor(f"Gudang {gudang} belum dibangun (tidak ada kabupaten di meta_gudang); "
                                      "jalankan `pantau build`.")
            kab_tunggal = kabupaten[0] if len(kabupaten) == 1 else None
            ada = {r[0] for r in con.execute(
                "select table_name from duckdb_tables() where database_name = 'gudang' union all "
                "select view_name from duckdb_views() where database_name = 'gudang'").fetchall()}
            hasil = HasilEkspor(folder, kabupaten, sintetis=meta.get("sintetis") == "ya", mikrodata=mikrodata)
            if KUBUS in ada and not kubus.empty:
                con.register("kubus_terlindungi", kubus)
            else:
                ada.discard(KUBUS)
            for tabel in (*TABEL_AGREGAT, KUBUS, *(TABEL_MIKRODATA if mikrodata else ())):
                if tabel not in ada:
                    continue
                sumber = "kubus_terlindungi" if tabel == KUBUS else tabel
                kolom = [r[0] for r in con.execute(f"describe {sumber}").fetchall()]
                kab = _ekspresi_kab(kolom, kab_tunggal)
                if kab is None:
                    continue
                pilih = ([f'"{k}"' for k in kolom] if tabel == KUBUS else
                         [e for e in sql_kolom_ekspor(kolom) if e != '"kode_kab"'])
                syarat = SARING_MIKRODATA.get(tabel, "true")
                sql = f"select {', '.join(pilih)}, {kab} as kode_kab from {sumber} where {syarat}"
                jumlah = int(con.execute(f"select count(*) from {sumber} where {syarat}")
                             .fetchone()[0])  # type: ignore[index]
                hasil.baris[tabel] = jumlah
                if jumlah:
                    con.execute(f"copy ({sql}) to '{_kutip(kerja / tabel)}' (format parquet, compression zstd, "
                                "partition_by (kode_kab), filename_pattern 'bagian_{i}')")
                for k in kabupaten:  # a regency without rows gets an empty file: globs match, the schema is there
                    kosong = kerja / tabel / f"kode_kab={k}"
                    if not kosong.exists():
                        kosong.mkdir(parents=True)
                        con.execute(f"copy (select {', '.join(pilih)} from {sumber} limit 0) to "
                                    f"'{_kutip(kosong / 'bagian_0.parquet')}' (format parquet)")
            pribadi(kerja)  # owner-only files and folders (mode 600 / 700), whatever the umask
            hasil.berkas = _pasang(kerja, folder, kabupaten, [t for t in hasil.baris])
            _tulis_manifes(folder, kabupaten, meta, hasil)
        finally:
            shutil.rmtree(kerja, ignore_errors=True)
    hasil.detik = time.perf_counter() - mulai
    return hasil


def _pasang(kerja: Path, folder: Path, kabupaten: list[str], tabel: list[str]) -> int:
    """Swap this export's partitions into `folder`, one rename each; return the number of Parquet files."""
    buang = kerja / ".lama"
    buang.mkdir()
    berkas = 0
    for nama in tabel:
        tujuan = folder / nama
        pribadi_folder(tujuan)
        baru = {p.name: p for p in (kerja / nama).glob("kode_kab=*")} if (kerja / nama).exists() else {}
        milik = {f"kode_kab={k}" for k in kabupaten} | set(baru)
        for partisi in milik:
            lama = tujuan / partisi
            if lama.exists():
                os.replace(lama, buang / f"{nama}-{partisi}")
            if partisi in baru:
                os.replace(baru[partisi], lama)
                berkas += sum(1 for _ in lama.glob("*.parquet"))
    return berkas


def _tulis_manifes(folder: Path, kabupaten: list[str], meta: dict[str, str], hasil: HasilEkspor) -> None:
    pribadi_folder(folder / FOLDER_MANIFES)
    isi = {
        "kabupaten": kabupaten,
        "diekspor_pada": datetime.now(UTC).isoformat(timespec="seconds"),
        "tanggal_data": meta.get("tanggal_data"),
        "dibangun_pada": meta.get("dibangun_pada"),
        "versi_skema": meta.get("versi_skema"),
        "sintetis": meta.get("sintetis") == "ya",
        "mikrodata": hasil.mikrodata,
        "catatan": ("DATA SINTETIS: bukan data nyata. " if meta.get("sintetis") == "ya" else "") + (
            "Agregat terlindungi: sel kasus sensitif yang disembunyikan di bawah tingkat kabupaten berisi NULL, dan "
            "di bawah tingkat kabupaten kasus_baru serta kategori lain tidak memuat kasus sensitif "
            "(kasus_baru_sebagian). Rujukan kasus sensitif "
            "hanya dihitung untuk kabupaten (mart_rujukan_sensitif)."
            + (" Mikrodata tingkat kasus disertakan atas permintaan (--mikrodata), tanpa kasus sensitif."
               if hasil.mikrodata else "")),
        "baris": hasil.baris,
    }
    for k in kabupaten:
        sementara = folder / FOLDER_MANIFES / f".{k}.json.tmp"
        sementara.write_text(json.dumps(isi, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        pribadi(sementara)
        os.replace(sementara, folder / FOLDER_MANIFES / f"{k}.json")


def ringkasan_teks(h: HasilEkspor) -> str:
    """The lines `pantau ekspor` prints."""
    label = " (DATA SINTETIS)" if h.sintetis else ""
    isi = "agregat terlindungi dan mikrodata tanpa kasus sensitif" if h.mikrodata else "agregat terlindungi"
    baris = [f"Ekspor Parquet{label} kabupaten {', '.join(h.kabupaten)} ke {h.folder} ({isi}): "
             f"{len(h.baris)} tabel, {h.berkas} berkas, {h.detik:.1f} detik"]
    baris += [f"    {t:<28} {n:>12,} baris".replace(",", ".") for t, n in h.baris.items()]
    baris.append(f"Baca dengan DuckDB: read_parquet('{h.folder}/<tabel>/*/*.parquet', hive_partitioning=true, "
                 "hive_types={'kode_kab': VARCHAR})")
    return "\n".join(baris)
