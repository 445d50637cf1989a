"""Run work on untrusted input in a separate process with a memory and a time limit, so that it fails alone.

The web server is one process for every session: a file whose reading asks for 4.7 GB would abort it (a Rust
allocation failure is no exception) and every user would lose the app. `jalankan` starts a fresh interpreter
(`python -m pipelines.terpisah`: the server is multi-threaded and must not fork, and unlike multiprocessing's
`spawn` nothing of the caller's main script is run again, nor any of its open files or sockets inherited). There
it imports the function's module (our own code), calls the generator function and hands back, one by one, what it
yields, pickled over a pipe of its own. When the child raises, the same exception is raised here; when it dies
(MemoryError, an abort, a kill) or overruns its time, it is ended and `ProsesGagal` says why. The child also dies
with its parent (`PR_SET_PDEATHSIG`), so a killed server leaves no reader running on.

The memory limit is on the child's resident memory (`VmRSS` of /proc/PID/status), read by a watchdog thread here
every `SELANG_PANTAU` seconds for as long as the child lives (also while the caller is busy with a yielded value):
over the limit, the child is killed (SIGKILL, `ProsesGagal("memori")`). Not an address-space limit (`RLIMIT_AS`)
on the child: under one, DuckDB (the fast CSV reader) may end the process with a
segmentation fault instead of raising, so the checker had to read with the slow pure-Python reader; a watched
child has no limit of its own and reads as `pantau ingest` does. Between two readings the child can grow by what
it touches in `SELANG_PANTAU` seconds (some hundreds of MB at most); memory merely reserved and never touched does
not count. Where /proc is missing (not Linux), the child limits its address space (`RLIMIT_AS`) as before.

A child costs about half a second of interpreter start and imports (pandas, DuckDB, pyarrow) before it reads a
byte. `siapkan` starts one ahead of time, a spare, which runs a warm-up function (our own code on our own files:
imports, the national list of places) and then waits for its work; the next `jalankan` of a function of the same
module takes it instead of starting one. A spare does one piece of work and ends, like any child: nothing of one
upload is ever in the process of the next. It ends on its own after `DIAM_CADANGAN` seconds without work and is
not taken after `UMUR_CADANGAN` seconds (nor when this process's environment or folder changed since).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import resource
import select
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

KODE_MEMORI = 75
"""Exit code of a child that ran out of memory (a MemoryError it could not even report)."""

SELANG_PANTAU = 0.05
"""Seconds between two readings of the child's resident memory."""

DIAM_CADANGAN = 600.0
"""Seconds a spare child waits for its work before it ends on its own."""

UMUR_CADANGAN = 540.0
"""A spare older than this is not taken (it may be ending); a new one is started instead."""


def hentikan(proses: subprocess.Popen[bytes]) -> None:
    """End a child process that is still running: SIGTERM, then SIGKILL after 10 s; reaped either way."""
    if proses.poll() is None:
        proses.terminate()
        try:
            proses.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait()


class ProsesGagal(Exception):
    """The child ended without an answer. `sebab`: `memori` (out of memory, or aborted on an allocation),
    `waktu` (over its time) or `berhenti` (any other death)."""

    def __init__(self, sebab: str, kode: int | None = None) -> None:
        super().__init__(sebab)
        self.sebab = sebab
        self.kode = kode


def _mati_bersama_induk(induk: int) -> None:
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux); elsewhere the timeout still holds
    except (OSError, AttributeError):
        pass
    if os.getppid() != induk:  # the parent died before the line above
        os._exit(1)


