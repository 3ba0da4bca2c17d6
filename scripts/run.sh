#!/usr/bin/env bash
# Run the tracker locally: venv, install, migrate, demo, serve.
#   scripts/run.sh              the demo municipality, then open http://127.0.0.1:5000
#   scripts/run.sh --own-data   a database with your own accounts: migrate and serve, no demo
# TRACKER_DRY_RUN=1 does everything but serving (the README test uses it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh requirements.txt
export FLASK_APP=wsgi.py
export TRACKER_ENV=${TRACKER_ENV:-development}
mkdir -p instance
.venv/bin/flask db upgrade
if [ "${1:-}" != "--own-data" ]; then
  if ! .venv/bin/flask seed-demo; then
    echo >&2
    echo "This database holds accounts or data of your own, so the demo was not loaded." >&2
    echo "Serve it as it is:        scripts/run.sh --own-data" >&2
    echo "Or the demo elsewhere:    DATABASE_URL=sqlite:///\$PWD/instance/demo.db scripts/run.sh" >&2
    exit 1
  fi
fi
serve=(.venv/bin/flask run --host 127.0.0.1 --port "${PORT:-5000}")
if [ -n "${TRACKER_DRY_RUN:-}" ]; then
  echo "Dry run: would serve with ${serve[*]}"
  exit 0
fi
echo "Serving on http://127.0.0.1:${PORT:-5000} (Ctrl+C to stop)"
exec "${serve[@]}"
