from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own tidy state folder (watch log, journals, trash), in and out of
    process."""
    folder = tmp_path / "tidy-state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(folder))
    return folder
