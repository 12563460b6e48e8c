"""The citation audit over sources given as inline links (citations ``L1``, ``L2`` …).

Footnote checks read definitions; a web page's sources are its links, so the
two checks that make sense for a link run here: ``broken-url`` (a URL that is
not valid, or whose slug lost a hyphen to line-wrapping) and
``duplicate-source`` (two links, not differing only by a fragment, to one
article: the same article id in the URL, or the same address once tracking
parameters, ``www.`` and a trailing slash are set aside).
"""

from __future__ import annotations

from collections import defaultdict

from pactlens.extract.urls import article_id, normalize, url_problem
from pactlens.model import Citation, Finding


def _links(citations: list[Citation]) -> list[Citation]:
    return [c for c in citations if c.marker.startswith("L") and c.url and c.evidence]


def broken_links(doc, citations: list[Citation]) -> list[Finding]:
    out = []
    for c in _links(citations):
        problem = url_problem(c.url)
        if problem:
            ev = c.evidence[0]
            at = doc.text.rfind(c.url, ev.start, ev.end)
            span = doc.evidence(at, at + len(c.url)) if at >= 0 else ev
            out.append(Finding(
                code="broken-url", severity="warning",
                message=f"Link {c.marker}: URL {problem}; check the link.",
                markers=[c.marker], evidence=[span],
            ))
    return out


def duplicate_links(citations: list[Citation]) -> list[Finding]:
    groups: dict[str, list[Citation]] = defaultdict(list)
    for c in _links(citations):
        groups["id:" + (article_id(c.url) or normalize(c.url.split("#", 1)[0]))].append(c)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        out.append(Finding(
            code="duplicate-source", severity="info",
            message=f"Links {', '.join(c.marker for c in members)} point to the same source "
                    f"({members[0].outlet or 'same site'}, same article): one link would do.",
            markers=[c.marker for c in members], evidence=[c.evidence[0] for c in members],
        ))
    return out
