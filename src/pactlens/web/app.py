"""The FastAPI application: JSON API under ``/api``, server-rendered pages, local API docs.

``create_app`` is the one entry point (``pactlens serve`` and the tests call
it); the library is opened once per app and closed when it shuts down.
"""

from __future__ import annotations

import gc
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from pactlens import __version__
from pactlens.web.cache import PageCache
from pactlens.web.views import agreement_name, name_of, public_source

HERE = Path(__file__).parent
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
#: Threads that run blocking handlers (database reads, rendering). anyio's default of 40
#: only made them queue for the GIL and for the connection pool: under load (bench/load.py)
#: 4-10 threads gave a lower p99 than 40, for reads served from the cache and for new ones.
WORKER_THREADS = 8
#: The environment variable that carries the settings to each process of a multi-process server.
SETTINGS_ENV = "PACTLENS_SERVE_SETTINGS"


@dataclass(frozen=True)
class Settings:
    token: str | None
    allow_private: bool
    max_upload_bytes: int
    #: Host names the server answers to (None: any; see :mod:`pactlens.web.guard`).
    allowed_hosts: frozenset[str] | None = None


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.autoescape = True  # every template, whatever its suffix: document text is untrusted
    env.trim_blocks = env.lstrip_blocks = True
    env.auto_reload = False  # the templates ship with the package: no stat() of each file per request
    env.globals["version"] = __version__
    env.globals["plural"] = {"entity": "entities"}
    env.tests["entity_id"] = lambda rid: rid.startswith("entity-")  # names alone: marked lightly
    env.filters["source"] = public_source
    env.filters["agreement_name"] = name_of
    env.filters["compared_name"] = lambda c: agreement_name(c.title, c.parties, c.signed, c.kind)
    return templates


def create_app(db_url: str | None = None, token: str | None = None, allow_private: bool = False,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD, *, library=None, analysis_processes: int = 0,
               allowed_hosts: list[str] | None = None, analysis_queue: int = 4,
               worker_memory_mb: int = 2048, freeze_gc: bool = False) -> FastAPI:
    """Build the app over the library at ``db_url`` (or an already open ``library``).

    ``freeze_gc`` (``pactlens serve``): when the app starts, every object made so far (modules,
    the framework's routes and models, the templates) is moved out of the garbage collector's
    reach (``gc.freeze``). They live as long as the process, and a full collection that walked
    them took 0.25 s, a pause for every request in flight (it fell in the middle of a long
    treaty's first page; it is most of a read p99 target of 300 ms); now it walks only what
    requests made. Off by default: a test process builds many apps and must not freeze its
    fixtures.

    ``token``: when set, every write needs it (see :mod:`pactlens.web.security`).
    ``allow_private``: reserved for URL ingestion, which refuses private
    addresses unless allowed.
    ``allowed_hosts``: answer only requests whose Host is one of these names (``pactlens
    serve`` passes the bound address, the loopback names and ``--allow-host``); None: any.
    ``analysis_processes``: analyse uploads in this many worker processes, each under the
    time limit and an address-space ceiling of ``worker_memory_mb`` (0: in the thread pool,
    unbounded in time, for tests and light use); ``analysis_queue`` more uploads may wait,
    the next is answered 503 (see :mod:`pactlens.web.workers`).
    """
    from pactlens.web import api, docview, pages, problems
    from pactlens.web.guard import RequestGuard, host_name
    from pactlens.web.security import SecurityHeaders

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        app.state.analysis_pool.start()  # workers import the pipeline and warm up before the first upload
        for name in app.state.templates.env.list_templates():  # compiled now, not by the first reader
            app.state.templates.get_template(name)
        if freeze_gc:
            gc.freeze()
        yield
        app.state.analysis_pool.close()
        if library is None:
            app.state.lib.close()

    app = FastAPI(
        title="pactlens",
        version=__version__,
        summary="A library of analysed agreements and briefs, with the evidence behind every record.",
        docs_url=None,  # the stock page loads Swagger UI from a CDN; /docs is served locally instead
        redoc_url=None,
        lifespan=lifespan,
    )
    if library is None:
        from pactlens.store import open_library

        library = open_library(db_url)
    app.state.lib = library
    app.state.settings = Settings(token=token or None, allow_private=allow_private,
                                  max_upload_bytes=max_upload_bytes,
                                  allowed_hosts=None if allowed_hosts is None
                                  else frozenset(host_name(h) for h in allowed_hosts))
    app.state.templates = _templates()
    app.state.pages = PageCache()
    app.state.views = docview.new_cache()
    app.state.analysis_pool = _pool(analysis_processes, analysis_queue, worker_memory_mb)
    problems.install(app)
    app.add_middleware(RequestGuard)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: the guard's refusals carry the headers too
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _mount_swagger(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    if token is None:
        _bearer_optional(app)
    return app


def _bearer_optional(app: FastAPI) -> None:
    """Without a token the bearer scheme is offered but not needed: each write's ``security``
    also lists the empty requirement (OpenAPI's way to say "or none"), so clients and
    schema checkers are not told a header is required that the server does not ask for."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            for ops in build()["paths"].values():
                for op in ops.values():
                    if op.get("security") and {} not in op["security"]:
                        op["security"].append({})
        return app.openapi_schema

    app.openapi = openapi


def from_environment() -> FastAPI:
    """The app for one process of ``pactlens serve --processes N`` (uvicorn imports this
    factory in each process; the settings come as JSON in :data:`SETTINGS_ENV`)."""
    import json
    import os

    return create_app(**json.loads(os.environ[SETTINGS_ENV]))


def _pool(processes: int, queue: int, memory_mb: int):
    """The app's analysis pool: worker processes under the document time limit, or threads."""
    from pactlens.limits import Limits
    from pactlens.web.workers import AnalysisPool, ThreadPool

    if not processes:
        return ThreadPool(workers=2, queue=queue)
    return AnalysisPool(workers=processes, queue=queue, seconds=Limits.from_env().seconds,
                        memory_mb=memory_mb, warm_up=_warm_up)


#: What a worker analyses before its first upload: a treaty with a quantity that only quantulum3
#: reads, so the worker has imported it and compiled its units pattern (2-5 s, a third of
#: NAFTA's first analysis in a fresh worker) while it was idle, not during an upload.
WARM_UP = (b"AGREEMENT BETWEEN A AND B\n\nArticle 1\n\nThe Parties shall consult each other on 1 January 2020.\n\n"
           b"Article 2\n\nEach Party shall deliver 40 tonnes of wheat a year to the other.\n")


def _warm_up() -> None:
    from pactlens.pipeline import analyze_bytes

    analyze_bytes(WARM_UP, "warm-up.txt")


def _mount_swagger(app: FastAPI) -> None:
    """Swagger UI's own files, as the ``fastapi-offline`` package ships them (no CDN offline).

    Its Swagger UI 5 reads OpenAPI 3.1, which FastAPI writes; the older
    ``swagger-ui-bundle`` (4.x) refuses it.
    """
    import fastapi_offline

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/swagger-ui", StaticFiles(directory=str(assets)), name="swagger")
