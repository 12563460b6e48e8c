"""Classes of promise the ATOP coder reads in any wording (issue 12), and the near misses that are
not promises. Each class: a short real excerpt (source in the test's docstring; the clause texts are
in ``resources/atop_bank.tsv`` with their sources) and a paraphrase no rule was written on.

The real excerpts are coded with ``leave_one_out`` so the embedding signal cannot simply find
the same clause in the bank; the paraphrases with both signals as ``analyze`` runs them.
"""

from __future__ import annotations

import pytest
from test_obligations import raw_doc

from pactlens.extract.treaty import promise
from pactlens.extract.treaty.obligations import CODING, Coding, clause_hits
from pactlens.extract.treaty.provisions import Unit
from pactlens.resources import atop_bank, embeddings
from pactlens.structure.doc import Span


def hits(sentence: str, coding: Coding = Coding(leave_one_out=True)):
    token = CODING.set(coding)
    try:
        span = Span(0, len(sentence))
        return {h.type: h for h in clause_hits(raw_doc(sentence), Unit("a", "1", span, (span,), "primary"))
                if h.present}
    finally:
        CODING.reset(token)


def coded(sentence: str, coding: Coding = Coding(leave_one_out=True)) -> set[str]:
    return set(hits(sentence, coding))


CLASSES = [
    # (class, expected, real excerpt, paraphrase)
    ("defense: aggression on one considered aggression on all", {"defense"},
     # Charter of the OAS 1948 (as amended), Art. 28
     "Every act of aggression by a State against the territorial integrity or the inviolability of the territory or "
     "against the sovereignty or political independence of an American State shall be considered an act of "
     "aggression against the other American States.",
     "The States Parties shall regard an armed attack upon any one of them as directed against every one of them."),
    ("defense: military means against the enemy in a war under way", {"defense"},
     # Declaration by United Nations 1942, para. 1
     "Each Government pledges itself to employ its full resources, military or economic, against those members of "
     "the Tripartite Pact and its adherents with which such government is at war.",
     "Each Party pledges to use all its military forces against the common enemy in the present war until final victory."),
    ("defense: an organ charged with the members' defence", {"defense"},
     # Arab League Joint Defence and Economic Co-operation Treaty 1950, Art. 6
     "A Joint Defence Council under the supervision of the Arab League Council shall be formed to deal with all "
     "matters concerning the implementation of the provisions of Articles 2, 3, 4 and 5 of this Treaty.",
     "The Parties shall establish a Joint Defence Board responsible for the collective defence of their territories."),
    ("nonaggression: no hostile acts from one's territory", {"nonaggression"},
     # Treaty of Friendship between Persia and the RSFSR 1921, Art. 5(1)
     "The two High Contracting Parties undertake to prohibit the formation or presence within their respective "
     "territories, of any organizations or groups of persons, irrespective of the name by which they are known, "
     "whose object is to engage in acts of hostility against Persia or Russia, or against the Allies of Russia.",
     "Each Party shall prevent its territory from being used by any organisation for hostile acts against the other Party."),
    ("nonaggression: 'in no case attack'", {"nonaggression"},
     # Treaty of Mutual Guarantee (Locarno) 1925, Art. 2
     "Germany and Belgium, and also Germany and France, mutually undertake that they will in no case attack or "
     "invade each other or resort to war against each other.",
     "The two States shall under no circumstances resort to armed force against one another."),
    ("nonaggression: a no-force pledge with damaged words", {"nonaggression"},
     # Warsaw Pact 1955, Art. 1, with the text layer's damage simulated (lost and split spaces)
     "The Contracting Parties undertake, in accordance with the Charter of the United Nations Organization, to "
     "re frain in their international relations from the thre at or use offorce.",
     "The High Contracting Parties undertake to refrain in their mutual relations from the threat or use offorce."),
    ("consultation: on foreign and security policy in general", {"consultation"},
     # Treaty on European Union (Lisbon), Art. 32
     "Member States shall consult one another within the European Council and the Council on any matter of "
     "foreign and security policy of general interest in order to determine a common approach.",
     "The Member States shall consult each other on questions of foreign and security policy with a view to "
     "coordinating their positions."),
    ("consultation: on international security issues", {"consultation"},
     # Collective Security Treaty (Tashkent) 1992, Art. 2
     "The Participating States shall consult with each other on all important issues of international security "
     "affecting their interests and coordinate positions on these issues.",
     "The Parties shall hold consultations on matters of regional security whenever either of them so requests."),
    ("not a promise: the right of collective self-defence", set(),
     # Charter of the United Nations 1945, Art. 51
     "Nothing in the present Charter shall impair the inherent right of individual or collective self-defence if "
     "an armed attack occurs against a Member of the United Nations, until the Security Council has taken "
     "measures necessary to maintain international peace and security.",
     "Nothing in this Treaty shall impair the right of individual or collective self-defence of a Party that is "
     "attacked, until the Security Council takes action."),
    ("not a promise: a dispute-settlement procedure", set(),
     # Charter of the United Nations 1945, Art. 33(1)
     "The parties to any dispute, the continuance of which is likely to endanger the maintenance of international "
     "peace and security, shall, first of all, seek a solution by negotiation, enquiry, mediation, conciliation, "
     "arbitration, judicial settlement, resort to regional agencies or arrangements, or other peaceful means of "
     "their own choice.",
     "If a dispute threatening the peace arises between the Parties, they shall negotiate and consult with a view "
     "to settling the dispute through peaceful means."),
    ("not a promise: consultation on violations to be resolved peacefully", set(),
     # Cambodia sovereignty and neutrality agreement 1991, Art. 5(1)
     "In the event of a violation or threat of violation of the sovereignty, independence, territorial integrity "
     "and inviolability, neutrality or national unity of Cambodia, or of any of the other commitments herein, the "
     "parties to this Agreement undertake to consult immediately with a view to adopting all appropriate steps to "
     "ensure respect for these commitments and resolving any such violations through peaceful means.",
     "Should the neutrality of Laos be threatened, the signatories shall consult at once in order to resolve the "
     "violation by peaceful means."),
    ("not a promise: a no-force principle towards every state", set(),
     # Charter of the United Nations 1945, Art. 2(4)
     "All Members shall refrain in their international relations from the threat or use of force against the "
     "territorial integrity or political independence of any state, or in any other manner inconsistent with the "
     "Purposes of the United Nations.",
     "Each Member shall refrain from the threat or use of force against the territorial integrity of any State."),
    ("not a promise: another instrument's obligations accepted", set(),
     # Treaty of Peace with Japan 1951, Art. 5(a)(ii)
     "Japan accepts the obligations set forth in Article 2 of the Charter of the United Nations, and in particular "
     "the obligations to refrain in its international relations from the threat or use of force against the "
     "territorial integrity or political independence of any State.",
     "Austria accepts the obligations contained in the Charter, in particular to refrain from the threat or use "
     "of force in its international relations."),
    ("not a promise: consultation on trade", set(),
     # GATT 1947, Art. XXII(1)
     "Each contracting party shall accord sympathetic consideration to, and shall afford adequate opportunity for "
     "consultation regarding, such representations as may be made by another contracting party with respect to "
     "any matter affecting the operation of this Agreement.",
     "The Parties shall consult each other on matters of trade and economic cooperation of mutual interest."),
]


