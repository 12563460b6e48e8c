"""pactlens.regexes: a pattern compiles on first use and then behaves as re.compile's."""

from __future__ import annotations

import pickle
import re
from array import array

import pytest

from pactlens import regexes
from pactlens.regexes import LazyPattern, lazy_re


def test_nothing_compiles_until_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    real = regexes.compile
    monkeypatch.setattr(regexes, "compile", lambda p, f=0: compiled.append(p) or real(p, f))
    rx = lazy_re(r"\bTreaty\b", re.IGNORECASE)
    assert rx.pattern == r"\bTreaty\b" and compiled == []  # .pattern is known without compiling
    assert rx.search("the treaty of 1949").span() == (4, 10)
    rx.search("again")
    assert compiled == [r"\bTreaty\b"]  # once


def test_every_method_answers_as_the_compiled_pattern() -> None:
    text = "Article 5: Russia and Iran, Article 12: the Parties"
    source, flags = r"Article\s+(?P<n>\d+)", re.IGNORECASE
    lazy, real = lazy_re(source, flags), re.compile(source, flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.findall(text) == real.findall(text) and lazy.split(text) == real.split(text)
    assert lazy.sub("A", text) == real.sub("A", text) and lazy.subn("A", text) == real.subn("A", text)
    assert lazy.match(text, 28).group("n") == "12" and lazy.fullmatch("article 7")
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (real.flags, real.groups, real.groupindex)


def test_a_pattern_built_from_another_stays_lazy() -> None:
    verb = lazy_re(r"signed|concluded")
    phrase = lazy_re(rf"(?:{verb.pattern})\s+in\s+(?P<place>[A-Z]\w+)")
    assert "search" not in vars(verb)
    assert phrase.search("The treaty was concluded in Moscow.").group("place") == "Moscow"


def test_a_bad_pattern_fails_on_first_use_as_re_would() -> None:
    bad = lazy_re(r"(unclosed")
    with pytest.raises(re.error):
        bad.search("x")


def test_pickles_and_hides_no_dunder() -> None:
    rx = lazy_re(r"\d{4}")
    rx.search("1949")
    back = pickle.loads(pickle.dumps(rx))
    assert isinstance(back, LazyPattern) and back.search("in 2025").group() == "2025"
    assert not hasattr(lazy_re("x"), "__deepcopy__")  # copy/pickle hooks are not taken from the compiled pattern


# --- the engine's code kept between starts --------------------------------------------------

def _fresh(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """A process that has read no cache yet, with its cache folder under ``tmp_path``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regexes, "_cache", None)
    monkeypatch.setattr(regexes, "_added", {})
    monkeypatch.setattr(regexes, "_used", set())
    monkeypatch.setattr(regexes, "_enabled", None)
    monkeypatch.delenv(regexes.ENV_SWITCH, raising=False)


@pytest.mark.skipif(not regexes._KNOWN, reason="the cache is used on CPython 3.11-3.13 only")
def test_every_pattern_of_the_package_builds_from_cached_code_as_re_compiles_it() -> None:
    import _sre
    import importlib
    import pkgutil

    import pactlens

    patterns = set()
    for info in pkgutil.walk_packages(pactlens.__path__, "pactlens."):
        if info.name.endswith(("__main__", "migrations.env")):
            continue
        module = importlib.import_module(info.name)
        patterns.update((v.pattern, v._flags) for v in vars(module).values() if isinstance(v, LazyPattern))
    assert len(patterns) > 300
    for source, flags in patterns:
        # Pattern equality compares flags and the engine's code word for word.
        assert _sre.compile(source, *regexes._engine_args(source, flags)) == re.compile(source, flags), source


@pytest.mark.skipif(not regexes._KNOWN, reason="the cache is used on CPython 3.11-3.13 only")
def test_a_pattern_compiled_once_is_read_back_by_the_next_start(monkeypatch, tmp_path) -> None:
    _fresh(monkeypatch, tmp_path)
    source = r"(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)"
    first = regexes.compile(source, re.ASCII)
    regexes._save()
    assert regexes.cache_path().is_file()
    _fresh(monkeypatch, tmp_path)  # the next start
    assert (source, int(re.ASCII)) in regexes._load()
    again = regexes.compile(source, re.ASCII)
    assert again == first == re.compile(source, re.ASCII) and regexes._added == {}  # nothing new to write
    assert again.match("2025-01-17").group("month") == "01"


@pytest.mark.skipif(not regexes._KNOWN, reason="the cache is used on CPython 3.11-3.13 only")
def test_a_damaged_cache_is_ignored(monkeypatch, tmp_path) -> None:
    _fresh(monkeypatch, tmp_path)
    regexes.cache_path().parent.mkdir(parents=True)
    regexes.cache_path().write_bytes(b"\x00not marshal")
    assert regexes.compile(r"\bTreaty\b").search("the Treaty").span() == (4, 10)


# --- the cache is checked, not trusted: every doubt compiles through re ------------------------

_SOURCE = r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>\d{4})"


def _written(monkeypatch: pytest.MonkeyPatch, tmp_path) -> bytes:
    """A cache file written by one start that compiled ``_SOURCE``, then a fresh start."""
    _fresh(monkeypatch, tmp_path)
    regexes.compile(_SOURCE)
    regexes._save()
    _fresh(monkeypatch, tmp_path)
    return regexes.cache_path().read_bytes()


def _compiles_as_re(source: str = _SOURCE) -> None:
    got = regexes.compile(source)
    assert got == re.compile(source) and got.groupindex == re.compile(source).groupindex
    assert got.search("signed on 17 January 2025").group("month") == "January"


@pytest.mark.skipif(not regexes._KNOWN, reason="the cache is used on CPython 3.11-3.13 only")
def test_a_truncated_or_flipped_file_fails_its_checksum_and_is_rewritten(monkeypatch, tmp_path) -> None:
    data = _written(monkeypatch, tmp_path)
    assert regexes._unpack(data)  # the file as written is read back
    flipped = bytearray(data)
    flipped[-20] ^= 0x01  # one bit of one code word
    for damaged in (data[: len(data) // 2], bytes(flipped)):
        _fresh(monkeypatch, tmp_path)
        regexes.cache_path().write_bytes(damaged)
        assert regexes._load() == {}  # never handed to marshal, never to the engine
        _compiles_as_re()
        regexes._save()
        assert (_SOURCE, 0) in regexes._unpack(regexes.cache_path().read_bytes())  # a sound file again


@pytest.mark.skipif(not regexes._KNOWN, reason="the cache is used on CPython 3.11-3.13 only")
def test_a_file_from_another_python_build_is_stale(monkeypatch, tmp_path) -> None:
    _written(monkeypatch, tmp_path)
    monkeypatch.setattr(regexes.sys, "version", regexes.sys.version + " (another build)")
    assert regexes._load() == {}
    _compiles_as_re()
    assert (_SOURCE, 0) in regexes._added  # compiled here, and written for this build at exit


@pytest.mark.skipif(not regexes._KNOWN, reason="the cache is used on CPython 3.11-3.13 only")
def test_an_entry_the_engine_refuses_compiles_as_usual(monkeypatch, tmp_path) -> None:
    _fresh(monkeypatch, tmp_path)
    final_flags, code, groups, groupindex, indexgroup = regexes._engine_args(_SOURCE, 0)
    garbage = array("I", [0xFFFFFFFF] * len(code)).tobytes()
    bad = {(_SOURCE, 0): (final_flags, garbage, groups, groupindex, indexgroup),
           (r"\bTreaty\b", 0): ("not", "an", "entry")}
    regexes.cache_path().parent.mkdir(parents=True)
    regexes.cache_path().write_bytes(regexes._pack(bad))  # a sound file whose entries are not
    _compiles_as_re()
    assert regexes.compile(r"\bTreaty\b").search("the Treaty").span() == (4, 10)
    assert set(regexes._added) == {(_SOURCE, 0), (r"\bTreaty\b", 0)}  # both rewritten at exit


@pytest.mark.skipif(not regexes._KNOWN, reason="the cache is used on CPython 3.11-3.13 only")
def test_an_unwritable_cache_folder_leaves_patterns_as_re_compiles_them(monkeypatch, tmp_path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("the cache folder's parent is a file: nothing can be created under it (even as root)")
    _fresh(monkeypatch, blocked)
    _compiles_as_re()
    regexes._save()  # no error
    assert not regexes.cache_path().exists() and blocked.is_file()


def test_a_switched_off_or_disagreeing_engine_bypasses_the_cache(monkeypatch, tmp_path) -> None:
    for switch in ("env", "canary"):
        _fresh(monkeypatch, tmp_path)
        if switch == "env":
            monkeypatch.setenv(regexes.ENV_SWITCH, "0")
        else:  # _sre no longer takes what _engine_args builds
            monkeypatch.setattr(regexes, "_engine_args", lambda p, f: (f, [], 0, {}, ()))
        _compiles_as_re()
        assert regexes._enabled is False and regexes._added == {} and regexes._cache is None


@pytest.mark.skipif(not regexes._KNOWN, reason="the cache is used on CPython 3.11-3.13 only")
def test_the_canary_agrees_on_this_interpreter(monkeypatch, tmp_path) -> None:
    _fresh(monkeypatch, tmp_path)
    assert regexes._engine_agrees() and regexes._cache_enabled()
