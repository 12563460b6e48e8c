"""The document page as a reader (pactlens.web.reader): pages cut at paragraph breaks, the
outline, records grouped with "show all", links to a record or an article across pages.

Pages are made small here (monkeypatched PAGE_CHARS) so the North Atlantic Treaty
(tests/fixtures/web, 7 KB) spans several pages, as NAFTA does at the real page size.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from pactlens.web import create_app, marks, reader
from test_web_support import NATO, lib, nato  # noqa: F401 (lib: fixture)

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def analysed():
    """The pipeline's own analysis of the treaty (its structure: preamble, 14 articles, final clause)."""
    from pactlens.pipeline import analyze

    return analyze(str(NATO))


@pytest.fixture()
def small_pages(monkeypatch):
    monkeypatch.setattr(reader, "PAGE_CHARS", 2000)


def test_pages_cover_the_text_and_end_after_a_paragraph():
    text = NATO.read_text(encoding="utf-8")
    bounds = reader.page_bounds(text, 2000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text) and len(bounds) >= 3
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(text[e - 2:e] == "\n\n" or text[e - 1] == "\n" for _, e in bounds[:-1])
    assert reader.page_of(bounds, 0) == 1 and reader.page_of(bounds, len(text) - 1) == len(bounds)


def test_a_text_without_line_breaks_is_still_paged():
    text = "word " * 3000  # 15,000 characters on one line
    bounds = reader.page_bounds(text, 4000)
    assert [e - s for s, e in bounds] == [4000, 4000, 4000, 3000]


def test_the_pieces_of_a_page_are_its_text_with_anchors_where_entries_start(analysed):
    text = analysed.document.text
    bounds = reader.page_bounds(text, 2000)
    entries = reader.outline(analysed, bounds)
    segments = marks.segments(text, marks.records(analysed))
    anchors = {e.start: e.anchor for e in entries}
    for lo, hi in bounds:
        pieces = list(reader.page_pieces(segments, lo, hi, anchors))
        assert "".join(p.segment.text for p in pieces) == text[lo:hi]
        assert {p.segment.start for p in pieces if p.anchor} == {o for o in anchors if lo <= o < hi}


def test_the_outline_of_a_treaty_lists_preamble_articles_and_final_clause_in_order(analysed):
    entries = reader.outline(analysed, reader.page_bounds(analysed.document.text, 2000))
    kinds = [e.kind for e in entries]
    assert kinds[0] == "preamble" and kinds.count("article") == 14 and kinds[-1] == "final"
    assert [e.start for e in entries] == sorted(e.start for e in entries)
    assert reader.find_anchor(entries, "5").label.startswith("Article 5")
    assert reader.find_anchor(entries, "Article 14").anchor == "art-14"
    assert len({e.anchor for e in entries}) == len(entries)


def test_the_outline_of_a_brief_lists_its_headings_and_notes():
    """A report's section headings and its notes; short sentences are not headings. The text
    is written for this test in the shape of a CRS report (heading lines between paragraphs)."""
    from pactlens.pipeline import analyze_bytes

    brief = ("Russia and Iran: the 2025 Treaty\n\nSummary\n\n"
             "The two governments signed a treaty on 17 January 2025.[1] It runs for twenty years.\n\n"
             "Background and Negotiations\n\nTalks began in 2022. They ended.\n\n"
             "Implications for the Region\n\nNeighbours were consulted.[2]\n\n"
             "Notes\n\n[1] Al Jazeera, January 17, 2025.\n\n[2] AP News, January 18, 2025.\n").encode()
    a = analyze_bytes(brief, "brief.txt")
    entries = reader.outline(a, reader.page_bounds(a.document.text))
    labels = [e.label for e in entries if e.kind == "section"]
    assert {"Summary", "Background and Negotiations", "Implications for the Region"} <= set(labels)
    assert not {"They ended.", "Talks began in 2022. They ended.", "Neighbours were consulted.[2]"} & set(labels)
    assert entries[-1].kind == "notes"


