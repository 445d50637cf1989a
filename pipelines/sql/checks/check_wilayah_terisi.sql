-- The configured regencies have desa in the reference list.
select 'ref_wilayah kosong' as masalah
where not exists (select 1 from ref_wilayah)
