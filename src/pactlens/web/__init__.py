"""The web app: a JSON API and server-rendered pages over a pactlens library.

``create_app`` builds it; ``pactlens serve`` runs it with uvicorn.
"""

from pactlens.web.app import create_app

__all__ = ["create_app"]
