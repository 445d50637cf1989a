"""The content of the meeting documents, assembled from the data door (`dashboard.data`) and the components that
format the screen's numbers (`dashboard.komponen`), for the app's download buttons and for the command line
(`pantau bahan`, `pantau agenda`) alike. It imports no page (`dashboard.halaman`): a page only renders, and the
files say exactly what the screen says because both take their numbers from the same functions.

Every data function asks the access gate for the current user: in the app the logged-in account, on the command
line the named account bound with `dashboard.sesi.sebagai`. So a camat's pack holds only his kecamatan, and the
table by destination is the one the Rujukan page shows him (protected below kabupaten level).

The briefing pack (`isi_bahan`): cover, the six headline numbers (a period that holds a month not yet due is
marked "belum lengkap"), the monthly trend, what changed since the previous due month (only due months are
compared, never the partial one), new cases by category, target group and channel (the Ringkasan trend tables'
frames, `data.kasus_kategori` and `data.tren_sasaran_kanal`; not for a single desa, as on Ringkasan), the poverty
rate against every planning document (`data.target_kemiskinan`, as the Target page draws it), the map (overdue
referrals per desa, named; official boundaries when imported), the kecamatan compared for a regency or the desa
compared for a kecamatan (ranked; the Ringkasan tiles' and the Rapat kecamatan page's functions), overdue referrals
by destination, the desa that need attention, and the definitions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

import akses
from akses import Pengguna
from bahasa import format as fmt
from dashboard import data
from dashboard.data.tren import TIDAK_DIISI
from dashboard.db import VersiGudang
from dashboard.i18n import Bahasa, t
from dashboard.komponen import kpi as k_kpi
from dashboard.komponen import peta as k_peta
from dashboard.komponen import rapat as k_rapat
from dashboard.komponen import rujukan as k_rujukan
from dashboard.komponen.kesegaran import teks_kesegaran
from dashboard.komponen.program import isi_ubin_ringkasan as ubin_pbi
from dashboard.komponen.target import dokumen_bawaan
from dashboard.komponen.target import isi_ubin_ringkasan as ubin_target
from dashboard.komponen.unduhan import isi_agenda, kepala_dokumen, nama_lengkap
from dashboard.periode import periode_bawaan, tambah_bulan
from dashboard.pilihan import Pilihan
from dokumen.agenda_rapat import IsiAgenda
from dokumen.bahan_rapat import IsiBahanRapat
from dokumen.gambar import BidangPeta, LabelPeta, peta_png
from dokumen.model import (
    Angka,
    Bagian,
    DaftarDefinisi,
    Definisi,
    Deret,
    Gambar,
    Grafik,
    GrafikGanda,
    Jenis,
    Tabel,
    Teks,
)
from pipelines.enums import ENUM, KATEGORI_SENSITIF, label

WARNA_KASUS, WARNA_RUJUKAN, WARNA_BPS = "#6B7280", "#374151", "#111827"
WARNA_DIPILIH, WARNA_LAIN, WARNA_PROYEKSI = "#C2410C", "#9CA3AF", "#0072B2"
WARNA_BAGIAN = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
"""The parts of a stacked column (Okabe-Ito, colour-blind safe); the parts merged into one are `WARNA_LAIN`."""
MAKS_BAGIAN = 6
"""At most this many parts a stacked column: with more codes, the 5 largest of the period and the rest merged."""


class PilihanTidakSah(ValueError):
    """A wilayah or month the warehouse does not have; the message is in Indonesian."""


# 1/ the selection, without the filter bar
def pilihan_untuk(versi: VersiGudang, pengguna: Pengguna, kode: str | None = None, dari: dt.date | None = None,
                  sampai: dt.date | None = None, bahasa: Bahasa = "id") -> Pilihan:
    """The selection the filter bar would make for `pengguna`: the wilayah `kode` (default: the whole scope), the
    months `dari`..`sampai` (default: the six months ending with the last due month). A wilayah outside the scope
    raises `akses.AksesDitolak`; an unknown wilayah or month `PilihanTidakSah`."""
    meta = data.meta_gudang(versi)
    tanggal_data = dt.date.fromisoformat(meta["tanggal_data"][:10])
    jatuh_tempo = dt.date.fromisoformat(meta["bulan_jatuh_tempo_terakhir"][:10])
    kab_bawaan = meta.get("kabupaten", "").split(",")[0].strip()
    lingkup = akses.lingkup(pengguna)
    kode = akses.normalkan_kode(kode) if kode else (lingkup.kode or kab_bawaan)
    akses.periksa_wilayah(pengguna, kode)
    wil = data.wilayah(versi)
    baris = wil[(wil["kode_desa"] == kode) | (wil["kode_kec"] == kode) | (wil["kode_kab"] == kode)]
    if baris.empty:
        raise PilihanTidakSah(f"Wilayah {kode} tidak ada di gudang data.")
    r = baris.iloc[0]
    tingkat = akses.tingkat_dari_kode(kode)
    bulan_ada = data.bulan_tersedia(versi)
    bawaan_dari, bawaan_sampai = periode_bawaan(bulan_ada, jatuh_tempo)
    dari, sampai = dari or bawaan_dari, sampai or bawaan_sampai
    for b in (dari, sampai):
        if b not in bulan_ada:
            raise PilihanTidakSah(f"Bulan {fmt.bulan(b)} tidak ada di gudang data; pilih antara "
                                  f"{fmt.bulan(bulan_ada[0])} dan {fmt.bulan(bulan_ada[-1])}.")
    if dari > sampai:
        raise PilihanTidakSah("--sampai lebih awal dari --dari.")
    return Pilihan(
        versi=versi, bahasa=bahasa, kode_kab=str(r["kode_kab"]), nama_kab=str(r["nama_kab"]),
        kode_kec=str(r["kode_kec"]) if tingkat != "kabupaten" else None,
        nama_kec=str(r["nama_kec"]) if tingkat != "kabupaten" else None,
        kode_desa=kode if tingkat == "desa" else None, nama_desa=str(r["nama_desa"]) if tingkat == "desa" else None,
        dari=dari, sampai=sampai, tanggal_data=tanggal_data, bulan_jatuh_tempo=jatuh_tempo,
        sintetis=meta.get("sintetis", "tidak").strip().lower() == "ya",
        tingkat_pengguna=pengguna.tingkat,  # type: ignore[arg-type]
    )


# 2/ the headline numbers
def angka_utama(p: Pilihan) -> tuple[list[k_kpi.IsiKpi], pd.DataFrame]:
    """The six Ringkasan tiles for the selection (the page shows these), and the KPI rows they come from."""
    v, b = p.versi, p.bahasa
    kpi = data.kpi_ringkasan(v, p.kode_wilayah, p.dari, p.sampai)
    puskesos = data.puskesos_status(v, p.kode_wilayah)
    isi = [k_kpi.isi_kasus_baru(kpi, b, p.tingkat), k_kpi.isi_selesai_90(kpi, p.tanggal_data, b),
           k_kpi.isi_tunggakan(kpi, p.tanggal_data, b), k_kpi.isi_puskesos_aktif(puskesos, p.tanggal_data, b),
           ubin_pbi(data.program_wilayah(v, p.kode_wilayah, "pbi_jk"), b),
           ubin_target(data.target_kemiskinan(v, p.kode_kab), b, p.tingkat)]
    return isi, kpi


def _angka(isi: Sequence[k_kpi.IsiKpi], kpi: pd.DataFrame, p: Pilihan) -> list[Angka]:
    """The tiles as the documents' numbers; the case count of a period holding a month not yet due is marked."""
    sebagian = bool(kpi[kpi["periode"] == "ini"].iloc[0]["sebagian"])
    tanda = t("bahan_tanda_sebagian", p.bahasa, bulan=fmt.bulan(tambah_bulan(p.bulan_jatuh_tempo, 1), p.bahasa))
    return [Angka(k.judul, k.nilai, k.selisih, k.keterangan,
                  tanda=tanda if sebagian and k.kunci == "kasus_baru" else None) for k in isi]


