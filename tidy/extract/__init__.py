"""The rewriter of data modules: literals out to `<module>.json.gz`, a loader stub in their
place, verified exact before anything is written (`tidy extract`, the EXTRACT fix)."""
