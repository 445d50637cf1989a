"""Ingest: files -> validated rows -> warehouse, with a load summary per file and sheet (contract section 5).

All files of one call are written inside one warehouse change (`perubahan_gudang`):
either everything lands, marts rebuilt and checks passed, or the warehouse stays
exactly as it was. A file whose bytes were loaded before (same SHA-256) is read
and summarised but not written again.
"""

from __future__ import annotations

import collections
import itertools
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from akses import muat_kunci
from pipelines import build
from pipelines.baca import csv_cepat
from pipelines.baca.berkas import KesalahanBaca, baca_berkas, kumpulkan_berkas, sha256_berkas
from pipelines.gudang import TABEL_MENTAH, atur_batas_memori, perubahan_gudang
from pipelines.konfigurasi import Konfigurasi, byte_ukuran
from pipelines.validasi import kemiskinan, laporan_kasus, program, register
from pipelines.validasi.skema import SEMUA_JENIS, kolom_yang_diharapkan
from pipelines.validasi.umum import (
    HasilValidasi,
    Konteks,
    TabelMentah,
    cari_tabel,
    cari_tabel_arrow,
    cari_tabel_csv,
)
from pipelines.wilayah import muat_wilayah

VALIDATOR: dict[str, Callable[[TabelMentah, Konteks], HasilValidasi]] = {
    "laporan_kasus": laporan_kasus.validasi,
    "puskesos": register.validasi_puskesos,
    "penduduk": register.validasi_penduduk,
    "indikator_kemiskinan": kemiskinan.validasi_indikator,
    "target_kemiskinan": kemiskinan.validasi_target,
    "dtks": program.validasi_dtks,
    "penerima_program": program.validasi_penerima,
}


@dataclass
class RingkasanLembar:
    """The load summary of one file and sheet; field names are the `--json` keys."""

    berkas: str
    lembar: str | None
    jenis: str | None
    baris_dibaca: int = 0
    baris_dimuat: int = 0
    baris_dikarantina: int = 0
    baris_dilewati: int = 0
    peringatan: dict[str, int] = field(default_factory=dict)
    kolom_pribadi_dibuang: list[str] = field(default_factory=list)
    kolom_diabaikan: list[str] = field(default_factory=list)
    sudah_pernah_dimuat: bool = False
    galat: str | None = None

    def ke_json(self) -> dict[str, Any]:
        return asdict(self)


def rincian_audit(ringkasan: list[RingkasanLembar], galat: str | None = None) -> dict[str, Any]:
    """The load summary as an audit record's details (per file and in total), for `pantau ingest` and uploads."""
    berkas = [{"berkas": Path(r.berkas).name, "lembar": r.lembar, "jenis": r.jenis, "dibaca": r.baris_dibaca,
               "dimuat": r.baris_dimuat, "dikarantina": r.baris_dikarantina, "dilewati": r.baris_dilewati,
               "sudah_pernah_dimuat": r.sudah_pernah_dimuat, "peringatan": r.peringatan, "galat": r.galat}
              for r in ringkasan]
    rincian: dict[str, Any] = {"berkas": berkas, "jumlah": {k: sum(getattr(r, f"baris_{k}") for r in ringkasan)
                                                            for k in ("dibaca", "dimuat", "dikarantina", "dilewati")}}
    if galat:
        rincian["galat"] = galat[:500]
    return rincian


@dataclass
class LembarSiap:
    """A validated sheet waiting to be written."""

    ringkasan: RingkasanLembar
    sha256: str
    hasil: HasilValidasi | None


def _tervalidasi(jalur: Path, nama: str | None, tabel: TabelMentah, konteks: Konteks, sha: str,
                 sudah: bool) -> LembarSiap:
    hasil = VALIDATOR[tabel.peta.jenis.nama](tabel, konteks)
    r = RingkasanLembar(
        berkas=str(jalur),
        lembar=nama,
        jenis=tabel.peta.jenis.nama,
        baris_dibaca=len(tabel.data) - hasil.dilewati,
        baris_dimuat=len(hasil.dimuat),
        baris_dikarantina=len(hasil.karantina),
        baris_dilewati=tabel.baris_dilewati + hasil.dilewati,
        peringatan=hasil.jumlah_peringatan(),
        kolom_pribadi_dibuang=tabel.peta.pribadi,
        kolom_diabaikan=tabel.peta.diabaikan,
        sudah_pernah_dimuat=sudah,
    )
    return LembarSiap(r, sha, hasil)


