"""Regular expressions compiled on first use, and compiled once per machine rather than per start.

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

The patterns a brief does use still cost about 0.3 s to compile on every start
(``re``'s parser and code generator are written in Python), so :func:`compile`
keeps what that work produces, the way Python keeps bytecode: the regex engine's
code for each (pattern, flags) is written at exit to a cache file in the user's
cache folder, named for the interpreter and the engine's version, and read back on
the next start (about 0.01 s for every pattern a brief uses). The engine is
handed exactly the arguments ``re`` hands it (``tests/test_regexes.py`` checks the
patterns are equal, code and all); on another interpreter, on a cache that cannot be
read, or where Python may not write its bytecode (``PYTHONDONTWRITEBYTECODE``, ``-B``)
nothing is written and patterns compile as usual.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import threading
from array import array
from pathlib import Path
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
        compiled = compile(self.pattern, self._flags)
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


# --- the engine's code, kept between starts ----------------------------------------------

#: The interpreters whose ``re`` hands ``_sre.compile`` the arguments built in :func:`_engine_args`.
_KNOWN = (sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
          and array("I").itemsize == 4)
#: The engine's code words are 32-bit unsigned integers (SRE_CODE); an array of them is kept as bytes.
_WORD = "I"
#: Past this many entries the file keeps only what the last process used (old patterns fall out).
_MAX_ENTRIES = 1500

_lock = threading.Lock()
_cache: dict[tuple[str, int], tuple[Any, ...]] | None = None  # read from the file on first use
_added: dict[tuple[str, int], tuple[Any, ...]] = {}  # compiled in this process, to write at exit
_used: set[tuple[str, int]] = set()


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name on purpose
    """``re.compile(pattern, flags)``, from the engine code cached by an earlier start when there is some."""
    if not _KNOWN or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    import _sre

    key = (pattern, int(flags))
    with _lock:
        args = _load().get(key)
        _used.add(key)
    if args is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = args
            return _sre.compile(pattern, final_flags, array(_WORD, code).tolist(), groups, groupindex, indexgroup)
        except Exception:  # an entry from a damaged file: compile as usual
            pass
    final_flags, code, groups, groupindex, indexgroup = _engine_args(pattern, int(flags))
    with _lock:
        if not _added and not sys.dont_write_bytecode:
            atexit.register(_save)
        # the code as bytes: the file loads as a copy, and only the patterns used become lists
        _added[key] = (final_flags, array(_WORD, code).tobytes(), groups, groupindex, indexgroup)
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def _engine_args(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern, as plain values."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def cache_path() -> Path:
    """The cache file: one per interpreter and regex engine version, in the user's cache folder."""
    import _sre

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pactlens" / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _cache
    if _cache is None:
        try:
            loaded = marshal.loads(cache_path().read_bytes())
            _cache = loaded if isinstance(loaded, dict) else {}
        except Exception:  # no file yet, or one this interpreter cannot read
            _cache = {}
    return _cache


def _save() -> None:
    """Write the cache with this process's new patterns (atomically: other processes may read or write it)."""
    with _lock:
        merged = {**_load(), **_added}
        if len(merged) > _MAX_ENTRIES:
            merged = {k: v for k, v in merged.items() if k in _used}
        _added.clear()
    path = cache_path()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(merged))
        os.replace(tmp, path)
    except OSError:  # a read-only home: start as before, without the cache
        tmp.unlink(missing_ok=True)
