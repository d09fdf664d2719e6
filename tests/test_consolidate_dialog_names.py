"""The consolidation dialog shows names from the shared folder without control characters,
and says in Danish what was refused."""

from __future__ import annotations

from pathlib import Path

from deskapp.services.consolidate_report import ConsolidationReport, MergedSnapshot, SkippedFile
from deskapp.ui.sync.consolidate_dialog import ConsolidatePanel


def test_report_lines_carry_no_control_characters(qtbot, tmp_path: Path) -> None:
    panel = ConsolidatePanel(str(tmp_path))
    qtbot.addWidget(panel)
    report = ConsolidationReport(tmp_path / "site.skranke")
    report.merged.append(MergedSnapshot(path=tmp_path / "a\x1b[2J.skranke", desk="Skranke\x07 1",
                                        site="Råd\nhuset", snapshot_utc="2026-12-01T10:00:00.000000+00:00",
                                        desk_id="ab" * 16, refused_other_desk=3, texts_dropped=2,
                                        signed=True, pinned_now="abcd-ef01-2345-6789"))
    report.skipped.append(SkippedFile(tmp_path / "evil\r\n.skranke", "refused: it contains a view"))
    panel.on_done(report)
    text = panel.report_view.toPlainText()
    assert not any(ch in text for ch in "\x1b\x07\r")
    assert text.count("\n") == len(panel.report_lines(report)) - 1
    assert "3 rækker fra en anden skranke afvist" in text
    assert "Ny skranke betroet ved første brug" in text
    assert "Tekster fjernet fra 2 besøg" in text
