"""Write Russian translations into the catalogue from a JSON object on standard input.

    scripts/translations.sh                      # extract; lists the missing translations
    echo '{"Visits": "Визиты", "review status|approved": "принят"}' | .venv/bin/python scripts/translate.py

A key "context|msgid" addresses a message with a context (lazy_pgettext); a message with plural
forms takes a list of the three Russian forms, keyed by its singular msgid. Unknown keys are
reported and the script exits with 1, so a typo never passes silently.
"""
import json
import sys

from babel.messages.pofile import read_po, write_po

CATALOGUE = "tracker/translations/ru/LC_MESSAGES/messages.po"


def main() -> int:
    wanted = json.load(sys.stdin)
    with open(CATALOGUE, "rb") as source:
        catalog = read_po(source)
    unknown = []
    for key, russian in wanted.items():
        context, _, msgid = key.rpartition("|") if "|" in key else (None, "", key)
        message = catalog.get(msgid, context=context or None)
        if message is None:
            unknown.append(key)
            continue
        message.string = tuple(russian) if isinstance(russian, list) else russian
        message.flags.discard("fuzzy")
    with open(CATALOGUE, "wb") as target:
        write_po(target, catalog, width=100, sort_output=True, no_location=True)
    for key in unknown:
        print("not in the catalogue:", key, file=sys.stderr)
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
