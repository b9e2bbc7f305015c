"""Batch check: JSON lines in on stdin, one JSON line out per input, in order.

    echo '{"text": "Jan volgt vóór 1 maart de cursus", "today": "2026-11-27"}' \
        | python -m voortgang.rules
"""
import json
import sys
from datetime import date

from . import analyse_agreement


def _date(value, name):
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{name}' must be a date as YYYY-MM-DD.")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{name}' is not a date as YYYY-MM-DD: {value!r}.") from None


def check_line(line):
    """The JSON answer for one input line; errors become {"error": ...}."""
    try:
        item = json.loads(line)
        if not isinstance(item, dict):
            raise ValueError("Each line must be a JSON object.")
        if "text" not in item or "today" not in item:
            raise ValueError("Each line needs 'text' and 'today'.")
        for key in ("employee", "manager", "lang"):
            if item.get(key) is not None and not isinstance(item[key], str):
                raise ValueError(f"'{key}' must be text.")
        check = analyse_agreement(
            item["text"], today=_date(item["today"], "today"), lang=item.get("lang"),
            employee=item.get("employee"), manager=item.get("manager"),
            next_review=_date(item.get("next_review"), "next_review"),
            ui_lang=item.get("ui_lang") or "en")
        return check.to_dict()
    except (ValueError, TypeError, OverflowError) as error:
        return {"error": str(error)}


def main(stdin=sys.stdin, stdout=sys.stdout):
    for line in stdin:
        if not line.strip():
            continue
        stdout.write(json.dumps(check_line(line), ensure_ascii=False) + "\n")
    stdout.flush()


if __name__ == "__main__":
    main()
