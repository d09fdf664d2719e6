"""The application shell: start-up, the main window, translations, Danish error wording and
the hub that tells views what changed.
"""
