"""Where the CPU of one page run goes: every page through AppTest under cProfile, for a new session on a cold cache,
a new session on a warm cache (the cache filled by another session), and a rerun of the same session.

    PANTAU_DB=.../pantau.duckdb PANTAU_KABUPATEN=35.17 .venv/bin/python bench/profil_halaman.py [--keluar f.json]

Times are the script thread's CPU time (`time.thread_time`, so other work on shared cores does not inflate
them; waiting for DuckDB's own threads is not counted, a query's CPU inside DuckDB's worker threads is not
either). Self time (`tottime`) is summed per bucket (DuckDB, pandas/numpy, Plotly, JSON, Streamlit incl. protobuf, the
access gate `akses`, the accounts store (sqlite3), Pantau's own code, other), so the buckets add up to the run's
CPU; a few entry points are also given with their cumulative time (a query, the gate, the figure's JSON). Prints a
Markdown table; never fails on timing. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "bench"))

EMBER = (
    ("duckdb", ("duckdb",)),
    ("sqlite3 (akun/audit)", ("sqlite3",)),
    ("argon2", ("argon2",)),
    ("plotly", ("plotly", "_plotly_utils")),
    ("json", ("json/", "'dumps'", "'loads'", "_json")),
    ("pandas/numpy", ("pandas", "numpy")),
    ("akses (gerbang)", ("/akses/",)),
    ("streamlit+protobuf", ("streamlit", "google/protobuf", "protobuf", "tornado")),
    ("pantau dashboard", ("/dashboard/",)),
    ("pantau lain", ("/bahasa/", "/pipelines/", "/dokumen/")),
)
TITIK = {
    "kueri DuckDB (db.kueri)": ("dashboard/db.py", "kueri"),
    "gerbang (_gerbang.bergerbang)": ("dashboard/data/gerbang.py", "bergerbang"),
    "akses.saring": ("akses/peran.py", "saring"),
    "st.cache_data (hit+miss)": ("caching/cache_utils.py", "__call__"),
    "plotly_chart (figur -> JSON)": ("elements/plotly_chart.py", "plotly_chart"),
    "plotly to_json": ("plotly/io/_json.py", "to_json_plotly"),
    "st.dataframe (arrow)": ("elements/arrow.py", "dataframe"),
    "sesi: periksa_sesi": ("dashboard/sesi.py", "periksa_sesi"),
    "filter bar": ("dashboard/pilihan.py", "bilah_filter"),
    "peta: gambar_peta": ("dashboard/komponen/peta.py", "peta_desa"),
    "geojson": ("dashboard/data/peta.py", "batas_desa_geojson"),
}


def ember(nama_berkas: str, fungsi: str) -> str:
    teks = f"{nama_berkas}:{fungsi}"
    for nama, pola in EMBER:
        if any(p in teks for p in pola):
            return nama
    return "lain"


def ringkas(prof: cProfile.Profile) -> dict[str, Any]:
    st_ = pstats.Stats(prof)
    per_ember: dict[str, float] = {}
    total = 0.0
    titik: dict[str, float] = {}
    for (berkas, _baris, fungsi), (_cc, _nc, tt, ct, _pemanggil) in st_.stats.items():  # type: ignore[attr-defined]
        per_ember[ember(berkas, fungsi)] = per_ember.get(ember(berkas, fungsi), 0.0) + tt
        total += tt
        for label, (akhiran, nama) in TITIK.items():
            if berkas.endswith(akhiran) and fungsi == nama:
                titik[label] = max(titik.get(label, 0.0), ct)
    return {"cpu_ms_diprofil": round(total * 1e3, 1),
            "ember_pct": {k: round(100 * v / total) for k, v in sorted(per_ember.items(), key=lambda x: -x[1])},
            "titik_pct": {k: round(100 * v / total) for k, v in titik.items()}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keluar", type=Path, default=None)
    ap.add_argument("--halaman", nargs="*", default=None, help="only these pages (default: every page)")
    ap.add_argument("--teratas", type=int, default=0, help="also print the N functions of most self time (cold)")
    a = ap.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    import streamlit as st
    from muatan import AKUN, SANDI, siapkan_akun
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    from akses import akun
    from dashboard.halaman import halaman_tersedia
    from pipelines.konfigurasi import muat_konfigurasi

    aktif: list[cProfile.Profile | None] = [None]
    cpu: list[float] = [0.0]
    asli = script_runner.ScriptRunner._run_script

    def _run_script(self: Any, rerun_data: Any) -> None:  # the script thread: measure (and profile) it there
        p = aktif[0]
        mulai = time.thread_time()
        if p is not None:
            p.enable()
        try:
            return asli(self, rerun_data)
        finally:
            if p is not None:
                p.disable()
            cpu[0] += time.thread_time() - mulai

    script_runner.ScriptRunner._run_script = _run_script  # type: ignore[method-assign]
    # AppTest compiles every script anew on every run (a new ScriptCache per run); the served app keeps one per
    # process, so share one here too, or the profile would show compile() and Streamlit's magic rewriting
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import local_script_runner

    bersama = ScriptCache()
    setattr(local_script_runner, "ScriptCache", lambda: bersama)  # noqa: B010

    konf = muat_konfigurasi()
    siapkan_akun(dict(os.environ))
    sesi = akun.masuk(konf, AKUN, SANDI)
    assert isinstance(sesi, akun.Sesi), sesi
    app = str(AKAR / "dashboard" / "streamlit_app.py")
    _profil_terakhir: list[cProfile.Profile | None] = [None]
    hasil: dict[str, Any] = {}
    teratas: list[str] = []

    def buka(nama: str) -> Any:
        at = AppTest.from_file(app, default_timeout=600)
        at.session_state["_sesi"] = sesi
        if nama != "ringkasan":
            at.run()
            at.switch_page(f"halaman/{nama}.py")
        return at

    def ukur(at: Any, profil: bool) -> tuple[float, float, cProfile.Profile | None, list[str]]:
        """(wall s, script-thread CPU s, profile or None, errors) of one run."""
        p = cProfile.Profile(time.thread_time) if profil else None  # the thread's CPU: robust to shared cores
        aktif[0], cpu[0] = p, 0.0
        t = time.perf_counter()
        at.run()
        d = time.perf_counter() - t
        aktif[0] = None
        galat = [str(e.value)[:120] for e in at.exception] + [str(e.value)[:120] for e in at.error]
        return d, cpu[0], p, galat

    def kosongkan() -> None:
        st.cache_data.clear()
        st.cache_resource.clear()

    def keadaan(jalankan: Any) -> dict[str, Any]:
        """Measure a state twice: without the profiler (the figures) and with it (where the time goes)."""
        d, c, _, galat = ukur(jalankan(), False)
        _, _, p, _ = ukur(jalankan(), True)
        assert p is not None
        _profil_terakhir[0] = p
        return {"dinding_ms": round(d * 1e3), "cpu_ms": round(c * 1e3, 1), **ringkas(p), "galat": galat}

    for h in halaman_tersedia(True, sesi.pengguna):
        if not h.pakai_filter or (a.halaman and h.nama not in a.halaman):
            continue

        def dingin(nama: str = h.nama) -> Any:  # a new session, every cache empty
            at = buka(nama)
            kosongkan()
            return at

        at_ulang = buka(h.nama)
        at_ulang.run()
        hasil[h.nama] = {"dingin": keadaan(dingin),
                         "sesi_baru_hangat": keadaan(lambda n=h.nama: buka(n)),  # caches filled by others
                         "ulang_hangat": keadaan(lambda a_=at_ulang: a_)}  # the same session again: nothing changed
        hasil[h.nama]["galat"] = hasil[h.nama]["dingin"].pop("galat")
        p_hangat = _profil_terakhir[0]
        if a.teratas:
            import io
            s = io.StringIO()
            pstats.Stats(p_hangat, stream=s).sort_stats("tottime").print_stats(a.teratas)
            teratas.append(f"## {h.nama} (ulang hangat)\n{s.getvalue()}")
    print(tabel(hasil))
    for nama, r in hasil.items():
        if r["galat"]:
            print(f"GALAT {nama}: {r['galat']}")
    if teratas:
        print("\n".join(teratas))
    if a.keluar:
        a.keluar.write_text(json.dumps(hasil, indent=1) + "\n")
    return 0


def tabel(hasil: dict[str, Any]) -> str:
    baris = ["| halaman | jenis | dinding ms | CPU ms | per ember (% CPU, diri sendiri) | titik (% CPU, kumulatif) |",
             "|---|---|---|---|---|---|"]
    for h, r in hasil.items():
        for jenis in ("dingin", "sesi_baru_hangat", "ulang_hangat"):
            x = r[jenis]
            ember_ = ", ".join(f"{k} {v}" for k, v in list(x["ember_pct"].items())[:6] if v >= 1)
            titik = ", ".join(f"{k} {v}" for k, v in x["titik_pct"].items() if v >= 2)
            baris.append(f"| {h} | {jenis} | {x['dinding_ms']} | {x['cpu_ms']} | {ember_} | {titik} |")
    return "\n".join(baris)


if __name__ == "__main__":
    sys.exit(main())
