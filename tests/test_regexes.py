"""pactlens.regexes: a pattern compiles on first use and then behaves as re.compile's."""

from __future__ import annotations

import pickle
import re

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


def test_a_damaged_cache_is_ignored(monkeypatch, tmp_path) -> None:
    _fresh(monkeypatch, tmp_path)
    regexes.cache_path().parent.mkdir(parents=True)
    regexes.cache_path().write_bytes(b"\x00not marshal")
    assert regexes.compile(r"\bTreaty\b").search("the Treaty").span() == (4, 10)
