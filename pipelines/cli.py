"""The `pantau` command line: ingest, build, metrik, karantina, batas, demo, ekspor, pulihkan, pengguna, audit, serve.

The meeting documents (`bahan`, `agenda`) are assembled by the app's data door, so they are the app's commands:
`dashboard.perintah` adds them to this parser and is the installed `pantau` (the batch side never imports the app).

Errors a user can cause end with an Indonesian message on stderr and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from akses import AksesDitolak, Pengguna
from akses.audit import KesalahanAudit
from pipelines import ingest
from pipelines.baca.nilai import bulan as baca_bulan
from pipelines.baca.nilai import tanggal as baca_tanggal
from pipelines.build import BangunKehabisanMemori, PemeriksaanGagal
from pipelines.ekspor import KesalahanEkspor
from pipelines.gudang import (
    UMASK,
    GudangBelumAda,
    GudangPenuh,
    GudangRusak,
    GudangSibuk,
    GudangVersiLain,
    buka_baca,
    pasang_gudang,
    pribadi,
)
from pipelines.konfigurasi import KesalahanKonfigurasi, Konfigurasi, muat_konfigurasi
from pipelines.metrik import KesalahanMetrik, metrik_pelaporan, metrik_program, metrik_rujukan, metrik_target
from pipelines.pulihkan import KesalahanPulihkan
from pipelines.terpisah import hentikan
from pipelines.validasi.skema import SEMUA_JENIS


class KesalahanPengguna(Exception):
    """An error the user can fix; printed without a traceback."""


# 1/ ingest
def _cetak_ringkasan(ringkasan: list[ingest.RingkasanLembar]) -> None:
    for r in ringkasan:
        nama = Path(r.berkas).name + (f" [{r.lembar}]" if r.lembar else "")
        if r.galat:
            print(f"GAGAL  {nama}: {r.galat}")
            continue
        if r.jenis is None:
            print(f"LEWAT  {nama}: lembar tanpa judul kolom yang dikenali ({r.baris_dilewati} baris dilewati)")
            continue
        status = "SUDAH DIMUAT SEBELUMNYA (tidak dimuat ulang)" if r.sudah_pernah_dimuat else "dimuat"
        print(f"{r.jenis:<22} {nama}: {status}")
        print(f"    dibaca {r.baris_dibaca}, dimuat {r.baris_dimuat}, dikarantina {r.baris_dikarantina}, "
              f"dilewati {r.baris_dilewati}")
        if r.peringatan:
            print("    peringatan: " + ", ".join(f"{k} {v}" for k, v in r.peringatan.items()))
        if r.kolom_pribadi_dibuang:
            print("    kolom data pribadi dibuang: " + ", ".join(r.kolom_pribadi_dibuang))
        if r.kolom_diabaikan:
            print("    kolom tidak dikenal diabaikan: " + ", ".join(r.kolom_diabaikan))
    total = {k: sum(getattr(r, k) for r in ringkasan) for k in
             ("baris_dibaca", "baris_dimuat", "baris_dikarantina", "baris_dilewati")}
    print(f"Jumlah: dibaca {total['baris_dibaca']}, dimuat {total['baris_dimuat']}, "
          f"dikarantina {total['baris_dikarantina']}, dilewati {total['baris_dilewati']}")


def perintah_ingest(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    jalur = [Path(p) for p in args.jalur]
    hilang = [str(p) for p in jalur if not p.exists()]
    if hilang:
        raise KesalahanPengguna(f"Berkas atau folder tidak ditemukan: {', '.join(hilang)}")
    pelaku = _pelaku(args, konfigurasi, hak="unggah")
    try:
        ringkasan = ingest.muat(jalur, konfigurasi, paksa_jenis=args.jenis, program_roll=args.program)
    except Exception as e:
        _catat_ingest(konfigurasi, pelaku, jalur, [], galat=str(e))
        raise
    _catat_ingest(konfigurasi, pelaku, jalur, ringkasan)
    if args.json:
        keluaran = []
        for r in ringkasan:
            d = r.ke_json()
            if d["galat"] is None:
                del d["galat"]
            keluaran.append(d)
        print(json.dumps({"berkas": keluaran}, ensure_ascii=False, indent=2))
    else:
        _cetak_ringkasan(ringkasan)
    if not ringkasan:
        print("Tidak ada berkas CSV/XLSX/Parquet yang ditemukan.", file=sys.stderr)
        return 2
    return 1 if any(r.galat for r in ringkasan) else 0


# 2/ build
def perintah_build(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    per = ingest.bangun_ulang(konfigurasi)
    print(f"Mart dibangun ulang; data per {per.isoformat()}.")
    return 0


# 3/ metrik
def _bulan_arg(teks: str) -> date:
    b = baca_bulan(teks)
    if b is None:
        raise argparse.ArgumentTypeError(f"bulan '{teks}' tidak sah; tulis YYYY-MM, mis. 2025-03")
    return b


def _tanggal_arg(teks: str) -> date:
    d = baca_tanggal(teks)
    if d is None:
        raise argparse.ArgumentTypeError(f"tanggal '{teks}' tidak sah; tulis YYYY-MM-DD")
    return d


def perintah_metrik(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    if args.sebagai or args.wilayah:
        return _metrik_sebagai(args, konfigurasi)
    if args.set == "program":
        if not args.tingkat:
            raise KesalahanPengguna("--set program butuh --tingkat desa|kecamatan|kabupaten.")
        df = metrik_program(konfigurasi, args.tingkat, args.per)
    elif args.set == "target":
        df = metrik_target(konfigurasi)
    elif args.set == "pelaporan":
        if not args.tingkat:
            raise KesalahanPengguna("--set pelaporan butuh --tingkat desa|kecamatan|kabupaten.")
        df = metrik_pelaporan(konfigurasi, args.tingkat, args.per)
    elif args.set == "rujukan":
        if not args.tingkat:
            raise KesalahanPengguna("--set rujukan butuh --tingkat desa|kecamatan|kabupaten.")
        df = metrik_rujukan(konfigurasi, args.tingkat, args.dari, args.sampai, args.per)
    else:
        if not (args.tingkat and args.dari and args.sampai):
            raise KesalahanPengguna("pantau metrik butuh --tingkat, --dari dan --sampai "
                                    "(atau --set program / --set target).")
        from akses import metrik_bulanan_untuk

        # the system sees every regency, but through the same gate: complementary protection applies to it too
        df = metrik_bulanan_untuk(konfigurasi, None, args.tingkat, args.dari, args.sampai, args.per)
    return _cetak_metrik(args, konfigurasi, df, None)


# 4/ demo
def perintah_demo(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    from pipelines.demo.generator import tulis_berkas_demo

    mulai = time.perf_counter()
    gudang = konfigurasi.gudang
    if gudang.exists() and not args.paksa:
        con = buka_baca(gudang)
        try:
            row = con.execute("select nilai from meta_gudang where kunci = 'sintetis'").fetchone()
        finally:
            con.close()
        if not row or row[0] != "ya":
            raise KesalahanPengguna(f"{gudang} berisi data nyata; demo tidak menimpanya. Pakai PANTAU_DB lain "
                                    "untuk demo, atau --paksa bila memang ingin menimpa.")
    hari_ini = args.hari_ini or datetime.now().date()
    if args.skala == "nasional":  # every desa of the country, through the same ingest (pipelines/demo/nasional.py)
        from pipelines.demo.nasional import demo_nasional

        print("\n".join(demo_nasional(konfigurasi, hari_ini)))
        return 0
    folder = gudang.parent / "demo-masukan"
    shutil.rmtree(folder, ignore_errors=True)
    demo = tulis_berkas_demo(folder, kabupaten=konfigurasi.kabupaten[0], hari_ini=hari_ini)
    t_tulis = time.perf_counter() - mulai
    baru = gudang.parent / f".{gudang.name}.demo-{os.getpid()}"
    baru.unlink(missing_ok=True)
    try:
        ringkasan = ingest.muat(demo.berkas, replace(konfigurasi, gudang=baru), hari_ini=hari_ini, sintetis=True)
        pesan_batas = _batas_demo(replace(konfigurasi, gudang=baru))
        pasang_gudang(baru, gudang)  # keeps the replaced warehouse as .sebelumnya
    finally:
        baru.unlink(missing_ok=True)
    total = {k: sum(getattr(r, k) for r in ringkasan) for k in
             ("baris_dibaca", "baris_dimuat", "baris_dikarantina", "baris_dilewati")}
    durasi = time.perf_counter() - mulai
    print(f"Demo (DATA SINTETIS) untuk kabupaten {konfigurasi.kabupaten[0]}: {len(demo.berkas)} berkas di {folder}")
    print(f"  baris dibaca {total['baris_dibaca']}, dimuat {total['baris_dimuat']}, "
          f"dikarantina {total['baris_dikarantina']}, dilewati {total['baris_dilewati']}")
    print(f"  gudang: {gudang}")
    print(f"  waktu: {durasi:.1f} detik (menulis berkas {t_tulis:.1f} detik, memuat {durasi - t_tulis:.1f} detik)")
    print(f"  {pesan_batas}")
    print("  fakta benih yang diikuti demo ini:")
    for fakta in demo.fakta_benih:
        print(f"    - {fakta}")
    if not args.tanpa_akun:
        _cetak_akun_demo(konfigurasi)
    return 0


def _cetak_akun_demo(konfigurasi: Konfigurasi) -> None:
    """One demo account per role with a fresh one-time password, printed once (kept nowhere in plain text)."""
    from akses import audit
    from akses.akun import buat_akun_demo

    akun = buat_akun_demo(konfigurasi, oleh=audit.pelaku_os())
    print("Akun demo (kata sandi sekali pakai, wajib diganti saat pertama masuk; hanya dicetak sekarang):")
    for nama, peran, wilayah, sandi in akun:
        print(f"  {nama:<16} {peran:<10} {wilayah:<24} {sandi}")


def _batas_demo(konfigurasi: Konfigurasi) -> str:
    """Import the regency's desa boundaries from `../shared/boundaries` when a file there matches (marts are fresh)."""
    from pipelines.batas import cari_berkas_batas, impor_batas

    berkas = cari_berkas_batas(konfigurasi.kabupaten[0])
    if berkas is None:
        return "batas desa: tidak ada berkas batas untuk kabupaten ini; halaman Peta memakai peta petak " \
               "(impor batas resmi dengan `pantau batas BERKAS`)"
    h = impor_batas(berkas, konfigurasi, bangun_ulang=False)
    return f"batas desa: {berkas.name}, {h.cocok_kode + h.cocok_nama} desa cocok, {h.desa_tanpa_poligon} tanpa poligon"


