"""tidy: find and safely clean caches, build artifacts and repository bloat."""

from __future__ import annotations

__version__ = "0.1.0"
