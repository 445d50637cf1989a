"""Tests of `akses`: roles and scope, the small-cell rule, the cube, exports, pseudonyms, accounts, audit."""