# 3/ charts
def _bulan_sebagian(bulan: Sequence[dt.date], p: Pilihan) -> list[int]:
    return [i for i, x in enumerate(bulan) if x > p.bulan_jatuh_tempo]


def grafik_tren(p: Pilihan) -> Grafik | None:
    """Kasus baru and rujukan dikirim per month of the period (`data.tren_bulanan`); months not yet due marked."""
    b = p.bahasa
    tren = data.tren_bulanan(p.versi, p.kode_wilayah, p.dari, p.sampai)
    if tren.empty:
        return None
    bulan = list(tren["bulan"])
    ditandai = _bulan_sebagian(bulan, p)
    return Grafik(
        t("tren_judul", b), "garis", [fmt.bulan(x, b) for x in bulan],
        [Deret(t("tren_kasus_baru", b), [int(x) for x in tren["kasus_baru"]], WARNA_KASUS, tebal=2.5, penanda=True),
         Deret(t("tren_rujukan_dikirim", b), [int(x) for x in tren["rujukan_dikirim"]], WARNA_RUJUKAN, "putus",
               penanda=True)],
        sumbu_y=t("tren_sumbu_y", b),
        keterangan=t("bahan_ket_sebagian", b) if ditandai else None, ditandai=ditandai, bahasa=b)


