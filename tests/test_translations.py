"""Every visible string goes through Qt's translation machinery and has an English translation.

Danish is the source language (the strings in the code). The committed .ts file must hold a
finished English translation for every string lupdate finds in deskapp/ui today; the built
.qm must match it; and the main window (every tab, every menu) and the dialogs in
tests/ui_walk.DIALOGS show no Danish once English is installed. After adding UI text run
``bash scripts/translations.sh``, translate the new entries in resources/translations/
skranke_en.ts (pyside6-linguist, or scripts/ts_fill.py), and run it again.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from deskapp.services.journal import Journal
from tests import ui_walk

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ["en"]
PLACEHOLDER = re.compile(r"%\d|\{\w*\}")
DANISH_LETTERS = re.compile("[æøåÆØÅ]")


def read_ts(path: Path) -> dict[tuple[str, str], ET.Element]:
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def translated_texts(message: ET.Element) -> list[str]:
    """The translation of a message: one text, or one per plural form (numerus="yes")."""
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.fixture(scope="module")
def current_sources(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds in the code right now (not what was committed)."""
    out = tmp_path_factory.mktemp("lupdate") / "current.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "deskapp" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-source-language", "da", "-target-language", "en",
                    "-locations", "none", "-ts", str(out)], cwd=ROOT, check=True, capture_output=True)
    found = read_ts(out)
    assert len(found) > 50, "lupdate found suspiciously few strings"
    return found


def test_translator_forgives_helper_contexts(english) -> None:
    """A bare tr() helper gets no context from lupdate and ``messages.tr`` gets "messages";
    the app's translator finds them whatever context the helper uses at run time."""
    assert QCoreApplication.translate("ErrandSearch", "Søg ærinde") == "Search errand"
    assert QCoreApplication.translate("Messages", "Der findes ingen journal på {path}.") == (
        "There is no journal at {path}.")
    assert QCoreApplication.translate("CounterPage", "ikke oversat") == "ikke oversat"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_source_string_has_a_finished_translation(current_sources, lang: str) -> None:
    committed = read_ts(TS_DIR / f"skranke_{lang}.ts")
    missing = []
    for key in current_sources:
        message = committed.get(key)
        translation = message.find("translation") if message is not None else None
        if (translation is None or not all(t.strip() for t in translated_texts(message))
                or translation.get("type") in ("unfinished", "vanished", "obsolete")):
            missing.append(f"{key[0]}: {key[1]!r}")
    assert missing == [], (
        f"{len(missing)} string(s) without a finished {lang} translation; run "
        f"scripts/translations.sh and translate them in resources/translations/skranke_{lang}.ts:\n"
        + "\n".join(missing))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_placeholders_and_mnemonics(lang: str) -> None:
    problems = []
    for (context, source), message in read_ts(TS_DIR / f"skranke_{lang}.ts").items():
        for text in translated_texts(message):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{context}: placeholders differ: {source!r} -> {text!r}")
            if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
                problems.append(f"{context}: mnemonic (&) differs: {source!r} -> {text!r}")
            if DANISH_LETTERS.search(text) and lang != "da":
                problems.append(f"{context}: Danish letters in the {lang} text: {text!r}")
    assert problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translation_memory_keeps_placeholders_and_mnemonics(lang: str) -> None:
    import json

    memory = TS_DIR / f"memory_{lang}.json"
    if not memory.exists():
        pytest.skip(f"no {memory.name}")
    problems = []
    for source, value in json.loads(memory.read_text(encoding="utf-8")).items():
        source = source.split("|", 1)[-1]
        for text in value if isinstance(value, list) else [value]:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"placeholders differ: {source!r} -> {text!r}")
            if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
                problems.append(f"mnemonic (&) differs: {source!r} -> {text!r}")
            if DANISH_LETTERS.search(text):
                problems.append(f"Danish letters in {text!r}")
    assert problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_qm_matches_the_ts_file(qapp, lang: str) -> None:
    qm = TS_DIR / f"skranke_{lang}.qm"
    assert qm.exists(), "the .qm files are built by scripts/setup.sh (scripts/translations.sh release)"
    translator = QTranslator()
    assert translator.load(str(qm))
    stale = [f"{context}: {source!r}"
             for (context, source), message in read_ts(TS_DIR / f"skranke_{lang}.ts").items()
             if message.get("numerus") != "yes"
             and translator.translate(context, source) != translated_texts(message)[0]]
    assert stale == [], "the .qm is older than the .ts: run scripts/translations.sh release"


@pytest.fixture
def english(qapp):
    language = ui_walk.install_language("en")
    assert language.translators, "skranke_en.qm was not loaded"
    yield language
    language.remove()


def _danish_leaks(root, sources: set[str]) -> list[str]:
    data = ui_walk.catalogue_strings()
    leaks = []
    for where, text in ui_walk.visible_texts(root):
        if not text:
            continue
        if text in sources:
            leaks.append(f"{where}: untranslated source {text!r}")
        elif DANISH_LETTERS.search(ui_walk.without_data(text, data)):
            leaks.append(f"{where}: Danish text {text!r}")
    return leaks