@pytest.mark.parametrize(("name", "expected", "real", "paraphrase"), CLASSES, ids=[c[0] for c in CLASSES])
def test_real_excerpt_and_paraphrase(name: str, expected: set[str], real: str, paraphrase: str) -> None:
    assert coded(real) == expected
    assert coded(paraphrase, Coding()) == expected


def test_frame_reads_who_promises_from_the_parse() -> None:
    """North Atlantic Treaty Art. 5: the bound party is 'each of them', past the Art. 51 parenthesis."""
    text = next(c.text for c in atop_bank.clauses() if c.id == "nat-5")
    f = promise.read(text, "defense", text.index("will assist"), "assist")
    assert f.kind == "promise" and f.promiser_kind == "parties" and not f.negated
    assert f.trigger and "armed attack occurs" in f.trigger
    if f.via == "parse":
        assert f.promiser == "each of them"


def test_frame_calls_a_savings_clause_a_right() -> None:
    text = "Nothing in this Agreement shall prejudice the inherent right of collective self-defence."
    assert promise.read(text, "defense").kind == "right"


def test_shall_not_assist_the_aggressor_is_still_neutrality_not_defence() -> None:
    """Russia-Iran 2025 treaty as the brief puts it (examples/russia-iran-2025-brief.txt)."""
    got = coded("If one country faces external aggression, the other will not aid the aggressor.", Coding())
    assert "defense" not in got and "neutrality" in got