def grafik_target(p: Pilihan) -> Grafik | None:
    """The BPS poverty rate, every planning document's required path (the newest in colour, the others grey) and
    yearly targets, and the trend projection with its 80 % band: the Target page's numbers
    (`data.target_kemiskinan`), drawn from them, not computed again."""
    b = p.bahasa
    isi = data.target_kemiskinan(p.versi, p.kode_kab)
    bps, jalur, target, proyeksi = isi["bps"], isi["jalur"], isi["target"], isi["proyeksi"]
    if bps.empty:
        return None
    dipilih = dokumen_bawaan(isi["dokumen"]) if not isi["dokumen"].empty else None
    tahun_bps_akhir = int(bps["tahun"].max())
    akhir = max([tahun_bps_akhir + 3, *([int(jalur["tahun"].max())] if not jalur.empty else []),
                 *([int(target["tahun"].max())] if not target.empty else [])])
    masa = proyeksi[(proyeksi["tahun"] >= tahun_bps_akhir) & (proyeksi["tahun"] <= akhir)]
    tahun = list(range(int(bps["tahun"].min()), akhir + 1))

    def deret(df: pd.DataFrame, kolom: str) -> list[float | None]:
        per = {int(a): float(x) for a, x in zip(df["tahun"], df[kolom], strict=True) if pd.notna(x)}
        return [per.get(a) for a in tahun]

    seri = [Deret(t("target_bps", b), deret(bps, "persen_miskin"), WARNA_BPS, tebal=2.5, penanda=True)]
    if not masa.empty:
        seri += [Deret(t("target_garis_proyeksi", b), deret(masa, "proyeksi"), WARNA_PROYEKSI, "titik", 1.5),
                 Deret(t("bahan_pita_bawah", b), deret(masa, "bawah_80"), "#9ECAE1", "putus", 0.75),
                 Deret(t("bahan_pita_atas", b), deret(masa, "atas_80"), "#9ECAE1", "putus", 0.75)]
    for nama, bagian in jalur.groupby("dokumen", sort=False):
        utama = nama == dipilih
        seri.append(Deret(t("target_jalur_dipilih", b, dokumen=nama) if utama else str(nama),
                          deret(bagian, "target_jalur"), WARNA_DIPILIH if utama else WARNA_LAIN,
                          "penuh" if utama else "putus", 2.5 if utama else 1.25))
    for nama, bagian in target.groupby("dokumen", sort=False):
        seri.append(Deret(t("bahan_target_tahunan", b, dokumen=nama), deret(bagian, "target_persen"),
                          WARNA_DIPILIH if nama == dipilih else WARNA_LAIN, "tanpa"))
    pita = (t("bahan_pita_bawah", b), t("bahan_pita_atas", b)) if not masa.empty else None
    ket = t("bahan_ket_target", b, kab=p.nama_kab) if p.tingkat != "kabupaten" else t("bahan_ket_target_kab", b)
    return Grafik(t("bahan_target_judul", b), "garis", [str(a) for a in tahun], seri, sumbu_y=t("target_sumbu", b),
                  keterangan=ket, desimal=1, pita=pita, nama_pita=t("target_pita", b), mulai_nol=False, bahasa=b)


# 3b/ new cases by category, target group and channel (the Ringkasan trend tables)
def _bagian_kolom(judul: str, bulan: list[dt.date], per_kode: dict[str, list[int]], nama: dict[str, str],
                  ditandai: list[int], p: Pilihan) -> Grafik:
    """Stacked monthly columns, one part a code with a case in the period (largest first); with more than
    `MAKS_BAGIAN` codes the smallest are merged into one part, named with how many it holds."""
    b = p.bahasa
    ada = sorted((k for k, v in per_kode.items() if sum(v) > 0), key=lambda k: -sum(per_kode[k]))
    simpan = ada if len(ada) <= MAKS_BAGIAN else ada[:MAKS_BAGIAN - 1]
    deret = [Deret(nama[k], per_kode[k], WARNA_BAGIAN[i]) for i, k in enumerate(simpan)]
    sisa = [k for k in ada if k not in simpan]
    if sisa:
        deret.append(Deret(t("bahan_rincian_gabungan", b, n=len(sisa)),
                           [sum(per_kode[k][i] for k in sisa) for i in range(len(bulan))], WARNA_LAIN))
    return Grafik(judul, "kolom", [fmt.bulan(x, b) for x in bulan], deret, ditandai=ditandai, bahasa=b)


