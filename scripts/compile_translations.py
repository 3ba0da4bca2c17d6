"""Compile the message catalogues (.po → .mo): a step of installing, never of starting.

    .venv/bin/python scripts/compile_translations.py

scripts/run.sh and scripts/test.sh run it; a server install runs it once after `pip install`.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.catalogues import compile_stale  # noqa: E402

for po_path in compile_stale():
    print(f"compiled {po_path.parent.parent.name} messages")
