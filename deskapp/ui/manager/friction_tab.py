"""The manager page's friction points: the steps where citizens got stuck, with their
blockers in the catalogue's words ("Andet" for the guide's own blocker), and below the table
the *Andet* texts ambassadors wrote for the chosen step (as far as retention keeps them and
the discretion allows, see ``report_data.other_texts``). Arrow keys in the table choose the
step; Tab moves on to its texts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from deskapp.services.exports.report_data import ReportData
from deskapp.services.tallies import Row
from deskapp.ui.manager.manager_parts import FigureTexts, tally_table
from deskapp.ui.manager.tally_models import Column, RowsModel


class FrictionTab(QSplitter):
    def __init__(self, texts: FigureTexts, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Vertical, parent)
        t = texts
        self.data: ReportData | None = None
        self.model = RowsModel([
            Column(self.tr("Ærinde"), lambda r: str(r["errand_label"])),
            Column(self.tr("Trin"), lambda r: str(r["step_label"])),
            Column(self.tr("Gået i stå"), lambda r: t.n(r["count"], "stuck", r["errand"], r["step"]),
                   numeric=True),
            Column(self.tr("Forhindringer"), t.blockers_text),
        ], code_key="errand", parent=self)
        self.view = tally_table(self,
            "frictionPoints", self.tr("De største friktionspunkter"), self.model,
            self.tr("De trin, hvor borgerne oftest sad fast, med de angivne forhindringer. "
                    "Pil op og ned vælger et trin; Tab går til dets Andet-tekster"))
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        for column, width in ((0, 190), (1, 330), (2, 80)):
            header.resizeSection(column, width)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.caption = QLabel(self)
        self.caption.setObjectName("otherTextsCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = QListWidget(self)
        self.notes.setObjectName("otherTexts")
        self.notes.setAccessibleName(self.tr("Andet-tekster"))
        self.notes.setAccessibleDescription(self.tr(
            "Det ambassadørerne skrev, da borgeren sad fast med forhindringen Andet på det valgte trin"))
        self.notes.setWordWrap(True)
        self.notes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        below = QWidget(self)
        layout = QVBoxLayout(below)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.notes, 1)
        self.addWidget(self.view)
        self.addWidget(below)
        self.setSizes([420, 200])
        self.view.selectionModel().currentRowChanged.connect(self.on_row_changed)
        self.show_texts(None)

    def set_data(self, data: ReportData) -> None:
        chosen = self.current()
        self.data = data
        self.model.set_rows(data.friction)
        keys = [(r["errand"], r["step"]) for r in data.friction]
        if keys:
            self.view.selectRow(keys.index(chosen) if chosen in keys else 0)
        self.show_texts(self.row_at(self.view.currentIndex().row()))

    def current(self) -> tuple[object, object] | None:
        row = self.row_at(self.view.currentIndex().row())
        return (row["errand"], row["step"]) if row else None

    def row_at(self, index: int) -> Row | None:
        return self.model.rows[index] if 0 <= index < len(self.model.rows) else None

    def on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_texts(self.row_at(current.row()))

    def texts_of(self, row: Row) -> list[Row]:
        found = self.data.other_texts if self.data else []
        return [t for t in found if t["errand"] == row["errand"] and t["step"] == row["step"]]

    @staticmethod
    def place(row: Row) -> str:
        return f"{row['errand_label']}: {row['step_label']}"  # "Log ind med MitID." is in many errands

    def show_texts(self, row: Row | None) -> None:
        self.notes.clear()
        if row is None:
            self.caption.setText(self.tr("Andet-tekster: vælg et trin i tabellen."))
            return
        texts = self.texts_of(row)
        for t in texts:
            self.notes.addItem(f"{t['week']}: {t['text']}")
        if texts:
            self.caption.setText(self.tr("Andet-tekster for »%1« (%2):").replace(
                "%1", self.place(row)).replace("%2", str(len(texts))))
        else:
            self.caption.setText(self.tr("Andet-tekster for »%1«: ingen at vise (ingen skrevet, "
                                         "slettet efter opbevaringstiden eller skjult af diskretionen).")
                                 .replace("%1", self.place(row)))