def _lembar(jalur: Path, paksa_jenis: str | None, konteks: Konteks, sha: str,
            sudah: bool, program_roll: str | None = None, cepat: bool = True) -> list[LembarSiap]:
    """Read and validate one file. A CSV is read by DuckDB when it reads it exactly as `csv.reader` would
    (`baca.csv_cepat`), a Parquet file as Arrow columns (`cari_tabel_arrow`); `cepat=False` never does
    either. Otherwise the file is read row by row by `baca.berkas`."""
    siap: list[LembarSiap] = []
    if cepat and jalur.suffix.lower() in {".csv", ".txt", ".tsv"} and jalur.is_file():
        berkas_cepat = csv_cepat.baca(jalur)  # None: a file DuckDB would read differently; read below as before
        tabel = cari_tabel_csv(berkas_cepat, paksa_jenis, program_roll) if berkas_cepat is not None else None
        if tabel is not None:  # no header found: read again below, which also counts the filled rows
            return [_tervalidasi(jalur, None, tabel, konteks, sha, sudah)]
    if cepat and jalur.suffix.lower() == ".parquet" and jalur.is_file():
        tabel = _parquet_kolom(jalur, paksa_jenis, program_roll)
        if tabel is not None:
            return [_tervalidasi(jalur, None, tabel, konteks, sha, sudah)]
    try:
        daftar_lembar = list(baca_berkas(jalur))
    except KesalahanBaca as e:
        return [LembarSiap(RingkasanLembar(str(jalur), None, None, galat=str(e)), sha, None)]
    for lembar in daftar_lembar:
        tabel = cari_tabel(lembar.baris, paksa_jenis, program_roll)
        if tabel is None:
            terisi = sum(1 for r in lembar.baris if any(c not in (None, "") for c in r))
            siap.append(LembarSiap(RingkasanLembar(str(jalur), lembar.nama, None, baris_dilewati=terisi), sha, None))
            continue
        siap.append(_tervalidasi(jalur, lembar.nama, tabel, konteks, sha, sudah))
    if not any(s.ringkasan.jenis for s in siap):
        harapan = "; ".join(f"{j.nama}: {kolom_yang_diharapkan(j)}" for j in SEMUA_JENIS.values()
                            if paksa_jenis in (None, j.nama))
        pesan = (f"{jalur.name}: tidak ada lembar dengan baris judul kolom yang dikenali di 20 baris pertama. "
                 f"Kolom yang diharapkan: {harapan}")
        return [LembarSiap(RingkasanLembar(str(jalur), None, None, galat=pesan), sha, None)]
    return siap


