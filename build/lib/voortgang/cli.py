"""Command-line tasks: demo data and the translation catalogs."""
import subprocess
import sys

import click

from .app import ROOT
from .demo import DEMO_PASSWORD, database_is_empty, demo_logins, load_demo
from .serving import serve


def init_app(app):
    @app.cli.command("seed-demo")
    @click.option("--if-empty", is_flag=True, help="Only when there are no people yet.")
    def seed_demo(if_empty):
        """Load a demo team with one earlier review, so there is something to see."""
        if if_empty and not database_is_empty():
            click.echo("Database already has people; demo not loaded.")
        else:
            click.echo(f"Demo loaded: {load_demo()} people.")
        _print_demo_logins()

    app.cli.add_command(translate)
    app.cli.add_command(create_user)
    app.cli.add_command(serve)


def _print_demo_logins():
    logins = demo_logins()
    if not logins:
        return
    click.echo(f"\nDemo accounts, each with the password {DEMO_PASSWORD!r}:")
    for email, name, role in logins:
        click.echo(f"  {email:<28} {name:<18} {role.value}")
    click.echo("")


@click.command("create-user")
@click.option("--email", prompt=True, help="The address to log in with.")
@click.option("--name", prompt="Full name", help="The person's full name.")
@click.option("--admin/--no-admin", default=True, show_default=True,
              help="HR / administrator: manages people and accounts.")
@click.password_option(help="At least 10 characters; asked for when left out.")
def create_user(email, name, admin, password):
    """Create an account (the first one: the HR administrator) with a new person."""
    from .accounts.forms import PASSWORD_MIN
    from .accounts.models import Account, account_by_email
    from .extensions import db
    from .people.models import Person

    if account_by_email(email) is not None:
        raise click.ClickException(f"An account for {email} already exists.")
    if "@" not in email or not name.strip():
        raise click.ClickException("Give an email address and a name.")
    if len(password) < PASSWORD_MIN:
        raise click.ClickException(f"The password needs at least {PASSWORD_MIN} characters.")
    account = Account(person=Person(name=name.strip()), is_admin=admin,
                      email=Account.normalise_email(email))
    account.set_password(password)
    db.session.add(account)
    db.session.commit()
    click.echo(f"Account made: {account.email} ({account.role.value}). Log in at /login.")


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
