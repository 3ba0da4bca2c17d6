#!/usr/bin/env bash
# Run the whole test suite: on SQLite (with the browser journeys), then on PostgreSQL when
# TEST_DATABASE_URL is set (e.g. postgresql://postgres@127.0.0.1:5432/tracker_test).
# Extra arguments go to pytest:  scripts/test.sh -k access
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh requirements-dev.txt
export TRACKER_ENV=test

echo "== Lint =="
.venv/bin/ruff check --quiet tracker tests scripts config.py wsgi.py

if [ -n "${TRACKER_DRY_RUN:-}" ]; then
  echo "Dry run: would run pytest on SQLite${TEST_DATABASE_URL:+ and on PostgreSQL} $*"
  exit 0
fi

echo "== SQLite =="
env -u TEST_DATABASE_URL .venv/bin/python -m pytest "$@"

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== PostgreSQL =="
  .venv/bin/python -m pytest -m "not browser" "$@"
fi
