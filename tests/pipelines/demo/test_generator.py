"""The synthetic demo generator: files of every kind, 24 months, messy but contract-shaped, reproducible, fast."""

from __future__ import annotations

import hashlib
import io
import re
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipelines import enums
from pipelines.demo.generator import RingkasanDemo, tulis_berkas_demo

from tests.fixtures import AKAR

HARI_INI = date(2026, 11, 23)
REFERENSI = AKAR / "data" / "reference"
BULAN_ID = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
            "november", "desember")
SINGKAT_ID = ("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des")
BULAN_DIHARAPKAN = {(2024, 11), (2024, 12)} | {(2025, m) for m in range(1, 13)} | {(2026, m) for m in range(1, 11)}

ALIAS_LAPORAN_KASUS = {
    "no_registrasi": {"no_reg", "nomor_registrasi", "no_kasus", "nomor_kasus", "id_kasus"},
    "tanggal_lapor": {"tanggal", "tgl_lapor", "tanggal_pengaduan", "tgl_pengaduan", "tanggal_registrasi"},
    "kode_desa": {"kode_wilayah", "kode_kelurahan", "kode_desa_kelurahan"},
    "nama_desa": {"desa", "desa_kelurahan", "kelurahan", "nama_kelurahan"},
    "nama_kecamatan": {"kecamatan"},
    "kategori": {"jenis_layanan", "jenis_keluhan", "kategori_keluhan", "kebutuhan", "jenis_pengaduan"},
    "nik": {"nik_pelapor", "nik_penerima", "nik_warga", "no_nik", "nomor_nik"},
    "no_kk": {"nomor_kk", "kk", "no_kartu_keluarga"},
    "jenis_kelamin": {"jk", "l_p"},
    "umur": {"usia"},
    "kelompok_sasaran": {"sasaran", "kelompok"},
    "kanal": {"saluran", "cara_lapor"},
    "terdaftar_dtks": {"dtks", "status_dtks", "terdaftar_dtsen"},
    "desil": {"desil_dtsen"},
    "urgensi": set(),
    "status_kasus": {"status"},
    "tujuan_rujukan": {"dirujuk_ke", "rujukan", "lembaga_tujuan"},
    "program": {"program_bantuan"},
    "sumber_dana": set(),
    "tanggal_rujuk": {"tgl_rujuk", "tanggal_rujukan"},
    "tanggal_respon": {"tanggal_diterima_tujuan", "tgl_respon"},
    "tanggal_selesai": {"tgl_selesai"},
    "status_rujukan": set(),
    "tanggal_kirim": {"tanggal_laporan", "tgl_kirim"},
}
"""Column names and aliases of data-contract.md section 4.1, copied here so the test checks the contract itself."""
KOLOM_PRIBADI_DAN_LAIN = {"nama_pelapor", "nama", "alamat", "no_hp", "keterangan", "catatan", "no"}
HEADER_KE_KOLOM = {alias: kolom for kolom, alias_set in ALIAS_LAPORAN_KASUS.items() for alias in alias_set | {kolom}}
LABEL_KEKERASAN = {"kdrt", "kekerasan_terhadap_perempuan", "korban_kekerasan_perempuan", "kekerasan_anak",
                   "kekerasan_terhadap_anak", "korban_kekerasan_anak", "pelecehan_anak"}


def _normal(teks: object) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(teks).strip().lower()).strip("_")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[RingkasanDemo, float, Path]:
    folder = tmp_path_factory.mktemp("demo")
    mulai = time.perf_counter()
    ringkasan = tulis_berkas_demo(folder, hari_ini=HARI_INI)
    return ringkasan, time.perf_counter() - mulai, folder


def _berkas_kasus(ringkasan: RingkasanDemo) -> list[Path]:
    return [p for p in ringkasan.berkas if "04_laporan_kasus" in p.parts or "05_revisi" in p.parts]