# 5/ karantina
def perintah_karantina(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    from pipelines.karantina import baris_karantina

    df = baris_karantina(konfigurasi, args.berkas)
    _catat_baca(args, konfigurasi, "pantau karantina", None,
                {"berkas": args.berkas, "keluar": args.keluar, "baris": len(df)})
    if args.keluar:
        Path(args.keluar).write_text(df.to_csv(index=False, lineterminator="\n"), encoding="utf-8-sig")
        pribadi(Path(args.keluar))  # personal data: owner only (600)
        print(f"{len(df)} baris karantina ditulis ke {args.keluar}")
    else:
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    return 0


# 5b/ batas
def perintah_batas(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    from pipelines.batas import impor_batas, ke_json, ringkasan_teks

    hasil = impor_batas(Path(args.berkas), konfigurasi, kolom_kode=args.kolom_kode)
    print(ke_json(hasil) if args.json else ringkasan_teks(hasil))
    return 0


# 5c/ ekspor and pulihkan (scale and resilience)
def perintah_ekspor(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    from akses import muat_kunci
    from pipelines.ekspor import ekspor_parquet, ringkasan_teks

    muat_kunci(konfigurasi)  # no key, no export: the message says how to make one
    _catat_baca(args, konfigurasi, "pantau ekspor", None, {"parquet": str(Path(args.parquet).resolve()),
                                                          "mikrodata": bool(args.mikrodata)})
    print(ringkasan_teks(ekspor_parquet(konfigurasi, Path(args.parquet), mikrodata=args.mikrodata)))
    return 0


def perintah_pulihkan(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    from pipelines.pulihkan import pulihkan, ringkasan_teks

    print(ringkasan_teks(pulihkan(konfigurasi.gudang)))
    return 0


# 5d/ pengguna, audit and the access gate
def _pelaku(args: argparse.Namespace, konfigurasi: Konfigurasi, hak: str | None = None,
            pakai_sebagai: bool = True) -> str:
    """Who an action is recorded for: `--sebagai NAMA`, else `PANTAU_PENGGUNA` (a known account that may do `hak`),
    else the operating-system user (`os:NAME`)."""
    import akses
    from akses import akun, audit

    nama = (getattr(args, "sebagai", None) if pakai_sebagai else None) or os.environ.get("PANTAU_PENGGUNA")
    if not nama:
        return audit.pelaku_os()
    pengguna = akun.pengguna(konfigurasi, nama)
    if hak:
        akses.wajib_hak(pengguna, hak)
    return pengguna.nama


def _catat_ingest(konfigurasi: Konfigurasi, pelaku: str, jalur: list[Path], ringkasan: list[ingest.RingkasanLembar],
                  galat: str | None = None) -> None:
    from akses import audit

    rincian = ingest.rincian_audit(ringkasan, galat)
    try:
        audit.catat(konfigurasi, "ingest", pelaku, sasaran=", ".join(p.name for p in jalur)[:300], rincian=rincian)
    except audit.KesalahanAudit as e:  # the load itself is done (or failed) atomically either way: say so, loudly
        print(f"PERINGATAN: pemuatan tidak tercatat di log audit: {e}", file=sys.stderr)


def _rincian_metrik(args: argparse.Namespace, baris: int) -> dict[str, object]:
    return {"set": args.set, "tingkat": args.tingkat, "baris": baris, "dari": str(args.dari) if args.dari else None,
            "sampai": str(args.sampai) if args.sampai else None, "wilayah": args.wilayah}


def _catat_baca(args: argparse.Namespace, konfigurasi: Konfigurasi, sasaran: str, pengguna: Pengguna | None,
                rincian: dict[str, object]) -> None:
    """Record a command-line read of data (`metrik`, `karantina`, `ekspor`) as `unduh`, before anything is shown or
    written: for the `--sebagai` account when given (else `PANTAU_PENGGUNA`, else the operating-system user), always
    naming the operating-system user (`rincian.os`) and the account (`rincian.sebagai`). When the record cannot be
    written the read does not happen (`KesalahanAudit`)."""
    from akses import audit

    pelaku = pengguna.nama if pengguna is not None else _pelaku(args, konfigurasi)
    audit.catat(konfigurasi, "unduh", pelaku, sasaran=sasaran,
                cakupan=pengguna.kode_wilayah if pengguna is not None else None,
                rincian={**rincian, "os": audit.pelaku_os(), "sebagai": pengguna.nama if pengguna else None})


def _metrik_sebagai(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    """`pantau metrik ... --sebagai NAMA`: exactly what that account sees, through the gate (`akses`)."""
    import akses
    from akses import akun

    pengguna = akun.pengguna(konfigurasi, args.sebagai) if args.sebagai else None
    if args.set == "bulanan":
        if not (args.tingkat and args.dari and args.sampai):
            raise KesalahanPengguna("pantau metrik butuh --tingkat, --dari dan --sampai "
                                    "(atau --set program / --set target).")
        df = akses.metrik_bulanan_untuk(konfigurasi, pengguna, args.tingkat, args.dari, args.sampai, args.per,
                                        args.wilayah)
    elif args.set in ("program", "pelaporan", "rujukan"):
        if not args.tingkat:
            raise KesalahanPengguna(f"--set {args.set} butuh --tingkat desa|kecamatan|kabupaten.")
        akses.periksa_tingkat(pengguna, args.tingkat)
        diminta = akses.normalkan_kode(args.wilayah) if args.wilayah else None
        if args.set == "rujukan":
            semua = metrik_rujukan(konfigurasi, args.tingkat, args.dari, args.sampai, args.per)
        else:
            baca = metrik_program if args.set == "program" else metrik_pelaporan
            semua = baca(konfigurasi, args.tingkat, args.per)
        df = akses.saring(semua, pengguna, diminta=diminta)
        if diminta:
            df = akses.di_dalam(df, diminta)
    else:
        akses.periksa_tingkat(pengguna, "kabupaten")
        df = akses.saring(metrik_target(konfigurasi), pengguna, kolom_kode="kode_kab")
    return _cetak_metrik(args, konfigurasi, df, pengguna)


def _cetak_metrik(args: argparse.Namespace, konfigurasi: Konfigurasi, df: pd.DataFrame,
                  pengguna: Pengguna | None) -> int:
    """Audit the read (`_catat_baca`), then print `df` as CSV or JSON (`--format`)."""
    _catat_baca(args, konfigurasi, "pantau metrik", pengguna, _rincian_metrik(args, len(df)))
    if args.format == "json":
        print(df.to_json(orient="records", force_ascii=False, indent=2))
    else:
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    return 0


def _baca_sandi(nama: str) -> str:
    """The first line of standard input when it is not a terminal; otherwise asked twice without echo."""
    import getpass

    if sys.stdin is None or not sys.stdin.isatty():
        sandi = (sys.stdin.readline() if sys.stdin else "").rstrip("\r\n")
        if not sandi:
            raise KesalahanPengguna("Kata sandi kosong: tulis kata sandi di baris pertama masukan standar, "
                                    "mis. `pantau pengguna tambah budi --peran perencana < berkas_sandi`.")
        return sandi
    sandi = getpass.getpass(f"Kata sandi untuk {nama}: ")
    if getpass.getpass("Ulangi kata sandi: ") != sandi:
        raise KesalahanPengguna("Kedua kata sandi tidak sama; tidak ada yang diubah.")
    return sandi


def perintah_pengguna(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    import akses
    from akses import akun

    oleh = _pelaku(args, konfigurasi, hak="akun")
    if args.aksi == "tambah":
        akun.periksa_tambah(konfigurasi, args.nama, args.peran, args.wilayah)
        baru = akun.tambah(konfigurasi, args.nama, args.peran, args.wilayah, _baca_sandi(args.nama), oleh=oleh)
        print(f"Pengguna {baru.nama} ditambahkan: {baru.peran}, {akses.nama_wilayah(baru.kode_wilayah)} "
              f"({baru.kode_wilayah}). Kata sandi pertama harus diganti saat masuk.")
    elif args.aksi == "daftar":
        semua = akun.daftar(konfigurasi)
        if not semua:
            print("Belum ada pengguna. Tambahkan dengan `pantau pengguna tambah NAMA --peran PERAN [--wilayah KODE]`.")
        for a in semua:
            terakhir = a.masuk_terakhir.astimezone().strftime("%Y-%m-%d %H:%M") if a.masuk_terakhir else "belum pernah"
            wilayah = f"{a.kode_wilayah} {akses.nama_wilayah(a.kode_wilayah)}"
            print(f"{a.nama:<24} {a.peran:<10} {wilayah:<36} {akun.keterangan(a):<26} masuk terakhir: {terakhir}")
    elif args.aksi == "surel":
        akun.atur_surel(konfigurasi, args.nama, None if args.lepas else args.surel, oleh=oleh)
        print(f"Akun {akun.normalkan_nama(args.nama)}: " + ("surel SSO dilepas." if args.lepas else
                                                           f"masuk SSO dengan {akun.normalkan_surel(args.surel)}."))
    elif args.aksi == "hapus":
        akun.hapus(konfigurasi, args.nama, oleh=oleh)
        print(f"Pengguna {akun.normalkan_nama(args.nama)} dihapus.")
    else:
        sandi = akun.reset(konfigurasi, args.nama, oleh=oleh)
        print(f"Kata sandi sekali pakai untuk {akun.normalkan_nama(args.nama)}: {sandi}")
        print("Serahkan langsung kepada pemiliknya; harus diganti saat masuk. Sandi ini tidak disimpan dan tidak "
              "ditampilkan lagi.")
    return 0


def perintah_audit(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    from akses import audit

    catatan = audit.baca(konfigurasi, sejak=args.sejak, pengguna=args.pengguna)
    if args.json:
        print(json.dumps([{"id": c.id, "waktu": c.waktu.isoformat(), "pengguna": c.pengguna, "peristiwa": c.peristiwa,
                           "sasaran": c.sasaran, "cakupan": c.cakupan, "rincian": c.rincian} for c in catatan],
                         ensure_ascii=False, indent=2))
    elif not catatan:
        print("Tidak ada catatan audit" + (" yang cocok." if args.sejak or args.pengguna else " (belum ada)."))
    for c in [] if args.json else catatan:
        print(c.baris_teks())
    rusak = audit.verifikasi(konfigurasi)
    if rusak is not None:
        print(f"PERINGATAN: log audit diubah di luar Pantau mulai catatan #{rusak} (rantai hash tidak cocok).",
              file=sys.stderr)
        return 1
    return 0


# 6/ serve
PROSES_MAKS = 16
"""`pantau serve --proses` at most (a process takes about 300 MB and one core at a time)."""


def perintah_serve(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    from pipelines.unggah import bersihkan_sisa

    jumlah = args.proses if args.proses is not None else konfigurasi.proses_layan
    if not 1 <= jumlah <= PROSES_MAKS:
        print(f"--proses harus 1 sampai {PROSES_MAKS}.", file=sys.stderr)
        return 2
    bersihkan_sisa(konfigurasi)  # uploads cut short by a crash leave raw files: never keep them
    # dashboard/layan.py: the app behind the media guard (a download is served only to its live, valid session)
    app = Path(__file__).resolve().parent.parent / "dashboard" / "layan.py"
    tampil = "localhost" if args.alamat in ("127.0.0.1", "localhost") else args.alamat
    port = [args.port + i for i in range(jumlah)]
    if jumlah == 1:
        print(f"Pantau berjalan di http://{tampil}:{args.port} (gudang: {konfigurasi.gudang}); Ctrl+C untuk berhenti.")
    else:
        print(f"Pantau berjalan dalam {jumlah} proses di http://{tampil}:{port[0]}-{port[-1]} (gudang: "
              f"{konfigurasi.gudang}); sajikan lewat nginx dengan kuki lengket (deploy/nginx/pantau-proses.conf). "
              "Ctrl+C untuk berhenti.")
    anak = []
    for i, p in enumerate(port):
        cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(p),
               "--server.address", args.alamat, "--browser.gatherUsageStats", "false", "--server.headless", "true",
               # no watching of source files: a served app never reloads itself, and the watcher walks every loaded
               # module's path after each page run of each session
               "--server.fileWatcherType", "none"]
        # PANTAU_PROSES: which of the processes this is (the app names it in the header `X-Pantau-Proses`)
        env = {**os.environ, "PANTAU_DB": str(konfigurasi.gudang), "PANTAU_PROSES": str(i + 1)}
        anak.append(subprocess.Popen(cmd, env=env))
    return _tunggu_anak(anak)


def _tunggu_anak(anak: list[subprocess.Popen[bytes]]) -> int:
    """Wait for the app's processes, passing SIGTERM, SIGINT and SIGHUP on to every one of them, so that stopping
    `pantau serve` (Ctrl+C, `kill`, a service manager) stops every app process and frees its port. When one process
    ends by itself, the others are stopped too (a half-served set is not left running). A process that hangs is
    killed after 10 s."""
    berhenti = threading.Event()

    def teruskan(nomor: int, _bingkai: object) -> None:
        berhenti.set()
        for a in anak:
            with contextlib.suppress(ProcessLookupError):
                a.send_signal(nomor)

    lama = {nomor: signal.signal(nomor, teruskan) for nomor in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    try:
        while all(a.poll() is None for a in anak) and not berhenti.is_set():
            berhenti.wait(0.5)
        selesai = next((a for a in anak if a.poll() is not None), None)
        if selesai is not None and not berhenti.is_set():  # one ended by itself: stop the others
            for a in anak:
                if a.poll() is None:
                    a.terminate()
        kode = [a.wait(timeout=10) if a.poll() is None else a.returncode for a in anak]
    except subprocess.TimeoutExpired:
        kode = [1]
    finally:
        for nomor, penangan in lama.items():
            signal.signal(nomor, penangan)
        for a in anak:
            hentikan(a)
    sinyal = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    buruk = [k for k in kode if not (k == 0 or (k < 0 and -k in sinyal))]
    return buruk[0] if buruk else 0


def parser(tambahan: Sequence[Callable[[Any], None]] = ()) -> argparse.ArgumentParser:
    """The `pantau` parser. `tambahan`: functions that add more commands to its subparsers (the app's meeting
    documents, `dashboard.perintah`), so that the batch side never imports the app."""
    p = argparse.ArgumentParser(prog="pantau", description="Pantau: layanan sosial per desa, dari Puskesos ke DuckDB.")
    sub = p.add_subparsers(dest="perintah", required=True)

    i = sub.add_parser("ingest", help="muat berkas/folder (CSV, XLSX, Parquet) dan bangun ulang mart")
    i.add_argument("jalur", nargs="+", help="berkas atau folder (dibaca rekursif)")
    i.add_argument("--jenis", choices=sorted(SEMUA_JENIS), help="paksa jenis berkas (bila tidak dikenali otomatis)")
    i.add_argument("--json", action="store_true", help="cetak ringkasan muat sebagai satu dokumen JSON")
    i.add_argument("--program", help="program untuk berkas daftar penerima yang tidak punya kolom program "
                                     "(mis. pkh, sembako, pbi_jk)")
    i.add_argument("--sebagai", metavar="NAMA", help="catat pemuatan di log audit atas nama akun ini (peran operator); "
                                                  "bawaan: PANTAU_PENGGUNA, atau pengguna sistem operasi")
    i.set_defaults(fungsi=perintah_ingest)

    b = sub.add_parser("build", help="bangun ulang mart dan jalankan pemeriksaan data")
    b.set_defaults(fungsi=perintah_build)

    m = sub.add_parser("metrik", help="cetak mart bulanan per wilayah")
    m.add_argument("--set", choices=("bulanan", "program", "target", "pelaporan", "rujukan"), default="bulanan",
                   help="bulanan (bawaan): mart bulanan; program: cakupan program; target: target kemiskinan; "
                        "pelaporan: status Puskesos, kelengkapan dan ketepatan per tanggal batas; rujukan: per "
                        "wilayah dan tujuan, rujukan yang dimulai --dari..--sampai (tanpa kasus sensitif)")
    m.add_argument("--tingkat", choices=("desa", "kecamatan", "kabupaten"))
    m.add_argument("--dari", type=_bulan_arg, help="bulan awal, YYYY-MM (set bulanan dan rujukan)")
    m.add_argument("--sampai", type=_bulan_arg, help="bulan akhir, YYYY-MM (set bulanan dan rujukan)")
    m.add_argument("--per", type=_tanggal_arg, help="tanggal batas YYYY-MM-DD (bawaan: tanggal data)")
    m.add_argument("--format", choices=("csv", "json"), default="csv")
    m.add_argument("--sebagai", metavar="NAMA", help="cetak persis yang dilihat akun ini: cakupan wilayahnya, angka "
                                                  "kekerasan 1-4 sebagai <5 dengan perlindungan pelengkap")
    m.add_argument("--wilayah", metavar="KODE", help="hanya wilayah ini dan yang di bawahnya (lewat gerbang akses)")
    m.set_defaults(fungsi=perintah_metrik)

    q = sub.add_parser("karantina", help="unduh baris yang dikarantina (untuk dikirim kembali ke desa)")
    q.add_argument("--berkas", help="hanya berkas yang namanya mengandung teks ini")
    q.add_argument("--keluar", help="tulis ke berkas CSV (bawaan: layar)")
    q.set_defaults(fungsi=perintah_karantina)

    g = sub.add_parser("batas", help="impor batas desa resmi (GeoJSON, GeoPackage, Shapefile atau .zip)")
    g.add_argument("berkas", help="berkas batas desa, CRS apa pun")
    g.add_argument("--kolom-kode", help="kolom berisi kode desa Kemendagri (bawaan: dicari otomatis)")
    g.add_argument("--json", action="store_true", help="cetak ringkasan impor sebagai satu dokumen JSON")
    g.set_defaults(fungsi=perintah_batas)

    d = sub.add_parser("demo", help="buat gudang demo (DATA SINTETIS) lalu keluar")
    d.add_argument("--hari-ini", type=_tanggal_arg, help="tanggal acuan demo (bawaan: hari ini)")
    d.add_argument("--paksa", action="store_true", help="timpa gudang walau berisi data nyata")
    d.add_argument("--tanpa-akun", action="store_true",
                   help="jangan buat/reset akun demo (bawaan: satu akun per peran, kata sandinya dicetak sekali)")
    d.add_argument("--skala", choices=("kabupaten", "nasional"), default="kabupaten",
                   help="kabupaten (bawaan): satu kabupaten; nasional: 83.762 desa x 24 bulan, sekitar 10 juta "
                        "baris kasus, semua kabupaten (lama: lihat README)")
    d.set_defaults(fungsi=perintah_demo)

    e = sub.add_parser("ekspor", help="tulis agregat terlindungi sebagai Parquet per kabupaten (tata letak Hive)")
    e.add_argument("--parquet", required=True, metavar="FOLDER",
                   help="folder tujuan; berisi <tabel>/kode_kab=XX.XX/*.parquet (kabupaten lain di folder itu "
                        "tidak disentuh)")
    e.add_argument("--mikrodata", action="store_true",
                   help="sertakan juga data tingkat kasus (staging, rujukan, karantina), tanpa kasus sensitif; "
                        "tercatat di log audit")
    e.set_defaults(fungsi=perintah_ekspor)

    r = sub.add_parser("pulihkan", help="pulihkan gudang sebelumnya yang masih baik (<gudang>.sebelumnya)")
    r.set_defaults(fungsi=perintah_pulihkan)

    u = sub.add_parser("pengguna", help="kelola akun lokal: tambah, daftar, hapus, reset")
    aksi = u.add_subparsers(dest="aksi", required=True)
    ut = aksi.add_parser("tambah", help="tambah akun; kata sandi dari baris pertama masukan standar, atau ditanyakan")
    ut.add_argument("nama", help="nama akun: huruf kecil, angka, . _ - (contoh camat_kabuh)")
    ut.add_argument("--peran", required=True, help="pimpinan, perencana, operator, kecamatan, desa atau admin")
    ut.add_argument("--wilayah", metavar="KODE", help="kode kabupaten (bawaan: kabupaten yang dikonfigurasi), "
                                                   "kecamatan (peran kecamatan, mis. 35.17.16) atau desa (peran desa)")
    us = aksi.add_parser("surel", help="tautkan akun ke surel dinas untuk masuk SSO ([akun] sso di pantau.toml)")
    us.add_argument("nama")
    us.add_argument("surel", nargs="?", help="alamat surel yang dipakai di penyedia identitas")
    us.add_argument("--lepas", action="store_true", help="lepaskan tautan surel")
    aksi.add_parser("daftar", help="daftar akun dengan peran, wilayah dan status")
    aksi.add_parser("hapus", help="hapus akun").add_argument("nama")
    aksi.add_parser("reset", help="buat kata sandi sekali pakai (harus diganti saat masuk)").add_argument("nama")
    u.set_defaults(fungsi=perintah_pengguna)

    au = sub.add_parser("audit", help="cetak log audit (masuk, unduh, unggah, muat, perubahan akun)")
    au.add_argument("--sejak", type=_tanggal_arg, metavar="TANGGAL", help="mulai tanggal ini, YYYY-MM-DD")
    au.add_argument("--pengguna", metavar="NAMA", help="hanya catatan pengguna ini")
    au.add_argument("--json", action="store_true", help="cetak sebagai satu dokumen JSON")
    au.set_defaults(fungsi=perintah_audit)

    for tambah in tambahan:
        tambah(sub)

    s = sub.add_parser("serve", help="jalankan aplikasi dasbor")
    s.add_argument("--port", type=int, default=8501)
    s.add_argument("--alamat", default="127.0.0.1", metavar="ALAMAT",
                   help="alamat dengar (bawaan 127.0.0.1: hanya mesin ini; di belakang reverse proxy untuk HTTPS). "
                        "0.0.0.0 membuka semua antarmuka jaringan")
    s.add_argument("--proses", type=int, default=None, metavar="N",
                   help="jalankan N proses aplikasi pada port berurutan mulai --port (bawaan [layan] proses = 1); "
                        "lebih dari 1 hanya di belakang nginx dengan kuki lengket (deploy/nginx/pantau-proses.conf)")
    s.set_defaults(fungsi=perintah_serve)
    return p


def main(argv: list[str] | None = None, tambahan: Sequence[Callable[[Any], None]] = ()) -> int:
    """Run one `pantau` command; `tambahan` as for `parser` (the installed `pantau` is `dashboard.perintah.main`,
    which adds `bahan` and `agenda`)."""
    args = parser(tambahan).parse_args(argv)
    umask_lama = os.umask(UMASK)  # every file and folder a command creates: owner only (600 / 700)
    try:
        return _jalankan(args)
    finally:
        os.umask(umask_lama)  # matters only when called in-process (tests)


def _jalankan(args: argparse.Namespace) -> int:
    try:
        konfigurasi = muat_konfigurasi()
        return int(args.fungsi(args, konfigurasi))
    except (KesalahanPengguna, KesalahanKonfigurasi, KesalahanMetrik, GudangSibuk, PemeriksaanGagal, AksesDitolak,
            KesalahanAudit) as e:
        print(f"Kesalahan: {e}", file=sys.stderr)
        return 2
    except (GudangRusak, GudangPenuh, GudangBelumAda, GudangVersiLain, KesalahanEkspor, KesalahanPulihkan,
            BangunKehabisanMemori) as e:
        # the warehouse is unchanged
        print(f"Kesalahan: {e}", file=sys.stderr)
        return 2
    except duckdb.OutOfMemoryException:  # a step other than a model (those name their table)
        print("Kesalahan: pekerjaan ini melebihi batas memori gudang. Naikkan [gudang] batas_memori di pantau.toml "
              '(mis. "4GB") atau jalankan di mesin dengan memori lebih besar; gudang data tidak berubah.',
              file=sys.stderr)
        return 2
    except ValueError as e:  # e.g. a regency code missing from the reference list
        print(f"Kesalahan: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Dihentikan; gudang data tidak berubah.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
