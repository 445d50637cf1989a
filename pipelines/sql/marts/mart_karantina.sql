-- One row per quarantined row (table `karantina`), with the file's short name, the kinds of reason, and the desa,
-- kecamatan and regency it can be attributed to (metrics.md section 6; the Kualitas data page).
-- `kelompok_alasan` (a row may have several reasons, joined by "; "):
--   desa_tidak_dikenal  the desa or kecamatan could not be resolved (unknown or ambiguous name, bad or unknown code)
--   di_luar_wilayah     a desa of a regency that is not configured
--   tanggal_tidak_sah   a required date that is not a date
--   kolom_wajib_kosong  a required column left empty
--   lainnya             any other reason
-- Attribution: a quarantined row is not in raw_* (it was not loaded), so its desa is read from the cells it kept:
-- a 10-digit code of a configured desa, else a desa name (with its kecamatan when given) that names exactly one
-- configured desa after the pipeline's name normalisation (prefixes Desa/Ds./Kel. and punctuation ignored). A row
-- without a desa gets the kecamatan (and regency) of its file when all the file's loaded rows lie in one.
-- `bulan_berkas`: the month the file reports on (latest tanggal_lapor month of its loaded rows; the load month
-- when none loaded).
with sumber as (
    select
        k.id_berkas,
        k.berkas,
        regexp_extract(k.berkas, '[^/\\]+$') as nama_berkas,
        k.lembar,
        k.baris,
        k.jenis,
        k.alasan,
        k.isi,
        b.dimuat_pada,
        json_extract_string(k.isi, '$.kode_desa') as kode_tertulis,
        json_extract_string(k.isi, '$.nama_desa') as nama_desa_tertulis,
        json_extract_string(k.isi, '$.nama_kecamatan') as nama_kec_tertulis
    from karantina k
    join meta_berkas b using (id_berkas)
),

kunci as (
    select
        *,
        case
            when regexp_full_match(regexp_replace(coalesce(kode_tertulis, ''), '[\s.'']', '', 'g'), '[0-9]{10}')
                then regexp_replace(
                    regexp_replace(kode_tertulis, '[\s.'']', '', 'g'),
                    '^([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{4})$', '\1.\2.\3.\4'
                )
        end as kode_bersih,
        regexp_replace(
            regexp_replace(
                trim(regexp_replace(lower(coalesce(nama_desa_tertulis, '')), '\(.*?\)', ' ', 'g')),
                '^(desa|ds|kelurahan|kel|kalurahan|gampong|nagari|pekon)\b\.?\s*', ''
            ),
            '[^0-9a-z]', '', 'g'
        ) as kunci_desa,
        regexp_replace(
            regexp_replace(
                trim(regexp_replace(lower(coalesce(nama_kec_tertulis, '')), '\(.*?\)', ' ', 'g')),
                '^(kecamatan|kec)\b\.?\s*', ''
            ),
            '[^0-9a-z]', '', 'g'
        ) as kunci_kec
    from sumber
),

wilayah as (
    select
        kode_desa,
        kode_kec,
        kode_kab,
        regexp_replace(
            regexp_replace(
                trim(regexp_replace(lower(nama_desa), '\(.*?\)', ' ', 'g')),
                '^(desa|ds|kelurahan|kel|kalurahan|gampong|nagari|pekon)\b\.?\s*', ''
            ),
            '[^0-9a-z]', '', 'g'
        ) as kunci_desa,
        regexp_replace(
            regexp_replace(trim(regexp_replace(lower(nama_kec), '\(.*?\)', ' ', 'g')), '^(kecamatan|kec)\b\.?\s*', ''),
            '[^0-9a-z]', '', 'g'
        ) as kunci_kec
    from ref_wilayah
),

-- a name counts only when it names exactly one configured desa (within the kecamatan written, if any)
cocok_nama as (
    select k.id_berkas, k.baris, any_value(w.kode_desa) as kode_desa
    from kunci k
    join wilayah w
        on k.kunci_desa = w.kunci_desa
        and (k.kunci_kec = '' or k.kunci_kec = w.kunci_kec)
    where k.kunci_desa <> ''
    group by k.id_berkas, k.baris
    having count(*) = 1
),

desa as (
    select
        k.*,
        coalesce(w_kode.kode_desa, c.kode_desa) as kode_desa
    from kunci k
    left join ref_wilayah w_kode on w_kode.kode_desa = k.kode_bersih
    left join cocok_nama c on c.id_berkas = k.id_berkas and c.baris = k.baris
),

berkas_wilayah as (
    select
        r.id_berkas,
        case when count(distinct w.kode_kec) = 1 then any_value(w.kode_kec) end as kode_kec,
        case when count(distinct w.kode_kab) = 1 then any_value(w.kode_kab) end as kode_kab,
        max(cast(date_trunc('month', r.tanggal_lapor) as date)) as bulan_lapor
    from raw_laporan_kasus r
    join ref_wilayah w using (kode_desa)
    group by r.id_berkas
),

dikelompokkan as (
    select
        d.id_berkas,
        d.berkas,
        d.nama_berkas,
        d.lembar,
        d.baris,
        d.jenis,
        d.alasan,
        list_filter([
            case
                when regexp_matches(d.alasan, 'Desa "[^"]*" (tidak dikenal|ada lebih dari satu)')
                    or regexp_matches(d.alasan, 'Kecamatan "[^"]*" (tidak dikenal|ada di lebih)')
                    or regexp_matches(d.alasan, 'Kode desa "[^"]*" (tidak sah|tidak ada)')
                    or contains(d.alasan, 'desa tidak dapat dikenali')
                    or contains(d.alasan, 'Desa tidak dapat dikenali')
                    then 'desa_tidak_dikenal'
            end,
            case when contains(d.alasan, 'di luar wilayah kabupaten') then 'di_luar_wilayah' end,
            case when contains(d.alasan, 'bukan tanggal yang sah') then 'tanggal_tidak_sah' end,
            case when regexp_matches(d.alasan, 'Kolom [a-z_]+ kosong') then 'kolom_wajib_kosong' end
        ], lambda x: x is not null) as kelompok_terdeteksi,
        d.nama_desa_tertulis,
        d.kode_desa,
        coalesce(w.kode_kec, bw.kode_kec) as kode_kec,
        coalesce(w.kode_kab, bw.kode_kab) as kode_kab,
        coalesce(bw.bulan_lapor, cast(date_trunc('month', d.dimuat_pada) as date)) as bulan_berkas,
        d.dimuat_pada,
        d.isi
    from desa d
    left join ref_wilayah w on w.kode_desa = d.kode_desa
    left join berkas_wilayah bw on bw.id_berkas = d.id_berkas
),

final as (
    select
        * exclude (kelompok_terdeteksi),
        case when len(kelompok_terdeteksi) = 0 then ['lainnya'] else kelompok_terdeteksi end as kelompok_alasan
    from dikelompokkan
)

select * from final
