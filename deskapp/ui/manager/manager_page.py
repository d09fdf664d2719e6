"""The manager's page: weekly tallies, shares against the 80 % goal, friction points,
hours, drill-down from an errand, imports of digital counts and exports.

Figures come from the tally service (deskapp.services.exports.report_data.collect); the
page only shows them, with the same discretion as the exports when a minimum is set.
Recounts and exports run on the background runner with their own journal connection.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deskapp.services import settings as settings_service
from deskapp.services.exports.report_data import ReportData, collect
from deskapp.services.journal import Journal, JournalError
from deskapp.services.percentages import GOAL
from deskapp.services.tallies import Query
from deskapp.ui.manager.digital_import import ask_and_import
from deskapp.ui.manager.drill_down import DrillDown
from deskapp.ui.manager.friction_tab import FrictionTab
from deskapp.ui.manager.manager_exports import ExportRunner
from deskapp.ui.manager.manager_parts import FigureTexts, min_count_box, page_button, tally_table
from deskapp.ui.manager.tally_models import CODE_ROLE, Column, HoursModel, PivotModel, RowsModel
from deskapp.ui.shell import messages
from deskapp.ui.shell.background import BackgroundRunner
from deskapp.ui.shell.operations import Change, JournalHub
from deskapp.ui.widgets.bar_chart import BarChart, BarDelegate
from deskapp.ui.widgets.week_range_picker import WeekRangePicker


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
        self.counts = BackgroundRunner(self)  # recounts, one at a time, never behind an export
        self.generation = 0  # only the newest recount is shown
        self.counting = False
        self.texts = FigureTexts(lambda: self.data, self)
        self._build()
        self._connect_signals()
        first, last = self.picker.current_range()
        self.set_range(first, last)

    def _build(self) -> None:
        t = self.texts  # the column texts
        self.picker = WeekRangePicker(self)
        self.desk_combo = QComboBox(self)
        self.desk_combo.setObjectName("deskFilter")
        self.desk_combo.setAccessibleName(self.tr("Skranke"))
        self.desk_combo.setAccessibleDescription(
            self.tr("Viser tallene for én skranke eller for alle skranker"))
        self.desk_combo.addItem(self.tr("Alle skranker"), "")
        self.min_count = min_count_box(self)
        self.import_button = page_button(
            self, "importDigital", self.tr("&Importér digitale tal…"),
            self.tr("Importér digitale tal fra CSV"),
            self.tr("Læser antallet af digitale ansøgninger pr. ærinde fra en CSV-fil, "
                    "så andelene kan regnes"))
        self.csv_button = page_button(
            self, "exportCsv", self.tr("CSV…"), self.tr("Eksportér optælling som CSV"),
            self.tr("Gemmer optællingen for den valgte periode og skranke som CSV-fil"))
        self.xlsx_button = page_button(
            self, "exportXlsx", self.tr("&Excel…"), self.tr("Eksportér til Excel"),
            self.tr("Gemmer optællingen for den valgte periode og skranke som Excel-projektmappe"))
        self.pdf_button = page_button(
            self, "exportPdf", self.tr("P&DF-rapport…"), self.tr("Eksportér PDF-rapport"),
            self.tr("Gemmer en PDF-rapport med nøgletal, andele og friktionspunkter for perioden"))
        filters = QHBoxLayout()
        filters.addWidget(self.picker, 1)
        desk_label = QLabel(self.tr("S&kranke:"), self)
        desk_label.setBuddy(self.desk_combo)  # a screen reader names the box by its label
        filters.addWidget(desk_label)
        filters.addWidget(self.desk_combo)
        actions = QHBoxLayout()  # the discretion box here: the filter row fits 960 px at 200 %
        for button in (self.import_button, self.csv_button, self.xlsx_button, self.pdf_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.min_count)
        top = QVBoxLayout()  # two rows, so 200 % text still fits a full HD screen beside the guide
        top.addLayout(filters)
        top.addLayout(actions)

        self.summary = QLabel(self)
        self.summary.setObjectName("tallySummary")
        self.summary.setAccessibleName(self.tr("Nøgletal"))
        self.summary.setWordWrap(True)

        # Errands with drill-down into reasons and outcomes.
        self.errands_model = RowsModel([
            Column(self.tr("Ærinde"), lambda r: str(r["errand_label"]) or self.tr("(ingen)")),
            Column(self.tr("Henvendelser"), lambda r: t.n(r["count"], "errand", r["errand"]), numeric=True,
                   bar=t.errand_bar),
        ], code_key="errand", parent=self)
        self.errands_view = tally_table(self,
            "errandTally", self.tr("Henvendelser pr. ærinde"), self.errands_model,
            self.tr("Pil op og ned vælger et ærinde; dets årsager og resultater vises ved siden af"))
        self.errands_view.setItemDelegateForColumn(1, BarDelegate(self.errands_view))
        self.errands_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.drill = DrillDown(self.catalog, self)
        drill_scroll = QScrollArea(self)
        drill_scroll.setWidgetResizable(True)
        drill_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the tables inside
        drill_scroll.setWidget(self.drill)
        errands_tab = QSplitter(self)
        errands_tab.addWidget(self.errands_view)
        errands_tab.addWidget(drill_scroll)
        errands_tab.setSizes([420, 520])

        self.reasons_model = PivotModel(self.catalog, "reasons", self)
        self.reasons_view = tally_table(self,
            "errandsByReason", self.tr("Ærinder fordelt på årsager"), self.reasons_model,
            self.tr("Et ærinde pr. række, en årsag pr. kolonne. Enter viser ærindet under fanen Ærinder"))
        self.outcomes_model = PivotModel(self.catalog, "outcomes", self)
        self.outcomes_view = tally_table(self,
            "errandsByOutcome", self.tr("Ærinder fordelt på resultater"), self.outcomes_model,
            self.tr("Et ærinde pr. række, et resultat pr. kolonne. Enter viser ærindet under fanen Ærinder"))

        self.channels_model = RowsModel([
            Column(self.tr("Kanal"), lambda r: str(r["channel_label"])),
            Column(self.tr("Henvendelser"), lambda r: t.n(r["count"], "channel", r["channel"]), numeric=True),
            Column(self.tr("Andel"), t.channel_share, numeric=True),
            Column(self.tr("Borgere"), lambda r: t.n(r["citizens"], "citizens", r["channel"]), numeric=True),
            Column(self.tr("Bestilt tid"), lambda r: t.n(r["booked"], "booked", r["channel"]), numeric=True),
        ], code_key="channel", parent=self)
        self.channels_view = tally_table(self,
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
            Column(self.tr("I skranken"), lambda r: t.n(r["counter_transactions"], "counter", r["errand"]),
                   numeric=True),
            Column(self.tr("Selvbetjening"), lambda r: t.share(r, "self_service_share"), numeric=True),
            Column(self.tr("Digital andel"), lambda r: t.share(r, "digital_share"), numeric=True,
                   bar=t.share_bar, goal=GOAL),
            Column(self.tr("Reference"), t.references),
            Column(self.tr("Mod mål (80 %)"), t.goal_text),
        ], code_key="errand", parent=self)
        self.shares_view = tally_table(self,
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
        shares_tab.setSizes([860, 300])  # the table (with references) first; the chart repeats it

        self.friction = FrictionTab(t, self)
        self.friction_model, self.friction_view = self.friction.model, self.friction.view

        self.hours_model = HoursModel(self)
        self.hours_view = tally_table(self,
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
        self.tabs.addTab(self.friction, self.tr("Friktionspunkter"))
        self.tabs.addTab(self.hours_view, self.tr("Ugedag × time"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def _connect_signals(self) -> None:
        self.picker.range_changed.connect(self.set_range)
        self.desk_combo.currentIndexChanged.connect(self.on_desk_changed)
        self.min_count.valueChanged.connect(lambda _n: self.request_refresh())
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
        if self.query is not None and change.touches_weeks(self.query.first,
                                                               self.query.last or self.query.first):
            self.request_refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.dirty:
            self.refresh()

    def refresh(self) -> None:
        """Start a recount on the background runner; the newest one's figures replace the tables."""
        if self.query is None:
            return
        self.dirty = False
        self.generation += 1
        self.counting = True
        self.summary.setText(self.tr("Tæller op …"))
        generation, path, catalog, query = self.generation, self.hub.journal.path, self.catalog, self.query
        municipality, min_count = self.config.municipality, self.min_count.value()
        reference_file = self.config.reference_file

        def count() -> ReportData:
            with Journal(path, create=False) as journal:
                return collect(journal, catalog, query, municipality, min_count=min_count,
                               reference_file=reference_file)

        self.counts.run(count, lambda data: self.on_counted(generation, data),
                        lambda exc: self.on_count_failed(generation, exc))

    def on_count_failed(self, generation: int, exc: Exception) -> None:
        if generation == self.generation:
            self.counting = False
            reason = (messages.journal_error(exc) if isinstance(exc, JournalError)
                      else f"{type(exc).__name__}: {exc}")
            self.summary.setText(self.tr("Optællingen mislykkedes: %1").replace("%1", reason))

    def on_counted(self, generation: int, data: ReportData) -> None:
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
        self.reasons_model.set_pivot(data.reasons, data.show)
        self.outcomes_model.set_pivot(data.outcomes, data.show)
        self.channels_model.set_rows(data.channels)
        self.channels_chart.set_bars([(str(c["channel_label"]), int(c["count"])) for c in data.channels
                                      if not data.is_hidden("channel", c["channel"])])
        shares = [s for s in data.shares if s["has_digital"]]
        self.shares_model.set_rows(shares)
        self.shares_chart.set_bars(
            [(str(s["errand_label"]), float(s["digital_share"]), float(s["self_service_share"]))
             for s in shares if s["digital_share"] is not None and not data.share_hidden(s)],
            percent=True, goal=GOAL)
        self.friction.set_data(data)
        self.hours_model.set_counts(data.hours, data.show)
        for view in (self.reasons_view, self.outcomes_view):
            view.resizeColumnsToContents()
        self.summary.setText(self.texts.summary(data))
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
        self.drill.show_errand(self.data, code)

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
        self.counts.wait()