def _parquet_kolom(jalur: Path, paksa_jenis: str | None, program_roll: str | None) -> TabelMentah | None:
    """A Parquet sheet as Arrow columns (`cari_tabel_arrow`); None: read it row by row (`baca_parquet`), which also
    gives the message for a file that cannot be read."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        tabel = pq.read_table(jalur)
    except (pa.ArrowException, OSError, ValueError):
        return None
    return cari_tabel_arrow(tabel, paksa_jenis, program_roll)


class Penulis:
    """Buffers validated sheets and writes them in a few large inserts (one per table), bounded in memory."""

    BATAS_BARIS = 200_000

    def __init__(self, con: duckdb.DuckDBPyConnection, dimuat_pada: datetime) -> None:
        self.con = con
        self.dimuat_pada = dimuat_pada
        self.antre: dict[str, list[pd.DataFrame]] = {}
        self.jumlah = 0

    def tambah(self, s: LembarSiap) -> None:
        """Queue one sheet: its meta row, loaded rows, quarantined rows and warnings."""
        r, hasil = s.ringkasan, s.hasil
        assert hasil is not None and r.jenis is not None
        id_berkas = int(self.con.execute("select nextval('urutan_berkas')").fetchall()[0][0])
        self._antre("meta_berkas", pd.DataFrame([{
            "id_berkas": id_berkas, "berkas": r.berkas, "lembar": r.lembar, "sha256": s.sha256, "jenis": r.jenis,
            "dimuat_pada": self.dimuat_pada, "baris_dibaca": r.baris_dibaca, "baris_dimuat": r.baris_dimuat,
            "baris_dikarantina": r.baris_dikarantina, "baris_dilewati": r.baris_dilewati,
            "peringatan": json.dumps(r.peringatan),
            "kolom_pribadi_dibuang": json.dumps(r.kolom_pribadi_dibuang, ensure_ascii=False),
            "kolom_diabaikan": json.dumps(r.kolom_diabaikan, ensure_ascii=False),
        }]))
        dimuat = hasil.dimuat
        if isinstance(dimuat, pd.DataFrame):
            dimuat = dimuat.rename(columns={"_baris": "baris"})
            dimuat.insert(0, "id_berkas", id_berkas)
        else:  # an Arrow table (`Pencatat.selesai_arrow`)
            dimuat = dimuat.rename_columns(["baris" if c == "_baris" else c for c in dimuat.column_names])
            dimuat = dimuat.add_column(0, "id_berkas", _tetap(id_berkas, dimuat.num_rows))
        self._antre(TABEL_MENTAH[r.jenis], dimuat)
        if hasil.karantina:
            k = pd.DataFrame(hasil.karantina)
            k.insert(0, "id_berkas", id_berkas)
            k["berkas"], k["lembar"], k["jenis"] = r.berkas, r.lembar, r.jenis
            self._antre("karantina", k)
        if hasil.peringatan:
            w = pd.DataFrame(hasil.peringatan)
            w.insert(0, "id_berkas", id_berkas)
            self._antre("peringatan", w)
        if self.jumlah >= self.BATAS_BARIS:
            self.tulis()

    def _antre(self, tabel: str, df: Any) -> None:
        if len(df):
            self.antre.setdefault(tabel, []).append(df)
            self.jumlah += len(df)

    def tulis(self) -> None:
        """Insert everything queued; table and column names come from the validators, never from a file. DataFrames
        of one table go in one insert, and so do its Arrow tables of one schema (`_arrow_sekali`)."""
        for tabel, bagian in self.antre.items():
            frame = [b for b in bagian if isinstance(b, pd.DataFrame)]
            for isi in ([_sebagai_arrow(pd.concat(frame, ignore_index=True))] if frame else []) + \
                    _arrow_sekali([b for b in bagian if not isinstance(b, pd.DataFrame)]):
                kolom = ", ".join(isi.columns if isinstance(isi, pd.DataFrame) else isi.column_names)
                self.con.register("_antre", isi)
                self.con.execute(f"insert into {tabel} ({kolom}) select {kolom} from _antre")
                self.con.unregister("_antre")
        self.antre.clear()
        self.jumlah = 0
        import pyarrow as pa

        pa.default_memory_pool().release_unused()  # the written rows' buffers go back to the system, not kept pooled


def _arrow_sekali(tabel: list[Any]) -> list[Any]:
    """Arrow tables of one warehouse table joined into one table per schema (their chunks are kept, nothing is
    copied), so that DuckDB gets one large insert instead of one per file: inserts of fewer rows than a row group
    (122,880) cost twice the CPU per row (national demo, files of 42,000 case rows: 1.77 s -> 0.93 s per 510,000
    rows)."""
    import pyarrow as pa

    per_skema: dict[Any, list[Any]] = {}
    for t in tabel:
        per_skema.setdefault(t.schema, []).append(t)
    return [pa.concat_tables(sama) if len(sama) > 1 else sama[0] for sama in per_skema.values()]


def _tetap(nilai: int, n: int) -> Any:
    """An Arrow int64 column of `n` times `nilai`."""
    import numpy as np
    import pyarrow as pa

    return pa.array(np.full(n, nilai, dtype=np.int64))


def _sebagai_arrow(df: pd.DataFrame) -> Any:
    """The rows as an Arrow table (column by column, empty cells and NaN as null), which DuckDB reads at C speed;
    a column Arrow cannot type (cells of mixed kinds) sends the whole frame the old way: Python objects, NaN as
    None."""
    import pyarrow as pa

    try:
        return pa.table({k: pa.Array.from_pandas(df[k]) for k in df.columns})
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return df.astype(object).where(df.notna(), None)


def _uji_jeda(tahap: str) -> None:
    """Test hook: `PANTAU_UJI_JEDA=tahap:detik` sleeps at that stage so a test can kill the process there."""
    nilai = os.environ.get("PANTAU_UJI_JEDA", "")
    if nilai.startswith(tahap + ":"):
        time.sleep(float(nilai.split(":", 1)[1]))


_KONTEKS_PEKERJA: Konteks | None = None
"""The validation context of a worker process (inherited through fork, never pickled)."""
DI_DEPAN_BYTE = 2 << 20
"""Input bytes handed to the validation workers ahead of the writer (beyond one file per worker). The workers stay
busy while the warehouse is written (a write of `Penulis.BATAS_BARIS` rows takes about as long as validating
dozens of small files), and only these files' validated rows wait in memory: with every file handed out at once, a
writer slower than the workers held the whole load's validated rows (at national scale, about a gigabyte)."""
UKURAN_PARALEL = 4 << 20  # bytes: below this a load is validated in-process (starting workers costs more)
BERAT_BARIS = 200_000
"""A file of at least this many rows (`_perkiraan_baris`) is handed to a worker early: as soon as the files before
it hold no more than twice its rows, not when it is next in line. Validating the national DTKS extract (1 million
rows) takes a worker about 5 s, which the writer spent waiting at the end of the national load (only the files
within that distance of it wait validated in memory)."""


