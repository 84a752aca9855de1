"""A content cache naming paths no scan of the repo has (trust round 11).

The cache's entries are looked up only by the paths the walk gives, so an entry for
`/etc/passwd`, `../outside/secret.txt` or `templates/../../x` is never used; but each scan
that wrote the cache kept every entry it had not looked at while `lexists(root/rel)` said
the file was there: an lstat outside the root on every save, and the planted entries carried
into every cache after. They are now dropped: only paths as the walk gives them are kept.
What a scan finds is the same as with `--no-cache` either way (bench/cache_probe.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cache_body import entries, read_cache, set_entries, write_cache
from tests.conftest import write
from tests.safety.test_content_cache import _found, _scan, _settle, _site
from tidy.workspace import content_cache

pytestmark = pytest.mark.slow

_FOREIGN = ("/etc/passwd", "../outside/secret.txt", "templates/../../outside/secret.txt",
            "./templates/base.html", "templates//base.html")


def test_entries_for_paths_outside_the_repo_are_not_carried_on(tmp_path: Path) -> None:
    repo = _site(tmp_path / "site")
    write(tmp_path / "outside" / "secret.txt", "not the repo's\n")
    state = tmp_path / "state"
    truth = _found(_scan(repo, state, "--no-cache"))
    _scan(repo, state)
    path = Path(content_cache.cache_path(str(repo)))
    body = read_cache(path)
    rows = entries(body)
    row = rows["templates/base.html"]
    st = os.lstat("/etc/passwd")
    for rel in _FOREIGN:
        rows[rel] = [st.st_dev, st.st_ino, st.st_size, 0, 0, row[5]]
    set_entries(body, rows)
    write_cache(path, body)
    _settle()
    write(repo / "app" / "new.py", "X = 1\n")  # something new: the scan writes its cache
    _settle()
    assert _found(_scan(repo, state)) == _found(_scan(repo, state, "--no-cache"))
    kept = entries(read_cache(path))
    # On the old code every one of them was written into the new cache again.
    assert not set(_FOREIGN) & set(kept), sorted(set(_FOREIGN) & set(kept))
    assert "templates/base.html" in kept and "app/new.py" in kept
    assert truth  # the scans above found something to compare
