"""Settings of one Pantau installation: `pantau.toml`, overridden by environment variables.

Lookup order for the file: `PANTAU_CONFIG`, then `./pantau.toml`, then the
`pantau.toml` at the project root. Relative paths in it are relative to the
file. Three environment variables are part of the public interface and always
win over the file: `PANTAU_DB` (warehouse file), `PANTAU_KABUPATEN`
(comma-separated regency codes) and `PANTAU_KUNCI` (pseudonymisation key).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

AKAR_PROYEK = Path(__file__).resolve().parent.parent
FOLDER_REFERENSI = AKAR_PROYEK / "data" / "reference"

SLA_BAWAAN: dict[str, int] = {"uptd_ppa": 3, "bpjs_kesehatan": 45, "perkim": 180}
"""Default SLA in days per referral destination (`metrics.md` section 2); others use `sla_bawaan_hari`."""

DESIL_BAWAAN: dict[str, tuple[int, int]] = {
    "pkh": (1, 4),
    "sembako": (1, 4),
    "pbi_jk": (1, 5),
    "pbi_apbd": (1, 5),
    "kip_pip": (1, 4),
    "rtlh": (1, 3),
    "atensi": (1, 5),
    "blt_dd": (1, 4),
    "bagamis": (1, 5),
}
"""Default eligible desil range per program (`enums.md`)."""


class KesalahanKonfigurasi(ValueError):
    """The settings cannot be used; the message says, in Indonesian, what to fix."""


@dataclass(frozen=True)
class Konfigurasi:
    """Everything the pipeline and the app need to know about this installation."""

    gudang: Path
    kabupaten: tuple[str, ...]
    berkas_kunci: Path
    kunci: str | None = None
    hari_tepat_waktu: int = 10
    sla_bawaan_hari: int = 30
    sla_hari: dict[str, int] = field(default_factory=lambda: dict(SLA_BAWAAN))
    desil_program: dict[str, tuple[int, int]] = field(default_factory=lambda: dict(DESIL_BAWAAN))
    folder_referensi: Path = FOLDER_REFERENSI
    berkas_konfigurasi: Path | None = None
    berkas_akun: Path | None = None
    berkas_audit: Path | None = None
    batas_memori: str = "1.5GB"
    """`[gudang] batas_memori`: DuckDB's memory limit while writing the warehouse (load and build); past it DuckDB
    spills to a temporary folder beside the warehouse, so a national build stays within a small machine's RAM (rows
    are written under at most `ingest.BATAS_MEMORI_MENULIS` of it). With 1.5GB the national demo's whole process
    tree stays about 2 GiB; 1.2GB once ran out in its build (`bench/catatan-sesi5-20261206.md`)."""
    gagal_maks: int = 5
    kunci_menit: int = 15
    sesi_menit: int = 30
    unggah_maks_mb: int = 50
    unggah_isi_maks_mb: int = 200
    """`[unggah] isi_mb`: megabytes of an uploaded file once opened (an XLSX's XML, counted as it is decompressed)."""
    unggah_sel_maks: int = 5_000_000
    """`[unggah] sel_maks`: cells of an uploaded file (XLSX `<c>` elements, CSV fields), counted as streamed."""
    unggah_baris_maks: int = 1_000_000
    """`[unggah] baris_maks`: rows of an uploaded CSV."""
    unggah_memori_mb: int = 2048
    """`[unggah] memori_mb`: resident memory of the process that reads and checks an upload (`pipelines.terpisah`)."""
    unggah_waktu_detik: int = 600
    """`[unggah] waktu_detik`: seconds that process may take before it is stopped."""
    sso: str | None = None
    """`[akun] sso`: the name of the identity provider in `.streamlit/secrets.toml` (`[auth.NAMA]`) for single
    sign-on with Streamlit's `st.login`; None (default): local accounts only."""
    proses_layan: int = 1
    """`[layan] proses`: app processes `pantau serve` starts, on consecutive ports from `--port` (1: one process,
    as before; more: one per core, behind nginx with a sticky cookie, `deploy/nginx/pantau-proses.conf`)."""

    def sla_untuk(self, tujuan: str) -> int:
        """SLA in days for a referral destination code."""
        return self.sla_hari.get(tujuan, self.sla_bawaan_hari)

    @property
    def jalur_akun(self) -> Path:
        """The local accounts store (SQLite): `[akun] berkas`, else `akun.sqlite` beside the warehouse file."""
        return self.berkas_akun if self.berkas_akun is not None else self.gudang.parent / "akun.sqlite"

    @property
    def jalur_audit(self) -> Path:
        """The append-only audit log (SQLite): `[akun] berkas_audit`, else `audit.sqlite` beside the accounts."""
        return self.berkas_audit if self.berkas_audit is not None else self.jalur_akun.parent / "audit.sqlite"


def _cari_berkas() -> Path | None:
    dari_env = os.environ.get("PANTAU_CONFIG")
    if dari_env:
        p = Path(dari_env)
        if not p.is_file():
            raise KesalahanKonfigurasi(f"Berkas konfigurasi PANTAU_CONFIG={dari_env} tidak ditemukan.")
        return p
    for p in (Path.cwd() / "pantau.toml", AKAR_PROYEK / "pantau.toml"):
        if p.is_file():
            return p
    return None


def _kode_kabupaten(teks: str) -> tuple[str, ...]:
    kodes = []
    for bagian in teks.replace(";", ",").split(","):
        k = bagian.strip()
        if not k:
            continue
        if len(k) == 4 and k.isdigit():
            k = f"{k[:2]}.{k[2:]}"
        if len(k) != 5 or k[2] != "." or not (k[:2] + k[3:]).isdigit():
            raise KesalahanKonfigurasi(
                f'Kode kabupaten "{bagian.strip()}" tidak sah. Tulis seperti 35.17 (provinsi.kabupaten).'
            )
        kodes.append(k)
    if not kodes:
        raise KesalahanKonfigurasi("Belum ada kabupaten yang dikonfigurasi (contoh: kabupaten = [\"35.17\"]).")
    return tuple(dict.fromkeys(kodes))


_BYTE_SATUAN = {"KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12,
                "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}


def byte_ukuran(ukuran: str) -> float | None:
    """Bytes of a memory size as `[gudang] batas_memori` is written ("1.5GB", "512 MiB", DuckDB's units); None if
    it is not one."""
    cocok = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMGT]i?B)", ukuran.strip())
    return float(cocok[1]) * _BYTE_SATUAN[cocok[2]] if cocok else None


