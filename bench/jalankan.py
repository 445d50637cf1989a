"""`make bench`: measured speed and memory of Pantau on this machine; prints figures, never fails on timing.

Every measurement runs in a child process of its own, so its peak RSS is its own
(`os.wait4`), and a sampler adds up the RSS of the child and its workers every
0.2 s (the ingest validates large loads in one worker per core). Steps:

1. ingest of a 1,000,000-row case CSV (one regency, 24 months, `;`, Indonesian header
   aliases, day-first dates) through the normal path (`ingest.muat`: read, validate,
   map labels, pseudonymise NIKs, write, build, checks), against
   - DuckDB's bare `read_csv` of the same file into a table, and
   - pandas `read_csv` plus the same mapping done in pandas (vectorised: codes, dates,
     labels, NIK check and HMAC per distinct NIK, quarantine mask, write to DuckDB);
2. the demo warehouse of one regency (`pantau demo`), then `pantau build` on it;
3. every page of the app run with AppTest on that warehouse (cold cache, then warm),
   with each SQL query the pages send captured and replayed `--ulang` times: p50/p95;
4. with `--nasional`: `pantau demo --skala nasional` (83,762 desa x 24 months), under
   `--batas-nasional` seconds; then build, queries and pages on the result if it finished.

Results go to the terminal and to `bench/hasil-<waktu>.json` and `.md`, with the core
count, memory and versions, so runs can be compared. Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parents[1]
HARI_INI = date(2026, 11, 23)
KABUPATEN = "35.17"
KUNCI = "kunci-tolok-ukur"


# 1/ running a child and measuring it
def pohon_proses(pid: int) -> list[int]:
    """`pid` and all its descendants (from /proc)."""
    anak: dict[int, list[int]] = {}
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            stat = (p / "stat").read_text()
        except OSError:
            continue
        anak.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(p.name))
    pohon, antre = [], [pid]
    while antre:
        q = antre.pop()
        pohon.append(q)
        antre.extend(anak.get(q, []))
    return pohon


SELANG_RSS = 0.2
SELANG_PSS = 1.0
"""Seconds between two readings of the process tree's RSS and PSS. RSS is a counter (`/proc/PID/statm`), cheap to
read; PSS (`smaps_rollup`) walks every page table of every process and holds its memory-map lock meanwhile, which
stalls the measured process's own page faults: read every 0.2 s, it made the national demo 12-15 s slower (145.9 s
against 134.0 s at every second and 130.4 s unsampled, `bench/catatan-sesi8-20261207.md`)."""


def _rss_pohon(pohon: list[int]) -> int:
    """RSS in bytes of the processes `pohon` (a page shared by several processes, such as a forked worker's
    copy-on-write pages of its parent, is counted once per process)."""
    rss = 0
    for q in pohon:
        with contextlib.suppress(OSError, IndexError, ValueError):
            rss += int(Path(f"/proc/{q}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return rss


def _pss_pohon(pohon: list[int]) -> int:
    """PSS in bytes of the processes `pohon`: each shared page divided among the processes that share it, so the sum
    is the tree's share of the machine's memory."""
    pss = 0
    for q in pohon:
        try:
            for baris in Path(f"/proc/{q}/smaps_rollup").read_text().splitlines():
                if baris.startswith("Pss:"):
                    pss += int(baris.split()[1]) * 1024
        except OSError:
            pass
    return pss


def jalankan(argv: list[str], *, env: dict[str, str] | None = None, batas: float | None = None,
             log: Path | None = None) -> dict[str, Any]:
    """Run a child; its wall time, exit status, own peak RSS (wait4) and the peak RSS and PSS of its process tree
    (`_rss_pohon` every `SELANG_RSS`, `_pss_pohon` every `SELANG_PSS` seconds)."""
    keluar = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    mulai = time.perf_counter()
    p = subprocess.Popen(argv, env={**os.environ, **(env or {})}, stdout=keluar, stderr=keluar, cwd=AKAR)
    puncak = [0, 0]
    selesai = threading.Event()

    def sampel() -> None:
        pss_terakhir = 0.0
        while not selesai.wait(SELANG_RSS):
            pohon = pohon_proses(p.pid)
            puncak[0] = max(puncak[0], _rss_pohon(pohon))
            if time.perf_counter() - pss_terakhir >= SELANG_PSS:
                pss_terakhir = time.perf_counter()
                puncak[1] = max(puncak[1], _pss_pohon(pohon))

    t = threading.Thread(target=sampel, daemon=True)
    t.start()
    habis = threading.Timer(batas, p.kill) if batas else None
    if habis:
        habis.start()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    detik = time.perf_counter() - mulai
    selesai.set()
    t.join()
    if habis:
        habis.cancel()
    if log:
        keluar.close()  # type: ignore[union-attr]
    return {"detik": round(detik, 2), "kode_keluar": p.returncode, "rss_puncak_mb": ru.ru_maxrss // 1024,
            "rss_pohon_puncak_mb": puncak[0] >> 20, "pss_pohon_puncak_mb": puncak[1] >> 20,
            "dihentikan_batas_waktu": bool(batas and detik >= batas)}


def _anak(tugas: str, *arg: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "anak", tugas, *arg]


def _env(gudang: Path, kabupaten: str = KABUPATEN) -> dict[str, str]:
    return {"PANTAU_DB": str(gudang), "PANTAU_KABUPATEN": kabupaten, "PANTAU_KUNCI": KUNCI}


# 2/ the children
def anak_ingest(csv: str, gudang: str, keluaran: str) -> None:
    """`ingest.muat` of one file into a new warehouse; build time measured apart (wrapped `build.bangun`)."""
    from pipelines import build, ingest
    from pipelines.konfigurasi import muat_konfigurasi

    waktu: dict[str, float] = {}
    asli = build.bangun

    def bangun(*a: Any, **k: Any) -> Any:
        t, c = time.perf_counter(), time.process_time()
        try:
            return asli(*a, **k)
        finally:
            waktu["bangun"] = time.perf_counter() - t
            waktu["cpu_bangun"] = time.process_time() - c

    build.bangun = bangun
    Path(gudang).unlink(missing_ok=True)
    mulai, cpu = time.perf_counter(), time.process_time()  # CPU: every thread of the process (DuckDB's too)
    ringkasan = ingest.muat([Path(csv)], muat_konfigurasi(), hari_ini=HARI_INI)
    total, cpu = time.perf_counter() - mulai, time.process_time() - cpu
    r = ringkasan[0]
    Path(keluaran).write_text(json.dumps({
        "detik_total": round(total, 2), "detik_bangun": round(waktu["bangun"], 2),
        "detik_muat_tanpa_bangun": round(total - waktu["bangun"], 2),
        "cpu_muat_tanpa_bangun": round(cpu - waktu["cpu_bangun"], 2), "baris_dibaca": r.baris_dibaca,
        "baris_dimuat": r.baris_dimuat, "baris_dikarantina": r.baris_dikarantina,
    }))


def anak_duckdb(csv: str, gudang: str, keluaran: str) -> None:
    import duckdb

    Path(gudang).unlink(missing_ok=True)
    con = duckdb.connect(gudang)
    mulai, cpu = time.perf_counter(), time.process_time()
    con.execute("create table t as select * from read_csv($f)", {"f": csv})
    con.execute("checkpoint")
    detik, cpu = time.perf_counter() - mulai, time.process_time() - cpu
    n = con.execute("select count(*) from t").fetchone()[0]  # type: ignore[index]
    con.close()
    Path(keluaran).write_text(json.dumps({"detik": round(detik, 2), "cpu": round(cpu, 2), "baris": n}))


def anak_lantai(csv: str, gudang: str, keluaran: str, pseudonim: str = "ya") -> None:
    """The floor of any ingest into this warehouse's schema: the bench CSV straight into `raw_laporan_kasus` in one
    DuckDB statement, with only what no design can skip (row numbers, each date parsed, each NIK's HMAC in SQL, the
    NIK pseudonym written; the file has no No KK), and none of the rules: no desa, label, NIK, order or duplicate
    check, no quarantine, no warning. Its ratio to the bare read says how close to it an ingest can get at all.
    `pseudonim="tidak"` writes no pseudonym: what the contract's HMAC-SHA256 hex of every distinct NIK (one per row
    in the bench CSV) adds to that floor."""
    import duckdb

    from akses import atur_kunci_sql, sql_hmac
    from pipelines.gudang import SKEMA

    Path(gudang).unlink(missing_ok=True)
    con = duckdb.connect(gudang)
    con.execute(SKEMA)
    atur_kunci_sql(con, KUNCI.encode())
    tanggal = {k: f"try_strptime(\"{k}\", '%d/%m/%Y')::date"
               for k in ("Tgl Lapor", "Tgl Rujuk", "Tgl Respon", "Tgl Selesai", "Tanggal Kirim")}
    mulai, cpu = time.perf_counter(), time.process_time()
    con.execute(f"""
        insert into raw_laporan_kasus (id_berkas, baris, kode_desa, no_registrasi, kategori, tanggal_lapor,
            nik_pseudonim, kk_pseudonim, jenis_kelamin, umur, kelompok_sasaran, kanal, tujuan_rujukan, tanggal_rujuk,
            tanggal_respon, tanggal_selesai, status_rujukan, tanggal_kirim, sensitif)
        select 1, row_number() over (), "Kode Desa", "No. Reg", "Jenis Layanan", {tanggal["Tgl Lapor"]},
            {sql_hmac("NIK") if pseudonim == "ya" else "null"},
            null,
            JK, try_cast(Usia as integer), Sasaran, "Cara Lapor", "Dirujuk Ke", {tanggal["Tgl Rujuk"]},
            {tanggal["Tgl Respon"]}, {tanggal["Tgl Selesai"]}, "Status Rujukan", {tanggal["Tanggal Kirim"]}, false
        from read_csv($f, all_varchar = true, delim = ';', header = true)""", {"f": csv})
    con.execute("checkpoint")
    detik, cpu = time.perf_counter() - mulai, time.process_time() - cpu
    n = con.execute("select count(*) from raw_laporan_kasus").fetchone()[0]  # type: ignore[index]
    con.close()
    Path(keluaran).write_text(json.dumps({"detik": round(detik, 2), "cpu": round(cpu, 2), "baris": n}))


def anak_pandas(csv: str, gudang: str, keluaran: str) -> None:
    """pandas `read_csv` + the ingest's mapping, vectorised where pandas can, HMAC per distinct NIK."""
    import hashlib
    import hmac

    import duckdb
    import numpy as np
    import pandas as pd

    from pipelines.enums import _peta, normalkan
    from pipelines.konfigurasi import FOLDER_REFERENSI
    from pipelines.validasi.skema import LAPORAN_KASUS
    from pipelines.wilayah import muat_wilayah

    w = muat_wilayah(FOLDER_REFERENSI, (KABUPATEN,))
    mulai = time.perf_counter()
    df = pd.read_csv(csv, sep=";", dtype=str, keep_default_na=False, skiprows=0)
    t_baca = time.perf_counter() - mulai
    alias = LAPORAN_KASUS.peta_alias()
    df.columns = [alias.get(normalkan(k), normalkan(k)) for k in df.columns]
    kosong = {"", "-", "nan", "null"}
    isi = {k: ~df[k].str.strip().str.lower().isin(kosong) for k in df.columns}
    desa = {d.kode.replace(".", ""): d.kode for d in w.desa_dikonfigurasi}
    kode = df["kode_desa"].str.replace(".", "", regex=False).map(desa)
    keluar = pd.DataFrame({"kode_desa": kode, "no_registrasi": df["no_registrasi"].where(isi["no_registrasi"])})
    for k in ("tanggal_lapor", "tanggal_rujuk", "tanggal_respon", "tanggal_selesai", "tanggal_kirim"):
        keluar[k] = pd.to_datetime(df[k], format="%d/%m/%Y", errors="coerce").dt.date
    for k in ("kategori", "tujuan_rujukan", "status_rujukan", "kanal", "kelompok_sasaran", "jenis_kelamin"):
        norm = df[k].str.strip().str.lower().str.replace(r"[^0-9a-z]+", "_", regex=True).str.strip("_")
        kode_label = norm.map(_peta(k))
        keluar[k] = kode_label.where(kode_label.notna() | ~isi[k], "lainnya").where(isi[k])
    for a, b in (("tanggal_lapor", "tanggal_rujuk"), ("tanggal_rujuk", "tanggal_respon"),
                 ("tanggal_respon", "tanggal_selesai")):
        salah = keluar[b].notna() & keluar[a].notna() & (keluar[b] < keluar[a])
        keluar[b] = keluar[b].where(~salah, None)
    nik = df["nik"].str.strip()
    hari = pd.to_numeric(nik.str[6:8], errors="coerce")
    bln = pd.to_numeric(nik.str[8:10], errors="coerce")
    sah = (nik.str.fullmatch(r"\d{16}") & nik.str[:6].isin(w.kode_kecamatan_nik) & (bln.between(1, 12))
           & (hari.between(1, 31) | hari.between(41, 71)) & (nik.str[12:] != "0000"))
    kunci = KUNCI.encode()
    unik = {u: hmac.new(kunci, u.encode("ascii"), hashlib.sha256).hexdigest() for u in nik[sah].unique()}
    keluar["nik_pseudonim"] = nik.where(sah).map(unik)
    umur = pd.to_numeric(df["umur"], errors="coerce")
    keluar["umur"] = umur.where(umur.between(0, 120)).astype("Int64")
    karantina = (keluar["kode_desa"].isna() | keluar["tanggal_lapor"].isna() | ~isi["kategori"]
                 | (keluar["no_registrasi"].isna() & (keluar["kategori"] != "nihil")))
    ganda = keluar.duplicated(["kode_desa", "no_registrasi", "tujuan_rujukan", "tanggal_kirim"], keep="last")
    dimuat = keluar.loc[~karantina]
    t_petakan = time.perf_counter() - mulai - t_baca
    Path(gudang).unlink(missing_ok=True)
    con = duckdb.connect(gudang)
    con.register("_df", dimuat)
    con.execute("create table raw_laporan_kasus as select * from _df")
    con.execute("checkpoint")
    con.close()
    total = time.perf_counter() - mulai
    Path(keluaran).write_text(json.dumps({
        "detik": round(total, 2), "detik_baca": round(t_baca, 2), "detik_petakan": round(t_petakan, 2),
        "baris_dimuat": len(dimuat), "baris_dikarantina": int(karantina.sum()),
        "duplikat": int(np.asarray(ganda).sum()),
    }))


