"""Static files: compressed, and kept by browsers for a year under names that change
with their content.

At start, each file in voortgang/static/ is copied once into instance/static/ under
a name with its content's hash (css/app.css -> css/app.3f2a1b9c4d5e.css), with a
gzip and a Brotli copy beside it (WhiteNoise's compressor). WhiteNoise serves that
folder ahead of Flask: the compressed copy when the browser accepts it, with
`Cache-Control: public, max-age=31536000, immutable`. `url_for('static',
filename='css/app.css')` gives the fingerprinted name (a `url_defaults` hook), so the
templates stay as they are; a changed file has a new name, so a new URL, and no
browser keeps the old one. The plain names still work through Flask's own static
view (revalidated on each use) for anything that links them directly.

Outside production a file changed while the server runs gets its new name at the
next page (editing CSS under `make run`); in production the files are read once.
"""
import hashlib
import os
import tempfile
from pathlib import Path, PurePosixPath

from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from . import security

YEAR = 365 * 24 * 60 * 60
CACHE_CONTROL = f"public, max-age={YEAR}, immutable"


def init_app(app):
    refresh = not app.config["PRODUCTION"]
    target = Path(app.config.get("STATIC_CACHE_FOLDER")
                  or Path(app.instance_path) / "static")
    fingerprints = Fingerprints(Path(app.static_folder), target, refresh)
    fingerprints.collect_all()
    app.extensions["static_fingerprints"] = fingerprints

    @app.url_defaults
    def _fingerprinted(endpoint, values):
        if endpoint == "static" and "filename" in values:
            values["filename"] = fingerprints.url_name(values["filename"])

    app.wsgi_app = WhiteNoise(
        app.wsgi_app, root=str(target), prefix=app.static_url_path, max_age=YEAR,
        autorefresh=refresh, allow_all_origins=False, add_headers_function=_headers)


def _headers(headers, path, url):
    """Every file here has its content's hash in its name: cached for a year, never
    revalidated; and the same protective headers as every page (security.py)."""
    headers["Cache-Control"] = CACHE_CONTROL
    headers["Content-Security-Policy"] = security.CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"
    headers["X-Frame-Options"] = "DENY"
    headers["Permissions-Policy"] = security.PERMISSIONS_POLICY


class Fingerprints:
    """Plain static names to fingerprinted ones, copied (and compressed) on first sight."""

    def __init__(self, source, target, refresh):
        self.source, self.target, self.refresh = source, target, refresh
        self.names = {}  # "css/app.css" -> ("css/app.3f2a1b9c4d5e.css", mtime)
        self.compressor = Compressor(quiet=True)

    def collect_all(self):
        for path in sorted(self.source.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                self.collect(path.relative_to(self.source).as_posix())

    def url_name(self, name):
        """The name to put in a URL: fingerprinted when the file is ours."""
        known = self.names.get(name)
        if known is None:
            return name  # not a file of ours: Flask's static view answers (a 404)
        if self.refresh:
            try:
                if (self.source / name).stat().st_mtime_ns != known[1]:
                    return self.collect(name)
            except OSError:
                return name
        return known[0]

    def collect(self, name):
        source = self.source / name
        modified = source.stat().st_mtime_ns
        data = source.read_bytes()
        plain = PurePosixPath(name)
        digest = hashlib.sha256(data).hexdigest()[:12]
        hashed = str(plain.with_name(f"{plain.stem}.{digest}{plain.suffix}"))
        if not (self.target / hashed).exists():
            self._write(self.target / hashed, data)
        self.names[name] = (hashed, modified)
        return hashed

    def _write(self, target, data):
        """Staged beside the folder and moved in whole, the file itself last: a
        server that sees it also finds its compressed copies, and workers starting
        at once never read half a file."""
        target.parent.mkdir(parents=True, exist_ok=True)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.target.parent,
                                         prefix=".static-") as work:
            staged = Path(work) / target.name
            staged.write_bytes(data)
            if self.compressor.should_compress(target.name):
                for extra in self.compressor.compress(str(staged)):
                    os.replace(extra, target.with_name(Path(extra).name))
            os.replace(staged, target)
