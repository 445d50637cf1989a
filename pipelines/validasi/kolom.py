"""Column rules shared by every kind: places, dates, identifiers, numbers, yes/no.

Each rule reads one canonical column of a sheet as a `Faktor` (a code per row into its distinct values), parses
every distinct value once, records quarantine reasons or warnings in the `Pencatat`, and returns the parsed column
as a `Faktor`; the `pd.Series` forms (`resolusi_tempat`, `tanggal_kolom`, ...) serve the kinds validated row-wise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from akses import periksa_kk, periksa_nik, pseudonim_banyak
from pipelines.baca import nilai
from pipelines.validasi.umum import Faktor, Konteks, Pencatat, kolom_atau_kosong, objek

TANGGAL_AWAL_WAJAR = date(2015, 1, 1)
URUTAN_TANGGAL = ("tanggal_lapor", "tanggal_rujuk", "tanggal_respon", "tanggal_selesai")


def _faktor(data: pd.DataFrame, kolom: str) -> Faktor:
    return Faktor.dari_seri(kolom_atau_kosong(data, kolom))


def resolusi_tempat(p: Pencatat, data: pd.DataFrame, konteks: Konteks) -> pd.Series:
    """Desa code per row from code or names (`resolusi_tempat_faktor`)."""
    return resolusi_tempat_faktor(p, _faktor(data, "kode_desa"), _faktor(data, "nama_desa"),
                                  _faktor(data, "nama_kecamatan"), konteks).seri(data.index)


def resolusi_tempat_faktor(p: Pencatat, kode: Faktor, desa: Faktor, kec: Faktor, konteks: Konteks) -> Faktor:
    """Desa code per row from code or names; unresolved rows are quarantined, fuzzy matches warned.

    Resolved once per distinct (code, desa, kecamatan) cell triple; triples equal as tuples share the result of
    the first one met."""
    w = konteks.wilayah

    def resolusi(k: tuple[Any, Any, Any]) -> tuple[str | None, str | None, bool]:
        hasil = w.dari_kode(k[0])
        if hasil is not None and (hasil.kode_desa is not None or nilai.teks(k[1]) is None):
            return hasil.kode_desa, hasil.alasan, False
        h = w.dari_nama(nilai.teks(k[1]), nilai.teks(k[2]))
        if h.kode_desa is None and hasil is not None:
            return None, f"{hasil.alasan}; {h.alasan}", False
        return h.kode_desa, h.alasan, h.fuzzy

    bagian = [kode, desa, kec]
    gabung = kode.kode
    for f in bagian[1:]:
        gabung = pd.factorize(gabung * max(f.jumlah_unik, 1) + f.kode)[0].astype(np.int64, copy=False)
    _, pertama = np.unique(gabung, return_index=True)  # codes come in order of first appearance
    wakil: dict[tuple[Any, Any, Any], tuple[str | None, str | None, bool]] = {}
    hasil_unik = []
    for r in pertama.tolist():
        t = (kode.nilai(r), desa.nilai(r), kec.nilai(r))
        if t not in wakil:
            wakil[t] = resolusi(t)
        hasil_unik.append(wakil[t])
    kode_desa = Faktor(gabung, objek([h[0] for h in hasil_unik]))
    tak_dikenal = kode_desa.tanda([h[0] is None for h in hasil_unik])
    fuzzy = kode_desa.tanda([h[0] is not None and h[2] for h in hasil_unik])
    for i in np.flatnonzero(tak_dikenal | fuzzy).tolist():
        kode_desa_i, alasan, _ = hasil_unik[gabung[i]]
        if kode_desa_i is None:
            p.karantina(i, alasan or "Desa tidak dapat dikenali")
        else:
            p.peringatkan(i, "nama_desa_mirip", "nama_desa",
                          f'Desa "{nilai.teks(desa.nilai(i))}" dicocokkan ke {w.desa[kode_desa_i].nama} '
                          f"({kode_desa_i}) karena ejaannya mirip; periksa atau tambahkan ke alias_desa.csv")
    return kode_desa


def tanggal_kolom(p: Pencatat, data: pd.DataFrame, kolom: str, konteks: Konteks, *, wajib: bool) -> pd.Series:
    """Parse a date column (`tanggal_faktor`)."""
    return tanggal_faktor(p, _faktor(data, kolom), kolom, konteks, wajib=wajib).seri(data.index)


def tanggal_faktor(p: Pencatat, mentah: Faktor, kolom: str, konteks: Konteks, *, wajib: bool) -> Faktor:
    """Parse a date column; an unreadable required date quarantines, an optional one is dropped with a warning."""
    unik = mentah.unik
    tanggal_unik = objek([nilai.tanggal(v) for v in unik])
    hasil = mentah.ganti(tanggal_unik)
    kosong_unik = [t is None for t in nilai.teks_banyak(unik)]
    kosong = mentah.tanda(kosong_unik)
    rusak = mentah.tanda([d is None and not k for d, k in zip(tanggal_unik, kosong_unik, strict=True)])
    if wajib:
        p.karantina_jika(kosong, f"Kolom {kolom} kosong")
        p.karantina_jika(rusak, lambda i: f'{kolom} "{nilai.teks(mentah.nilai(i))}" bukan tanggal yang sah '
                                          "(tulis hari/bulan/tahun, mis. 12/03/2025)")
    else:
        p.peringatkan_jika(rusak, "tanggal_tidak_valid", kolom,
                           lambda i: f'{kolom} "{nilai.teks(mentah.nilai(i))}" bukan tanggal yang sah; dikosongkan')
    batas_atas = konteks.hari_ini + timedelta(days=1)
    luar = mentah.tanda([d is not None and (d > batas_atas or d < TANGGAL_AWAL_WAJAR) for d in tanggal_unik])
    p.peringatkan_jika(luar, "tanggal_di_luar_rentang", kolom,
                       lambda i: f"{kolom} {hasil.nilai(i)} di masa depan atau sebelum 2015; periksa kembali")
    if kolom == "tanggal_kirim":  # a future send date would move the data date; the load date is used instead
        hasil = mentah.ganti(objek([None if d is not None and d > batas_atas else d for d in tanggal_unik]))
    return hasil


def _ordinal(f: Faktor) -> np.ndarray:
    """Day numbers per row of a column of dates and None (-1 for None)."""
    return np.array([-1 if v is None else v.toordinal() for v in f.unik], dtype=np.int64)[f.kode] \
        if len(f.kode) else np.zeros(0, dtype=np.int64)


def urutkan_tanggal(p: Pencatat, tanggal: dict[str, Faktor]) -> None:
    """tanggal_lapor <= tanggal_rujuk <= tanggal_respon <= tanggal_selesai: an earlier later date is dropped."""
    terakhir = _ordinal(tanggal["tanggal_lapor"])
    for kolom in URUTAN_TANGGAL[1:]:
        f = tanggal[kolom]
        b = _ordinal(f)
        salah = (terakhir >= 0) & (b >= 0) & (b < terakhir)

        def pesan(i: int, k: str = kolom, f: Faktor = f, t: np.ndarray = terakhir) -> str:
            return f"{k} {f.nilai(i)} lebih awal dari tanggal sebelumnya ({date.fromordinal(int(t[i]))}); dikosongkan"

        p.peringatkan_jika(salah, "urutan_tanggal", kolom, pesan)
        tanggal[kolom] = f.kosongkan(salah)
        terakhir = np.where((b >= 0) & ~salah, b, terakhir)


_POLA_ID_CEPAT = r"^ *'?[0-9 .\-]+ *$"
"""A NIK/KK cell that plainly is digits with spaces, dots or dashes (RE2): the short path may read it."""


def _id_cepat(unik: np.ndarray, kode_kecamatan: frozenset[str] | None, teks_id: pa.Array | None = None
              ) -> pa.Array:
    """The normalised 16 digits of each distinct NIK (with `kode_kecamatan`) or No KK cell that passes every check
    of `periksa_nik`/`periksa_kk`, computed column-wise by Arrow (a string array as long as `unik`); null for any
    other cell (empty, invalid, a number, an unusual spelling), which the caller checks one by one with the full
    rules and their reasons. `teks_id`: `unik` already as Arrow text, when it is all text or None (`unik` is then
    not read)."""
    try:  # text and None only (a CSV): straight to Arrow
        teks_id = teks_id if teks_id is not None else pa.array(unik, type=pa.string())
        posisi = None
    except (pa.ArrowException, TypeError, ValueError):
        posisi = np.array([i for i, v in enumerate(unik) if type(v) is str], dtype=np.int64)
        teks_id = pa.array([unik[i] for i in posisi.tolist()], type=pa.string())
    digit = pc.replace_substring_regex(teks_id, r"[ .\-']", "")
    sah = pc.and_(pc.match_substring_regex(teks_id, _POLA_ID_CEPAT), pc.equal(pc.utf8_length(digit), 16))
    if kode_kecamatan is None:
        sah = pc.and_(sah, pc.not_equal(digit, "0" * 16))
    else:
        hari = pc.utf8_slice_codeunits(digit, 6, 8)
        bulan = pc.utf8_slice_codeunits(digit, 8, 10)
        sah = pc.and_(sah, pc.is_in(pc.utf8_slice_codeunits(digit, 0, 6),
                                    value_set=pa.array(sorted(kode_kecamatan), type=pa.string())))
        sah = pc.and_(sah, pc.or_(pc.and_(pc.greater_equal(hari, "01"), pc.less_equal(hari, "31")),
                                  pc.and_(pc.greater_equal(hari, "41"), pc.less_equal(hari, "71"))))
        sah = pc.and_(sah, pc.and_(pc.greater_equal(bulan, "01"), pc.less_equal(bulan, "12")))
        sah = pc.and_(sah, pc.not_equal(pc.utf8_slice_codeunits(digit, 12, 16), "0000"))
    sah_digit = pc.if_else(pc.fill_null(sah, False), digit, pa.scalar(None, pa.string()))
    if posisi is None:
        return sah_digit
    penuh = np.full(len(unik), -1, dtype=np.int64)  # -1: not text, null
    penuh[posisi] = np.arange(len(posisi))
    return sah_digit.take(pa.array(penuh, mask=penuh < 0))


def periksa_id(mentah: Faktor, kode_kecamatan: frozenset[str] | None) -> tuple[pa.Array, dict[int, str]]:
    """(normalised identifier per distinct cell (null when empty or invalid), reason per distinct invalid cell) of a
    NIK or No KK column. Cells the short path (`_id_cepat`) does not pass get the full rules."""
    teks_id = mentah.teks_arrow()
    normal = _id_cepat(mentah.unik if teks_id is None else np.empty(0, dtype=object), kode_kecamatan, teks_id)
    return aturan_penuh(mentah, normal, (lambda v: periksa_nik(v, kode_kecamatan)) if kode_kecamatan is not None
                        else periksa_kk)


def aturan_penuh(mentah: Faktor, normal: pa.Array, aturan: Callable[[Any], tuple[str | None, str | None]]
                 ) -> tuple[pa.Array, dict[int, str]]:
    """The distinct cells a short path left null in `normal` through the full rule `aturan` (cell -> (normal value,
    reason)): (`normal` completed, reason per distinct invalid cell)."""
    lambat = np.flatnonzero(np.asarray(normal.is_null().to_numpy(zero_copy_only=False), dtype=bool))
    alasan: dict[int, str] = {}
    ganti: list[str] = []
    posisi_ganti: list[int] = []
    for i, v in zip(lambat.tolist(), mentah.nilai_unik(lambat), strict=True):
        n, a = aturan(v)
        if a is not None:
            alasan[i] = a
        if n:
            n.encode("ascii")  # as `pseudonim`: an identifier of non-ASCII digits raises, as it always did
            ganti.append(n)
            posisi_ganti.append(i)
    if ganti:
        topeng = np.zeros(len(normal), dtype=bool)
        topeng[posisi_ganti] = True
        normal = pc.replace_with_mask(normal, pa.array(topeng), pa.array(ganti, type=pa.string()))
    return normal, alasan


def samaran(kunci: bytes, normal: pa.Array) -> pa.Array:
    """HMAC-SHA256 hex (`akses.pseudonim`) of each text of `normal`, null for null, as an Arrow string array
    (`pseudonim_banyak`: the same bytes as `hmac`, at half its cost per identifier)."""
    return pa.array(pseudonim_banyak(kunci, normal.to_pylist()), type=pa.string())


def identitas(p: Pencatat, data: pd.DataFrame, konteks: Konteks) -> tuple[pd.Series, pd.Series]:
    """`identitas_faktor` of a sheet's `nik` and `no_kk` columns, as Series."""
    nik, kk = identitas_faktor(p, _faktor(data, "nik"), _faktor(data, "no_kk"), konteks)
    return nik.seri(data.index), kk.seri(data.index)


