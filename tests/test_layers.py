"""The layers ARCHITECTURE.md promises, read from the source: who may import what."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "deskapp"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str) -> set[str]:
    """Every module this one imports, anywhere in the file (also inside functions)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _internal(name: str) -> set[str]:
    return {m for m in _imports(name) if m in MODULES and m != name}


def _runtime_internal(name: str) -> set[str]:
    """Internal imports, wherever in the file, except those only for type checkers."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    hidden = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
              and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    found = {m for m in _imports(name) if m in MODULES and m != name}
    typing_only: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in hidden and isinstance(node, ast.ImportFrom) and node.module:
            typing_only.add(node.module)
    return found - typing_only


def test_services_never_import_qt_the_ui_or_the_command_line() -> None:
    offenders = {name: sorted(m for m in _imports(name)
                              if m.startswith(("PySide6", "shiboken6", "deskapp.ui", "deskapp.cli")))
                 for name in MODULES if name.startswith("deskapp.services")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_ui_never_imports_the_command_line() -> None:
    offenders = {name: sorted(m for m in _imports(name) if m.startswith("deskapp.cli"))
                 for name in MODULES if name.startswith("deskapp.ui")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_journal_package_opens_sqlite() -> None:
    """sqlite3 may be named elsewhere for its exception types, never connected to."""
    offenders = []
    for name, path in MODULES.items():
        if name.startswith("deskapp.services.journal"):
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("sqlite3.connect(", "sqlite_utils.Database(", ".db.execute(", ".db.query(",
                       ".db["):
            if needle in text:
                offenders.append(f"{name}: {needle}")
        if "sqlite_utils" in _imports(name):
            offenders.append(f"{name}: imports sqlite_utils")
    assert offenders == []


def test_there_are_no_import_cycles() -> None:
    graph = {name: _runtime_internal(name) for name in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def strongly_connected(node: str) -> None:  # Tarjan
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                strongly_connected(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            strongly_connected(name)
    assert cycles == []


def test_no_module_is_longer_than_400_lines() -> None:
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
            and ".migrations.v" not in name}  # frozen generated SQL may be long
    assert long == {}
