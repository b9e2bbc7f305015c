"""`pip wheel .` ships the rules' data files: the command line works from an installed
package, in a fresh virtual environment outside the checkout."""
import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_line_works_from_an_installed_wheel(tmp_path):
    # From a copy without the checkout's *.egg-info: setuptools would take the data
    # files from its old file list and hide a missing package-data entry.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "voortgang", source / "voortgang",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                    "--wheel-dir", str(tmp_path / "dist"), str(source)], check=True,
                   capture_output=True, timeout=300)
    (wheel,) = (tmp_path / "dist").glob("voortgang-*.whl")
    venv.create(tmp_path / "env", with_pip=False)
    python = tmp_path / "env" / "bin" / "python"
    # pip of this environment installs into the fresh one; the rules need no dependency
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--quiet", str(wheel)], check=True, capture_output=True,
                   timeout=300)
    line = json.dumps({"text": "Sanne levert vóór 15 januari het plan in",
                       "today": "2026-11-27", "employee": "Sanne Bakker"})
    result = subprocess.run([str(python), "-m", "voortgang.rules"], input=line, text=True,
                            capture_output=True, cwd=tmp_path, timeout=60, check=True)
    answer = json.loads(result.stdout)
    assert (answer["owner"], answer["due"], answer["flags"]) == ("employee", "2027-01-15", [])