Tugas = tuple[Path, str | None, str, str | None]
"""One file for a worker: path, forced kind, SHA-256, program of a roll."""


def _validasi_pekerja(tugas: Tugas) -> list[LembarSiap]:
    jalur, paksa_jenis, sha, program_roll = tugas
    assert _KONTEKS_PEKERJA is not None
    return _lembar(jalur, paksa_jenis, _KONTEKS_PEKERJA, sha, False, program_roll)


def _validasi_berurutan(berkas: list[Path], konteks: Konteks, paksa_jenis: str | None,
                        program_roll: str | None, paralel: bool = True) -> Iterator[tuple[Path, str, list[LembarSiap]]]:
    """Validate files in order; large loads use one worker process per core (results still come in order; a heavy
    file, `BERAT_BARIS`, is handed out ahead of its turn).

    Workers are forked before the warehouse is opened, so no DuckDB state is ever shared with them. `paralel=False`
    (the web server, a multi-threaded process that must not fork) validates in this process.
    """
    global _KONTEKS_PEKERJA
    tugas = [(p, paksa_jenis, sha256_berkas(p) if p.is_file() else "", program_roll) for p in berkas]
    inti = min(os.cpu_count() or 1, 4)
    besar = sum(p.stat().st_size for p in berkas if p.is_file()) >= UKURAN_PARALEL
    if inti < 2 or len(berkas) < 2 or not besar or not paralel:
        for t in tugas:
            yield t[0], t[2], _lembar(t[0], t[1], konteks, t[2], False, t[3])
        return
    _KONTEKS_PEKERJA = konteks
    baris = [_perkiraan_baris(p) for p in berkas]
    sebelum = [0, *itertools.accumulate(baris)]  # rows of the files before each file
    berat = [i for i, n in enumerate(baris) if n >= BERAT_BARIS]  # heavy files not yet handed out
    with ProcessPoolExecutor(max_workers=inti, mp_context=multiprocessing.get_context("fork")) as kolam:
        awal: dict[int, Future[list[LembarSiap]]] = {}  # heavy files handed out ahead of their turn
        jalan: collections.deque[tuple[int, int, Future[list[LembarSiap]]]] = collections.deque()
        berikut = 0  # the next file to hand out in order
        di_depan = 0  # input bytes of the files handed out and not yet taken by the writer
        while True:
            while berikut < len(tugas) and (len(jalan) < inti or di_depan < DI_DEPAN_BYTE):
                ukuran = berkas[berikut].stat().st_size if berkas[berikut].is_file() else 0
                hasil = awal.pop(berikut, None) or kolam.submit(_validasi_pekerja, tugas[berikut])
                jalan.append((berikut, ukuran, hasil))
                di_depan += ukuran
                berikut += 1
            ditulis = sebelum[jalan[0][0]] if jalan else sebelum[-1]  # rows before the file the writer waits for
            for i in [i for i in berat if i >= berikut and sebelum[i] - ditulis <= 2 * baris[i]]:
                awal[i] = kolam.submit(_validasi_pekerja, tugas[i])
            berat = [i for i in berat if i >= berikut and i not in awal]
            if not jalan:
                return
            i, ukuran, hasil = jalan.popleft()
            di_depan -= ukuran
            yield tugas[i][0], tugas[i][2], hasil.result()


