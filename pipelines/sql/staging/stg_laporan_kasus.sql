-- Every loaded version of every case-report row, typed, with its file and the send date that orders versions.
-- Renames and casts only; the one derivation is the status implied by dates when none was typed (contract 4.1).
with sumber as (
    select r.*, b.berkas, b.lembar, b.dimuat_pada
    from raw_laporan_kasus r
    join meta_berkas b using (id_berkas)
),

final as (
    select
        kode_desa,
        no_registrasi,
        tujuan_rujukan,
        kategori,
        kategori = 'nihil' as nihil,
        sensitif,
        tanggal_lapor,
        cast(date_trunc('month', tanggal_lapor) as date) as bulan_lapor,
        kelompok_sasaran,
        kanal,
        urgensi,
        program,
        sumber_dana,
        jenis_kelamin,
        umur,
        desil,
        terdaftar_dtks,
        nik_pseudonim,
        kk_pseudonim,
        coalesce(
            status_kasus,
            case
                when tanggal_selesai is not null then 'selesai_terpenuhi'
                when tujuan_rujukan is not null then 'dirujuk'
                else 'diterima'
            end
        ) as status_kasus,
        case when tujuan_rujukan is not null then coalesce(tanggal_rujuk, tanggal_lapor) end as tanggal_mulai,
        tanggal_rujuk,
        tanggal_respon,
        tanggal_selesai,
        case
            when tujuan_rujukan is null then null
            when status_rujukan is not null then status_rujukan
            when tanggal_selesai is not null then 'selesai'
            when tanggal_respon is not null then 'diterima_tujuan'
            else 'dikirim'
        end as status_rujukan,
        tanggal_kirim,
        coalesce(tanggal_kirim, cast(dimuat_pada as date)) as tanggal_kirim_efektif,
        id_berkas,
        baris,
        berkas,
        lembar
    from sumber
)

select * from final
