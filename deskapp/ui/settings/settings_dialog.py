"""Indstillinger: desk, site, shared folder, catalogue, retention, backups, language,
municipality, help line.

Edits a copy of the Settings; the caller saves ``settings()`` when the dialog is accepted.
A catalogue file is checked (catalog.check) and the backup folder is created and written to
(settings.backup_folder_problem) before they are accepted. Language, desk and catalogue
take effect the next time Skranke starts (the dialog says so).

Sizes come from the font: the fields sit in a scroll area that is as wide as they need, and
the dialog opens as large as its contents within the screen, so at 200 % text on a small
screen nothing is squeezed (the fields scroll instead).
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskapp import paths
from deskapp.services import catalog as catalog_service
from deskapp.services import privacy, reference
from deskapp.services import settings as settings_service
from deskapp.services.journal import BOOKED, DROP_IN
from deskapp.services.settings import BACKUPS_KEEP_RANGE, Settings, backup_folder_problem
from deskapp.ui.shell import messages

# Language names are shown in their own language, never translated.
LANGUAGES = (("da", "Dansk"), ("en", "English"))
RETENTION_RANGE = settings_service.bounds("retention_days")
BACKUPS_TYPED_RANGE = (0, 999)  # what may be typed; outside BACKUPS_KEEP_RANGE is refused in words


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 running_language: str | None = None):
        super().__init__(parent)
        self._original = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Indstillinger"))
        self.desk_edit = self._line("deskEdit", settings.desk, self.tr("Skrankens navn"),
                                    self.tr("Navnet på denne skranke i statistikken, fx skranke-3"))
        self.site_edit = self._line("siteEdit", settings.site, self.tr("Sted"),
                                    self.tr("Borgerservicens navn eller adresse"))
        self.municipality_edit = self._line("municipalityEdit", settings.municipality,
                                            self.tr("Kommune"), self.tr("Kommunens navn på udskrifter"))
        self.help_line_edit = self._line("helpLineEdit", settings.help_line, self.tr("Hjælpelinje"),
                                         self.tr("Telefon eller web til borgerservice på udskrifter"))
        self.shared_edit = self._line("sharedFolderEdit", settings.shared_folder, self.tr("Fælles mappe"),
                                      self.tr("Mappen hvor skranken lægger sin kopi af journalen"))
        self.shared_browse = self._browse("sharedFolderBrowse", self.tr("Vælg fælles mappe"),
                                          self.tr("Åbner en mappevælger til den fælles mappe"))
        self.catalog_edit = self._line(
            "catalogFileEdit", settings.catalog_file, self.tr("Katalogfil"),
            self.tr("Tom: det medfølgende katalog. Ellers en TOML-fil med ærinder"))
        self.catalog_browse = self._browse("catalogFileBrowse", self.tr("Vælg katalogfil"),
                                           self.tr("Åbner en filvælger til katalogfilen (TOML)"))
        self.appointment_combo = QComboBox(self)
        self.appointment_combo.setObjectName("appointmentCombo")
        self.appointment_combo.setAccessibleName(self.tr("Besøg er som udgangspunkt"))
        self.appointment_combo.setAccessibleDescription(self.tr(
            "Hvad et nyt besøg registreres som; F3 skifter for det enkelte besøg"))
        self.appointment_combo.addItem(self.tr("Uden tidsbestilling"), DROP_IN)
        self.appointment_combo.addItem(self.tr("Tidsbestilt"), BOOKED)
        self.appointment_combo.setCurrentIndex(max(0, self.appointment_combo.findData(settings.appointment)))
        self.reference_edit = self._line(
            "referenceFileEdit", settings.reference_file, self.tr("Fil med referencetal"),
            self.tr("Tom: de medfølgende landstal fra 2012. Ellers kommunens egen CSV-fil med "
                    "kolonnerne errand, share, kind, place, year, source"))
        self.reference_edit.setPlaceholderText(self.tr("Medfølgende landstal (2012)"))
        self.reference_browse = self._browse("referenceFileBrowse", self.tr("Vælg fil med referencetal"),
                                             self.tr("Åbner en filvælger til filen med referencetal (CSV)"))
        self.retention_spin = QSpinBox(self)
        self.retention_spin.setObjectName("retentionSpin")
        self.retention_spin.setRange(*RETENTION_RANGE)
        self.retention_spin.setValue(max(RETENTION_RANGE[0], settings.retention_days))
        self.retention_spin.setSuffix(self.tr(" dage"))
        self.retention_spin.setAccessibleName(self.tr("Opbevaring af noter i dage"))
        self.retention_spin.setAccessibleDescription(
            self.tr("Korte noter slettes fra journalen efter så mange dage"))
        self.backup_edit = self._line(
            "backupFolderEdit", settings.backup_folder, self.tr("Mappe til sikkerhedskopier"),
            self.tr("Tom: mappen backups i Skrankes datamappe. Gerne en mappe på et andet drev"))
        self.backup_edit.setPlaceholderText(str(paths.backups_dir()))
        self.backup_browse = self._browse("backupFolderBrowse", self.tr("Vælg mappe til sikkerhedskopier"),
                                          self.tr("Åbner en mappevælger til sikkerhedskopierne"))
        self.backups_spin = QSpinBox(self)
        self.backups_spin.setObjectName("backupsKeepSpin")
        self.backups_spin.setRange(*BACKUPS_TYPED_RANGE)
        self.backups_spin.setValue(settings.backups_keep)
        self.backups_spin.setSuffix(self.tr(" kopier"))
        self.backups_spin.setAccessibleName(self.tr("Antal sikkerhedskopier, der gemmes"))
        self.backups_spin.setAccessibleDescription(
            self.tr("Skranke tager én kopi af journalen om dagen og gemmer de nyeste, 1 til 365"))
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Sprog"))
        self.language_combo.setAccessibleDescription(self.tr("Skifter sprog, næste gang Skranke starter"))
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        # The language the app runs in (``--lang en`` overrides the setting for one start).
        shown = running_language or settings.language
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(shown)))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("settingsError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Fejl i indstillingerne"))
        self.error_label.hide()
        restart_note = QLabel(self.tr("Sprog, skrankens navn og katalog skifter, næste gang Skranke "
                                      "starter."), self)
        restart_note.setObjectName("restartNote")
        restart_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("settingsButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.shared_browse.clicked.connect(self.on_browse_shared)
        self.catalog_browse.clicked.connect(self.on_browse_catalog)
        self.reference_browse.clicked.connect(self.on_browse_reference)
        self.backup_browse.clicked.connect(self.on_browse_backup)
        self._fitted = False
        self._layout(restart_note)

    # --- construction -----------------------------------------------------------------------

    def _line(self, name: str, value: str, accessible: str, description: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setAccessibleDescription(description)
        edit.setToolTip(description)
        return edit

    def _browse(self, name: str, accessible: str, description: str) -> QPushButton:
        button = QPushButton(self.tr("Gennemse…"), self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setAutoDefault(False)
        return button

    def _with_button(self, edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
        # Room for a path: about 40 characters of the current font (grows with large text).
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 40)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    def _layout(self, restart_note: QLabel) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows: list[tuple[str, QWidget | QLayout, QWidget]] = [
            (self.tr("&Skrankens navn:"), self.desk_edit, self.desk_edit),
            (self.tr("S&ted:"), self.site_edit, self.site_edit),
            (self.tr("Ko&mmune:"), self.municipality_edit, self.municipality_edit),
            (self.tr("&Hjælpelinje:"), self.help_line_edit, self.help_line_edit),
            (self.tr("&Fælles mappe:"), self._with_button(self.shared_edit, self.shared_browse),
             self.shared_edit),
            (self.tr("&Katalogfil:"), self._with_button(self.catalog_edit, self.catalog_browse),
             self.catalog_edit),
            (self.tr("Besøg er som &udgangspunkt:"), self.appointment_combo, self.appointment_combo),
            (self.tr("&Referencetal:"), self._with_button(self.reference_edit, self.reference_browse),
             self.reference_edit),
            (self.tr("&Opbevar noter i:"), self.retention_spin, self.retention_spin),
            (self.tr("Mappe til sikkerhe&dskopier:"),
             self._with_button(self.backup_edit, self.backup_browse), self.backup_edit),
            (self.tr("A&ntal sikkerhedskopier:"), self.backups_spin, self.backups_spin),
            (self.tr("S&prog:"), self.language_combo, self.language_combo),
        ]
        fields = QWidget(self)
        fields.setObjectName("settingsFields")
        for text, field, buddy in rows:
            caption = QLabel(text, fields)
            caption.setBuddy(buddy)
            form.addRow(caption, field)
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(restart_note)
        inner.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("settingsScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.error_label)  # outside the scroll area: always in view
        layout.addWidget(self.buttons)
        order = [self.desk_edit, self.site_edit, self.municipality_edit, self.help_line_edit,
                 self.shared_edit, self.shared_browse, self.catalog_edit, self.catalog_browse,
                 self.appointment_combo, self.reference_edit, self.reference_browse,
                 self.retention_spin, self.backup_edit, self.backup_browse, self.backups_spin,
                 self.language_combo]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        """Size from the font, once: the scroll area as wide as the fields need (never cut
        sideways), the dialog as large as its contents allow on this screen."""
        if not self._fitted:
            self._fitted = True
            fields, layout = self.scroll_area.widget(), self.layout()
            assert fields is not None and layout is not None
            bar = self.scroll_area.verticalScrollBar().sizeHint().width()
            self.scroll_area.setMinimumWidth(fields.minimumSizeHint().width() + bar)
            want = fields.sizeHint() + layout.sizeHint() - self.scroll_area.sizeHint()
            want.setWidth(max(want.width(), self.minimumSizeHint().width()) + bar)
            screen = self.screen().availableGeometry().size() if self.screen() else want
            self.resize(want.boundedTo(screen))
        super().showEvent(event)

    # --- browsing ---------------------------------------------------------------------------

    def on_browse_shared(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Vælg fælles mappe"),
                                                  self.shared_edit.text())
        if folder:
            self.shared_edit.setText(folder)

    def on_browse_backup(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Vælg mappe til sikkerhedskopier"),
                                                  self.backup_edit.text() or str(paths.backups_dir()))
        if folder:
            self.backup_edit.setText(folder)

    def on_browse_catalog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Vælg katalogfil"),
                                                    self.catalog_edit.text(),
                                                    self.tr("Katalog (*.toml)"))
        if path:
            self.catalog_edit.setText(path)

    def on_browse_reference(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Vælg fil med referencetal"),
                                                    self.reference_edit.text(),
                                                    self.tr("Referencetal (*.csv)"))
        if path:
            self.reference_edit.setText(path)

    # --- validation -------------------------------------------------------------------------

    def problems(self) -> tuple[list[str], QWidget | None]:
        """Danish problem texts, and the field to fix first."""
        if not self.desk_edit.text().strip():
            return [self.tr("Skriv et navn til skranken.")], self.desk_edit
        for edit in (self.desk_edit, self.site_edit, self.municipality_edit, self.help_line_edit):
            try:
                privacy.guard_name(edit.text())
            except privacy.FreeTextRefused as exc:
                return [messages.refused_name(exc, edit.accessibleName())], edit
        shared = self.shared_edit.text().strip()
        if shared and not Path(shared).is_dir():
            return [self.tr("Den fælles mappe %1 findes ikke.").replace("%1", shared)], self.shared_edit
        backups = self.backup_problem()
        if backups:
            return [backups], self.backup_edit
        low, high = BACKUPS_KEEP_RANGE
        if not low <= self.backups_spin.value() <= high:
            return [self.tr("Antal sikkerhedskopier skal være mellem %1 og %2.").replace(
                "%1", str(low)).replace("%2", str(high))], self.backups_spin
        catalog_file = self.catalog_edit.text().strip()
        if catalog_file:
            checked, found = catalog_service.check(catalog_file)
            if checked is not None:  # a search that finds nothing must still start a visit
                found = [*found, *catalog_service.missing_other_errand(checked)]
            if found:
                lines = [self.tr("Katalogfilen kan ikke bruges (%n fejl). Ret filen, eller lad feltet "
                                 "stå tomt for at bruge det medfølgende katalog:", "", len(found))]
                lines += [f"• {problem}" for problem in found[:8]]
                if len(found) > 8:
                    lines.append(self.tr("… og %n flere.", "", len(found) - 8))
                return lines, self.catalog_edit
        problem = self.reference_problem()
        if problem:
            return [problem], self.reference_edit
        return [], None

    def reference_problem(self) -> str:
        """Danish text for a reference file that gives no figures, or ''. A file with some
        lines skipped is accepted (the page shows what could be read); the log names them."""
        path = self.reference_edit.text().strip()
        if not path:
            return ""
        checked = reference.check(path)
        if not checked.readable:
            return self.tr("Filen med referencetal %1 kan ikke læses.").replace("%1", path)
        if not checked.figures:
            return self.tr("Filen med referencetal %1 har ingen brugbare linjer. Den skal have "
                           "kolonnerne errand, share, kind, place, year, source.").replace("%1", path)
        return ""

    def backup_problem(self) -> str:
        """Danish text for a backup folder that cannot be used (created or written), or ''."""
        folder = self.backup_edit.text().strip()
        kind = backup_folder_problem(folder)
        texts = {
            "relative": self.tr("Skriv hele stien til mappen til sikkerhedskopier, ikke kun "
                                "„%1“."),
            "not_folder": self.tr("%1 er en fil, ikke en mappe. Vælg en mappe til "
                                  "sikkerhedskopierne."),
            "not_writable": self.tr("Mappen %1 kan ikke oprettes eller skrives i. Vælg en anden "
                                    "mappe til sikkerhedskopierne."),
        }
        return texts[kind].replace("%1", folder) if kind else ""

    def accept(self) -> None:
        found, field = self.problems()
        if found:
            self.error_label.setText(self.tr("Kan ikke gemme: ") + "\n".join(found))
            self.error_label.show()
            if field is not None:
                field.setFocus()
            return
        self.error_label.hide()
        super().accept()

    def settings(self) -> Settings:
        return dataclasses.replace(
            self._original,
            desk=privacy.clean_name(self.desk_edit.text()),
            desk_confirmed=True,  # the desk name was seen and saved: no first-start question
            site=privacy.clean_name(self.site_edit.text()),
            municipality=privacy.clean_name(self.municipality_edit.text()),
            help_line=privacy.clean_name(self.help_line_edit.text()),
            shared_folder=self.shared_edit.text().strip(),
            catalog_file=self.catalog_edit.text().strip(),
            retention_days=self.retention_spin.value(),
            backup_folder=self.backup_edit.text().strip(),
            backups_keep=self.backups_spin.value(),
            appointment=self.appointment_combo.currentData(),
            reference_file=self.reference_edit.text().strip(),
            language=self.language_combo.currentData(),
        )

    def needs_restart(self) -> bool:
        return settings_service.needs_restart(settings_service.changed(self._original, self.settings()))
