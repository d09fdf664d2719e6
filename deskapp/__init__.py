"""Skranke: a desktop assistant for Danish municipal citizen-service counters."""

__version__ = "0.1.0"
APP_NAME = "Skranke"
APP_ID = "skranke"
