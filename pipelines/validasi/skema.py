"""The kinds of input (contract section 4): their columns, header aliases, and personal columns to drop.

A kind is recognised from a header row when every one of its required groups
has a column (a group is satisfied by any of its columns, e.g. `kode_desa` or
`nama_desa`). Headers are normalised as the contract says before matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.enums import normalkan


@dataclass(frozen=True)
class Jenis:
    """One kind of input file."""

    nama: str
    kolom: dict[str, tuple[str, ...]]
    wajib: tuple[tuple[str, ...], ...]
    """Required groups: each a tuple of canonical columns of which at least one must be present."""

    def peta_alias(self) -> dict[str, str]:
        peta: dict[str, str] = {}
        for kanon, alias in self.kolom.items():
            for a in (kanon, *alias):
                peta.setdefault(normalkan(a), kanon)
        return peta


_TEMPAT = {
    "kode_desa": (
        "kode_wilayah", "kode_kelurahan", "kode_desa_kelurahan", "kode_desa_kel", "kd_desa", "kode_kemendagri",
    ),
    "nama_desa": ("desa", "desa_kelurahan", "kelurahan", "nama_kelurahan", "nama_desa_kelurahan", "desa_kel"),
    "nama_kecamatan": ("kecamatan", "kec", "nama_kec"),
}
_PERIODE = ("periode_penetapan", "perubahan", "bulan")

LAPORAN_KASUS = Jenis(
    "laporan_kasus",
    {
        "no_registrasi": ("no_reg", "nomor_registrasi", "no_kasus", "nomor_kasus", "id_kasus", "no_registrasi_kasus"),
        "tanggal_lapor": ("tanggal", "tgl_lapor", "tanggal_pengaduan", "tgl_pengaduan", "tanggal_registrasi"),
        **_TEMPAT,
        "kategori": ("jenis_layanan", "jenis_keluhan", "kategori_keluhan", "kebutuhan", "jenis_pengaduan"),
        "nik": ("nik_pelapor", "nik_penerima", "nik_warga", "no_nik", "nomor_nik"),
        "no_kk": ("nomor_kk", "kk", "no_kartu_keluarga"),
        "jenis_kelamin": ("jk", "l_p"),
        "umur": ("usia",),
        "kelompok_sasaran": ("sasaran", "kelompok"),
        "kanal": ("saluran", "cara_lapor"),
        "terdaftar_dtks": ("dtks", "status_dtks", "terdaftar_dtsen"),
        "desil": ("desil_dtsen",),
        "urgensi": (),
        "status_kasus": ("status",),
        "tujuan_rujukan": ("dirujuk_ke", "rujukan", "lembaga_tujuan"),
        "program": ("program_bantuan",),
        "sumber_dana": (),
        "tanggal_rujuk": ("tgl_rujuk", "tanggal_rujukan"),
        "tanggal_respon": ("tanggal_diterima_tujuan", "tgl_respon"),
        "tanggal_selesai": ("tgl_selesai",),
        "status_rujukan": (),
        "tanggal_kirim": ("tanggal_laporan", "tgl_kirim"),
    },
    (("tanggal_lapor",), ("kategori",), ("kode_desa", "nama_desa")),
)

PUSKESOS = Jenis(
    "puskesos",
    {
        **_TEMPAT,
        "status": ("status_puskesos",),
        "nomor_sk": ("no_sk", "sk_pembentukan"),
        "tanggal_sk": ("tgl_sk",),
        "ketua_terlatih": ("ketua_sudah_pelatihan",),
        "tahun": (),
        "anggaran_rp": ("anggaran_apbdes", "alokasi_dana_desa", "anggaran"),
    },
    (("status",), ("kode_desa", "nama_desa")),
)

PENDUDUK = Jenis(
    "penduduk",
    {**_TEMPAT, "tahun": (), "jumlah_penduduk": ("penduduk", "jml_penduduk"), "jumlah_kk": ("jml_kk",)},
    (("tahun",), ("jumlah_penduduk",), ("kode_desa", "nama_desa")),
)

INDIKATOR_KEMISKINAN = Jenis(
    "indikator_kemiskinan",
    {
        "kode_kab": ("kode_kabupaten",),
        "nama_kab": ("nama_kabupaten", "kabupaten"),
        "tahun": (),
        "persen_miskin": ("persentase_penduduk_miskin", "p0"),
        "jumlah_miskin_jiwa": ("jumlah_penduduk_miskin",),
        "garis_kemiskinan_rp": ("garis_kemiskinan",),
        "sumber": (),
    },
    (("kode_kab",), ("tahun",), ("persen_miskin",)),
)

TARGET_KEMISKINAN = Jenis(
    "target_kemiskinan",
    {
        "kode_kab": ("kode_kabupaten",),
        "dokumen": ("dokumen_perencanaan",),
        "tahun": (),
        "target_persen": ("target",),
        "target_persen_atas": (),
        "sumber": (),
        "catatan": (),
    },
    (("kode_kab",), ("dokumen",), ("tahun",), ("target_persen",)),
)

_ID_KELUARGA = ("no_kk", "nomor_kk", "id_dtks", "iddtks", "idbdt", "id_dtsen", "id_keluarga_dtks")

DTKS = Jenis(
    "dtks",
    {
        "id_keluarga": _ID_KELUARGA,
        "nik": ("nik_krt", "nik_kepala_keluarga", "nik_kepala"),
        **_TEMPAT,
        "desil": ("desil_dtsen", "peringkat_kesejahteraan"),
        "jumlah_art": ("jml_art", "jumlah_anggota", "jumlah_anggota_keluarga"),
        "status": ("status_dtks",),
        "periode": _PERIODE,
    },
    (("id_keluarga",), ("kode_desa", "nama_desa"), ("periode",)),
)

PENERIMA_PROGRAM = Jenis(
    "penerima_program",
    {
        "program": ("jenis_bantuan", "nama_program"),
        "periode": _PERIODE,
        "id_keluarga": _ID_KELUARGA,
        "nik": ("nik_penerima", "nik_kpm", "no_nik", "nomor_nik", "nik_peserta"),
        **_TEMPAT,
        "status": ("status_kepesertaan",),
        "alasan": ("alasan_nonaktif", "keterangan_status"),
    },
    (("program",), ("periode",), ("id_keluarga", "nik"), ("kode_desa", "nama_desa")),
)

SEMUA_JENIS: dict[str, Jenis] = {
    j.nama: j for j in (LAPORAN_KASUS, PUSKESOS, PENDUDUK, INDIKATOR_KEMISKINAN, TARGET_KEMISKINAN, DTKS,
                        PENERIMA_PROGRAM)
}

_PRIBADI = re.compile(
    r"^(nama(_.*)?|.*_nama|alamat(_.*)?|.*alamat.*|rt|rw|rt_rw|dusun|lingkungan|no_?hp|hp|handphone|"
    r"(no_|nomor_)?telp?(on)?|(no_|nomor_)?telepon|whatsapp|wa|no_wa|email|e_mail|"
    r"tanggal_lahir|tgl_lahir|tempat_lahir|ttl|tempat_tanggal_lahir|.*ibu_kandung.*|nama_ibu.*|"
    r"keterangan.*|catatan.*|uraian.*|deskripsi.*|kronologi.*|permasalahan.*|keluhan|isi_pengaduan|"
    r"hubungan_pelapor|pekerjaan|no_bpjs|nomor_bpjs|no_kks|no_rekening|foto.*|lampiran.*)$"
)


def kolom_pribadi(kolom_normal: str) -> bool:
    """True when a (normalised) header names personal data or free text, which is never stored."""
    return bool(_PRIBADI.match(kolom_normal))


@dataclass
class PetaKolom:
    """How one header row maps onto a kind: source column index -> canonical name, plus what is dropped."""

    jenis: Jenis
    kolom: dict[int, str]
    pribadi: list[str]
    diabaikan: list[str]


def petakan_header(header: list[str], jenis: Jenis, tersedia: frozenset[str] = frozenset()) -> PetaKolom | None:
    """Map a header row onto a kind; None when a required group is missing.

    `tersedia` names canonical columns known from outside the header (e.g. `program` from `--program`).
    """
    alias = jenis.peta_alias()
    kolom: dict[int, str] = {}
    pribadi: list[str] = []
    diabaikan: list[str] = []
    for i, h in enumerate(header):
        n = normalkan(h)
        if not n:
            continue
        kanon = alias.get(n)
        if kanon is not None and kanon not in kolom.values():
            kolom[i] = kanon
        elif kolom_pribadi(n):
            pribadi.append(h.strip())
        else:
            diabaikan.append(h.strip())
    ada = set(kolom.values()) | tersedia
    if not all(any(k in ada for k in grup) for grup in jenis.wajib):
        return None
    return PetaKolom(jenis, kolom, pribadi, diabaikan)


def kenali_jenis(header: list[str], paksa: str | None = None,
                 tersedia: frozenset[str] = frozenset()) -> PetaKolom | None:
    """The kind a header row belongs to (the one with most mapped columns), or the forced kind.

    A file whose program is known from outside (`--program`, a title row `Jenis Bantuan: PKH`) is a roll.
    """
    if paksa is None and "program" in tersedia:
        paksa = "penerima_program"
    calon = [SEMUA_JENIS[paksa]] if paksa else list(SEMUA_JENIS.values())
    hasil = [p for j in calon if (p := petakan_header(header, j, tersedia)) is not None]
    if not hasil:
        return None
    # a household extract and a roll share their identifying columns; a program column makes it a roll
    return max(hasil, key=lambda p: (len(p.kolom), p.jenis.nama == "penerima_program" and "program" in
                                     p.kolom.values()))


def kolom_yang_diharapkan(jenis: Jenis) -> str:
    """The required headers of a kind, for the message of a file that matches no kind."""
    return " + ".join(" atau ".join(grup) for grup in jenis.wajib)
