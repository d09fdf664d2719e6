"""Log a coaching session not tied to an errand: the digital skills a citizen was taught."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskapp.services import weeks
from deskapp.ui.shell.operations import Change, Failed, JournalHub
from deskapp.ui.widgets.list_items import add_item

DEFAULT_MINUTES = 15


class CoachingDialog(QDialog):
    """Tick the skills taught (Space), set the length, Enter saves one coaching session."""

    saved = Signal(str)  # status text

    def __init__(self, hub: JournalHub, parent: QWidget | None = None):
        super().__init__(parent)
        self.hub = hub
        self.setObjectName("coachingDialog")
        self.setWindowTitle(self.tr("Vejledning i digitale færdigheder"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(self.tr(
            "Til vejledning, der ikke hører til et bestemt ærinde. Sæt kryds ved det, borgeren "
            "har lært (pil op/ned og mellemrum), og tryk Enter for at gemme."), self)
        intro.setWordWrap(True)
        self.skills = QListWidget(self)
        self.skills.setObjectName("coachingSkills")
        self.skills.setAccessibleName(self.tr("Færdigheder, borgeren har lært"))
        self.skills.setAccessibleDescription(
            self.tr("Pil op og ned flytter, mellemrum sætter eller fjerner et kryds. Enter gemmer"))
        for skill in hub.catalog.skills:
            item = add_item(self.skills, skill.label, {Qt.ItemDataRole.UserRole: skill.code})
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        if self.skills.count():
            self.skills.setCurrentRow(0)
        self.fit_skills()
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("coachingMinutes")
        self.minutes.setAccessibleName(self.tr("Varighed i minutter"))
        self.minutes.setAccessibleDescription(
            self.tr("Hvor lang vejledningen var; pil op og ned ændrer et minut ad gangen"))
        self.minutes.setRange(1, 240)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.problem = QLabel(self)
        self.problem.setObjectName("coachingProblem")
        bold = self.problem.font()
        bold.setBold(True)  # the text says what is wrong; no colour of its own (high contrast)
        self.problem.setFont(bold)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("coachingButtons")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Gem"))
        save.setObjectName("coachingSave")
        save.setAccessibleName(self.tr("Gem vejledningen"))
        save.setAccessibleDescription(self.tr("Enter gemmer vejledningen med de afkrydsede færdigheder"))
        save.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annullér"))
        cancel.setObjectName("coachingCancel")
        cancel.setAccessibleName(self.tr("Annullér"))
        cancel.setAccessibleDescription(self.tr("Esc lukker uden at gemme"))
        form = QFormLayout()
        form.addRow(self.tr("&Varighed:"), self.minutes)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.skills, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.on_save)
        self.buttons.rejected.connect(self.reject)
        self.resize(self.opening_size())
        self.skills.setFocus()

    def fit_skills(self) -> None:
        """The skills list is at least as wide as its longest skill (in the current font, with
        the check box and room for a scroll bar), so no skill is ever cut off."""
        view = self.skills
        scroll_bar = view.verticalScrollBar().sizeHint().width()
        width = view.sizeHintForColumn(0) + scroll_bar + 2 * view.frameWidth()
        view.setMinimumWidth(width)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "skills"):  # not while built
            self.fit_skills()

    def opening_size(self) -> QSize:
        """Big enough to show every skill without scrolling, within the screen."""
        view = self.skills
        rows = sum(view.sizeHintForRow(row) for row in range(view.count())) + 2 * view.frameWidth()
        hint = self.sizeHint()
        size = QSize(hint.width(), hint.height() + max(0, rows - view.sizeHint().height()))
        screen = self.screen()
        return size.boundedTo(screen.availableGeometry().size()) if screen is not None else size

    def chosen_skills(self) -> list[str]:
        return [self.skills.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.skills.count())
                if self.skills.item(row).checkState() == Qt.CheckState.Checked]

    def on_save(self) -> None:
        skills = self.chosen_skills()
        if not skills:
            self.problem.setText(self.tr("Sæt kryds ved mindst én færdighed (mellemrum)."))
            self.skills.setFocus()
            return
        ended = weeks.now_utc()
        started = ended - timedelta(minutes=self.minutes.value())
        if isinstance(self.hub.write(
                lambda journal: journal.add_coaching_session(skills, started=started, ended=ended),
                Change("coaching", week=weeks.week_of(weeks.local(started).date())),
                self.problem.setText), Failed):
            return
        self.saved.emit(self.tr("Vejledning gemt: %1 færdighed(er), %2 min.").replace(
            "%1", str(len(skills))).replace("%2", str(self.minutes.value())))
        self.accept()
