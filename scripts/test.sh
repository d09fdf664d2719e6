#!/usr/bin/env bash
# Set up (when needed) and run the whole test suite headless, lint and type check included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check deskapp tests bench scripts
.venv/bin/mypy  # strict on deskapp/services, see [tool.mypy] in pyproject.toml
exec .venv/bin/python -m pytest "$@"
