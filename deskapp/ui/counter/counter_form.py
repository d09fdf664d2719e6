"""The counter form's widgets and layout (the behaviour is in :mod:`counter_page`)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.services import privacy
from deskapp.ui.counter.errand_search import ErrandSearch
from deskapp.ui.counter.today_panel import TodayPanel
from deskapp.ui.shell.operations import JournalHub
from deskapp.ui.widgets.choice_list import ChoiceList, widest_item


class CounterForm(QWidget):
    def __init__(self, hub: JournalHub, parent: QWidget | None = None):
        super().__init__(parent)
        self.hub = hub
        self.catalog = hub.catalog
        self._build()

    def show_error(self, text: str) -> None:
        raise NotImplementedError

    def _build(self) -> None:
        self.search = ErrandSearch(self.catalog, self)
        self.errand_search = self.search.field
        self.errand_list = self.search.list

        self.reasons = ChoiceList("reasonList", self.tr("Årsag til fremmøde"), self)
        self.reasons.set_choices(self.catalog.reasons)
        self.outcomes = ChoiceList("outcomeList", self.tr("Resultat"), self)
        self.outcomes.set_choices(self.catalog.outcomes)
        self.reasons.list.setAccessibleDescription(self.tr("Tast 1-9 eller 0 vælger årsagen"))
        self.outcomes.list.setAccessibleDescription(
            self.tr("Tast 1-9 vælger resultatet og gemmer besøget"))

        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("channelCombo")
        self.channel_combo.setAccessibleName(self.tr("Kanal"))
        self.channel_combo.setAccessibleDescription(self.tr("F2 skifter kanal"))
        for channel in self.catalog.channels:
            self.channel_combo.addItem(channel.label, channel.code)

        self.appointment_check = QCheckBox(self.tr("Tidsbestilt (F3)"), self)
        self.appointment_check.setObjectName("appointmentCheck")
        self.appointment_check.setAccessibleName(self.tr("Tidsbestilt"))
        self.appointment_check.setAccessibleDescription(self.tr(
            "F3 skifter mellem tidsbestilt og uden tidsbestilling for dette besøg"))

        self.late_check = QCheckBox(self.tr("Tidligere tidspunkt"), self)
        self.late_check.setObjectName("lateEntryCheck")
        self.late_check.setAccessibleName(self.tr("Registrér med tidligere tidspunkt"))
        self.late_check.setAccessibleDescription(
            self.tr("Ctrl+T: næste besøg registreres med et tidspunkt tidligere i dag"))
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("startTimeEdit")
        self.time_edit.setAccessibleName(self.tr("Besøgets starttidspunkt"))
        self.time_edit.setAccessibleDescription(
            self.tr("Timer og minutter; pil op og ned ændrer, højre og venstre skifter mellem dem"))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setEnabled(False)

        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAccessibleName(self.tr("Kort note"))
        self.note_edit.setPlaceholderText(
            self.tr("Kort note (valgfri) – aldrig navne eller CPR-numre"))
        self.note_edit.setMaxLength(privacy.NOTE_MAX_LENGTH + 50)
        self.note_edit.setAccessibleDescription(self.tr(
            "Ctrl+N går hertil, Enter går tilbage til årsag eller resultat. Noten gemmes med "
            "besøget; skriv aldrig navne eller CPR-numre"))

        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setWordWrap(True)

        self.today = TodayPanel(self.hub, self._caption(self.tr("Dagens besøg (Enter retter det valgte)")),
                                self.show_error, self)
        self.today_table, self.today_model = self.today.table, self.today.model
        self.counts_label = self.today.counts_label

        top = self.search_row = QHBoxLayout()
        top.addWidget(self._buddy(self.tr("&Ærinde:"), self.errand_search))
        top.addWidget(self.errand_search, 1)
        options = self.options_row = QHBoxLayout()
        options.addWidget(self._buddy(self.tr("&Kanal (F2):"), self.channel_combo))
        options.addWidget(self.channel_combo)
        options.addWidget(self.appointment_check)
        options.addWidget(self.late_check)
        options.addWidget(self.time_edit)
        options.addStretch(0)
        # One row when it fits; at large text or in a narrow window the options go below the
        # search, so the search keeps room for what is typed (see resizeEvent).
        self.header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.header.addLayout(top, 1)
        self.header.addLayout(options)

        grid = self.lists_grid = QGridLayout()
        grid.addWidget(self._caption(self.tr("Fundne ærinder")), 0, 0)
        grid.addWidget(self._caption(self.tr("Årsag til fremmøde (tast 1-0)")), 0, 1)
        grid.addWidget(self._caption(self.tr("Resultat (tast 1-9 gemmer)")), 0, 2)
        grid.addWidget(self.errand_list, 1, 0)
        grid.addWidget(self.reasons, 1, 1)
        grid.addWidget(self.outcomes, 1, 2)

        note_row = QHBoxLayout()
        note_row.addWidget(self._buddy(self.tr("&Note:"), self.note_edit))
        note_row.addWidget(self.note_edit, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(self.header)
        layout.addWidget(self.stage_label)
        layout.addLayout(grid, 3)
        layout.addLayout(note_row)
        layout.addWidget(self.today, 2)

        order = [self.errand_search, self.reasons.list, self.outcomes.list, self.note_edit,
                 self.channel_combo, self.appointment_check, self.late_check, self.time_edit,
                 self.today_table]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)  # large text on a narrow window: wrap, never clip
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def share_columns(self) -> None:
        """Each list gets a share of the width in proportion to its longest item, measured in
        the current font: at rest the errand list is widest (all errands), mid-visit it holds
        the one errand taken and the reasons and outcomes get the room. What still does not
        fit wraps onto a second line."""
        for column, view in enumerate((self.errand_list, self.reasons.list, self.outcomes.list)):
            self.lists_grid.setColumnStretch(column, max(1, widest_item(view)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_header()

    def fit_header(self) -> None:
        margins = self.contentsMargins().left() + self.contentsMargins().right() + 24
        wanted = self.search_row.sizeHint().width() + self.options_row.sizeHint().width()
        direction = (QBoxLayout.Direction.LeftToRight if self.width() >= wanted + margins
                     else QBoxLayout.Direction.TopToBottom)
        if self.header.direction() != direction:
            self.header.setDirection(direction)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "lists_grid"):  # not while built
            self.share_columns()
