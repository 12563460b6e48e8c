"""The JSON API: documents, search, compare. Errors are problem objects (see ``problems``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, TypeAdapter

from pactlens.model import Analysis
from pactlens.model.compare import Comparison
from pactlens.model.library import DocumentSummary, SearchHit
from pactlens.report.registry import FILE_WIDTH, RENDERERS, format_choices, renderer
from pactlens.web.bodies import ONCE, body, respond
from pactlens.web.cache import cached
from pactlens.web.problems import PROBLEM_RESPONSES, ProblemError
from pactlens.web.security import BEARER, require_api_token
from pactlens.web.views import public_source
from pactlens.web.uploads import ingest_upload

#: Dependencies of every write: the bearer scheme (for OpenAPI) and its check.
WRITE = [Depends(BEARER), Depends(require_api_token)]
router = APIRouter(prefix="/api", responses={k: v for k, v in PROBLEM_RESPONSES.items() if k in (404, 422)})

MAX_COMPARE = 12
DocumentFormat = format_choices("DocumentFormat", "analyses", "agreements")


class DocumentCreated(BaseModel):
    """What an upload returns: the id to fetch it by, and whether it was new."""

    id: str
    stored: bool
    title: str | None
    kind: str
    agreements: int
    url: str


def lib(request: Request):
    return request.app.state.lib


def get_analysis(request: Request, doc_id: str) -> Analysis:
    """The stored analysis or 404 (shared by API and pages)."""
    if not doc_id or len(doc_id) > 128:
        raise ProblemError(404, f"no document {doc_id!r}")
    a = lib(request).get(doc_id)
    if a is None:
        raise ProblemError(404, f"no document {doc_id!r}")
    return a


def delete_stored(request: Request, doc_id: str) -> None:
    """Delete or 404; forget rendered pages (shared by API and pages)."""
    if len(doc_id) > 128 or not lib(request).delete(doc_id):
        raise ProblemError(404, f"no document {doc_id!r}")
    request.app.state.pages.recheck_all()


def stored_comparison(request: Request, ids: list[str]) -> Comparison:
    """The comparison of these documents from the library's rows (agreements, obligations and
    the provisions' domain columns): no whole analysis and no clause text is read, so twelve
    long treaties compare as fast as twelve short ones. 404 for an id not in the library."""
    from pactlens.compare import compare_stored

    library = lib(request)
    result = compare_stored(library, ids)
    found = {c.document_id for c in result.agreements}
    for doc_id in ids:
        if doc_id not in found and (len(doc_id) > 128 or library.stamp(doc_id) is None):
            raise ProblemError(404, f"no document {doc_id!r}")
    return result


def parse_ids(ids: str) -> list[str]:
    """'a,b' -> ['a', 'b']: 2 to MAX_COMPARE distinct ids, else 422."""
    out = list(dict.fromkeys(x.strip() for x in ids.split(",") if x.strip()))
    if not 2 <= len(out) <= MAX_COMPARE:
        raise ProblemError(422, f"give 2 to {MAX_COMPARE} document ids separated by commas")
    return out


@router.post("/documents", status_code=201, response_model=DocumentCreated,
             dependencies=WRITE,
             responses={200: {"model": DocumentCreated, "description": "Already stored (same sha256): not analysed again."},
                        **{k: PROBLEM_RESPONSES[k] for k in (400, 401, 413, 415)}})
async def upload(request: Request, response: Response,
                 file: Annotated[UploadFile, File(description="A .txt, .md, .html, .pdf or .docx document.")],
                 replace: Annotated[bool, Query(description="Re-analyse even if the same file is stored.")] = False):
    """Analyse an uploaded document and store it. 201 when stored, 200 when it was already there."""
    outline, doc_id, stored = await ingest_upload(request, file, replace)
    response.status_code = 201 if stored else 200
    response.headers["Location"] = f"/api/documents/{doc_id}"
    return DocumentCreated(id=doc_id, stored=stored, title=outline.title, kind=outline.kind,
                           agreements=outline.agreements, url=f"/documents/{doc_id}")


@router.get("/documents", response_model=list[DocumentSummary])
def list_documents(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                   offset: Annotated[int, Query(ge=0, le=10**9)] = 0):
    """Stored documents, newest first, without their text (a local source as its file name)."""
    return [d.model_copy(update={"source": public_source(d.source)})
            for d in lib(request).summaries(limit=limit, offset=offset)]


@router.get("/documents/{doc_id}", response_model=Analysis)
def get_document(request: Request, doc_id: str):
    """The whole ``pactlens.analysis/1`` object (a local source as its file name)."""
    data = get_analysis(request, doc_id).to_json_dict()
    data["document"]["source"] = public_source(data["document"]["source"])
    return JSONResponse(data)


@router.delete("/documents/{doc_id}", status_code=204, dependencies=WRITE,
               responses={401: PROBLEM_RESPONSES[401]})
def delete_document(request: Request, doc_id: str) -> Response:
    """Remove a document and everything extracted from it."""
    delete_stored(request, doc_id)
    return Response(status_code=204)


_HITS = TypeAdapter(list[SearchHit])


@router.get("/search", response_model=list[SearchHit])
async def search(request: Request,
                 q: Annotated[str, Query(min_length=1, max_length=500, description="Words or \"a phrase\".")],
                 limit: Annotated[int, Query(ge=1, le=200)] = 50):
    """Sentences matching the query, best first, each located in its document."""
    if not q.strip():
        raise ProblemError(422, "the query is empty")
    hits = await cached(request.app.state.pages, ("api-search", q, limit), lib(request).generation,
                        lambda: body(_HITS.dump_json([h.model_copy(update={"source": public_source(h.source)})
                                                      for h in lib(request).search(q, limit=limit)]), ONCE))
    return respond(request, hits, "application/json")


@router.get("/compare", response_model=Comparison)
def compare_documents(request: Request,
                      ids: Annotated[str, Query(max_length=2000, description="Document ids, comma-separated.")]):
    """The agreements of these documents side by side (parties, date, term, obligations, domains)."""
    return JSONResponse(stored_comparison(request, parse_ids(ids)).model_dump(mode="json"))


@router.get("/documents/{doc_id}/export", response_class=Response,
            responses={200: {"description": "The document in the chosen format.",
                             "content": {r.media_type: {} for r in RENDERERS if r.reads != "check"}}})
def export_document(request: Request, doc_id: str,
                    format: Annotated[DocumentFormat, Query(description="Any format of `pactlens analyze`.")]
                    = DocumentFormat["json"]) -> Response:
    """The document as ``pactlens analyze FILE --format F --out PATH`` writes it (one renderer registry)."""
    import io

    from pactlens.compare import agreements_of

    analysis = get_analysis(request, doc_id)
    r = renderer(format.value, "analyses", "agreements")
    out = io.StringIO()
    r.write([analysis] if r.reads == "analyses" else agreements_of(analysis), out, single=True, width=FILE_WIDTH)
    return Response(out.getvalue(), media_type=r.media_type)
