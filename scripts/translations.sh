#!/usr/bin/env bash
# Update the translation sources from the UI code and build the .qm files the app loads.
#   bash scripts/translations.sh          lupdate (refresh resources/translations/*.ts) + lrelease
#   bash scripts/translations.sh release  lrelease only (setup.sh and the build use this)
# Danish is the source language (the strings in the code); skranke_en.ts holds English.
# After lupdate, unfinished strings found in resources/translations/memory_<lang>.json
# (a map: Danish source -> translation, see scripts/ts_fill.py) are filled in. Translate the
# rest with .venv/bin/pyside6-linguist, by editing the .ts, or by adding them to the memory
# file, then run this again; tests/test_translations.py fails while any string is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${SKRANKE_VENV_BIN:-.venv/bin}"
mode="${1:-all}"
languages=(en)
if [ "$mode" != release ]; then
  for lang in "${languages[@]}"; do
    "$BIN/pyside6-lupdate" deskapp/ui/*/*.py -source-language da -target-language "$lang" \
      -locations none -no-obsolete -ts "resources/translations/skranke_$lang.ts"
    memory="resources/translations/memory_$lang.json"
    if [ -f "$memory" ]; then
      "$BIN/python" scripts/ts_fill.py "resources/translations/skranke_$lang.ts" "$memory"
      # lupdate again only to write the file in its own layout
      "$BIN/pyside6-lupdate" -silent deskapp/ui/*/*.py -source-language da -target-language "$lang" \
        -locations none -no-obsolete -ts "resources/translations/skranke_$lang.ts"
    fi
  done
fi
for lang in "${languages[@]}"; do
  "$BIN/pyside6-lrelease" -silent "resources/translations/skranke_$lang.ts" \
    -qm "resources/translations/skranke_$lang.qm"
done
