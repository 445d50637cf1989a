"""The limited child process (`pipelines.terpisah`): what it yields comes back in order, what it raises is raised
here, and when it dies (out of memory, aborted, killed, over its time) this process gets `ProsesGagal` with the
reason and goes on; the child never outlives its time nor its memory (resident memory, watched from here), and has
no address-space limit of its own, so DuckDB reads there as anywhere else. A spare child (`siapkan`) is warmed
ahead, taken by the next piece of work of its module, and serves that one only.

The generator functions below run in the child: this module imports only the standard library and pytest at its
top, so the child stays small under the tight limits used here.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator

import pytest

from pipelines import terpisah
from pipelines.terpisah import KODE_MEMORI, ProsesGagal, jalankan, siapkan

MODUL = __name__
_dipanaskan: list[str] = []  # in a spare child: what its warm-up was given


@pytest.fixture(autouse=True)
def _tanpa_cadangan() -> Iterator[None]:
    yield
    while terpisah._cadangan:
        terpisah._cadangan.popitem()[1].buang()


def panaskan(tanda: str) -> Iterator[None]:
    _dipanaskan.append(tanda)
    yield None


def dipanaskan() -> Iterator[tuple[list[str], int]]:
    yield list(_dipanaskan), os.getpid()


def angka(n: int) -> Iterator[int]:
    yield from range(n)
    yield os.getpid()


def gagal(pesan: str) -> Iterator[int]:
    yield 1
    raise ValueError(pesan)


def rakus(mb: int) -> Iterator[int]:
    yield len(b"x" * (mb << 20))  # touched at once: killed under a lower limit


def tumbuh(mb: int) -> Iterator[int]:
    """Grow by 16 MB (touched) every 10 ms, saying how much was taken so far."""
    blok: list[bytes] = []
    while len(blok) * 16 < mb:
        blok.append(b"x" * (16 << 20))
        yield len(blok) * 16
        time.sleep(0.01)


def memori_habis() -> Iterator[int]:
    yield 1
    raise MemoryError


def batas_proses() -> Iterator[tuple[int, bool]]:
    """The child's own address-space limit, and whether the fast (DuckDB) CSV reader reads there."""
    import resource
    import tempfile
    from pathlib import Path

    from pipelines.baca import csv_cepat

    with tempfile.TemporaryDirectory() as folder:
        jalur = Path(folder) / "a.csv"
        jalur.write_text("a,b\n1,2\n3,4\n", encoding="utf-8")
        yield resource.getrlimit(resource.RLIMIT_AS)[0], csv_cepat.baca(jalur) is not None


def mati(cara: str) -> Iterator[int]:
    yield os.getpid()
    if cara == "abort":
        os.abort()
    os._exit(3)


def tidur(detik: float) -> Iterator[int]:
    yield os.getpid()
    time.sleep(detik)
    yield 0


def _hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_hasil_berurutan_dari_proses_lain() -> None:
    *hasil, pid = jalankan(f"{MODUL}:angka", 3, memori_mb=1024, waktu_detik=60)
    assert hasil == [0, 1, 2] and pid != os.getpid()


def test_galat_anak_dinaikkan_di_sini() -> None:
    diterima = []
    with pytest.raises(ValueError, match=r"^isi salah$"):
        for x in jalankan(f"{MODUL}:gagal", "isi salah", memori_mb=1024, waktu_detik=60):
            diterima.append(x)
    assert diterima == [1]


def test_kehabisan_memori() -> None:
    # 1 GB of bytes under a limit of 512 MB: the watchdog kills the child
    with pytest.raises(ProsesGagal) as e:
        list(jalankan(f"{MODUL}:rakus", 1024, memori_mb=512, waktu_detik=60))
    assert (e.value.sebab, e.value.kode) == ("memori", -signal.SIGKILL)
    # the same allocation with room enough succeeds: the limit, not the code, stopped it
    assert list(jalankan(f"{MODUL}:rakus", 64, memori_mb=1024, waktu_detik=60)) == [64 << 20]


def test_memori_diawasi_sampai_batas() -> None:
    """A child growing 16 MB at a time towards 3 GB under a limit of 256 MB is killed soon after the limit: the
    memory it said it held never reached 512 MB (the watchdog reads every 50 ms; growth 1.6 GB/s at most)."""
    dapat = []
    with pytest.raises(ProsesGagal) as e:
        for x in jalankan(f"{MODUL}:tumbuh", 3072, memori_mb=256, waktu_detik=60):
            dapat.append(x)
    assert (e.value.sebab, e.value.kode) == ("memori", -signal.SIGKILL)
    assert 128 <= dapat[-1] < 512


def test_memory_error_anak() -> None:
    """A MemoryError the child could not report (e.g. under the RLIMIT_AS used where /proc is missing)."""
    with pytest.raises(ProsesGagal) as e:
        list(jalankan(f"{MODUL}:memori_habis", memori_mb=1024, waktu_detik=60))
    assert (e.value.sebab, e.value.kode) == ("memori", KODE_MEMORI)


