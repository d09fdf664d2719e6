#!/usr/bin/env bash
# Build the frozen one-folder app into dist/skranke/ (PyInstaller, build.spec).
# Usage: bash scripts/build.sh   then copy dist/skranke/ to the counter PC.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test          # venv with PyInstaller; builds the .qm translations
.venv/bin/pyinstaller --noconfirm --clean build.spec
QT_QPA_PLATFORM=offscreen SKRANKE_HOME="$(mktemp -d)" dist/skranke/skranke --smoke
du -sh dist/skranke
