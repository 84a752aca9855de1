"""TDY301-303 in a real scan of a real git repo (big-file threshold lowered by config)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.conftest import commit, findings, make_repo, scan_json


def _repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    (repo / ".tidy.toml").write_text('large-file = "100KB"\ndata-min-size = "100KB"\n')
    (repo / "app").mkdir()
    (repo / "app" / "__init__.py").write_text("")
    rnd = random.Random(5)
    rows = "\n".join(f"    {{'id': {i}, 'q': {'w' * rnd.randint(5, 40)!r}, 'a': ({i}, {i + 1})}},"
                     for i in range(3000))
    (repo / "app" / "questions.py").write_text(f'"""Data."""\n\nQUESTIONS = [\n{rows}\n]\n\n\n'
                                               "def first():\n    return QUESTIONS[0]\n")
    # number-heavy *code*: a benchmark full of numeric expressions must not be flagged
    lines = [f"    x{i} = a * {rnd.random():.12f} + b ** {rnd.randint(2, 9)} - {rnd.random():.9f}"
             for i in range(4000)]
    (repo / "app" / "bench_numbers.py").write_text(
        "def bench(a, b):\n" + "\n".join(lines) + "\n    return a\n")
    payload = json.dumps([{"k": i, "v": "x" * 30} for i in range(4000)], indent=1)
    (repo / "app" / "policies.py").write_text(f'POLICIES = """{payload}"""\n')
    (repo / "app" / "cities.json").write_text(payload)
    commit(repo, ".")
    return repo


def test_data_module_string_and_data_file_found_code_not(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    report = scan_json(repo, "--select", "TDY3")
    by_code = {code: {f["path"] for f in findings(report, code)}
               for code in ("TDY301", "TDY302", "TDY303")}
    assert by_code == {"TDY301": {"app/questions.py"}, "TDY302": {"app/policies.py"},
                       "TDY303": {"app/cities.json"}}
    (found,) = findings(report, "TDY301")
    assert "QUESTIONS" in found["message"] and "%" in found["message"]