def test_anak_tanpa_batas_ruang_alamat_duckdb_membaca() -> None:
    """The child has no address-space limit of its own (the memory is watched from here), so the CSV reader takes
    the DuckDB path there, as in `pantau ingest`."""
    import resource

    assert list(jalankan(f"{MODUL}:batas_proses", memori_mb=1024, waktu_detik=60)) == [
        (resource.RLIM_INFINITY, True)]


@pytest.mark.parametrize(("cara", "sebab", "kode"), [("abort", "memori", -signal.SIGABRT), ("keluar", "berhenti", 3)])
def test_anak_mati(cara: str, sebab: str, kode: int) -> None:
    """An abort (what a Rust allocation failure does) counts as memory; any other death as `berhenti`."""
    dapat = []
    with pytest.raises(ProsesGagal) as e:
        for x in jalankan(f"{MODUL}:mati", cara, memori_mb=1024, waktu_detik=60):
            dapat.append(x)
    assert (e.value.sebab, e.value.kode) == (sebab, kode)
    assert not _hidup(dapat[0])


def test_waktu_habis_anak_dihentikan() -> None:
    dapat = []
    mulai = time.monotonic()
    with pytest.raises(ProsesGagal) as e:
        for x in jalankan(f"{MODUL}:tidur", 60, memori_mb=1024, waktu_detik=3):
            dapat.append(x)
    assert e.value.sebab == "waktu" and time.monotonic() - mulai < 10
    assert not _hidup(dapat[0])  # killed and reaped, not left sleeping


def _pid_cadangan() -> int:
    return terpisah._cadangan[MODUL].proses.pid


def test_cadangan_dipanaskan_dipakai_sekali() -> None:
    """The spare ran its warm-up, then the work, in the same process; it is ended after that one piece of work, and
    the next work runs in a new, cold process."""
    siapkan(f"{MODUL}:panaskan", "wilayah")
    pid = _pid_cadangan()
    siapkan(f"{MODUL}:panaskan", "lain")  # a fresh spare is there: nothing started
    assert _pid_cadangan() == pid
    assert list(jalankan(f"{MODUL}:dipanaskan", memori_mb=1024, waktu_detik=60)) == [(["wilayah"], pid)]
    assert MODUL not in terpisah._cadangan and not _hidup(pid)
    [(panas, pid_baru)] = jalankan(f"{MODUL}:dipanaskan", memori_mb=1024, waktu_detik=60)
    assert panas == [] and pid_baru != pid


def test_cadangan_hidup_setelah_benang_pembuatnya_selesai() -> None:
    """Started from a thread that ends (a Streamlit page run), the spare lives on (PR_SET_PDEATHSIG follows the
    thread that starts a child) and is taken afterwards."""
    def halaman() -> None:
        siapkan(f"{MODUL}:panaskan", "dari benang")
        time.sleep(1)  # the child has set its PR_SET_PDEATHSIG by then

    benang = threading.Thread(target=halaman)
    benang.start()
    benang.join()
    pid = _pid_cadangan()
    time.sleep(0.3)
    assert _hidup(pid)
    assert list(jalankan(f"{MODUL}:dipanaskan", memori_mb=1024, waktu_detik=60)) == [(["dari benang"], pid)]


def test_cadangan_lama_atau_lingkungan_lain_tidak_dipakai(monkeypatch: pytest.MonkeyPatch) -> None:
    siapkan(f"{MODUL}:panaskan", "a")
    pid = _pid_cadangan()
    monkeypatch.setenv("PANTAU_UJI_CADANGAN", "1")  # this process's environment changed since the spare started
    [(panas, pid_kerja)] = jalankan(f"{MODUL}:dipanaskan", memori_mb=1024, waktu_detik=60)
    assert (panas, pid_kerja != pid, _hidup(pid)) == ([], True, False)
    siapkan(f"{MODUL}:panaskan", "b")
    pid = _pid_cadangan()
    monkeypatch.setattr(terpisah, "UMUR_CADANGAN", 0.0)  # too old to be taken
    [(panas, pid_kerja)] = jalankan(f"{MODUL}:dipanaskan", memori_mb=1024, waktu_detik=60)
    assert (panas, pid_kerja != pid, _hidup(pid)) == ([], True, False)


def test_cadangan_diawasi_seperti_anak_lain() -> None:
    siapkan(f"{MODUL}:panaskan", "a")
    pid = _pid_cadangan()
    with pytest.raises(ProsesGagal) as e:
        list(jalankan(f"{MODUL}:rakus", 1024, memori_mb=512, waktu_detik=60))
    assert (e.value.sebab, e.value.kode) == ("memori", -signal.SIGKILL) and not _hidup(pid)
