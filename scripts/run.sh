#!/usr/bin/env bash
# The main job: set up, then build the knowledge graph of the shipped seed into exports/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/kg build seeds/ --out exports/ "$@"
