"""Errors of the library store, shown to the user as one line (exit status 2)."""

from pactlens.model.errors import PactlensError


class StoreError(PactlensError):
    """The library cannot be opened, read or written: bad URL, unreachable server, not a database."""
