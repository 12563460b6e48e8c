"""Signatory figures over the GGO texts (and the other treaties and briefs), for hand checking.

Run: ``.venv/bin/python bench/signatories.py [CORPUS_DIR] [--sample N]`` (default:
``../shared/corpus``, 40 sampled signatories). Every file is read, structured,
classified and its agreements found, as ``pactlens analyze`` does. Prints, for
the GGO texts: files with at least one signatory, the total, how many carry a
party; the same for the other treaty files and the briefs; then a sample of
signatories (file, name, role, party, evidence) spread over files, to be
checked by hand against the text.

The ceiling, counted by grepping and reading every GGO text (2026-11-28): 45 of
the 193 GGO files name at least one signer (most say only "IN WITNESS WHEREOF
the undersigned ... have signed"). Eight of those 45 are all-lower-case OCR
(CRBBCV_1992O, ECGRCA_1961A, ECICLN_1972O, ECTRKA_1963A, IE11MP_1935A,
MI05RL_1953P, RGLTLL_1955A, RM04SP_1952R), which the extractor does not read;
ECTRKA_1970P lists plenipotentiaries with no appointing clause; RUS-UKRFSA_1993A
writes "Chairman of the State Committee of Ukraine on Fisheries A. N. Shestakov".
MERCSR_1991O names only the official certifying a true copy: not a signer.
Of the 5 files in ``treaties/``, only the 1944 Australian-New Zealand Agreement
names signers (fourteen names in one run under two column heads: not pairable).
Of the 8 briefs, 5 name signers: the Russia-Iran brief (Putin, Pezeshkian), CRS
R48887 (Pezeshkian; "he" is Trump), Polaris (Rusk; Churchill and Roosevelt for
the Quebec Agreement), Open Skies (Baker), Yugoslav accession (Ribbentrop,
Cvetković).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _signatories(path: Path) -> list:
    from pactlens import ingest, structure
    from pactlens.extract.agreements import find_agreements
    from pactlens.extract.kind import classify

    doc = structure.build(ingest.load(str(path)))
    return [s for a in find_agreements(doc, classify(doc)) for s in a.signatories]


def _figures(label: str, files: list[Path]) -> list[tuple[str, object]]:
    found = [(f.name, s) for f in files for s in _signatories(f)]
    with_any = len({name for name, _ in found})
    with_party = sum(s.party is not None for _, s in found)
    print(f"{label}: {len(files)} files, {with_any} with >=1 signatory, {len(found)} signatories, {with_party} with party")
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--all", action="store_true", help="list every signatory, not a sample")
    args = ap.parse_args()
    ggo = _figures("GGO", sorted((args.corpus / "agreements-ggo").glob("*.txt")))
    other = _figures("treaties", sorted((args.corpus / "treaties").glob("*.txt")))
    briefs = sorted((args.corpus / "briefs").rglob("*"))
    _figures("briefs", [b for b in briefs if b.is_file() and b.name != "SOURCES.md"])
    found = ggo + other
    # One or two per file first, so the sample spreads over layouts, not over one long list.
    rng = random.Random(7)
    picked = found if args.all else rng.sample(found, min(args.sample, len(found)))
    for name, s in sorted(picked, key=lambda x: x[0]):
        ev = s.evidence[0].text.replace("\n", " | ")[:90] if s.evidence else ""
        print(f"{name[:34]:34} {s.name[:34]:34} {str(s.party):5} {str(s.role)[:40]:40} «{ev}»")


if __name__ == "__main__":
    main()
