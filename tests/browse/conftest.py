from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own tidy state folder (journals, audit log, fallback trash); the
    app's scan child inherits it with the rest of the environment."""
    state = tmp_path / "tidy-state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(state))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return state