def muat_konfigurasi() -> Konfigurasi:
    """Read `pantau.toml` (if any) and apply the environment overrides."""
    berkas = _cari_berkas()
    data: dict = {}
    dasar = Path.cwd()
    if berkas is not None:
        try:
            data = tomllib.loads(berkas.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise KesalahanKonfigurasi(f"Berkas {berkas} tidak dapat dibaca sebagai TOML: {e}") from e
        dasar = berkas.resolve().parent

    def jalur(teks: str) -> Path:
        p = Path(teks).expanduser()
        return p if p.is_absolute() else (dasar / p)

    gudang_cfg = data.get("gudang", {})
    wilayah_cfg = data.get("wilayah", {})
    laporan_cfg = data.get("laporan", {})
    sla_cfg = dict(data.get("sla", {}))
    desil_cfg = data.get("desil_program", {})

    gudang = jalur(os.environ.get("PANTAU_DB") or gudang_cfg.get("berkas", "data/warehouse/pantau.duckdb"))
    kab_env = os.environ.get("PANTAU_KABUPATEN")
    kab_cfg = wilayah_cfg.get("kabupaten", ["35.17"])
    kabupaten = _kode_kabupaten(kab_env if kab_env else ",".join(kab_cfg))
    kunci_berkas = jalur(gudang_cfg["berkas_kunci"]) if "berkas_kunci" in gudang_cfg else gudang.parent / "pantau.kunci"

    sla_bawaan = int(sla_cfg.pop("bawaan", 30))
    sla = dict(SLA_BAWAAN)
    sla.update({str(k): int(v) for k, v in sla_cfg.items()})
    desil = dict(DESIL_BAWAAN)
    for prog, rentang in desil_cfg.items():
        if not (isinstance(rentang, list) and len(rentang) == 2):
            raise KesalahanKonfigurasi(f"desil_program.{prog} harus berupa [awal, akhir], misalnya [1, 4].")
        desil[str(prog)] = (int(rentang[0]), int(rentang[1]))

    akun_cfg = data.get("akun", {})
    unggah_cfg = data.get("unggah", {})
    layan_cfg = data.get("layan", {})
    batas_memori = str(gudang_cfg.get("batas_memori", "1.5GB")).strip()
    if byte_ukuran(batas_memori) is None:
        raise KesalahanKonfigurasi(f'gudang.batas_memori "{batas_memori}" tidak sah; tulis misalnya "2GB" atau '
                                   '"1500MB".')

    def bulat_positif(bagian: dict, kunci: str, bawaan: int, nama: str) -> int:
        nilai = bagian.get(kunci, bawaan)
        if isinstance(nilai, bool) or not isinstance(nilai, int) or nilai < 1:
            raise KesalahanKonfigurasi(f"{nama} harus bilangan bulat positif, misalnya {bawaan}.")
        return nilai

    return Konfigurasi(
        gudang=gudang,
        kabupaten=kabupaten,
        berkas_kunci=kunci_berkas,
        kunci=os.environ.get("PANTAU_KUNCI") or None,
        hari_tepat_waktu=int(laporan_cfg.get("hari_tepat_waktu", 10)),
        sla_bawaan_hari=sla_bawaan,
        sla_hari=sla,
        desil_program=desil,
        berkas_konfigurasi=berkas,
        berkas_akun=jalur(akun_cfg["berkas"]) if "berkas" in akun_cfg else None,
        berkas_audit=jalur(akun_cfg["berkas_audit"]) if "berkas_audit" in akun_cfg else None,
        gagal_maks=bulat_positif(akun_cfg, "gagal_maks", 5, "akun.gagal_maks"),
        kunci_menit=bulat_positif(akun_cfg, "kunci_menit", 15, "akun.kunci_menit"),
        sesi_menit=bulat_positif(akun_cfg, "sesi_menit", 30, "akun.sesi_menit"),
        unggah_maks_mb=bulat_positif(unggah_cfg, "batas_mb", 50, "unggah.batas_mb"),
        unggah_isi_maks_mb=bulat_positif(unggah_cfg, "isi_mb", 200, "unggah.isi_mb"),
        unggah_sel_maks=bulat_positif(unggah_cfg, "sel_maks", 5_000_000, "unggah.sel_maks"),
        unggah_baris_maks=bulat_positif(unggah_cfg, "baris_maks", 1_000_000, "unggah.baris_maks"),
        unggah_memori_mb=bulat_positif(unggah_cfg, "memori_mb", 2048, "unggah.memori_mb"),
        unggah_waktu_detik=bulat_positif(unggah_cfg, "waktu_detik", 600, "unggah.waktu_detik"),
        batas_memori=batas_memori,
        sso=str(akun_cfg["sso"]).strip() or None if "sso" in akun_cfg else None,
        proses_layan=bulat_positif(layan_cfg, "proses", 1, "layan.proses"),
    )