def _memori_bita(pid: int) -> int | None:
    """The resident memory of process `pid` in bytes (0 for a process that has ended), None without /proc."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for baris in f:
                if baris.startswith(b"VmRSS:"):
                    return int(baris.split()[1]) << 10
    except FileNotFoundError:
        return None if not os.path.isdir("/proc/self") else 0
    except OSError:
        return 0
    return 0  # a zombie has no VmRSS


def _awasi(proses: subprocess.Popen[bytes], batas_bita: int, henti: threading.Event) -> None:
    """The watchdog: kill the child when its resident memory is over `batas_bita`."""
    while not henti.wait(SELANG_PANTAU):
        if proses.returncode is not None or (_memori_bita(proses.pid) or 0) <= batas_bita:
            continue
        proses.kill()  # no signal once the child is reaped (Popen checks), so never a reused PID
        return


def _anak(kirim: Connection, permintaan: bytes) -> None:
    try:
        nama_fungsi, argumen, memori_bita = pickle.loads(permintaan)
        modul, nama = nama_fungsi.split(":")
        fungsi = getattr(importlib.import_module(modul), nama)  # our own code, imported before the limit
        if memori_bita > 0:
            _, keras = resource.getrlimit(resource.RLIMIT_AS)
            batas = memori_bita if keras == resource.RLIM_INFINITY else min(memori_bita, keras)
            resource.setrlimit(resource.RLIMIT_AS, (batas, batas))
        for hasil in fungsi(*argumen):
            kirim.send(("hasil", hasil))
        kirim.send(("selesai", None))
    except MemoryError:
        os._exit(KODE_MEMORI)
    except BaseException as e:  # every failure goes back to the parent, which raises it
        if not isinstance(e, ValueError):  # the unexpected ones also in the server's log, with their traceback
            traceback.print_exc()
        try:
            kirim.send(("galat", e))
        except MemoryError:
            os._exit(KODE_MEMORI)
        except Exception:  # an exception that cannot be pickled: its text
            kirim.send(("galat", RuntimeError(f"{type(e).__name__}: {e}")))
    finally:
        kirim.close()


def _panaskan(permintaan: bytes) -> None:
    """A spare's warm-up: its function run to the end, what it yields dropped; a failure is left to the work."""
    try:
        nama_fungsi, argumen = pickle.loads(permintaan)
        modul, nama = nama_fungsi.split(":")
        for _ in getattr(importlib.import_module(modul), nama)(*argumen):
            pass
    except Exception:
        traceback.print_exc()


def _utama() -> None:
    """The child: `python -m pipelines.terpisah FD INDUK`; on stdin, messages of a `Connection`: a spare's
    ("panaskan", pickled (function, arguments)) first, then ("kerja", pickled (function, arguments, RLIMIT_AS
    bytes or 0)); the results go to the pipe FD."""
    fd, induk = (int(a) for a in sys.argv[1:3])
    _mati_bersama_induk(induk)
    masuk = Connection(sys.stdin.fileno(), writable=False)
    try:
        jenis, permintaan = masuk.recv()
        if jenis == "panaskan":
            _panaskan(permintaan)
            if not select.select([masuk.fileno()], [], [], DIAM_CADANGAN)[0]:
                os._exit(0)  # no work came
            jenis, permintaan = masuk.recv()
    except EOFError:  # the parent closed without work (a spare dropped)
        os._exit(0)
    _anak(Connection(fd, readable=False), permintaan)


@dataclass
class _Anak:
    """A started child: its process, the end of its request pipe (its stdin) and the end of its result pipe."""

    proses: subprocess.Popen[bytes]
    kirim: Connection
    terima: Connection
    dibuat: float
    lingkungan: tuple[dict[str, str], str]
    usai: threading.Event | None = None

    def buang(self) -> None:
        """End the child (when it gets no work, or after its work) and reap it."""
        for c in (self.kirim, self.terima):
            c.close()
        if self.proses.poll() is None:
            self.proses.kill()
        self.proses.wait()
        if self.usai is not None:
            self.usai.set()


_cadangan: dict[str, _Anak] = {}
"""The spare child of each module (`siapkan`)."""
_kunci_cadangan = threading.Lock()


def _lingkungan() -> tuple[dict[str, str], str]:
    return dict(os.environ), os.getcwd()


def _mulai() -> _Anak:
    baca, tulis = os.pipe()
    masuk_baca, masuk_tulis = os.pipe()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}  # the modules this process uses
    try:
        proses = subprocess.Popen([sys.executable, "-m", "pipelines.terpisah", str(tulis), str(os.getpid())],
                                  stdin=masuk_baca, pass_fds=(tulis,), env=env)
    except BaseException:
        for f in (baca, masuk_tulis):
            os.close(f)
        raise
    finally:
        for f in (tulis, masuk_baca):
            os.close(f)
    return _Anak(proses, Connection(masuk_tulis, readable=False), Connection(baca, writable=False),
                 time.monotonic(), _lingkungan())


