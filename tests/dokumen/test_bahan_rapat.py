"""The briefing pack (`dashboard.laporan.isi_bahan` -> `dokumen.bahan_rapat`) and `pantau bahan` / `pantau agenda`.

Warehouse: `tests/fixtures/app/` (`gudang_app`), data date 30 Okt 2026, last due month Sep 2026. Worked out by hand
from its rows (see `tests/dashboard/halaman/test_ringkasan.py`): new cases per month in the regency Jun 6, Jul 5,
Agu 5, Sep 4 (20 in Jun - Sep); 4 overdue referrals (Kec. Kabuh 3, Kec. Jombang 1); 3 of 306 desa with an active
Puskesos; no DTKS, so PBI-JK "belum ada data"; Jombang's shipped BPS rate 2025: 8,36 %. Oktober 2026 has no report
yet and is not due (reports for it are due 10 Nov 2026).

Every PDF page and every slide is rendered to `tests/artefak/` (PDF with poppler's `pdftoppm`; slides with the
preview of `pratinjau_pptx`, as LibreOffice is not installed) for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pptx.util import Emu

from akses import Pengguna
from dashboard import data, laporan
from dashboard.db import versi_gudang
from dashboard.komponen.rujukan import tabel_tujuan
from dashboard.pilihan import Pilihan
from dashboard.sesi import sebagai
from dokumen.bahan_rapat import SISIP_PT, IsiBahanRapat, bahan_rapat_pdf, bahan_rapat_pptx, pemeriksaan_muat
from dokumen.model import Angka, Grafik, Kepala, Tabel, Teks
from dokumen.ukur import lebar_pt

from tests.dokumen import ARTEFAK, teks_pdf
from tests.dokumen.pratinjau_pptx import pratinjau
from tests.fixtures import PANTAU, SANDI_UJI, env_pantau, salin_gudang

SEKARANG = dt.datetime(2026, 11, 2, 8, 5)
PERENCANA = Pengguna("uji_perencana", "perencana", "35.17")
JUN, AGU, SEP, OKT = dt.date(2026, 6, 1), dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                reason="poppler-utils (pdftotext, pdftoppm) tidak terpasang")


@pytest.fixture(scope="module")
def pack(gudang_app: Path) -> Iterator[tuple[Pilihan, IsiBahanRapat, bytes, bytes]]:
    with sebagai(PERENCANA):
        versi = versi_gudang(gudang_app)
        assert versi is not None
        p = laporan.pilihan_untuk(versi, PERENCANA)
        isi = laporan.isi_bahan(p, SEKARANG)
        yield p, isi, bahan_rapat_pdf(isi), bahan_rapat_pptx(isi)


def _bagian(isi: IsiBahanRapat, jenis: type, awal: str) -> object:
    [b] = [b for b in isi.bagian if isinstance(b, jenis) and b.judul.startswith(awal)]  # type: ignore[attr-defined]
    return b




# 1/ the numbers equal the app's
def test_angka_sama_dengan_aplikasi(pack: tuple, gudang_app: Path, tmp_path: Path) -> None:
    p, isi, pdf, _ = pack
    assert p.kode_wilayah == "35.17" and (p.dari, p.sampai) == (JUN, SEP)  # default: six months to the due month
    with sebagai(PERENCANA):
        tiles, _ = laporan.angka_utama(p)  # the functions the Ringkasan page calls, for the same selection
    assert [a.nilai for a in isi.angka] == [k.nilai for k in tiles]
    assert [a.nilai for a in isi.angka] == ["20", "50,0 %", "4", "3 dari 306", "belum ada data", "8,36 %"]
    assert all(a.tanda is None for a in isi.angka)  # Jun - Sep: every month due
    teks = teks_pdf(pdf, tmp_path, "bahan_rapat")
    satu = " ".join(teks.split())
    for a in isi.angka:
        assert a.nilai in satu and a.judul in satu
    # trend: 6, 5, 5, 4 new cases (hand count), as `data.tren_bulanan` gives them
    tren = _bagian(isi, Grafik, "Tren")
    assert list(tren.deret[0].nilai) == [6, 5, 5, 4]  # type: ignore[attr-defined]
    # what changed: Sep against Agu, both due; Oktober (not due) is never compared
    ubah = _bagian(isi, Teks, "Yang berubah")
    assert ubah.judul == "Yang berubah: Sep 2026 dibanding Agu 2026"  # type: ignore[attr-defined]
    assert ubah.kalimat[0] == "Kasus baru bulan Sep 2026: 4, turun 1 (-20,0 %) dibanding Agu 2026 (5)."  # type: ignore[attr-defined]
    assert "Okt 2026:" not in satu and "Okt 2026 (" not in satu
    assert "Kasus baru bulan Sep 2026: 4, turun 1 (-20,0 %) dibanding Agu 2026 (5)." in satu


def test_perbandingan_kecamatan_dan_tujuan(pack: tuple, tmp_path: Path) -> None:
    p, isi, pdf, _ = pack
    banding = _bagian(isi, Tabel, "Perbandingan 21 kecamatan")
    df = banding.data  # type: ignore[attr-defined]
    assert list(df["Kecamatan"][:2]) == ["Kabuh", "Jombang"]  # ranked by overdue: 3, then 1, then the zeros
    assert list(df["Tunggakan"][:2]) == [3, 1] and df["Tunggakan"].sum() == 4  # = the regency's tile
    with sebagai(PERENCANA):
        for kode, nama in (("35.17.16", "Kabuh"), ("35.17.09", "Jombang")):
            kpi = data.kpi_ringkasan(p.versi, kode, p.dari, p.sampai)  # what the tiles show for that kecamatan
            ini = kpi[kpi["periode"] == "ini"].iloc[0]
            baris = df[df["Kecamatan"] == nama].iloc[0]
            assert (baris["Tunggakan"], baris["Kasus baru"]) == (int(ini["tunggakan"]), int(ini["kasus_baru"]))
        per_tujuan = tabel_tujuan(data.rujukan_per_tujuan(p.versi, "35.17", p.dari, p.sampai), "id")
    tujuan = _bagian(isi, Tabel, "Rujukan lewat SLA per tujuan").data  # type: ignore[attr-defined]
    assert list(tujuan.iloc[:, 0]) == list(per_tujuan["tujuan"])  # the Rujukan page's rows and order
    assert list(tujuan.iloc[:, 4]) == list(per_tujuan["terlambat"])
    assert tujuan.iloc[0].tolist() == ["BPJS Kesehatan", "45", "5", "3", "2", "2", "81"]
    teks = teks_pdf(pdf, tmp_path, "bahan_rapat_tabel")
    assert "BPJS Kesehatan 45 5 3 2 2 81" in teks.splitlines()
    assert "1 Kabuh 3 11 40 % 2 dari 16" in teks.splitlines()  # 2/5: the KDRT referral is not counted
    # definitions in words: no Markdown, no backticks
    assert "**" not in teks and "`" not in teks
    assert "Kasus baru: Kasus yang dilaporkan dalam bulan itu" in " ".join(teks.split())


def test_target_dari_data_target(pack: tuple) -> None:
    p, isi, _, _ = pack
    g = _bagian(isi, Grafik, "Angka kemiskinan")
    with sebagai(PERENCANA):
        target = data.target_kemiskinan(p.versi, "35.17")
    tahun = [int(x) for x in g.kategori]  # type: ignore[attr-defined]
    bps = dict(zip(tahun, g.deret[0].nilai, strict=True))  # type: ignore[attr-defined]
    for a, x in zip(target["bps"]["tahun"], target["bps"]["persen_miskin"], strict=True):
        assert bps[int(a)] == pytest.approx(float(x))
    assert bps[2025] == pytest.approx(8.36)
    nama = [d.nama for d in g.deret]  # type: ignore[attr-defined]
    for dok in target["jalur"]["dokumen"].unique():  # every planning document, never merged
        assert any(str(dok) in n for n in nama)
    assert g.pita == ("Batas bawah proyeksi (80 %)", "Batas atas proyeksi (80 %)")  # type: ignore[attr-defined]


def test_bulan_belum_jatuh_tempo_ditandai(gudang_app: Path) -> None:
    with sebagai(PERENCANA):
        versi = versi_gudang(gudang_app)
        assert versi is not None
        p = replace(laporan.pilihan_untuk(versi, PERENCANA), sampai=OKT)  # a period reaching into Oktober
        angka = laporan._angka(*laporan.angka_utama(p), p)
        tren = laporan.grafik_tren(p)
        ubah = laporan.perubahan(p)
    assert angka[0].tanda == "Belum lengkap: memuat Okt 2026, belum jatuh tempo"
    assert all(a.tanda is None for a in angka[1:])
    assert tren is not None and list(tren.ditandai) == [4] and tren.kategori[4] == "Okt 2026"
    assert ubah.judul == "Yang berubah: Sep 2026 dibanding Agu 2026"  # still the due months


# 2/ the PPTX: titles, native charts, text that fits
def test_pptx_judul_grafik_dan_muat(pack: tuple) -> None:
    _, isi, _, pptx = pack
    pres = Presentation(io.BytesIO(pptx))
    slides = list(pres.slides)
    for slide in slides:
        judul = slide.shapes.title
        assert judul is not None and judul.is_placeholder and judul.text_frame.text.strip()
    assert slides[0].slide_layout.name == "Title Slide"
    assert {s.slide_layout.name for s in slides[1:]} == {"Title Only"}
    grafik = [s for slide in slides for s in slide.shapes if s.has_chart]
    gambar = [s for slide in slides for s in slide.shapes if s.shape_type == 13]
    # trend, category/target group/channel (three on one slide), target, kecamatan bars as charts; only the map a
    # picture
    assert len(grafik) == 6 and len(gambar) == 1
    assert [g.chart.chart_type for g in grafik[1:4]] == [52, 52, 52]  # stacked columns
    tren = grafik[0].chart
    assert grafik[0].name == "Tren bulanan: kasus baru dan rujukan dikirim"  # not the category trends' title
    assert list(tren.plots[0].categories) == ["Jun 2026", "Jul 2026", "Agu 2026", "Sep 2026"]
    assert list(tren.plots[0].series[0].values) == [6, 5, 5, 4]
    batang = grafik[5].chart
    assert list(batang.plots[0].categories)[:2] == ["Kabuh", "Jombang"]
    assert list(batang.plots[0].series[0].values)[:2] == [3, 1]
    assert gambar[0]._element.nvPicPr.cNvPr.get("descr")  # the map has alt text
    teks = [s.text_frame.text for s in slides[1].shapes if s.has_text_frame]
    assert all(a.nilai in teks for a in isi.angka)  # six tiles on one slide
    assert pemeriksaan_muat(isi) == []


def _kepala() -> Kepala:
    return Kepala("Bahan rapat", "Kecamatan Bandarkedungmulyo, Kabupaten Kepulauan Seribu", "Periode Jan – Des 2026",
                  "Data per 30 Okt 2026, 83.762 dari 83.762 desa melapor (laporan bulan Sep 2026)",
                  "Dibuat 2 Nov 2026 pukul 08.05 oleh pengguna_dengan_nama_panjang", True, "DATA SINTETIS",
                  "angka buatan", "Halaman {n} dari {total}")


def test_teks_terpanjang_muat() -> None:
    """The longest realistic values: `1.234 dari 83.762` (national scale) and a long rate with its notes."""
    angka = [Angka("Puskesos aktif", "1.234 dari 83.762", None, "per 30 Okt 2026; tersendat 12.345, diam 23.456, "
                   "belum dibentuk 45.678"),
             Angka("Rujukan selesai ≤ 90 hari", "100,0 %", "+100,0 poin", "12.345 dari 12.345 rujukan, kohort "
                   "Jan – Des 2026", tanda="Belum lengkap: memuat Okt 2026, belum jatuh tempo"),
             Angka("Kasus baru", "1.234.567", "+123.456 (+999,9 %)", "laporan nihil dihitung 0"),
             Angka("Tunggakan rujukan", "123.456", None, "lewat SLA per 30 Okt 2026; 99.999 dimulai dalam periode ini"),
             Angka("Cakupan PBI-JK desil 1-5", "belum ada data"),
             Angka("Kemiskinan BPS 2025", "10,35 %", None, "target 8,04 % (2026, Target TKPK 2026): selisih belum ada")]
    isi = IsiBahanRapat(_kepala(), "Angka utama", angka)
    assert pemeriksaan_muat(isi) == []
    pres = Presentation(io.BytesIO(bahan_rapat_pptx(isi)))
    [kotak] = [s for s in pres.slides[1].shapes if s.has_text_frame and s.text_frame.text == "1.234 dari 83.762"]
    run = kotak.text_frame.paragraphs[0].runs[0]
    ukuran = run.font.size.pt
    assert "\v" not in kotak.text_frame.text  # one line, never wrapped
    assert lebar_pt("1.234 dari 83.762", ukuran, tebal=True) <= Emu(kotak.width).pt - 2 * SISIP_PT
    assert 14 <= ukuran < 32  # shrunk from 32 pt, not below the smallest size
    # the title placeholder of a long title: fitted on at most two lines
    judul = pres.slides[0].shapes.title.text_frame.text
    assert judul == "Bahan rapat"


def test_tabel_panjang_berlanjut() -> None:
    panjang = Tabel("Daftar", pd.DataFrame({"No": range(1, 41), "Desa": [f"Desa {i}" for i in range(1, 41)]}),
                    {"No": "angka"})
    pres = Presentation(io.BytesIO(bahan_rapat_pptx(IsiBahanRapat(_kepala(), "Angka utama", [], [panjang]))))
    judul = [slide.shapes.title.text_frame.text for slide in pres.slides]
    assert judul[0] == "Bahan rapat" and judul[1] == "Daftar" and set(judul[2:]) == {"Daftar (lanjutan)"}
    baris = sum(len(s.table.rows) - 1 for slide in pres.slides for s in slide.shapes if s.has_table)
    assert baris == 40
    assert all(any(s.has_text_frame and s.text_frame.text == "DATA SINTETIS" for s in slide.shapes)
               for slide in pres.slides)


def test_pratinjau_disimpan(pack: tuple) -> None:
    """Every slide as PNG in tests/artefak/ for a person to look at."""
    berkas = pratinjau(pack[3], ARTEFAK, "bahan_rapat_pptx")
    assert len(berkas) == len(Presentation(io.BytesIO(pack[3])).slides) and all(b.stat().st_size for b in berkas)


# 3/ the command line
def _jalankan(gudang: Path, *argumen: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PANTAU), *argumen], env={**os.environ, **env_pantau(gudang)}, cwd=gudang.parent,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def gudang_cli(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    gudang = salin_gudang(gudang_app, tmp_path_factory.mktemp("bahan_cli"))
    for nama, peran, wilayah in (("camat_kabuh", "kecamatan", "35.17.16"), ("bupati", "pimpinan", None)):
        argumen = ["pengguna", "tambah", nama, "--peran", peran] + (["--wilayah", wilayah] if wilayah else [])
        h = subprocess.run([str(PANTAU), *argumen], input=SANDI_UJI + "\n", env={**os.environ, **env_pantau(gudang)},
                           cwd=gudang.parent, capture_output=True, text=True, timeout=120)
        assert h.returncode == 0, h.stderr
    return gudang


def test_cli_bahan_dan_agenda(gudang_cli: Path, tmp_path: Path) -> None:
    keluar = tmp_path / "bahan.pptx"
    h = _jalankan(gudang_cli, "bahan", "--format", "pptx", "--keluar", str(keluar), "--sebagai", "camat_kabuh")
    assert h.returncode == 0, h.stderr
    assert keluar.stat().st_mode & 0o777 == 0o600
    pres = Presentation(str(keluar))
    assert pres.slides[0].placeholders[1].text_frame.text == "Kec. Kabuh, Kabupaten Jombang"
    teks = " ".join(s.text_frame.text for slide in pres.slides for s in slide.shapes if s.has_text_frame)
    assert "Jombang 1" not in teks and "Perbandingan 21 kecamatan" not in teks  # nothing outside Kec. Kabuh
    pdf = tmp_path / "bahan.pdf"
    h = _jalankan(gudang_cli, "bahan", "--format", "pdf", "--keluar", str(pdf), "--dari", "2026-07", "--sampai",
                  "2026-09")
    assert h.returncode == 0, h.stderr
    assert pdf.stat().st_mode & 0o777 == 0o600 and pdf.read_bytes()[:5] == b"%PDF-"
    agenda = tmp_path / "agenda.xlsx"
    h = _jalankan(gudang_cli, "agenda", "--kecamatan", "35.17.16", "--format", "xlsx", "--keluar", str(agenda),
                  "--sebagai", "camat_kabuh")
    assert h.returncode == 0, h.stderr
    assert agenda.stat().st_mode & 0o777 == 0o600
    log = _jalankan(gudang_cli, "audit", "--json")
    rekaman = [r for r in json.loads(log.stdout) if r["peristiwa"] == "unduh"]
    sasaran = [(r["pengguna"], r["sasaran"], r["cakupan"], r["rincian"]["format"]) for r in rekaman]
    assert ("camat_kabuh", "pantau bahan", "35.17.16", "pptx") in sasaran
    assert ("camat_kabuh", "pantau agenda", "35.17.16", "xlsx") in sasaran
    os_ = [r for r in rekaman if r["rincian"]["format"] == "pdf"]
    assert os_ and os_[0]["pengguna"].startswith("os:") and os_[0]["rincian"]["sebagai"] is None
    assert os_[0]["rincian"]["dari"] == "2026-07-01"


def test_cli_menolak_di_luar_cakupan(gudang_cli: Path, tmp_path: Path) -> None:
    for argumen in (("bahan", "--format", "pdf", "--wilayah", "35.17.09"),
                    ("agenda", "--kecamatan", "35.17.09", "--format", "pdf")):
        keluar = tmp_path / "tidak.pdf"
        h = _jalankan(gudang_cli, *argumen, "--keluar", str(keluar), "--sebagai", "camat_kabuh")
        assert h.returncode == 2
        assert h.stderr.strip() == ("Kesalahan: Anda tidak berhak melihat data Kec. Jombang; akun camat_kabuh "
                                    "(kecamatan) hanya untuk Kec. Kabuh.")
        assert "Traceback" not in h.stderr and not keluar.exists()
