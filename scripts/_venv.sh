# Shared by run.sh and test.sh: create .venv and install a requirements file when it changed.
# Usage: source scripts/_venv.sh requirements.txt
set -euo pipefail
requirements_file=$1
if [ ! -x .venv/bin/python ]; then
  "${PYTHON:-python3}" -m venv .venv
fi
stamp=".venv/.installed-$(basename "$requirements_file")"
wanted=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "Installing $requirements_file into .venv ..."
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements_file"
  echo "$wanted" > "$stamp"
fi
