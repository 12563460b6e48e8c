"""Who signed an agreement, for which state: from the layouts treaties and writing about them use.

An instrument names its signers in two places, each with a few layouts:

- the preamble's plenipotentiary list ("have appointed as their
  Plenipotentiaries: The President of the French Republic: Mr. Robert
  Schuman, Minister of Foreign Affairs; ..."): a *head* naming the sovereign
  or government, then one or more people, each with a title;
- the signature block after "IN WITNESS WHEREOF"/"Done at": "For the
  Government of X: NAME", "For X (signed) NAME TITLE", "NAME FOR X" and, when
  OCR flattened two columns into one line, "For A For B NAME1 NAME2".

Both are read the same way: heads and names are found in order, and a name
takes the state of the head it stands under. Columns are paired in order only
when the number of heads and names is equal; otherwise nothing is said.

Writing about agreements names signers in a sentence with a signing verb:
"Russian President Vladimir Putin and Iranian President Masoud Pezeshkian
signed ...", "Putin and Pezeshkian signed ...", "signed by Presidents Vladimir
Putin and Masoud Pezeshkian", "signed ... by Ormsby-Gore and Dean Rusk, the
United States Secretary of State".

Precision first: a name must look like a person's (two to five capitalised
tokens, none of them a state, an institution word, a month or a heading), and
a title alone is nobody. All-lower-case OCR text is not read: capitals are
what tell a name from the words around it. A party is the state the head (or,
in prose, the person's own title) names, else ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pactlens.model import Signatory
from pactlens.resources.states import StateMention, find_states, lookup
from pactlens.structure.doc import Doc

# --- vocabulary -------------------------------------------------------------------

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
#: "Robert", "McKernan", "FAIZ-MOHAMMED", "Díaz-Durán", "O'Neil"; "H.", "J.F.W.", "Cl."; "M" (an initial without its dot).
_CAP_TOKEN = re.compile(
    rf"(?:[{_UP}](?:[{_LOW}]+[{_UP}]?[{_LOW}]*|[{_UP}]+)(?:['\u2019\-][{_UP}]?[{_UP}{_LOW}]+)*"
    rf"|(?:[{_UP}][{_LOW}]{{0,2}}\.){{1,4}}|[{_UP}](?![\w.]))"
)
_PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ten", "ter",
              "la", "le", "bin", "ibn", "al", "el", "y", "e", "al-", "el-"}
_SUFFIXES = {"jr.", "jr", "sr.", "ii", "iii"}
#: Honorifics that may stand before a name; they are not part of it.
_HONORIFIC = re.compile(
    r"(?:(?:His|Her|HIS|HER)\s+(?:Excellency|EXCELLENCY)|H\.\s?E\.|Monsieur|MONSIEUR|Messrs\.?|Mr\.?|MR\.?|Mrs\.?|Ms\.?|Dr\.?|DR\.?"
    r"|Sir|SIR|Se[nñ]or|SE[NÑ]OR|Sr\.|Don|Herr|Baron|BARON|Count|COUNT|Lord|Prince|Shri|Lic\.|Ing\.|Prof\.?"
    r"|The\s+Hon(?:ou?rable|\.)|Hon\.|Vice[- ]Admiral|Admiral|General|Colonel|Marshal|Chevalier|Jonkheer|Dame|Mme\.?|Madame)"
    r"(?=\s|[A-Z])\s*"
)
#: Words that begin a title after a name ("Minister for Foreign Affairs", "AMBASSADOR OF PORTUGAL").
_ROLE_START = {
    "minister", "ambassador", "extraordinary", "secretary", "under-secretary", "undersecretary", "president",
    "vice", "vice-president", "chairman", "director", "director-general", "deputy", "head", "permanent", "envoy",
    "delegate", "chief", "governor", "prime", "foreign", "federal", "member", "councillor", "counsellor",
    "commissioner", "consul", "chargé", "plenipotentiary", "representative", "acting", "assistant", "executive",
    "senator", "premier", "chancellor", "esquire", "judge", "attorney", "parliamentary", "mp", "subject", "his",
    "her", "minister-president", "state", "high", "general", "special", "principal", "leader", "king", "queen",
}
#: Capitalised words that are never part of a person's name.
_NOT_NAME = {
    "for", "the", "and", "of", "who", "whom", "signed", "sgd", "done", "in", "at", "on", "by", "to", "with", "annex",
    "article", "protocol", "appendix", "chapter", "part", "schedule", "title", "government", "governments",
    "republic", "kingdom", "council", "community", "communities", "union", "states", "agreement", "treaty",
    "convention", "majesty", "excellency", "highness", "witness", "whereof", "hereof", "undersigned",
    "plenipotentiaries", "plenipotentiary", "parties", "party", "contracting", "commission", "committee",
    "organisation", "organization", "association", "secretariat", "ministry", "department", "office", "bank",
    "economic", "european", "national", "international", "memorandum", "amendments", "declaration", "final",
    "act", "note", "notes", "letter", "excellency,", "confederation", "principality", "duchy", "emirates",
    "provided", "having", "being", "this", "that", "these", "page", "na", "l.s.", "seal", "sealed", "federation",
    "islamic", "democratic", "socialist", "people", "people's", "republics", "territory", "territories",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "english", "french", "spanish", "arabic", "russian", "portuguese", "original",
    "have", "has", "decided", "agreed", "now", "therefore", "whereas", "hereby", "bilateral", "multilateral",
    "transit", "articles", "ad", "gazette", "no", "military", "engineer", "regulations", "rules", "list",
    "products", "customs", "tariff", "section", "sub-section", "notice", "specific", "general", "joint",
    "minutes", "record", "understanding", "exchange", "text", "copy", "true", "certified", "page", "annexes",
} | _ROLE_START
#: Sovereigns' styles that name no state in words the gazetteer knows.
_STYLES = (
    (re.compile(r"(?i)\bking\s+of\s+the\s+belgians\b"), "BEL"),
    (re.compile(r"(?i)\bking\s+of\s+the\s+hellenes\b"), "GRC"),
    (re.compile(r"(?i)\bking\s+of\s+the\s+bulgarians\b"), "BGR"),
    (re.compile(r"(?i)\bswiss\s+federal\s+council\b"), "CHE"),
)

# --- the instrument's own text --------------------------------------------------------

_PLENIPOTENTIARIES = re.compile(
    r"(?<![\w-])(?i:(?:appointed|designated|named|appoint|designate)\s+(?:as\s+)?(?:(?:their|its)\s+)?(?:respective\s+)?"
    r"plenipotentiar(?:y|ies|ics)(?:\s+(?:the\s+following\s+persons|namely))?(?:,\s*namely)?)\s*[:,]?"
)
_PLENI_END = re.compile(
    r"(?i:\bwho,?\s+(?:having|after|once)|\bhave\s+agreed|\bhave\s+decided|\bwho\s+have)|\b(?:ARTICLE|Article|TITLE|Title|CHAPTER|Chapter)\s+(?:[IVX\d]+|ONE|One)\b"
)
_SIGN_MARK = re.compile(
    r"(?:\b(?i:in\s+(?:witness|faith)\s+(?:whereof|thereof))|(?:^|(?<=[.\n|)]))\s*(?:DONE|Done|DoNE|Signed|SIGNED|Made|Carried\s+out)\s+(?i:at|in|on|this|the)\b)"
)
_ZONE_END = re.compile(r"AppendixText:|AnnexText:|\bANNEX\b|\bAPPENDIX\b|\bSCHEDULE\b|\bAnnex\s+[IVX\d]|\bARTICLE\s+\d|\bPROTOCOL\b|\n\s*NA\s*\n")
#: A head: "For the Government of X", "THE PRESIDENT OF THE FRENCH REPUBLIC", "His Excellency the President of ...".
_HEAD = re.compile(
    r"\b(?:(?P<for>(?:For|FOR|for)(?:\s+(?i:and\s+on\s+behalf(?:\s+of)?))?\s+)"
    r"|(?:(?i:(?:his|her|their)\s+(?:majesty|royal\s+highness|highness|excellency)|the\s+honou?rable)\s+)?(?i:the)\s+"
    r"(?=(?:[\w'\u2019-]+\s+){0,3}?(?i:president|king|queen|grand\s+du(?:ke|chess)|emperor|government|council|junta"
    r"|head\s+of\s+state|sovereign|prince\s+royal|regent)\b)"
    r"|(?i:(?:his|her)\s+(?:majesty|royal\s+highness)\s+(?=the\b)))"
)
#: What a "For ..." head names: a state, or a government or institution ("for Foreign Affairs" is a title).
_HEAD_NOUN = re.compile(
    r"(?i:(?:the\s+)?(?:government|council|commission|communit(?:y|ies)|republic|kingdom|principality|grand\s+duchy"
    r"|confederation|federation|federal|sultanate|state|states|president|union|agency|organi[sz]ation|european"
    r"|international|his|her|swiss|people['\u2019]s|islamic|democratic|united|emirates?|hashemite|co-?operative"
    r"|commonwealth|dominion|socialist|eastern|plurinational|bolivarian)\b)"
)


def _heads(doc: Doc, start: int, end: int) -> list[_Head]:
    """The heads in ``[start, end)``: "For ..." naming a state or government, and sovereigns' or
    governments' styles standing at the start of a list item (not inside a title: "accredited to the
    Argentine Government")."""
    text = doc.text
    out: list[_Head] = []
    for m in _HEAD.finditer(text, start, end):
        if out and m.start() < out[-1].end:
            continue  # "THE GOVERNMENT OF HIS MAJESTY THE KING OF AFGHANISTAN": one head
        if m.group("for"):
            rest = re.compile(r"(?i:the\s+)?").match(text, m.end()).end()
            states = find_states(text, rest, min(end, rest + 80))
            if not (_HEAD_NOUN.match(text, m.end()) or (states and states[0].start == rest)):
                continue
        else:
            before = text[start : m.start()].rstrip()
            if before and before[-1] not in ":;,.|\n)" and not text[m.start()].isupper():
                continue  # "accredited to the Argentine Government": inside a title
        out.append(_head_at(doc, m, end))
    return out


