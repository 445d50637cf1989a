"""The download buttons: every file that leaves the app goes through `tombol_unduh`, and so the gate.

`tombol_unduh` shows a button only to a role with the right (`unduh` for data files, `unduh_laporan` for the
meeting documents, `akses.HAK`) and writes an audit record (who, which file, which wilayah, its size)
when the file is actually made, i.e. when the button is clicked. A click does not run the page again, so the file
is made only if the browser session's log-in is still valid at that moment (`sesi.pemeriksa_sesi`): after a
log-out, a deleted, reset or locked account, a changed password or the idle limit, a button left on screen makes
nothing and audits nothing in that user's name. The made file is then served by Streamlit's media route, which
`dashboard.layan` guards the same way. Data files carry the user, time and data date inside
(`akses.netralkan_ekspor`). Below: "Unduh agenda rapat" (PDF, XLSX) and "Unduh bahan rapat" (PDF, PPTX).

The documents are made from the same `Tabel`s, KPI tiles and figures the page shows (`dokumen`).
The agenda is cheap (fpdf2 and xlsxwriter, well under a second), so its buttons hand Streamlit a function that
builds the file only when clicked. The briefing pack reads many numbers (every kecamatan,
the map), so it is made only after the user presses "Siapkan bahan rapat" (`dashboard.laporan.isi_bahan`), then
offered for download; it is kept in the session for the selection it was made for. A missing font gives an
Indonesian message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import streamlit as st

from akses import AksesDitolak, audit, boleh
from bahasa import format as fmt
from dashboard.i18n import Bahasa, t
from dashboard.pilihan import Pilihan
from dashboard.sesi import konfigurasi_aktif, pemeriksa_sesi, pengguna_aktif
from dokumen.agenda_rapat import IsiAgenda, agenda_pdf, agenda_xlsx
from dokumen.bahan_rapat import IsiBahanRapat, bahan_rapat_pdf, bahan_rapat_pptx
from dokumen.gambar import GambarGagal
from dokumen.model import Kepala, Tabel, nama_berkas
from dokumen.pdf import HurufTidakAda, berkas_huruf

MIME_PDF = "application/pdf"
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
_KUNCI_BAHAN = "_bahan_rapat"


def tombol_unduh(label: str, buat: Callable[[], bytes], nama_file: str, mime: str, *, hak: str, kunci: str,
                 cakupan: str, ikon: str | None = None, utama: bool = False, bantuan: str | None = None,
                 nonaktif: bool = False) -> None:
    """A download button that only a role with `hak` sees; the file is made when clicked, and that is audited."""
    pengguna = pengguna_aktif()
    if not boleh(pengguna, hak):
        return
    konfigurasi = konfigurasi_aktif()
    sesi_kini = pemeriksa_sesi()

    def dibuat() -> bytes:
        sesi = sesi_kini()  # clicked later, without a page run: is this log-in still valid now?
        if sesi is None or sesi.pengguna != pengguna:
            raise AksesDitolak("Sesi sudah berakhir; silakan masuk lagi untuk mengunduh.")
        isi = buat()
        audit.catat(konfigurasi, "unduh", pengguna.nama, sasaran=nama_file, cakupan=cakupan,
                    rincian={"hak": hak, "bita": len(isi), "peran": pengguna.peran})
        return isi

    st.download_button(label, data=dibuat, file_name=nama_file, mime=mime, icon=ikon, key=kunci, on_click="ignore",
                       type="primary" if utama else "secondary", help=bantuan, disabled=nonaktif)


def waktu_dibuat(bahasa: Bahasa, sekarang: dt.datetime | None = None) -> str:
    """`Dibuat 23 Nov 2026 16.40` (Indonesian writes the time with a dot)."""
    s = sekarang or dt.datetime.now()
    jam = f"{s.hour:02d}.{s.minute:02d}" if bahasa == "id" else f"{s.hour:02d}:{s.minute:02d}"
    return t("pr_dibuat_pada", bahasa, tanggal=fmt.tanggal(s.date(), bahasa), jam=jam)


def kepala_dokumen(p: Pilihan, judul: str, wilayah: str, kesegaran: str, periode: str | None = None,
                   sekarang: dt.datetime | None = None) -> Kepala:
    """The header every page of a document carries, for the current selection."""
    b = p.bahasa
    return Kepala(
        judul=judul,
        wilayah=wilayah,
        periode=periode or t("pr_periode_dokumen", b, periode=fmt.rentang_bulan(p.dari, p.sampai, b)),
        kesegaran=kesegaran,
        dibuat=t("pr_dibuat_oleh", b, waktu=waktu_dibuat(b, sekarang), nama=pengguna_aktif().nama),
        sintetis=p.sintetis,
        label_sintetis=t("data_sintetis", b),
        catatan_sintetis=t("pr_data_sintetis_dokumen", b),
        halaman=t("pr_halaman_dari", b),
        bahasa=b,
    )


def isi_agenda(p: Pilihan, nama_kec: str, tabel: Sequence[Tabel], kesegaran: str,
               sekarang: dt.datetime | None = None) -> IsiAgenda:
    """The agenda of a kecamatan meeting: the page's tables in order, with the definitions at the end."""
    b = p.bahasa
    kepala = kepala_dokumen(p, t("agenda_judul", b), f"Kec. {nama_kec}, {p.nama_kab}", kesegaran, sekarang=sekarang)
    definisi = [t(f"pr_bantu_{k}", b) for k in ("kasus_baru", "selesai_90", "tunggakan", "tanpa_respon", "kelengkapan",
                                                 "puskesos")]
    return IsiAgenda(kepala, list(tabel), judul_info=t("pr_lembar_info", b), definisi=definisi,
                     judul_definisi=t("definisi", b))


