"""Errors a user can act on, and how their message is printed.

Anything raised as :class:`InputError` is shown as one line on stderr with
exit status 2; anything else is a bug. Keep messages to one line that says
what is wrong and, where useful, what to do.

This module imports nothing: the CLI imports it before every command (also
for ``--help``), and importing the contract package here would load pydantic
and every model first. :mod:`pactlens.model.errors` re-exports the classes, so
the store, which imports only the contract, raises the same ones.
"""

__all__ = ["InputError", "PactlensError", "one_line"]


class PactlensError(Exception):
    """Base of the errors pactlens reports to the user."""


class InputError(PactlensError):
    """The input cannot be analysed: missing, empty, unsupported, damaged, too large."""


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7f)} | {0x85: "\\x85", 0x2028: "\\u2028", 0x2029: "\\u2029"}
_CONTROL.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def one_line(message: str) -> str:
    """``message`` made safe to print as one line: control characters and line separators
    (a file name may hold a newline) are written as escapes, as Python writes them."""
    return message.translate(_CONTROL)
