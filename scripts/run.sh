#!/usr/bin/env bash
# Run the tracker locally with the demo municipality: venv, install, migrate, demo, serve.
#   scripts/run.sh            then open http://127.0.0.1:5000
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh requirements.txt
export FLASK_APP=wsgi.py
export TRACKER_ENV=${TRACKER_ENV:-development}
mkdir -p instance
.venv/bin/flask db upgrade
.venv/bin/flask seed-demo
echo "Serving on http://127.0.0.1:${PORT:-5000} (Ctrl+C to stop)"
exec .venv/bin/flask run --host 127.0.0.1 --port "${PORT:-5000}"