def tombol_agenda(isi: IsiAgenda, tanggal_data: dt.date, kode_kec: str) -> None:
    """`Unduh agenda rapat` as PDF and XLSX; each file is built when its button is clicked."""
    b = isi.kepala.bahasa
    dasar = isi.kepala.wilayah.split(",")[0]
    ada_huruf = True
    try:
        berkas_huruf()
    except HurufTidakAda as e:
        ada_huruf = False
        st.error(str(e), icon=":material/font_download_off:")
    with st.container(horizontal=True, gap="small"):
        tombol_unduh(t("unduh_agenda_pdf", b), lambda: agenda_pdf(isi),
                     nama_berkas("agenda_rapat", dasar, tanggal_data, "pdf"), MIME_PDF, hak="unduh_laporan",
                     kunci="unduh_agenda_pdf", cakupan=kode_kec, ikon=":material/picture_as_pdf:", utama=True,
                     nonaktif=not ada_huruf)
        tombol_unduh(t("unduh_agenda_xlsx", b), lambda: agenda_xlsx(isi),
                     nama_berkas("agenda_rapat", dasar, tanggal_data, "xlsx"), MIME_XLSX, hak="unduh_laporan",
                     kunci="unduh_agenda_xlsx", cakupan=kode_kec, ikon=":material/table_view:")


def nama_lengkap(p: Pilihan) -> str:
    """The selected wilayah with its regency: `Kec. Kabuh, Kabupaten Jombang`."""
    return p.nama_wilayah if p.tingkat == "kabupaten" else f"{p.nama_wilayah}, {p.nama_kab}"


def tombol_bahan_rapat(p: Pilihan, buat_isi: Callable[[], IsiBahanRapat]) -> None:
    """`Siapkan bahan rapat`, then `Unduh bahan rapat` as PDF and PPTX for the selection it was made for."""
    b = p.bahasa
    kunci = (p.versi, p.kode_wilayah, p.dari, p.sampai, b)
    tersimpan = st.session_state.get(_KUNCI_BAHAN)
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        siapkan = st.button(t("pr_siapkan_bahan", b), icon=":material/slideshow:", key="siapkan_bahan_rapat")
        if siapkan:
            try:
                with st.spinner(t("pr_menyiapkan_bahan", b)):
                    isi = buat_isi()
                    tersimpan = {"kunci": kunci, "pdf": bahan_rapat_pdf(isi), "pptx": bahan_rapat_pptx(isi)}
                st.session_state[_KUNCI_BAHAN] = tersimpan
            except (HurufTidakAda, GambarGagal) as e:
                st.session_state.pop(_KUNCI_BAHAN, None)
                tersimpan = None
                st.error(str(e), icon=":material/error:")
        if tersimpan and tersimpan["kunci"] == kunci:
            dasar = p.nama_wilayah.split(",")[0]
            pdf, pptx = tersimpan["pdf"], tersimpan["pptx"]
            tombol_unduh(t("unduh_bahan_pdf", b), lambda: pdf,
                         nama_berkas("bahan_rapat", dasar, p.tanggal_data, "pdf"), MIME_PDF, hak="unduh_laporan",
                         kunci="unduh_bahan_pdf", cakupan=p.kode_wilayah, ikon=":material/picture_as_pdf:",
                         utama=True)
            tombol_unduh(t("unduh_bahan_pptx", b), lambda: pptx,
                         nama_berkas("bahan_rapat", dasar, p.tanggal_data, "pptx"), MIME_PPTX, hak="unduh_laporan",
                         kunci="unduh_bahan_pptx", cakupan=p.kode_wilayah, ikon=":material/co_present:")
        else:
            st.caption(t("bahan_ket", b))
