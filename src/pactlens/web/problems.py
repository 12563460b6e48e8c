"""Errors as RFC 9457 problem objects (``application/problem+json``), never a traceback.

Bad input is the client's fault and gets a 4xx with a one-line ``detail``;
an unexpected exception becomes a bare 500 problem whose detail says nothing
about the code (the traceback goes to the server log only).
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from pactlens.errors import InputError
from pactlens.limits import LimitError

log = logging.getLogger("pactlens.web")
PROBLEM = "application/problem+json"


class Problem(BaseModel):
    """The problem object of RFC 9457 (``type`` is left at its default, about:blank)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None


class ProblemError(Exception):
    """Raised by handlers to answer with a problem of the given status."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers or {}


def _wants_html(request: Request) -> bool:
    """Pages get an HTML error page; the API (and anything not asking for HTML) a problem."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def problem_response(request: Request, status: int, detail: str | None,
                     headers: dict[str, str] | None = None) -> Response:
    title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    if _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"status": status, "title": title, "detail": detail},
                                          status_code=status, headers=headers)
    body = Problem(title=title, status=status, detail=detail, instance=request.url.path)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM, headers=headers)


def _allowed_methods(request: Request) -> str:
    """Every method some route answers at this path (Starlette names only the first route's).

    Each method is tried against the routes, so routes inside included routers count too.
    """
    from starlette.routing import Match

    methods = {m for m in ("GET", "POST", "PUT", "PATCH", "DELETE")
               if any(route.matches({**request.scope, "method": m})[0] is Match.FULL
                      for route in request.app.router.routes)}
    if "GET" in methods:
        methods.add("HEAD")  # the request guard answers HEAD wherever GET is answered
    return ", ".join(sorted(methods))


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem (or an HTML error page)."""

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> Response:
        return problem_response(request, exc.status, exc.detail, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed_methods(request)
        return problem_response(request, exc.status_code, str(exc.detail) if exc.detail else None, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return problem_response(request, 422, _validation_detail(exc))

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        return problem_response(request, 413 if isinstance(exc, LimitError) else 422, str(exc))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(request, 500, "internal error (see the server log)")


PROBLEM_RESPONSES: dict[int | str, dict] = {
    code: {"model": Problem, "content": {PROBLEM: {}}, "description": HTTPStatus(code).phrase}
    for code in (400, 401, 403, 404, 413, 415, 421, 422)
}
