"""Say a confirmation or a warning to a screen reader without moving the focus.

A status-bar message only changes the bar's text, which a screen reader does not read
while the focus is elsewhere. Qt 6.8 added ``QAccessibleAnnouncementEvent``: the platform
bridge (AT-SPI, UI Automation, NSAccessibility) speaks its message. "Gemt …" is polite (said
after what is being read); a warning is assertive (said at once).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


def announce(source: QObject, message: str, *, urgent: bool = False) -> None:
    """Have the screen reader say ``message`` (``source``: the widget it concerns)."""
    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(ASSERTIVE if urgent else POLITE)
    QAccessible.updateAccessibility(event)
