#!/usr/bin/env bash
# Restore the backup in SRC into the configured database and store, both empty: the manifest is
# verified first, the files go in before the database, and every restored row is checked against
# its file.   DATABASE_URL=... STORAGE_URL=... scripts/restore.sh /var/backups/tracker/2026-01-31
# Exits non-zero, saying why, on any mismatch.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 SRC" >&2
  exit 2
fi
source_dir=$(realpath -e -- "$1")
cd "$(dirname "$0")/.."
exec .venv/bin/flask --app "tracker:create_app()" backup restore "$source_dir"
