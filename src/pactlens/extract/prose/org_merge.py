"""One organization from its many forms: "U.S. State Department" and "the Department of State",
"Forces" and "Force", a bare head ("Navy") and the one organization it can mean, an acronym and its
full name. Acronyms no kept name explains are dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pactlens.extract.prose.name_forms import (
    ACRONYM,
    US,
    OrgName,
    form_key,
    initials,
    inverted,
    state_key,
    trusted,
)
from pactlens.extract.prose.namescan import NameIndex, SpanSet
from pactlens.regexes import lazy_re
from pactlens.resources.states import lookup

def merge_organizations(text: str, raw: list[tuple[int, int, str]], inside, defined: set[str], votes) -> list[OrgName]:
    """Group forms of one organization; tie acronyms to full names; drop unexplained acronyms."""
    groups: dict[str, OrgName] = {}
    acronyms: list[tuple[int, int, str]] = []
    for a, b, name in raw:
        if ACRONYM.match(name):
            acronyms.append((a, b, name))
            continue
        key = inverted(state_key(form_key(US.sub("U.S. ", name))))  # "U.S. Navy", "US Navy", "United States Navy": one
        g = groups.setdefault(key, OrgName(name))
        if len(name) > len(g.name):
            if g.name not in g.forms:
                g.forms.append(g.name)
            g.name = name
        elif name != g.name and name not in g.forms:
            g.forms.append(name)
        g.spans.append((a, b))
        m = re.match(r"\s*\(([A-Z][A-Z&-]{0,8}[A-Z]s?)\)", text[b : b + 14])
        if m:
            g.acronym = g.acronym or m.group(1)
    _join_bare_heads(groups)
    by_acronym: dict[str, OrgName] = {}
    for g in groups.values():
        for form in (g.name, *g.forms):
            for ini in (initials(form), initials(form, small=True)):
                if len(ini) >= 2:
                    by_acronym.setdefault(ini, g)
        if g.acronym:
            by_acronym[g.acronym] = g
    acronyms += _elsewhere(text, groups, inside, {(a, b) for a, b, _ in acronyms})
    for a, b, name in acronyms:
        g = by_acronym.get(name) or by_acronym.get(name.rstrip("s"))
        if g is None:
            # Spelled out as something else ("NDAA", "FMS"): no organization. Never spelled out:
            # the model's word, if it says ORG each time ("NBC", "CRS").
            if name in defined or not trusted(votes, name, "ORG") or name in _ACRONYM_NOT_ORG:
                continue
            key = name
            g = groups.setdefault(key, OrgName(name))
        g.spans.append((a, b))
        if name != g.name and name not in g.forms:
            g.forms.append(name)
    _join_of_forms(groups)
    return [g for g in groups.values() if g.spans]


#: Acronyms of things the model often calls organizations.
_ACRONYM_NOT_ORG = {"GDP", "FDI", "ICBM", "ICBMs", "SLBM", "SLBMs", "FTA", "MOU", "WMD", "CEO", "PDF", "TV", "UK", "US", "USA"}


def _join_of_forms(groups: dict[str, OrgName]) -> None:
    """"Ministry of Defence of Great Britain" joins "Ministry of Defence": the name and its holder's state;
    "U.S. Steel Corporation" joins "U.S. Steel", "Coupang, Inc." "Coupang": the name and its company suffix."""
    names = {k: form_key(g.name) for k, g in groups.items()}
    order = {k: i for i, k in enumerate(groups)}
    by_name: dict[str, list[str]] = defaultdict(list)  # looked up, not scanned: linear in the names (issue 14)
    for k, n in names.items():
        by_name[n].append(k)
    for key in sorted(groups, key=lambda k: len(names[k]), reverse=True):
        bare = _COMPANY_TAIL.sub("", names[key])
        heads = [names[key][: m.start()] for m in re.finditer(" of ", names[key]) if lookup(names[key][m.end() :]) is not None]
        heads.append(bare)  # (not "U.S. Department" for "U.S. Department of Commerce": what follows "of" must be a state)
        found = [k for n in heads for k in by_name.get(n, ()) if k != key and k in groups]
        base = min(found, key=order.__getitem__) if found else None
        if base is not None:
            g = groups.pop(key)
            groups[base].spans += g.spans
            groups[base].forms += [f for f in [g.name, *g.forms] if f not in groups[base].forms]
            if len(g.name) > len(groups[base].name) and bare == names[base]:  # the full company name leads
                groups[base].forms.remove(g.name)
                groups[base].forms.append(groups[base].name)
                groups[base].name = g.name


def _plural_head(g: OrgName) -> bool:
    return any(f.split()[-1].endswith(("s", "S")) and not f.split()[-1].endswith(("ss", "us")) for f in (g.name, *g.forms))


def _elsewhere(text: str, groups: dict[str, OrgName], inside, taken: set[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Mentions of what names an organization wherever it stands, found in one pass over the text:
    its defined acronym (returned, to be tied as acronyms are) and a company's name without its
    suffix ("Coupang" after "Coupang, Inc.": added to the company at once)."""
    wanted: dict[str, list[tuple[OrgName, bool]]] = {}
    for g in groups.values():
        if g.acronym:
            wanted.setdefault(g.acronym, []).append((g, True))
        short = _COMPANY_FORM.sub("", g.name)
        if short != g.name and len(short) > 3:
            wanted.setdefault(short, []).append((g, False))
    acronyms: list[tuple[int, int, str]] = []
    within = {id(g): SpanSet(g.spans) for g in groups.values()}  # the names already found, before any is added
    for a, b in NameIndex(re.escape(f) for f in wanted).finditer(text) if wanted else ():
        form = text[a:b]
        for g, is_acronym in wanted.get(form, ()):
            if not inside(a) or (a, b) in taken or a in within[id(g)]:
                continue
            if is_acronym:
                acronyms.append((a, b, form))
            else:
                g.spans.append((a, b))
                if form not in g.forms:
                    g.forms.append(form)
    return acronyms


#: A company's legal suffix at the end of a name as written ("Coupang, Inc.").
_COMPANY_FORM = lazy_re(r",?\s+(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|PLC|Holdings)\.?$")
#: A company's legal suffix at the end of a name key.
_COMPANY_TAIL = lazy_re(r",?\s+(?:inc|corp|corporation|co|company|ltd|limited|llc|plc|holdings)\.?$")


def _join_bare_heads(groups: dict[str, OrgName]) -> None:
    """"Navy" joins "U.S. Navy", "State Department" "U.S. State Department", when that is the only
    organization so named with a qualifier; a one-word name that could be several, or a longer one
    that could be two named in full, is dropped."""
    by_tail: dict[str, list[str]] = defaultdict(list)  # "navy": ["u.s. navy", "royal navy"], not a scan per name
    for k in groups:
        words = k.split(" ")
        for i in range(1, len(words)):
            by_tail[" ".join(words[i:])].append(k)
    for key in sorted(groups, key=len):
        owners = [k for k in by_tail.get(key, ()) if k != key and k in groups]
        if len(owners) == 1:
            g, owner = groups.pop(key), groups[owners[0]]
            owner.spans += g.spans
            owner.forms += [f for f in [g.name, *g.forms] if f not in owner.forms and f != owner.name]
        elif len(owners) > 1 and not _plural_head(groups[key]) or owners and " " not in key:
            groups.pop(key)  # "Border Committee" beside the General and the Regional Border Committee: either
            # (not the plural that holds them: "Self-Defense Forces" beside the Ground and Maritime SDF)
