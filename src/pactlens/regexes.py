"""Regular expressions compiled on first use, not at import.

Readers keep their patterns as module constants (one place to read them, one
name to test), but compiling every one of them at import was about two fifths of a
cold ``pactlens analyze`` — and a brief never uses the treaty readers' patterns, nor a
treaty the prose readers'. :func:`lazy_re` returns a stand-in that compiles when a
method is first asked for; behaviour is that of ``re.compile`` (the same pattern, the
same flags, the same errors, only later).

After the first use the compiled pattern's bound methods sit in the stand-in's own
attributes, so ``PATTERN.search(text)`` costs what it cost on a compiled pattern: no
Python frame in between on the hot path (the throughput benchmark calls patterns
hundreds of thousands of times).
"""

from __future__ import annotations

import re
from typing import Any, cast

#: What a compiled pattern offers besides ``pattern`` (known without compiling).
_DELEGATED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
              "scanner", "flags", "groups", "groupindex")


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)`` until a method of it is used.

    ``pattern`` is available without compiling, so patterns built from others'
    ``.pattern`` stay lazy too; everything else compiles once and is then read
    from the instance's own attributes."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not yet set: the first use of a delegated one.
        if name not in _DELEGATED:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attr in _DELEGATED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"lazy_re({self.pattern!r}, {self._flags!r})"


def lazy_re(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used (typed as the pattern it becomes)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, int(flags)))
