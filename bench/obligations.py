"""Provisions and ATOP obligations over a corpus of agreement texts.

Usage: python bench/obligations.py [CORPUS_DIR] [--show-hits] [--embeddings]

For every text (default: the 193 GGO texts in ../shared/corpus/agreements-ggo),
runs ingest, structure and agreements once, then times what issue 3 adds
(provisions + obligations) and prints:

- the extractors' time per MB of text (the first call's one-time load of
  quantulum3's unit tables is reported separately);
- every text where an obligation is found present (or excluded), with the
  deciding clause, for reading by hand;
- domain agreement: the domain of the agreement's title (same lexicon) vs the
  majority main domain of its provisions, over texts where both are known.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "agreements-ggo"


def _title_domain(doc, agreements, classify) -> tuple[str, str]:
    """The domain the agreement's title names: its extracted title, else the document's,
    else the text's opening words (GGO texts start with the title, often run on)."""
    primary = next((a for a in agreements if a.role == "primary" and a.title), None)
    candidates = [primary.title if primary else None,
                  doc.text[doc.title.start : doc.title.end] if doc.title else None,
                  doc.text[:200]]
    for title in filter(None, candidates):
        domain = classify(title)[0]
        if domain != "other":
            return domain, title
    return "other", candidates[0] or ""


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bank_leave_one_out() -> None:
    """Every bank clause coded as a one-clause treaty with its own treaty's rows left out."""
    from pactlens.extract.treaty.obligations import CODING, Coding, clause_hits
    from pactlens.extract.treaty.provisions import Unit
    from pactlens.ingest.types import NormalizedText, OffsetMap
    from pactlens.resources import atop_bank
    from pactlens.structure.doc import Doc, Span

    modes = {"rules": Coding(embeddings=False, leave_one_out=True),
             "embeddings": Coding(rules=False, leave_one_out=True), "both": Coding(leave_one_out=True)}
    right = dict.fromkeys(modes, 0)
    by_label: dict[str, Counter] = {}
    for c in atop_bank.clauses():
        norm = NormalizedText(source="bank", sha256="0" * 64, media_type="text/plain", text=c.text,
                              original=c.text, offsets=OffsetMap([(0, len(c.text), 0, len(c.text))]))
        doc, span = Doc(text=c.text, source=norm), Span(0, len(c.text))
        for mode, coding in modes.items():
            token = CODING.set(coding)
            try:
                got = {h.type for h in clause_hits(doc, Unit("a", "1", span, (span,), "primary")) if h.present}
            finally:
                CODING.reset(token)
            ok = not got if c.label == "none" else c.label in got and got <= {c.label, "defense", "offense"}
            right[mode] += ok
            by_label.setdefault(c.label, Counter())[mode] += ok
    n = len(atop_bank.clauses())
    print(f"bank leave-one-out ({n} clauses, each coded without its treaty's rows): "
          + ", ".join(f"{m} {right[m]}/{n}" for m in modes))
    for label, counts in by_label.items():
        total = sum(1 for c in atop_bank.clauses() if c.label == label)
        print(f"  {label:<14}" + "  ".join(f"{m} {counts[m]}/{total}" for m in modes))


