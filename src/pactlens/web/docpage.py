"""The HTML of a document page, and of the "show all" lists it fetches on demand.

Why the lists are apart: a long treaty's records ran to some 2,500 links on its first page
(Lomé IV: 1,000 in the panel, 900 provisions by domain), more than half of a cold render
and of the HTML. Each list now shows its first :data:`reader.SHOWN` and names the URL of the
rest, which the page's script fetches when the reader opens "show all" (without a script it
is a link to the list). The page and the lists are rendered from one parsed view of the
document (:mod:`pactlens.web.docview`), and each is cached by the page cache like any page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from pactlens.model import Analysis
from pactlens.web import marks, reader, svg, views
from pactlens.web.docview import DocView
from pactlens.web.links import Links
from pactlens.web.problems import ProblemError


def more_url(doc_id: str, page: int, kind: str, agreement: str | None = None, domain: str | None = None) -> str:
    """Where the rest of a list is: the panel's records of ``kind``, or with ``agreement`` and
    ``domain`` that agreement's provisions in that domain."""
    query = {"kind": kind, "page": page, **({"agreement": agreement, "domain": domain} if agreement else {})}
    return f"/documents/{doc_id}/more?{urlencode(query)}"


def render_document(templates, request, view: DocView, page: int) -> str:
    """Page ``page`` (clamped to the last) of the document: its text with marks, the outline,
    the records panel; on the first page also the agreements, the audit and the timeline."""
    a, bounds, ids = view.analysis, view.bounds, view.ids
    number = min(page, len(bounds))
    lo, hi = bounds[number - 1]
    links = Links(number, view.record_page)
    first = number == 1  # the agreements, the audit and the timeline are shown on the first page only
    events = sorted(a.events, key=lambda e: e.date) if first else []
    profiles = [views.profile(a, ag, ids) for ag in a.agreements] if first else []
    doc_id = a.document.id
    return templates.get_template("document.html").render(
        request=request,
        a=a, doc=a.document, heading=heading(a),
        pieces=reader.page_pieces(marks.segments(a.document.text, [x for x in view.refs if _touches(x, lo, hi)]),
                                  lo, hi, {e.start: e.anchor for e in view.outline}),
        groups=view.groups, shown=reader.SHOWN,
        more=lambda kind, ag=None, domain=None: more_url(doc_id, number, kind, ag, domain),
        outline=view.outline,
        page=number, pages=len(bounds), lo=lo,
        profiles=[p for p in profiles if not views.is_bare(p)],
        mentioned=[(p.agreement, ids.get(id(p.agreement))) for p in profiles if views.is_bare(p)],
        record_page=view.record_page, here=links.here, rec=links.rec, recitem=links.recitem,
        provision=links.provision,
        timeline=svg.timeline([(e, ids.get(id(e))) for e in events]) if first else "",
        events=events,
        citations=[(c, ids.get(id(c))) for c in a.citations],
        findings=[(f, ids.get(id(f))) for f in a.findings],
    )


def render_more(view: DocView, page: int, kind: str, agreement: str | None, domain: str | None) -> str:
    """The rest of one list (after its first :data:`reader.SHOWN`) as ``<li>`` items, with links
    that name the document page whole; 404 for a list the document does not have."""
    links = Links(page, view.record_page, base=f"/documents/{view.analysis.document.id}")
    if agreement is None:
        group = view.group(kind)
        if group is None:
            raise ProblemError(404, f"no records of kind {kind!r}")
        return "".join(links.recitem(r, pg) for r, pg in group.more)
    ag = next((x for x in view.analysis.agreements if x.id == agreement), None)
    found = None if ag is None or kind != "provision" else next(
        (g for g in views.profile(view.analysis, ag, view.ids).domains if g.domain == domain), None)
    if found is None:
        raise ProblemError(404, f"no provisions of agreement {agreement!r} in domain {domain!r}")
    return "".join(links.provision(pr, rid) for pr, rid in found.provisions[reader.SHOWN:])


def heading(a: Analysis) -> str:
    """The document's title; else the name of the agreement whose text it is; else, for writing
    about an agreement, "Brief on the …" (a brief is not the treaty it discusses); else its
    file name."""
    if a.document.title:
        return a.document.title
    own = [ag for ag in a.agreements if ag.role == "primary" and (ag.title or ag.parties)]
    if own:
        return views.name_of(own[0])
    about = [ag.title for ag in a.agreements if ag.role == "subject" and ag.title]
    if about:
        kind = a.document.kind if a.document.kind in ("brief", "news") else "document"
        title = about[0][4:] if about[0].lower().startswith("the ") else about[0]
        return f"{'News' if kind == 'news' else kind.capitalize()} on the {title}"
    return views.public_source(a.document.source)


def _touches(ref: marks.RecordRef, lo: int, hi: int) -> bool:
    return any(s < hi and e > lo for s, e in ref.spans)