_SIGNED_MARK = re.compile(r"(?:\s*(?:[(\[]\s*(?i:signed|sgd)\.?\s*:?\s*[)\]]|(?i:signed|sgd\.?)\s*:)\s*[.:]?\s*)+")
_ROLE_CUT = re.compile(r"\s*(?:;|\||\n|\(|,?\s*\b\d\)|(?<=[a-z])\.(?:\s|$)|(?i:\bsubject\s+to\s+ratification))")


@dataclass
class _Name:
    start: int
    end: int
    name: str


@dataclass
class _Head:
    start: int
    end: int
    iso3: str | None
    state_ev: tuple[int, int] | None = None


@dataclass
class _Person:
    name: _Name
    role: str | None
    role_end: int
    head: _Head | None = None


@dataclass
class Signers:
    """What :func:`find_signatories` found: the signatories, and the states their own lines name."""

    signatories: list[Signatory] = field(default_factory=list)
    states: list[StateMention] = field(default_factory=list)


def _valid(tokens: Sequence[str]) -> bool:
    """Whether tokens look like one person's name."""
    caps = [t for t in tokens if t.lower() not in _PARTICLES and t.lower() not in _SUFFIXES]
    full = [t for t in caps if len(t.rstrip(".")) > 1 and not t.endswith(".")]
    if not full or len(caps) < 2 or len(full) > 4 or len(caps) > 6:
        return False  # a lone word is a surname at best; six words are two people
    if any(t.lower().strip(".,") in _NOT_NAME for t in caps):
        return False
    shape = "".join("f" if t in full else "i" for t in caps)
    if re.search(r"ff+i+f", shape):
        return False  # "GARETH EVANS M T SOMARE": an initial after a full name begins another
    joined = " ".join(tokens)
    return lookup(joined) is None and not find_states(joined)


