"""Who may write, and what a browser may run.

On loopback with no token, writes are open (the user's own machine). Bound
elsewhere, ``pactlens serve`` refuses to start without ``PACTLENS_TOKEN``, and
every write then needs it: ``Authorization: Bearer <token>`` for the API, and
for the HTML forms either the form field ``token`` or the cookie
``pactlens_token`` (set by entering the token once in the upload form).
"""

from __future__ import annotations

import hmac
import ipaddress
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.security import HTTPBearer

from pactlens.web.problems import ProblemError

TOKEN_COOKIE = "pactlens_token"
#: Shortest PACTLENS_TOKEN ``pactlens serve`` accepts (a short one can be guessed over the network).
MIN_TOKEN = 16

#: Names the bearer scheme in OpenAPI (``components.securitySchemes``) for the API's writes;
#: the check itself is :func:`require_api_token` (a server without a token takes writes without one).
BEARER = HTTPBearer(auto_error=False, scheme_name="bearerToken",
                    description="The server's PACTLENS_TOKEN, needed for writes when the server has one.")

#: Scripts and styles only from this server; no framing, no plugins, no foreign form targets.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def is_loopback(host: str) -> bool:
    if host in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _same(token: str | None, expected: str) -> bool:
    return token is not None and hmac.compare_digest(token.encode(), expected.encode())


def bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def require_api_token(request: Request) -> None:
    """Dependency of API writes: the bearer token when the server has one."""
    expected = request.app.state.settings.token
    if expected is None:
        return
    if not _same(bearer(request), expected):
        raise ProblemError(401, "this server requires a token for writes: send 'Authorization: Bearer <token>'",
                           {"WWW-Authenticate": 'Bearer realm="pactlens"'})


def cross_origin(request: Request) -> bool:
    """The request comes from a page of another origin (its Origin, or Referer, is not this host).

    No Origin/Referer at all is a non-browser client; "null" is an opaque (sandboxed) page.
    """
    origin = request.headers.get("origin") or request.headers.get("referer")
    return bool(origin) and (origin == "null" or urlsplit(origin).netloc != request.headers.get("host"))


def check_form_write(request: Request, form_token: str | None) -> None:
    """Form writes: same-origin only (a foreign page cannot post here), and the token if any."""
    if cross_origin(request):
        raise ProblemError(403, "cross-origin form submission refused")
    expected = request.app.state.settings.token
    if expected is None:
        return
    if not (_same(form_token, expected) or _same(request.cookies.get(TOKEN_COOKIE), expected)
            or _same(bearer(request), expected)):
        raise ProblemError(401, "this server requires a token for writes: enter it in the form")


HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]


class SecurityHeaders:
    """CSP and friends on every response (plain ASGI: no per-request task, unlike BaseHTTPMiddleware)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in HEADERS if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
