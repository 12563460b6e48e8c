"""Response bodies kept ready in two encodings: as built and gzip-compressed.

A cached document page of a long treaty is megabytes of HTML; compressed it is
a fraction of that. Compressing on every request (Starlette's GZipMiddleware)
would cost more CPU than serving the cached page, so a body is compressed once,
when it is built, and each request gets the encoding its client accepts. Each
body also carries an ETag (a hash of its bytes), so a browser that has the
page already gets a bodiless 304 when nothing changed.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

#: Smaller bodies are sent as they are: the gzip header and a round of zlib outweigh the gain.
MIN_GZIP = 1024


@dataclass(frozen=True, slots=True)
class Body:
    plain: bytes
    gzipped: bytes | None
    etag: str = ""

    def __len__(self) -> int:  # what it costs to keep (the page cache's byte budget)
        return len(self.plain) + len(self.gzipped or b"")


#: zlib's level for bodies that are likely sent once (a search answer: most queries are new):
#: level 1 compresses a search page in a third of level 6's time, for a slightly larger body.
ONCE = 1


def body(content: str | bytes, level: int = 6) -> Body:
    """``content`` ready to send; ``level`` is zlib's (6 for pages served many times, :data:`ONCE`
    for answers that will mostly be sent once)."""
    raw = content.encode("utf-8") if isinstance(content, str) else content
    return Body(raw, gzip.compress(raw, compresslevel=level, mtime=0) if len(raw) >= MIN_GZIP else None,
                f'"{hashlib.blake2b(raw, digest_size=12).hexdigest()}"')


def accepts_gzip(request: Request) -> bool:
    """``Accept-Encoding`` names gzip (or ``*``) without ``q=0``."""
    for item in request.headers.get("accept-encoding", "").split(","):
        coding, _, params = item.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            q = params.strip().lower().removeprefix("q=")
            try:
                return not params.strip() or float(q) > 0
            except ValueError:
                return False
    return False


def _gzip_tag(etag: str) -> str:
    """The compressed form is another representation, so it gets its own strong ETag."""
    return etag[:-1] + '-gz"' if etag else etag


def _unchanged(request: Request, etag: str) -> bool:
    """``If-None-Match`` names this body's ETag, in either encoding (or ``*``)."""
    wanted = {t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")}
    return bool(etag) and bool(wanted & {etag, _gzip_tag(etag), "*"})


def respond(request: Request, b: Body, media_type: str) -> Response:
    zipped = b.gzipped is not None and accepts_gzip(request)
    # no-cache: a browser may keep the page but asks each time; the answer is a 304 while it holds
    headers = {"Vary": "Accept-Encoding", "ETag": _gzip_tag(b.etag) if zipped else b.etag,
               "Cache-Control": "no-cache"}
    if _unchanged(request, b.etag):
        return Response(status_code=304, headers=headers)
    if zipped:
        headers["Content-Encoding"] = "gzip"
        return Response(b.gzipped, media_type=media_type, headers=headers)
    return Response(b.plain, media_type=media_type, headers=headers)
