"""The web app: a JSON API and server-rendered pages over a pactlens library.

``create_app`` builds it; ``pactlens serve`` runs it with uvicorn. It is imported on
first use, so an analysis worker process (:mod:`pactlens.web.workers`) starts without
loading FastAPI.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from pactlens.web.app import create_app

        return create_app
    raise AttributeError(f"module 'pactlens.web' has no attribute {name!r}")