def _perkiraan_baris(jalur: Path) -> int:
    """A file's rows, cheaply: a Parquet file's footer (0.2 ms), else about 100 bytes per row."""
    if not jalur.is_file():
        return 0
    if jalur.suffix.lower() == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            return int(pq.read_metadata(jalur).num_rows)
        except (pa.ArrowException, OSError, ValueError):
            return 0
    return jalur.stat().st_size // 100


def pratinjau(jalur: list[Path], konfigurasi: Konfigurasi, *, paksa_jenis: str | None = None,
              hari_ini: date | None = None, program_roll: str | None = None) -> list[RingkasanLembar]:
    """The load summaries `muat` would give, without writing anything: the same validation, and
    `sudah_pernah_dimuat` from the current warehouse (read-only). Validates in this process."""
    from pipelines.gudang import buka_baca

    wilayah = muat_wilayah(konfigurasi.folder_referensi, konfigurasi.kabupaten)
    konteks = Konteks(wilayah, muat_kunci(konfigurasi), hari_ini or datetime.now().date())
    sha_lama: set[str] = set()
    if konfigurasi.gudang.exists():
        con = buka_baca(konfigurasi.gudang)
        try:
            sha_lama = {r[0] for r in con.execute("select distinct sha256 from meta_berkas").fetchall()}
        except duckdb.Error:
            sha_lama = set()
        finally:
            con.close()
    ringkasan = []
    for _, sha, siap in _validasi_berurutan(kumpulkan_berkas(jalur), konteks, paksa_jenis, program_roll, False):
        for s in siap:
            s.ringkasan.sudah_pernah_dimuat = bool(s.ringkasan.jenis) and sha in sha_lama
            ringkasan.append(s.ringkasan)
        if sha and any(s.hasil is not None for s in siap):
            sha_lama.add(sha)
    return ringkasan


def validasi(jalur: list[Path], konfigurasi: Konfigurasi, *, paksa_jenis: str | None = None,
             hari_ini: date | None = None, program_roll: str | None = None
             ) -> Iterator[tuple[Path, str, list[LembarSiap]]]:
    """Read and validate the files in this process, one at a time, as `muat` would: (file, SHA-256, sheets).

    For a caller that validates elsewhere than it writes (an upload is read in a separate process with a memory
    limit, `pipelines.unggah`) and hands the result to `muat(tervalidasi=...)`."""
    wilayah = muat_wilayah(konfigurasi.folder_referensi, konfigurasi.kabupaten)
    konteks = Konteks(wilayah, muat_kunci(konfigurasi), hari_ini or datetime.now().date())
    yield from _validasi_berurutan(kumpulkan_berkas(jalur), konteks, paksa_jenis, program_roll, False)


BATAS_MEMORI_MENULIS = "256MB"
"""DuckDB's memory limit while the validated rows are written, when `[gudang] batas_memori` is higher. Writing needs
little: DuckDB would otherwise keep the written blocks cached up to the whole limit while the validation workers need
memory too (a national load: the main process at 1 GB, a worker on the 1-million-row DTKS extract at 1 GB more)."""


