"""One stored document as every view of it reads it, parsed once per stored version.

A page of the text, a "show all" list, a ``?r=`` or ``?art=`` link all start from the same
things: the stored analysis parsed into its models, its records with their spans, the text's
page bounds and its outline. On a long treaty (NAFTA: 1 MB of text, about 1,000 records)
parsing and listing them cost 0.2-0.5 s, paid again by every page and every link. Kept here
per (document, stamp), a later page or list of the same version costs only its own HTML;
a document stored again gets a new stamp, so a stale view is never used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pactlens.model import Analysis
from pactlens.web import marks, reader
from pactlens.web.api import get_analysis, lib
from pactlens.web.cache import PageCache
from pactlens.web.problems import ProblemError

#: Bytes a parsed analysis keeps per character of its text (tracemalloc: NAFTA 11.6 MB for
#: 0.97 M characters, Lomé IV 7.3 MB for 0.72 M, the brief 0.3 MB for 10 k), for the budget.
BYTES_PER_CHAR = 12
#: The views kept: a handful of long treaties; a short document costs little to parse again.
VIEW_BUDGET = 64 * 1024 * 1024


@dataclass
class DocView:
    """The parsed analysis and what every page of it needs."""

    analysis: Analysis
    refs: list[marks.RecordRef]
    bounds: list[tuple[int, int]]
    outline: list[reader.Entry]
    groups: list[reader.Group]  # the panel's records by kind, each with the page of its evidence
    ids: dict[int, str] = field(default_factory=dict)  # id() of a record object -> its record id
    record_page: dict[str, int] = field(default_factory=dict)  # record id -> page of its first span

    def __len__(self) -> int:  # what it costs to keep (the cache's byte budget)
        return BYTES_PER_CHAR * len(self.analysis.document.text) + 4096

    @classmethod
    def of(cls, a: Analysis) -> DocView:
        refs = marks.records(a)
        bounds = reader.page_bounds(a.document.text)
        return cls(a, refs, bounds, reader.outline(a, bounds), reader.groups(refs, bounds),
                   {x.key: x.id for x in refs}, {x.id: reader.page_of(bounds, x.spans[0][0]) for x in refs})

    def group(self, kind: str) -> reader.Group | None:
        """The panel's group of records of ``kind`` (None when the document has none)."""
        return next((g for g in self.groups if g.kind == kind), None)

    def locate(self, record: str | None, article: str | None) -> tuple[int, str]:
        """(page, anchor) of a record id ('provision-3') or an article ('5'); 404 when there is none."""
        if record is not None:
            if record not in self.record_page:
                raise ProblemError(404, f"no record {record!r} in document {self.analysis.document.id}")
            return self.record_page[record], "r-" + record
        entry = reader.find_anchor(self.outline, article or "")
        if entry is None:
            raise ProblemError(404, f"no article {article!r} in document {self.analysis.document.id}")
        return entry.page, entry.anchor


def new_cache() -> PageCache[DocView]:
    """The app's cache of views: keyed by (document, stamp), so no version check is needed."""
    return PageCache(maxsize=32, max_bytes=VIEW_BUDGET)


def load(request, doc_id: str) -> DocView:
    """The view of the stored document ``doc_id`` (blocking: run it in a thread); 404 when absent."""
    stamp = lib(request).stamp(doc_id) if doc_id and len(doc_id) <= 128 else None
    if stamp is None:
        raise ProblemError(404, f"no document {doc_id!r}")
    views: PageCache[DocView] = request.app.state.views
    return views.get((doc_id, stamp), lambda: stamp, lambda: DocView.of(get_analysis(request, doc_id)))
