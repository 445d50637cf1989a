"""Sample users of every role (Kabupaten Jombang, Kec. Kabuh, Desa Marmoyo) shared by the `akses` tests."""

from __future__ import annotations

from akses import Pengguna

PIMPINAN = Pengguna("bupati", "pimpinan", "35.17")
PERENCANA = Pengguna("perencana1", "perencana", "35.17")
OPERATOR = Pengguna("operator1", "operator", "35.17")
ADMIN = Pengguna("admin1", "admin", "35.17")
CAMAT_KABUH = Pengguna("camat_kabuh", "kecamatan", "35.17.16")
DESA_MARMOYO = Pengguna("op_marmoyo", "desa", "35.17.16.2001")
SEMUA_PERAN = (PIMPINAN, PERENCANA, OPERATOR, ADMIN, CAMAT_KABUH, DESA_MARMOYO)
