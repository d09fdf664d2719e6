#!/usr/bin/env bash
# Set up (when needed) and start Skranke on the default journal in the user's data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh runtime
exec .venv/bin/deskapp "$@"
