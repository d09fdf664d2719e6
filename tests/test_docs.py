"""The documentation's screenshots exist: every image a docs section shows, and every shot
scripts/screenshots.py makes (regenerate them with xvfb-run -a .venv/bin/python
scripts/screenshots.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shot_names() -> list[str]:
    tree = ast.parse((ROOT / "scripts" / "screenshots.py").read_text(encoding="utf-8"))
    return [node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Shot"
            and node.args and isinstance(node.args[0], ast.Constant)]


def test_every_shot_has_a_committed_png() -> None:
    names = shot_names()
    assert len(names) == len(set(names)) >= 3
    for name in names:
        png = ROOT / "docs" / "img" / f"{name}.png"
        assert png.read_bytes().startswith(b"\x89PNG"), png


def test_every_image_in_the_docs_exists() -> None:
    missing = []
    for section in sorted((ROOT / "docs" / "sections").glob("*.md")):
        for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", section.read_text(encoding="utf-8")):
            # Sections differ in what their paths are relative to (the section, docs/ or the
            # README at the root); the image has to exist under one of them.
            bases = (section.parent, ROOT / "docs", ROOT)
            if not any((base / target).exists() for base in bases):
                missing.append(f"{section.name}: {target}")
    assert missing == []
