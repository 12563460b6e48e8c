"""URLs in reference text: finding, validating, normalizing, and spotting damage.

URLs are parsed with :mod:`urllib.parse` and validated with ``rfc3986`` rather
than split by hand. Two URLs name the same source when they normalize to the
same string or carry the same article id on the same site (news sites keep
the id and let the slug vary, so a slug alone says little). Line-wrapping in
PDF-to-text conversions loses the hyphen at the break (``…-treaty-inmoscow``);
the word-frequency list that ``wordninja`` ships tells such joined words in a slug.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit
from pactlens.regexes import lazy_re

# A URL runs to the next whitespace; trailing sentence punctuation is not part of it.
_URL_RE = lazy_re(r"(?:https?://|www\.)[^\s<>\"“”]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'*_’"
_TRACKING = lazy_re(r"^(utm_\w+|fbclid|gclid|ref|cmpid|mc_cid|mc_eid)$", re.IGNORECASE)
_HEX_ID = lazy_re(r"(?<![0-9a-f])[0-9a-f]{16,}(?![0-9a-f])")
_UUID = lazy_re(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_NUM_ID = lazy_re(r"(?<!\d)\d{6,}(?!\d)")
# Words wordninja may split off that are too short to trust as a real word.
_SHORT_OK = {"a", "an", "in", "on", "of", "to", "at", "by", "as", "is", "us", "un", "eu", "no", "up", "vs"}
# Above this cost (about rank 50,000 in wordninja's list) a "word" is too rare to
# tell a joined pair from a single unusual word (names, foreign words).
_MAX_PART_COST = 12.5


@dataclass(frozen=True, slots=True)
class UrlMention:
    start: int
    end: int
    url: str


def find_urls(text: str, start: int = 0, end: int | None = None) -> list[UrlMention]:
    """URLs written in ``text[start:end]``, trailing punctuation excluded."""
    end = len(text) if end is None else end
    out = []
    for m in _URL_RE.finditer(text, start, end):
        a, b = m.span()
        while b > a and text[b - 1] in _TRAILING and not _closes_inside(text[a:b]):
            b -= 1
        if b - a > len("www.") + 2:
            out.append(UrlMention(a, b, text[a:b]))
    return out


def _closes_inside(url: str) -> bool:
    """Keep a closing parenthesis that the URL itself opened (Wikipedia-style URLs)."""
    return url.endswith(")") and url.count("(") >= url.count(")")


def _with_scheme(url: str) -> str:
    return url if re.match(r"https?://", url, re.IGNORECASE) else "http://" + url


def host(url: str) -> str | None:
    """The host name without ``www.``, lower-cased."""
    try:
        h = urlsplit(_with_scheme(url)).hostname
    except ValueError:
        return None
    if not h:
        return None
    return h[4:] if h.startswith("www.") else h


def normalize(url: str) -> str:
    """A comparison key: scheme, ``www.``, case of the host, trailing slash,
    fragment and tracking parameters do not make two URLs different sources."""
    try:
        parts = urlsplit(_with_scheme(url.strip()))
    except ValueError:
        return url.strip().lower()
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    path = parts.path.rstrip("/")
    q = urlencode(sorted(query))
    return f"{host(url) or ''}{path}" + (f"?{q}" if q else "")


def article_id(url: str) -> str | None:
    """The site's own id of the article, if the URL carries one (a long hex
    string, a UUID, or a number of six digits or more), keyed by host."""
    try:
        parts = urlsplit(_with_scheme(url))
    except ValueError:
        return None
    path = parts.path.lower()
    h = host(url)
    for rx in (_UUID, _HEX_ID):
        m = rx.search(path)
        if m and re.search(r"\d", m.group(0)) and re.search(r"[a-f]", m.group(0)):
            return f"{h}#{m.group(0)}"
    nums = [n for n in _NUM_ID.findall(path) if not _looks_like_date(n)]
    return f"{h}#{nums[-1]}" if nums else None


def _looks_like_date(digits: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d[01]\d[0-3]\d", digits))


#: A character RFC 3986 allows as it stands in a path segment, a query or a fragment (pchar).
_PCHAR = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"
#: An ordinary web address that RFC 3986 accepts as it stands: http(s), a host of letters, digits
#: and hyphens whose last label starts with a letter (so no IPv4 address, whose numbers need
#: checking), no user or port, and a path, query and fragment of pchars. Most cited URLs are such
#: and need no parser; the rest go to rfc3986, whose import compiles its patterns at a cost a cold
#: start notices (~0.05 s). tests/test_urls_plain.py holds this to rfc3986's verdict.
_PLAIN_URL = lazy_re(
    r"https?://(?P<host>(?:[A-Za-z0-9-]+\.)+[A-Za-z][A-Za-z0-9-]*)"
    rf"(?:/(?:{_PCHAR}|/)*)?(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?"
)


def validity_problem(url: str) -> str | None:
    """Why ``url`` is not a usable http(s) URL per RFC 3986, or None."""
    plain = _PLAIN_URL.fullmatch(_with_scheme(url))
    if plain is not None:
        h = plain.group("host")
    else:
        problem, h = _rfc3986_problem(url)
        if problem:
            return problem
    if "." not in h.strip("."):
        return "host has no domain suffix"
    if url.endswith("-"):
        return "ends in a hyphen: possibly cut at a line break"
    return None


def _rfc3986_problem(url: str) -> tuple[str | None, str]:
    """rfc3986's verdict on a URL (the problem, or None) and the host it parses."""
    from rfc3986 import exceptions, uri_reference, validators

    ref = uri_reference(_with_scheme(url))
    checker = (
        validators.Validator()
        .require_presence_of("scheme", "host")
        .allow_schemes("http", "https")
        .check_validity_of("scheme", "host", "port", "path", "query", "fragment")
    )
    try:
        checker.validate(ref)
    except exceptions.ValidationError as exc:
        return f"not a valid URL ({type(exc).__name__.replace('Error', '').lower()})", ""
    return None, ref.host or ""


