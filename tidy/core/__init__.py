"""The bottom layer: values and settings every other layer shares.

models (Finding, Fix, Report ...), config (Config and the one table of settings), catalog
(+ catalog.toml), units, state (tidy's own folders), atomic and safe_files (how tidy reads
and writes a regular file without following a link), jsonc. Nothing here imports another
layer of tidy, reads the scanned tree or starts git.
"""
