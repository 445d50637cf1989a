"""The privacy rule (small cells of sensitive cases) in one place, for every table the project shows or exports.

The primary rule, `metrics.md` section 7: below kabupaten level, counts of sensitive cases (violence against women or
children, and victims of violence as target group) from 1 to 4 are shown as `<5`. Zero stays 0 and 5 or more is
shown. The complementary protection of the monthly mart (`lindungi_bulanan`) keeps the hidden values from being
worked out by subtraction:

Sensitive columns: `kasus_kekerasan_perempuan`, `kasus_kekerasan_anak` (the two violence categories) and
`kasus_sensitif` (those plus cases with a `*_korban_kekerasan` target group). Kabupaten rows are exact. Desa and
kecamatan rows of the monthly mart pass `lindungi_bulanan`, which works on the whole regency and month at once:

1. Primary. A row (one wilayah, one month) with any sensitive count from 1 to 4 is protected.
2. Whole row. In a protected row all three sensitive cells are hidden: 0 to 4 as `<5` (a true 0 too, so that a
   protected zero cannot be told from a small count) and 5 or more as `≥5`.
3. Totals without the sensitive cases (row subtraction). In every desa and kecamatan row `kasus_baru` counts only
   the cases that are not sensitive (`kasus_baru - kasus_sensitif`, `SQL_KASUS_TAMPIL`), i.e. exactly the sum of
   the other `kasus_<kategori>` cells shown (which count no sensitive case, `mart_desa_bulan`), and
   `kasus_baru_sebagian` is True where that leaves a case out or the row is protected. `kasus_baru` minus the shown
   categories gives 0, not a hidden count ("totals that exclude the sensitive categories", `metrics.md`), and no
   case count below kabupaten level depends on a sensitive case: not even on one whose category is not violence
   but whose target group is a victim of violence.
4. Parents (parent minus children, a single hidden cell in a group). For each month the kabupaten group (its
   kecamatan rows) and every kecamatan group (the kecamatan row and its desa rows) hold either no protected row or at
   least two. Missing ones are added as complementary rows: preferably a row without any sensitive case and with at
   least 4 other cases, always from a wilayah that reported cases that month (a silent or nihil desa is known to be
   0 and would hide nothing), in an order drawn from the installation's secret key (HMAC of month and code): stable
   from view to view, unpredictable for a reader.
5. Check. An attacker model per regency and month, interval propagation over every published relation (kabupaten =
   sum of kecamatan and kecamatan = sum of desa, per column and for the sums `kp + ka` and `ks - kp - ka`;
   `kp + ka <= ks`; a reporting, non-nihil row whose shown total is 0 has at least one sensitive case; a silent or
   nihil desa has none), must not pin any hidden count from 1 to 4, nor a row's `kp + ka` from 1 to 4, to its value;
   when it does, more complementary rows are added (each kept only if it lowers the number of pinned cells). Where
   no choice of rows can help (all of a month's reports came from one kecamatan, so the exact kabupaten count is
   that kecamatan's; or a regency of two kecamatan with 4 cases each), the cell is listed in
   `df.attrs["risiko_sisa"]`.
6. Months (neighbouring months). The protection of a month depends only on that month's data, not on the range
   asked for; totals over several months are built from the protected monthly cells only (`jumlah_sel`), so a
   period total minus the visible months gives back only what the hidden cells already said (`6–10`, `≤8`).

Referrals of sensitive cases or to a sensitive destination (`enums.TUJUAN_SENSITIF`) are protected in the marts
themselves: they are in no referral number of a desa or kecamatan at all (`mart_rujukan`, the `rujukan_*` columns)
and are counted for the kabupaten only (`mart_rujukan_sensitif`), so nothing below kabupaten level depends on them.

Breakdowns by target group and channel (`mart_sasaran_kanal_bulan`) are protected in the mart too: desa and
kecamatan rows count exactly the cases of the shown total (`SQL_KASUS_TAMPIL`: the cases that are not sensitive),
so each breakdown adds up to it, no subtraction against it or the cube reveals a hidden count, and no row below
kabupaten level names a victim group (checks `check_sasaran_kanal_cocok`, `check_sasaran_tanpa_korban`). The
program a case asks for (`mart_program_diminta`) and what deactivated recipients did next (`mart_program_nonaktif`)
count non-sensitive cases and referrals only, at every level.

Not protected, by design or not yet: the difference between two data versions or cut-off dates (`--per`) of the same
month; tables that are not built from protected monthly rows (cases by category of one desa: they get the primary
rule of `privasi` only); what the exact kabupaten figure itself tells when a single place
reported (flagged, see 5); knowledge from outside Pantau (a neighbour who knows of a case); the fact that a row is
protected (`<5` says "maybe a case here", as the rule intends). Zero is not protected as a value: a hidden 0 may be
pinned to 0. The attacker model is interval propagation, not an integer solver, so a pin that needs a cleverer
combination of relations could go unseen: the tests check the method with an exhaustive integer solver on hand-made
and random small regencies.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from akses.peran import tingkat_dari_kode
from pipelines.enums import TUJUAN_SENSITIF

AMBANG = 5
KOLOM_SENSITIF = ("kasus_kekerasan_perempuan", "kasus_kekerasan_anak", "kasus_sensitif")
DISEMBUNYIKAN = "<5"


def sembunyikan_sel_kecil(df: pd.DataFrame, tingkat: str) -> pd.DataFrame:
    """Replace sensitive counts 1-4 by `<5` in a desa or kecamatan table; kabupaten tables pass unchanged."""
    if tingkat == "kabupaten":
        return df
    keluar = df.copy()
    for kolom in KOLOM_SENSITIF:
        if kolom in keluar.columns:
            nilai = keluar[kolom]
            kecil = (nilai > 0) & (nilai < AMBANG)
            keluar[kolom] = nilai.astype(object).where(~kecil, DISEMBUNYIKAN)
    return keluar


# Lists of individual cases and tables by category (Profil desa, Rapat kecamatan, their exports).

KASUS_SENSITIF = "kasus sensitif"
"""What a list shows instead of the category of a sensitive case (`metrics.md` section 7)."""

KOLOM_DAFTAR_KASUS = (
    "pseudonim_kasus", "kode_desa", "nama_desa", "kode_kec", "nama_kec", "kategori", "tujuan_rujukan",
    "tanggal_mulai", "bulan_mulai", "tanggal_respon", "tanggal_selesai", "umur_hari", "sla_hari", "lewat_hari",
    "status_per", "status_sla", "terbuka", "terlambat", "tanpa_respon", "kelompok_umur",
)
"""The columns a list of cases may carry: pseudonymous id, place, category, dates, status, destination."""


def daftar_kasus_aman(df: pd.DataFrame) -> pd.DataFrame:
    """A list of cases fit to show or export: only the allowed columns (never `no_registrasi` or a NIK
    pseudonym), and the category of a sensitive case (the row's `sensitif` flag, or a sensitive category)
    replaced by `KASUS_SENSITIF`."""
    from pipelines.enums import KATEGORI_SENSITIF

    keluar = df[[k for k in df.columns if k in KOLOM_DAFTAR_KASUS]].copy()
    if "kategori" in keluar.columns:
        sensitif = keluar["kategori"].isin(KATEGORI_SENSITIF)
        if "sensitif" in df.columns:
            sensitif = sensitif | df["sensitif"].fillna(False).astype(bool)
        keluar["kategori"] = keluar["kategori"].astype(object).where(~sensitif, KASUS_SENSITIF)
    return keluar


SQL_KASUS_TAMPIL = "(kasus_baru - case when tingkat = 'kabupaten' then 0 else kasus_sensitif end)"
"""`kasus_baru` as the app shows it, for a row of `mart_wilayah_bulan`: below kabupaten level without any sensitive
case (a violence category, or a victim of violence as target group), always (`metrics.md` section 7, "totals that
exclude the sensitive categories"), so that no total, trend, map or table of a desa or kecamatan depends on a
sensitive case or can be set against its `<5` cells to work them out. Kabupaten rows are exact."""

SQL_KASUS_TAMPIL_DESA = "(kasus_baru - kasus_sensitif)"
"""The same for tables of desa rows only (`mart_desa_bulan`, desa rows of `mart_wilayah_bulan`)."""


def sel_kecil(nilai: object) -> object:
    """One sensitive count as it may be shown below kabupaten level: 1-4 become `<5`, anything else passes."""
    import numbers

    if isinstance(nilai, numbers.Real) and not isinstance(nilai, bool) and 0 < float(nilai) < AMBANG:
        return DISEMBUNYIKAN
    return nilai


# Exports of raw rows (Rujukan and Kualitas data pages).



_KOLOM_IDENTITAS = re.compile(r"^(nik|no_kk|kk|id_keluarga|nik_.*|.*_nik|nomor_kk|no_kartu_keluarga)$")


def ekspor_aman(df: pd.DataFrame) -> pd.DataFrame:
    """Rows fit to leave the app as a file: no column that names personal data or free text (the reader's own
    rule, `validasi.skema.kolom_pribadi`, for any column that is not one of the contract's own) nor an identity
    number (NIK, No KK, id_keluarga, even as "(disembunyikan)"); a column may carry an `isi_` prefix. Every text
    cell is neutralised against spreadsheet formulas (`=HYPERLINK(...)` becomes `'=HYPERLINK(...)`)."""
    from pipelines.baca.nilai import netralkan_rumus
    from pipelines.enums import normalkan
    from pipelines.validasi.skema import SEMUA_JENIS, kolom_pribadi

    kanonik = {k for j in SEMUA_JENIS.values() for k in j.kolom}  # nama_desa is a place, not a person

    def pribadi(kolom: object) -> bool:
        inti = normalkan(str(kolom)).removeprefix("isi_")
        return bool(_KOLOM_IDENTITAS.match(inti)) or (inti not in kanonik and kolom_pribadi(inti))

    keluar = df[[k for k in df.columns if not pribadi(k)]].copy()
    for kolom in keluar.columns:
        if keluar[kolom].dtype == object or pd.api.types.is_string_dtype(keluar[kolom]):
            keluar[kolom] = keluar[kolom].map(lambda v: netralkan_rumus(v) if isinstance(v, str) else v)
    return keluar


# Warehouse tables exported for roll-ups (`pantau ekspor --parquet`): the same rules, as SQL over whole tables.

KOLOM_TIDAK_DIEKSPOR = frozenset({
    "no_registrasi", "nik_pseudonim", "kk_pseudonim", "nik_krt", "nik_penerima", "id_keluarga", "id_penerima",
    "isi", "pesan", "berkas",
})
"""Columns that never leave in a warehouse export: case numbers and identity pseudonyms (a case list shows only
`pseudonim_kasus`), quarantined cell contents, warning texts (they quote cells) and file paths (`nama_berkas` stays)."""

KOLOM_TUJUAN_SENSITIF = ("rujukan", "rujukan_terbuka", "rujukan_terlambat", "rujukan_tanpa_respon",
                         "rujukan_ditolak", "desa_terlambat")
"""Counts of a per-destination table that follow the small-cell rule for a sensitive destination."""


def _literal(teks: str) -> str:
    return "'" + teks.replace("'", "''") + "'"


def sql_kolom_ekspor(kolom: list[str]) -> list[str]:
    """SELECT expressions exporting one warehouse table (its column names, in order) under this module's rules.

    Dropped: `KOLOM_TIDAK_DIEKSPOR` and whatever `ekspor_aman` drops; `no_registrasi` becomes the app's
    `pseudonim_kasus` (`pseudonim.sql_pseudonim_kasus`: keyed, the session needs `pseudonim.atur_kunci_sql`).
    Below kabupaten level (rows whose `tingkat` is not `kabupaten`, or every row of a per-desa table without
    `tingkat`), a sensitive count 1-4 becomes NULL (the export's `<5`: these counts are never NULL otherwise), and
    so do the counts 1-4 of a sensitive destination in a per-destination table. In a per-case table (one with
    `sensitif`), `kategori` and `kelompok_sasaran` of a sensitive case read `kasus sensitif`. Kabupaten rows pass
    unchanged, so roll-ups of them are exact.
    """
    from akses.pseudonim import sql_pseudonim_kasus
    from pipelines.enums import KATEGORI_SENSITIF

    boleh = set(ekspor_aman(pd.DataFrame(columns=list(kolom))).columns) - KOLOM_TIDAK_DIEKSPOR
    per_desa = "tingkat" in kolom or "kode_desa" in kolom
    di_bawah_kab = "tingkat <> 'kabupaten'" if "tingkat" in kolom else "true"
    tujuan = ", ".join(_literal(t) for t in sorted(TUJUAN_SENSITIF))
    kategori = ", ".join(_literal(k) for k in sorted(KATEGORI_SENSITIF))
    keluar = []
    for k in kolom:
        if k == "no_registrasi" and "kode_desa" in kolom and "pseudonim_kasus" not in kolom:
            # the case key as the app shows it (`int_rujukan.pseudonim_kasus`), so a case can still be followed
            keluar.append(sql_pseudonim_kasus("kode_desa", "no_registrasi") + " as pseudonim_kasus")
        if k not in boleh:
            continue
        q = f'"{k}"'
        if per_desa and k in KOLOM_SENSITIF:
            keluar.append(f"case when {di_bawah_kab} and {q} between 1 and {AMBANG - 1} then null else {q} end as {q}")
        elif per_desa and "tujuan_rujukan" in kolom and k in KOLOM_TUJUAN_SENSITIF:
            keluar.append(f"case when {di_bawah_kab} and tujuan_rujukan in ({tujuan}) and {q} between 1 and "
                          f"{AMBANG - 1} then null else {q} end as {q}")
        elif "sensitif" in kolom and k in ("kategori", "kelompok_sasaran"):
            syarat = f"coalesce(sensitif, false) or kategori in ({kategori})" if "kategori" in kolom \
                else "coalesce(sensitif, false)"
            keluar.append(f"case when {syarat} then {_literal(KASUS_SENSITIF)} else {q} end as {q}")
        else:
            keluar.append(q)
    return keluar


# Complementary protection of the monthly mart

DISEMBUNYIKAN_BESAR = f"≥{AMBANG}"
"""A hidden sensitive count of 5 or more in a protected row (`privasi.AMBANG`)."""
KOLOM_SEBAGIAN = "kasus_baru_sebagian"
"""True where `kasus_baru` of a desa or kecamatan row leaves a sensitive case out, or may (a protected row)."""

_TAK_HINGGA = 10**9


@dataclass
class _Baris:
    """One desa or kecamatan row of a regency and month, as the protection sees it."""

    pos: int
    kode: str
    tingkat: str
    induk: str
    nilai: tuple[int, int, int]  # kasus_kekerasan_perempuan, kasus_kekerasan_anak, kasus_sensitif
    lain: int  # kasus_baru minus the sensitive cases: the published total of every desa and kecamatan row
    kredibel: bool  # a reader cannot know its sensitive counts are 0 (it reported cases that month)
    ada_kasus: bool  # a reader knows it has at least one case (reported and not nihil)


def _urutan(kunci: bytes, bulan: str, kode: str) -> str:
    return hmac.new(kunci, f"akses|{bulan}|{kode}".encode(), hashlib.sha256).hexdigest()


def _turunan(nilai: tuple[int, int, int]) -> tuple[int, int, int, int, int]:
    """kp, ka, ks and two sums a reader can form from them: x = ks - kp - ka (other sensitive cases) and
    s = kp + ka (the violence cases of the row, inside `kasus_baru`)."""
    kp, ka, ks = nilai
    return kp, ka, ks, ks - kp - ka, kp + ka


KOLOM_SERANG: tuple[str, ...] = (*KOLOM_SENSITIF, "kasus_sensitif_lain", "kasus_kekerasan")
"""The cells the attacker model checks: the three sensitive columns, then the two sums of `_turunan`."""


def _serang(baris: list[_Baris], tersembunyi: set[str], total: tuple[int, int, int]) -> list[tuple[str, int]]:
    """The attacker model: bounds that every published relation implies for the hidden cells, tightened until
    nothing changes. Besides kp, ka and ks it tracks x = ks - kp - ka and s = kp + ka of every hidden row, with their
    own kabupaten and kecamatan sums, so that differences of whole columns (ks - kp over a group) are seen too.
    Returns the hidden cells (code, index into `KOLOM_SERANG`) whose count 1-4 is pinned to one value."""
    sembunyi = [b for b in baris if b.kode in tersembunyi]
    total5 = _turunan(total)
    var: dict[tuple[str, int], int] = {}
    lo: list[int] = []
    hi: list[int] = []
    for b in sembunyi:
        for j in range(5):
            var[(b.kode, j)] = len(lo)
            if not b.kredibel:
                lo.append(0)
                hi.append(0)
            elif j >= 3:
                lo.append(0)
                hi.append(_TAK_HINGGA)
            elif b.nilai[j] < AMBANG:
                # a reporting, non-nihil row whose shown total is 0 has at least one sensitive case
                lo.append(1 if j == 2 and b.ada_kasus and b.lain == 0 else 0)
                hi.append(AMBANG - 1)
            else:
                lo.append(AMBANG)
                hi.append(max(total[j], AMBANG))
    kendala: list[tuple[list[tuple[int, int]], int, int]] = []
    kec = [b for b in baris if b.tingkat == "kecamatan"]
    desa_per_kec: dict[str, list[_Baris]] = defaultdict(list)
    for b in baris:
        if b.tingkat == "desa":
            desa_per_kec[b.induk].append(b)
    for j in range(5):
        suku = [(var[(k.kode, j)], 1) for k in kec if k.kode in tersembunyi]
        tetap = sum(_turunan(k.nilai)[j] for k in kec if k.kode not in tersembunyi)
        if suku:
            kendala.append((suku, total5[j] - tetap, total5[j] - tetap))
        for k in kec:
            suku = [(var[(k.kode, j)], 1)] if k.kode in tersembunyi else []
            tetap = 0 if k.kode in tersembunyi else _turunan(k.nilai)[j]
            for d in desa_per_kec[k.kode]:
                if d.kode in tersembunyi:
                    suku.append((var[(d.kode, j)], -1))
                else:
                    tetap -= _turunan(d.nilai)[j]
            if suku:
                kendala.append((suku, -tetap, -tetap))
    for b in sembunyi:
        p, a, s, x, jumlah = (var[(b.kode, j)] for j in range(5))
        kendala.append(([(s, 1), (p, -1), (a, -1), (x, -1)], 0, 0))
        kendala.append(([(jumlah, 1), (p, -1), (a, -1)], 0, 0))
        kendala.append(([(jumlah, 1), (s, -1), (x, 1)], 0, 0))  # the same sums, combined: kp + ka = ks - x
    for _ in range(1000):
        berubah = False
        for suku, c_lo, c_hi in kendala:
            mins = [lo[v] if c > 0 else -hi[v] for v, c in suku]
            maxs = [hi[v] if c > 0 else -lo[v] for v, c in suku]
            s_min, s_max = sum(mins), sum(maxs)
            for (v, c), mn, mx in zip(suku, mins, maxs, strict=True):
                bawah, atas = c_lo - (s_max - mx), c_hi - (s_min - mn)
                if c < 0:
                    bawah, atas = -atas, -bawah
                if bawah > lo[v]:
                    lo[v], berubah = bawah, True
                if atas < hi[v]:
                    hi[v], berubah = atas, True
        if not berubah:
            break
    return [(b.kode, j) for b in sembunyi for j in (0, 1, 2, 4)
            if lo[var[(b.kode, j)]] == hi[var[(b.kode, j)]] and sel_kecil(_turunan(b.nilai)[j]) == DISEMBUNYIKAN]


def _lindungi_kelompok(baris: list[_Baris], total: tuple[int, int, int], kunci: bytes,
                       bulan: str) -> tuple[set[str], list[tuple[str, int]]]:
    """The protected rows of one regency and month (steps 1, 4 and 5 of the method), and the cells left at risk.
    The outcome depends on the rows and the key only, not on their order."""
    baris = sorted(baris, key=lambda b: b.kode)
    per_kode = {b.kode: b for b in baris}
    kec = [b for b in baris if b.tingkat == "kecamatan"]
    desa_per_kec: dict[str, list[_Baris]] = defaultdict(list)
    for b in baris:
        if b.tingkat == "desa":
            desa_per_kec[b.induk].append(b)
    tersembunyi: set[str] = {b.kode for b in baris if any(sel_kecil(v) == DISEMBUNYIKAN for v in b.nilai)}
    if not tersembunyi:
        return tersembunyi, []

    def kunci_pilih(b: _Baris) -> tuple[int, int, str]:
        return (0 if sum(b.nilai) == 0 else 1, 0 if b.lain >= AMBANG - 1 else 1, _urutan(kunci, bulan, b.kode))

    def pilih(calon: list[_Baris], sudah: set[str]) -> str | None:
        calon = [b for b in calon if b.kode not in sudah and b.kredibel]
        return min(calon, key=kunci_pilih).kode if calon else None

    def tutup(sudah: set[str]) -> set[str]:
        """Step 4: add complementary rows until no group holds exactly one protected row (where possible)."""
        sudah = set(sudah)
        berubah = True
        while berubah:
            berubah = False
            if sum(k.kode in sudah for k in kec) == 1 and (kode := pilih(kec, sudah)):
                sudah.add(kode)
                berubah = True
            for k in kec:
                n = (k.kode in sudah) + sum(d.kode in sudah for d in desa_per_kec[k.kode])
                if n != 1:
                    continue
                kode = pilih(desa_per_kec[k.kode], sudah)
                if kode is None and k.kode not in sudah and k.kredibel:
                    kode = k.kode
                if kode:
                    sudah.add(kode)
                    berubah = True
        return sudah

    tersembunyi = tutup(tersembunyi)
    bocor = _serang(baris, tersembunyi, total)
    # Step 5: while the attacker pins a count, try one more complementary row in a group of a pinned cell; keep it
    # only when it lowers the number of pinned cells.
    while bocor:
        calon: list[str] = []
        for kode, _j in bocor:
            b = per_kode[kode]
            if b.tingkat == "desa":
                calon += [pilih(desa_per_kec[b.induk], tersembunyi) or "", b.induk]
            else:
                calon += [pilih(kec, tersembunyi) or "", pilih(desa_per_kec[b.kode], tersembunyi) or ""]
        lebih_baik = None
        for kode in dict.fromkeys(c for c in calon if c and c not in tersembunyi and per_kode[c].kredibel):
            coba = tutup(tersembunyi | {kode})
            hasil = _serang(baris, coba, total)
            if len(hasil) < len(bocor):
                lebih_baik = (coba, hasil)
                break
        if lebih_baik is None:
            break
        tersembunyi, bocor = lebih_baik
    return tersembunyi, bocor


def _angka(nilai: object) -> int:
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)) or (isinstance(nilai, float) and
                                                                          not nilai.is_integer()):
        raise ValueError(f"lindungi_bulanan butuh angka asli, bukan {nilai!r} (tabel sudah disamarkan?).")
    return int(nilai)


def lindungi_bulanan(df: pd.DataFrame, kunci: bytes) -> pd.DataFrame:
    """The monthly mart as it may be shown: desa and kecamatan rows protected as the module docstring describes,
    kabupaten rows unchanged, a `kasus_baru_sebagian` column after `kasus_baru`.

    `df` holds the RAW counts of every desa and kecamatan (kabupaten rows optional) of the configured regencies for
    the months wanted (`kode_wilayah`, `bulan`, `kasus_baru`, the sensitive columns; `desa_melapor` and `desa_nihil`
    when present tell which rows a reader knows to be 0). A partial table would give another pattern than the full
    one, so the kecamatan rows must equal the sum of their desa (checked). `kunci` is the installation's secret key
    (`pseudonim.muat_kunci`). Cells a reader could still work out are listed in `attrs["risiko_sisa"]` as
    `(bulan, kode_wilayah, kolom)`, `kolom` a sensitive column or `kasus_kekerasan` (the row's kp + ka)."""
    wajib = ["kode_wilayah", "bulan", "kasus_baru", *KOLOM_SENSITIF]
    hilang = [k for k in wajib if k not in df.columns]
    if hilang:
        raise ValueError(f"lindungi_bulanan butuh kolom {', '.join(hilang)}.")
    keluar = df.copy().reset_index(drop=True)
    tingkat = keluar["kode_wilayah"].map(tingkat_dari_kode)
    bulan = keluar["bulan"].astype(str)
    nilai = {k: [_angka(v) for v in keluar[k]] for k in (*KOLOM_SENSITIF, "kasus_baru")}
    melapor = keluar["desa_melapor"].tolist() if "desa_melapor" in keluar.columns else None
    nihil = keluar["desa_nihil"].tolist() if "desa_nihil" in keluar.columns else None

    kelompok: dict[tuple[str, str], list[_Baris]] = defaultdict(list)
    total_kab: dict[tuple[str, str], tuple[int, int, int]] = {}
    for i, (kode, t, b) in enumerate(zip(keluar["kode_wilayah"], tingkat, bulan, strict=True)):
        trio = (nilai[KOLOM_SENSITIF[0]][i], nilai[KOLOM_SENSITIF[1]][i], nilai[KOLOM_SENSITIF[2]][i])
        if t == "kabupaten":
            total_kab[(kode, b)] = trio
            continue
        lain = nilai["kasus_baru"][i] - trio[2]
        tahu_nol = False
        ada_kasus = False
        if t == "desa" and melapor is not None and nihil is not None:
            tahu_nol = nilai["kasus_baru"][i] == 0 and (int(melapor[i]) == 0 or int(nihil[i]) == 1)
            ada_kasus = int(melapor[i]) == 1 and int(nihil[i]) == 0
        kelompok[(kode[:5], b)].append(_Baris(i, kode, t, kode[:8] if t == "desa" else kode[:5], trio, lain,
                                              not tahu_nol, ada_kasus))

    risiko: list[tuple[str, str, str]] = []
    tersembunyi_semua: list[int] = []
    for (kab, b), baris in kelompok.items():
        kec = {x.kode: x for x in baris if x.tingkat == "kecamatan"}
        jumlah: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in kec}
        for x in baris:
            if x.tingkat != "desa":
                continue
            if x.induk not in jumlah:
                raise ValueError(f"lindungi_bulanan butuh baris kecamatan {x.induk} untuk {x.kode} ({b}).")
            for j in range(3):
                jumlah[x.induk][j] += x.nilai[j]
            jumlah[x.induk][3] += x.lain
        for k, x in kec.items():
            if [*x.nilai, x.lain] != jumlah[k]:
                raise ValueError(f"lindungi_bulanan butuh semua desa dan kecamatan: kecamatan {k} ({b}) tidak sama "
                                 "dengan jumlah desanya.")
            x.kredibel = any(d.kredibel for d in baris if d.induk == k)
            x.ada_kasus = any(d.ada_kasus for d in baris if d.induk == k)
        total = (sum(x.nilai[0] for x in kec.values()), sum(x.nilai[1] for x in kec.values()),
                 sum(x.nilai[2] for x in kec.values()))
        if (kab, b) in total_kab and total_kab[(kab, b)] != total:
            raise ValueError(f"lindungi_bulanan: baris kabupaten {kab} ({b}) tidak sama dengan jumlah kecamatannya.")
        sembunyi, bocor = _lindungi_kelompok(baris, total, kunci, b)
        per_kode = {x.kode: x for x in baris}
        tersembunyi_semua.extend(per_kode[k].pos for k in sembunyi)
        risiko.extend((b, kode, KOLOM_SERANG[j]) for kode, j in bocor)

    for kolom in KOLOM_SENSITIF:
        keluar[kolom] = keluar[kolom].astype(object)
    if tersembunyi_semua:
        pos = sorted(tersembunyi_semua)
        for kolom in KOLOM_SENSITIF:
            keluar.loc[pos, kolom] = [DISEMBUNYIKAN if nilai[kolom][i] < AMBANG else DISEMBUNYIKAN_BESAR for i in pos]
    # rule 3: below kabupaten level the total leaves every sensitive case out, protected row or not
    tersembunyi_set = set(tersembunyi_semua)
    bawah = [t != "kabupaten" for t in tingkat]
    baru = [n - s if di_bawah else n for n, s, di_bawah in
            zip(nilai["kasus_baru"], nilai["kasus_sensitif"], bawah, strict=True)]
    sebagian = [di_bawah and (i in tersembunyi_set or nilai["kasus_sensitif"][i] > 0) for i, di_bawah in
                enumerate(bawah)]
    keluar["kasus_baru"] = pd.array(baru, dtype=keluar["kasus_baru"].dtype)
    if KOLOM_SEBAGIAN in keluar.columns:
        keluar = keluar.drop(columns=KOLOM_SEBAGIAN)
    keluar.insert(int(keluar.columns.get_loc("kasus_baru")) + 1, KOLOM_SEBAGIAN, sebagian)
    keluar.attrs["risiko_sisa"] = sorted(risiko)
    return keluar


def _tampil_rentang(bawah: int, atas: float) -> object:
    if atas == bawah:
        return bawah
    if atas < AMBANG:
        return DISEMBUNYIKAN
    if math.isinf(atas):
        return f"≥{bawah}"
    if bawah == 0:
        return f"≤{int(atas)}"
    return f"{bawah}–{int(atas)}"


def jumlah_sel(nilai: Sequence[object] | pd.Series) -> object:
    """The total of protected cells (`<5`, `≥5` or counts) as it may be shown: exact when no cell is hidden, else
    the range the cells allow (`<5`, `6–10`, `≤8`, `≥5`), never more than the cells themselves say."""
    bawah, atas = 0, 0.0
    for v in nilai:
        if v == DISEMBUNYIKAN:
            atas += AMBANG - 1
        elif v == DISEMBUNYIKAN_BESAR:
            bawah += AMBANG
            atas = math.inf
        else:
            bawah += int(str(v))
            atas += int(str(v))
    return _tampil_rentang(bawah, atas)