def anak_halaman(gudang: str, keluaran: str, ulang: str) -> None:
    """Every page through AppTest (cold, then warm), capturing each SQL query; then the queries replayed."""
    import logging

    import duckdb
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from muatan import AKUN, SANDI, siapkan_akun

    from akses import akun
    from dashboard import db
    from dashboard.halaman import halaman_tersedia
    from pipelines.konfigurasi import muat_konfigurasi

    # a planner of the (first) configured regency (the load test's account), logged in the way the form does it:
    # every page is gated
    konf = muat_konfigurasi()
    siapkan_akun(dict(os.environ))
    sesi = akun.masuk(konf, AKUN, SANDI)
    assert isinstance(sesi, akun.Sesi), sesi

    tangkap: list[tuple[str, str, dict[str, Any]]] = []
    aktif = ["ringkasan"]
    asli = db.kueri

    def kueri(versi: Any, sql: str, parameter: dict[str, Any] | None = None) -> Any:
        tangkap.append((aktif[0], sql, dict(parameter or {})))
        return asli(versi, sql, parameter)

    db.kueri = kueri  # the door's every query goes through dashboard.db.kueri
    app = str(AKAR / "dashboard" / "streamlit_app.py")
    halaman: dict[str, dict[str, Any]] = {}
    pilih = duckdb.connect(":memory:")
    pilih.execute("ATTACH $j AS gudang (READ_ONLY)", {"j": gudang})
    # the busiest desa (most case rows) and its kecamatan, for the pages that show one desa or one kecamatan
    # (within the bench user's regency: the gate refuses any other)
    terbanyak = pilih.execute("select kode_desa, kode_kec from gudang.mart_desa_bulan "
                              "where starts_with(kode_desa, $kab || '.') group by all "
                              "order by sum(kasus_baru) desc limit 1", {"kab": konf.kabupaten[0]}).fetchone()
    desa, kec = terbanyak or ("", "")
    pilih.close()
    parameter_halaman = {"profil_desa": {"desa": desa}, "rapat_kecamatan": {"kec": kec}}
    for h in halaman_tersedia(True, sesi.pengguna):
        # a fresh session per page, opened by URL (the filters are read from it on the first run only)
        at = AppTest.from_file(app, default_timeout=600)
        at.session_state["_sesi"] = sesi
        for k, v in parameter_halaman.get(h.nama, {}).items():
            at.query_params[k] = v
        if h.nama != "ringkasan":
            aktif[0] = "_awal"
            at.run()
            at.switch_page(f"halaman/{h.nama}.py")
        aktif[0] = h.nama
        st.cache_data.clear()
        sebelum = len(tangkap)
        t = time.perf_counter()
        at.run()
        dingin = time.perf_counter() - t
        kueri_dingin = len(tangkap) - sebelum
        t = time.perf_counter()
        at.run()
        hangat = time.perf_counter() - t
        galat = [str(e.value)[:200] for e in at.exception] + [str(e.value)[:200] for e in at.error]
        halaman[h.nama] = {"detik_dingin": round(dingin, 3), "detik_hangat": round(hangat, 3), "galat": galat,
                           "kueri_dijalankan": kueri_dingin}
    # replay: each distinct (page, query, parameters) `ulang` times on a connection like the app's
    con = duckdb.connect(":memory:", config={"threads": 2})
    con.execute("ATTACH $j AS gudang (READ_ONLY)", {"j": gudang})
    unik: dict[tuple[str, str, str], tuple[str, dict[str, Any]]] = {}
    for nama, sql, par in tangkap:
        if nama == "_awal":
            continue
        unik.setdefault((nama, sql, json.dumps(par, sort_keys=True, default=str)), (sql, par))
    per_kueri: list[dict[str, Any]] = []
    per_halaman: dict[str, list[float]] = {}
    for (nama, _, _), (sql, par) in unik.items():
        waktu = []
        for _ in range(int(ulang)):
            c = con.cursor()
            t = time.perf_counter()
            c.execute(sql, par).df()
            waktu.append(time.perf_counter() - t)
            c.close()
        per_halaman.setdefault(nama, [0.0] * int(ulang))
        per_halaman[nama] = [a + b for a, b in zip(per_halaman[nama], waktu, strict=True)]
        per_kueri.append({"halaman": nama, "sql": " ".join(sql.split())[:90], "p50_ms": round(_p(waktu, 50) * 1e3, 2),
                          "p95_ms": round(_p(waktu, 95) * 1e3, 2)})
    for nama, waktu in per_halaman.items():
        halaman[nama].update(kueri_unik=sum(1 for k in unik if k[0] == nama),
                             sql_p50_ms=round(_p(waktu, 50) * 1e3, 1), sql_p95_ms=round(_p(waktu, 95) * 1e3, 1))
    per_kueri.sort(key=lambda x: -x["p95_ms"])
    Path(keluaran).write_text(json.dumps({"halaman": halaman, "kueri_terlambat": per_kueri[:12],
                                          "jumlah_kueri": len(per_kueri)}, default=str))


