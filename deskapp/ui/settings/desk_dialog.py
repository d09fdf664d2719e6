"""The desk's identity: desk name, site, shared folder and publish interval.

Shown once at first start (``settings.desk_confirmed``), with defaults from the machine
name, and later from the menu to change it. At first start it also asks for the
municipality and help line the citizen handout prints, and its buttons say what they do:
"Start Skranke", or "Afslut" (Esc) which starts nothing and asks again at the next start,
so the host name never silently becomes the desk's name.
"""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskapp.services import privacy
from deskapp.services import settings as settings_service
from deskapp.ui.shell import messages


class DeskDialog(QDialog):
    """Edits a Settings object in place when accepted."""

    def __init__(self, config: settings_service.Settings, first_start: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.config = config
        self.setObjectName("deskDialog")
        self.setWindowTitle(self.tr("Skranke og fælles mappe"))
        intro = QLabel(self.tr(
            "Giv denne skranke et navn og angiv stedet. Navnene står på hvert besøg og bruges, "
            "når skrankerne samles til én opgørelse.") if first_start else self.tr(
            "Nye besøg får det nye navn; gemte besøg beholder det, de blev gemt med."))
        intro.setWordWrap(True)
        self.desk_edit = self._line("deskNameEdit", self.tr("Skrankens navn"), config.desk, self.tr(
            "Navnet på denne skranke; det står på hvert nyt besøg, fx skranke-3"))
        self.site_edit = self._line("siteNameEdit", self.tr("Sted"), config.site, self.tr(
            "Borgerservicens navn eller adresse; skranker samles pr. sted"))
        self.folder_edit = self._line("sharedFolderEdit", self.tr("Fælles mappe"), config.shared_folder,
                                      self.tr("Mappen hvor skranken lægger sin kopi af journalen"))
        self.folder_edit.setPlaceholderText(self.tr("valgfri, fx \\\\server\\skranke"))
        browse = QPushButton(self.tr("&Vælg…"), self)
        browse.setObjectName("sharedFolderBrowse")
        browse.setAccessibleName(self.tr("Vælg fælles mappe"))
        browse.setAccessibleDescription(self.tr("Åbner en mappevælger til den fælles mappe"))
        browse.setToolTip(browse.accessibleDescription())
        browse.clicked.connect(self.on_browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.minutes_spin = QSpinBox(self)
        self.minutes_spin.setObjectName("publishMinutesSpin")
        self.minutes_spin.setAccessibleName(self.tr("Minutter mellem udgivelser"))
        self.minutes_spin.setAccessibleDescription(
            self.tr("Hvor ofte skranken lægger en ny kopi af journalen i den fælles mappe"))
        self.minutes_spin.setRange(*settings_service.bounds("publish_minutes"))
        self.minutes_spin.setValue(config.publish_minutes)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.target_label = QLabel(self)
        self.target_label.setObjectName("snapshotTarget")
        self.target_label.setWordWrap(True)
        self.municipality_edit = self._line(
            "municipalityEdit", self.tr("Kommune"), config.municipality,
            self.tr("Kommunens navn; det står på vejledningen, borgeren får med hjem"))
        self.help_line_edit = self._line(
            "helpLineEdit", self.tr("Hjælpelinje"), config.help_line,
            self.tr("Borgerservices telefon eller web; det står på vejledningen til borgeren"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("deskDialogError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Fejl i navnene"))
        self.error_label.hide()
        form = QFormLayout()
        rows: list[tuple[str, QWidget | QHBoxLayout, QWidget]] = [
            (self.tr("Skrankens &navn:"), self.desk_edit, self.desk_edit),
            (self.tr("S&ted:"), self.site_edit, self.site_edit),
        ]
        if first_start:
            rows += [(self.tr("Ko&mmune:"), self.municipality_edit, self.municipality_edit),
                     (self.tr("&Hjælpelinje:"), self.help_line_edit, self.help_line_edit)]
        rows += [(self.tr("&Fælles mappe:"), folder_row, self.folder_edit),
                 (self.tr("&Udgiv hvert:"), self.minutes_spin, self.minutes_spin)]
        for text, field, buddy in rows:
            caption = QLabel(text, self)
            caption.setBuddy(buddy)  # a caption with a buddy shows its & as an underlined key
            form.addRow(caption, field)
        form.addRow("", self.target_label)
        self.municipality_edit.setVisible(first_start)
        self.help_line_edit.setVisible(first_start)
        self.first_start = first_start
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("deskDialogButtons")
        if first_start:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start Skranke"))
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Afslut"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        order = [self.desk_edit, self.site_edit, self.municipality_edit, self.help_line_edit,
                 self.folder_edit, browse, self.minutes_spin]
        for before, after in itertools.pairwise(order):
            self.setTabOrder(before, after)
        for edit in (self.desk_edit, self.site_edit, self.folder_edit):
            edit.textChanged.connect(self.on_changed)
        self.on_changed()

    def _line(self, name: str, accessible: str, text: str, description: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setAccessibleDescription(description)
        edit.setToolTip(description)
        edit.setMaxLength(60)
        return edit

    def on_changed(self) -> None:
        desk, site = self.desk_edit.text().strip(), self.site_edit.text().strip()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(desk and site))
        folder = self.folder_edit.text().strip()
        if folder and desk and site:
            from deskapp.services.publish import snapshot_path  # signing: only when shown

            self.target_label.setText(self.tr("Øjebliksbilleder gemmes som %1").replace(
                "%1", str(snapshot_path(folder, desk, site))))
        else:
            self.target_label.setText(self.tr("Uden fælles mappe udgives der ikke."))

    def on_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Vælg fælles mappe"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def accept(self) -> None:
        # The names go on every visit and file name; municipality and help line on the handout.
        extra = (self.municipality_edit, self.help_line_edit) if self.first_start else ()
        for edit in (self.desk_edit, self.site_edit, *extra):
            try:
                privacy.guard_name(edit.text())
            except privacy.FreeTextRefused as exc:
                self.error_label.setText(messages.refused_name(exc, edit.accessibleName()))
                self.error_label.show()
                edit.setFocus()
                return
        self.config.desk = privacy.clean_name(self.desk_edit.text())
        self.config.site = privacy.clean_name(self.site_edit.text())
        self.config.shared_folder = self.folder_edit.text().strip()
        self.config.publish_minutes = self.minutes_spin.value()
        if self.first_start:
            self.config.municipality = privacy.clean_name(self.municipality_edit.text())
            self.config.help_line = privacy.clean_name(self.help_line_edit.text())
        self.config.desk_confirmed = True
        super().accept()


def confirm_desk_on_first_start(config: settings_service.Settings, parent: QWidget | None = None) -> bool:
    """Show the dialog if the desk was never confirmed; True when settings changed."""
    if config.desk_confirmed:
        return False
    dialog = DeskDialog(config, first_start=True, parent=parent)
    # "Afslut" (or Esc): Skranke does not start and asks again at the next start; the
    # machine's name never becomes the desk's name without a yes.
    return dialog.exec() == QDialog.DialogCode.Accepted
