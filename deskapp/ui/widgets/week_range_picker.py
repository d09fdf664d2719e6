"""Pick a range of ISO weeks: this week, last week, the last 4 weeks, or a custom from/to."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QStyle, QStyleOptionFrame, QWidget

from deskapp.services import weeks

THIS_WEEK, LAST_WEEK, LAST_4_WEEKS, CUSTOM = range(4)


def preset_range(preset: int, today: date | None = None) -> tuple[str, str]:
    current = weeks.this_week(today)
    if preset == THIS_WEEK:
        return current, current
    if preset == LAST_WEEK:
        last = weeks.shift_week(current, -1)
        return last, last
    return weeks.shift_week(current, -3), current


def week_field_width(edit: QLineEdit) -> int:
    """The width a line edit needs to show an ISO week ("2026-W48") in its own font: the widest
    digits measured, plus Qt's text margins and the style's frame. Never a fixed pixel count."""
    metrics = edit.fontMetrics()
    text = max(metrics.horizontalAdvance(f"{d * 4}-W{d * 2}") for d in "0123456789")
    margins = edit.textMargins()
    contents = QSize(text + 4 + margins.left() + margins.right() + metrics.averageCharWidth(),
                     metrics.height())  # 4: QLineEdit's 2 px each side; a character for the caret
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    return edit.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, contents, edit).width()


class WeekRangePicker(QWidget):
    """Emits ``range_changed(first, last)`` whenever a valid range is chosen."""

    range_changed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.today = today
        self.preset = QComboBox(self)
        self.preset.setObjectName("weekPreset")
        self.preset.setAccessibleName(self.tr("Periode"))
        self.preset.setAccessibleDescription(self.tr(
            "Vælger ugerne, tallene gælder: denne uge, sidste uge, de sidste 4 uger "
            "eller en valgfri periode"))
        self.preset.addItems([self.tr("Denne uge"), self.tr("Sidste uge"), self.tr("Sidste 4 uger"),
                              self.tr("Valgfri periode")])
        self.first_edit = QLineEdit(self)
        self.first_edit.setObjectName("weekFrom")
        self.first_edit.setAccessibleName(self.tr("Fra uge"))
        self.first_edit.setAccessibleDescription(self.tr(
            "Periodens første uge, skrevet som 2026-W48. Kan rettes, når perioden er valgfri"))
        self.last_edit = QLineEdit(self)
        self.last_edit.setObjectName("weekTo")
        self.last_edit.setAccessibleName(self.tr("Til uge"))
        self.last_edit.setAccessibleDescription(self.tr(
            "Periodens sidste uge, skrevet som 2026-W48. Enter eller Tab viser tallene"))
        for edit in (self.first_edit, self.last_edit):
            edit.setPlaceholderText("2026-W48")
        self.fit_week_fields()
        self.problem = QLabel(self)
        self.problem.setObjectName("weekProblem")
        bold = self.problem.font()
        bold.setBold(True)  # the text says what is wrong; no colour of its own (high contrast)
        self.problem.setFont(bold)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Periode:"), self)
        label.setBuddy(self.preset)
        layout.addWidget(label)
        layout.addWidget(self.preset)
        layout.addWidget(QLabel(self.tr("fra"), self))
        layout.addWidget(self.first_edit)
        layout.addWidget(QLabel(self.tr("til"), self))
        layout.addWidget(self.last_edit)
        layout.addWidget(self.problem, 1)
        self.preset.currentIndexChanged.connect(self.on_preset_changed)
        self.first_edit.editingFinished.connect(self.on_custom_edited)
        self.last_edit.editingFinished.connect(self.on_custom_edited)
        self.preset.setCurrentIndex(LAST_4_WEEKS)
        self.on_preset_changed(LAST_4_WEEKS)

    def fit_week_fields(self) -> None:
        for edit in (self.first_edit, self.last_edit):
            edit.setFixedWidth(week_field_width(edit))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "last_edit"):
            self.fit_week_fields()  # larger system text: wider fields, never a cut week

    def current_range(self) -> tuple[str, str]:
        return self.first_edit.text(), self.last_edit.text()

    def set_custom(self, first: str, last: str) -> None:
        self.preset.setCurrentIndex(CUSTOM)
        self.first_edit.setText(first)
        self.last_edit.setText(last)
        self.on_custom_edited()

    def on_preset_changed(self, index: int) -> None:
        custom = index == CUSTOM
        self.first_edit.setReadOnly(not custom)
        self.last_edit.setReadOnly(not custom)
        if custom:
            self.first_edit.setFocus()
            return
        first, last = preset_range(index, self.today)
        self.first_edit.setText(first)
        self.last_edit.setText(last)
        self.problem.clear()
        self.range_changed.emit(first, last)

    def on_custom_edited(self) -> None:
        if self.preset.currentIndex() != CUSTOM:
            return
        try:
            first = weeks.parse_week(self.first_edit.text())
            last = weeks.parse_week(self.last_edit.text() or first)
            weeks.week_range(first, last)
        except weeks.BadWeek:
            self.problem.setText(self.tr("Skriv ugerne som 2026-W48, og 'fra' før 'til'."))
            return
        self.problem.clear()
        self.first_edit.setText(first)
        self.last_edit.setText(last)
        self.range_changed.emit(first, last)
