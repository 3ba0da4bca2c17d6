# Shared by run.sh and test.sh: create .venv, install a requirements file when it changed, compile
# the translations. Usage: source scripts/_venv.sh requirements.txt
set -euo pipefail
requirements_file=$1
python_for_venv=${PYTHON:-python3}
if ! "$python_for_venv" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "The tracker needs Python 3.11 or newer; $python_for_venv is $("$python_for_venv" -V 2>&1)." >&2
  echo "Install a newer Python and run again with PYTHON=/path/to/python3.11 $0" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python_for_venv" -m venv .venv
fi
stamp=".venv/.installed-$(basename "$requirements_file")"
wanted=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "Installing $requirements_file into .venv ..."
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements_file"
  echo "$wanted" > "$stamp"
fi
.venv/bin/python scripts/compile_translations.py
