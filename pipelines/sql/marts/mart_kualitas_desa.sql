-- Data quality per desa as of the cut-off, over the 12 months ending with the last due month (bulan_jatuh_tempo_terakhir)
-- (metrics.md sections 3 and 6): reporting completeness and timeliness, rows loaded and quarantined, warnings,
-- rows without NIK, duplicates within a file, revisions, and a 0-100 score.
--
-- Months: a month of the window counts as expected when the desa was expected to report it (mart_desa_bulan)
-- and it is not `belum_jatuh_tempo` (its deadline, day N of the next month, is after the cut-off and nothing
-- came yet: not held against the desa). kelengkapan = bulan_diterima / bulan_dinilai,
-- ketepatan = bulan_tepat_waktu / bulan_dinilai (a nihil report counts as received, on time when by day N).
-- Revisions: case rows (desa, no_registrasi, tujuan_rujukan) first reported in the window and sent again in a
-- later file or with a later send date.
-- Rows: every loaded row version of the desa whose tanggal_lapor falls in the window and that was sent by the
-- cut-off (nihil rows included); quarantined rows attributed to the desa (mart_karantina) whose file reports on a
-- month of the window.
--   porsi_karantina  = baris_karantina / (baris_dimuat + baris_karantina)
--   porsi_peringatan = loaded rows with at least one warning other than an invalid NIK/No KK / baris_dimuat
--                      (NIK has its own component, so an invalid NIK is not counted twice)
--   porsi_nik_ada    = case rows (not nihil) with a valid NIK / case rows
--
-- SCORE (skor_kualitas, 0-100, one decimal) = 40 x kelengkapan + 20 x ketepatan + 20 x (1 - porsi_karantina)
--                                           + 10 x (1 - porsi_peringatan) + 10 x porsi_nik_ada
-- Rules: no expected month in the window -> no score (null: "tidak dinilai"). No row received at all -> the three
-- row components are 0 (nothing received, nothing to credit). Rows but only nihil rows -> the NIK component is
-- full (there is nobody to identify). Revisions (a case row updated by a later report) are shown, not scored:
-- updating a referral's status is the normal workflow.
with batas as (
    select
        tanggal_per() as per
),

jendela as (
    select
        per,
        cast(bulan_jatuh_tempo_terakhir() - interval 11 month as date) as awal,
        bulan_jatuh_tempo_terakhir() as akhir
    from batas
),

bulan as (
    select
        p.kode_desa,
        count(*) filter (where p.desa_diharapkan = 1 and p.status_lapor <> 'belum_jatuh_tempo') as bulan_dinilai,
        count(*) filter (
            where p.desa_diharapkan = 1 and p.status_lapor in ('tepat_waktu', 'terlambat', 'nihil')
        ) as bulan_diterima,
        count(*) filter (where p.desa_diharapkan = 1 and p.desa_tepat_waktu = 1) as bulan_tepat_waktu,
        count(*) filter (where p.desa_diharapkan = 1 and p.status_lapor = 'nihil') as bulan_nihil,
        count(*) filter (where p.desa_diharapkan = 1 and p.status_lapor = 'diam') as bulan_diam
    from mart_pelaporan_desa_bulan p, jendela j
    where p.bulan between j.awal and j.akhir
    group by p.kode_desa
),

-- loaded rows of the window (all versions), with whether they carry a warning that is not about NIK/No KK
baris as (
    select
        s.kode_desa,
        s.id_berkas,
        s.baris,
        s.nihil,
        s.nik_pseudonim,
        exists (
            select 1 from peringatan pr
            where pr.id_berkas = s.id_berkas and pr.baris = s.baris
                and pr.jenis_peringatan not in ('nik_tidak_valid', 'kk_tidak_valid')
        ) as ada_peringatan,
        exists (
            select 1 from peringatan pr
            where pr.id_berkas = s.id_berkas and pr.baris = s.baris and pr.jenis_peringatan = 'duplikat_dalam_berkas'
        ) as duplikat
    from stg_laporan_kasus s, jendela j
    where s.bulan_lapor between j.awal and j.akhir and s.tanggal_kirim_efektif <= j.per
        -- rows of sensitive cases are not counted: a desa's row count minus its other cases would tell how many
        -- violence cases it reported (metrics.md section 7). A row of another case is counted whatever its
        -- destination (leaving out its referral to UPTD PPA would tell that referral).
        and not coalesce(s.sensitif, false)
),

