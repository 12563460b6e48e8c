"""Render a ``pactlens.check/1`` result: unsupported claims first, each with the clause it was judged on."""

from __future__ import annotations

from typing import TextIO

from pactlens.model.check import CheckResult, Claim

_MARK = {"contradicted": "CONTRADICTED", "not-in-text": "NOT IN TEXT", "supported": "supported",
         "not-about-text": "history"}


def _summary(r: CheckResult) -> str:
    counts = {k: sum(c.label == k for c in r.claims) for k in _MARK}
    about = len(r.claims) - counts["not-about-text"]
    return (f"{about} claims about the text: {counts['contradicted']} contradicted, "
            f"{counts['not-in-text']} not in the text, {counts['supported']} supported; "
            f"{counts['not-about-text']} sentences about its history or reception, not its text")


def _clause(c: Claim) -> str:
    """The clause the claim was judged on; short pieces (the parties' names, a signatory, the
    signing statement) are shown together, since one of them alone says little."""
    pieces = []
    for e in c.treaty_evidence[:4]:
        pieces.append(" ".join(e.text.split()))
        if len(pieces[0]) > 80:
            break
    t = " | ".join(pieces)
    return t[:200] + ("…" if len(t) > 200 else "")


def render_text(r: CheckResult, out: TextIO) -> None:
    out.write(f"Brief:  {r.brief.source}\nTreaty: {r.treaty.source}\n{_summary(r)}\n\n")
    history = [c for c in r.claims if c.label == "not-about-text"]
    for c in r.unsupported_first():
        if c.label == "not-about-text":
            continue
        out.write(f"[{_MARK[c.label]}] {' '.join(c.text.split())}\n    why: {c.reason}\n")
        if _clause(c):
            out.write(f"    treaty: {_clause(c)}\n")
        out.write("\n")
    if history:
        out.write("Not checked (about the treaty's history or reception, not its text):\n")
        for c in history:
            text = " ".join(c.text.split())
            out.write(f"  - {text[:140]}{'…' if len(text) > 140 else ''} ({c.reason})\n")


def render_markdown(r: CheckResult, out: TextIO) -> None:
    out.write(f"# Check of {r.brief.source} against {r.treaty.source}\n\n{_summary(r)}\n\n")
    out.write("| label | claim | why | treaty clause |\n|---|---|---|---|\n")
    for c in r.unsupported_first():
        cells = [c.label, " ".join(c.text.split()), c.reason, _clause(c)]
        out.write("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |\n")
