"""Tools for tests/test_fuzz.py: the database as rows, what a page offers to send,
and the message a refusal shows."""
import html
import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from werkzeug.exceptions import HTTPException

STATIC_JS = Path(__file__).resolve().parent.parent / "voortgang" / "static" / "js"


class Database:
    """Every table's rows, to see whether a request changed anything and to put the
    pristine rows back (same ids) when it did."""

    def __init__(self, db):
        self.db = db
        self.pristine = self.rows()

    def rows(self):
        with self.db.engine.connect() as connection:
            return {table.name: [dict(row._mapping) for row in connection.execute(
                        table.select().order_by(*table.primary_key.columns))]
                    for table in self.db.metadata.sorted_tables}

    def changed(self):
        """The tables whose rows are not the pristine ones."""
        now = self.rows()
        return sorted(name for name, rows in now.items() if rows != self.pristine[name])

    def restore(self):
        with self.db.engine.begin() as connection:
            for table in reversed(self.db.metadata.sorted_tables):
                connection.execute(table.delete())
            for table in self.db.metadata.sorted_tables:
                if self.pristine[table.name]:
                    connection.execute(table.insert(), self.pristine[table.name])

    def id_pools(self):
        """Ids as text per URL argument: `person_id` draws from the person table,
        `item_id` from goals and agreements, anything else from every table."""
        ids = {name: [str(row["id"]) for row in rows if "id" in row]
               for name, rows in self.pristine.items()}
        pools = {f"{name}_id": found for name, found in ids.items() if found}
        pools["item_id"] = ids.get("goal", []) + ids.get("agreement", [])
        pools["*"] = sorted({i for found in ids.values() for i in found}, key=int)
        return pools


# A link or hx-get is followed with GET; a form's action or hx-post is posted to.
_URL = re.compile(r'\b(href|hx-get|action|hx-post)="([^"]+)"')
_METHOD = {"href": "GET", "hx-get": "GET", "action": "POST", "hx-post": "POST"}
_FORM = re.compile(r"<form\b.*?</form>", re.S)
_NAME = re.compile(r'\bname="([^"]+)"')
_VALUE = re.compile(r'\bvalue="([^"]*)"')
_HX_VALS = re.compile(r"hx-vals='([^']+)'")
_SCRIPT_NAME = re.compile(r'\.append\("([^"]+)"')


class Crawl:
    """What the pages offer each role: the links and form targets (as endpoint and
    arguments), the field names of each form (digits as '{id}'), the values offered,
    and the values seen in each URL part. Ids are kept as their place in the id
    pools, so one crawl serves every test's freshly built (same-shaped) world."""

    def __init__(self, app, cookies, pools, limit=60):
        self.adapter = app.url_map.bind("localhost")
        self.pools = pools
        self.names, self.values = set(), set()
        self.names_by_endpoint, self.parts = defaultdict(set), defaultdict(set)
        self.targets = defaultdict(set)  # (method, endpoint) -> {(role, args)}
        for role, cookie in cookies.items():
            client = app.test_client()
            client.set_cookie("session", cookie.value)
            self._walk(client, role, limit)
        for script in STATIC_JS.glob("*.js"):
            self.names.update(_SCRIPT_NAME.findall(script.read_text()))

    def _walk(self, client, role, limit):
        queue, seen = ["/"], set()
        while queue and len(seen) < limit:
            url = queue.pop(0)
            if url not in seen:
                seen.add(url)
                response = client.get(url)
                if response.mimetype == "text/html":  # not a PDF, .ics or Markdown file
                    queue += self._read(response.get_data(as_text=True), role)

    def _read(self, page, role):
        """Learn from one page; return the pages it links to."""
        self.names |= self._fields(page)
        self.values.update(html.unescape(v) for v in _VALUE.findall(page))
        for form in _FORM.findall(page):
            for endpoint in self._endpoints(_URL.findall(form), role):
                self.names_by_endpoint[endpoint] |= self._fields(form)
        return [link for link, (method, _) in self._links(_URL.findall(page), role)
                if method == "GET"]

    def _fields(self, markup):
        """The names a form sends: its fields, and what hx-vals adds."""
        names = set(_NAME.findall(markup))
        for vals in _HX_VALS.findall(markup):
            for name, value in json.loads(html.unescape(vals)).items():
                names.add(name)
                self.values.add(str(value))
        return names

    def _endpoints(self, urls, role):
        return {endpoint for _, (_, endpoint) in self._links(urls, role)}

    def _links(self, urls, role):
        for attribute, url in urls:
            link, method = html.unescape(url).split("#")[0], _METHOD[attribute]
            try:
                endpoint, args = self.adapter.match(link.split("?")[0], method=method)
            except HTTPException:
                continue
            if endpoint == "static":
                continue
            self.targets[(method, endpoint)].add((role, self._place(args)))
            for arg, value in args.items():
                self.parts[arg].add(str(value))
            yield link, (method, endpoint)

    def _place(self, args):
        """Arguments with each id as (pool, index) and the rest as text."""
        placed = []
        for arg, value in sorted(args.items()):
            pool = self.pools.get(arg, self.pools["*"])
            if isinstance(value, int) and str(value) in pool:
                placed.append((arg, "id", pool.index(str(value))))
            else:
                placed.append((arg, "text", str(value)))
        return tuple(placed)

    def vocabulary(self):
        def ids_as_holes(names):
            return sorted({re.sub(r"\d+", "{id}", name) for name in names})
        return {
            "names": ids_as_holes(self.names),
            "names_by_endpoint": {e: ids_as_holes(n) for e, n in self.names_by_endpoint.items()},
            "values": sorted(v for v in self.values if not re.search(r"\d{2,}", v)) or [""],
            "parts": {arg: sorted(found) for arg, found in self.parts.items()},
            "targets": {key: sorted(found) for key, found in self.targets.items()},
        }


class Alerts(HTMLParser):
    """The text of the elements that tell what went wrong: role="alert", or a class
    `error`, `has-error` or `error-page`."""

    MARKS = {"error", "has-error", "error-page"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.open, self.found = [], []

    @classmethod
    def text_of(cls, page):
        parser = cls()
        parser.feed(page)
        return " ".join(" ".join(parser.found).split())

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        self.open.append(attrs.get("role") == "alert" or bool(classes & self.MARKS))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.open:
            self.open.pop()

    def handle_data(self, data):
        if any(self.open):
            self.found.append(data)