def identitas_faktor(p: Pencatat, nik: Faktor, kk: Faktor, konteks: Konteks) -> tuple[Faktor, Faktor]:
    """NIK and No KK pseudonyms; invalid identifiers are dropped with a warning, the row still loads.

    Each distinct cell is checked once (most on a column-wise short path) and pseudonymised once (`samaran`;
    two spellings of one identifier get the same pseudonym), and the pseudonyms stay per distinct cell."""
    keluar = []
    for mentah, kolom, kec, jenis, label in (
            (nik, "nik", konteks.wilayah.kode_kecamatan_nik, "nik_tidak_valid", "NIK"),
            (kk, "no_kk", None, "kk_tidak_valid", "No KK")):
        normal, alasan = periksa_id(mentah, kec)
        keluar.append(disamarkan(p, mentah, normal, alasan, konteks.kunci, jenis, kolom,
                                 f"{label} {{}}; {label} tidak disimpan".format))
    return keluar[0], keluar[1]


def disamarkan(p: Pencatat, mentah: Faktor, normal: pa.Array, alasan: dict[int, str], kunci: bytes, jenis: str,
               kolom: str, pesan: Callable[[str], str]) -> Faktor:
    """An identifier column pseudonymised per distinct cell (`samaran` of `normal`, null where it is null), after a
    warning (`jenis`, `kolom`, `pesan(reason)`) on every row whose cell has a reason in `alasan` (`periksa_id`)."""
    salah = np.zeros(len(normal), dtype=bool)
    salah[list(alasan)] = True
    p.peringatkan_jika(mentah.tanda(salah), jenis, kolom, lambda i: pesan(alasan[int(mentah.kode[i])]))
    return mentah.ganti(arrow=samaran(kunci, normal))


