"""Units of the web app: span segmentation, SVG pictures, profiles, upload checks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactlens.model import Event
from pactlens.web import marks, network, svg, views
from pactlens.web.problems import ProblemError
from pactlens.web.uploads import check_type, safe_name
from test_web_support import NATO, anz, nato


def ref(rid: str, *spans: tuple[int, int]) -> marks.RecordRef:
    return marks.RecordRef(id=rid, kind=rid.split("-")[0], label=rid, spans=list(spans))


def test_segments_split_overlaps_and_carry_every_covering_record():
    text = "The Parties will assist the Party so attacked."
    segs = marks.segments(text, [ref("provision-1", (0, 45)), ref("obligation-1", (12, 33))])
    assert [(s.text, s.records) for s in segs] == [
        ("The Parties ", ("provision-1",)),
        ("will assist the Party", ("obligation-1", "provision-1")),
        (" so attacked", ("provision-1",)),
        (".", ()),
    ]


def test_segments_of_one_record_with_two_touching_spans_stay_marked():
    segs = marks.segments("abcdef", [ref("quote-1", (0, 3), (3, 6))])
    assert [(s.text, s.records) for s in segs] == [("abcdef", ("quote-1",))]


def test_segments_clip_spans_outside_the_text():
    segs = marks.segments("abc", [ref("event-1", (1, 99)), ref("event-2", (50, 60))])
    assert [(s.text, s.records) for s in segs] == [("a", ()), ("bc", ("event-1",))]


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=6))
def test_segments_rebuild_the_text_and_cover_exactly_the_spans(text, raw):
    refs = [ref(f"r-{i}", (min(a, b), max(a, b))) for i, (a, b) in enumerate(raw)]
    segs = marks.segments(text, refs)
    assert "".join(s.text for s in segs) == text
    for s in segs:
        for r in refs:
            (a, b), = r.spans
            covered = a < min(b, len(text)) and a <= s.start and s.end <= b
            assert (r.id in s.records) == covered


def test_records_number_each_kind_and_skip_records_without_evidence():
    refs = marks.records(nato())
    ids = [r.id for r in refs]
    assert ids[:3] == ["agreement-1", "obligation-1", "obligation-2"]  # the absent offense has no evidence
    assert "obligation-3" not in ids and ids.count("event-1") == 1


def test_profile_rows_follow_atop_order_and_link_records():
    a = nato()
    refs = marks.records(a)
    p = views.profile(a, a.agreements[0], {r.key: r.id for r in refs})
    assert [(o.type, o.state, o.articles) for o in p.obligations] == [
        ("defense", "yes", "5"), ("offense", "no", ""), ("neutrality", "not stated", ""),
        ("nonaggression", "not stated", ""), ("consultation", "yes", "4")]
    assert p.obligations[0].record == "obligation-1" and p.obligations[1].record is None
    assert p.obligations[0].conditions == ["location: in Europe or North America"]
    assert [g.domain for g in p.domains][0] in {"defence", "security", "other"}
    assert p.quantities == [("13", "twenty years")]


@pytest.mark.parametrize("make,expected", [(nato, "defence"), (anz, "consultation")])
def test_network_class(make, expected):
    assert views.network_class(make().obligations) == expected


def test_network_class_groups_active_and_passive_obligations():
    from pactlens.model import Obligation

    def ob(t, present=True):
        return Obligation(agreement="a", type=t, present=present, confidence=1)

    assert views.network_class([ob("offense")]) == "defence"
    assert views.network_class([ob("nonaggression"), ob("consultation")]) == "neutrality"
    assert views.network_class([ob("defense", present=False)]) == "none"


def test_timeline_lanes_do_not_overlap_and_escape_text():
    a = anz()
    events = [(e, f"event-{i}") for i, e in enumerate(a.events, 1)]
    events.append((Event(date="1944", precision="year", kind="x<y", summary="<b>bold</b> claim",
                         evidence=a.events[0].evidence), None))
    out = str(svg.timeline(events))
    assert out.startswith("<svg") and "<b>" not in out and "&lt;b&gt;bold&lt;/b&gt;" in out
    assert 'data-r="event-1"' in out and ">1944</text>" in out
    labels = [(float(x), float(y), len(t)) for x, y, t in re.findall(r'<text x="([\d.]+)" y="([\d.]+)">([^<]*)', out)]
    for i, (x1, y1, n1) in enumerate(labels):
        for x2, y2, n2 in labels[i + 1:]:
            if y1 == y2:  # same lane: the boxes must not overlap
                assert x1 + n1 * svg.CHAR_W <= x2 or x2 + n2 * svg.CHAR_W <= x1


def test_a_timeline_of_many_events_merges_the_identical_and_clusters_by_year():
    ev0 = anz().events[0].evidence

    def event(d, summary):
        return Event(date=d, precision="day", kind="meeting", summary=summary, evidence=ev0)

    few = [(event("2025-01-17", "Treaty signed in Moscow"), "event-1"),
           (event("2025-01-17", "Treaty  signed in moscow"), "event-2"),
           (event("2024-06-01", "Talks resumed"), "event-3")]
    out = str(svg.timeline(few))
    assert out.count('<g class="event') == 2 and "(×2)" in out
    many = [(event(f"{1950 + i % 60}-0{1 + i % 9}-1{i % 10}", f"Meeting number {i}"), f"event-{i}") for i in range(130)]
    out = str(svg.timeline(many))
    marks = out.count('<g class="event')
    counts = [int(n) for n in re.findall(r"\d{4}–\d{4} · (\d+) events</text>", out)]
    assert marks <= 24 and len(counts) == marks and sum(counts) == 130  # one mark per span of years, with its count
    assert out.rindex('class="stem"') < out.index("<text x=")  # every stem under every label
    lanes = {float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)">', out)}
    assert len(lanes) <= 6


def test_timeline_of_undated_events_is_empty():
    assert str(svg.timeline([])) == ""
    bad = Event(date="sometime", precision="year", kind="k", summary="s", evidence=nato().events[0].evidence)
    assert str(svg.timeline([(bad, None)])) == ""


def _graph(nodes, links, hubs=()):
    return network.Graph(nodes={k: k for k in nodes}, hubs=set(hubs), links=links)


def test_network_layout_is_deterministic_and_fills_the_canvas():
    nodes = ("AUS", "NZL", "USA", "GBR", "FRA", "IRN", "RUS", "PRK")
    links = [network.Link("AUS", "NZL", "ANZ", "consultation", "/d/1"),
             network.Link("USA", "GBR", "NAT", "defence", "/d/2"),
             network.Link("GBR", "FRA", "NAT", "defence", "/d/2"), network.Link("USA", "FRA", "NAT", "defence", "/d/2"),
             network.Link("IRN", "RUS", "CSP", "none", "/d/3"), network.Link("RUS", "PRK", "CSP2", "defence", "/d/4"),
             network.Link("IRN", "RUS", "Other <&>", "consultation", "/d/5")]
    one, two = str(network.draw(_graph(nodes, links))), str(network.draw(_graph(nodes, links)))
    assert one == two
    assert "Other &lt;&amp;&gt;" in one
    coords = [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.-]+)" cy="([\d.-]+)"', one)]
    assert len(coords) == len(nodes) and len(set(coords)) == len(coords)
    xs, ys = [x for x, _ in coords], [y for _, y in coords]
    assert min(xs) >= 0 and max(xs) <= network.WIDTH and min(ys) >= 0 and max(ys) <= network.HEIGHT
    assert max(xs) - min(xs) > 0.8 * network.WIDTH and max(ys) - min(ys) > 0.8 * network.HEIGHT  # uses the canvas


def _label_boxes(svg_text: str) -> list[tuple[float, float, float, float]]:
    boxes = []
    for x, y, anchor, label in re.findall(r'<text class="\w+" x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)">'
                                          r'([^<]*)</text>', svg_text):
        x, y, w = float(x), float(y), len(label) * network.CHAR_W
        left = {"start": x, "end": x - w, "middle": x - w / 2}[anchor]
        boxes.append((left, y - 11, left + w, y + 2))
    return boxes


def test_labels_never_overlap_in_a_crowded_network():
    """53 states in a ring of bilateral agreements plus chords, as the issue's library had."""
    keys = [f"S{i:02d}" for i in range(53)]
    links = [network.Link(keys[i], keys[(i + 1) % 53], "T", "none", "/d/1") for i in range(53)]
    links += [network.Link(keys[i], keys[(i * 7) % 53], "U", "defence", "/d/2") for i in range(0, 53, 2) if i]
    picture = str(network.draw(_graph(keys, links)))
    boxes = _label_boxes(picture)
    assert len(boxes) > 20  # most states are labelled
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5), (a, b)


