"""The first-start desk dialog and the settings dialog."""
