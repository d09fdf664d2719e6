"""The app's translator: Skranke's .qm file, forgiving about lupdate's contexts.

lupdate files a string under the class of a ``self.tr()`` call, the literal context of
``QCoreApplication.translate("Context", ...)``, the module name of ``module.tr(...)`` and no
context at all for a bare ``tr("...")`` helper function. At run time such a helper usually
translates under a context of its own choosing, so the exact lookup misses; this translator
then tries no context and the lower-cased context, so those strings translate too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator


class SkrankeTranslator(QTranslator):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._inner = QTranslator(self)

    def load_file(self, path: str) -> bool:
        return self._inner.load(path)

    def isEmpty(self) -> bool:
        return self._inner.isEmpty()

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        for candidate in (context, "", context.lower()):
            text = self._inner.translate(candidate, source, disambiguation, n)
            if text:
                return text
        return None  # a null string: Qt asks the next translator, then shows the source