def _baca_csv(berkas: Path) -> pd.DataFrame:
    """A case CSV in whichever encoding and delimiter it came (title rows are padded, as Excel exports them)."""
    mentah = berkas.read_bytes()
    try:
        teks = mentah.decode("utf-8-sig")
    except UnicodeDecodeError:
        teks = mentah.decode("cp1252")
    baris_pertama = teks.splitlines()[0]
    pemisah = max(";,\t|", key=baris_pertama.count)
    return pd.read_csv(io.StringIO(teks), sep=pemisah, header=None, dtype=str)


def _tabel_data(mentah: pd.DataFrame) -> pd.DataFrame:
    """Rows below the header row (found among the first 20), without the column-number and totals rows."""
    for i in range(min(20, len(mentah))):
        nama = [_normal(v) for v in mentah.iloc[i].tolist()]
        if "kategori" in {HEADER_KE_KOLOM.get(n) for n in nama}:
            data = mentah.iloc[i + 1:].copy()
            data.columns = [HEADER_KE_KOLOM.get(n, n) for n in nama]
            pertama = data.iloc[:, 0].astype(str).str.strip()
            nomor_kolom = (pd.to_numeric(data.iloc[:, 0], errors="coerce") == 1) & (
                pd.to_numeric(data.iloc[:, 1], errors="coerce") == 2)
            total = pertama.str.upper().isin({"JUMLAH", "TOTAL"})
            return data[~nomor_kolom & ~total & data.notna().any(axis=1)]
    raise AssertionError("header tidak ditemukan")


@pytest.fixture(scope="module")
def lembar(demo: tuple[RingkasanDemo, float, Path]) -> dict[tuple[str, str], pd.DataFrame]:
    """Every XLSX sheet and CSV of the case reports, read back raw (header=None)."""
    ringkasan, _, _ = demo
    hasil: dict[tuple[str, str], pd.DataFrame] = {}
    for berkas in _berkas_kasus(ringkasan):
        if berkas.suffix == ".xlsx":
            for nama, df in pd.read_excel(berkas, sheet_name=None, header=None, engine="calamine").items():
                hasil[(berkas.name, nama)] = df
        elif berkas.suffix == ".csv":
            hasil[(berkas.name, "")] = _baca_csv(berkas)
    return hasil


@pytest.fixture(scope="module")
def tabel(lembar: dict[tuple[str, str], pd.DataFrame]) -> dict[tuple[str, str], pd.DataFrame]:
    """Data rows of every sheet and CSV, under canonical column names."""
    return {kunci: _tabel_data(mentah) for kunci, mentah in lembar.items()}


