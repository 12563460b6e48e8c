"""Errors a user can act on: the stages raise them from this name.

The classes are defined in :mod:`pactlens.model.errors`, as part of the
contract, so the store (which imports only the contract) can raise them too;
this module keeps the one name every stage already imports.
"""

from pactlens.model.errors import InputError, PactlensError

__all__ = ["InputError", "PactlensError"]
