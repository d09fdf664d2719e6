"""The manager's page: weekly tallies, shares against the 80 % goal, friction points,
hours, drill-down from an errand, imports of digital counts and exports.

Figures come from the tally service (deskapp.services.exports.report_data.collect); the
page only shows them. Exports run on a QThreadPool worker with its own journal connection.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.services import settings as settings_service
from deskapp.services.exports.report_data import ReportData
from deskapp.services.tallies import GOAL, Query, Row, change
from deskapp.ui.manager.digital_import import ask_and_import
from deskapp.ui.manager.manager_exports import ExportRunner
from deskapp.ui.manager.tally_models import CODE_ROLE, Column, HoursModel, PivotModel, RowsModel
from deskapp.ui.manager.tally_worker import TallySignals, TallyTask
from deskapp.ui.shell.operations import Change, JournalHub
from deskapp.ui.widgets.bar_chart import BarChart, BarDelegate
from deskapp.ui.widgets.focus_table import FocusFrameTableView
from deskapp.ui.widgets.week_range_picker import WeekRangePicker


def _pct(value: object) -> str:
    return "" if value is None else f"{float(value) * 100:.0f} %"  # type: ignore[arg-type]


class ManagerPage(QWidget):
    status = Signal(str)
    export_done = Signal(str)  # path written (or "" when it failed)
    refreshed = Signal()  # new figures are on screen

    def __init__(self, hub: JournalHub, config: settings_service.Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.hub = hub
        self.catalog = hub.catalog
        self.config = config
        self.data: ReportData | None = None
        self.query: Query | None = None
        self.dirty = True
        self.exports = ExportRunner(self, hub.journal.path, hub.catalog, config)
        self.tally_pool = QThreadPool(self)  # recounts, one at a time, never behind an export
        self.tally_pool.setMaxThreadCount(1)
        self.generation = 0  # only the newest recount is shown
        self.counting = False
        self._signals: set[QObject] = set()  # keeps each running count's signals object alive
        self._build()
        self._connect_signals()
        first, last = self.picker.current_range()
        self.set_range(first, last)

    # --- construction ---------------------------------------------------------------------

    def _button(self, name: str, text: str, accessible: str, description: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAccessibleDescription(description)
        return button

    def _table(self, name: str, accessible: str, model: object, description: str) -> QTableView:
        view = FocusFrameTableView(self)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setAccessibleDescription(description)
        view.setModel(model)  # type: ignore[arg-type]
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _build(self) -> None:
        self.picker = WeekRangePicker(self)
        self.desk_combo = QComboBox(self)
        self.desk_combo.setObjectName("deskFilter")
        self.desk_combo.setAccessibleName(self.tr("Skranke"))
        self.desk_combo.setAccessibleDescription(
            self.tr("Viser tallene for én skranke eller for alle skranker"))
        self.desk_combo.addItem(self.tr("Alle skranker"), "")
        self.import_button = self._button(
            "importDigital", self.tr("&Importér digitale tal…"), self.tr("Importér digitale tal fra CSV"),
            self.tr("Læser antallet af digitale ansøgninger pr. ærinde fra en CSV-fil, "
                    "så andelene kan regnes"))
        self.csv_button = self._button(
            "exportCsv", self.tr("CSV…"), self.tr("Eksportér optælling som CSV"),
            self.tr("Gemmer optællingen for den valgte periode og skranke som CSV-fil"))
        self.xlsx_button = self._button(
            "exportXlsx", self.tr("&Excel…"), self.tr("Eksportér til Excel"),
            self.tr("Gemmer optællingen for den valgte periode og skranke som Excel-projektmappe"))
        self.pdf_button = self._button(
            "exportPdf", self.tr("P&DF-rapport…"), self.tr("Eksportér PDF-rapport"),
            self.tr("Gemmer en PDF-rapport med nøgletal, andele og friktionspunkter for perioden"))
        filters = QHBoxLayout()
        filters.addWidget(self.picker, 1)
        filters.addWidget(self.desk_combo)
        actions = QHBoxLayout()
        for button in (self.import_button, self.csv_button, self.xlsx_button, self.pdf_button):
            actions.addWidget(button)
        actions.addStretch(1)
        top = QVBoxLayout()  # two rows, so 200 % text still fits a full HD screen beside the guide
        top.addLayout(filters)
        top.addLayout(actions)

        self.summary = QLabel(self)
        self.summary.setObjectName("tallySummary")
        self.summary.setAccessibleName(self.tr("Nøgletal"))
        self.summary.setWordWrap(True)

        # Errands with drill-down into reasons and outcomes.
        self.errands_model = RowsModel([
            Column(self.tr("Ærinde"), lambda r: str(r["errand_label"])),
            Column(self.tr("Henvendelser"), lambda r: str(r["count"]), numeric=True, bar=self._errand_bar),
        ], code_key="errand", parent=self)
        self.errands_view = self._table(
            "errandTally", self.tr("Henvendelser pr. ærinde"), self.errands_model,
            self.tr("Pil op og ned vælger et ærinde; dets årsager og resultater vises ved siden af"))
        self.errands_view.setItemDelegateForColumn(1, BarDelegate(self.errands_view))
        self.errands_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.drill_title = QLabel(self)
        self.drill_title.setObjectName("drillTitle")
        self.drill_title.setWordWrap(True)
        self.drill_reasons = BarChart("drillReasons", self.tr("Årsager for det valgte ærinde"), self)
        self.drill_outcomes = BarChart("drillOutcomes", self.tr("Resultater for det valgte ærinde"), self)
        drill = QWidget(self)
        drill_layout = QVBoxLayout(drill)
        drill_layout.addWidget(self.drill_title)
        drill_layout.addWidget(QLabel(self.tr("Årsager til fremmøde"), drill))
        drill_layout.addWidget(self.drill_reasons)
        drill_layout.addWidget(QLabel(self.tr("Resultater"), drill))
        drill_layout.addWidget(self.drill_outcomes)
        drill_layout.addStretch(1)
        drill_scroll = QScrollArea(self)
        drill_scroll.setWidgetResizable(True)
        drill_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the tables inside
        drill_scroll.setWidget(drill)
        errands_tab = QSplitter(self)
        errands_tab.addWidget(self.errands_view)
        errands_tab.addWidget(drill_scroll)
        errands_tab.setSizes([420, 520])

        self.reasons_model = PivotModel(self.catalog, "reasons", self)
        self.reasons_view = self._table(
            "errandsByReason", self.tr("Ærinder fordelt på årsager"), self.reasons_model,
            self.tr("Et ærinde pr. række, en årsag pr. kolonne. Enter viser ærindet under fanen Ærinder"))
        self.outcomes_model = PivotModel(self.catalog, "outcomes", self)
        self.outcomes_view = self._table(
            "errandsByOutcome", self.tr("Ærinder fordelt på resultater"), self.outcomes_model,
            self.tr("Et ærinde pr. række, et resultat pr. kolonne. Enter viser ærindet under fanen Ærinder"))

        self.channels_model = RowsModel([
            Column(self.tr("Kanal"), lambda r: str(r["channel_label"])),
            Column(self.tr("Henvendelser"), lambda r: str(r["count"]), numeric=True),
            Column(self.tr("Andel"), self._channel_share, numeric=True),
        ], code_key="channel", parent=self)
        self.channels_view = self._table(
            "channelTotals", self.tr("Henvendelser pr. kanal"), self.channels_model,
            self.tr("Antal henvendelser og andel for hver kanal i perioden"))
        self.channels_chart = BarChart("channelChart", self.tr("Søjlediagram: henvendelser pr. kanal"), self)
        channels_tab = QWidget(self)
        channels_layout = QVBoxLayout(channels_tab)
        self.channels_view.setMaximumHeight(self.channels_view.verticalHeader().defaultSectionSize() * 8)
        channels_layout.addWidget(self.channels_view)
        channels_layout.addWidget(self.channels_chart)
        channels_layout.addStretch(1)

        self.shares_model = RowsModel([
            Column(self.tr("Ærinde"), lambda r: str(r["errand_label"])),
            Column(self.tr("Digitale"), lambda r: str(r["digital"]), numeric=True),
            Column(self.tr("I skranken"), lambda r: str(r["counter_transactions"]), numeric=True),
            Column(self.tr("Selvbetjening"), lambda r: _pct(r["self_service_share"]), numeric=True),
            Column(self.tr("Digital andel"), lambda r: _pct(r["digital_share"]), numeric=True,
                   bar=lambda r: r["digital_share"], goal=GOAL),  # type: ignore[arg-type, return-value]
            Column(self.tr("Mod mål (80 %)"), self._goal_text),
        ], code_key="errand", parent=self)
        self.shares_view = self._table(
            "sharesVsGoal", self.tr("Digital andel mod målet pr. ærinde"), self.shares_model,
            self.tr("Digitale og fremmødte sager pr. ærinde mod målet på 80 %. Enter viser ærindet"))
        self.shares_view.setItemDelegateForColumn(4, BarDelegate(self.shares_view))
        header = self.shares_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(4, 120)
        header.setStretchLastSection(False)
        self.shares_chart = BarChart("sharesChart", self.tr("Søjlediagram: digital andel mod målet"), self)
        legend = QLabel(self.tr("Mørk søjle: digital andel · lys søjle: selvbetjeningsandel · "
                                "stiplet streg: målet på 80 %"), self)
        legend.setWordWrap(True)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(legend)
        chart_layout.addWidget(self.shares_chart)
        chart_layout.addStretch(1)
        shares_scroll = QScrollArea(self)
        shares_scroll.setWidgetResizable(True)
        shares_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chart repeats the table beside it
        shares_scroll.setWidget(chart_box)
        shares_tab = QSplitter(self)
        shares_tab.addWidget(self.shares_view)
        shares_tab.addWidget(shares_scroll)
        shares_tab.setSizes([640, 460])

        self.friction_model = RowsModel([
            Column(self.tr("Ærinde"), lambda r: str(r["errand_label"])),
            Column(self.tr("Trin"), lambda r: str(r["step_label"])),
            Column(self.tr("Gået i stå"), lambda r: str(r["count"]), numeric=True),
            Column(self.tr("Forhindringer"), self._blockers_text),
        ], code_key="errand", parent=self)
        self.friction_view = self._table(
            "frictionPoints", self.tr("De største friktionspunkter"), self.friction_model,
            self.tr("De trin, hvor borgerne oftest sad fast, med de angivne forhindringer"))
        self.friction_view.setWordWrap(True)
        friction_header = self.friction_view.horizontalHeader()
        for column, width in ((0, 190), (1, 330), (2, 80)):
            friction_header.resizeSection(column, width)
        self.friction_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.hours_model = HoursModel(self)
        self.hours_view = self._table(
            "hoursByWeekday", self.tr("Henvendelser pr. ugedag og time"), self.hours_model,
            self.tr("En ugedag pr. række, en time pr. kolonne: hvornår der er travlt i skranken"))
        self.hours_view.verticalHeader().setVisible(True)
        self.hours_view.setAlternatingRowColors(False)
        self.hours_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("managerTabs")
        self.tabs.setAccessibleName(self.tr("Optællinger"))
        self.tabs.tabBar().setObjectName("managerTabBar")
        self.tabs.tabBar().setAccessibleName(self.tr("Optællinger"))
        self.tabs.tabBar().setAccessibleDescription(self.tr(
            "Vælger hvilken optælling der vises. Pil venstre og højre eller Ctrl+Tab skifter"))
        self.tabs.addTab(errands_tab, self.tr("Ærinder"))
        self.tabs.addTab(self.reasons_view, self.tr("Ærinder × årsager"))
        self.tabs.addTab(self.outcomes_view, self.tr("Ærinder × resultater"))
        self.tabs.addTab(channels_tab, self.tr("Kanaler"))
        self.tabs.addTab(shares_tab, self.tr("Digital andel"))
        self.tabs.addTab(self.friction_view, self.tr("Friktionspunkter"))
        self.tabs.addTab(self.hours_view, self.tr("Ugedag × time"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def _connect_signals(self) -> None:
        self.picker.range_changed.connect(self.set_range)
        self.desk_combo.currentIndexChanged.connect(self.on_desk_changed)
        self.hub.changed.connect(self.on_journal_changed)
        self.errands_view.selectionModel().currentRowChanged.connect(self.on_errand_row_changed)
        for view in (self.reasons_view, self.outcomes_view, self.shares_view):
            view.doubleClicked.connect(self.on_pivot_activated)
            view.activated.connect(self.on_pivot_activated)  # Enter (a second call changes nothing)
        self.import_button.clicked.connect(self.on_import)
        self.csv_button.clicked.connect(lambda: self.on_export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.on_export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.on_export("pdf"))
        self.exports.running_changed.connect(self.on_export_running)
        self.exports.done.connect(self.export_done)
        self.exports.status.connect(self.status)

    # --- column texts ---------------------------------------------------------------------

    def _errand_bar(self, row: Row) -> float:
        top = int(self.data.errands[0]["count"]) if self.data and self.data.errands else 1
        return int(row["count"]) / (top or 1)

    def _channel_share(self, row: Row) -> str:
        total = int(self.data.totals["visits"]) if self.data else 0
        return _pct(int(row["count"]) / total) if total else ""

    def _goal_text(self, row: Row) -> str:
        share = row["digital_share"]
        if share is None:
            return ""
        if float(share) >= GOAL:  # type: ignore[arg-type]
            return self.tr("nået")
        return self.tr("%1 point under").replace("%1", f"{(GOAL - float(share)) * 100:.0f}")  # type: ignore[arg-type]

    def _blockers_text(self, row: Row) -> str:
        return ", ".join(f"{label or self.tr('ingen angivet')} ({n})"
                         for _, label, n in row["blockers"])  # type: ignore[attr-defined]

    # --- data -----------------------------------------------------------------------------

    def set_range(self, first: str, last: str) -> None:
        self.query = Query(first, last, self._desks())
        self.request_refresh()

    def request_refresh(self) -> None:
        """Recount now if the page is on screen, otherwise when it is next shown."""
        self.dirty = True
        if self.isVisible():
            self.refresh()

    def _desks(self) -> tuple[str, ...]:
        desk = self.desk_combo.currentData()
        return (desk,) if desk else ()

    def on_desk_changed(self, _index: int) -> None:
        if self.query is not None:
            self.query = Query(self.query.first, self.query.last, self._desks())
            self.request_refresh()

    def on_journal_changed(self, change: Change) -> None:
        if self.query is not None and change.touches_weeks(self.query.first, self.query.last):
            self.request_refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.dirty:
            self.refresh()

    def refresh(self) -> None:
        """Start a recount on the worker; the newest one's figures replace the tables."""
        if self.query is None:
            return
        self.dirty = False
        self.generation += 1
        self.counting = True
        self.summary.setText(self.tr("Tæller op …"))
        signals = TallySignals()
        signals.ready.connect(self.on_counted)
        signals.failed.connect(self.on_count_failed)
        self._signals.add(signals)
        self.tally_pool.start(TallyTask(self.generation, self.hub.journal.path, self.catalog, self.query,
                                        self.config.municipality, signals))

    def on_count_failed(self, generation: int, reason: str) -> None:
        self._signals.discard(self.sender())
        if generation == self.generation:
            self.counting = False
            self.summary.setText(self.tr("Optællingen mislykkedes: %1").replace("%1", reason))

    def on_counted(self, generation: int, data: ReportData) -> None:
        self._signals.discard(self.sender())
        if generation != self.generation:
            return  # a newer range was chosen while this one was counted
        self.counting = False
        self.show_data(data)
        self.refreshed.emit()

    def show_data(self, data: ReportData) -> None:
        selected = self.selected_errand()
        self.data = data
        self._fill_desks(data)
        self.errands_model.set_rows(data.errands)
        self.reasons_model.set_pivot(data.reasons)
        self.outcomes_model.set_pivot(data.outcomes)
        self.channels_model.set_rows(data.channels)
        self.channels_chart.set_bars([(str(c["channel_label"]), int(c["count"])) for c in data.channels])
        shares = [s for s in data.shares if s["has_digital"] and s["digital_share"] is not None]
        self.shares_model.set_rows(shares)
        self.shares_chart.set_bars(
            [(str(s["errand_label"]), float(s["digital_share"]), float(s["self_service_share"]))  # type: ignore[arg-type]
             for s in shares], percent=True, goal=GOAL)
        self.friction_model.set_rows(data.friction)
        self.hours_model.set_counts(data.hours)
        for view in (self.reasons_view, self.outcomes_view):
            view.resizeColumnsToContents()
        self.summary.setText(self._summary_text(data))
        self.select_errand(selected or (str(data.errands[0]["errand"]) if data.errands else None))

    def _fill_desks(self, data: ReportData) -> None:
        current = self.desk_combo.currentData()
        known = {self.desk_combo.itemData(i) for i in range(self.desk_combo.count())}
        self.desk_combo.blockSignals(True)
        for desk in data.desks:
            if desk not in known:
                self.desk_combo.addItem(desk, desk)
        self.desk_combo.setCurrentIndex(max(0, self.desk_combo.findData(current)))
        self.desk_combo.blockSignals(False)

    def _summary_text(self, data: ReportData) -> str:
        visits = int(data.totals["visits"])
        moved = change(visits, int(data.previous["visits"]))
        number = QLocale().toString  # "1.574" in Danish, "1,574" in English
        parts = [self.tr("Uge %1: %2 henvendelser").replace("%1", data.period_text).replace(
            "%2", number(visits))]
        if moved is not None:
            parts.append(self.tr("%1 % i forhold til forrige periode").replace("%1", f"{moved * 100:+.0f}"))
        if data.totals["digital_share"] is not None:
            share = _pct(data.totals["digital_share"])
            parts.append(self.tr("digital andel %1 (mål 80 %)").replace("%1", share))
        parts.append(self.tr("fejlhenvendelser %1").replace("%1", number(int(data.totals["error_contacts"]))))
        return " · ".join(parts)

    # --- drill-down -----------------------------------------------------------------------

    def selected_errand(self) -> str | None:
        return self.errands_model.code_at(self.errands_view.currentIndex().row())

    def select_errand(self, code: str | None) -> None:
        rows = [i for i, r in enumerate(self.errands_model.rows) if r["errand"] == code]
        if rows:
            self.errands_view.selectRow(rows[0])
        self.show_drill_down(code if rows else None)

    def on_errand_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_drill_down(self.errands_model.code_at(current.row()))

    def on_pivot_activated(self, index: QModelIndex) -> None:
        model = index.model()
        code = model.data(index, CODE_ROLE)
        if code:
            self.tabs.setCurrentIndex(0)
            self.select_errand(str(code))

    def show_drill_down(self, code: str | None) -> None:
        if self.data is None or code is None:
            self.drill_title.setText(self.tr("Vælg et ærinde for at se årsager og resultater."))
            self.drill_reasons.set_bars([])
            self.drill_outcomes.set_bars([])
            return
        total = sum(self.data.reasons.cells.get((code, c), 0) for c in self.data.reasons.columns)
        self.drill_title.setText(self.tr("<b>%1</b>: %2 henvendelser").replace(
            "%1", self.catalog.label("errands", code)).replace("%2", str(total)))
        for chart, pivot, kind in ((self.drill_reasons, self.data.reasons, "reasons"),
                                   (self.drill_outcomes, self.data.outcomes, "outcomes")):
            bars = [(self.catalog.label(kind, c) or self.tr("(ingen)"), pivot.cells.get((code, c), 0))
                    for c in pivot.columns if pivot.cells.get((code, c), 0)]
            chart.set_bars(sorted(bars, key=lambda b: -b[1]))

    # --- import and export ----------------------------------------------------------------

    def on_import(self) -> None:
        text = ask_and_import(self, self.hub)
        if text:
            self.status.emit(text)

    def on_export(self, fmt: str) -> None:
        if self.query is not None:
            self.exports.ask_and_export(fmt, self.query)

    def on_export_running(self, running: bool) -> None:
        for button in (self.csv_button, self.xlsx_button, self.pdf_button):
            button.setEnabled(not running)

    def wait_for_workers(self) -> None:
        self.exports.wait()
        self.tally_pool.waitForDone()
