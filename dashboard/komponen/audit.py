"""Pieces of the Log audit page: an audit record's details and wilayah in words. Pure functions, testable without
Streamlit.

`akses.audit` keeps each record's details as JSON with the program's own keys (`{"peran": "perencana"}`) and the
wilayah as a code (`35.17.16.2001`); the page shows them as a short sentence ("Peran: Perencana") and a name
("Desa Marmoyo").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from akses import nama_wilayah
from bahasa import format as fmt
from dashboard.i18n import TEKS, Bahasa, t

_KODE_WILAYAH = ("kab", "kec", "desa", "wilayah")


def nama_cakupan(kode: str | None) -> str:
    """A wilayah code as its name (`35.17.16` -> `Kec. Kabuh`); empty for none."""
    return nama_wilayah(kode) if kode else ""


def _kata(awalan: str, kunci: str) -> str | None:
    nama = f"{awalan}{kunci}"
    return nama if nama in TEKS else None


def _nilai(kunci: str, nilai: Any, bahasa: Bahasa) -> str:
    if kunci == "peran" and (k := _kata("audit_peran_", str(nilai))):
        return t(k, bahasa)
    if kunci == "hak" and (k := _kata("audit_hak_", str(nilai))):
        return t(k, bahasa)
    if kunci in _KODE_WILAYAH and isinstance(nilai, str):
        return nama_cakupan(nilai)
    if kunci == "bita" and isinstance(nilai, int):
        return t("audit_ukuran_kb", bahasa, kb=fmt.angka(max(nilai / 1024, 0.1), bahasa, 1))
    if kunci == "jumlah" and isinstance(nilai, Mapping):
        return t("audit_jumlah_baris", bahasa, **{k: fmt.angka(int(nilai.get(k) or 0), bahasa)
                                                 for k in ("dibaca", "dimuat", "dikarantina", "dilewati")})
    if kunci == "berkas" and isinstance(nilai, list):
        return ", ".join(str(b.get("berkas")) if isinstance(b, Mapping) else str(b) for b in nilai)
    if isinstance(nilai, Mapping):
        return ", ".join(f"{_nama(k, bahasa)} {_nilai(str(k), v, bahasa)}" for k, v in nilai.items())
    if isinstance(nilai, bool):
        return t("audit_ya" if nilai else "audit_tidak", bahasa)
    if isinstance(nilai, int):
        return fmt.angka(nilai, bahasa)
    return str(nilai)


def _nama(kunci: str, bahasa: Bahasa) -> str:
    k = _kata("audit_r_", kunci)
    return t(k, bahasa) if k else kunci.replace("_", " ")


def teks_rincian(rincian: Mapping[str, Any] | None, bahasa: Bahasa) -> str:
    """An audit record's details as one line: `Peran: Perencana; Ukuran: 12,3 KB` (empty values left out)."""
    bagian = []
    for kunci, nilai in (rincian or {}).items():
        if nilai is None or nilai == "" or nilai == {} or nilai == []:
            continue
        bagian.append(f"{_nama(kunci, bahasa).capitalize()}: {_nilai(kunci, nilai, bahasa)}")
    return "; ".join(bagian)