def tren_rincian(p: Pilihan) -> GrafikGanda | None:
    """New cases per month by category, by target group and by channel for the selection, from the frames behind the
    Ringkasan trend tables (`data.kasus_kategori`, `data.tren_sasaran_kanal`, protected by the data door): the
    same numbers, drawn as stacked columns; months not yet due marked as there. Below kabupaten level the violence
    categories (shown there as protected cells such as `<5`) are not drawn, so the category columns total the
    table's bottom line. None for a single desa (Ringkasan has no such tables for a desa)."""
    if p.tingkat == "desa":
        return None
    b, v = p.bahasa, p.versi
    kategori = data.kasus_kategori(v, p.kode_wilayah, p.dari, p.sampai)
    bulan = [k for k in kategori.columns if isinstance(k, dt.date)]
    if not bulan:
        return None
    sebagian = kategori.attrs.get("belum_lengkap", [])
    ditandai = [i for i, x in enumerate(bulan) if x in sebagian]
    bawah = p.tingkat != "kabupaten"
    kode_kat = [k for k in kategori.index if k != data.TOTAL_BUKAN_SENSITIF and not (bawah and k in KATEGORI_SENSITIF)]
    grafik = [_bagian_kolom(t("tren_tab_kategori", b), bulan,
                            {str(k): [int(kategori.loc[k, x]) for x in bulan] for k in kode_kat},
                            {str(k): t("pr_sensitif_lain", b) if k == data.SENSITIF_LAIN
                             else label("kategori", str(k), b) for k in kode_kat}, ditandai, p)]
    for dimensi, judul in (("kelompok_sasaran", "tren_tab_sasaran"), ("kanal", "tren_tab_kanal")):
        df = data.tren_sasaran_kanal(v, p.kode_wilayah, p.dari, p.sampai, dimensi)
        kode = [k.kode for k in ENUM[dimensi] if k.kode in set(df["kode"])]
        kode += [TIDAK_DIISI] if TIDAK_DIISI in set(df["kode"]) else []
        sel = {(x, str(k)): int(n) for x, k, n in zip(df["bulan"], df["kode"], df["kasus"], strict=True)}
        grafik.append(_bagian_kolom(
            t(judul, b), bulan, {k: [sel.get((x, k), 0) for x in bulan] for k in kode},
            {k: t("tren_tidak_diisi", b) if k == TIDAK_DIISI else label(dimensi, k, b) for k in kode}, ditandai, p))
    ket = [t("bahan_rincian_ket", b, n=MAKS_BAGIAN, maks=MAKS_BAGIAN - 1)]
    if ditandai:
        ket.append(t("bahan_ket_sebagian", b))
    ket.append(t("bahan_rincian_ket_bawah", b) if bawah else t("tren_ket_kabupaten", b))
    return GrafikGanda(t("bahan_rincian_judul", b, periode=fmt.rentang_bulan(p.dari, p.sampai, b)), grafik,
                       " ".join(ket))


# 4/ the map
@dataclass(frozen=True)
class IsiPeta:
    """What the map draws: the desa areas with their class colour, the names written on it, the legend, the
    kecamatan outlines, and whether the areas are official boundaries (lon/lat) or the tile map's squares."""

    bidang: list[BidangPeta]
    label: list[LabelPeta]
    legenda: list[tuple[str, str]]
    garis: list[list[tuple[float, float]]]
    geografis: bool
    nama_desa: bool
    """Desa names (a kecamatan's map) rather than kecamatan names (the regency's)."""


def isi_peta(p: Pilihan) -> IsiPeta | None:
    """Overdue referrals per desa at the cut-off (the Peta page's classes and colours, `k_peta.siapkan_peta`), desa
    of the selection only; kecamatan names on the regency's map, desa names on a kecamatan's. The official
    boundaries the app draws (`data.batas_desa_geojson`, imported by `pantau batas`) when there are any, else the
    Peta page's tile map. None for a single desa."""
    if p.tingkat == "desa":
        return None
    b = p.bahasa
    v = p.versi
    metrik = k_peta.METRIK_PER_KODE["tunggakan"]
    siap = k_peta.siapkan_peta(data.peta_desa(v, p.kode_kab, p.dari, p.sampai), metrik, "tetap", p.sampai,
                               p.tanggal_data, b)
    tampil = k_peta.saring_kecamatan(siap, p.kode_kec)
    if tampil.empty:
        return None
    nama_desa = p.tingkat == "kecamatan"
    bidang: list[BidangPeta] = []
    label_: list[LabelPeta] = []
    garis: list[list[tuple[float, float]]] = []
    geografis = data.info_batas(v, p.kode_kab).jumlah_desa > 0
    if geografis:
        from shapely.geometry import shape
        from shapely.ops import unary_union

        fitur = {f["id"]: f["geometry"] for f in data.batas_desa_geojson(v, p.kode_kab)["features"]}
        bentuk: dict[str, object] = {}
        for r in tampil.to_dict("records"):
            g = fitur.get(r["kode_desa"])
            if g is None:
                continue
            poligon = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
            bidang.append(BidangPeta(r["kode_desa"], str(r["warna"]), [[tuple(x) for x in pl[0]] for pl in poligon]))
            bentuk[r["kode_desa"]] = shape(g)
            if nama_desa:
                titik = shape(g).representative_point()
                label_.append(LabelPeta(str(r["nama_desa"]), titik.x, titik.y))
        if not nama_desa:
            for _, kelompok in tampil.groupby("kode_kec", sort=False):
                geom = [bentuk[k] for k in kelompok["kode_desa"] if k in bentuk]
                if geom:
                    titik = unary_union(geom).representative_point()
                    label_.append(LabelPeta(str(kelompok["nama_kec"].iloc[0]), titik.x, titik.y, tebal=True))
        kec = data.garis_kecamatan(v, p.kode_kab)
        if p.kode_kec:
            kec = kec[kec["kode_kec"] == p.kode_kec]
        for xs, ys in zip(kec["lon"], kec["lat"], strict=True):
            ruas: list[tuple[float, float]] = []
            for x, y in zip(xs, ys, strict=True):
                if x is None:
                    garis.append(ruas)
                    ruas = []
                else:
                    ruas.append((float(x), float(y)))
            garis.append(ruas)
    else:
        petak, blok = k_peta.tata_petak(tampil)
        for r in petak.to_dict("records"):
            x, y = float(r["x"]), -float(r["y"])
            s = 0.46
            bidang.append(BidangPeta(r["kode_desa"], str(r["warna"]),
                                     [[(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)]]))
            if nama_desa:
                label_.append(LabelPeta(str(r["nama_desa"]), x, y))
        for r in blok.to_dict("records"):
            label_.append(LabelPeta(str(r["nama_kec"]), float(r["x"]), -float(r["y"]), tebal=True))
    legenda = [(f"{kelas.label} ({fmt.angka(n, b)} desa)", kelas.warna)
               for kelas, n in k_peta.hitung_legenda(siap, tampil)]
    return IsiPeta(bidang, label_, legenda, garis, geografis, nama_desa)


