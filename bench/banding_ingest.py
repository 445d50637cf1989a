"""Old vs new ingest output, file by file: 0 differences is the bar for a change to the readers or validators.

    python bench/banding_ingest.py --kode-lama <copy of the older tree, e.g. from git archive> FILE_OR_FOLDER ...
    python bench/banding_ingest.py --kode-lama <older tree> --tepi        # also the generated edge-case CSVs

Each side runs in a child process that imports its own tree's `pipelines` (PYTHONPATH) and calls the per-file
step of the ingest (`ingest._lembar`: read, find the header, classify rows, validate, pseudonymise) with the same
context: Kabupaten Jombang (35.17), a fixed key, a fixed load day. Compared per file and sheet: the load summary
(kind, rows read/loaded/quarantined/skipped, warnings by type, dropped and ignored columns, error message), every
loaded row (each cell by its repr, so 1, 1.0, "1" and None stay apart, pseudonyms included), the Arrow type each
loaded column is inserted with (a column of None only matches any type), every quarantined row (row number,
reason, cells) and every warning (row, kind, column, message).
The new side also says how the file was read: a CSV by DuckDB (`csv_cepat`) or `csv.reader`, a Parquet case
register as Arrow columns (`cari_tabel_arrow`) or row by row.

`--tepi` writes CSVs of the cases where DuckDB and `csv.reader` can disagree (BOM, `;`/tab/`|`, quoted fields
with line breaks and delimiters, ragged rows, blank lines, Windows-1252, title rows, JUMLAH and column-number rows,
repeated headers, quotes inside fields or after a space, CRLF, no final newline) and compares them too.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parents[1]
HARI = date(2025, 5, 20)
KUNCI = "kunci-banding"


def anak(keluaran: str, daftar: list[str]) -> None:
    """Child: `_lembar` of each file with this tree's pipelines; results pickled to `keluaran`."""
    from akses import muat_kunci
    from pipelines import ingest
    from pipelines.baca.berkas import kumpulkan_berkas
    from pipelines.konfigurasi import FOLDER_REFERENSI, Konfigurasi
    from pipelines.validasi.umum import Konteks
    from pipelines.wilayah import muat_wilayah

    k = Konfigurasi(gudang=Path(tempfile.gettempdir()) / "banding.duckdb", kabupaten=("35.17",),
                    berkas_kunci=Path(tempfile.gettempdir()) / "banding.kunci", kunci=KUNCI,
                    folder_referensi=FOLDER_REFERENSI)
    konteks = Konteks(muat_wilayah(FOLDER_REFERENSI, k.kabupaten), muat_kunci(k), HARI)
    try:
        from pipelines.baca import csv_cepat
    except ImportError:  # the older tree
        csv_cepat = None  # type: ignore[assignment]
    hasil: dict[str, Any] = {}
    for jalur in kumpulkan_berkas([Path(d) for d in daftar]):
        siap = ingest._lembar(jalur, None, konteks, "0" * 64, False)
        lembar = []
        for s in siap:
            r = s.ringkasan.ke_json()
            isi: dict[str, Any] = {"ringkasan": r}
            if s.hasil is not None:
                d = s.hasil.dimuat
                if hasattr(d, "column_names"):  # an Arrow table, inserted as it is
                    tabel: Any = d
                    isi["dimuat"] = {c: [repr(v) for v in d.column(c).to_pylist()] for c in d.column_names}
                else:  # a DataFrame, inserted through `_sebagai_arrow`
                    tabel = ingest._sebagai_arrow(d)
                    isi["dimuat"] = {c: [repr(v) for v in d[c].tolist()] for c in d.columns}
                isi["kolom"] = {c: _tipe(tabel.schema.field(c).type) if hasattr(tabel, "schema") else "objek"
                                for c in isi["dimuat"]}
                isi["karantina"] = s.hasil.karantina
                isi["peringatan"] = s.hasil.peringatan
                isi["dilewati"] = s.hasil.dilewati
            lembar.append(isi)
        jalan = None
        if csv_cepat is not None and jalur.suffix.lower() in {".csv", ".txt", ".tsv"}:
            jalan = "duckdb" if csv_cepat.baca(jalur) is not None else "csv.reader"
        elif jalur.suffix.lower() == ".parquet" and (
                baca_arrow := getattr(ingest, "_parquet_kolom", getattr(ingest, "_parquet_kasus", None))):
            jalan = "arrow" if baca_arrow(jalur, None, None) is not None else "baris"
        hasil[str(jalur)] = {"lembar": lembar, "jalan": jalan}
    Path(keluaran).write_bytes(pickle.dumps(hasil))


