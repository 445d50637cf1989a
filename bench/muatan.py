"""A bounded load test: N concurrent sessions of the served app clicking through every page while an ingest runs.

Each session is a websocket client speaking Streamlit's own protocol (the protobuf
`BackMsg.rerun_script` a browser sends when a page is opened, and the `ForwardMsg`s back
until `script_finished`), so the server does exactly the work a browser session causes,
without 20 Chromium renderers competing for the same 2 cores. A page counts as an error
when its run ends with an exception element or an `st.error` box, fails to finish, or
takes longer than `--batas-halaman` seconds (a session blocked by the ingest).

    .venv/bin/python bench/muatan.py --gudang "$TMPDIR/pantau-bench/kabupaten/pantau.duckdb" \\
        --ingest kasus_200k.csv --sesi 20 --putaran 3

The warehouse is copied first (the app serves the copy, the ingest writes into it and
swaps it mid-test). Figures go to the terminal and `bench/hasil-muatan-<waktu>.json|md`.
Not part of `make test`; it never fails on timing.

`--proses N` runs `pantau serve --proses N` (N app processes on consecutive ports); the sessions are then spread
over the processes as nginx's route cookie would spread browsers (session i on process i mod N). `--lewat-nginx`
puts Debian's nginx with `deploy/nginx/pantau-proses.conf` (or `pantau.conf` for one process) in front, over HTTPS
with a self-signed certificate, every session a browser with its own route cookie. The clients send no websocket
pings (a browser sends none), so a busy server is measured by its page times, not dropped by a ping timeout. The
machine's load average is recorded at the start and the end: the 2 cores may be shared with other work.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "bench"))

from jalankan import pohon_proses  # noqa: E402 (bench/ is not a package: its modules import each other by path)

HALAMAN = ("ringkasan", "peta", "profil_desa", "rapat_kecamatan", "rujukan", "program", "target", "kualitas")
AKUN, SANDI = "muatan_perencana", "sandi-uji-muatan-panjang"


def siapkan_akun(env: dict[str, str]) -> None:
    """The planner account every session logs in with (first password already changed), in the served copy's
    accounts store."""
    from unittest import mock

    from akses import akun
    from pipelines.konfigurasi import muat_konfigurasi

    with mock.patch.dict(os.environ, env, clear=True):
        konf = muat_konfigurasi()
    if akun.cari(konf, AKUN) is None:
        akun.tambah(konf, AKUN, "perencana", konf.kabupaten[0], SANDI + "-awal")
        akun.ganti_sandi(konf, AKUN, SANDI + "-awal", SANDI)


async def _jalankan(ws: Any, pesan: Any, batas: float) -> tuple[str | None, dict[str, str]]:
    """Send one rerun and read until the script finishes: (error or None, widget ids by their key)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    mulai = time.perf_counter()
    galat = None
    widget: dict[str, str] = {}
    await ws.send(pesan.SerializeToString())
    while True:
        data = await asyncio.wait_for(ws.recv(), timeout=max(0.1, batas - (time.perf_counter() - mulai)))
        m = ForwardMsg()
        m.ParseFromString(data)
        jenis = m.WhichOneof("type")
        if jenis == "delta" and m.delta.WhichOneof("type") == "new_element":
            el = m.delta.new_element
            macam = el.WhichOneof("type")
            if macam == "exception":
                galat = f"exception: {el.exception.message[:160]}"
            elif macam == "alert" and el.alert.format == 1:  # ERROR
                galat = f"st.error: {el.alert.body[:160]}"
            elif macam in ("text_input", "button"):
                wid = getattr(el, macam).id
                widget[wid.rsplit("-", 1)[-1]] = wid
        if jenis == "script_finished":
            if m.script_finished == 2:  # FINISHED_EARLY_FOR_RERUN: the app reran itself, wait
                widget = {}  # only the widgets of the run that finished count (the log-in form reruns at once)
                continue
            if m.script_finished == 1:  # FINISHED_WITH_COMPILE_ERROR
                galat = galat or "script_finished=FINISHED_WITH_COMPILE_ERROR"
            return galat, widget


