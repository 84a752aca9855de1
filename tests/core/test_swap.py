"""tidy.core.swap: a config file is replaced only while it is the file read; real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidy.core.safe_files import UnsafeFile
from tidy.core.swap import KEPT_SUFFIX, FileChanged, put_back_asides, read_seen, swap_in_root


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.binary(max_size=300))
def test_bytes_go_in_exactly_and_nothing_is_left_beside(tmp_path: Path, old: bytes,
                                                        new: bytes) -> None:
    folder = tmp_path / "f"
    folder.mkdir(exist_ok=True)
    target = folder / ".gitignore"
    target.write_bytes(b"\xef\xbb\xbf" + old.replace(b"\n", b"\r\n"))  # BOM, CRLF: any bytes
    os.chmod(target, 0o640)
    seen = read_seen(str(folder), ".gitignore")
    swap_in_root(str(folder), ".gitignore", new, seen)
    assert target.read_bytes() == new
    assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(folder) == [".gitignore"]
    target.unlink()


def test_a_write_since_the_read_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_text("{}\n")
    seen = read_seen(str(tmp_path), "settings.json")
    target.write_text('{"theme": "dark"}\n')  # same name, same inode: size and mtime differ
    with pytest.raises(FileChanged):
        swap_in_root(str(tmp_path), "settings.json", b'{"x": 1}\n', seen)
    assert target.read_text() == '{"theme": "dark"}\n'
    with pytest.raises(FileChanged):  # a removal too
        swap_in_root(str(tmp_path), "settings.json", None, seen)
    assert target.read_text() == '{"theme": "dark"}\n'


def test_a_file_that_appeared_is_not_replaced_by_a_new_one(tmp_path: Path) -> None:
    seen = read_seen(str(tmp_path), ".ignore")
    assert seen.data is None
    (tmp_path / ".ignore").write_text("mine\n")
    with pytest.raises(FileChanged):
        swap_in_root(str(tmp_path), ".ignore", b"tidy's\n", seen)
    assert (tmp_path / ".ignore").read_text() == "mine\n"


def test_a_file_with_several_hard_links_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "pyproject.toml"
    target.write_text("[project]\n")
    os.link(target, tmp_path / "alias.toml")
    seen = read_seen(str(tmp_path), "pyproject.toml")
    with pytest.raises(UnsafeFile, match="hard links"):
        swap_in_root(str(tmp_path), "pyproject.toml", b"x", seen)
    assert (tmp_path / "alias.toml").read_text() == "[project]\n"
    assert os.path.samefile(target, tmp_path / "alias.toml")


def test_a_file_a_killed_swap_left_aside_goes_back(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(gone.stdout)  # a process that has exited
    aside = tmp_path / f"..gitignore.tidy-aside-{pid}-0123456789ab"
    aside.write_text("# mine\n")
    other = tmp_path / f".settings.json.tidy-aside-{pid}-0123456789ab"
    other.write_text("old\n")
    (tmp_path / "settings.json").write_text("saved since\n")
    live = tmp_path / f"..ignore.tidy-aside-{os.getpid()}-0123456789ab"  # its writer runs
    live.write_text("in flight\n")
    fd = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        done = put_back_asides(fd)
    finally:
        os.close(fd)
    assert sorted(done) == [".gitignore put back",
                            f"settings.json kept as settings.json{KEPT_SUFFIX}"]
    assert (tmp_path / ".gitignore").read_text() == "# mine\n"
    assert (tmp_path / "settings.json").read_text() == "saved since\n"
    assert (tmp_path / f"settings.json{KEPT_SUFFIX}").read_text() == "old\n"
    assert live.exists() and not aside.exists() and not other.exists()