def _tipe(tipe: Any) -> str:
    """The type of an Arrow column as inserted (a dictionary-encoded column: its values' type)."""
    return str(getattr(tipe, "value_type", tipe))


def _jalankan(pohon: Path, daftar: list[str], keluaran: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(pohon)}
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "anak", str(keluaran), *daftar], env=env,
                   cwd=pohon, check=True)
    hasil: dict[str, Any] = pickle.loads(keluaran.read_bytes())
    return hasil


def _beda(a: Any, b: Any, jalan: str = "") -> list[str]:
    """Paths where two nested values differ (the first few per list)."""
    if isinstance(a, dict) and isinstance(b, dict):
        keluar = [f"{jalan}: kunci {sorted(set(a) ^ set(b))}"] if set(a) != set(b) else []
        for k in a.keys() & b.keys():
            keluar += _beda(a[k], b[k], f"{jalan}.{k}")
        return keluar
    if isinstance(a, list) and isinstance(b, list):
        keluar = [f"{jalan}: panjang {len(a)} != {len(b)}"] if len(a) != len(b) else []
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            keluar += _beda(x, y, f"{jalan}[{i}]")
            if len(keluar) > 5:
                break
        return keluar
    return [] if a == b else [f"{jalan}: {a!r} != {b!r}"[:300]]


def tulis_tepi(folder: Path) -> list[Path]:
    """CSV files of the cases where DuckDB and `csv.reader` may disagree (see the module docstring)."""
    h = "no_registrasi;tanggal_lapor;kode_desa;kategori;nik;Nama Pelapor;umur"
    b = ["A-1;02/03/2025;35.17.01.2001;PKH;3517014506800001;Budi;40",
         "A-2;3 Maret 2025;3517012002;Lansia;3517 0145 0680 0002;Sari;",
         "A-3;2025-03-04;35.17.01.2001;kip;;Ani;130"]
    kasus: dict[str, tuple[str, str]] = {
        "bersih.csv": ("\n".join([h, *b]) + "\n", "utf-8"),
        "bom.csv": ("\n".join([h, *b]) + "\n", "utf-8-sig"),
        "koma.csv": ("\n".join(r.replace(";", ",") for r in [h, *b]) + "\n", "utf-8"),
        "tab.csv": ("\n".join(r.replace(";", "\t") for r in [h, *b]) + "\n", "utf-8"),
        "pipa.csv": ("\n".join(r.replace(";", "|") for r in [h, *b]) + "\n", "utf-8"),
        "crlf_tanpa_akhir.csv": ("\r\n".join([h, *b]), "utf-8"),
        "judul.csv": ("\n".join(["LAPORAN PUSKESOS DESA", "Bulan: Maret", h, *b]) + "\n", "utf-8"),
        "judul_program.csv": ("\n".join(["Jenis Bantuan: PKH", "no_kk;periode;kode_desa;nik",
                                         "3517010101010001;2025-03;35.17.01.2001;3517014506800001",
                                         "3517010101010002;Maret 2025;35.17.01.2001;"]) + "\n", "utf-8"),
        "kosong.csv": ("\n".join([h, b[0], "", b[1], ";;;;;;", b[2], "", ""]) + "\n", "utf-8"),
        "kurang_lebih.csv": ("\n".join([h, b[0], "A-9;01/03/2025", b[1] + ";lebih;lagi", b[2]]) + "\n", "utf-8"),
        "kurang.csv": ("\n".join([h, b[0], "A-9;01/03/2025", "A-10", b[2]]) + "\n", "utf-8"),
        "jumlah.csv": ("\n".join([h, "1;2;3;4;5;6;7", *b, h, "JUMLAH;;;;;;3", ";Total;;;;;"]) + "\n", "utf-8"),
        "kutip_baris.csv": ("\n".join([h, b[0], 'A-5;01/03/2025;35.17.01.2001;"PKH\ndan KIP";;"Budi\n";1', b[2]])
                            + "\n", "utf-8"),
        "kutip_pemisah.csv": ("\n".join([h, 'A-6;"01/03/2025";"35.17.01.2001";"Lansia; Disabilitas";"";"x"";y";5',
                                         *b]) + "\n", "utf-8"),
        "kutip_tengah.csv": ("\n".join([h, 'A-7;01/03/2025;35.17.01.2001;PK"H;;Bu"di;5', *b]) + "\n", "utf-8"),
        "kutip_spasi.csv": ("\n".join([h, 'A-8; "01/03/2025";35.17.01.2001;PKH;;x;5', *b]) + "\n", "utf-8"),
        "kutip_lanjut.csv": ("\n".join([h, 'A-8;"01/03"/2025;35.17.01.2001;PKH;;x;5', *b]) + "\n", "utf-8"),
        "cp1252.csv": ("\n".join([h, b[0].replace("Budi", "Caf\u00e9 \u201cB\u201d"), *b[1:]]) + "\n", "cp1252"),
        "cr_saja.csv": ("\r".join([h, *b]) + "\r", "utf-8"),
        "rumus.csv": ("\n".join([h, "=HYPERLINK(x);01/03/2025;35.17.01.2001;PKH;;a;1", *b]) + "\n", "utf-8"),
        "nihil_desa_nama.csv": ("\n".join(["tgl lapor;desa;kecamatan;jenis layanan;no reg",
                                           "05/03/2025;Ds. Jantiganggong;Perak;nihil;",
                                           "05/03/2025;SUMBREJO;Kabuh;PKH;R-1",
                                           "05/03/2025;Jantiganggong;;PKH;R-2"]) + "\n", "utf-8"),
    }
    folder.mkdir(parents=True, exist_ok=True)
    jalur = []
    for nama, (teks, kode) in kasus.items():
        p = folder / nama
        p.write_bytes(teks.encode(kode))
        jalur.append(p)
    return jalur


