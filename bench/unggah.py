"""How long the Unggah data page takes from a chosen file to its preview: a case CSV of `--baris` rows (the bench's
generator, `jalankan.tulis_csv_besar`) handed to the page's file uploader in AppTest as an operator, timed until the
run that shows the preview table ends (the file is read and checked in its own process, `pipelines.unggah`).
`--jeda`: seconds between opening the page and choosing the file (a person picking it; the page starts the checker
process in the meantime, `unggah.siapkan`). The CPU counts this process and its reaped children: a checker's
warm-up is counted in the run that uses it.

    PANTAU_DB=.../pantau.duckdb PANTAU_KABUPATEN=35.17 .venv/bin/python bench/unggah.py --baris 200000

Not included: the browser's upload of the bytes to the server (local network) and drawing the table in the browser.
Prints JSON; never fails on timing. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "bench"))

AKUN, SANDI = "muatan_operator", "sandi-uji-unggah-panjang"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baris", type=int, default=200_000)
    ap.add_argument("--kerja", type=Path, default=Path(tempfile.gettempdir()) / "pantau-unggah")
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--jeda", type=float, default=0.0)
    a = ap.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from jalankan import tulis_csv_besar
    from streamlit.testing.v1 import AppTest

    from akses import akun
    from pipelines.konfigurasi import muat_konfigurasi

    a.kerja.mkdir(parents=True, exist_ok=True)
    csv = a.kerja / f"kasus_{a.baris}.csv"
    if not csv.exists():
        tulis_csv_besar(csv, a.baris)
    isi = csv.read_bytes()
    konf = muat_konfigurasi()
    if akun.cari(konf, AKUN) is None:
        akun.tambah(konf, AKUN, "operator", konf.kabupaten[0], SANDI + "-awal")
        akun.ganti_sandi(konf, AKUN, SANDI + "-awal", SANDI)
    sesi = akun.masuk(konf, AKUN, SANDI)
    assert isinstance(sesi, akun.Sesi), sesi
    waktu: list[float] = []
    cpu: list[float] = []
    galat: list[str] = []
    for _ in range(a.ulang):
        at = AppTest.from_file(str(AKAR / "dashboard" / "streamlit_app.py"), default_timeout=600)
        at.session_state["_sesi"] = sesi
        at.run()
        at.switch_page("halaman/unggah.py")
        at.run()
        time.sleep(a.jeda)
        at.file_uploader(key="unggah_berkas_0").set_value((csv.name, isi, "text/csv"))
        anak_awal = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_awal = time.process_time()
        mulai = time.perf_counter()
        at.run()
        waktu.append(time.perf_counter() - mulai)
        anak = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(time.process_time() - cpu_awal + anak.ru_utime - anak_awal.ru_utime + anak.ru_stime
                   - anak_awal.ru_stime)
        galat += [str(e.value)[:200] for e in at.exception] + [str(e.value)[:200] for e in at.error]
        judul = [m.value for m in at.markdown if "Ringkasan pemeriksaan" in m.value]
        assert (judul and at.dataframe) or galat, "pratinjau tidak tampil"
        jumlah = [c.value for c in at.caption if c.value.startswith("Jumlah:")]
    hasil = {"baris": a.baris, "mb": round(len(isi) / 2**20, 1), "jeda": a.jeda, "detik": [round(w, 2) for w in waktu],
             "detik_min": round(min(waktu), 2), "cpu_detik": [round(c, 2) for c in cpu],
             "beban": [round(x, 2) for x in os.getloadavg()], "pratinjau": jumlah, "galat": galat}
    print(json.dumps(hasil, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
