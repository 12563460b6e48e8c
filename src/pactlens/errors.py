"""Errors a user can act on: the stages raise them from this name.

The classes are defined in :mod:`pactlens.model.errors`, as part of the
contract, so the store (which imports only the contract) can raise them too;
this module keeps the one name every stage already imports.
"""

from pactlens.model.errors import InputError, PactlensError

__all__ = ["InputError", "PactlensError"]

_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7f)} | {0x85: "\\x85", 0x2028: "\\u2028", 0x2029: "\\u2029"}
_CONTROL.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def one_line(message: str) -> str:
    """``message`` made safe to print as one line: control characters and line separators
    (a file name may hold a newline) are written as escapes, as Python writes them."""
    return message.translate(_CONTROL)
