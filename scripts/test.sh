#!/usr/bin/env bash
# Install everything the test suite needs, then run it: the README's test command and what
# .ci/run calls. Extra arguments go to pytest (e.g. scripts/test.sh -k walk -x).
set -euo pipefail
cd "$(dirname "$0")/.."

# Real peers the tests run against: git, ripgrep (search surface), jdupes and git-filter-repo
# (duplicates and history are checked against them), fd, rmlint.
packages=()
command -v git >/dev/null || packages+=(git)
command -v rg >/dev/null || packages+=(ripgrep)
command -v jdupes >/dev/null || packages+=(jdupes)
command -v git-filter-repo >/dev/null || packages+=(git-filter-repo)
command -v fdfind >/dev/null || command -v fd >/dev/null || packages+=(fd-find)
command -v rmlint >/dev/null || packages+=(rmlint)
# The HTML report is loaded in a real headless browser (tests/reporters/test_html_browser.py).
command -v chromium >/dev/null || packages+=(chromium)
# The scheduler's unit files are checked with systemd-analyze verify (no running systemd needed).
command -v systemd-analyze >/dev/null || packages+=(systemd)
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else sudo="none"; fi
  if command -v apt-get >/dev/null && [ "$sudo" != "none" ]; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
  elif command -v brew >/dev/null; then
    brew install "${packages[@]/fd-find/fd}"
  else
    echo "scripts/test.sh: please install: ${packages[*]}" >&2
  fi
fi

python3 -m pip install -q -e '.[test]'
exec python3 -m pytest "$@"