async def masuk(ws: Any, batas: float) -> str | None:
    """Log in through the app's own form, as a browser does: read the form's widget ids, then send the name and
    password with the submit button's trigger. Returns an error, or None."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    pesan = BackMsg()
    pesan.rerun_script.query_string = ""
    _, widget = await _jalankan(ws, pesan, batas)
    if not {"masuk_nama", "masuk_sandi"} <= widget.keys():
        return "formulir masuk tidak ditemukan"
    pesan = BackMsg()
    pesan.rerun_script.query_string = ""
    for kunci, nilai in (("masuk_nama", AKUN), ("masuk_sandi", SANDI)):
        w = pesan.rerun_script.widget_states.widgets.add()
        w.id, w.string_value = widget[kunci], nilai
    tombol = next(v for k, v in widget.items() if k not in ("masuk_nama", "masuk_sandi", "masuk_sso"))
    w = pesan.rerun_script.widget_states.widgets.add()
    w.id, w.trigger_value = tombol, True
    galat, widget = await _jalankan(ws, pesan, batas)
    return galat or ("masuk gagal" if "masuk_nama" in widget else None)


async def sesi(nomor: int, url: str, putaran: int, batas: float, catatan: list[dict[str, Any]],
               sambung: dict[str, Any] | None = None) -> None:
    """One client: open every page `putaran` times, in a rotated order so sessions do not move in lockstep."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    urutan = HALAMAN[nomor % len(HALAMAN):] + HALAMAN[:nomor % len(HALAMAN)]
    try:
        protokol = ["streamlit"]
        ws = await websockets.connect(url, subprotocols=protokol, max_size=None,  # type: ignore[arg-type]
                                      open_timeout=60, ping_interval=None, **(sambung or {}))
    except Exception as e:
        catatan.append({"sesi": nomor, "halaman": "-", "mulai": time.time(), "detik": 0.0,
                        "galat": f"tidak tersambung: {e}"})
        return
    async with ws:
        try:
            galat_masuk = await masuk(ws, batas)
        except Exception as e:
            galat_masuk = f"{type(e).__name__}: {e}"
        if galat_masuk:
            catatan.append({"sesi": nomor, "halaman": "masuk", "mulai": time.time(), "detik": 0.0,
                            "galat": galat_masuk})
            return
        for _ in range(putaran):
            for h in urutan:
                pesan = BackMsg()
                pesan.rerun_script.page_name = h
                pesan.rerun_script.query_string = ""
                mulai_dinding, mulai = time.time(), time.perf_counter()
                await ws.send(pesan.SerializeToString())
                galat = None
                try:
                    while True:
                        data = await asyncio.wait_for(ws.recv(), timeout=max(0.1, batas - (time.perf_counter()
                                                                                           - mulai)))
                        m = ForwardMsg()
                        m.ParseFromString(data)
                        jenis = m.WhichOneof("type")
                        if jenis == "delta" and m.delta.WhichOneof("type") == "new_element":
                            el = m.delta.new_element
                            if el.WhichOneof("type") == "exception":
                                galat = f"exception: {el.exception.message[:160]}"
                            elif el.WhichOneof("type") == "alert" and el.alert.format == 1:  # ERROR
                                galat = f"st.error: {el.alert.body[:160]}"
                        if jenis == "script_finished":
                            if m.script_finished == 2:  # FINISHED_EARLY_FOR_RERUN: the app reran itself, wait
                                continue
                            if m.script_finished == 1:  # FINISHED_WITH_COMPILE_ERROR
                                galat = galat or "script_finished=FINISHED_WITH_COMPILE_ERROR"
                            break
                except TimeoutError:
                    galat = f"lebih dari {batas:.0f} detik"
                except Exception as e:  # connection dropped
                    galat = f"{type(e).__name__}: {e}"
                catatan.append({"sesi": nomor, "halaman": h, "mulai": mulai_dinding,
                                "detik": round(time.perf_counter() - mulai, 3), "galat": galat})
                if galat and "Connection" in galat:
                    return


