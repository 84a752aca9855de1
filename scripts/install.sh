#!/usr/bin/env bash
# Install tidy from this checkout for the current user: `pipx install .`, after installing
# pipx itself with apt-get (through sudo when not root) if it is missing. The README's first
# command. tidy lands in pipx's own virtualenv, so Debian's and Ubuntu's system Python stay
# untouched (they refuse `pip install` outside a venv: PEP 668), and the command is
# ~/.local/bin/tidy (`pipx ensurepath` puts that folder on PATH for new shells).
# Run it again after `git pull` to update.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'scripts/install.sh: %s\n' "$*" >&2; }

if ! command -v pipx >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
        if [ ${#as_root[@]} -gt 0 ] && ! command -v sudo >/dev/null 2>&1; then
            say "pipx is missing and this user can not install it: as root run" \
                "'apt-get install pipx', then run this again (or see README: a virtualenv)"
            exit 1
        fi
        # sudo may refuse (not in sudoers, no password): end on what to do, not on its words.
        cannot() {
            say "could not install pipx with ${as_root[*]:+sudo }apt-get: as root run" \
                "'apt-get install pipx', then run this again (or see README: a virtualenv)"
            exit 1
        }
        if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' 2>/dev/null | head -1)" ]; then
            "${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq || cannot
        fi
        say "installing pipx with ${as_root[*]:+sudo }apt-get"
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get -o DPkg::Lock::Timeout=600 install -y -qq pipx >/dev/null || cannot
    elif command -v brew >/dev/null 2>&1; then
        brew install pipx
    else
        say "install pipx (https://pipx.pypa.io) or uv, then run this again"
        exit 1
    fi
fi

# --force: a second run (after a pull) replaces the installed copy with this one.
pipx install --force .