def gambar_peta(p: Pilihan) -> Gambar | None:
    """The map of `isi_peta` as a labelled PNG (`dokumen.gambar.peta_png`), with its caption. None for a desa."""
    isi = isi_peta(p)
    if isi is None:
        return None
    b = p.bahasa
    png, terlewat = peta_png(isi.bidang, isi.label, isi.legenda, garis=isi.garis, geografis=isi.geografis,
                             ukuran_label=24 if isi.nama_desa else 26)
    ket = t("bahan_ket_peta", b, tanggal=fmt.tanggal(p.tanggal_data, b),
            cara=t("bahan_peta_batas" if isi.geografis else "bahan_peta_petak", b))
    if terlewat:
        ket += " " + t("bahan_peta_terlewat", b, n=terlewat)
    return Gambar(t("bahan_peta_judul", b, wilayah=p.nama_wilayah), png, ket)


# 5/ kecamatan compared
def banding_kecamatan(p: Pilihan) -> tuple[Tabel, Grafik] | None:
    """Every kecamatan of the selection's regency the user may see, ranked by overdue referrals (most first, then
    more cases), with the numbers the Ringkasan tiles show for that kecamatan (`data.kpi_ringkasan`,
    `data.puskesos_status`), and the overdue counts as a bar chart. None below kabupaten level."""
    if p.tingkat != "kabupaten":
        return None
    b, v = p.bahasa, p.versi
    wil = data.wilayah(v)
    kec = wil[wil["kode_kab"] == p.kode_kab].drop_duplicates("kode_kec")
    baris = []
    for kode, nama in zip(kec["kode_kec"], kec["nama_kec"], strict=True):
        kpi = data.kpi_ringkasan(v, kode, p.dari, p.sampai)
        ini = kpi[kpi["periode"] == "ini"].iloc[0]
        status = data.puskesos_status(v, kode).iloc[0]
        baris.append({"nama": str(nama), "kasus": int(ini["kasus_baru"]), "tunggakan": int(ini["tunggakan"]),
                      "selesai": float(ini["selesai_90"]) if int(ini["dikirim_matang_90"]) > 0 else None,
                      "aktif": int(status["aktif"]), "desa": int(status["jumlah_desa"])})
    df = pd.DataFrame(baris).sort_values(["tunggakan", "kasus", "nama"], ascending=[False, False, True])
    kol = {k: t(f"bahan_kol_{k}", b) for k in ("no", "kecamatan", "tunggakan", "kasus", "selesai", "aktif")}
    tabel = Tabel(
        t("bahan_banding_judul", b, n=len(df)),
        pd.DataFrame({
            kol["no"]: range(1, len(df) + 1), kol["kecamatan"]: df["nama"], kol["tunggakan"]: df["tunggakan"],
            kol["kasus"]: df["kasus"], kol["selesai"]: df["selesai"],
            kol["aktif"]: [t("x_dari_y", b, x=fmt.angka(a, b), y=fmt.angka(d, b))
                           for a, d in zip(df["aktif"], df["desa"], strict=True)],
        }),
        {kol["no"]: "angka", kol["tunggakan"]: "angka", kol["kasus"]: "angka", kol["selesai"]: "persen"},
        catatan=t("bahan_banding_catatan", b, periode=fmt.rentang_bulan(p.dari, p.sampai, b),
                  tanggal=fmt.tanggal(p.tanggal_data, b)),
        lebar=[0.6, 2.6, 1.3, 1.3, 1.5, 1.7], nama_lembar=t("bahan_kol_kecamatan", b))
    grafik = Grafik(t("bahan_banding_grafik", b, tanggal=fmt.tanggal(p.tanggal_data, b)), "batang",
                    list(df["nama"]), [Deret(kol["tunggakan"], [int(x) for x in df["tunggakan"]], WARNA_DIPILIH)],
                    bahasa=b)
    return tabel, grafik


