"""The summary as a file: PDF (WeasyPrint) and Markdown, in the interface language."""
import re
import unicodedata
from pathlib import Path

from flask import make_response, render_template
from flask_babel import format_datetime
from flask_babel import gettext as _

STATIC = Path(__file__).resolve().parent.parent / "static"
PDF_CSS = STATIC / "css" / "summary-pdf.css"


def _refuse(url, *args, **kwargs):
    # The PDF is made from our own template and stylesheet alone: nothing is fetched,
    # not from the network and not from disk (a link in stored text never loads).
    raise ValueError(f"Voortgang fetches nothing for a PDF: {url[:80]}")


try:  # WeasyPrint 68 and later take a fetcher object; older versions a function.
    from weasyprint import URLFetcher

    class _NoFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            _refuse(url)

    def _fetcher():
        return _NoFetcher()
except ImportError:  # pragma: no cover
    def _fetcher():
        return _refuse


def pdf_document(summary):
    """The summary laid out on A4 pages (a WeasyPrint document)."""
    from weasyprint import CSS, HTML
    html = render_template("signoff/pdf.html", summary=summary)
    fetcher = _fetcher()
    stylesheet = CSS(string=PDF_CSS.read_text(encoding="utf-8"), url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).render(stylesheets=[stylesheet])


def pdf_bytes(summary):
    return pdf_document(summary).write_pdf()


def filename(summary, extension):
    """progress-review-jan-bakker-2026-11-27.pdf, in the interface language."""
    name = unicodedata.normalize("NFKD", summary.conversation.employee.name)
    slug = re.sub(r"[^a-z0-9]+", "-", name.encode("ascii", "ignore").decode().lower())
    parts = [_("progress-review"), slug.strip("-")[:60],
             summary.conversation.held_on.isoformat()]
    return "-".join(part for part in parts if part) + "." + extension


def download(body, mimetype, name):
    response = make_response(body)
    response.mimetype = mimetype
    if mimetype.startswith("text/"):
        response.charset = "utf-8"
    response.headers.set("Content-Disposition", "attachment", filename=name)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# Characters Markdown reads as emphasis, links, code, HTML or tables, anywhere...
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~&])")
# ...and what starts a list, a heading or a rule at the start of a line.
_LEADING = re.compile(r"^([-+=]|\d+[.)])")


def md(text):
    """One line of stored text, safe inside Markdown: no headings, links, lists, HTML."""
    line = _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _LEADING.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], line)


def md_block(text, indent=""):
    """Stored text of several lines: each line escaped, kept apart by hard line
    breaks; empty lines dropped so the text cannot end the list item it is in."""
    lines = [md(line) for line in str(text).splitlines() if line.strip()]
    return ("\\\n" + indent).join(lines)


def markdown(summary):
    c = summary.conversation
    out = [f"# {md(summary.title)}", "", md(summary.lead), ""]
    out += [md(_("Completed on %(date)s.", date=summary.completed)) if summary.completed
            else md(_("This review is not completed yet: this summary can still change.")),
            ""]
    for part in summary.parts:
        out += [f"## {md(part.title)}", ""]
        for group in part.groups:
            out += [f"### {md(group.title)}", ""]
            if not group.items:
                out += [f"*{md(group.empty)}*", ""]
            for item in group.items:
                out.append(f"- {md_block(item.text, '  ')}\\")
                facts = " · ".join(f"{md(label)}: {md(value)}" for label, value, _m
                                   in item.facts)
                if item.comment:
                    out.append(f"  {facts}\\")
                    out.append(f"  {md(_('Comment:'))} {md_block(item.comment, '  ')}")
                else:
                    out.append(f"  {facts}")
            if group.items:
                out.append("")
        if part.slug == "agreements":
            out += [f"### {md(_('Next evaluation'))}", "",
                    md(summary.next_review or _("No date set yet")), ""]
        out += [f"### {md(_('What was said'))}", ""]
        for question, answer, notes in part.answers:
            out += [f"**{md(question)}**", ""]
            out += [md_block(answer) if answer else f"*{md(_('Not answered'))}*", ""]
            label = md(_("Coach's question"))
            out += [f"> *{label}:* {md(note)}" for note in notes]
            out += [""] if notes else []
    own_words = _("In %(name)s's own words", name=c.employee.name)
    out += [f"## {md(own_words)}", "",
            md_block(summary.reaction) if summary.reaction
            else f"*{md(_('No reaction was added.'))}*", ""]
    out += [f"## {md(_('Confirmed by'))}", ""]
    for signature in summary.signatures:
        side = _("Manager") if signature.side == "manager" else _("Employee")
        if signature.at:
            said = _("%(name)s confirmed on %(moment)s", name=signature.who,
                     moment=format_datetime(signature.at, "medium"))
        else:
            said = _("%(name)s has not confirmed yet", name=signature.who)
        out.append(f"- {md(side)}: {md(said)}")
    return "\n".join(out) + "\n"
