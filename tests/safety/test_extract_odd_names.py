"""`tidy extract` (and its --undo) names a module whose folder holds a newline or bytes that
are not UTF-8 on one line, escaped. Before, its report, its undo hint and its refusals
printed the raw newline (a report line split in two) and the raw byte."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import write
from tests.safety.helpers import tidy


def test_extract_and_its_undo_show_an_odd_folder_on_one_line(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/da\nta\xff"))
    rows = "\n".join(f"    {{'id': {i}, 'text': 'q {i}'}}," for i in range(3000))
    module = write(folder / "data.py", f'"""Data."""\n\nQUESTIONS = [\n{rows}\n]\n')
    state = tmp_path / "st"

    done = tidy("extract", str(module), cwd=tmp_path, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    first = done.stdout.splitlines()[0]
    assert first.startswith("da\\nta\\xff/data.py: moved QUESTIONS to da\\nta\\xff/"), first
    assert "\udcff" not in done.stdout
    assert any("tidy extract --undo da\\nta\\xff/data.py" in line
               for line in done.stdout.splitlines())

    module.write_text(module.read_text() + "# edited\n")
    refused = tidy("extract", "--undo", str(module), cwd=tmp_path, state=state)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert refused.stderr.count("\n") == 1 and "da\\nta\\xff/data.py" in refused.stderr
    forced = tidy("extract", "--undo", "--force", str(module), cwd=tmp_path, state=state)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert forced.stdout.count("\n") == 1 and "da\\nta\\xff/data.py" in forced.stdout
    assert "QUESTIONS = [" in module.read_text()