def banding_desa(p: Pilihan) -> tuple[Tabel, Grafik] | None:
    """Every desa of the selection's kecamatan, ranked by overdue referrals (most first, then more cases, then name),
    with the numbers the Rapat kecamatan page shows for it (`data.rapat_desa`: kasus baru, selesai <= 90 hari and
    kelengkapan over the period, tunggakan and Puskesos status at the cut-off), and the overdue counts as a bar
    chart. None unless a kecamatan is selected."""
    if p.tingkat != "kecamatan" or not p.kode_kec:
        return None
    b = p.bahasa
    df = data.rapat_desa(p.versi, p.kode_kec, p.dari, p.sampai)
    if df.empty:
        return None
    df = df.assign(_nama=df["nama_desa"].astype(str)).sort_values(["tunggakan", "kasus_baru", "_nama"],
                                                                   ascending=[False, False, True])
    kol = {k: t(f"bahan_kol_{k}", b) for k in ("no", "desa", "tunggakan", "kasus", "selesai", "status", "lengkap")}
    tabel = Tabel(
        t("bahan_banding_desa_judul", b, n=len(df), kec=p.nama_kec),
        pd.DataFrame({
            kol["no"]: range(1, len(df) + 1), kol["desa"]: list(df["_nama"]),
            kol["tunggakan"]: [int(x) for x in df["tunggakan"]], kol["kasus"]: [int(x) for x in df["kasus_baru"]],
            kol["selesai"]: [None if pd.isna(x) else float(x) for x in df["selesai_90"]],
            kol["status"]: [k_rapat.label_status_puskesos(x, b) for x in df["status_puskesos"]],
            kol["lengkap"]: [None if pd.isna(x) else float(x) for x in df["kelengkapan"]],
        }),
        {kol["no"]: "angka", kol["tunggakan"]: "angka", kol["kasus"]: "angka", kol["selesai"]: "persen",
         kol["lengkap"]: "persen"},
        catatan=t("bahan_banding_desa_catatan", b, periode=fmt.rentang_bulan(p.dari, p.sampai, b),
                  tanggal=fmt.tanggal(p.tanggal_data, b)),
        lebar=[0.6, 2.4, 1.3, 1.2, 1.5, 1.6, 1.4], nama_lembar=t("bahan_kol_desa", b))
    grafik = Grafik(t("bahan_banding_desa_grafik", b, tanggal=fmt.tanggal(p.tanggal_data, b)), "batang",
                    list(df["_nama"]), [Deret(kol["tunggakan"], [int(x) for x in df["tunggakan"]], WARNA_DIPILIH)],
                    bahasa=b)
    return tabel, grafik


# 6/ what changed since the previous due month
def _arah(beda: int, b: Bahasa) -> str:
    return t("bahan_naik" if beda > 0 else "bahan_turun", b, n=fmt.angka(abs(beda), b)) if beda else t("bahan_sama", b)


def perubahan(p: Pilihan) -> Teks:
    """Sentences comparing the last due month with the one before, both complete (`kpi_ringkasan` for one month
    and its previous month, `k_kpi.ada_pembanding`); never the month whose reports are not yet due."""
    b, v = p.bahasa, p.versi
    m = p.bulan_jatuh_tempo
    lalu = tambah_bulan(m, -1)
    bm, bl = fmt.bulan(m, b), fmt.bulan(lalu, b)
    judul = t("bahan_perubahan_judul", b, bulan=bm, lalu=bl)
    kpi = data.kpi_ringkasan(v, p.kode_wilayah, m, m)
    if not k_kpi.ada_pembanding(kpi):
        return Teks(judul, [t("bahan_perubahan_tidak_ada", b, bulan=bm, lalu=bl)])
    ini, sebelum = kpi[kpi["periode"] == "ini"].iloc[0], kpi[kpi["periode"] == "lalu"].iloc[0]
    kalimat = []
    kasus, kasus_l = int(ini["kasus_baru"]), int(sebelum["kasus_baru"])
    persen = (f" ({fmt.selisih_persen((kasus - kasus_l) / kasus_l, b)})" if kasus_l and kasus != kasus_l else "")
    kalimat.append(t("bahan_kalimat_kasus", b, bulan=bm, n=fmt.angka(kasus, b), arah=_arah(kasus - kasus_l, b),
                     persen=persen, lalu=bl, n_lalu=fmt.angka(kasus_l, b)))
    tren = data.tren_bulanan(v, p.kode_wilayah, lalu, m).set_index("bulan")
    if m in tren.index and lalu in tren.index:
        d, d_l = int(tren.loc[m, "rujukan_dikirim"]), int(tren.loc[lalu, "rujukan_dikirim"])
        kalimat.append(t("bahan_kalimat_rujukan", b, bulan=bm, n=fmt.angka(d, b), arah=_arah(d - d_l, b), lalu=bl,
                         n_lalu=fmt.angka(d_l, b)))
    tg, tg_l = int(ini["tunggakan_periode"]), int(sebelum["tunggakan_periode"])
    kalimat.append(t("bahan_kalimat_tunggakan", b, bulan=bm, n=fmt.angka(tg, b), lalu=bl, n_lalu=fmt.angka(tg_l, b),
                     tanggal=fmt.tanggal(p.tanggal_data, b)))
    if int(ini["bulan_matang_90"]) and int(sebelum["bulan_matang_90"]) and int(ini["dikirim_matang_90"]) \
            and int(sebelum["dikirim_matang_90"]):
        kalimat.append(t("bahan_kalimat_selesai", b, bulan=bm, persen=fmt.persen(float(ini["selesai_90"]), b),
                         lalu=bl, persen_lalu=fmt.persen(float(sebelum["selesai_90"]), b)))
    else:
        kalimat.append(t("bahan_kalimat_selesai_belum", b, bulan=bm))
    if p.tingkat == "kabupaten":
        kalimat += _perubahan_kecamatan(p, m, lalu)
    return Teks(judul, kalimat, t("bahan_perubahan_catatan", b, bulan=fmt.bulan(tambah_bulan(m, 1), b)))


