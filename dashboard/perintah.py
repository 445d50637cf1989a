"""The app's commands on the `pantau` command line: `pantau bahan` (the briefing pack, PDF or PPTX) and `pantau agenda`
(the kecamatan meeting agenda, PDF or XLSX), for the monthly routine (a scheduled job that mails the pack).

They are assembled by `dashboard.laporan` from the app's data door under the account's gate, so the file says what
the screen says; they live on the app's side, and this module is the installed `pantau`: the batch parser of
`pipelines.cli` with these two commands added (`tambah_perintah`), so that `pipelines` never imports the app. The
app and the document renderers are imported inside the command, so the batch commands start as fast as before.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from akses import Pengguna
from pipelines import cli
from pipelines.cli import KesalahanPengguna, _bulan_arg, _catat_baca
from pipelines.gudang import buka_baca, pribadi
from pipelines.konfigurasi import Konfigurasi


def _dokumen_pengguna(args: argparse.Namespace, konfigurasi: Konfigurasi, kode: str | None) -> tuple[Pengguna,
                                                                                                   Pengguna | None]:
    """Who the document is made for: the `--sebagai` account (it must have the right `unduh_laporan`), else, as
    `pantau metrik` does, the operating-system user reading the whole regency (that of `kode`, or the first
    configured one). Returns the user the gate checks and the account (None for the operating-system user)."""
    import akses
    from akses import akun, audit

    if args.sebagai:
        pengguna = akun.pengguna(konfigurasi, args.sebagai)
        akses.wajib_hak(pengguna, "unduh_laporan")
        return pengguna, pengguna
    kab = next((k for k in konfigurasi.kabupaten if kode and akses.normalkan_kode(kode).startswith(k)),
               konfigurasi.kabupaten[0])
    return Pengguna(audit.pelaku_os(), "pimpinan", kab), None


def _tulis_dokumen(keluar: str, isi: bytes) -> None:
    jalur = Path(keluar)
    if jalur.parent and not jalur.parent.is_dir():
        raise KesalahanPengguna(f"Folder {jalur.parent} tidak ada; buat dulu atau pilih --keluar lain.")
    jalur.write_bytes(isi)
    pribadi(jalur)  # a document of the warehouse's numbers: owner only (600)


def _buat_dokumen(args: argparse.Namespace, konfigurasi: Konfigurasi, perintah: str, kode: str | None) -> int:
    """`pantau bahan` / `pantau agenda`: the selection through the gate for the account, the audit record, then
    the file (mode 600)."""
    import streamlit.logger

    streamlit.logger.set_log_level("error")  # the data door caches outside a served app: no warnings on a terminal
    from dashboard import laporan
    from dashboard.db import versi_gudang
    from dashboard.sesi import sebagai
    from dokumen.agenda_rapat import agenda_pdf, agenda_xlsx
    from dokumen.bahan_rapat import bahan_rapat_pdf, bahan_rapat_pptx
    from dokumen.pdf import HurufTidakAda

    pengguna, akun_ = _dokumen_pengguna(args, konfigurasi, kode)
    buka_baca(konfigurasi.gudang).close()  # a missing, damaged or older warehouse stops here with its message
    versi = versi_gudang(konfigurasi.gudang)
    assert versi is not None
    with sebagai(pengguna):
        try:
            p = laporan.pilihan_untuk(versi, pengguna, kode, getattr(args, "dari", None), getattr(args, "sampai", None))
        except laporan.PilihanTidakSah as e:
            raise KesalahanPengguna(str(e)) from e
        _catat_baca(args, konfigurasi, f"pantau {perintah}", akun_,
                    {"format": args.format, "keluar": str(Path(args.keluar).resolve()), "wilayah": p.kode_wilayah,
                     "dari": str(p.dari), "sampai": str(p.sampai)})
        try:
            if perintah == "bahan":
                isi_b = laporan.isi_bahan(p)
                berkas = bahan_rapat_pdf(isi_b) if args.format == "pdf" else bahan_rapat_pptx(isi_b)
            else:
                isi_a = laporan.isi_agenda_kecamatan(p)
                berkas = agenda_pdf(isi_a) if args.format == "pdf" else agenda_xlsx(isi_a)
        except (laporan.PilihanTidakSah, HurufTidakAda) as e:
            raise KesalahanPengguna(str(e)) from e
    _tulis_dokumen(args.keluar, berkas)
    print(f"{'Bahan rapat' if perintah == 'bahan' else 'Agenda rapat'} {p.nama_wilayah}, periode "
          f"{p.dari:%Y-%m} s.d. {p.sampai:%Y-%m}, ditulis ke {args.keluar}")
    return 0


def perintah_bahan(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    return _buat_dokumen(args, konfigurasi, "bahan", args.wilayah)


def perintah_agenda(args: argparse.Namespace, konfigurasi: Konfigurasi) -> int:
    return _buat_dokumen(args, konfigurasi, "agenda", args.kecamatan)


def tambah_perintah(sub: Any) -> None:
    """Add `bahan` and `agenda` to the subparsers `sub` of `pipelines.cli.parser`."""
    bh = sub.add_parser("bahan", help="buat bahan rapat (PDF atau PPTX) seperti tombol Unduh bahan rapat")
    bh.add_argument("--format", choices=("pdf", "pptx"), required=True)
    bh.add_argument("--keluar", required=True, metavar="BERKAS", help="berkas tujuan (ditulis dengan mode 600)")
    bh.add_argument("--sebagai", metavar="NAMA", help="buat persis yang dilihat akun ini (cakupan dan perlindungan "
                                                  "datanya); bawaan: pengguna sistem operasi, seluruh kabupaten")
    bh.add_argument("--wilayah", metavar="KODE", help="kabupaten, kecamatan atau desa (bawaan: seluruh cakupan)")
    bh.add_argument("--dari", type=_bulan_arg, help="bulan awal, YYYY-MM (bawaan: 6 bulan sampai bulan jatuh tempo "
                                                    "terakhir)")
    bh.add_argument("--sampai", type=_bulan_arg, help="bulan akhir, YYYY-MM")
    bh.set_defaults(fungsi=perintah_bahan)

    ag = sub.add_parser("agenda", help="buat agenda rapat kecamatan (PDF atau XLSX) seperti halaman Rapat kecamatan")
    ag.add_argument("--kecamatan", required=True, metavar="KODE", help="kode kecamatan, mis. 35.17.16")
    ag.add_argument("--format", choices=("pdf", "xlsx"), required=True)
    ag.add_argument("--keluar", required=True, metavar="BERKAS", help="berkas tujuan (ditulis dengan mode 600)")
    ag.add_argument("--sebagai", metavar="NAMA", help="buat persis yang dilihat akun ini")
    ag.add_argument("--dari", type=_bulan_arg, help="bulan awal, YYYY-MM")
    ag.add_argument("--sampai", type=_bulan_arg, help="bulan akhir, YYYY-MM")
    ag.set_defaults(fungsi=perintah_agenda)


def main(argv: list[str] | None = None) -> int:
    """The installed `pantau`: every batch command of `pipelines.cli` plus the meeting documents."""
    return cli.main(argv, tambahan=(tambah_perintah,))


if __name__ == "__main__":
    sys.exit(main())
