"""Refusals made before a request reaches a handler: foreign Host, oversize body, foreign or unauthenticated write.

FastAPI parses (and spools to disk) a multipart body before it runs any
dependency, so a size check or a token check in a handler comes after the
server has taken in the whole body: a 400 MB upload used to be written out
before its 413, and 296 MB before its 401. This plain ASGI middleware sits in
front of the router and answers from the headers alone where it can:

- a ``Host`` the server does not answer to (a DNS-rebinding page that points
  its own name at 127.0.0.1) gets 421;
- a body whose ``Content-Length`` is over the limit gets 413 unread; a body
  with no or a lying ``Content-Length`` is counted as it streams in and cut
  off with 413 the moment it passes the limit;
- an API write from another origin when the server has no token gets 403
  (any web page the user opens could otherwise ``fetch`` documents in);
- an API write without the right bearer token gets 401 before its body is read.

It also answers ``HEAD`` wherever ``GET`` is answered (the route runs as GET;
the body is dropped, the headers kept).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pactlens.web.problems import ProblemError, problem_response
from pactlens.web.security import cross_origin, require_api_token

#: Room for the multipart framing (boundaries, part headers, a small form field) around the file itself.
FRAMING = 64 * 1024
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def host_name(host: str) -> str:
    """A ``Host`` header (or a configured name) without port, brackets, case or trailing dot."""
    host = host.strip().lower()
    if host.startswith("["):
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def allowed_hosts(bound: str, extra: list[str] | tuple[str, ...] = ()) -> frozenset[str] | None:
    """The names a server bound to ``bound`` answers to: that address (unless a wildcard),
    the loopback names and ``extra`` ones; ``None`` (no check) when ``extra`` holds ``*``."""
    names = [n for item in extra for n in item.split(",") if n.strip()]
    if any(n.strip() == "*" for n in names):
        return None
    own = [] if host_name(bound) in ("", "0.0.0.0", "::") else [bound]
    return frozenset(host_name(n) for n in (*own, *LOOPBACK_NAMES, *names))


class _Cut(Exception):
    """The body passed the limit while streaming; the 413 has been sent."""


class RequestGuard:
    """See the module docstring. Settings are read from the app's state on each request."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        settings = scope["app"].state.settings
        limit = settings.max_upload_bytes + FRAMING
        try:
            _check_headers(request, settings, limit)
        except ProblemError as exc:
            return await problem_response(request, exc.status, exc.detail, exc.headers)(scope, receive, send)
        if scope["method"] == "HEAD":
            scope, send = {**scope, "method": "GET"}, _without_body(send)
        await _run_counted(self.app, scope, receive, send, request, limit)


def _check_headers(request: Request, settings, limit: int) -> None:
    """Every refusal that needs only the request line and headers, cheapest first."""
    hosts = settings.allowed_hosts
    if hosts is not None and host_name(request.headers.get("host", "")) not in hosts:
        raise ProblemError(421, f"this server does not answer to the host {request.headers.get('host', '')!r} "
                                "(a guard against DNS rebinding; its operator can allow it with --allow-host)")
    length = request.headers.get("content-length", "")
    if length.strip().isdigit() and int(length) > limit:
        raise ProblemError(413, _too_large(settings))
    if request.method in WRITES and request.url.path.startswith("/api/"):
        if settings.token is None and cross_origin(request):
            raise ProblemError(403, "cross-origin write refused: this server takes writes only from its own pages "
                                    "or from clients that send no Origin")
        require_api_token(request)


def _too_large(settings) -> str:
    return f"the request body is larger than the upload limit of {settings.max_upload_bytes:,} bytes"


async def _run_counted(app: ASGIApp, scope: Scope, receive: Receive, send: Send, request: Request,
                       limit: int) -> None:
    """Run the app with a receive that counts body bytes and answers 413 once they pass ``limit``."""
    seen = 0
    cut = False
    started = False

    async def counted_receive() -> Message:
        nonlocal seen, cut
        if cut:
            return {"type": "http.disconnect"}
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                cut = True
                if not started:
                    response = problem_response(request, 413, _too_large(scope["app"].state.settings))
                    await response(scope, receive, send)
                raise _Cut()
        return message

    async def guarded_send(message: Message) -> None:
        nonlocal started
        if cut:
            return  # the 413 has been sent: whatever the app says after it is dropped
        started = started or message["type"] == "http.response.start"
        await send(message)

    try:
        await app(scope, counted_receive, guarded_send)
    except Exception:
        if not cut:
            raise
        # the app saw its body end mid-way (as a parse error or a disconnect): already answered


def _without_body(send: Send) -> Send:
    """A send that keeps the headers (Content-Length included) and drops the body: HEAD."""

    async def send_headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_headers_only
