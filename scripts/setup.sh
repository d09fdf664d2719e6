#!/usr/bin/env bash
# Prepare this checkout on a Debian/Ubuntu machine: the system libraries Qt needs,
# a virtual environment in .venv and the project installed into it.
# Safe to run again: every step checks first and does nothing when already done.
# Usage: scripts/setup.sh [runtime|test]
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-runtime}"

runtime_pkgs=(libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6 libfontconfig1 libdbus-1-3
  fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0)
test_pkgs=(poppler-utils xvfb xauth binutils)

wanted=("${runtime_pkgs[@]}")
[ "$profile" = test ] && wanted+=("${test_pkgs[@]}")

PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if command -v python3.11 >/dev/null; then PY=python3.11; else PY=python3; fi
fi
# Debian's own Python needs python3-venv for "python -m venv".
if ! "$PY" -c 'import ensurepip' >/dev/null 2>&1; then
  wanted+=(python3-venv)
fi
# PyInstaller (the frozen-build test) bundles libpythonX.Y.so; Debian's own Python ships it
# in a separate package. A Python built elsewhere (pyenv, python.org) has its own.
if [ "$profile" = test ] && [ "$("$PY" -c 'import sys; print(sys.base_prefix)')" = /usr ]; then
  wanted+=("libpython$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')")
fi

if command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating virtual environment in .venv"
  "$PY" -m venv .venv
fi

extra=""
[ "$profile" = test ] && extra="[test]"
stamp=".venv/.installed-$profile-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "Installing Skranke$extra into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extra"
  touch "$stamp"
fi

# The compiled translations (.qm) are not in git; build them from the committed .ts files
# (lrelease takes well under a second).
SKRANKE_VENV_BIN=.venv/bin bash scripts/translations.sh release
