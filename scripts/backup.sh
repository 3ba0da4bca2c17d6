#!/usr/bin/env bash
# One consistent backup into DEST (a new or empty directory): the database dump first, then every
# file its rows name, with a manifest of their SHA-256.   scripts/backup.sh /var/backups/tracker/$(date +%F)
# The installation's settings come from the environment (DATABASE_URL, STORAGE_URL or UPLOAD_DIR,
# AWS_* for a bucket), as for the server. Exits non-zero, saying why, when the backup is incomplete.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 DEST" >&2
  exit 2
fi
target=$(realpath -m -- "$1")
cd "$(dirname "$0")/.."
exec .venv/bin/flask --app "tracker:create_app()" backup create "$target"
