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
patterns are equal, code and all, for every pattern of the package).

It leans on a private API (``_sre.compile``, whose arguments ``re._compiler`` builds),
so it is checked rather than trusted, and every doubt falls back to ``re.compile``:

- only on CPython 3.11-3.13, and only after a canary pattern built both ways is equal
  (flags and engine code, word for word) in this very process;
- the file is stamped with the full ``sys.version`` and the engine's magic and code size
  (another build's file is stale and is replaced), and carries a checksum of its body,
  checked before ``marshal`` reads it (a truncated or damaged file is ignored);
- each entry is checked for shape, and ``_sre`` validates the code itself (it refuses code
  that would jump or read out of bounds); a refused entry compiles as usual and is rewritten;
- a folder that cannot be written (a read-only home), ``PYTHONDONTWRITEBYTECODE`` or ``-B``
  writes nothing; ``PACTLENS_REGEX_CACHE=0`` neither reads nor writes.

Without the cache a cold ``pactlens analyze`` of the brief takes about 0.3 s longer; the
output is the same either way (``bench/coldstart.py`` times both).
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import threading
import zlib
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

#: The interpreters whose ``re`` hands ``_sre.compile`` the arguments built in :func:`_engine_args`
#: (checked again at run time by :func:`_engine_agrees`, and pattern by pattern by the tests).
_KNOWN = (sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
          and array("I").itemsize == 4)
#: The engine's code words are 32-bit unsigned integers (SRE_CODE); an array of them is kept as bytes.
_WORD = "I"
#: Past this many entries the file keeps only what the last process used (old patterns fall out).
_MAX_ENTRIES = 1500
#: Set to ``0`` to neither read nor write the cache (every pattern then compiles through ``re``).
ENV_SWITCH = "PACTLENS_REGEX_CACHE"
#: A pattern with groups, names, classes, repeats and a word boundary, compiled both ways on the
#: first use of the cache in a process: if ``_sre`` no longer takes what :func:`_engine_args`
#: builds as ``re`` builds it, nothing is read or written (the private API is checked, not trusted).
_CANARY = r"(?P<head>[A-Z][a-z]+)\s+(?:of|on)\b(\d{2,4})?|[^\W\d_]+?x*"

_lock = threading.Lock()
_cache: dict[tuple[str, int], tuple[Any, ...]] | None = None  # read from the file on first use
_added: dict[tuple[str, int], tuple[Any, ...]] = {}  # compiled in this process, to write at exit
_used: set[tuple[str, int]] = set()
_enabled: bool | None = None  # decided on first use: the interpreter, the switch, the canary


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name on purpose
    """``re.compile(pattern, flags)``, from the engine code cached by an earlier start when there is some."""
    if not isinstance(pattern, str) or not _cache_enabled():
        return re.compile(pattern, flags)
    import _sre

    key = (pattern, int(flags))
    with _lock:
        args = _load().get(key)
        _used.add(key)
    if args is not None and _well_formed(args):
        try:
            final_flags, code, groups, groupindex, indexgroup = args
            return _sre.compile(pattern, final_flags, array(_WORD, code).tolist(), groups, groupindex, indexgroup)
        except Exception:  # code _sre's own validator refuses (a damaged entry): compile as usual, rewrite it
            pass
    final_flags, code, groups, groupindex, indexgroup = _engine_args(pattern, int(flags))
    with _lock:
        if not _added and not sys.dont_write_bytecode:
            atexit.register(_save)
        # the code as bytes: the file loads as a copy, and only the patterns used become lists
        _added[key] = (final_flags, array(_WORD, code).tobytes(), groups, groupindex, indexgroup)
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def _cache_enabled() -> bool:
    """Whether this process reads and writes the cache: a known interpreter, not switched off, and
    the canary built through ``_sre.compile`` equal (flags and engine code, word for word) to ``re``'s."""
    global _enabled
    if _enabled is None:
        _enabled = _KNOWN and os.environ.get(ENV_SWITCH, "1") != "0" and _engine_agrees()
    return _enabled


def _engine_agrees() -> bool:
    import _sre

    try:
        built = _sre.compile(_CANARY, *_engine_args(_CANARY, 0))
    except Exception:  # the private signature changed
        return False
    real = re.compile(_CANARY)
    return bool(built == real and built.groupindex == real.groupindex and built.groups == real.groups)


def _well_formed(args: Any) -> bool:
    """The shape :func:`compile` stores (a file's entry is checked before ``_sre`` sees it; ``_sre``
    then validates the code itself and refuses code that would jump or read out of bounds)."""
    return (isinstance(args, tuple) and len(args) == 5 and isinstance(args[0], int)
            and isinstance(args[1], bytes) and len(args[1]) % array(_WORD).itemsize == 0
            and isinstance(args[2], int) and isinstance(args[3], dict) and isinstance(args[4], tuple))


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


def _stamp() -> bytes:
    """The file's first line: the format and everything the engine code depends on. The file name
    already carries the minor version and the engine's magic; the full ``sys.version`` (patch level,
    build, compiler) makes a file from another build of the same minor version stale, since a patch
    release may change how ``re`` compiles a pattern without changing the engine's magic."""
    import _sre

    return f"pactlens-regex-cache 2 {sys.version!r} {_sre.MAGIC} {_sre.CODESIZE}\n".encode()


def _pack(entries: dict[tuple[str, int], tuple[Any, ...]]) -> bytes:
    """The stamp, a CRC-32 of the rest (8 hex digits and a newline), then the marshalled entries."""
    body = marshal.dumps(entries)
    return _stamp() + b"%08x\n" % zlib.crc32(body) + body


def _unpack(data: bytes) -> dict[tuple[str, int], tuple[Any, ...]]:
    """The entries of a file :func:`_pack` wrote for this interpreter, else nothing: another build's
    file, a truncated or damaged one (its checksum: ~1 ms for 1.7 MB, against ~12 ms for a
    cryptographic hash; the cache guards against accidents, not against someone who can write the
    user's home, who could as well edit the user's bytecode) is never handed to ``marshal``."""
    stamp = _stamp()
    head, body = data[:len(stamp) + 9], data[len(stamp) + 9:]
    if head[:len(stamp)] != stamp or head[len(stamp):] != b"%08x\n" % zlib.crc32(body):
        return {}
    try:
        loaded = marshal.loads(body)
    except Exception:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _cache
    if _cache is None:
        try:
            _cache = _unpack(cache_path().read_bytes())
        except OSError:  # no file yet, or one that cannot be read
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
        tmp.write_bytes(_pack(merged))
        os.replace(tmp, path)
    except OSError:  # a read-only home: start as before, without the cache
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