_WORD = re.compile(r"[ \t]*([^\s,;:()\[\]]+)")
_INITIALS = re.compile(rf"(?:[{_UP}][{_LOW}]{{0,2}}\.)+")


def _name_at(text: str, pos: int, end: int) -> _Name | None:
    """The person's name starting at ``pos`` (after any honorific), as written, or None."""
    while (h := _HONORIFIC.match(text, pos, end)) is not None and h.end() > pos:
        pos = h.end()  # "H. E. Dr. Higino Arbo"
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    i = pos
    while i < end:
        m = _WORD.match(text, i, end)
        if m is None or (not tokens and m.start(1) != pos):
            break
        w, ws = m.group(1), m.start(1)
        low = w.lower()
        if tokens and _HONORIFIC.match(text, ws, end) and not _INITIALS.fullmatch(w):
            break  # the next person begins
        if tokens and low in _PARTICLES:
            if not re.match(rf"[ \t]+(?:[{_UP}]|(?:{'|'.join(_PARTICLES)})[ \t]+[{_UP}])", text[m.end() : m.end() + 9]):
                break
        elif tokens and low in _SUFFIXES:
            tokens.append(w); spans.append(m.span(1))
            break
        else:
            last = w.endswith(".") and not _INITIALS.fullmatch(w)
            core = w[:-1] if last else w
            if not _CAP_TOKEN.fullmatch(core) or core.lower() in _NOT_NAME:
                break
            tokens.append(core); spans.append((ws, ws + len(core)))
            i = m.end()
            if last:
                break  # "LOVELL." ends the line
            continue
        tokens.append(w); spans.append(m.span(1))
        i = m.end()
    while tokens and tokens[-1].lower() in _PARTICLES:
        tokens.pop(); spans.pop()
    if not tokens or not _valid(tokens):
        return None
    return _Name(spans[0][0], spans[-1][1], " ".join(tokens))


def _split_run(text: str, start: int, end: int) -> list[_Name] | None:
    """Several names written in one run ("GARETH EVANS M T SOMARE", "Otso WARTIOVAARA Sven ALLARD"):
    split only where the run itself shows a boundary (an honorific, an initial after a surname, a
    given name after a name in capitals); None when it shows none."""
    words = [m for m in re.finditer(r"\S+", text[start:end])]
    cuts = [0]
    for k in range(1, len(words)):
        prev, cur = words[k - 1].group(0), words[k].group(0)
        initial_after_surname = re.fullmatch(r"[A-Z]\.?", cur) and len(prev.rstrip(".")) > 1
        given_after_caps = prev.isupper() and len(prev) > 2 and cur[:1].isupper() and cur[1:].islower() and len(cur) > 2
        if _HONORIFIC.fullmatch(cur + " ") or initial_after_surname or given_after_caps:
            cuts.append(k)
    if len(cuts) < 2:
        return None
    out = []
    for a, b in zip(cuts, cuts[1:] + [len(words)]):
        s, e = start + words[a].start(), start + words[b - 1].end()
        n = _name_at(text, s, e)
        if n is None or n.end < e:
            return None
        out.append(n)
    return out


