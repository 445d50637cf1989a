"""`pantau ekspor --parquet DIR`: the staging tables and marts as Parquet, partitioned by regency (Hive layout).

A province or the ministry collects many regencies' exports into one folder and reads
them with DuckDB, Spark or Trino without conversion:

    DIR/<tabel>/kode_kab=35.17/bagian_0.parquet
    DIR/<tabel>/kode_kab=63.03/bagian_0.parquet
    DIR/_pantau/35.17.json          what was exported, from which warehouse (data date, DATA SINTETIS or not)

    select bulan, sum(kasus_baru) from read_parquet('DIR/mart_wilayah_bulan/*/*.parquet', hive_partitioning=true,
        hive_types={'kode_kab': VARCHAR}) where tingkat = 'kabupaten' group by bulan

Exported: `ref_wilayah` and every `stg_*` and `mart_*` model of `build.MODEL` present in
the warehouse, each through `privasi.sql_kolom_ekspor` (no case numbers or identity
pseudonyms; sensitive counts 1-4 below kabupaten level are NULL). `kode_kab` is the
table's own column, or the first five characters of `kode_desa`; rows without a desa
(a quarantined row whose desa is unknown) belong to the warehouse's regency when it
has one, else to Hive's default partition.

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

from akses import atur_kunci_sql, sql_kolom_ekspor
from pipelines.build import MODEL
from pipelines.gudang import MODE_FOLDER, baca_gudang, pribadi, pribadi_folder

TABEL_EKSPOR: tuple[str, ...] = ("ref_wilayah", *(nama for _, nama in MODEL if nama.startswith(("stg_", "mart_"))))
"""What may be exported: an allow-list (table names never come from the warehouse file)."""
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


def _kutip(jalur: Path) -> str:
    return str(jalur).replace("'", "''")


def _ekspresi_kab(kolom: list[str], kab_tunggal: str | None) -> str | None:
    if "kode_kab" in kolom:
        asal = '"kode_kab"'
    elif "kode_desa" in kolom:
        asal = 'left("kode_desa", 5)'
    else:
        return None
    if kab_tunggal is not None:
        return f"coalesce({asal}, '{kab_tunggal}')"
    return asal


def ekspor_parquet(gudang: Path, folder: Path, kunci: bytes) -> HasilEkspor:
    """Write the export of `gudang` into `folder` (created when missing); returns what was written. `kunci` is the
    installation's key (`pseudonim.muat_kunci`): case ids are exported as the app shows them (`pseudonim_kasus`)."""
    mulai = time.perf_counter()
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
            ada = {r[0] for r in con.execute("select table_name from duckdb_tables() where database_name = 'gudang'")
                   .fetchall()}
            hasil = HasilEkspor(folder, kabupaten, sintetis=meta.get("sintetis") == "ya")
            for tabel in TABEL_EKSPOR:
                if tabel not in ada:
                    continue
                kolom = [r[0] for r in con.execute(f"describe {tabel}").fetchall()]
                kab = _ekspresi_kab(kolom, kab_tunggal)
                if kab is None:
                    continue
                pilih = [e for e in sql_kolom_ekspor(kolom) if e != '"kode_kab"']
                sql = f"select {', '.join(pilih)}, {kab} as kode_kab from {tabel}"
                jumlah = int(con.execute(f"select count(*) from {tabel}").fetchone()[0])  # type: ignore[index]
                hasil.baris[tabel] = jumlah
                if jumlah:
                    con.execute(f"copy ({sql}) to '{_kutip(kerja / tabel)}' (format parquet, compression zstd, "
                                "partition_by (kode_kab), filename_pattern 'bagian_{i}')")
                for k in kabupaten:  # a regency without rows gets an empty file: globs match, the schema is there
                    kosong = kerja / tabel / f"kode_kab={k}"
                    if not kosong.exists():
                        kosong.mkdir(parents=True)
                        con.execute(f"copy (select {', '.join(pilih)} from {tabel} limit 0) to "
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
        "catatan": ("DATA SINTETIS: bukan data nyata" if meta.get("sintetis") == "ya" else
                    "Sel kasus sensitif 1-4 di bawah tingkat kabupaten berisi NULL (<5)"),
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
    baris = [f"Ekspor Parquet{label} kabupaten {', '.join(h.kabupaten)} ke {h.folder}: "
             f"{len(h.baris)} tabel, {h.berkas} berkas, {h.detik:.1f} detik"]
    baris += [f"    {t:<28} {n:>12,} baris".replace(",", ".") for t, n in h.baris.items()]
    baris.append(f"Baca dengan DuckDB: read_parquet('{h.folder}/<tabel>/*/*.parquet', hive_partitioning=true, "
                 "hive_types={'kode_kab': VARCHAR})")
    return "\n".join(baris)
