"""extract/urls: an ordinary web address is judged without rfc3986, and exactly as rfc3986 judges it."""

from __future__ import annotations

import random

from pactlens.extract import urls

#: What URLs are written with, and (one time in ten) what they should not be.
_GOOD = "abcdefghijklmnopqrstuvwxyzAZ0189-._~!$&'()*+,;=:@/?#%"
_BAD = "[] \\\"<>^`{|}é"


def _candidates(n: int) -> list[str]:
    rng = random.Random(15)
    hosts = ["www.tass.com", "en.kremlin.ru", "x.co.uk", "1.2.3.4", "999.1.1.1", "a-b.example", "localhost",
             "ex_ample.com", "example.1com", "-a.org", "a..b.org"]
    out = []
    for _ in range(n):
        tail = "".join(rng.choice(_GOOD if rng.random() < 0.97 else _BAD) for _ in range(rng.randint(0, 24)))
        out.append(rng.choice(["https://", "http://", "HTTP://", ""]) + rng.choice(hosts) + rng.choice(["", "/", ":8080/"]) + tail)
    return out


def test_a_plain_url_is_valid_to_rfc3986_too() -> None:
    """The footnotes of the brief (examples/russia-iran-2025-brief.txt), then generated addresses:
    wherever the plain pattern takes one, rfc3986 finds no problem and the same host."""
    real = ["https://www.aljazeera.com/news/2025/1/17/russia-and-iran-presidents-sign-partnership-treaty-inmoscow",
            "https://www.ft.com/content/7df44e1b-be13-4662-8b78-1f6c7f35d518",
            "https://carnegieendowment.org/russia-eurasia/politika/2025/01/russia-iran-strategic-agreement?lang=en",
            "https://en.wikipedia.org/wiki/Treaty_(1945)?x=1#top", "https://example.org/a%20b"]
    taken = 0
    for url in real + _candidates(4000):
        plain = urls._PLAIN_URL.fullmatch(urls._with_scheme(url))
        if plain is not None:
            taken += 1
            assert urls._rfc3986_problem(url) == (None, plain.group("host")), url
    assert taken > 200  # the generator reaches the plain pattern often enough to test it


def test_the_verdicts_are_the_old_ones() -> None:
    assert urls.validity_problem("https://www.dw.com/en/irans-strategic-pivot-deepens-ties-with-russia/a-71325808") is None
    assert urls.validity_problem("https://www.dw.com/en/irans-strategic-") == "ends in a hyphen: possibly cut at a line break"
    assert urls.validity_problem("https://localhost/x") == "host has no domain suffix"  # rfc3986's path
    assert urls.validity_problem("https://exa mple.com/").startswith("not a valid URL")
