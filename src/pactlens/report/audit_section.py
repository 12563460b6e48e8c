"""The citation audit section: one line per finding, with its markers and the sentence or note concerned."""

from __future__ import annotations

from pactlens.model import Analysis, Finding
from pactlens.report.blocks import Block, Lines

_ORDER = {"error": 0, "warning": 1, "info": 2}


def _line(f: Finding) -> str:
    markers = " ".join(f"[{m}]" for m in f.markers)
    where = " ".join(f.evidence[0].text.split()) if f.evidence else ""
    if len(where) > 160:
        where = where[:157] + "…"
    head = f"{f.severity.upper()} {f.code}" + (f" {markers}" if markers else "")
    return f"{head}: {f.message}" + (f' — "{where}"' if where else "")


def audit_section(a: Analysis) -> list[Block]:
    if not a.citations and not a.findings:
        return []
    if not a.findings:
        return [Lines("Citation audit", [f"{len(a.citations)} citations, no problems found."])]
    findings = sorted(a.findings, key=lambda f: _ORDER[f.severity])
    return [Lines(f"Citation audit ({len(a.citations)} citations, {len(findings)} findings)",
                  [_line(f) for f in findings])]
