"""``pactlens serve``: the web app over a library, on loopback unless a token guards writes."""

import os
from typing import Annotated, Optional

import typer

from pactlens.cli.app import LimitOpt, app, limits_from


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind. Anything but loopback needs PACTLENS_TOKEN.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    db: Annotated[Optional[str], typer.Option(help="Library URL or SQLite path (default: $PACTLENS_DB or ./pactlens.db).")] = None,
    max_mb: Annotated[float, typer.Option(min=0.001, help="Refuse uploads larger than this many MB.")] = 20.0,
    allow_private: Annotated[bool, typer.Option(help="Allow URL ingestion of loopback, private or link-local addresses.")] = False,
    workers: Annotated[int, typer.Option(min=0, max=32, help="Processes that analyse uploads, per server process (0: threads of the server).")] = 1,
    queue: Annotated[int, typer.Option(min=0, max=1000, help="Uploads that may wait for a busy worker; the next is answered 503 with Retry-After.")] = 4,
    worker_memory: Annotated[int, typer.Option(min=0, metavar="MB", help="Address space of each analysis process (0: no ceiling); a document needing more is refused 413.")] = 2048,
    processes: Annotated[int, typer.Option(min=1, max=64, help="Server processes answering requests (one per core is the most that helps).")] = 1,
    allow_host: Annotated[Optional[list[str]], typer.Option(
        "--allow-host", metavar="NAME",
        help="Also answer requests for this host name (repeatable; '*' any). Others are refused, "
             "against DNS rebinding [default: $PACTLENS_ALLOWED_HOSTS, comma-separated].",
        show_default=False)] = None,
    limit: LimitOpt = None,
) -> None:
    """Serve the library: JSON API (/api, documented at /docs) and web pages.

    With PACTLENS_TOKEN set, every write (upload, delete) needs it: API clients
    send 'Authorization: Bearer TOKEN'; the upload form has a token field and
    remembers it in a cookie. The token must be at least 16 characters.

    Requests are answered only for the bound address, localhost, 127.0.0.1,
    [::1] and the --allow-host names; without a token, API writes from a page
    of another origin are refused.

    With --processes N, N server processes share the port and the library;
    each caches pages, so a change made through one shows in the others
    within a second.
    """
    from pactlens.errors import PactlensError
    from pactlens.web.security import MIN_TOKEN, is_loopback

    token = os.environ.get("PACTLENS_TOKEN") or None
    if token is not None and len(token) < MIN_TOKEN:
        raise PactlensError(f"PACTLENS_TOKEN is {len(token)} characters: use at least {MIN_TOKEN} "
                            "(a short token can be guessed over the network)")
    if not is_loopback(host) and token is None:
        raise PactlensError(f"refusing to bind {host} without a token: set PACTLENS_TOKEN (every write will need it)")

    _check_port(host, port)
    # Analyses run in worker processes, which read their limits from the environment.
    os.environ.update(limits_from(limit).as_env())

    import json

    import uvicorn

    from pactlens.store import open_library
    from pactlens.web import create_app
    from pactlens.web.app import SETTINGS_ENV

    settings = dict(token=token, allow_private=allow_private, max_upload_bytes=int(max_mb * 1024 * 1024),
                    analysis_processes=workers, analysis_queue=queue, worker_memory_mb=worker_memory,
                    allowed_hosts=_host_list(host, allow_host), freeze_gc=True)
    # A long keep-alive: a busy client that reuses its connection a few seconds later must not
    # race the server closing it (seen as connection resets under load).
    options = dict(host=host, port=port, log_level="warning", access_log=False, timeout_keep_alive=30)
    if processes == 1:
        web = create_app(db, **settings)
        _banner(web.state.lib.url, host, port, processes)
        uvicorn.run(web, **options)
        return
    with open_library(db) as lib:  # created or migrated once, before the processes start; errors reported here
        url = lib.url
        _banner(url, host, port, processes)
    os.environ[SETTINGS_ENV] = json.dumps({"db_url": url.render_as_string(hide_password=False), **settings})
    uvicorn.run("pactlens.web.app:from_environment", factory=True, workers=processes, **options)


def _host_list(host: str, allow_host: list[str] | None) -> list[str] | None:
    """The Host names to answer (JSON-ready for the server processes); None when '*' allows any."""
    from pactlens.web.guard import allowed_hosts

    extra = allow_host if allow_host else [os.environ.get("PACTLENS_ALLOWED_HOSTS", "")]
    names = allowed_hosts(host, extra)
    return None if names is None else sorted(names)


def _check_port(host: str, port: int) -> None:
    """Refuse at once, in one line, an address that cannot be listened on (a port in use),
    instead of opening the library and printing a banner for a server that will not start."""
    import socket

    from pactlens.errors import PactlensError

    bare = host.strip("[]")
    family = socket.AF_INET6 if ":" in bare else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            s.bind((bare, port))
        except OSError as exc:
            raise PactlensError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _banner(url, host: str, port: int, processes: int) -> None:
    many = f" with {processes} processes" if processes > 1 else ""
    typer.echo(f"pactlens: serving {url.render_as_string(hide_password=True)} on http://{host}:{port}/{many} "
               "(Ctrl-C stops)", err=True)
