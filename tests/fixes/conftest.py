from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own tidy state folder (journals, audit log, fallback trash)."""
    state = tmp_path / "tidy-state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(state))
    return state