UTAS_MENULIS = 1
"""DuckDB's threads while the validated rows are written; the build gets them all back. The validation workers keep
the cores busy meanwhile, and with two threads every insert of `Penulis.BATAS_BARIS` rows left partly filled row
groups behind: 6 million national case rows in inserts of 200,000 took 16.8 s of CPU (14.8 s) with two threads and
10.7 s (11.0 s) with one, and one thread wrote them in 305 MB instead of 428 MB (`bench/catatan-sesi8-20261207.md`)."""


def _batas_saat_menulis(con: duckdb.DuckDBPyConnection, batas: str | None) -> bool:
    """Lower DuckDB's memory limit to `BATAS_MEMORI_MENULIS` while rows are written; whether it did (not when the
    limit is already lower, or is not a size this reads: then it stays as `perubahan_gudang` set it)."""
    byte = byte_ukuran(batas) if batas else None
    if byte is None or byte <= (byte_ukuran(BATAS_MEMORI_MENULIS) or 0):
        return False
    atur_batas_memori(con, BATAS_MEMORI_MENULIS)
    return True


def muat(jalur: list[Path], konfigurasi: Konfigurasi, *, paksa_jenis: str | None = None,
         hari_ini: date | None = None, sintetis: bool | None = None,
         program_roll: str | None = None, paralel: bool = True,
         tervalidasi: Iterable[tuple[Path, str, list[LembarSiap]]] | None = None) -> list[RingkasanLembar]:
    """Load files and folders, rebuild the marts, and swap the warehouse in; returns the load summaries.

    `program_roll` (`--program`) names the program of roll files that do not carry it in a column. `paralel=False`
    validates in this process (see `_validasi_berurutan`). `tervalidasi`: the files already read and validated
    (`validasi`, run elsewhere); `jalur`, `paksa_jenis` and `program_roll` are then not read again.
    """
    wilayah = muat_wilayah(konfigurasi.folder_referensi, konfigurasi.kabupaten)
    ringkasan: list[RingkasanLembar] = []
    if tervalidasi is None:
        konteks = Konteks(wilayah, muat_kunci(konfigurasi), hari_ini or datetime.now().date())
        hasil_validasi: Iterable[tuple[Path, str, list[LembarSiap]]] = _validasi_berurutan(
            kumpulkan_berkas(jalur), konteks, paksa_jenis, program_roll, paralel)
    else:
        hasil_validasi = tervalidasi
    with perubahan_gudang(konfigurasi.gudang, konfigurasi.batas_memori) as con:
        dibatasi = _batas_saat_menulis(con, konfigurasi.batas_memori)
        con.execute(f"set threads = {UTAS_MENULIS}")
        penulis = Penulis(con, datetime.now(UTC).replace(tzinfo=None))
        sha_lama = {r[0] for r in con.execute("select distinct sha256 from meta_berkas").fetchall()}
        for _, sha, siap in hasil_validasi:
            for s in siap:
                s.ringkasan.sudah_pernah_dimuat = bool(s.ringkasan.jenis) and sha in sha_lama
                ringkasan.append(s.ringkasan)
                if s.hasil is not None and not s.ringkasan.sudah_pernah_dimuat:
                    penulis.tambah(s)
            if sha and any(s.hasil is not None for s in siap):
                sha_lama.add(sha)
            _uji_jeda("muat")
        penulis.tulis()
        con.execute("reset threads")
        if dibatasi:  # the build gets the whole limit back
            atur_batas_memori(con, konfigurasi.batas_memori)
        build.bangun(con, konfigurasi, wilayah, sintetis=sintetis)
        _uji_jeda("bangun")
    return ringkasan


def bangun_ulang(konfigurasi: Konfigurasi, *, sintetis: bool | None = None) -> date:
    """`pantau build`: rebuild the marts of the current warehouse (atomically)."""
    wilayah = muat_wilayah(konfigurasi.folder_referensi, konfigurasi.kabupaten)
    with perubahan_gudang(konfigurasi.gudang, konfigurasi.batas_memori) as con:
        per = build.bangun(con, konfigurasi, wilayah, sintetis=sintetis)
        _uji_jeda("bangun")
    return per
