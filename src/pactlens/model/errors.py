"""Errors a user can act on: part of the contract, since every caller (CLI, API, web) relies on them.

The classes live in :mod:`pactlens.errors`, a module that imports nothing, so
the CLI's start (``--help`` included) does not load this package's models;
they are named here so the contract, and the store that imports only the
contract, can raise them.
"""

from pactlens.errors import InputError, PactlensError

__all__ = ["InputError", "PactlensError"]
