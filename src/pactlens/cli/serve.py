"""``pactlens serve``: the web app over a library, on loopback unless a token guards writes."""

from __future__ import annotations

import os
from typing import Annotated, Optional

import typer

from pactlens.cli.app import app


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind. Anything but loopback needs PACTLENS_TOKEN.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    db: Annotated[Optional[str], typer.Option(help="Library URL or SQLite path (default: $PACTLENS_DB or ./pactlens.db).")] = None,
    max_mb: Annotated[float, typer.Option(min=0.001, help="Refuse uploads larger than this many MB.")] = 20.0,
    allow_private: Annotated[bool, typer.Option(help="Allow URL ingestion of loopback, private or link-local addresses.")] = False,
    workers: Annotated[int, typer.Option(min=0, max=32, help="Processes that analyse uploads (0: threads of the server).")] = 1,
) -> None:
    """Serve the library: JSON API (/api, documented at /docs) and web pages.

    With PACTLENS_TOKEN set, every write (upload, delete) needs it: API clients
    send 'Authorization: Bearer TOKEN'; the upload form has a token field and
    remembers it in a cookie.
    """
    from pactlens.errors import PactlensError
    from pactlens.web.security import is_loopback

    token = os.environ.get("PACTLENS_TOKEN") or None
    if not is_loopback(host) and token is None:
        raise PactlensError(f"refusing to bind {host} without a token: set PACTLENS_TOKEN (every write will need it)")

    import uvicorn

    from pactlens.web import create_app

    web = create_app(db, token=token, allow_private=allow_private, max_upload_bytes=int(max_mb * 1024 * 1024),
                     analysis_processes=workers)
    typer.echo(f"pactlens: serving {web.state.lib.url.render_as_string(hide_password=True)} "
               f"on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    # A long keep-alive: a busy client that reuses its connection a few seconds later must not
    # race the server closing it (seen as connection resets under load).
    uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False, timeout_keep_alive=30)
