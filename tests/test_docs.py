"""The documentation's screenshots exist: every image the README shows, and every shot
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


def test_every_image_in_the_readme_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert len(targets) >= 8
    assert [t for t in targets if not (ROOT / t).is_file()] == []
