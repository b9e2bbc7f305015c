"""`python -m voortgang.rules`: JSON lines in, one JSON line out per input, in order."""
import json
import subprocess
import sys


def run(lines):
    result = subprocess.run([sys.executable, "-m", "voortgang.rules"], input="\n".join(lines),
                            capture_output=True, text=True, timeout=60, check=True)
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_one_answer_per_line_in_order_and_errors_do_not_stop_the_run():
    out = run([
        json.dumps({"text": "Jan volgt vóór 15 januari de cursus", "today": "2026-11-27",
                    "employee": "Jan Bakker", "manager": "Sanne de Vries"}),
        "this is not json",
        json.dumps({"text": "we look into it soon", "today": "2026-11-27"}),
        json.dumps({"text": "x" * 100_000, "today": "2026-11-27"}),
        json.dumps({"text": "Jan", "today": "27-11-2026"}),
        json.dumps(["a list"]),
        json.dumps({"text": "HR sends the contract by Friday", "today": "2026-11-27",
                    "next_review": "2026-11-30"}),
    ])
    assert len(out) == 7
    assert out[0] == {**out[0], "owner": "employee", "due": "2027-01-15", "flags": []}
    assert "error" in out[1]
    assert out[2]["owner"] == "both" and out[2]["due"] is None
    assert sorted(out[2]["flags"]) == ["vague_date", "vague_wording"]
    assert "at most 5000" in out[3]["error"]
    assert "today" in out[4]["error"]
    assert "error" in out[5]
    assert out[6]["due"] == "2026-12-04" and out[6]["flags"] == ["after_next_review"]


def test_control_characters_and_emoji_do_not_break_the_output():
    out = run([json.dumps({"text": "Jan \u0000\u001b doet 🙂 vóór vrijdag", "today":
                           "2026-11-27", "employee": "Jan Bakker"})])
    assert out[0]["owner"] == "employee" and out[0]["due"] == "2026-12-04"
