"""Server-rendered pages: library, document, search, compare, network, API docs.

Handlers gather view data (``views``, ``marks``, ``svg``) and hand it to a
template; templates autoescape everything, so no document text reaches the
page unescaped.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool

from pactlens.web import marks, reader, svg, views
from pactlens.web.api import delete_stored, get_analysis, lib, parse_ids, stored_comparison
from pactlens.web.bodies import ONCE, Body, body, respond
from pactlens.web.links import Links
from pactlens.web.cache import cached
from pactlens.web.problems import ProblemError
from pactlens.web.security import TOKEN_COOKIE, check_form_write
from pactlens.web.uploads import ingest_upload

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, status: int = 200, **context):
    settings = request.app.state.settings
    context.setdefault("needs_token", settings.token is not None and request.cookies.get(TOKEN_COOKIE) is None)
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def library(request: Request, offset: Annotated[int, Query(ge=0)] = 0):
    docs = lib(request).summaries(limit=200, offset=offset)
    return render(request, "library.html", docs=docs, offset=offset,
                  max_mb=request.app.state.settings.max_upload_bytes / 1024 / 1024)


@router.post("/upload")
async def upload(request: Request, file: Annotated[UploadFile, File()], token: Annotated[str | None, Form()] = None):
    """The library page's form: store, then go to the document's page."""
    check_form_write(request, token)
    settings = request.app.state.settings
    _, doc_id, _ = await ingest_upload(request, file)
    resp = RedirectResponse(f"/documents/{doc_id}", status_code=303)
    if token and settings.token:
        resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return resp


@router.post("/documents/{doc_id}/delete")
def delete(request: Request, doc_id: str, token: Annotated[str | None, Form()] = None):
    check_form_write(request, token)
    delete_stored(request, doc_id)
    return RedirectResponse("/", status_code=303)


def _hit_start(at: str | None, n: int) -> int | None:
    """Where ``?at=120-180`` (a search hit) starts within a text of ``n`` characters, else None."""
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", at or "")
    return int(m[1]) if m and 0 <= int(m[1]) < int(m[2]) <= n else None


@router.get("/documents/{doc_id}")
async def document(request: Request, doc_id: str, at: Annotated[str | None, Query(max_length=24)] = None,
                   page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                   r: Annotated[str | None, Query(max_length=40)] = None,
                   art: Annotated[str | None, Query(max_length=40)] = None):
    """One page of the document (cached while the stored document is unchanged). ``?r=RECORD``
    and ``?art=N`` are links to a record or an article: answered with a redirect to the page that
    holds it (``?page=K#anchor``), so every page stays one cached rendering. A search hit
    (``?at=START-END``) gets the cached page that holds it, as it is: the page's script marks
    the span (``data-lo`` on the text says where the page starts), so opening a hit in a long
    treaty costs no rendering once that page has been seen."""
    if r is not None or art is not None:
        target = await run_in_threadpool(locate, request, doc_id, r, art)
        return RedirectResponse(f"/documents/{doc_id}?page={target[0]}#{target[1]}", status_code=302)
    pages = request.app.state.pages

    def stamp() -> tuple | None:  # the version of every cached entry of this document
        return lib(request).stamp(doc_id)

    if at is not None:
        bounds = await cached(pages, ("bounds", doc_id), stamp, lambda: reader.page_bounds(_text(request, doc_id)))
        start = _hit_start(at, bounds[-1][1])
        page = page if start is None else reader.page_of(bounds, start)
    page_html = await cached(pages, ("document", doc_id, page), stamp,
                             lambda: body(render_document(request, doc_id, page)))
    return respond(request, page_html, "text/html; charset=utf-8")


def _text(request: Request, doc_id: str) -> str:
    found = lib(request).text(doc_id) if doc_id and len(doc_id) <= 128 else None
    if found is None:
        raise ProblemError(404, f"no document {doc_id!r}")
    return found


def locate(request: Request, doc_id: str, record: str | None, article: str | None) -> tuple[int, str]:
    """(page, anchor) of a record id ('provision-3') or an article ('5'); 404 when there is none."""
    a = get_analysis(request, doc_id)
    bounds = reader.page_bounds(a.document.text)
    if record is not None:
        ref = next((x for x in marks.records(a) if x.id == record), None)
        if ref is None:
            raise ProblemError(404, f"no record {record!r} in document {doc_id}")
        return reader.page_of(bounds, ref.spans[0][0]), "r-" + ref.id
    entry = reader.find_anchor(reader.outline(a, bounds), article or "")
    if entry is None:
        raise ProblemError(404, f"no article {article!r} in document {doc_id}")
    return entry.page, entry.anchor


def render_document(request: Request, doc_id: str, page: int) -> str:
    a = get_analysis(request, doc_id)
    text = a.document.text
    refs = marks.records(a)
    bounds = reader.page_bounds(text)
    number = min(page, len(bounds))
    lo, hi = bounds[number - 1]
    entries = reader.outline(a, bounds)
    ids = {x.key: x.id for x in refs}
    record_page = {x.id: reader.page_of(bounds, x.spans[0][0]) for x in refs}
    links = Links(number, record_page)
    first = number == 1  # the agreements, the audit and the timeline are shown on the first page only
    events = sorted(a.events, key=lambda e: e.date) if first else []
    profiles = [views.profile(a, ag, ids) for ag in a.agreements] if first else []
    return request.app.state.templates.get_template("document.html").render(
        request=request,
        a=a, doc=a.document, heading=_heading(a),
        pieces=reader.page_pieces(marks.segments(text, [x for x in refs if _touches(x, lo, hi)]), lo, hi,
                                  {e.start: e.anchor for e in entries}),
        groups=reader.groups(refs, bounds),
        outline=entries,
        page=number, pages=len(bounds), lo=lo,
        profiles=[p for p in profiles if not views.is_bare(p)],
        mentioned=[(p.agreement, ids.get(id(p.agreement))) for p in profiles if views.is_bare(p)],
        record_page=record_page, here=links.here, rec=links.rec, recitem=links.recitem,
        timeline=svg.timeline([(e, ids.get(id(e))) for e in events]) if first else "",
        events=events,
        citations=[(c, ids.get(id(c))) for c in a.citations],
        findings=[(f, ids.get(id(f))) for f in a.findings],
    )


def _heading(a) -> str:
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


def query_pattern(query: str) -> re.Pattern[str] | None:
    """A pattern matching the query's words (and words they start), longest first; None without words.

    It runs over the *escaped* sentence (see :func:`highlight_terms`): a word is not matched
    right after ``&`` or ``&#``, so 'amp' or '39' never hits the inside of '&amp;' or '&#39;'
    (query words are letters and digits only, so they never span an entity)."""
    words = sorted({w for w in re.findall(r"\w+", query) if len(w) > 1}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w&])(?<!&#)(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)


def highlight_terms(sentence: str, pattern: re.Pattern[str] | None) -> Markup:
    """The sentence, escaped, with each match of ``pattern`` wrapped in ``<mark>``.

    Escaped once and marked by one substitution (both in C): a search page marks a hundred
    sentences, and escaping piece by piece cost more than the query itself.
    """
    escaped = escape(sentence)
    if pattern is None:
        return escaped
    return Markup(pattern.sub(r"<mark>\g<0></mark>", str(escaped)))


#: Hits on one search page. The best 25 are what a reader looks through; a page of 100 cost
#: four times the highlighting and rendering, and new searches were most of the server's CPU
#: under bench/load.py. The page says how many sentences match in all and links to the next.
SEARCH_PAGE = 25


@router.get("/search")
async def search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                 page: Annotated[int, Query(ge=1, le=400)] = 1):
    """Cached per query and page until the library changes."""
    def build() -> Body:
        hits, total = lib(request).search_page(q, SEARCH_PAGE, (page - 1) * SEARCH_PAGE) if q.strip() else ([], 0)
        pattern = query_pattern(q)
        rows = [(h, highlight_terms(h.text, pattern)) for h in hits]
        html = request.app.state.templates.get_template("search.html").render(
            request=request, q=q, rows=rows, total=total, first=(page - 1) * SEARCH_PAGE + 1, page=page,
            more=page * SEARCH_PAGE < total)
        return body(html, ONCE)

    found = await cached(request.app.state.pages, ("search", q, page), lib(request).generation, build)
    return respond(request, found, "text/html; charset=utf-8")


@router.get("/compare")
def compare(request: Request, ids: Annotated[str, Query(max_length=2000)] = "",
            pick: Annotated[list[str], Query(max_length=20)] = []):  # noqa: B006 (FastAPI copies defaults)
    """``?ids=a,b`` (links, the API's form) or ``?pick=a&pick=b`` (the page's checkboxes)."""
    docs = views.pick_rows(lib(request).agreements(obligations=False, provisions=False))
    chosen = pick or [x.strip() for x in ids.split(",") if x.strip()]
    table = stored_comparison(request, parse_ids(",".join(chosen))) if len(chosen) >= 2 else None
    return render(request, "compare.html", docs=docs, chosen=set(chosen), table=table,
                  too_few=len(chosen) == 1)


Obligation = Annotated[str | None, Query(pattern="^(any|defence|neutrality|consultation)$")]
YearFrom = Annotated[int | None, Query(alias="from", ge=1, le=9999)]
YearTo = Annotated[int | None, Query(alias="to", ge=1, le=9999)]


def _graph(request: Request, obligation: str | None, obligations: bool, year_from: int | None, year_to: int | None):
    from pactlens.web import network

    return network.build(lib(request).agreements(provisions=False), views.name_of, views.network_class,
                         obligation or ("any" if obligations else None), year_from, year_to)


@router.get("/network")
async def network_page(request: Request, obligation: Obligation = None, obligations: bool = False,
                       year_from: YearFrom = None, year_to: YearTo = None):
    """The network with its filters (``?obligation=defence|neutrality|consultation|any``,
    ``?from=1945&to=1991``; ``?obligations=true`` is ``any``) and a table of the agreements
    drawn; cached until the library changes."""
    from pactlens.web import network

    def build() -> Body:
        g = _graph(request, obligation, obligations, year_from, year_to)
        query = str(request.url.query)
        html = request.app.state.templates.get_template("network.html").render(
            request=request, picture=network.draw(g), graph=g, obligation=obligation or ("any" if obligations else ""),
            year_from=year_from, year_to=year_to, query=query,
            states=len(g.nodes) - len(g.hubs))
        return body(html)

    key = ("network", obligation, obligations, year_from, year_to)
    page = await cached(request.app.state.pages, key, lib(request).generation, build)
    return respond(request, page, "text/html; charset=utf-8")


@router.get("/network.svg")
def network_svg(request: Request, obligation: Obligation = None, obligations: bool = False,
                year_from: YearFrom = None, year_to: YearTo = None):
    """The picture as shown, as a file (its styles are inside it)."""
    from fastapi.responses import Response

    from pactlens.web import network

    svg_text = str(network.draw(_graph(request, obligation, obligations, year_from, year_to)))
    return Response(svg_text, media_type="image/svg+xml",
                    headers={"Content-Disposition": 'attachment; filename="pactlens-network.svg"'})


@router.get("/docs")
def docs(request: Request):
    """Swagger UI, served from this server (the stock page needs a CDN)."""
    return render(request, "docs.html")