@dataclass(frozen=True)
class _WordList:
    """The word list that ``wordninja`` ships (Wikipedia unigrams, most frequent first, one a line).

    Only the words common enough to be a part of a joined token are indexed by rank: a
    part must cost at most ``_MAX_PART_COST``, which bounds its rank (about 23,000 of
    126,000 words). Whether a whole token is a known word is asked of the text itself.
    Indexing all 126,000 words cost about 0.05 s of every cold start that reads a URL."""

    text: str  # "\nthe\nof\n...\n": every word between newlines
    size: int  # how many words: wordninja's vocabulary size in its cost
    ranks: dict[str, int]  # rank of each word common enough to be a part

    def known(self, word: str) -> bool:
        return f"\n{word}\n" in self.text


@lru_cache(maxsize=1)
def _word_list() -> _WordList | None:
    """Read directly: importing wordninja builds its whole model, which costs about a second."""
    import gzip
    import importlib.util
    import math
    from pathlib import Path

    spec = importlib.util.find_spec("wordninja")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "wordninja" / "wordninja_words.txt.gz"
    with gzip.open(path) as fh:
        text = "\n" + fh.read().decode().strip() + "\n"
    size = text.count("\n") - 1
    # A rank at which the cost passes _MAX_PART_COST, with room to spare.
    common = int(math.exp(_MAX_PART_COST) / math.log(size)) + 1000
    words = text.split("\n", common + 1)[1:common + 1]
    return _WordList(text, size, dict(zip(words, range(len(words)))))


def _cost(word: str, words: _WordList) -> float:
    """wordninja's Zipf cost of a word: log((rank + 1) * log(vocabulary size)); a rare word costs 99."""
    import math

    rank = words.ranks.get(word)
    return 99.0 if rank is None else math.log((rank + 1) * math.log(words.size))


def joined_word(token: str) -> list[str] | None:
    """If ``token`` reads as two or three common words run together, the words.

    A token the word list knows is left alone, and so is one whose parts
    would be rare or one-letter words: names and foreign words split into
    fragments, joined pairs into common words.
    """
    token = token.lower()
    if not token.isalpha() or len(token) < 6:
        return None
    words = _word_list()
    if words is None or words.known(token):
        return None
    best: tuple[float, list[str]] | None = None
    for parts in _splits(token):
        if not _plausible(parts, words):
            continue
        cost = sum(_cost(p, words) for p in parts)
        if best is None or cost < best[0]:
            best = (cost, parts)
    return best[1] if best else None


def _splits(token: str) -> list[list[str]]:
    n = len(token)
    out = [[token[:i], token[i:]] for i in range(1, n)]
    out += [[token[:i], token[i:j], token[j:]] for i in range(1, n - 1) for j in range(i + 1, n)]
    return out


def _plausible(parts: list[str], words: _WordList) -> bool:
    if max(len(p) for p in parts) < (4 if len(parts) == 2 else 5):
        return False
    return all((len(p) >= 3 or p in _SHORT_OK) and _cost(p, words) <= _MAX_PART_COST for p in parts)


def url_problem(url: str) -> str | None:
    """What a reader should be told is wrong with a cited URL: invalid, or a slug that lost a
    hyphen at a line break. One wording for footnote URLs and inline links alike."""
    problem = validity_problem(url)
    if problem is None and (joined := damaged_slug_words(url)):
        words = ", ".join(f"'{tok}' (possibly '{'-'.join(parts)}')" for tok, parts in joined)
        problem = f"possibly damaged by line-wrapping, a hyphen lost in {words}"
    return problem


def damaged_slug_words(url: str) -> list[tuple[str, list[str]]]:
    """Tokens of hyphenated slugs in the URL's path that look like two words
    that lost the hyphen between them: ``[("inmoscow", ["in", "moscow"])]``."""
    try:
        path = urlsplit(_with_scheme(url)).path
    except ValueError:
        return []
    out = []
    for segment in path.split("/"):
        tokens = segment.split("-")
        if len(tokens) < 3:  # only slugs that separate words with hyphens
            continue
        for tok in tokens:
            if tok[:1].isupper():
                continue  # a capitalized token is a name ("Sen-Gillibrand-Letter"), not joined words
            parts = joined_word(tok)
            if parts:
                out.append((tok, parts))
    return out
