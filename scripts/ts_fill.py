"""Fill unfinished messages of a Qt .ts file from a JSON map {Danish source: translation}.

    .venv/bin/python scripts/ts_fill.py resources/translations/skranke_en.ts new-strings.json

A text already translated in another context of the same file is used when the map has
no entry. Keys may also be "Context|source" to translate one context only; a message with plural
forms (self.tr("... %n ...", "", n)) takes a list, e.g. ["%n error", "%n errors"]. Only messages marked
unfinished (or empty) are touched; run scripts/translations.sh afterwards, which
normalises the file and builds the .qm. Strings without an entry stay unfinished and
tests/test_translations.py lists them.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts_file: Path, mapping: dict[str, str]) -> tuple[int, list[str]]:
    tree = ET.parse(ts_file)
    # The same Danish text already translated in another context of the file counts too.
    known: dict[str, str] = {}
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if (translation is not None and translation.get("type") is None and translation.text
                and message.get("numerus") != "yes"):
            known.setdefault(message.findtext("source") or "", translation.text)
    filled, missing = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") != "unfinished":
                continue
            text = mapping.get(f"{name}|{source}", mapping.get(source, known.get(source)))
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            if isinstance(text, list):  # plural forms of a numerus="yes" message
                for form in list(translation):
                    translation.remove(form)
                for form_text in text:
                    ET.SubElement(translation, "numerusform").text = form_text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    if filled:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts_file.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                           encoding="utf-8")
    return filled, missing


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    mapping = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    filled, missing = fill(Path(argv[0]), mapping)
    print(f"{argv[0]}: filled {filled} from {argv[1]}; still unfinished {len(missing)}")
    for line in missing:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
