"""The guide panel's widgets and layout (construction only; the panel wires and runs them).

The texts keep the GuidePanel translation context (``translate("GuidePanel", ...)``), so moving them here did
not move them in the translation files: PySide's ``self.tr`` would take the context from
the instance's class, lupdate from the class the code stands in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.services import guide as guide_service
from deskapp.services.exports.handout_texts import HelpContact
from deskapp.services.guide import DONE, SKIPPED, STUCK
from deskapp.ui.guide.guide_blockers import BlockerPicker
from deskapp.ui.guide.guide_handout import HandoutButtons
from deskapp.ui.guide.guide_steps import FitList, ReadableText, StepList

translate = QCoreApplication.translate  # lupdate reads translate("GuidePanel", ...) calls


class GuidePanelParts(QWidget):
    """Builds the panel's widgets; :class:`~.guide_panel.GuidePanel` sets ``contact`` and
    ``open_url`` before it calls :meth:`_build`."""

    contact: Callable[[], HelpContact]
    open_url: Callable[[QUrl], bool]

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("guideTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("guideTimer")
        self.timer_label.setAccessibleName(translate("GuidePanel", "Besøgets længde"))
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.entry_label = QLabel(self)
        self.entry_label.setObjectName("guideEntryName")
        self.entry_label.setWordWrap(True)
        self.entry_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(translate("GuidePanel", "Åbn selvbetjeningen i browseren (B)"), self)
        self.open_button.setObjectName("guideOpenEntry")
        self.open_button.setAccessibleName(translate("GuidePanel", "Åbn selvbetjeningen i browseren"))
        self.open_button.setAccessibleDescription(
            translate(
                "GuidePanel",
                "Åbner ærindets selvbetjeningsløsning i browseren. Tast B i trinlisten gør det samme",
            )
        )
        self.no_digital_label = QLabel(self)
        self.no_digital_label.setObjectName("guideNoDigital")
        self.no_digital_label.setAccessibleName(translate("GuidePanel", "Sådan gør borgeren i stedet"))
        self.no_digital_label.setWordWrap(True)
        self.no_digital_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.no_digital_label.setMargin(6)
        self.no_digital_label.setAutoFillBackground(True)  # a palette role: high contrast works
        self.no_digital_label.setBackgroundRole(QPalette.ColorRole.AlternateBase)

        self.ready_caption = self._caption(translate("GuidePanel", "Det skal borgeren have klar"))
        self.ready_list = FitList(self)
        self.ready_list.setObjectName("guideReadyList")
        self.ready_list.setAccessibleName(
            translate("GuidePanel", "Det skal borgeren have klar (mellemrum afkrydser)")
        )
        self.ready_list.setAccessibleDescription(
            translate("GuidePanel", "Pil op og ned flytter, mellemrum sætter kryds ved det, borgeren har med")
        )

        self.mode_caption = QLabel(translate("GuidePanel", "&Tilstand (M):"), self)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("guideModeCombo")
        self.mode_combo.setAccessibleName(translate("GuidePanel", "Hvem betjener løsningen"))
        self.mode_combo.setAccessibleDescription(
            translate(
                "GuidePanel",
                "Borgeren selv, medarbejderen ved siden af eller medarbejderen med fuldmagt. "
                "Tast M i trinlisten skifter",
            )
        )
        self.mode_caption.setBuddy(self.mode_combo)
        # Short names in the box, what each means on the line below: the panel stays narrow
        # enough at 200 % text for the counter's reasons to show without wrapping.
        self.mode_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        names = {
            guide_service.COACHING: translate("GuidePanel", "Borgeren betjener selv"),
            guide_service.SIDE_BY_SIDE: translate("GuidePanel", "Medarbejderen betjener"),
            guide_service.PROXY: translate("GuidePanel", "Medarbejderen har fuldmagt"),
        }
        self.mode_meanings = {
            guide_service.COACHING: translate(
                "GuidePanel", "Hjælp til selvbetjening: du vejleder, borgeren taster selv."
            ),
            guide_service.SIDE_BY_SIDE: translate(
                "GuidePanel", "Medbetjening: du betjener løsningen ved siden af borgeren."
            ),
            guide_service.PROXY: translate("GuidePanel", "Fuldmagt: du handler for borgeren."),
        }
        for code in guide_service.MODES:
            self.mode_combo.addItem(names[code], code)
        self.mode_meaning = QLabel(self)
        self.mode_meaning.setObjectName("guideModeMeaning")
        self.mode_meaning.setWordWrap(True)
        self.mode_meaning.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.steps_caption = self._caption(translate("GuidePanel", "Trin (Ctrl+G går hertil)"))
        self.steps = StepList(self)
        self.step_detail = ReadableText(self)
        self.step_detail.setObjectName("guideStepDetail")
        self.step_detail.setAccessibleName(translate("GuidePanel", "Det aktuelle trin og tip"))
        self.step_detail.setAccessibleDescription(
            translate(
                "GuidePanel", "Teksten til det trin, der er valgt i trinlisten, med et tip til medarbejderen"
            )
        )

        self.mark_buttons: dict[str, QPushButton] = {}
        for status, text, name, accessible, description in (
            (
                DONE,
                translate("GuidePanel", "Udført (U)"),
                "guideMarkDone",
                translate("GuidePanel", "Marker trinnet som udført"),
                translate(
                    "GuidePanel",
                    "Markerer det valgte trin som udført og går til det næste. "
                    "Tast U eller Enter i trinlisten",
                ),
            ),
            (
                STUCK,
                translate("GuidePanel", "Sidder fast (F)"),
                "guideMarkStuck",
                translate("GuidePanel", "Borgeren sidder fast"),
                translate(
                    "GuidePanel",
                    "Borgeren sidder fast i det valgte trin; vælg derefter hvorfor. Tast F i trinlisten",
                ),
            ),
            (
                SKIPPED,
                translate("GuidePanel", "Spring over (O)"),
                "guideMarkSkipped",
                translate("GuidePanel", "Spring trinnet over"),
                translate(
                    "GuidePanel", "Springer det valgte trin over og går til det næste. Tast O i trinlisten"
                ),
            ),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAccessibleName(accessible)
            button.setAccessibleDescription(description)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the keys live in the step list
            self.mark_buttons[status] = button

        self.blockers = BlockerPicker(self)

        self.handout = HandoutButtons(self.contact, lambda url: self.open_url(url), self)
        self.print_button = self.handout.print_button
        self.save_button = self.handout.save_button
        self.print_button.setAccessibleDescription(
            translate(
                "GuidePanel", "Udskriver borgerens vejledning på papir. Tast P i trinlisten gør det samme"
            )
        )
        self.save_button.setAccessibleDescription(
            translate(
                "GuidePanel", "Gemmer borgerens vejledning som PDF-fil, fx til at sende eller udskrive senere"
            )
        )

        self.keys_label = QLabel(
            translate(
                "GuidePanel",
                "Taster i trinlisten: Enter/U udført · F sidder fast · O spring over · M tilstand · "
                "B åbn løsningen · P udskriv · R/Esc resultat. Ctrl+G skifter mellem guide og skranke.",
            ),
            self,
        )
        self.keys_label.setObjectName("guideKeys")
        self.keys_label.setWordWrap(True)
        small = self.keys_label.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.keys_label.setFont(small)
        self.keys_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.timer_label)
        mode_row = QVBoxLayout()
        mode_row.setSpacing(0)
        mode_row.addWidget(self.mode_caption)
        mode_row.addWidget(self.mode_combo, 0, Qt.AlignmentFlag.AlignLeft)
        mode_row.addWidget(self.mode_meaning)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.entry_label)
        layout.addWidget(self.open_button)
        layout.addWidget(self.no_digital_label)
        layout.addWidget(self.ready_caption)
        layout.addWidget(self.ready_list)
        layout.addLayout(mode_row)
        layout.addWidget(self.steps_caption)
        layout.addWidget(self.steps)
        layout.addWidget(self.step_detail)
        mark_rows = QGridLayout()  # two a row: narrow enough for 200 % text
        for index, button in enumerate(self.mark_buttons.values()):
            mark_rows.addWidget(button, index // 2, index % 2)
        layout.addLayout(mark_rows)
        layout.addWidget(self.blockers)
        layout.addStretch(1)
        layout.addWidget(self.handout)
        layout.addWidget(self.keys_label)

        self.setTabOrder(self.open_button, self.ready_list)
        self.setTabOrder(self.ready_list, self.mode_combo)
        self.setTabOrder(self.mode_combo, self.steps)
        self.setTabOrder(self.steps, self.step_detail)
        self.setTabOrder(self.step_detail, self.handout.language_combo)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label