def test_records_are_grouped_with_the_rest_behind_show_all():
    refs = [marks.RecordRef(id=f"entity-{i}", kind="entity", label=str(i), spans=[(i, i + 1)]) for i in range(20)]
    refs.insert(0, marks.RecordRef(id="obligation-1", kind="obligation", label="o", spans=[(5000, 5010)]))
    groups = reader.groups(refs, [(0, 4000), (4000, 8000)], shown=8)
    assert [g.kind for g in groups] == ["obligation", "entity"]
    assert groups[0].shown[0][1] == 2  # its evidence is on page 2
    assert (len(groups[1].shown), len(groups[1].more), groups[1].count) == (8, 12, 20)


def test_a_long_document_is_paged_and_every_record_reaches_its_evidence(lib, small_pages, analysed):
    doc_id, _ = lib.add(analysed)
    client = TestClient(create_app(library=lib))
    first = client.get(f"/documents/{doc_id}", headers=HTML).text
    assert "Page 1 of" in first and 'class="outline"' in first
    pages = int(re.search(r"Page 1 of (\d+)", first)[1])
    assert pages >= 3
    # Every record link names the page of its evidence; that page marks the record.
    for rid, page in set(re.findall(r'href="(?:\?page=\d+)?#r-([\w-]+)" class="rec" data-r="[\w-]+" '
                                    r'data-page="(\d+)"', first)):
        html = client.get(f"/documents/{doc_id}?page={page}").text
        assert re.search(rf'<mark data-r="[^"]*\b{rid}\b', html), (rid, page)
    # An article's outline entry leads to the page where its anchor is.
    art14 = re.search(r'<a href="\?page=(\d+)#art-14">', first)
    assert art14 and 'id="art-14"' in client.get(f"/documents/{doc_id}?page={art14[1]}").text


def test_a_url_can_point_at_a_record_or_an_article(lib, small_pages, analysed):
    doc_id, _ = lib.add(analysed)
    client = TestClient(create_app(library=lib), follow_redirects=False)
    r = client.get(f"/documents/{doc_id}", params={"art": "12"})
    assert r.status_code == 302 and re.fullmatch(rf"/documents/{doc_id}\?page=\d+#art-12", r.headers["location"])
    assert 'id="art-12"' in client.get(r.headers["location"].split("#")[0]).text
    last = [x for x in marks.records(analysed)][-1]
    r = client.get(f"/documents/{doc_id}", params={"r": last.id})
    assert r.status_code == 302 and r.headers["location"].endswith("#r-" + last.id)
    assert client.get(f"/documents/{doc_id}", params={"art": "99"}, headers=HTML).status_code == 404
    assert client.get(f"/documents/{doc_id}", params={"r": "provision-999"}, headers=HTML).status_code == 404


def test_an_agreement_only_mentioned_gets_a_line_not_a_card_of_not_stated(lib):
    from pactlens.model import Agreement, Evidence

    a = nato()
    text = a.document.text
    start = text.index("Charter of the United Nations")
    a.agreements.append(Agreement(id="ag2", title="Charter of the United Nations", kind="treaty", role="related",
                                  evidence=[Evidence(start=start, end=start + 29, text=text[start:start + 29])]))
    doc_id, _ = lib.add(a)
    page = TestClient(create_app(library=lib)).get(f"/documents/{doc_id}").text
    assert page.count('<article class="card profile">') == 1
    assert "Also mentioned" in page and "Charter of the United Nations</a>" in page


def test_the_agreements_and_timeline_are_on_the_first_page_only(lib, small_pages, analysed):
    """A long treaty's further pages carry its text and records, not its profile again (Lomé IV
    repeated some 900 provisions on each of 18 pages); they link to the first page's."""
    doc_id, _ = lib.add(analysed)
    client = TestClient(create_app(library=lib))
    first, second = (client.get(f"/documents/{doc_id}", params={"page": k}, headers=HTML).text for k in (1, 2))
    assert 'id="agreements"' in first and 'id="timeline"' in first and 'href="#agreements"' in first
    assert 'id="agreements"' not in second and 'id="timeline"' not in second and 'class="profile' not in second
    assert 'href="?page=1#agreements"' in second and 'id="doctext"' in second and 'class="panel"' in second


