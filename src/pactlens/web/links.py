"""The document page's links to records and outline entries, built in Python.

Why not template macros: a long treaty's page links to every record it has (Lomé IV:
about 2,500 in the panel and 900 provisions), and a Jinja macro call costs some 0.2 ms
(a new context per call) — more than half of a cold render of that page (1.3 s) went
to them. These functions write the same HTML for a few microseconds each; the template
calls them by the macros' old names (``here``, ``rec``, ``recitem``).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from pactlens.model import Provision
from pactlens.web.marks import RecordRef, short


@dataclass(frozen=True)
class Links:
    """Links from page ``page`` of a document; ``record_page`` gives each record's page.

    ``base``: the document page's path, for HTML served apart from the page (a "show all"
    list is fetched into it, or opened on its own without a script): its links then name
    the page whole, so they lead to the evidence from either place."""

    page: int
    record_page: dict[str, int]
    base: str = ""

    def here(self, pg: int) -> str:
        """The link that opens page ``pg`` ("" for this page: an anchor is enough)."""
        if self.base:
            return f"{self.base}?page={pg}"
        return "" if pg == self.page else f"?page={pg}"

    def rec(self, rid: str | None, label: object) -> Markup:
        """``label`` as a link to record ``rid`` on the page of its evidence (plain without a record)."""
        if not rid:
            return escape(label)
        pg = self.record_page.get(rid, self.page)
        r = escape(rid)
        return Markup(f'<a href="{self.here(pg)}#r-{r}" class="goto" data-r="{r}" data-page="{pg}">{escape(label)}</a>')

    def recitem(self, ref: RecordRef, pg: int) -> Markup:
        """A record's line in the panel, with its page when that is another one."""
        r = escape(ref.id)
        away = f' <span class="muted small">p. {pg}</span>' if pg != self.page else ""
        return Markup(f'<li><a href="{self.here(pg)}#r-{r}" class="rec" data-r="{r}" data-page="{pg}" id="rec-{r}">'
                      f'{escape(ref.label)}</a>{away}</li>')

    def provision(self, pr: Provision, rid: str | None) -> Markup:
        """A provision's line in an agreement's list by domain: strength, article, clause, other domains."""
        art = f'<span class="art">art. {escape(pr.article)}</span> ' if pr.article else ""
        tags = "".join(f'<span class="chip tag">{escape(d)}</span>' for d in pr.domains[1:])
        return Markup(f'<li><span class="chip strength-{escape(pr.strength)}">{escape(pr.strength)}</span> '
                      f'{art}{self.rec(rid, short(pr.text, 220))}{tags}</li>')