def _perubahan_kecamatan(p: Pilihan, m: dt.date, lalu: dt.date) -> list[str]:
    """The kecamatan whose new cases rose and fell most from `lalu` to `m` (both due)."""
    b, v = p.bahasa, p.versi
    wil = data.wilayah(v)
    beda = []
    for kode, nama in wil[wil["kode_kab"] == p.kode_kab].drop_duplicates("kode_kec")[["kode_kec", "nama_kec"]] \
            .itertuples(index=False):
        kpi = data.kpi_ringkasan(v, kode, m, m)
        if k_kpi.ada_pembanding(kpi):
            n = kpi.set_index("periode")["kasus_baru"]
            beda.append((int(n["ini"]) - int(n["lalu"]), str(nama)))
    kalimat = []
    naik = max(beda, default=(0, ""))
    turun = min(beda, default=(0, ""))
    if naik[0] > 0:
        kalimat.append(t("bahan_kalimat_kec_naik", b, kec=naik[1], n=fmt.angka(naik[0], b)))
    if turun[0] < 0:
        kalimat.append(t("bahan_kalimat_kec_turun", b, kec=turun[1], n=fmt.angka(-turun[0], b)))
    if beda and not (naik[0] > 0 or turun[0] < 0):
        kalimat.append(t("bahan_kalimat_kec_sama", b))
    return kalimat


# 7/ overdue by destination (the Rujukan page's table)
def tabel_per_tujuan(p: Pilihan) -> Tabel:
    """Referrals started in the period by destination, most overdue first: the Rujukan page's table
    (`data.rujukan_per_tujuan`: sensitive referrals are in no row; the kabupaten's own count of them is in the
    note, as on the page), formatted by the same component."""
    b = p.bahasa
    df = data.rujukan_per_tujuan(p.versi, p.kode_wilayah, p.dari, p.sampai)
    kolom = {"tujuan": "rujukan_kol_tujuan", "sla_hari": "rujukan_kol_sla", "dikirim": "rujukan_kol_dikirim",
             "terbuka": "rujukan_kol_terbuka", "terlambat": "rujukan_kol_terlambat",
             "tanpa_respon": "rujukan_kol_tanpa_respon", "umur_tertua": "rujukan_kol_tertua"}
    tampil = (k_rujukan.tabel_tujuan(df, b)[list(kolom)] if not df.empty
              else pd.DataFrame(columns=list(kolom)))
    tampil.columns = [t(x, b) for x in kolom.values()]
    catatan = t("bahan_tujuan_catatan", b, periode=fmt.rentang_bulan(p.dari, p.sampai, b),
                tanggal=fmt.tanggal(p.tanggal_data, b))
    catatan += " " + k_rujukan.catatan_sensitif(
        data.rujukan_sensitif_kabupaten(p.versi, p.kode_wilayah, p.dari, p.sampai), b)
    jenis: dict[str, Jenis] = {str(c): "kanan" for c in tampil.columns[1:]}
    return Tabel(t("bahan_tujuan_judul", b), tampil.reset_index(drop=True), jenis, catatan=catatan,
                 kosong=t("rujukan_kosong", b), lebar=[2.6, 0.9, 1, 1, 1.1, 1.2, 1.1])


# 8/ definitions, in words
_ISTILAH = re.compile(r"^\*\*(.+?)\*\*\s*(\([^)]*\))?\s*[:=]\s*(.*)$", re.S)