@pytest.fixture()
def few_shown(monkeypatch):
    monkeypatch.setattr(reader, "SHOWN", 2)


def _ids_listed(html: str) -> set[str]:
    return set(re.findall(r'class="rec" data-r="([\w-]+)"', html))


def test_long_lists_show_their_first_few_and_fetch_the_rest_on_demand(lib, small_pages, few_shown, analysed):
    """A long treaty's first page listed every record (some 2,500 links on Lomé IV): now each
    list shows its first few, and "show all" names where the rest is. Fetched, the rest has
    links that name the page whole (they work inside the page and opened on their own)."""
    doc_id, _ = lib.add(analysed)
    client = TestClient(create_app(library=lib))
    first = client.get(f"/documents/{doc_id}", headers=HTML).text
    sources = re.findall(r'<details class="more" data-src="([^"]+)"', first)
    assert sources and all(src.startswith(f"/documents/{doc_id}/more?") for src in sources)
    listed = _ids_listed(first)
    for src in sources:
        rest = client.get(src.replace("&amp;", "&"), headers=HTML)
        assert rest.status_code == 200 and rest.text.startswith('<ul class="more-items">')
        for rid, page in re.findall(rf'href="/documents/{doc_id}\?page=(?:\d+)#r-([\w-]+)" class="(?:rec|goto)" '
                                    r'data-r="[\w-]+" data-page="(\d+)"', rest.text):
            listed.add(rid)
            page_html = client.get(f"/documents/{doc_id}?page={page}").text
            assert re.search(rf'<mark data-r="[^"]*\b{rid}\b', page_html), (rid, page)
    panel = {r.id for r in marks.records(analysed)}
    assert panel <= listed  # every record is on the page or one "show all" away
    assert len(_ids_listed(first)) < len(panel)


def test_a_list_the_document_does_not_have_is_not_found(lib, analysed):
    doc_id, _ = lib.add(analysed)
    client = TestClient(create_app(library=lib))
    for query in ({"kind": "quotation"}, {"kind": "provision", "agreement": "nope", "domain": "defence"},
                  {"kind": "entity", "agreement": analysed.agreements[0].id, "domain": "defence"}):
        assert client.get(f"/documents/{doc_id}/more", params=query, headers=HTML).status_code == 404
    assert client.get("/documents/nope/more", params={"kind": "entity"}, headers=HTML).status_code == 404
    assert client.get(f"/documents/{doc_id}/more", params={"kind": "<b>"}, headers=HTML).status_code == 422


def test_a_stored_version_is_parsed_once_for_all_its_pages_lists_and_links(lib, small_pages, few_shown, analysed,
                                                                           monkeypatch):
    """Parsing a long treaty's stored analysis cost 0.1-0.3 s and every page, list and ?r= link
    paid it again; now once per stored version (a document stored again is parsed again)."""
    from pactlens.store import Library

    parsed = []
    real = Library.get
    monkeypatch.setattr(Library, "get", lambda self, i: parsed.append(i) or real(self, i))
    doc_id, _ = lib.add(analysed)
    client = TestClient(create_app(library=lib), follow_redirects=False)
    first = client.get(f"/documents/{doc_id}", headers=HTML).text
    src = re.search(r'<details class="more" data-src="([^"]+)"', first)[1].replace("&amp;", "&")
    assert client.get(src).status_code == 200 and client.get(f"/documents/{doc_id}?page=2").status_code == 200
    assert client.get(f"/documents/{doc_id}", params={"art": "5"}).status_code == 302
    assert parsed == [doc_id]
    changed = analysed.model_copy(deep=True)
    changed.document.title = "North Atlantic Treaty (stored again)"
    lib.add(changed, replace=True)
    client.app.state.pages.recheck_all()
    assert "stored again" in client.get(f"/documents/{doc_id}?page=3").text and parsed == [doc_id, doc_id]