def _translated_sources(lang: str) -> set[str]:
    return {source for (_c, source), message in read_ts(TS_DIR / f"skranke_{lang}.ts").items()
            if source not in translated_texts(message)}


def test_main_window_in_english_shows_no_danish(english, make_window, journal: Journal) -> None:
    window = make_window(journal)
    leaks = _danish_leaks(window, _translated_sources("en"))
    for index, _page in ui_walk.pages(window):
        window.tabs.setCurrentIndex(index)
    leaks += _danish_leaks(window, _translated_sources("en"))
    assert sorted(set(leaks)) == []


@pytest.mark.parametrize("name", [name for name, _factory in ui_walk.DIALOGS])
def test_dialogs_in_english_show_no_danish(english, qtbot, make_window, journal: Journal,
                                           name: str) -> None:
    window = make_window(journal, shown=False)
    factory = dict(ui_walk.DIALOGS)[name]
    dialog = factory(window.hub, window.config, window)
    qtbot.addWidget(dialog)
    assert _danish_leaks(dialog, _translated_sources("en")) == []


def test_danish_is_the_default(make_window, journal: Journal) -> None:
    window = make_window(journal, shown=False)
    assert window.tabs.tabText(0) == "&Skranke"
    assert QCoreApplication.translate("CounterPage", "Søg ærinde") == "Søg ærinde"


def test_the_walk_would_catch_an_untranslated_label(english, qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    QLabel("Gem besøget", root)
    QLabel("Dagens besøg", root).setObjectName("copied")
    leaks = _danish_leaks(root, _translated_sources("en"))
    assert len(leaks) == 2


# --- static check: no visible literal bypasses tr() ----------------------------------------------

TEXT_METHODS = {"setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName",
                "setAccessibleDescription", "addTab", "insertTab", "setTabText", "setTabToolTip",
                "addMenu", "setStatusTip", "setWhatsThis", "showMessage", "setTitle", "addItem",
                "setLabelText", "setSuffix", "setPrefix", "setSpecialValueText", "setInformativeText",
                "addButton", "setHeaderLabels", "setHorizontalHeaderLabels", "setWindowIconText"}
TEXT_WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QAction", "QGroupBox",
                "QToolButton", "QCommandLinkButton"}
MESSAGE_BOX = {"information", "warning", "critical", "question", "about"}


def _literal_text(node) -> str | None:
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def visible_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of string literals with letters handed straight to a text-taking Qt call."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        args = list(node.args)
        if name in MESSAGE_BOX and isinstance(func, ast.Attribute) and getattr(
                func.value, "id", "") == "QMessageBox":
            args = args[1:]  # parent, title, text...
        elif name not in TEXT_METHODS and name not in TEXT_WIDGETS:
            continue
        for arg in args:
            text = _literal_text(arg)
            if text is not None and re.search(r"[A-Za-zæøåÆØÅ]{2}", text):
                found.append((node.lineno, text))
    return found


def test_no_visible_text_bypasses_tr() -> None:
    """Danish source strings must be wrapped in self.tr()/QCoreApplication.translate(); a bare
    literal would show untranslated in English. Language names (shown in their own language)
    and the app name are marked '# tr: ok' on their line."""
    problems = []
    for path in sorted((ROOT / "deskapp" / "ui").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for line, text in visible_literals(path.read_text(encoding="utf-8")):
            if "# tr: ok" not in lines[line - 1]:
                problems.append(f"{path.relative_to(ROOT)}:{line}: {text!r}")
    assert problems == []


HIDDEN_HELPER = re.compile(r"^_\w*$|^\w*_tr$|^tr_\w*$")


def hidden_translations(source: str) -> list[tuple[int, str]]:
    """Calls such as ``_tr("...")`` or ``_("...")`` with a literal: lupdate only knows tr(),
    X.tr(), translate() and QT_TR_NOOP, so these strings never reach the .ts file."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and HIDDEN_HELPER.match(node.func.id) and node.args):
            continue
        text = _literal_text(node.args[0])
        if text and re.search(r"[A-Za-zæøåÆØÅ]{2}", text):
            found.append((node.lineno, f"{node.func.id}({text!r})"))
    return found


def test_no_translation_helper_hides_strings_from_lupdate() -> None:
    problems = []
    for path in sorted((ROOT / "deskapp" / "ui").rglob("*.py")):
        for line, call in hidden_translations(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(ROOT)}:{line}: {call}")
    assert problems == [], "use self.tr() or QCoreApplication.translate('Context', '...')"


def test_hidden_helper_check_catches_underscore_tr() -> None:
    code = "a = _tr('Gem')\nb = _('Åbn')\nc = tr('Luk')\nd = self._tr('x')\ne = _private(3)\n"
    assert [line for line, _call in hidden_translations(code)] == [1, 2]


def test_static_check_catches_a_bare_literal() -> None:
    code = ("label = QLabel('Gem besøget')\nbox.setText(f'I dag: {n} besøg')\n"
            "QMessageBox.warning(self, 'Skranke', 'Fejl!')\nok = QLabel(self.tr('Gem'))\n")
    assert [line for line, _text in visible_literals(code)] == [1, 2, 3, 3]