def test_components_group_connected_states():
    groups = network.components(["A", "B", "C", "D", "E"], [("A", "B"), ("B", "C"), ("D", "E")])
    assert groups == [["A", "B", "C"], ["D", "E"]]
    assert network.short_label("European Economic Community") == "EEC" and network.short_label("USA") == "USA"


@pytest.mark.parametrize("name,data", [("a.txt", b"words"), ("a.md", b"# T"), ("a.html", b"<p>x</p>"),
                                       ("a.pdf", b"%PDF-1.4"), ("a.docx", b"PK\x03\x04rest"), ("A.TXT", b"x")])
def test_check_type_accepts_supported_files(name, data):
    check_type(data, name)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16"])
def test_check_type_accepts_wide_unicode_text_as_ingest_does(encoding):
    """Issue 14: UTF-16/32 text with or without a BOM is text (ingest decodes it); the
    excerpt is Article 5 of the North Atlantic Treaty (tests/fixtures/web)."""
    text = NATO.read_text(encoding="utf-8")
    check_type(text[text.index("Article 5"):text.index("Article 6")].encode(encoding), "art5.txt")
    check_type("Les Parties conviennent qu'une attaque armée …".encode(encoding), "fr.txt")  # not Latin-1 only


@pytest.mark.parametrize("name,data,status", [("a.exe", b"MZ", 415), ("a", b"x", 415), ("a.pdf", b"text", 415),
                                              ("a.txt", b"PK\x03\x04", 415), ("a.txt", b"\x00\x01\x02\x03" * 100, 415),
                                              ("a.txt", bytes(range(256)) * 64, 415),
                                              ("a.txt", b" \n\t", 422)])