def test_conditions_stay_on_the_obligation() -> None:
    """Brussels Treaty 1948 Art. IV: the promise holds only for an attack in Europe."""
    text = next(c.text for c in atop_bank.clauses() if c.id == "brussels-4")
    hit = hits(text)["defense"]
    assert ("location", "in Europe") in [(c.type, c.text) for c in hit.conditions]


def test_confidence_says_which_signal_decided() -> None:
    text = next(c.text for c in atop_bank.clauses() if c.id == "nat-4")
    hit = hits(text)["consultation"]
    assert hit.signal in ("rule", "both") and hit.basis[0].startswith("rule:")


@pytest.mark.skipif(not embeddings.available(), reason="wordllama is not installed")
def test_embeddings_alone_decide_from_the_nearest_bank_clauses() -> None:
    """US-Philippines 1951 Art. IV: with the rules off the bank decides, and says which clauses."""
    text = next(c.text for c in atop_bank.clauses() if c.id == "usa-phl-4")
    hit = hits(text, Coding(rules=False))["defense"]
    assert hit.signal == "embedding" and hit.confidence < 0.7
    assert any(b.startswith("usa-phl-4 (defense)") for b in hit.basis)


@pytest.mark.skipif(not embeddings.available(), reason="wordllama is not installed")
def test_leave_one_out_removes_the_treaty_being_coded() -> None:
    text = next(c.text for c in atop_bank.clauses() if c.id == "usa-phl-4")
    assert "usa-phl-1951" in atop_bank.treaties_in("Article IV. " + text)
    hit = hits(text, Coding(rules=False, leave_one_out=True)).get("defense")
    assert hit is None or all(not b.startswith("usa-phl-4") for b in hit.basis)


def test_bank_rows_are_sourced_labelled_and_unique() -> None:
    rows = atop_bank.clauses()
    assert len({c.id for c in rows}) == len(rows)
    assert all(c.source and c.treaty and len(c.text) > 40 for c in rows)
    for label in atop_bank.LABELS:
        if label != "offense":
            assert len({c.treaty for c in rows if c.label == label}) >= 3, label


MORE_PARAPHRASES = [
    ("consultation", "The High Contracting Parties will exchange views on questions of common security."),
    ("consultation", "The Parties shall consult each other on all important international questions affecting the "
                     "security of either Party."),
    ("nonaggression", "The Parties shall settle their disputes peacefully and shall not resort to the threat or use "
                      "of force against each other."),
    ("defense", "Each Party shall consider an armed attack against the other Party as an attack against itself."),
    (None, "The Parties shall consult on questions of food security and energy supply."),
    (None, "The Parties shall exchange views on matters of security of supply of natural gas."),
    (None, "The Parties shall render each other mutual assistance in the event of natural disasters."),
]


@pytest.mark.parametrize(("expected", "sentence"), MORE_PARAPHRASES)
def test_more_paraphrases(expected: str | None, sentence: str) -> None:
    got = coded(sentence, Coding())
    assert got == set() if expected is None else expected in got