def _p(nilai: list[float], persen: int) -> float:
    if len(nilai) == 1:
        return nilai[0]
    return statistics.quantiles(nilai, n=100, method="inclusive")[persen - 1]


# 3/ the parent: prepare, run, report
def mesin() -> dict[str, Any]:
    from importlib.metadata import version

    cpu = next((b.split(":", 1)[1].strip() for b in Path("/proc/cpuinfo").read_text().splitlines()
                if b.startswith("model name")), platform.processor())
    mem = next((int(b.split()[1]) >> 20 for b in Path("/proc/meminfo").read_text().splitlines()
                if b.startswith("MemTotal")), 0)
    try:
        komit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=AKAR, capture_output=True,
                               text=True).stdout.strip()
    except OSError:
        komit = ""
    beban = os.getloadavg()
    return {"waktu": datetime.now().isoformat(timespec="seconds"), "inti": os.cpu_count(), "cpu": cpu,
            "memori_gb": mem, "beban_1_5_15": [round(x, 2) for x in beban], "python": platform.python_version(),
            "komit": komit, **{p: version(p) for p in ("duckdb", "pandas", "pyarrow", "numpy", "streamlit")}}


def tulis_csv_besar(jalur: Path, baris: int) -> dict[str, Any]:
    """The bench's case CSV: about `baris` rows of Kabupaten Jombang, `;`, alias headers, dd/mm/yyyy."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    from pipelines.demo.nasional import KEPALA_CSV, tabel_kasus_kabupaten
    from pipelines.konfigurasi import FOLDER_REFERENSI

    t = tabel_kasus_kabupaten(FOLDER_REFERENSI, KABUPATEN, HARI_INI, baris)
    kolom = {}
    for k in t.column_names:
        c = t.column(k)
        if pa.types.is_date32(c.type):
            c = pc.strftime(c.cast(pa.timestamp("s")), format="%d/%m/%Y")
        kolom[KEPALA_CSV.get(k, k)] = c
    pacsv.write_csv(pa.table(kolom), jalur, pacsv.WriteOptions(delimiter=";", quoting_style="needed"))
    return {"baris": t.num_rows, "mb": round(jalur.stat().st_size / 2**20, 1)}


BULAN_ID = ("", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
            "November", "Desember")
BULAN_SINGKAT = ("", "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def tulis_csv_berantakan(jalur: Path, baris: int) -> dict[str, Any]:
    """The bench's messy case CSV: the rows of `tulis_csv_besar`, written the way operators type them.

    Desa and kecamatan names instead of codes (`Ds.` prefixes, upper case, about 1 in 2,000 rows misspelt: fuzzy
    matches and quarantines), dates with Indonesian month names (`12 Maret 2025`, `12-Agu-25`) beside ISO and
    dd/mm/yyyy, NIKs with spaces, dots or a leading apostrophe, and category, sex, target group, channel,
    destination and status written as labels and aliases instead of codes.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    from pipelines.demo.nasional import KEPALA_CSV, tabel_kasus_kabupaten
    from pipelines.enums import ENUM
    from pipelines.konfigurasi import FOLDER_REFERENSI
    from pipelines.wilayah import muat_wilayah

    rng = np.random.default_rng(7)
    t = tabel_kasus_kabupaten(FOLDER_REFERENSI, KABUPATEN, HARI_INI, baris)
    n = t.num_rows
    w = muat_wilayah(FOLDER_REFERENSI, (KABUPATEN,))

    def pilih(nilai: list[Any], ejaan: dict[Any, list[str]]) -> list[Any]:
        acak = rng.integers(0, 1 << 30, size=len(nilai))
        return [None if v is None else (e[a % len(e)] if (e := ejaan.get(v)) else v)
                for v, a in zip(nilai, acak.tolist(), strict=True)]

    kolom: dict[str, Any] = {}
    for k in t.column_names:
        nilai = t.column(k).to_pylist()
        if k == "kode_desa":
            salah = set(rng.choice(n, size=max(1, n // 2000), replace=False).tolist())
            ejaan = {d.kode: [d.nama, d.nama.upper(), f"Ds. {d.nama}"] for d in w.desa_dikonfigurasi}
            nama = pilih(nilai, ejaan)
            kolom["Desa"] = [x[:-2] + x[-1] if i in salah and x and len(x) > 5 else x for i, x in enumerate(nama)]
            kolom["Kecamatan"] = pilih(nilai, {d.kode: [d.nama_kec, f"Kec. {d.nama_kec}"]
                                               for d in w.desa_dikonfigurasi})
            continue
        if k in ENUM:
            ejaan = {kd.kode: [kd.label_id, *kd.alias] for kd in ENUM[k]}
            if k == "jenis_kelamin":
                ejaan = {"L": ["Laki-laki", "L", "1"], "P": ["Perempuan", "P", "2"]}
            nilai = pilih(nilai, ejaan)
        elif k == "nik":
            ejaan_nik = [lambda s: f"{s[:4]} {s[4:8]} {s[8:12]} {s[12:]}", lambda s: f"{s[:6]}.{s[6:12]}.{s[12:]}",
                         lambda s: "'" + s, lambda s: s]
            acak = rng.integers(0, 4, size=n).tolist()
            nilai = [None if v is None else ejaan_nik[a](v) for v, a in zip(nilai, acak, strict=True)]
        elif pa.types.is_date32(t.column(k).type):
            def ejaan_tanggal(d: Any, a: int) -> str:
                return (f"{d.day} {BULAN_ID[d.month]} {d.year}",
                        f"{d.day:02d}-{BULAN_SINGKAT[d.month]}-{d.year % 100:02d}", d.isoformat(), f"{d:%d/%m/%Y}")[a]
            acak = rng.integers(0, 4, size=n).tolist() if k != "tanggal_lapor" else [0] * n
            nilai = [None if v is None else ejaan_tanggal(v, a) for v, a in zip(nilai, acak, strict=True)]
        kolom[KEPALA_CSV.get(k, k)] = pa.array(nilai, type=pa.string()) if k != "umur" else t.column(k)
    pacsv.write_csv(pa.table(kolom), jalur, pacsv.WriteOptions(delimiter=";", quoting_style="needed"))
    return {"baris": n, "mb": round(jalur.stat().st_size / 2**20, 1)}


def langkah(nama: str, hasil: dict[str, Any], fungsi: Any) -> None:
    """Run one step, print it, keep its figures; an error is recorded, never raised (make bench never fails)."""
    print(f"\n== {nama}", flush=True)
    try:
        hasil[nama] = fungsi()
    except Exception as e:  # the bench reports, it does not fail
        hasil[nama] = {"galat": f"{type(e).__name__}: {e}"}
    print(json.dumps(hasil[nama], indent=1, ensure_ascii=False, default=str)[:3000], flush=True)


def _baca_json(p: Path) -> dict[str, Any]:
    return json.loads(p.read_text()) if p.exists() else {"galat": "anak tidak menulis hasil; lihat log"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kerja", type=Path, default=Path(tempfile.gettempdir()) / "pantau-bench")
    ap.add_argument("--baris", type=int, default=1_000_000, help="rows of the case CSV (bawaan 1.000.000)")
    ap.add_argument("--ulang", type=int, default=30, help="repetitions of each query for p50/p95")
    ap.add_argument("--nasional", action="store_true", help="also the national size (long: see --batas-nasional)")
    ap.add_argument("--batas-nasional", type=float, default=900.0, help="seconds allowed to the national demo")
    ap.add_argument("--hasil", type=Path, default=AKAR / "bench")
    ap.add_argument("--muatan-sesi", type=int, default=20,
                    help="sessions of the load test (bench/muatan.py) on the demo warehouse; 0: skip it")
    ap.add_argument("--ingest-saja", action="store_true",
                    help="only the ingest comparison: both CSVs (bench and messy) through Pantau and DuckDB's bare "
                         "read_csv in the same run, with their ratios")
    ap.add_argument("--kode-lama", type=Path, default=None,
                    help="a copy of an older Pantau tree (e.g. from git archive): its ingest of the same files is "
                         "measured in the same run, for before/after figures")
    a = ap.parse_args(argv)
    kerja: Path = a.kerja
    kerja.mkdir(parents=True, exist_ok=True)
    hasil: dict[str, Any] = {"mesin": mesin(), "parameter": {"baris": a.baris, "ulang": a.ulang}}
    print(json.dumps(hasil["mesin"], ensure_ascii=False))
    csv = kerja / f"kasus_{a.baris}.csv"
    csv_berantakan = kerja / f"kasus_berantakan_{a.baris}.csv"

    def siapkan(jalur: Path = csv, tulis: Any = tulis_csv_besar) -> Any:
        def f() -> dict[str, Any]:
            if jalur.exists():
                return {"baris_berkas": None, "mb": round(jalur.stat().st_size / 2**20, 1), "dipakai_ulang": True}
            return tulis(jalur, a.baris)
        return f

    def ingest(jalur: Path = csv, nama: str = "ingest", kode: Path | None = None) -> Any:
        def f() -> dict[str, Any]:
            g = kerja / f"{nama}.duckdb"
            argv = _anak("ingest", str(jalur), str(g), str(kerja / f"{nama}.json"))
            if kode is not None:  # the older tree's own bench child, importing the older pipelines
                argv[1] = str(kode / "bench" / "jalankan.py")
            (kerja / f"{nama}.json").unlink(missing_ok=True)
            ukur = jalankan(argv, env=_env(g), log=kerja / f"{nama}.log")
            return {**_baca_json(kerja / f"{nama}.json"), **ukur}
        return f

    def anak(tugas: str, jalur: Path = csv, nama: str | None = None, tambahan: tuple[str, ...] = ()) -> Any:
        """A child that reads `jalur` into its own warehouse (`anak_duckdb`, `anak_lantai`, `anak_pandas`);
        `tambahan`: its further arguments."""
        nama = nama or tugas

        def f() -> dict[str, Any]:
            ukur = jalankan(_anak(tugas, str(jalur), str(kerja / f"{nama}.duckdb"), str(kerja / f"{nama}.json"),
                                  *tambahan), log=kerja / f"{nama}.log")
            return {**_baca_json(kerja / f"{nama}.json"), **ukur}
        return f

    demo = kerja / "kabupaten" / "pantau.duckdb"

    def demo_kab() -> dict[str, Any]:
        demo.parent.mkdir(exist_ok=True)
        return jalankan([str(Path(sys.executable).parent / "pantau"), "demo", "--hari-ini", HARI_INI.isoformat(),
                         "--paksa"], env=_env(demo), log=kerja / "demo.log")

    def build_kab() -> dict[str, Any]:
        salinan = kerja / "kabupaten" / "bangun.duckdb"
        shutil.copyfile(demo, salinan)
        ukur = jalankan([str(Path(sys.executable).parent / "pantau"), "build"], env=_env(salinan),
                        log=kerja / "build.log")
        return {**ukur, "gudang_mb": demo.stat().st_size >> 20}

    def halaman(gudang: Path, kabupaten: str) -> Any:
        def f() -> dict[str, Any]:
            out = kerja / f"halaman-{gudang.parent.name}.json"
            ukur = jalankan(_anak("halaman", str(gudang), str(out), str(a.ulang)), env=_env(gudang, kabupaten),
                            log=kerja / f"halaman-{gudang.parent.name}.log")
            return {**_baca_json(out), "sesi_aplikasi": ukur}
        return f

    langkah("siapkan_csv", hasil, siapkan())
    langkah("duckdb_read_csv", hasil, anak("duckdb", nama="duck"))
    langkah("ingest_pantau", hasil, ingest())
    langkah("lantai_insert_duckdb", hasil, anak("lantai"))  # the floor: no rule at all
    langkah("lantai_tanpa_pseudonim", hasil, anak("lantai", nama="lantai-tanpa-pseudonim", tambahan=("tidak",)))
    if a.kode_lama:
        langkah("ingest_pantau_lama", hasil, ingest(nama="ingest-lama", kode=a.kode_lama.resolve()))
    if a.ingest_saja:
        langkah("siapkan_csv_berantakan", hasil, siapkan(csv_berantakan, tulis_csv_berantakan))
        langkah("duckdb_read_csv_berantakan", hasil, anak("duckdb", csv_berantakan, "duck-berantakan"))
        langkah("ingest_pantau_berantakan", hasil, ingest(csv_berantakan, "ingest-berantakan"))
        if a.kode_lama:
            langkah("ingest_pantau_berantakan_lama", hasil,
                    ingest(csv_berantakan, "ingest-berantakan-lama", a.kode_lama.resolve()))
        return _simpan(a, hasil, _rasio_ingest(hasil))
    langkah("pandas_read_csv_pemetaan", hasil, anak("pandas"))
    langkah("demo_kabupaten", hasil, demo_kab)
    langkah("build_kabupaten", hasil, build_kab)
    langkah("halaman_kabupaten", hasil, halaman(demo, KABUPATEN))

    def muatan() -> dict[str, Any]:  # a meeting's load: N sessions through every page (its own result files)
        proses = max(1, min(os.cpu_count() or 1, 4))
        argv = [sys.executable, str(AKAR / "bench" / "muatan.py"), "--gudang", str(demo), "--sesi", str(a.muatan_sesi),
                "--putaran", "3", "--proses", str(proses), "--kerja", str(kerja / "muatan"), "--hasil", str(a.hasil)]
        return {**jalankan(argv, env={**os.environ, **_env(demo)}, log=kerja / "muatan.log"), "proses": proses}

    if a.muatan_sesi > 0:
        langkah("muatan_sesi", hasil, muatan)
    if a.nasional:
        nas = kerja / "nasional" / "pantau.duckdb"

        def demo_nas() -> dict[str, Any]:
            nas.parent.mkdir(exist_ok=True)
            return jalankan([str(Path(sys.executable).parent / "pantau"), "demo", "--skala", "nasional",
                             "--hari-ini", HARI_INI.isoformat(), "--paksa"], env=_env(nas),
                            batas=a.batas_nasional, log=kerja / "nasional.log")

        def build_nas() -> dict[str, Any]:
            if not nas.exists():
                return {"dilewati": "demo nasional tidak selesai"}
            from pipelines.demo.nasional import semua_kabupaten
            from pipelines.konfigurasi import FOLDER_REFERENSI

            semua = ",".join(semua_kabupaten(FOLDER_REFERENSI))
            return {**jalankan([str(Path(sys.executable).parent / "pantau"), "build"], env=_env(nas, semua),
                               log=kerja / "build-nasional.log", batas=a.batas_nasional),
                    "gudang_mb": nas.stat().st_size >> 20}

        langkah("demo_nasional", hasil, demo_nas)
        langkah("build_nasional", hasil, build_nas)
        if nas.exists():
            langkah("halaman_nasional", hasil, halaman(nas, KABUPATEN))
    rasio = _rasio_ingest(hasil)
    i, p = hasil.get("ingest_pantau", {}), hasil.get("pandas_read_csv_pemetaan", {})
    if "detik_muat_tanpa_bangun" in i and "detik" in p:
        rasio["ingest_tanpa_bangun_per_pandas"] = round(i["detik_muat_tanpa_bangun"] / p["detik"], 1)
    return _simpan(a, hasil, rasio)


def _rasio_ingest(hasil: dict[str, Any]) -> dict[str, float]:
    """Ingest (without the build) over DuckDB's bare read_csv of the same file in the same run, per file; and
    older over newer code when `--kode-lama` was measured."""
    rasio: dict[str, float] = {}
    lantai, d = hasil.get("lantai_insert_duckdb", {}), hasil.get("duckdb_read_csv", {})
    if "cpu" in lantai and "cpu" in d:  # the floor of any design with this schema, against the same bare read
        rasio["lantai_cpu_per_duckdb"] = round(lantai["cpu"] / d["cpu"], 2)
        rasio["lantai_per_duckdb"] = round(lantai["detik"] / d["detik"], 2)
    polos = hasil.get("lantai_tanpa_pseudonim", {})
    if "cpu" in polos and "cpu" in d:
        rasio["lantai_tanpa_pseudonim_per_duckdb"] = round(polos["detik"] / d["detik"], 2)
    for akhiran in ("", "_berantakan"):
        i, d = hasil.get(f"ingest_pantau{akhiran}", {}), hasil.get(f"duckdb_read_csv{akhiran}", {})
        lama = hasil.get(f"ingest_pantau{akhiran}_lama", {})
        if "detik_muat_tanpa_bangun" in i and "detik" in d:
            rasio[f"ingest{akhiran}_tanpa_bangun_per_duckdb"] = round(i["detik_muat_tanpa_bangun"] / d["detik"], 2)
            rasio[f"ingest{akhiran}_total_per_duckdb"] = round(i["detik_total"] / d["detik"], 2)
            if "cpu_muat_tanpa_bangun" in i and "cpu" in d:  # CPU: less sensitive to the machine's load
                rasio[f"ingest{akhiran}_cpu_tanpa_bangun_per_duckdb"] = round(i["cpu_muat_tanpa_bangun"] / d["cpu"], 2)
                if "cpu_muat_tanpa_bangun" in lama:
                    rasio[f"ingest{akhiran}_lama_cpu_tanpa_bangun_per_duckdb"] = round(
                        lama["cpu_muat_tanpa_bangun"] / d["cpu"], 2)
            if "detik_muat_tanpa_bangun" in lama:
                rasio[f"ingest{akhiran}_lama_tanpa_bangun_per_duckdb"] = round(
                    lama["detik_muat_tanpa_bangun"] / d["detik"], 2)
                rasio[f"ingest{akhiran}_lama_per_baru_tanpa_bangun"] = round(
                    lama["detik_muat_tanpa_bangun"] / i["detik_muat_tanpa_bangun"], 2)
    return rasio


def _simpan(a: argparse.Namespace, hasil: dict[str, Any], rasio: dict[str, float]) -> int:
    hasil["rasio"] = rasio
    print("\n== rasio\n" + json.dumps(rasio, indent=1))
    a.hasil.mkdir(parents=True, exist_ok=True)
    cap = ("ingest-" if a.ingest_saja else "") + datetime.now().strftime("%Y%m%d-%H%M%S")
    (a.hasil / f"hasil-{cap}.json").write_text(json.dumps(hasil, indent=1, ensure_ascii=False, default=str) + "\n")
    (a.hasil / f"hasil-{cap}.md").write_text(laporan_md(hasil), encoding="utf-8")
    print(f"\nHasil ditulis ke {a.hasil / f'hasil-{cap}.json'} dan .md")
    return 0


def laporan_md(h: dict[str, Any]) -> str:
    """The results as a short Markdown report."""
    m = h["mesin"]
    baris = [f"# Tolok ukur Pantau {m['waktu']}", "",
             f"Mesin: {m['inti']} inti ({m['cpu']}), {m['memori_gb']} GB, beban {m['beban_1_5_15']}; Python "
             f"{m['python']}, DuckDB {m['duckdb']}, pandas {m['pandas']}, pyarrow {m['pyarrow']}, Streamlit "
             f"{m['streamlit']}; komit {m['komit']}.", "",
             "| langkah | detik | RSS puncak (MB, proses / pohon) | PSS pohon (MB) | catatan |",
             "|---|---:|---:|---:|---|"]
    for k, v in h.items():
        if not isinstance(v, dict) or k in ("mesin", "parameter", "rasio"):
            continue
        if "galat" in v and "detik" not in v:
            baris.append(f"| {k} | | | | galat: {v['galat']} |")
            continue
        ses = v.get("sesi_aplikasi", v)
        catatan = {x: y for x, y in v.items() if x not in ("detik", "rss_puncak_mb", "rss_pohon_puncak_mb",
                                                          "pss_pohon_puncak_mb", "halaman", "kueri_terlambat",
                                                          "sesi_aplikasi")}
        baris.append(f"| {k} | {ses.get('detik', '')} | {ses.get('rss_puncak_mb', '')} / "
                     f"{ses.get('rss_pohon_puncak_mb', '')} | {ses.get('pss_pohon_puncak_mb', '')} | "
                     f"{json.dumps(catatan, ensure_ascii=False)} |")
    baris += ["", f"Rasio: {json.dumps(h.get('rasio', {}))}", ""]
    for k in ("halaman_kabupaten", "halaman_nasional"):
        v = h.get(k, {})
        if "halaman" not in v:
            continue
        baris += [f"## {k}", "",
                  "| halaman | AppTest dingin (s) | hangat (s) | kueri | SQL p50 (ms) | SQL p95 (ms) | galat |",
                  "|---|---:|---:|---:|---:|---:|---|"]
        for nama, x in v["halaman"].items():
            baris.append(f"| {nama} | {x['detik_dingin']} | {x['detik_hangat']} | {x.get('kueri_unik', '')} | "
                         f"{x.get('sql_p50_ms', '')} | {x.get('sql_p95_ms', '')} | {'; '.join(x['galat'])} |")
        baris += ["", "Kueri paling lambat (p95):", ""]
        baris += [f"- {q['halaman']}: {q['p50_ms']} / {q['p95_ms']} ms - `{q['sql']}`" for q in v["kueri_terlambat"]]
        baris.append("")
    return "\n".join(baris) + "\n"


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "anak":
        sys.path.insert(0, str(AKAR))
        {"ingest": anak_ingest, "duckdb": anak_duckdb, "lantai": anak_lantai, "pandas": anak_pandas,
         "halaman": anak_halaman}[sys.argv[2]](*sys.argv[3:])
        sys.exit(0)
    sys.exit(main())
