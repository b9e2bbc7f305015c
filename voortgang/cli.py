"""Command-line tasks: demo data and the translation catalogs."""
import subprocess
import sys

import click

from .app import ROOT
from .demo import load_demo, database_is_empty


def init_app(app):
    @app.cli.command("seed-demo")
    @click.option("--if-empty", is_flag=True, help="Only when there are no people yet.")
    def seed_demo(if_empty):
        """Load a demo team with one earlier review, so there is something to see."""
        if if_empty and not database_is_empty():
            click.echo("Database already has people; demo not loaded.")
            return
        click.echo(f"Demo loaded: {load_demo()} people.")

    app.cli.add_command(translate)


@click.group()
def translate():
    """Extract, update and compile the gettext catalogs in translations/."""


def _pybabel(*args):
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args],
                   check=True, cwd=ROOT)


@translate.command()
def extract():
    """Collect every translatable text into translations/messages.pot."""
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "--no-location",
             "--sort-output", "-o", "translations/messages.pot", ".")


@translate.command()
def update():
    """Extract, then merge new texts into both catalogs (English copies the source)."""
    extract.callback()
    _pybabel("update", "-i", "translations/messages.pot", "-d", "translations",
             "--no-fuzzy-matching", "--ignore-obsolete")
    from .translations import fill_english
    fill_english(ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po")


@translate.command()
def compile():
    """Compile the catalogs to .mo files the app reads."""
    _pybabel("compile", "-d", "translations", "--statistics")
