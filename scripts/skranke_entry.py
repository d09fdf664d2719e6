"""Entry point of the frozen build (build.spec): the same command line as ``deskapp``."""

from __future__ import annotations

from deskapp.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