def main(argv: list[str] | None = None) -> int:
    if argv is None and len(sys.argv) > 2 and sys.argv[1] == "anak":
        anak(sys.argv[2], sys.argv[3:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kode-lama", type=Path, required=True)
    ap.add_argument("--tepi", action="store_true")
    ap.add_argument("jalur", nargs="*")
    a = ap.parse_args(argv)
    daftar = [str(Path(p).resolve()) for p in a.jalur]
    with tempfile.TemporaryDirectory() as tmp:
        if a.tepi:
            daftar += [str(p) for p in tulis_tepi(Path(tmp) / "tepi")]
        lama = _jalankan(a.kode_lama.resolve(), daftar, Path(tmp) / "lama.pkl")
        baru = _jalankan(AKAR, daftar, Path(tmp) / "baru.pkl")
    jumlah_beda = 0
    for berkas in sorted(lama.keys() | baru.keys()):
        if berkas not in lama or berkas not in baru:
            print(f"{berkas}: hanya di satu sisi")
            jumlah_beda += 1
            continue
        for x, y in zip(lama[berkas]["lembar"], baru[berkas]["lembar"], strict=False):
            for c in set(x.get("kolom", {})) & set(y.get("kolom", {})):  # a column of None only: any type
                if "null" in (x["kolom"][c], y["kolom"][c]):
                    x["kolom"][c] = y["kolom"][c]
        beda = _beda(lama[berkas]["lembar"], baru[berkas]["lembar"])
        jumlah_beda += len(beda)
        ringkas = [(x["ringkasan"]["baris_dimuat"], x["ringkasan"]["baris_dikarantina"],
                    x["ringkasan"]["baris_dilewati"]) for x in baru[berkas]["lembar"]]
        print(f"{Path(berkas).name}: {'SAMA' if not beda else f'{len(beda)} BEDA'} (jalan baru: "
              f"{baru[berkas]['jalan']}; dimuat/dikarantina/dilewati {ringkas})")
        for b in beda[:10]:
            print("   ", b)
    print(json.dumps({"berkas": len(baru), "beda": jumlah_beda}))
    return 1 if jumlah_beda else 0


if __name__ == "__main__":
    sys.exit(main())