def angka_rentang(p: Pencatat, data: pd.DataFrame, kolom: str, bawah: int, atas: int) -> pd.Series:
    """A whole number in [bawah, atas] (`angka_rentang_faktor`)."""
    return angka_rentang_faktor(p, _faktor(data, kolom), kolom, bawah, atas).seri(data.index)


def angka_rentang_faktor(p: Pencatat, mentah: Faktor, kolom: str, bawah: int, atas: int) -> Faktor:
    """A whole number in [bawah, atas]; anything else is dropped with a warning."""
    unik = mentah.unik
    v_unik = objek([nilai.bilangan_bulat(m) for m in unik])
    salah_unik = [t is not None and (x is None or not bawah <= x <= atas)
                  for t, x in zip(nilai.teks_banyak(unik), v_unik, strict=True)]
    p.peringatkan_jika(mentah.tanda(salah_unik), "nilai_tidak_valid", kolom,
                       lambda i: f'{kolom} "{nilai.teks(mentah.nilai(i))}" di luar {bawah}-{atas}; dikosongkan')
    return mentah.ganti(objek([None if s else v for v, s in zip(v_unik, salah_unik, strict=True)]))


def ya_tidak_kolom(p: Pencatat, data: pd.DataFrame, kolom: str) -> pd.Series:
    """Yes/no (`ya_tidak_faktor`)."""
    return ya_tidak_faktor(p, _faktor(data, kolom), kolom).seri(data.index)


def ya_tidak_faktor(p: Pencatat, mentah: Faktor, kolom: str) -> Faktor:
    """Yes/no of contract section 2; anything else is dropped with a warning."""
    unik = mentah.unik
    v_unik = objek([nilai.ya_tidak(m) for m in unik])
    salah_unik = [t is not None and x is None for t, x in zip(nilai.teks_banyak(unik), v_unik, strict=True)]
    p.peringatkan_jika(mentah.tanda(salah_unik), "nilai_tidak_valid", kolom,
                       lambda i: f'{kolom} "{nilai.teks(mentah.nilai(i))}" bukan Ya/Tidak; dikosongkan')
    return mentah.ganti(objek([None if s else v for v, s in zip(v_unik, salah_unik, strict=True)]))