def _mulai_di_benang() -> _Anak:
    """`_mulai` from a thread of its own that lives until the child is reaped: the child's PR_SET_PDEATHSIG
    follows the thread that started it, and a spare outlives the caller's thread (a page run of Streamlit)."""
    hasil: list[_Anak | BaseException] = []
    siap, usai = threading.Event(), threading.Event()

    def benang() -> None:
        try:
            hasil.append(_mulai())
        except BaseException as e:
            hasil.append(e)
        siap.set()
        usai.wait()

    threading.Thread(target=benang, daemon=True, name="terpisah-cadangan").start()
    siap.wait()
    if isinstance(hasil[0], BaseException):
        usai.set()
        raise hasil[0]
    hasil[0].usai = usai
    return hasil[0]


def siapkan(nama_fungsi: str, *argumen: Any) -> None:
    """Have a spare child ready for the next `jalankan` of a function of the module of `nama_fungsi`, warmed by
    running the generator function `nama_fungsi` ("module:name") with `argumen` (our own code, no input: it
    imports and loads what every piece of work needs). Nothing when a fresh one is there already."""
    modul = nama_fungsi.split(":")[0]
    with _kunci_cadangan:
        ada = _cadangan.get(modul)
        if ada is not None and _boleh_dipakai(ada):
            return
        if ada is not None:
            del _cadangan[modul]
            ada.buang()
        anak = _mulai_di_benang()
        try:
            anak.kirim.send(("panaskan", pickle.dumps((nama_fungsi, argumen))))
        except OSError:  # the child died at once
            anak.buang()
            return
        _cadangan[modul] = anak


def _boleh_dipakai(anak: _Anak) -> bool:
    return (anak.proses.poll() is None and time.monotonic() - anak.dibuat < UMUR_CADANGAN
            and anak.lingkungan == _lingkungan())


def _ambil(modul: str) -> _Anak:
    """The spare of `modul` if it may be taken, else a new child."""
    with _kunci_cadangan:
        anak = _cadangan.pop(modul, None)
    if anak is not None:
        if _boleh_dipakai(anak):
            return anak
        anak.buang()
    return _mulai()


def jalankan(nama_fungsi: str, *argumen: Any, memori_mb: int, waktu_detik: float) -> Iterator[Any]:
    """Call the generator function `nama_fungsi` ("module:name") with `argumen` in a child process limited to
    `memori_mb` MB of resident memory and `waktu_detik` seconds in all; yield what it yields.

    Raises what the child raised, or `ProsesGagal`. The child is ended when the iteration ends, however it ends
    (close the iterator, e.g. with `contextlib.closing`, when not reading it to the end).
    """
    diawasi = _memori_bita(os.getpid()) is not None  # /proc: watched here; otherwise RLIMIT_AS in the child
    permintaan = pickle.dumps((nama_fungsi, argumen, 0 if diawasi else memori_mb << 20))
    anak = _ambil(nama_fungsi.split(":")[0])
    proses, terima = anak.proses, anak.terima
    henti = threading.Event()
    pengawas = threading.Thread(target=_awasi, args=(proses, memori_mb << 20, henti), daemon=True,
                                name="terpisah-awasi")
    if diawasi:
        pengawas.start()
    batas = time.monotonic() + waktu_detik
    try:
        with contextlib.suppress(OSError):  # the child died at once; its end of the result pipe tells below
            anak.kirim.send(("kerja", permintaan))
        anak.kirim.close()
        while True:
            sisa = batas - time.monotonic()
            if sisa <= 0 or not terima.poll(sisa):
                raise ProsesGagal("waktu")
            try:
                jenis, isi = terima.recv()
            except (EOFError, OSError):  # the child died (its end of the pipe closed without a word)
                try:
                    kode: int | None = proses.wait(10)
                except subprocess.TimeoutExpired:
                    kode = None
                memori = kode in (KODE_MEMORI, -signal.SIGABRT, -signal.SIGKILL)
                raise ProsesGagal("memori" if memori else "berhenti", kode) from None
            if jenis == "hasil":
                yield isi
            elif jenis == "galat":
                raise isi
            else:
                return
    finally:
        henti.set()
        if pengawas.is_alive():
            pengawas.join()  # before the child is reaped: its PID is never signalled once free
        anak.buang()


if __name__ == "__main__":
    _utama()
