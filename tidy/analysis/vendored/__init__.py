"""Vendored third-party code: find copied libraries, search for references, grade the evidence."""