@pytest.fixture(scope="module")
def semua(tabel: dict[tuple[str, str], pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(tabel.values(), ignore_index=True)


@pytest.fixture(scope="module")
def ekspor(demo: tuple[RingkasanDemo, float, Path]) -> pd.DataFrame:
    ringkasan, _, _ = demo
    parquet = [p for p in _berkas_kasus(ringkasan) if p.suffix == ".parquet"]
    assert len(parquet) == 1
    return pq.read_table(parquet[0]).to_pandas()


def test_cepat(demo: tuple[RingkasanDemo, float, Path]) -> None:
    _, detik, _ = demo
    # about 10 s for the case reports and a few more for the 240,000-household DTKS extract and the rolls on an
    # idle 2-core machine; timing is reported, and only a runaway (10x) fails, so a busy CI cannot flake it
    print(f"generator demo: {detik:.1f} s")
    assert detik < 150, f"generator butuh {detik:.1f} s"


def test_deterministik(demo: tuple[RingkasanDemo, float, Path], tmp_path: Path) -> None:
    ringkasan, _, folder = demo
    kedua = tulis_berkas_demo(tmp_path / "lagi", hari_ini=HARI_INI)
    assert [p.relative_to(folder) for p in ringkasan.berkas] == [p.relative_to(tmp_path / "lagi") for p in kedua.berkas]
    csv = [p for p in ringkasan.berkas if p.suffix == ".csv"]
    assert csv
    for p in ringkasan.berkas:
        assert p.read_bytes() == (tmp_path / "lagi" / p.relative_to(folder)).read_bytes(), p.name


def test_benih_lain_data_lain(tmp_path: Path) -> None:
    satu = tulis_berkas_demo(tmp_path / "a", kabupaten="31.01", hari_ini=HARI_INI, benih=3)
    dua = tulis_berkas_demo(tmp_path / "b", kabupaten="31.01", hari_ini=HARI_INI, benih=4)
    assert satu.berkas[1].read_bytes() != dua.berkas[1].read_bytes()


def test_berkas_setiap_jenis_dalam_urutan_ingest(demo: tuple[RingkasanDemo, float, Path]) -> None:
    ringkasan, _, folder = demo
    berkas = ringkasan.berkas
    assert all(p.is_file() and p.is_relative_to(folder) for p in berkas)
    assert all("DATA SINTETIS" in p.name or "DATA_SINTETIS" in p.name for p in berkas)
    assert sorted(p for p in folder.rglob("*") if p.is_file()) == sorted(berkas)
    assert "01_register" in berkas[0].parts and berkas[0].suffix == ".xlsx"
    assert "02_penduduk" in berkas[1].parts
    assert berkas[2].name.startswith("indikator_kemiskinan") and berkas[3].name.startswith("target_kemiskinan")
    program = [p for p in berkas if "06_program" in p.parts]
    assert berkas[4:8] == program and [p.suffix for p in program] == [".csv", ".csv", ".csv", ".parquet"]
    kasus = _berkas_kasus(ringkasan)
    assert berkas[8:] == kasus
    jenis = {(p.relative_to(folder).parts[0], p.suffix) for p in kasus}
    assert {("04_laporan_kasus", ".xlsx"), ("04_laporan_kasus", ".csv"), ("04_laporan_kasus", ".parquet"),
            ("05_revisi", ".xlsx")} <= jenis
    kecamatan = {p.parent.name for p in kasus if "04_laporan_kasus" in p.parts}
    assert len(kecamatan) == 21
    csv_kec = {p.parent.name for p in kasus if p.suffix == ".csv"}
    assert len(csv_kec) == 3
    revisi = [i for i, p in enumerate(berkas) if "05_revisi" in p.parts]
    assert revisi and berkas[-1] == ringkasan.berkas_duplikat[1]  # type: ignore[index]
    assert max(i for i, p in enumerate(berkas) if "04_laporan_kasus" in p.parts and p != berkas[-1]) < revisi[0]


def test_referensi_hanya_kabupaten(demo: tuple[RingkasanDemo, float, Path]) -> None:
    ringkasan, _, _ = demo
    for p in ringkasan.berkas[2:4]:
        df = pd.read_csv(p, dtype=str)
        asli = pd.read_csv(REFERENSI / f"{p.name.split('_35.17')[0]}.csv", dtype=str)
        assert list(df.columns) == list(asli.columns)
        assert len(df) > 0 and set(df["kode_kab"]) == {"35.17"}
        assert len(df) == (asli["kode_kab"] == "35.17").sum()


def test_register_dan_penduduk(demo: tuple[RingkasanDemo, float, Path]) -> None:
    ringkasan, _, _ = demo
    register = pd.read_excel(ringkasan.berkas[0], header=2, engine="calamine", dtype=str)
    assert len(register) == 306
    status = register["Status Puskesos"].value_counts()
    assert status["Belum dibentuk"] == 12 and 1 <= status["Tidak aktif"] <= 8
    kode = register["Kode Desa"].astype(str)
    assert kode.str.fullmatch(r"35\.17\.\d\d\.[12]\d{3}").any() and kode.str.fullmatch(r"3517\d{6}").any()
    penduduk = pd.read_csv(ringkasan.berkas[1], sep=";", encoding="cp1252")
    assert set(penduduk["tahun"]) == {2024, 2025}
    per_tahun = penduduk.groupby("tahun")["jumlah_penduduk"].sum()
    assert 1_300_000 < per_tahun[2024] < 1_450_000
    assert penduduk["jumlah_penduduk"].between(1_500, 13_000).all()


def _bulan_lembar(nama: str) -> tuple[int, int]:
    teks, tahun = nama.lower().replace("revisi ", "").rsplit(" ", 1)
    bulan = BULAN_ID.index(teks) + 1 if teks in BULAN_ID else SINGKAT_ID.index(teks) + 1
    return int(tahun), bulan


def test_24_bulan_tercakup(demo: tuple[RingkasanDemo, float, Path], lembar: dict[tuple[str, str], pd.DataFrame],
                           ekspor: pd.DataFrame) -> None:
    ringkasan, _, _ = demo
    bulan_xlsx = {_bulan_lembar(nama) for (berkas, nama) in lembar if berkas.endswith(".xlsx")}
    assert bulan_xlsx == BULAN_DIHARAPKAN
    bulan_csv = set()
    for p in ringkasan.berkas:
        if p.suffix == ".csv" and "04_laporan_kasus" in p.parts:
            tahun, bulan = re.search(r"_(\d{4})-(\d{2})_", p.name).groups()  # type: ignore[union-attr]
            bulan_csv.add((int(tahun), int(bulan)))
    assert bulan_csv == BULAN_DIHARAPKAN
    tanggal = pd.to_datetime(ekspor["tanggal_lapor"])
    assert set(zip(tanggal.dt.year, tanggal.dt.month, strict=True)) == BULAN_DIHARAPKAN


def test_header_sesuai_kontrak(tabel: dict[tuple[str, str], pd.DataFrame]) -> None:
    for kunci, data in tabel.items():
        tidak_dikenal = {k for k in data.columns if k not in ALIAS_LAPORAN_KASUS and k not in KOLOM_PRIBADI_DAN_LAIN}
        assert not tidak_dikenal, (kunci, tidak_dikenal)
        assert {"no_registrasi", "tanggal_lapor", "kategori"} <= set(data.columns)
        assert "kode_desa" in data.columns or {"nama_desa", "nama_kecamatan"} <= set(data.columns)


def test_label_dan_kekerasan(demo: tuple[RingkasanDemo, float, Path], semua: pd.DataFrame) -> None:
    ringkasan, _, _ = demo
    kategori = semua["kategori"].dropna().astype(str)
    assert len(semua) > 20_000
    kekerasan = kategori.map(_normal).isin(LABEL_KEKERASAN)
    assert 0.005 < kekerasan.mean() < 0.03
    peta = {t: enums.petakan_label("kategori", t) for t in kategori.unique()}
    asing = {t for t, (_, dikenal) in peta.items() if not dikenal}
    assert {"Bantuan kursi roda", "Sengketa tanah"} <= asing
    assert all(peta[t][0] == "lainnya" for t in asing)
    assert len(asing) <= 6
    assert (kategori.map(lambda t: peta[t][0]) == "nihil").sum() > 200
    for kolom, enum in (("tujuan_rujukan", "tujuan_rujukan"), ("status_rujukan", "status_rujukan"),
                        ("status_kasus", "status_kasus"), ("kanal", "kanal"), ("urgensi", "urgensi"),
                        ("kelompok_sasaran", "kelompok_sasaran"), ("program", "program")):
        nilai = {str(v) for v in semua[kolom].dropna() if str(v).strip() not in ("", "-")}
        assert nilai and all(enums.petakan_label(enum, v)[1] for v in nilai), (kolom, nilai)
    assert ringkasan.label_tidak_dikenal > 0


def test_baris_karantina_dan_formula(demo: tuple[RingkasanDemo, float, Path], semua: pd.DataFrame) -> None:
    ringkasan, _, _ = demo
    assert 0.001 <= ringkasan.baris_sengaja_dikarantina / ringkasan.baris_kasus <= 0.003
    teks = semua[["nama_desa", "tanggal_lapor", "kode_desa", "no_registrasi", "keterangan", "catatan"]].astype(str)
    assert teks["nama_desa"].str.strip().eq("Sumbrejo").sum() >= 5
    assert teks["tanggal_lapor"].str.startswith("31/02/").sum() >= 5
    assert teks["kode_desa"].str.strip().str.replace(".", "").str.startswith("3516").sum() >= 5
    assert semua["no_registrasi"].isna().sum() > semua["kategori"].map(_normal).eq("nihil").sum()
    formula = teks.apply(lambda k: k.str.startswith("=HYPERLINK(")).to_numpy().sum()
    assert formula >= 3


def test_ekspor_slrt_dan_garis_waktu(ekspor: pd.DataFrame) -> None:
    """The Parquet export: canonical columns, dates consistent, states as known on tanggal_kirim, updates."""
    assert {"no_registrasi", "tanggal_lapor", "kode_desa", "kategori", "tanggal_kirim"} <= set(ekspor.columns)
    kasus = ekspor[ekspor["no_registrasi"].notna()]
    t = {k: pd.to_datetime(kasus[k]) for k in ("tanggal_lapor", "tanggal_rujuk", "tanggal_respon",
                                               "tanggal_selesai", "tanggal_kirim")}
    assert (t["tanggal_rujuk"].dropna() >= t["tanggal_lapor"][t["tanggal_rujuk"].notna()]).all()
    assert (t["tanggal_respon"] <= t["tanggal_kirim"]).where(t["tanggal_respon"].notna(), True).all()
    assert (t["tanggal_selesai"] <= t["tanggal_kirim"]).where(t["tanggal_selesai"].notna(), True).all()
    assert (t["tanggal_selesai"] >= t["tanggal_respon"]).where(t["tanggal_selesai"].notna(), True).all()
    hari_kirim = t["tanggal_kirim"].dt.day
    assert hari_kirim.between(2, 20).all() and (hari_kirim <= 10).mean() > 0.7
    kunci = ["kode_desa", "no_registrasi", "tujuan_rujukan"]
    versi = kasus.fillna({"tujuan_rujukan": ""}).groupby(kunci)["tanggal_kirim"].nunique()
    assert (versi > 1).sum() > 100
    nik = kasus["nik"].dropna()
    valid = nik.str.fullmatch(r"\d{16}") & nik.str[8:10].between("01", "12") & (nik.str[12:] != "0000")
    assert 0.005 < 1 - valid.mean() < 0.05
    assert (nik[valid].str[:6] == kasus.loc[nik[valid].index, "kode_desa"].str.replace(".", "").str[:6]).all()


def test_duplikat_sama_persis(demo: tuple[RingkasanDemo, float, Path]) -> None:
    ringkasan, _, _ = demo
    assert ringkasan.berkas_duplikat is not None
    asli, salinan = ringkasan.berkas_duplikat
    assert asli != salinan and asli.name != salinan.name
    assert hashlib.sha256(asli.read_bytes()).digest() == hashlib.sha256(salinan.read_bytes()).digest()


def test_ringkasan_masuk_akal(demo: tuple[RingkasanDemo, float, Path]) -> None:
    ringkasan, _, _ = demo
    assert 15_000 < ringkasan.kasus < 30_000
    assert 0.5 < ringkasan.rujukan / ringkasan.kasus < 0.9
    assert ringkasan.baris_kasus > ringkasan.kasus + ringkasan.baris_pembaruan
    assert ringkasan.baris_nihil > 100 and ringkasan.baris_pembaruan > 5_000


def test_kabupaten_lain_kecil(tmp_path: Path) -> None:
    """Any regency of the reference list works, even one with two kecamatan (Kepulauan Seribu, 31.01)."""
    ringkasan = tulis_berkas_demo(tmp_path, kabupaten="31.01", hari_ini=date(2026, 11, 5), benih=3)
    assert ringkasan.kasus > 0 and ringkasan.baris_sengaja_dikarantina > 0
    register = pd.read_excel(ringkasan.berkas[0], header=2, engine="calamine", dtype=str)
    assert register["Kode Desa"].str.replace(".", "").str.startswith("3101").all()
    ulang = tulis_berkas_demo(tmp_path, kabupaten="31.01", hari_ini=date(2026, 5, 20), benih=3)
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == sorted(ulang.berkas)