def _tunggu_server(port: int, batas: float = 120) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("server Streamlit tidak menjawab")


def _mulai_nginx(kerja: Path, port_app: int, proses: int) -> tuple[subprocess.Popen[bytes], str, Any]:
    """Debian's nginx as a plain process with the shipped configuration (as the browser tests run it): HTTPS on a
    free port with a self-signed certificate, upstream the app's processes. (process, websocket URL, SSL context)"""
    import socket
    import ssl

    sys.path.insert(0, str(AKAR))
    from tests.browser.test_tls_nginx_browser import NGINX, _sertifikat, situs_uji, tulis_nginx

    folder = kerja / "nginx"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    crt, key = _sertifikat(folder)
    nama = "pantau-proses.conf" if proses > 1 else "pantau.conf"
    situs = situs_uji((AKAR / "deploy" / "nginx" / nama).read_text(), port, crt, key)
    situs = situs.replace("proxy_pass http://127.0.0.1:8501;", f"proxy_pass http://127.0.0.1:{port_app};")
    hulu = "".join(f"    server 127.0.0.1:{port_app + i};\n" for i in range(proses))
    situs = situs.replace("    server 127.0.0.1:8501;  # <- one line per process\n    server 127.0.0.1:8502;\n", hulu)
    # without the server that redirects port 80 (not needed here)
    awal = situs.index("# Plain HTTP only redirects to HTTPS.")
    situs = situs[:awal] + situs[situs.index("server {", situs.index("return 301")):]
    tulis_nginx(folder, situs, log="access_log off;", koneksi=1024)
    p = subprocess.Popen([NGINX, "-e", str(folder / "error.log"), "-p", str(folder), "-c", str(folder / "nginx.conf")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tls = ssl.create_default_context(cafile=str(crt))
    akhir = time.monotonic() + 30
    while time.monotonic() < akhir:
        try:
            with urllib.request.urlopen(f"https://localhost:{port}/_stcore/health", timeout=2, context=tls) as r:
                if r.status == 200:
                    return p, f"wss://localhost:{port}/_stcore/stream", tls
        except OSError:
            time.sleep(0.3)
    p.terminate()
    raise RuntimeError(f"nginx tidak menjawab: {(folder / 'error.log').read_text()[-2000:]}")


def _cpu_pohon(pid: int) -> float:
    """CPU seconds (user + system) used so far by the live processes of the tree under `pid` (Linux /proc)."""
    detak, jumlah = os.sysconf("SC_CLK_TCK"), 0.0
    for x in pohon_proses(pid):
        try:
            kolom = Path(f"/proc/{x}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        jumlah += (int(kolom[11]) + int(kolom[12])) / detak
    return jumlah


def _memori_pohon(pid: int) -> dict[str, float]:
    """Resident memory (MB) of the processes of the tree under `pid`: now (`VmRSS`) and the peak (`VmHWM`), summed."""
    jumlah = {"VmRSS": 0.0, "VmHWM": 0.0}
    for x in pohon_proses(pid):
        try:
            for baris in Path(f"/proc/{x}/status").read_text().splitlines():
                kunci = baris.split(":")[0]
                if kunci in jumlah:
                    jumlah[kunci] += int(baris.split()[1]) / 1024
        except OSError:
            continue
    return {"rss_mb": round(jumlah["VmRSS"]), "rss_puncak_mb": round(jumlah["VmHWM"])}


def _p(x: list[float], q: int) -> float:
    return statistics.quantiles(x, n=100, method="inclusive")[q - 1] if len(x) > 1 else (x[0] if x else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gudang", type=Path, required=True, help="warehouse to serve (copied first)")
    ap.add_argument("--ingest", type=Path, nargs="*", default=[], help="files to load while the sessions run")
    ap.add_argument("--kabupaten", default="35.17")
    ap.add_argument("--sesi", type=int, default=20)
    ap.add_argument("--putaran", type=int, default=3, help="rounds through every page per session")
    ap.add_argument("--jeda-ingest", type=float, default=5.0, help="seconds after the start before the ingest")
    ap.add_argument("--batas-halaman", type=float, default=120.0)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--proses", type=int, default=1, help="app processes (pantau serve --proses)")
    ap.add_argument("--lewat-nginx", action="store_true", help="through nginx (HTTPS, route cookie per session)")
    ap.add_argument("--label", default="", help="a word for the result file name and heading (e.g. sebelum)")
    ap.add_argument("--kerja", type=Path, default=Path(tempfile.gettempdir()) / "pantau-muatan")
    ap.add_argument("--hasil", type=Path, default=AKAR / "bench")
    a = ap.parse_args()
    a.kerja.mkdir(parents=True, exist_ok=True)
    gudang = a.kerja / "pantau.duckdb"
    shutil.copyfile(a.gudang, gudang)
    env = {**os.environ, "PANTAU_DB": str(gudang), "PANTAU_KABUPATEN": a.kabupaten,
           "PANTAU_KUNCI": os.environ.get("PANTAU_KUNCI", "kunci-tolok-ukur")}
    pantau = str(Path(sys.executable).parent / "pantau")
    siapkan_akun(env)
    with open(a.kerja / "server.log", "w") as log:
        banyak = ["--proses", str(a.proses)] if a.proses > 1 else []  # (an older pantau has no --proses)
        server = subprocess.Popen([pantau, "serve", "--port", str(a.port), "--alamat", "127.0.0.1", *banyak],
                                  env=env, stdout=log, stderr=log, cwd=AKAR)
    nginx: subprocess.Popen[bytes] | None = None
    hasil: dict[str, Any] = {"waktu": datetime.now().isoformat(timespec="seconds"), "inti": os.cpu_count(),
                             "beban_awal": [round(x, 2) for x in os.getloadavg()], "sesi": a.sesi,
                             "proses": a.proses, "lewat_nginx": a.lewat_nginx, "label": a.label,
                             "putaran": a.putaran, "halaman": list(HALAMAN)}
    try:
        for i in range(a.proses):
            _tunggu_server(a.port + i)
        sambungan: list[tuple[str, dict[str, Any]]]
        if a.lewat_nginx:
            nginx, url_nginx, tls = _mulai_nginx(a.kerja, a.port, a.proses)
            sambungan = [(url_nginx, {"ssl": tls, "origin": url_nginx.replace("wss://", "https://").split("/_")[0],
                                      "additional_headers": {"Cookie": f"pantau_rute={os.urandom(16).hex()}"}})
                         for _ in range(a.sesi)]
        else:
            sambungan = [(f"ws://127.0.0.1:{a.port + i % a.proses}/_stcore/stream", {}) for i in range(a.sesi)]
        catatan: list[dict[str, Any]] = []
        ingest: dict[str, Any] = {}

        async def semua() -> None:
            tugas = [asyncio.create_task(sesi(i, sambungan[i][0], a.putaran, a.batas_halaman, catatan, sambungan[i][1]))
                     for i in range(a.sesi)]
            if a.ingest:
                await asyncio.sleep(a.jeda_ingest)
                ingest["mulai"] = time.time()
                p = await asyncio.create_subprocess_exec(pantau, "ingest", *map(str, a.ingest), env=env,
                                                         stdout=asyncio.subprocess.PIPE,
                                                         stderr=asyncio.subprocess.STDOUT)
                keluaran, _ = await p.communicate()
                ingest.update(selesai=time.time(), kode_keluar=p.returncode,
                              ringkasan=keluaran.decode(errors="replace").strip().splitlines()[-1:])
            await asyncio.gather(*tugas)

        mulai = time.time()
        cpu_awal = _cpu_pohon(server.pid)
        asyncio.run(semua())
        hasil["cpu_server_detik"] = round(_cpu_pohon(server.pid) - cpu_awal, 1)
        hasil["memori_aplikasi"] = _memori_pohon(server.pid)  # the app's processes at the end, and their peak
        hasil["detik_total"] = round(time.time() - mulai, 1)
    finally:
        hasil["beban_akhir"] = [round(x, 2) for x in os.getloadavg()]
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=10)
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    waktu = [c["detik"] for c in catatan if not c["galat"]]
    selama = [c["detik"] for c in catatan if not c["galat"] and ingest and ingest["mulai"] <= c["mulai"]
              <= ingest.get("selesai", 0)]
    hasil.update(
        cpu_server_per_muat_halaman_ms=round(1e3 * hasil.get("cpu_server_detik", 0) / max(1, len(catatan))),
        muat_halaman=len(catatan), galat=sum(1 for c in catatan if c["galat"]),
        contoh_galat=[c for c in catatan if c["galat"]][:10],
        p50_detik=round(_p(waktu, 50), 2), p95_detik=round(_p(waktu, 95), 2), maks_detik=round(max(waktu or [0]), 2),
        selama_ingest={"muat_halaman": len(selama), "p50_detik": round(_p(selama, 50), 2),
                       "p95_detik": round(_p(selama, 95), 2)},
        ingest={k: v for k, v in ingest.items()} | ({"detik": round(ingest["selesai"] - ingest["mulai"], 1)}
                                                   if "selesai" in ingest else {}),
        per_halaman={h: {"p50": round(_p(x, 50), 2), "p95": round(_p(x, 95), 2)} for h in HALAMAN
                     if (x := [c["detik"] for c in catatan if c["halaman"] == h and not c["galat"]])},
    )
    print(json.dumps(hasil, indent=1, ensure_ascii=False, default=str))
    a.hasil.mkdir(parents=True, exist_ok=True)
    cap = datetime.now().strftime("%Y%m%d-%H%M%S") + (f"-{a.label}" if a.label else "")
    (a.hasil / f"hasil-muatan-{cap}.json").write_text(json.dumps(hasil, indent=1, ensure_ascii=False,
                                                                 default=str) + "\n")
    (a.hasil / f"hasil-muatan-{cap}.md").write_text(
        f"# Uji muatan {hasil['waktu']}\n\n{a.sesi} sesi x {a.putaran} putaran x {len(HALAMAN)} halaman "
        f"({hasil['muat_halaman']} muat halaman) di {hasil['inti']} inti, {a.proses} proses aplikasi"
        f"{' lewat nginx' if a.lewat_nginx else ''}; beban (load average 1/5/15 menit) awal {hasil['beban_awal']}, "
        f"akhir {hasil['beban_akhir']}.\n\n"
        f"- CPU proses aplikasi (semua proses, user+system): {hasil.get('cpu_server_detik')} s, "
        f"{hasil['cpu_server_per_muat_halaman_ms']} ms per muat halaman (termasuk masuk)\n"
        f"- memori proses aplikasi (MB, akhir dan puncak): {json.dumps(hasil.get('memori_aplikasi'))}\n"
        f"- waktu halaman p50 {hasil['p50_detik']} s, p95 {hasil['p95_detik']} s, maks {hasil['maks_detik']} s\n"
        f"- selama ingest: {json.dumps(hasil['selama_ingest'])}\n- galat: {hasil['galat']}\n"
        f"- ingest: {json.dumps(hasil['ingest'], default=str, ensure_ascii=False)}\n"
        f"- per halaman (p50/p95 s): {json.dumps(hasil['per_halaman'])}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