def _head_party(doc: Doc, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    found = [m for m in find_states(doc.text, start, end)]
    if found:
        return found[0].iso3, (found[0].start, found[0].end)
    for rx, iso3 in _STYLES:
        m = rx.search(doc.text, start, end)
        if m:
            return iso3, m.span()
    return None, None


def _head_at(doc: Doc, m: re.Match[str], limit: int) -> _Head:
    """A head's extent and state: up to its colon or comma, else up to the end of the state it names."""
    text = doc.text
    window_end = min(limit, m.end() + 170)
    nxt = next((h for h in _HEAD.finditer(text, m.end() + 1, window_end) if h.group("for")), None)
    stop = re.compile(r"[:,;(\[]|\bwho\b|\n").search(text, m.end(), nxt.start() if nxt else window_end)
    cut = stop.start() if stop else (nxt.start() if nxt else window_end)
    states = find_states(text, m.end(), cut)
    states = [s for s in states if s.form != "adjective" or re.match(r"\s+(?i:government|council|republic)", text[s.end : s.end + 14])]
    if states and (stop is None or re.search(rf"[{_UP}][{_LOW}{_UP}]+\s+[{_UP}]", text[states[-1].end : cut])):
        end = states[-1].end  # "FOR THE GOVERNMENT OF PANAMA FERNANDO MANFREDO": the name follows the state
    else:
        end = cut + (1 if stop and text[cut] in ":," else 0)
    iso3, ev = _head_party(doc, m.end(), end)
    if iso3 is None and states:
        iso3, ev = states[0].iso3, (states[0].start, states[0].end)
    return _Head(m.start(), end, iso3, ev)


def _role_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The title written after a name (", Minister for Foreign Affairs;", " Minister of Commerce"), if any."""
    m = re.compile(r"[ \t]*,?\s*").match(text, pos, limit)
    start = m.end() if m else pos
    first = re.match(r"[\w\u00c0-\u024f-]+", text[start:limit])
    if first is None or first.group(0).lower() not in _ROLE_START - {"his", "her", "subject"} and not (
        first.group(0).lower() in {"his", "her"} and re.match(r"\s+[A-Z]", text[start + first.end() : limit])
    ):
        return None, pos
    cut = _ROLE_CUT.search(text, start, limit)
    end = cut.start() if cut else limit
    role = re.sub(r"\s+", " ", text[start:end]).strip(" ,.")
    role = re.sub(r"(?:[\s,]+(?:and|of|to|in|the|for))+$", "", role).strip(" ,.")
    role = re.sub(r"^(?:his|her)\s+", "", role)  # "his Minister of Foreign Affairs"
    return (role[:160] or None), end


def _trim_role(doc: Doc, role: str | None, at: int) -> tuple[str | None, str | None]:
    """"Minister for Foreign Affairs of Afghanistan": the title, and the state it names."""
    if not role:
        return None, None
    k = doc.text.find(role, at)
    states = find_states(doc.text, k, k + len(role)) if k >= 0 else []
    if not states:
        return role, None
    of = role.rfind(" of ", 0, states[0].start - k + 1)
    of = of if of >= 0 else role.rfind(" OF ", 0, states[0].start - k + 1)
    title = re.sub(r"(?i)(?:\s+of\s+the\s+(?:government|council|republic|kingdom))+$", "", role[:of]) if of > 0 else role
    return title.strip(" ,"), states[0].iso3


_NAME_RUN = re.compile(rf"[{_UP}][\w.'\u2019-]*(?:[ \t]+[{_UP}][\w.'\u2019-]*)*")


def _persons(doc: Doc, start: int, end: int, heads: list[_Head], *, listed: bool) -> list[_Person]:
    """Every name in ``[start, end)`` that begins where a name may begin: after a head, an honorific,
    a "(signed)" mark, or a separator following another person; in a plenipotentiary list
    (``listed``) also after any colon, semicolon, line break or list number."""
    text = doc.text
    anchors: set[int] = {h.end for h in heads}
    for h in _HONORIFIC.finditer(text, start, end):
        if h.start() == start or not text[h.start() - 1].isalnum():
            anchors.add(h.start())
    if listed:
        anchors |= {start + m.end() for m in re.finditer(r"(?:^|[;:\n|]|\b\d\))\s*", text[start:end])}
    # A title runs to the next head, honorific or separator, whichever comes first.
    stops = sorted({h.start for h in heads} | {a for a in anchors if _HONORIFIC.match(text, a, end)})
    out: list[_Person] = []
    pos = start
    queue = sorted(anchors)
    while queue:
        a = queue.pop(0)
        if a < pos:
            continue
        s = _SIGNED_MARK.match(text, a, end)
        a = s.end() if s else a
        a += len(text[a:end]) - len(text[a:end].lstrip())
        n = _name_at(text, a, end)
        if n is None:
            run = _NAME_RUN.match(text, a, end)
            split = _split_run(text, a, run.end()) if run and run.end() > a else None
            if split:  # "GARETH EVANS M T SOMARE": names side by side, under a row of heads
                out += [_Person(x, None, x.end) for x in split]
                pos = split[-1].end
            continue
        limit = min([x for x in stops if x > n.end] + [end, n.end + 200])
        role, role_end = _role_after(text, n.end, limit)
        out.append(_Person(n, role, max(n.end, role_end)))
        pos = out[-1].role_end
        sep = re.compile(r"\s*[;,]\s*").match(text, pos, end)
        if sep:  # "Guido Di Tella; Domingo F. Cavallo": the next person under the same head
            queue = sorted(set(queue) | {sep.end()})
    return out


def _runs(persons: list[_Person], heads: list[_Head]) -> list[tuple[str, list]]:
    """Heads and persons in text order, grouped into runs of one kind."""
    events = sorted([(h.start, "h", h) for h in heads] + [(p.name.start, "p", p) for p in persons], key=lambda e: e[0])
    runs: list[tuple[str, list]] = []
    for _, kind, item in events:
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(item)
        else:
            runs.append((kind, [item]))
    return runs


def _adjacent(text: str, a: _Head, b: _Head) -> bool:
    """Whether two heads stand side by side, nothing but marks between them (flattened columns)."""
    return not _SIGNED_MARK.sub(" ", text[a.end : b.start]).strip(" \t\n:|")


def _column(text: str, heads: list[_Head], names: list[_Person]) -> list[_Person]:
    """Names under a row of heads, paired in order when there are as many (one run of names split where
    it shows its boundaries); otherwise the names, with no party."""
    if len(names) == 1 and len(heads) > 1:
        split = _split_run(text, names[0].name.start, names[0].name.end)
        if split and len(split) == len(heads):
            names = [_Person(n, None, n.end) for n in split]
    pairs = zip(heads, names) if len(names) == len(heads) else ((_Head(-1, -1, None), p) for p in names)
    for h, p in pairs:
        p.head, p.role = h, None  # titles flattened with the columns cannot be told apart
    return names


def _assign(text: str, persons: list[_Person], heads: list[_Head]) -> list[_Person]:
    """Each person under the nearest head before it. Columns flattened into one line ("For A For B
    NAME1 NAME2", or names first: "NAME1 NAME2 For A For B") pair in order when the runs are of equal
    length; when they are not, the names get no party."""
    runs = _runs(persons, heads)
    out: list[_Person] = []
    current: _Head | None = None
    done: set[int] = set()
    for i, (kind, items) in enumerate(runs):
        if kind == "h":
            row = [items[0]]
            for h in items[1:]:
                row = row + [h] if _adjacent(text, row[-1], h) else [h]
            current = row[-1]
            if len(row) > 1 and i + 1 < len(runs):
                out += _column(text, row, runs[i + 1][1])
                done.add(i + 1)
                current = None
            continue
        if i in done:
            continue
        if current is None and i + 1 < len(runs) and len(runs[i + 1][1]) == len(items) > 1 and i == 0:
            for h, p in zip(runs[i + 1][1], items):  # names first, then their heads
                p.head, p.role = h, None
        else:
            for p in items:
                p.head = current
        out += items
    return out


def _columns_of_states(doc: Doc, heads: list[_Head]) -> list[_Head]:
    """"FOR THE GOVERNMENT OF FOR THE GOVERNMENT OF AUSTRALIA: PAPUA NEW GUINEA:": heads written
    before their states; give the row its states in order when one follows another, one per head."""
    text = doc.text
    out = list(heads)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j].iso3 is None and _adjacent(text, out[j], out[j + 1]):
            j += 1
        if j > i:
            row: list[StateMention] = []
            for s in find_states(text, out[j].start, min(len(text), out[j].start + 300)):
                if row and text[row[-1].end : s.start].strip(" \t\n:") or len(row) > j - i:
                    break
                row.append(s)
            if len(row) == j - i + 1:
                colon = re.compile(r"\s*:").match(text, row[-1].end)
                for k, s in enumerate(row):
                    end = (colon.end() if colon else s.end) if k == len(row) - 1 else out[i + k].end
                    out[i + k] = _Head(out[i + k].start, end, s.iso3, (s.start, s.end))
        i = j + 1
    return out


def _names_before(doc: Doc, heads: list[_Head], zone_start: int) -> list[_Person]:
    """"Robert H. Winters FOR THE GOVERNMENT OF CANADA Alberto Martin Artajo FOR THE GOVERNMENT OF SPAIN":
    the block opens with a name standing alone before its head; each following head preceded by a
    name alone takes it. Empty when the block is not written so."""
    text = doc.text
    out: list[_Person] = []
    prev = zone_start
    for h in heads:
        seg = text[prev : h.start]
        if not out:
            ends = list(re.finditer(r"(?<![A-Z])[.)]\s+", seg))
            prev += ends[-1].end() if ends else len(seg)
        a = prev + len(text[prev : h.start]) - len(text[prev : h.start].lstrip())
        n = _name_at(text, a, h.start)
        if n is None or text[n.end : h.start].strip():
            break
        out.append(_Person(n, None, n.end, h))
        prev = h.end
    return out


def _block_persons(doc: Doc, start: int, end: int) -> list[_Person]:
    heads = _heads(doc, start, end)
    heads = _columns_of_states(doc, heads)
    before = _names_before(doc, heads, start)
    if before:
        return before
    persons = _persons(doc, start, end, heads, listed=False)
    first_head = heads[0].start if heads else end
    return [p for p in _assign(doc.text, persons, heads) if p.head is not None or p.name.start >= first_head]


def _signature_zones(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    text = doc.text
    zones: list[tuple[int, int]] = []
    for m in _SIGN_MARK.finditer(text, start, end):
        if zones and m.start() < zones[-1][1]:
            continue
        stop = _ZONE_END.search(text, m.end(), min(end, m.end() + 1500))
        zones.append((m.start(), stop.start() if stop else min(end, m.end() + 1500)))
    return zones


def _plenipotentiary_zones(doc: Doc, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """The lists after "have appointed as their Plenipotentiaries", with the state of a lone appointer
    ("The Government of the Union of South Africa ... has appointed as its plenipotentiaries")."""
    text = doc.text
    out = []
    heads = list(_PLENIPOTENTIARIES.finditer(text, start, end))
    for k, m in enumerate(heads):
        limit = min(end, m.end() + 3000)
        if k + 1 < len(heads) and heads[k + 1].start() < limit:  # the next party's list begins
            nxt = heads[k + 1].start()
            limit = max(text.rfind(". ", m.end(), nxt), text.rfind(";", m.end(), nxt), m.end())
        stop = _PLENI_END.search(text, m.end(), limit)
        own = None
        if re.search(r"(?i)\bits\b", m.group(0)):
            clause = max(text.rfind(". ", start, m.start()), text.rfind(";", start, m.start()), m.start() - 300)
            states = find_states(text, clause, m.start())
            if len({s.iso3 for s in states}) == 1:
                own = states[0].iso3
        out.append((m.end(), stop.start() if stop else min(limit, m.end() + 1500), own))
    return out


def _lowercase(text: str) -> bool:
    return sum(c.isupper() for c in text) < 0.02 * max(1, sum(c.isalpha() for c in text))


def _record(doc: Doc, p: _Person, fallback: str | None = None) -> Signatory:
    role, role_state = _trim_role(doc, p.role, p.name.end)
    party = p.head.iso3 if p.head is not None else (fallback or role_state)
    evidence = [doc.evidence(p.name.start, p.name.end)]
    if p.head is not None and p.head.state_ev is not None and party is not None:
        evidence.append(doc.evidence(*p.head.state_ev))
    return Signatory(name=p.name.name, role=role, party=party, evidence=evidence)


def _instrument(doc: Doc, start: int, end: int) -> list[Signatory]:
    text = doc.text
    out: list[Signatory] = []
    for a, b, own in _plenipotentiary_zones(doc, start, end):
        if _lowercase(text[a:b]):
            continue
        heads = _heads(doc, a, b)
        persons = _assign(text, _persons(doc, a, b, heads, listed=True), heads)
        out += [_record(doc, p, own) for p in persons]
    zones = [(a, b) for a, b in _signature_zones(doc, start, end) if not _lowercase(text[a:b])]
    for a, b in zones:
        out += [_record(doc, p) for p in _block_persons(doc, a, b)]
    if not out:  # the weakest layout, only when nothing else names anyone
        out = [_record(doc, p) for a, b in zones for p in _names_alone(doc, a, b)]
    return out


_DATE_LINE_END = re.compile(r"(?<![A-Z])\.\s+(?=[A-Z])")


def _names_alone(doc: Doc, start: int, end: int) -> list[_Person]:
    """"Done in duplicate at Washington the 24th day of February, 1925. ERNEST LAPOINTE. CHARLES EVANS
    HUGHES.": two or more names, each ending with a full stop, standing alone after a sentence of the
    signing formula, and nothing else after them in the zone. No head names a state: no party."""
    text = doc.text
    for m in _DATE_LINE_END.finditer(text, start, end):
        names: list[_Person] = []
        pos = m.end()
        while (n := _name_at(text, pos, end)) is not None and text.startswith(".", n.end):
            names.append(_Person(n, None, n.end, _Head(-1, -1, None)))
            pos = n.end + 1 + len(text[n.end + 1 : end]) - len(text[n.end + 1 : end].lstrip())
        if len(names) >= 2 and not text[pos:end].strip(" \t\n|"):
            return names
    return []


# --- writing about agreements ------------------------------------------------------------

_ROLES = (
    r"President|Vice[- ]President|Prime\s+Minister|Foreign\s+Minister|Minister\s+(?:of|for)\s+Foreign\s+Affairs"
    r"|Defen[cs]e\s+Minister|Chancellor|King|Queen|Emperor|Secretary\s+of\s+State|Premier|Chairman"
    r"|Supreme\s+Leader|Ambassador|Secretary[- ]General|General\s+Secretary|Crown\s+Prince|Emir|Sultan|Shah"
)
_ROLE_RE = re.compile(rf"\b(?:{_ROLES})\b")
_NAME_TOKEN = rf"(?:[{_UP}][{_LOW}{_UP}'\u2019\-]+|[{_UP}]\.)"
_NAME_JOIN = r"(?:\s+(?:von|van|de|der|da|del|bin|ibn|al-))?\s+"
_VERB = re.compile(r"\b(?:signed|sign|signing|concluded|inked)\b")
_AUX = r"(?:(?:have|had|has|jointly|formally|officially|also|then|later|finally)\s+)*"
#: One signer as a sentence's subject: "Russian President Vladimir Putin", "Iran's President Masoud Pezeshkian", "Putin", "he".
_SUBJECT = (
    rf"(?:(?:[Hh]e|[Ss]he)|(?:(?:[A-Z][a-z]+(?:['\u2019]s)?\s+)?(?:(?:{_ROLES})\s+))?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})"
)
_SUBJECTS = re.compile(rf"(?<![^\s(])(?P<list>{_SUBJECT}(?:\s*,\s*{_SUBJECT})*\s*,?\s+and\s+{_SUBJECT}|{_SUBJECT})\s*,?\s+{_AUX}$")
_SIGNED_BY = re.compile(r"[^.;]{0,80}?\bby\s+(?:(?:main|the|its|their|chief)\s+)*(?:signatories\s+)?(?=[A-Z])")
#: "Presidents Vladimir Putin and ...", "Secretary of State James Baker": a title before the name(s) it applies to.
_ROLE_BEFORE = re.compile(rf"(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?P<role>{_ROLES})(?P<plural>s)?\s+(?=[A-Z])")
_BY_PERSON = re.compile(
    rf"(?P<name>{_NAME_TOKEN}(?:{_NAME_JOIN}{_NAME_TOKEN}){{0,3}})(?:,\s+(?:the\s+)?(?P<app>[^,.;]{{3,80}}?))?(?=\s+and\s|[,.;]|$)"
)
#: "the Prime Minister of the United Kingdom, Winston Churchill and the President of the United States, ..."
_ROLE_OF_STATE_NAME = re.compile(
    rf"(?:the\s+)?(?P<role>{_ROLES})\s+of\s+(?:the\s+)?(?P<state>[A-Z][^\W\d_]*(?:\s+[A-Z][^\W\d_]*){{0,4}}),\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}})"
)


def _clean(name: str) -> str | None:
    tokens = _HONORIFIC.sub("", name.strip().strip(",;:"), count=1).split()
    return " ".join(tokens) if _valid(tokens) else None


def _known(doc: Doc, written: str):
    """The person the text introduces (with a title, elsewhere) under this full name or surname, if any:
    a bare capitalised pair ("Exxon Mobil") is nobody until the text says it is a person."""
    from pactlens.extract.people import find_people

    one = " " not in written
    for m in find_people(doc, [(0, len(doc.text))]):
        p = m.person
        if len(p.name.split()) >= 2 and (p.name == written or (one and p.surname == written)):
            return p
    return None


def _subject_signers(doc: Doc, start: int, verb: int) -> Signers:
    """The people a signing verb has as its subject: "A and B signed", "Putin and Pezeshkian signed"."""
    text = doc.text
    window_start = max(start, verb - 240)
    m = _SUBJECTS.search(text, window_start, verb)
    out = Signers()
    if m is None:
        return out
    pos = m.start("list")
    for piece in re.finditer(rf"{_SUBJECT}", text[pos : m.end("list")]):
        a, b = pos + piece.start(), pos + piece.end()
        out_sig, state = _titled(doc, a, b)
        if out_sig is not None:
            out.signatories.append(out_sig)
            if state is not None:
                out.states.append(state)
    return out


def _titled(doc: Doc, a: int, b: int) -> tuple[Signatory | None, StateMention | None]:
    """One subject: [state adjective or "X's"] [title] name; a lone surname resolved to the full name."""
    text = doc.text
    states = [s for s in find_states(text, a, b) if s.start == a]
    head = states[0].end if states else a
    head = re.compile(r"(?:['\u2019]s)?\s*").match(text, head, b).end() if states else a
    role = _ROLE_RE.match(text, head, b)
    name_start = role.end() if role else head
    name_start += len(text[name_start:b]) - len(text[name_start:b].lstrip())
    words = text[name_start:b].split()
    if not words or words[0].lower() in {"he", "she"}:
        return None, None
    state = states[0] if states and (role or len(words) >= 2) else None
    role_text = re.sub(r"\s+", " ", role.group(0)) if role else None
    if len(words) == 1:
        person = _known(doc, words[0])
        if person is None:
            return None, None
        return Signatory(name=person.name, role=role_text or person.role, party=(state.iso3 if state else person.party),
                         evidence=[doc.evidence(name_start, b)]), state
    name = _clean(text[name_start:b])
    if name is None or (role is None and state is None and _known(doc, name) is None):
        return None, None
    return Signatory(name=name, role=role_text, party=state.iso3 if state else None,
                     evidence=[doc.evidence(a if state else (role.start() if role else name_start), b)]), state


def _signed_by(doc: Doc, start: int, end: int, *, named_signatories: bool = False) -> Signers:
    """"signed ... by Ormsby-Gore and Dean Rusk, the United States Secretary of State",
    "signed by Presidents Vladimir Putin and Masoud Pezeshkian", "by main signatories Joachim von
    Ribbentrop and ...". A name with no title is taken only when the phrase calls them signatories or
    the text introduces them as a person elsewhere."""
    text = doc.text
    out = Signers()
    before = _ROLE_BEFORE.match(text, start, end)
    shared = re.sub(r"\s+", " ", before.group("role")) if before else None
    plural = bool(before and before.group("plural"))
    pos = before.end() if before else start
    for k in range(4):
        m = _BY_PERSON.match(text, pos)
        if m is None:
            break
        name = _clean(m.group("name"))
        role, party = (shared if plural or k == 0 else None), None
        if m.group("app"):
            r = _ROLE_RE.search(m.group("app"))
            role = re.sub(r"\s+", " ", r.group(0)) if r else role
            st = find_states(text, m.start("app"), m.end("app"))
            if st and r:
                party = st[0].iso3
                out.states.append(st[0])
        vouched = role is not None or named_signatories or (name is not None and _known(doc, name) is not None)
        if name is not None and vouched:  # a lone surname ("Ormsby-Gore") is not enough to name a signatory
            out.signatories.append(Signatory(name=name, role=role, party=party, evidence=[doc.evidence(m.start(), m.end())]))
        nxt = re.compile(r"\s+and\s+|,\s+").match(text, m.end())
        if nxt is None or m.end() >= end:
            break
        pos = nxt.end()
    return out


def _role_of_state(doc: Doc, start: int, verb: int) -> Signers:
    text = doc.text
    out = Signers()
    for r in _ROLE_OF_STATE_NAME.finditer(text, start, verb):
        st = find_states(text, r.start("state"), r.end("state"))
        if st:
            out.states.append(st[0])
        name = _clean(r.group("name"))
        if name:
            out.signatories.append(Signatory(name=name, role=re.sub(r"\s+", " ", r.group("role")),
                                             party=st[0].iso3 if st else None,
                                             evidence=[doc.evidence(r.start("role"), r.end("name"))]))
    return out


def _prose(doc: Doc, start: int, end: int) -> Signers:
    """Signers a sentence names around its signing verb."""
    text = doc.text
    verb = _VERB.search(text, start, end)
    if verb is None:
        return Signers()
    for found in (_role_of_state(doc, start, verb.start()), _subject_signers(doc, start, verb.start())):
        if found.signatories:
            return found
    by = _SIGNED_BY.search(text, verb.end(), end)
    if by is None:
        return Signers()
    return _signed_by(doc, by.end(), end, named_signatories="signatories" in by.group(0))


# --- entry point -----------------------------------------------------------------------


def _merge(signatories: Iterable[Signatory]) -> list[Signatory]:
    """One record per person (by name), the first found kept, a missing title or party filled in."""
    out: dict[str, Signatory] = {}
    for s in signatories:
        key = re.sub(r"\W+", " ", s.name).strip().lower()
        if key not in out:
            out[key] = s
            continue
        if out[key].role is None and s.role:
            out[key].role = s.role
        if out[key].party is None and s.party:
            out[key].party = s.party
            out[key].evidence = out[key].evidence + [e for e in s.evidence if e not in out[key].evidence]
    return list(out.values())


def find_signatories(doc: Doc, start: int, end: int, *, prose: bool = False,
                     seen: Sequence[Signatory] = ()) -> Signers:
    """Signatories written in ``doc.text[start:end]``, merged with those already ``seen``.

    ``prose`` reads one sentence of writing about an agreement; otherwise the
    range is an instrument's own text (its preamble and signature blocks).
    """
    found = _prose(doc, start, end) if prose else Signers(_instrument(doc, start, end))
    return Signers(_merge([*seen, *found.signatories]), found.states)
