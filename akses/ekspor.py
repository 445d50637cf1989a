"""Tables leaving the app as files: identity columns dropped, spreadsheet formulas neutralised, and who/when/
which scope written into the file (`netralkan_ekspor`, `ekspor_csv`)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd

from akses.peran import Pengguna, lingkup, nama_wilayah


def _netral(nilai: object) -> object:
    from pipelines.baca.nilai import netralkan_rumus

    if isinstance(nilai, str):
        if nilai[:1] in ("\t", "\r"):
            return "'" + nilai
        return netralkan_rumus(nilai)
    return nilai


def metadata_ekspor(pengguna: Pengguna | None, tanggal_data: date | str | None,
                    waktu: datetime | None = None) -> dict[str, str]:
    """Who downloaded, when, with which scope, and the data date: carried inside every exported file."""
    waktu = waktu or datetime.now(UTC)
    cak = lingkup(pengguna)
    return {
        "diunduh_oleh": pengguna.nama if pengguna else "sistem",
        "peran": pengguna.peran if pengguna else "sistem",
        "cakupan": nama_wilayah(cak.kode) if cak.kode else "semua kabupaten yang dikonfigurasi",
        "waktu_unduh": waktu.astimezone().isoformat(timespec="seconds"),
        "data_per": str(tanggal_data) if tanggal_data is not None else "tidak diketahui",
        "catatan": "Angka kekerasan 1-4 di bawah tingkat kabupaten ditampilkan <5 (metrics.md bagian 7).",
    }


def netralkan_ekspor(df: pd.DataFrame, pengguna: Pengguna | None = None, tanggal_data: date | str | None = None,
                     waktu: datetime | None = None) -> pd.DataFrame:
    """A table fit to leave the app as a file: identity columns (NIK, No KK, ...) dropped, every text cell and
    column name that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
    return) prefixed with an apostrophe, and `attrs["metadata_ekspor"]` set (`metadata_ekspor`) for the writer."""
    from akses.privasi import _KOLOM_IDENTITAS
    from pipelines.enums import normalkan

    kolom = [k for k in df.columns if not _KOLOM_IDENTITAS.match(normalkan(str(k)).removeprefix("isi_"))]
    keluar = df[kolom].copy()
    for k in keluar.columns:
        if keluar[k].dtype == object or pd.api.types.is_string_dtype(keluar[k]):
            keluar[k] = keluar[k].map(_netral).astype(object)
    keluar.columns = [_netral(str(k)) for k in keluar.columns]
    keluar.attrs = {"metadata_ekspor": metadata_ekspor(pengguna, tanggal_data, waktu)}
    return keluar


def ekspor_csv(df: pd.DataFrame) -> bytes:
    """A neutralised table (`netralkan_ekspor`) as CSV bytes (UTF-8 with BOM): the metadata as `# kunci: nilai`
    lines, then the header and the rows."""
    meta = df.attrs.get("metadata_ekspor", {})
    kepala = "".join(f"# {k}: {_netral(str(v))}\n" for k, v in meta.items())
    return (kepala + df.to_csv(index=False, lineterminator="\n")).encode("utf-8-sig")
