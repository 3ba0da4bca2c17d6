#!/usr/bin/env bash
# Refresh the message catalogues after changing user-facing strings:
#   scripts/translations.sh          extract and merge new strings into ru (and en)
# Then translate the new (empty or fuzzy) entries in tracker/translations/ru/LC_MESSAGES/messages.po.
# tests/test_i18n.py fails while any Russian translation is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m babel.messages.frontend -q extract -F babel.cfg -k _l -k lazy_gettext -k lazy_pgettext:1c,2 --ignore-dirs ".* __pycache__" --no-location \
  --sort-output -o tracker/translations/messages.pot . >/dev/null
for lang in ru en; do
  po=tracker/translations/$lang/LC_MESSAGES/messages.po
  if [ -f "$po" ]; then
    "$PY" -m babel.messages.frontend -q update -i tracker/translations/messages.pot \
      -d tracker/translations -l "$lang" --no-fuzzy-matching >/dev/null
  else
    "$PY" -m babel.messages.frontend -q init -i tracker/translations/messages.pot \
      -d tracker/translations -l "$lang" >/dev/null
  fi
done
"$PY" - <<'PY'
from babel.messages.pofile import read_po, write_po
for lang in ("ru", "en"):  # one stable layout, so that diffs show only real changes
    path = f"tracker/translations/{lang}/LC_MESSAGES/messages.po"
    with open(path, "rb") as source:
        catalog = read_po(source)
    with open(path, "wb") as target:
        write_po(target, catalog, width=100, sort_output=True, no_location=True)
with open("tracker/translations/ru/LC_MESSAGES/messages.po", "rb") as source:
    missing = [m.id for m in read_po(source) if m.id and (not m.string or m.fuzzy)]
print(f"catalogues updated; {len(missing)} Russian translations missing")
for msgid in missing:
    print("  ", msgid)
PY
