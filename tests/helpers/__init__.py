"""Shared test helpers: fixtures for the real window (windows.py), made available to every
test by tests/conftest.py."""
