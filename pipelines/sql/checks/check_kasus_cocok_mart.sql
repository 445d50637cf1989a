-- Reconciliation: the regency's new cases over all months equal the distinct current cases of its desa.
with mart as (
    select kode_wilayah as kode_kab, sum(kasus_baru) as n
    from mart_wilayah_bulan
    where tingkat = 'kabupaten'
    group by kode_wilayah
),

kasus as (
    select w.kode_kab, count(*) as n
    from (select distinct kode_desa, no_registrasi from int_kasus_terkini) k
    join ref_wilayah w using (kode_desa)
    group by w.kode_kab
)

select coalesce(m.kode_kab, k.kode_kab) as kode_kab, m.n as di_mart, k.n as di_kasus
from mart m
full join kasus k using (kode_kab)
where coalesce(m.n, 0) <> coalesce(k.n, 0)