def pisah_definisi(teks: str) -> Definisi:
    """A definition of the app (`**Kasus baru**: ...`, `**Cakupan** = ...`, `Tanpa respon: ...`) as a term and
    its meaning, without Markdown or backticks."""
    cocok = _ISTILAH.match(teks)
    if cocok:
        istilah = " ".join(x for x in (cocok.group(1), cocok.group(2)) if x)
        uraian = cocok.group(3)
    else:
        istilah, _, uraian = teks.partition(": ")
    bersih = [re.sub(r"\*\*(.+?)\*\*", r"\1", x).replace("`", "").strip() for x in (istilah, uraian)]
    return Definisi(bersih[0], bersih[1][:1].upper() + bersih[1][1:])


def definisi(b: Bahasa) -> DaftarDefinisi:
    """What each number of the pack means, for the reader."""
    kunci = ("def_kasus_baru", "def_selesai_90", "def_tunggakan", "def_puskesos_aktif", "program_def_cakupan",
             "target_def_selisih_tahun", "pr_bantu_tanpa_respon", "pr_bantu_kelengkapan", "bahan_def_jatuh_tempo",
             "bahan_def_proyeksi", "bahan_def_peta")
    return DaftarDefinisi(t("definisi", b), [pisah_definisi(t(k, b)) for k in kunci])


# 9/ the pack and the agenda
def isi_bahan(p: Pilihan, sekarang: dt.datetime | None = None) -> IsiBahanRapat:
    """The briefing pack for the selection, as the current user may see it."""
    b, v = p.bahasa, p.versi
    tiles, kpi = angka_utama(p)
    kesegaran = teks_kesegaran(p.tanggal_data, data.kesegaran(v, p.kode_wilayah), b)
    bagian: list[Bagian] = []
    for g in (grafik_tren(p), perubahan(p), tren_rincian(p), grafik_target(p), gambar_peta(p)):
        if g is not None:
            bagian.append(g)
    banding = banding_kecamatan(p) or banding_desa(p)
    if banding is not None:
        bagian += [banding[0], banding[1]]
    bagian.append(tabel_per_tujuan(p))
    kode_lingkup = p.kode_kec or p.kode_kab
    if p.tingkat_pengguna != "desa":
        bagian.append(k_rapat.tabel_perhatian_desa(data.perhatian_desa(v, kode_lingkup), p.kode_kec is None, b))
    bagian.append(definisi(b))
    sampul = [t("bahan_sampul_jatuh_tempo", b, bulan=fmt.bulan(p.bulan_jatuh_tempo, b),
                tanggal=fmt.tanggal(p.tanggal_data, b))]
    if p.sampai > p.bulan_jatuh_tempo:
        sampul.append(t("bahan_sampul_sebagian", b, bulan=fmt.rentang_bulan(tambah_bulan(p.bulan_jatuh_tempo, 1),
                                                                           p.sampai, b)))
    return IsiBahanRapat(
        kepala=kepala_dokumen(p, t("bahan_judul", b), nama_lengkap(p), kesegaran, sekarang=sekarang),
        judul_angka=t("bahan_angka_utama", b), angka=_angka(tiles, kpi, p), bagian=bagian, sampul=sampul,
        lanjutan=t("pr_lanjutan", b))


def tabel_agenda(p: Pilihan, kode_kec: str) -> tuple[list[Tabel], pd.DataFrame]:
    """The Rapat kecamatan tables in order (desa side by side, overdue by destination, overdue one by one, silent
    and irregular Puskesos, reporting fell) and the desa rows they start from (for the page's sparklines)."""
    v, b = p.versi, p.bahasa
    desa = data.rapat_desa(v, kode_kec, p.dari, p.sampai)
    tabel = [k_rapat.tabel_desa(desa, b), k_rapat.tabel_tujuan(data.perhatian_tujuan(v, kode_kec, batas=None), b),
             k_rapat.tabel_rujukan_terlambat(data.rujukan_terlambat(v, kode_kec), b),
             k_rapat.tabel_puskesos_bermasalah(data.puskesos_bermasalah(v, kode_kec), b),
             k_rapat.tabel_pelaporan_turun(data.pelaporan_turun(v, kode_kec), p.bulan_jatuh_tempo, b)]
    return tabel, desa


def isi_agenda_kecamatan(p: Pilihan, sekarang: dt.datetime | None = None) -> IsiAgenda:
    """The agenda of the selection's kecamatan, as the Rapat kecamatan page offers it."""
    if not p.kode_kec or not p.nama_kec:
        raise PilihanTidakSah("Agenda rapat dibuat untuk satu kecamatan: sebutkan --kecamatan KODE.")
    tabel, _ = tabel_agenda(p, p.kode_kec)
    kesegaran = teks_kesegaran(p.tanggal_data, data.kesegaran(p.versi, p.kode_kec), p.bahasa)
    return isi_agenda(p, p.nama_kec, tabel, kesegaran, sekarang=sekarang)
