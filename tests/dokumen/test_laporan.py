"""The downloadable documents (`dokumen`): what they say equals what the screen says.

Warehouse: `tests/fixtures/app/` built by the real pipeline (numbers worked out in
`tests/dashboard/halaman/test_ringkasan.py` and `tests/dashboard/halaman/test_rapat_kecamatan.py`). The screen's
values are read with AppTest; the documents are built from the same data functions and components the pages use,
then opened: PDF with poppler's `pdftotext` (installed by `.ci/run`; `pypdf` is not in the venv), XLSX with
openpyxl. The briefing pack is tested in `tests/dokumen/test_bahan_rapat.py`. A PNG of each PDF's first page is
kept in `tests/artefak/` for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bahasa import format as fmt
from dashboard import data
from dashboard.db import versi_gudang
from dashboard.komponen.kesegaran import teks_kesegaran
from dashboard.komponen.rapat import (
    tabel_desa,
    tabel_pelaporan_turun,
    tabel_puskesos_bermasalah,
    tabel_rujukan_terlambat,
    tabel_tujuan,
)
from dashboard.komponen.unduhan import isi_agenda
from dashboard.pilihan import Pilihan
from dokumen.agenda_rapat import IsiAgenda, agenda_pdf, agenda_xlsx
from dokumen.model import Kepala, Tabel, nama_berkas
from dokumen.pdf import HalamanPdf, HurufTidakAda, berkas_huruf

from tests.fixtures import AKAR, BukaApp

ARTEFAK = AKAR / "tests" / "artefak"
JUN, SEP = dt.date(2026, 6, 1), dt.date(2026, 9, 1)
PER = dt.date(2026, 10, 30)
JATUH_TEMPO = dt.date(2026, 9, 1)  # the last due month at 30 Oct 2026 (September's reports were due 10 Oct)
SEKARANG = dt.datetime(2026, 11, 2, 8, 5)

pytestmark = [pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                 reason="poppler-utils (pdftotext, pdftoppm) tidak terpasang"),
              pytest.mark.usefixtures("sebagai_perencana")]


def _df_layar(at: AppTest, kolom: str, tanpa: str | None = None) -> pd.DataFrame:
    [df] = [d.value for d in at.dataframe if kolom in d.value.columns and (tanpa is None or tanpa not in d.value)]
    return df


def _pilihan(gudang: Path, *, kec: str | None, nama_kec: str | None) -> Pilihan:
    versi = versi_gudang(gudang)
    assert versi is not None
    sintetis = data.meta_gudang(versi).get("sintetis") == "ya"
    return Pilihan(versi, "id", "35.17", "Kabupaten Jombang", kec, nama_kec, None, None, JUN, SEP, PER, JATUH_TEMPO,
                   sintetis)


def _agenda(gudang: Path) -> IsiAgenda:
    """The agenda of Kec. Kabuh as the Rapat kecamatan page assembles it."""
    p = _pilihan(gudang, kec="35.17.16", nama_kec="Kabuh")
    v, b, kec = p.versi, p.bahasa, "35.17.16"
    tabel = [tabel_desa(data.rapat_desa(v, kec, p.dari, p.sampai), b),
             tabel_tujuan(data.perhatian_tujuan(v, kec, batas=None), b),
             tabel_rujukan_terlambat(data.rujukan_terlambat(v, kec), b),
             tabel_puskesos_bermasalah(data.puskesos_bermasalah(v, kec), b),
             tabel_pelaporan_turun(data.pelaporan_turun(v, kec), p.bulan_jatuh_tempo, b)]
    return isi_agenda(p, "Kabuh", tabel, teks_kesegaran(p.tanggal_data, data.kesegaran(v, kec), b), sekarang=SEKARANG)


def _teks_pdf(isi: bytes, tmp_path: Path, nama: str) -> str:
    """The PDF's text, one table row a line (`pdftotext -raw`); its first page kept as PNG in tests/artefak/."""
    berkas = tmp_path / f"{nama}.pdf"
    berkas.write_bytes(isi)
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(berkas),
                    str(ARTEFAK / f"{nama}_hal1")], check=True, timeout=60)
    return subprocess.run(["pdftotext", "-raw", str(berkas), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout


def _persen(nilai: object) -> str:
    return fmt.KOSONG if pd.isna(nilai) else f"{int(nilai)} %"  # type: ignore[call-overload]


# 1/ the agenda
def test_agenda_pdf_sama_dengan_layar(buka_app: BukaApp, gudang_app: Path, tmp_path: Path) -> None:
    at = buka_app(gudang_app, "rapat_kecamatan", kec="35.17.16")
    teks = _teks_pdf(agenda_pdf(_agenda(gudang_app)), tmp_path, "agenda_rapat")
    baris = teks.splitlines()
    # every desa row of the screen, as one line: Kabuh "Aktif 6 67 % 1 2 100 %" (2/3: the KDRT referral is not
    # counted)
    # (see tests/dashboard/halaman/test_rapat_kecamatan.py)
    desa = _df_layar(at, "Kelengkapan")
    assert len(desa) == 16
    for r in desa.to_dict("records"):
        harapan = (f"{r['Desa']} {r['Puskesos']} {r['Kasus baru']} {_persen(r['Selesai ≤ 90 hari'])} "
                   f"{r['Tunggakan']} {r['Tanpa respon']} {_persen(r['Kelengkapan'])}")
        assert harapan in baris, harapan
    assert "Kabuh Aktif 6 67 % 1 2 100 %" in baris
    for r in _df_layar(at, "Terbuka", tanpa="ID kasus").to_dict("records"):
        assert (f"{r['Tujuan rujukan']} {r['Terbuka']} {r['Lewat SLA']} {r['Tanpa respon > 14 hari']} "
                f"{r['Desa terdampak']} {r['Tertua (hari)']}") in baris
    # the overdue list: destination as sub-heading, then desa + pseudonymous id, dates, ages, status
    for r in _df_layar(at, "ID kasus").to_dict("records"):
        assert r["Tujuan rujukan"] in baris
        assert any(b.startswith(f"{r['Desa']} {r['ID kasus']}") for b in baris)
        ekor = f"{r['Mulai']} {r['Umur (hari)']} {r['SLA (hari)']} {r['Status']} {r['Tanpa respon']}".strip()
        assert any(b.endswith(ekor) for b in baris), ekor
    assert "Kedungjati Diam belum pernah 0 dari 3 Jun 2026" in baris
    assert "Mangunan Tersendat 1 dari 1 2 dari 3" in baris  # reporting fell: Apr-Jun 1 of 1, Jul-Sep 2 of 3
    # dated, with the freshness line of the screen; no DATA SINTETIS for a real warehouse
    assert "Dibuat 2 Nov 2026 pukul 08.05 oleh uji_perencana" in baris
    kesegaran = "Data per 30 Okt 2026, 2 dari 16 desa melapor (laporan bulan Sep 2026)"
    assert any(kesegaran in c.value for c in at.caption)
    assert teks.count(kesegaran) >= 3  # title block and every page's footer
    assert "DATA SINTETIS" not in teks
    assert "KBH-" not in teks and "MRM-" not in teks and "MGN-" not in teks


def test_agenda_xlsx_sama_dengan_layar(buka_app: BukaApp, gudang_app: Path) -> None:
    at = buka_app(gudang_app, "rapat_kecamatan", kec="35.17.16")
    buku = openpyxl.load_workbook(io.BytesIO(agenda_xlsx(_agenda(gudang_app))))
    assert buku.sheetnames == ["Info", "Desa", "Per tujuan", "Rujukan lewat SLA", "Puskesos diam", "Pelaporan turun"]
    info = [r[0] for r in buku["Info"].iter_rows(values_only=True)]
    assert info[:5] == ["Agenda rapat koordinasi", "Kec. Kabuh, Kabupaten Jombang", "Periode Jun – Sep 2026",
                        "Data per 30 Okt 2026, 2 dari 16 desa melapor (laporan bulan Sep 2026)",
                        "Dibuat 2 Nov 2026 pukul 08.05 oleh uji_perencana"]

    def tabel_lembar(nama: str) -> list[tuple]:
        baris = list(buku[nama].iter_rows(values_only=True))
        awal = next(i for i, r in enumerate(baris) if r[0] in ("Desa", "Tujuan rujukan"))
        akhir = next((i for i in range(awal + 1, len(baris)) if baris[i][0] is None), len(baris))
        return baris[awal:akhir]

    desa = tabel_lembar("Desa")
    layar = _df_layar(at, "Kelengkapan")
    assert list(desa[0]) == ["Desa", "Puskesos", "Kasus baru", "Selesai ≤ 90 hari", "Tunggakan", "Tanpa respon",
                             "Kelengkapan"]
    assert len(desa) - 1 == len(layar) == 16
    for sel, r in zip(desa[1:], layar.to_dict("records"), strict=True):
        # numbers stay numbers; shares are fractions that the screen shows as whole percentages
        assert sel[:3] == (r["Desa"], r["Puskesos"], r["Kasus baru"])
        assert (None if sel[3] is None else round(sel[3] * 100)) == (None if pd.isna(r["Selesai ≤ 90 hari"])
                                                                      else r["Selesai ≤ 90 hari"])
        assert sel[4:6] == (r["Tunggakan"], r["Tanpa respon"])
        assert (None if sel[6] is None else round(sel[6] * 100)) == (None if pd.isna(r["Kelengkapan"])
                                                                      else r["Kelengkapan"])
    assert desa[4][:7] == ("Kabuh", "Aktif", 6, 2 / 3, 1, 2, 1)  # 2/3 completed, 4/4 months reported
    terlambat = tabel_lembar("Rujukan lewat SLA")
    layar_t = _df_layar(at, "ID kasus")
    for sel, r in zip(terlambat[1:], layar_t.to_dict("records"), strict=True):
        assert (sel[0], sel[1], sel[2], fmt.tanggal(sel[4].date()), sel[5], sel[6], sel[7], sel[8] or "") == (
            r["Tujuan rujukan"], r["Desa"], r["ID kasus"], r["Mulai"], r["Umur (hari)"], r["SLA (hari)"],
            r["Status"], r["Tanpa respon"])
    assert isinstance(terlambat[1][4], dt.datetime)  # dates stay dates
    assert "DATA SINTETIS" not in str([list(ws.iter_rows(values_only=True)) for ws in buku])


def test_agenda_data_sintetis(gudang_sintetis: Path, tmp_path: Path) -> None:
    isi = _agenda(gudang_sintetis)
    teks = _teks_pdf(agenda_pdf(isi), tmp_path, "agenda_rapat_sintetis")
    jumlah_halaman = teks.count("Halaman ")
    assert jumlah_halaman >= 2
    assert teks.count("DATA SINTETIS") >= jumlah_halaman  # in every page's header, and in the title block
    assert "DATA SINTETIS: angka dalam dokumen ini dibuat oleh perintah demo Pantau" in teks
    buku = openpyxl.load_workbook(io.BytesIO(agenda_xlsx(isi)))
    for lembar in buku:
        assert any(str(v).startswith("DATA SINTETIS") for r in lembar.iter_rows(values_only=True) for v in r if v)


def test_xlsx_menetralkan_rumus() -> None:
    kepala = Kepala("Uji", "Kec. Uji", "Periode Jun 2026", "Data per 30 Okt 2026", "Dibuat", False, "DATA SINTETIS",
                    "", "Halaman {n} dari {total}")
    jahat = pd.DataFrame({"Desa": ["=HYPERLINK(\"http://contoh.invalid\")", "+62 812", "-1+1", "@SUM(A1)", "Aman", ""],
                          "Kasus baru": [1, 2, 3, 4, 5, 6]})
    isi = IsiAgenda(kepala, [Tabel("=1+1", jahat, {"Kasus baru": "angka"}, catatan="=catatan")],
                    definisi=["-definisi"])
    buku = openpyxl.load_workbook(io.BytesIO(agenda_xlsx(isi)))
    semua = [v for ws in buku for r in ws.iter_rows(values_only=True) for v in r if v is not None]
    teks = [v for v in semua if isinstance(v, str)]
    assert not [v for v in teks if v[:1] in "=+-@"]  # nothing a spreadsheet would run
    assert {"'=HYPERLINK(\"http://contoh.invalid\")", "'+62 812", "'-1+1", "'@SUM(A1)", "Aman", "'=1+1",
            "'=catatan", "'-definisi"} <= set(teks)
    assert [v for v in semua if isinstance(v, int | float)] == [1, 2, 3, 4, 5, 6]  # numbers stay numbers
    lembar = buku.worksheets[1]
    assert all(sel.data_type != "f" for r in lembar.iter_rows() for sel in r)


# 3/ errors a user can cause or meet
def test_huruf_tidak_ada(tmp_path: Path) -> None:
    with pytest.raises(HurufTidakAda, match="fonts-dejavu-core"):
        berkas_huruf(tmp_path)
    kepala = Kepala("Uji", "Kec. Uji", "", "", "", False, "DATA SINTETIS", "", "{n}/{total}")
    with pytest.raises(HurufTidakAda, match="PDF tidak dapat dibuat"):
        HalamanPdf(kepala, folder_huruf=tmp_path)


def test_nama_berkas() -> None:
    assert nama_berkas("agenda_rapat", "Kec. Kabuh", dt.date(2026, 10, 30), "pdf") == \
        "agenda_rapat_kec_kabuh_2026-10-30.pdf"
