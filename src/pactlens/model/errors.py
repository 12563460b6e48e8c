"""Errors a user can act on: part of the contract, since every caller (CLI, API, web) relies on them.

Anything raised as :class:`InputError` is shown as one line on stderr with
exit status 2; anything else is a bug. Keep messages to one line that says
what is wrong and, where useful, what to do.
"""


class PactlensError(Exception):
    """Base of the errors pactlens reports to the user."""


class InputError(PactlensError):
    """The input cannot be analysed: missing, empty, unsupported, damaged, too large."""