baris_desa as (
    select
        kode_desa,
        count(*) as baris_dimuat,
        count(*) filter (where not nihil) as baris_kasus,
        count(*) filter (where not nihil and nik_pseudonim is null) as baris_tanpa_nik,
        count(*) filter (where ada_peringatan) as baris_peringatan,
        count(*) filter (where duplikat) as baris_duplikat
    from baris
    group by kode_desa
),

karantina_desa as (
    select k.kode_desa, count(*) as baris_karantina
    from mart_karantina k, jendela j
    where k.kode_desa is not null and k.bulan_berkas between j.awal and j.akhir
    group by k.kode_desa
),

-- a revision is a later report about the same case row (another file or send date); a duplicate row within one
-- file and send date is not (it is counted as a duplicate)
versi_kasus as (
    select
        kode_desa,
        count(*) as versi
    from (
        -- one row per version: a case row's file and send date
        select s.kode_desa, s.no_registrasi, s.tujuan_rujukan, min(s.bulan_lapor) as bulan_lapor
        from stg_laporan_kasus s, jendela j
        where not s.nihil and s.tanggal_kirim_efektif <= j.per and not coalesce(s.sensitif, false)
        group by s.kode_desa, s.no_registrasi, s.tujuan_rujukan, s.id_berkas, s.tanggal_kirim_efektif
    ) v, jendela j
    group by v.kode_desa, v.no_registrasi, v.tujuan_rujukan
    having min(v.bulan_lapor) between any_value(j.awal) and any_value(j.akhir)
),

revisi as (
    select
        kode_desa,
        count(*) filter (where versi > 1) as kasus_direvisi,
        cast(coalesce(sum(versi - 1), 0) as bigint) as jumlah_revisi
    from versi_kasus
    group by kode_desa
),

gabung as (
    select
        w.kode_desa,
        w.kode_kec,
        w.kode_kab,
        j.awal as jendela_dari,
        j.akhir as jendela_sampai,
        coalesce(b.bulan_dinilai, 0) as bulan_dinilai,
        coalesce(b.bulan_diterima, 0) as bulan_diterima,
        coalesce(b.bulan_tepat_waktu, 0) as bulan_tepat_waktu,
        coalesce(b.bulan_nihil, 0) as bulan_nihil,
        coalesce(b.bulan_diam, 0) as bulan_diam,
        coalesce(r.baris_dimuat, 0) as baris_dimuat,
        coalesce(r.baris_kasus, 0) as baris_kasus,
        coalesce(r.baris_tanpa_nik, 0) as baris_tanpa_nik,
        coalesce(r.baris_peringatan, 0) as baris_peringatan,
        coalesce(r.baris_duplikat, 0) as baris_duplikat,
        coalesce(k.baris_karantina, 0) as baris_karantina,
        coalesce(v.kasus_direvisi, 0) as kasus_direvisi,
        coalesce(v.jumlah_revisi, 0) as jumlah_revisi
    from ref_wilayah w
    cross join jendela j
    left join bulan b using (kode_desa)
    left join baris_desa r using (kode_desa)
    left join karantina_desa k using (kode_desa)
    left join revisi v using (kode_desa)
),

komponen as (
    select
        *,
        bulan_diterima / nullif(bulan_dinilai, 0) as kelengkapan,
        bulan_tepat_waktu / nullif(bulan_dinilai, 0) as ketepatan,
        baris_karantina / nullif(baris_dimuat + baris_karantina, 0) as porsi_karantina,
        baris_peringatan / nullif(baris_dimuat, 0) as porsi_peringatan,
        1 - baris_tanpa_nik / nullif(baris_kasus, 0) as porsi_nik_ada
    from gabung
),

final as (
    select
        *,
        case
            when bulan_dinilai = 0 then null
            else round(
                40 * kelengkapan
                + 20 * ketepatan
                + 20 * coalesce(1 - porsi_karantina, 0)
                + 10 * case when baris_dimuat = 0 then 0 else 1 - porsi_peringatan end
                + 10 * case when baris_dimuat = 0 then 0 when baris_kasus = 0 then 1 else porsi_nik_ada end,
                1
            )
        end as skor_kualitas
    from komponen
)

select * from final
