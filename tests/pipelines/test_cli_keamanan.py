"""What the command line leaves behind and who can reach it: owner-only files (600/700), an audit record for every
read of data, and `pantau serve` on 127.0.0.1 only, stopping with its app.

Each test runs the real `pantau` in a subprocess (its own umask, its own signals), like an operator would.
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from akses import audit
from pipelines.konfigurasi import muat_konfigurasi

SANDI = "Rahasia-Kabuh-2026"


def _pantau(*args: str, masukan: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], capture_output=True, text=True,
                          input=masukan, check=False, env=dict(os.environ))


def _mode(jalur: Path) -> int:
    return stat.S_IMODE(jalur.stat().st_mode)


# 1/ storage: nothing the commands write is readable by another user of the machine
def test_berkas_hanya_untuk_pemilik(env_uji: Path, berkas_perak: list[Path], tmp_path: Path) -> None:
    lama = os.umask(0o022)  # a machine's usual umask, which would give 644 / 755
    try:
        assert _pantau("ingest", str(berkas_perak[0])).returncode == 0
        h = _pantau("ingest", *map(str, berkas_perak[1:]))  # a second load: the first warehouse becomes .sebelumnya
        assert h.returncode == 0, h.stderr
        ekspor = tmp_path / "ekspor" / "dinsos"
        h = _pantau("ekspor", "--parquet", str(ekspor))
        assert h.returncode == 0, h.stderr
        keluar = tmp_path / "karantina.csv"
        assert _pantau("karantina", "--keluar", str(keluar)).returncode == 0
    finally:
        os.umask(lama)
    gudang = env_uji  # in tmp_path, with the audit log, the export and the quarantine file
    berkas = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {gudang, Path(f"{gudang}.sebelumnya"), keluar, muat_konfigurasi().jalur_audit} <= set(berkas)
    assert len([p for p in berkas if p.suffix == ".parquet"]) > 10
    assert {str(p): oct(_mode(p)) for p in berkas if _mode(p) != 0o600} == {}
    folder = [p for p in tmp_path.rglob("*") if p.is_dir()]
    assert ekspor in folder
    assert {str(p): oct(_mode(p)) for p in folder if _mode(p) != 0o700} == {}


def test_salinan_sementara_dan_tumpahan_hanya_untuk_pemilik(tmp_path: Path) -> None:
    """Library callers (the app, tests) are covered too, whatever their umask: the temporary copy and the spill
    folder are owner-only while the change runs, the installed warehouse afterwards."""
    from pipelines.gudang import perubahan_gudang

    lama = os.umask(0o022)
    try:
        gudang = tmp_path / "g.duckdb"
        with perubahan_gudang(gudang, batas_memori="256MB") as con:
            db = Path(con.execute("select path from duckdb_databases() where database_name = current_database()")
                      .fetchone()[0])  # type: ignore[index]
            spill = next(tmp_path.glob(".g.duckdb.spill-*"))
            assert (_mode(db), _mode(spill)) == (0o600, 0o700)
        with perubahan_gudang(gudang):
            pass
        assert (_mode(gudang), _mode(Path(f"{gudang}.sebelumnya"))) == (0o600, 0o600)
    finally:
        os.umask(lama)


# 2/ audit: every read of data by the command line is recorded, naming the OS user and the account
def test_baca_data_tercatat(env_uji: Path, berkas_perak: list[Path], tmp_path: Path) -> None:
    assert _pantau("ingest", *map(str, berkas_perak)).returncode == 0
    h = _pantau("pengguna", "tambah", "camat_perak", "--peran", "kecamatan", "--wilayah", "35.17.01", masukan=SANDI)
    assert h.returncode == 0, h.stderr
    bulan = ("--dari", "2025-03", "--sampai", "2025-03")
    for args in (("metrik", "--tingkat", "desa", *bulan), ("metrik", "--tingkat", "desa", *bulan, "--sebagai",
                                                           "camat_perak"),
                 ("metrik", "--set", "program", "--tingkat", "kecamatan"), ("karantina",),
                 ("ekspor", "--parquet", str(tmp_path / "ekspor"))):
        h = _pantau(*args)
        assert h.returncode == 0, (args, h.stderr)
    unduh = audit.baca(muat_konfigurasi(), peristiwa="unduh")
    os_ = audit.pelaku_os()
    assert [(c.pengguna, c.sasaran, c.rincian["os"], c.rincian["sebagai"]) for c in unduh] == [
        (os_, "pantau metrik", os_, None), ("camat_perak", "pantau metrik", os_, "camat_perak"),
        (os_, "pantau metrik", os_, None), (os_, "pantau karantina", os_, None), (os_, "pantau ekspor", os_, None)]
    assert unduh[1].cakupan == "35.17.01" and unduh[3].rincian["baris"] > 0
    # `pantau audit` shows both names, and finds the record under the account
    teks = _pantau("audit", "--pengguna", "camat_perak").stdout
    assert "pantau metrik" in teks and os_ in teks
    assert audit.verifikasi(muat_konfigurasi()) is None


# 3/ serving: loopback only, and stopping `pantau serve` stops the app
def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _alamat_dengar(port: int) -> set[str]:
    """The local addresses listening on `port` (from /proc/net/tcp and tcp6, hex as the kernel writes them)."""
    alamat = set()
    for nama in ("/proc/net/tcp", "/proc/net/tcp6"):
        for baris in Path(nama).read_text().splitlines()[1:]:
            kolom = baris.split()
            lokal, keadaan = kolom[1], kolom[3]
            if keadaan == "0A" and int(lokal.rsplit(":", 1)[1], 16) == port:
                alamat.add(lokal.rsplit(":", 1)[0])
    return alamat


def _anak(pid: int) -> list[int]:
    """The live child processes of `pid`."""
    hasil = []
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            status = dict(b.split(":\t", 1) for b in (p / "status").read_text().splitlines() if ":\t" in b)
        except OSError:
            continue
        if status.get("PPid", "").strip() == str(pid) and not status.get("State", "").startswith("Z"):
            hasil.append(int(p.name))
    return hasil


def _hidup(pid: int) -> bool:
    try:
        return not (Path("/proc") / str(pid) / "status").read_text().split("State:\t", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_serve_hanya_loopback_dan_berhenti_bersama_aplikasi(env_uji: Path) -> None:
    port = _port_bebas()
    serve = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "serve", "--port", str(port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    anak: list[int] = []
    try:
        batas = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            assert serve.poll() is None and time.monotonic() < batas, "the app never became healthy"
            time.sleep(0.3)
        anak = _anak(serve.pid)
        assert anak, "pantau serve runs the app as its child"
        # 127.0.0.1 only (0100007F in /proc): not 0.0.0.0, not ::
        assert _alamat_dengar(port) == {"0100007F"}
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=10) == 0
        batas = time.monotonic() + 10
        while any(_hidup(p) for p in anak) or _alamat_dengar(port):
            assert time.monotonic() < batas, (anak, _alamat_dengar(port))
            time.sleep(0.2)
        with socket.socket() as s:  # the port is free again (as a server binds it: TIME_WAIT connections allowed)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", port))
            s.listen()
    finally:
        for p in [serve.pid, *anak]:
            if _hidup(p):
                os.kill(p, signal.SIGKILL)
        serve.wait(timeout=10)


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_serve_beberapa_proses_berhenti_semua(env_uji: Path) -> None:
    """`pantau serve --proses 2`: two app processes on consecutive ports, loopback only; one SIGTERM to `pantau
    serve` stops both and frees both ports."""
    port = _port_bebas()
    while _alamat_dengar(port + 1):
        port = _port_bebas()
    serve = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "serve", "--port", str(port), "--proses", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    anak: list[int] = []
    try:
        batas = time.monotonic() + 90
        for p in (port, port + 1):
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{p}/_stcore/health", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                assert serve.poll() is None and time.monotonic() < batas, f"port {p} never became healthy"
                time.sleep(0.3)
        anak = _anak(serve.pid)
        assert len(anak) == 2, anak
        assert _alamat_dengar(port) == _alamat_dengar(port + 1) == {"0100007F"}
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=15) == 0
        batas = time.monotonic() + 10
        while any(_hidup(p) for p in anak) or _alamat_dengar(port) or _alamat_dengar(port + 1):
            assert time.monotonic() < batas, (anak, _alamat_dengar(port), _alamat_dengar(port + 1))
            time.sleep(0.2)
    finally:
        for p in [serve.pid, *anak]:
            if _hidup(p):
                os.kill(p, signal.SIGKILL)
        serve.wait(timeout=10)


def test_serve_proses_di_luar_batas(env_uji: Path) -> None:
    hasil = _pantau("serve", "--proses", "0")
    assert hasil.returncode == 2 and "--proses harus 1 sampai 16" in hasil.stderr
