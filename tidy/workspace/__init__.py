"""The only code that reads the tree and asks git: one walk, one set of git facts per repo."""