def _embeddings(files: list[Path]) -> None:
    from pactlens import ingest
    from pactlens.extract.treaty import obligations as ob
    from pactlens.extract.treaty.obligation_rules import DETECTORS
    from pactlens.extract.agreements import find_agreements
    from pactlens.extract.commitment import folded
    from pactlens.extract.kind import classify as kind_of
    from pactlens.extract.treaty.provisions import find_units
    from pactlens.resources import atop_bank, embeddings
    from pactlens.structure import build

    texts: list[str] = []
    read = 0
    for path in files:
        doc = build(ingest.load(str(path)))
        for unit in find_units(doc, find_agreements(doc, kind_of(doc))):
            clauses = ob._candidates(doc, unit, {})
            read += len(clauses)
            # what the coder embeds: binding clauses of the agreement's text carrying a type's anchor words
            texts += [c.text for c in clauses if c.level == "binding" and unit.role == "primary"
                      and any(rx.search(c.text) for rx in ob._ANCHORS.values())]
    before = _rss_mb()
    t0 = time.perf_counter()
    embeddings.load()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    atop_bank.vectors()
    bank_s = time.perf_counter() - t0
    mem = _rss_mb() - before
    t0 = time.perf_counter()
    vecs = embeddings.encode(texts)
    atop_bank.best_by_label(vecs)
    embed_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in texts:
        low = folded(text)
        for detect in DETECTORS.values():
            detect(text, low)
    rules_s = time.perf_counter() - t0
    n = max(1, len(texts))
    print(f"embedding model: {embeddings.MODEL_ID}, {embeddings.dimensions()} dimensions")
    print(f"load: {load_s:.2f} s, bank ({len(atop_bank.clauses())} clauses) embedded in {bank_s:.3f} s, "
          f"peak RSS +{mem:.0f} MB")
    print(f"clauses read in {len(files)} texts: {read}; embedded (binding, anchor words): {len(texts)} "
          f"(mean {sum(map(len, texts)) / n:.0f} chars)")
    print(f"embedding + nearest bank clauses: {embed_s:.2f} s = {embed_s / n * 1000:.3f} ms per clause")
    print(f"rules on the same clauses:        {rules_s:.2f} s = {rules_s / n * 1000:.3f} ms per clause"
          f" (embedding/rules: {embed_s / max(rules_s, 1e-9):.2f}x)")
    _bank_leave_one_out()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--show-hits", action="store_true", help="print each deciding clause in full")
    ap.add_argument("--embeddings", action="store_true", help="measure the embedding signal and the bank instead")
    args = ap.parse_args()
    if args.embeddings:
        _embeddings(sorted(p for p in args.corpus.iterdir() if p.is_file() and p.suffix == ".txt"))
        return

    from pactlens import ingest
    from pactlens.extract.agreements import find_agreements
    from pactlens.extract.domains import classify
    from pactlens.extract.kind import classify as kind_of
    from pactlens.extract.treaty.obligations import find_obligations
    from pactlens.extract.treaty.provisions import find_provisions
    from pactlens.extract.quantities import find_quantities
    from pactlens.structure import build

    t0 = time.perf_counter()
    find_quantities("55 billion cubic metres per year")
    warmup = time.perf_counter() - t0

    files = sorted(p for p in args.corpus.iterdir() if p.is_file() and p.suffix == ".txt")
    chars, spent, provisions_n = 0, 0.0, 0
    hits: list[str] = []
    misses: list[str] = []
    agree = compared = no_title_domain = no_provisions = 0
    for path in files:
        doc = build(ingest.load(str(path)))
        agreements = find_agreements(doc, kind_of(doc))
        t0 = time.perf_counter()
        provisions = find_provisions(doc, agreements)
        obligations = find_obligations(doc, agreements, provisions)
        spent += time.perf_counter() - t0
        chars += len(doc.text)
        provisions_n += len(provisions)
        for ob in obligations:
            if ob.evidence:
                clause = ob.evidence[0].text if args.show_hits else ob.evidence[0].text[:160]
                hits.append(f"{path.name}\t{ob.type}\tpresent={ob.present}\tart={','.join(ob.articles)}\t{clause}")
        title_domain, title = _title_domain(doc, agreements, classify)
        mains = Counter(p.domain for p in provisions if p.domain != "other")
        if title_domain == "other":
            no_title_domain += 1
        elif not mains:
            no_provisions += 1
        else:
            compared += 1
            majority = mains.most_common(1)[0][0]
            agree += majority == title_domain
            if majority != title_domain:
                misses.append(f"{path.name}\ttitle={title_domain}\tprovisions={majority}\t{' '.join(title.split())[:100]}")
    mb = chars / 1e6
    print(f"texts: {len(files)}, {mb:.2f} M chars, provisions: {provisions_n}")
    print(f"provisions+obligations: {spent:.2f} s = {spent / mb:.2f} s per M chars (+{warmup:.2f} s one-time quantulum3 load)")
    print(f"obligation clauses found: {len(hits)}")
    for h in hits:
        print("  " + h)
    rate = agree / compared if compared else float("nan")
    print(f"domain agreement (title vs majority of provisions): {agree}/{compared} = {rate:.3f}"
          f" (title without a domain: {no_title_domain}; no domain-bearing provisions: {no_provisions})")
    for m in misses:
        print("  " + m)


if __name__ == "__main__":
    sys.exit(main())
