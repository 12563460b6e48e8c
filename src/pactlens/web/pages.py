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

from pactlens.web import docpage, docview, reader, views
from pactlens.web.api import delete_stored, lib, parse_ids, stored_comparison
from pactlens.web.bodies import ONCE, Body, body, respond
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
    return docview.load(request, doc_id).locate(record, article)


def render_document(request: Request, doc_id: str, page: int) -> str:
    return docpage.render_document(request.app.state.templates, request, docview.load(request, doc_id), page)


@router.get("/documents/{doc_id}/more")
async def more(request: Request, doc_id: str, kind: Annotated[str, Query(pattern="^[a-z]{1,20}$")],
               page: Annotated[int, Query(ge=1, le=100_000)] = 1,
               agreement: Annotated[str | None, Query(max_length=40)] = None,
               domain: Annotated[str | None, Query(max_length=40)] = None):
    """The rest of a list of the document page behind its "show all" (the page's script fetches
    it when the reader opens it): the panel's records of ``kind``, or an agreement's provisions
    in one domain. Cached like the page, while the stored document is unchanged."""
    def build() -> Body:
        items = docpage.render_more(docview.load(request, doc_id), page, kind, agreement, domain)
        return body(f'<ul class="more-items">{items}</ul>')

    found = await cached(request.app.state.pages, ("more", doc_id, page, kind, agreement, domain),
                         lambda: lib(request).stamp(doc_id), build)
    return respond(request, found, "text/html; charset=utf-8")


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
Organisation = Annotated[str | None, Query(max_length=200)]


def _graph(request: Request, obligation: str | None, obligations: bool, year_from: int | None, year_to: int | None,
           org: str | None):
    from pactlens.web import network

    return network.build(lib(request).agreements(provisions=False), views.name_of, views.network_class,
                         obligation or ("any" if obligations else None), year_from, year_to, org or None)


@router.get("/network")
async def network_page(request: Request, obligation: Obligation = None, obligations: bool = False,
                       year_from: YearFrom = None, year_to: YearTo = None, org: Organisation = None):
    """The network with its filters (``?obligation=defence|neutrality|consultation|any``,
    ``?from=1945&to=1991``, ``?org=bloc:eu``: agreements an organisation is party to;
    ``?obligations=true`` is ``any``) and a table of the agreements drawn; cached until the
    library changes."""
    from pactlens.web import network

    def build() -> Body:
        g = _graph(request, obligation, obligations, year_from, year_to, org)
        query = str(request.url.query)
        html = request.app.state.templates.get_template("network.html").render(
            request=request, picture=network.draw(g), graph=g, obligation=obligation or ("any" if obligations else ""),
            year_from=year_from, year_to=year_to, org=org or "", query=query,
            organisations=sorted(g.organisations.items(), key=lambda kv: kv[1].lower()),
            states=len(g.nodes) - len(g.hubs))
        return body(html)

    key = ("network", obligation, obligations, year_from, year_to, org)
    page = await cached(request.app.state.pages, key, lib(request).generation, build)
    return respond(request, page, "text/html; charset=utf-8")


@router.get("/network.svg")
def network_svg(request: Request, obligation: Obligation = None, obligations: bool = False,
                year_from: YearFrom = None, year_to: YearTo = None, org: Organisation = None):
    """The picture as shown, as a file (its styles are inside it)."""
    from fastapi.responses import Response

    from pactlens.web import network

    svg_text = str(network.draw(_graph(request, obligation, obligations, year_from, year_to, org)))
    return Response(svg_text, media_type="image/svg+xml",
                    headers={"Content-Disposition": 'attachment; filename="pactlens-network.svg"'})


@router.get("/docs")
def docs(request: Request):
    """Swagger UI, served from this server (the stock page needs a CDN)."""
    return render(request, "docs.html")
