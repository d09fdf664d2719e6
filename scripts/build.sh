#!/usr/bin/env bash
# Build the frozen one-folder app into dist/skranke/ (PyInstaller, build.spec).
# Usage: bash scripts/build.sh   then copy dist/skranke/ to the counter PC.
# SKRANKE_VENV_BIN=/path/to/venv/bin skips the setup and uses that environment instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKRANKE_VENV_BIN:-}" ]; then
  bash scripts/setup.sh test          # venv with PyInstaller; builds the .qm translations
else
  bash scripts/translations.sh release
fi
BIN="${SKRANKE_VENV_BIN:-.venv/bin}"
start=$(date +%s)
"$BIN/pyinstaller" --noconfirm --clean --log-level WARN build.spec
echo "build took $(( $(date +%s) - start )) s"
# The frozen app must start on its own: a smoke run against a throw-away journal.
home="$(mktemp -d)"
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" SKRANKE_HOME="$home" \
  dist/skranke/deskapp --smoke --journal "$home/smoke.skranke"
rm -rf "$home"
du -sh dist/skranke