def test_check_type_refuses(name, data, status):
    with pytest.raises(ProblemError) as err:
        check_type(data, name)
    assert err.value.status == status


@pytest.mark.parametrize("raw,expected", [("../../x.txt", "x.txt"), ("C:\\dir\\y.md", "y.md"), ("", "upload.txt"),
                                          (None, "upload.txt"), ("plain.pdf", "plain.pdf")])
def test_safe_name(raw, expected):
    assert safe_name(raw) == expected


@pytest.mark.parametrize(("source", "name"), [("/work/briefs/russia-iran.txt", "russia-iran.txt"),
                                              ("C:\\briefs\\note.docx", "note.docx"),
                                              ("https://example.org/r1.html", "https://example.org/r1.html"),
                                              ("upload.txt", "upload.txt")])
def test_a_source_is_shown_without_the_servers_folders(source, name):
    assert views.public_source(source) == name


def test_an_agreement_is_named_by_title_else_by_kind_parties_and_year():
    """Parties as the NAFTA text (GGO NRTAFT_1992A) names them; a bloc's members added by the
    pipeline (``via``) are not listed as if the text named them."""
    from pactlens.model import Party

    north_america = [Party(name="Canada", iso3="CAN"), Party(name="Mexico", iso3="MEX"),
                     Party(name="United States", iso3="USA")]
    assert views.agreement_name("North American Free Trade Agreement", north_america) == \
        "North American Free Trade Agreement"
    assert views.agreement_name(None, north_america, "1992-12-17", "agreement") == \
        "Agreement of Canada, Mexico and United States, 1992"
    eec = [Party(name="European Economic Community"), Party(name="France", via="European Economic Community")]
    assert views.agreement_name(None, eec, None, "other") == "Agreement of European Economic Community"
    assert views.agreement_name(None, [], None, "treaty") == "Untitled treaty"


def test_search_highlight_marks_query_words_and_never_the_inside_of_an_escaped_character():
    from pactlens.web.pages import highlight_terms, query_pattern

    # a sentence of the North Atlantic Treaty (Article 5), with markup-like text around it
    sentence = 'an armed attack against one or more of them <b>& "Parties"</b>'
    html = str(highlight_terms(sentence, query_pattern("attack amp 34 lt parties")))
    assert html == ('an armed <mark>attack</mark> against one or more of them &lt;b&gt;&amp; '
                    '&#34;<mark>Parties</mark>&#34;&lt;/b&gt;')
    assert str(highlight_terms("R&D attacks", query_pattern("attack"))) == "R&amp;D <mark>attacks</mark>"
    assert str(highlight_terms("a <b>", None)) == "a &lt;b&gt;"


def test_a_bloc_written_several_ways_is_one_node_of_the_network():
    """GGO agreements name the Community 'EEC', 'European Economic Community' or 'EC' (e.g.
    EEC–Malta 1970, EC–Chile); the membership table knows them as one bloc."""
    from pactlens.model import Agreement, Party, Signed
    from pactlens.model.library import StoredAgreement

    def stored(doc: str, *names: tuple[str, str | None], date: str) -> StoredAgreement:
        parties = [Party(name=n, iso3=iso3) for n, iso3 in names]
        return StoredAgreement(document_id=doc, document_kind="treaty", agreement=Agreement(
            id="a1", title=f"Agreement {doc}", kind="agreement", parties=parties, signed=Signed(date=date),
            role="primary", evidence=[]))

    g = network.build([stored("d1", ("EEC", None), ("Malta", "MLT"), date="1970-12-05"),
                       stored("d2", ("European Economic Community", None), ("Chile", "CHL"), date="1990-12-20"),
                       stored("d3", ("EC", None), ("Israel", "ISR"), date="1995-11-20"),
                       stored("d4", ("Nowhere Union", None), ("Chile", "CHL"), date="1996-01-01")],
                      views.name_of, views.network_class)
    assert g.nodes["bloc:EU"] == "European Union"
    assert sorted(g.nodes) == ["CHL", "ISR", "MLT", "Nowhere Union", "bloc:EU"]  # an unknown body keeps its name
    assert {tuple(sorted((l.a, l.b))) for l in g.links} >= {("MLT", "bloc:EU"), ("CHL", "bloc:EU"), ("ISR", "bloc:EU")}
