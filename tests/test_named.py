"""People and organizations from the NER, filtered and merged (extract/prose/named.py, extract/prose/entities.py).

Each class of sentence has a short real excerpt and a paraphrase the rule was
not written on. Excerpts: CRS 95-1013 (Bahrain), R48787 (USMCA) and IF12672
(Russia's nuclear weapons), public domain; the CSIS brief "CRINK Economic Ties"
(agorahub/pen0 repost, short quotation); Wikipedia "Treaty on Open Skies"
(CC BY-SA 3.0, Wikipedia contributors). See tests/fixtures/SOURCES.md.
"""

from __future__ import annotations

import pytest

from pactlens.extract.prose.entities import find_entities
from pactlens.resources import nlp as models
from pactlens.resources.organizations import find_organizations
from tests.doc_support import make_doc

pytestmark = pytest.mark.skipif(not models.available(), reason="spaCy model not installed")


def _kind(text: str, kind: str) -> dict[str, list[str]]:
    """name -> aliases of the entities of one kind found in ``text`` read as a brief."""
    doc = make_doc(text)
    out = {}
    for e in find_entities(doc, "brief"):
        for ev in e.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
        if e.kind == kind:
            out[e.name] = e.aliases
    return out


def _orgs(text: str) -> dict[str, list[str]]:
    return _kind(text, "organization")


def _names(found: dict[str, list[str]]) -> set[str]:
    return {n for name, aliases in found.items() for n in (name, *aliases)}


@pytest.mark.parametrize("text", [
    # CRS 95-1013
    "For decades, Bahrain has permitted U.S. access to its facilities and has hosted U.S. Naval Central Command "
    "(NAVCENT) and the U.S. Fifth Fleet at a base in Manama. NAVCENT commands naval forces in the region.",
    # paraphrase
    "Since 2003 the island has hosted the Joint Logistics Support Command (JLSC), a unit of the Marine Corps. "
    "The JLSC now employs 400 civilians.",
])
def test_an_acronym_joins_the_name_it_abbreviates(text):
    orgs = _orgs(text)
    full = next(n for n in orgs if "Command" in n)
    assert any(a.isupper() for a in orgs[full])  # NAVCENT / JLSC is an alias, not an entity of its own
    assert not [n for n in orgs if n.isupper()]


@pytest.mark.parametrize(("text", "org"), [
    # CRS IF12672
    ("According to estimates from the Federation of American Scientists (FAS), Russia has around 1,718 deployed "
     "nuclear warheads. FAS also estimates that Russia has about 1,000 nonstrategic warheads.", "Federation of American Scientists"),
    # paraphrase
    ("A study by the Stockholm International Peace Research Institute (SIPRI) found that stockpiles grew in 2024. "
     "SIPRI counted 9,600 warheads in military stockpiles.", "Stockholm International Peace Research Institute"),
])
def test_research_institutes_are_organizations(text, org):
    orgs = _orgs(text)
    assert org in orgs


@pytest.mark.parametrize("text", [
    # CRS R48787 and the CSIS brief
    "The United States-Mexico-Canada Agreement (USMCA) is a trilateral free trade agreement. "
    "While negotiating the USMCA terms, officials in the first Trump Administration proposed a five-year sunset clause. "
    "In fall 2022, the Kremlin coordinated a rise in dual-use imports from China and arms deliveries from North Korea.",
    # paraphrase
    "The Biden Administration welcomed the deal, and the White House said the Élysée had been consulted.",
])
def test_governments_and_their_stand_ins_are_not_organizations(text):
    assert not _orgs(text)


@pytest.mark.parametrize("text", [
    # CRS 95-1013
    "The FY2026 National Defense Authorization Act (NDAA) authorizes Foreign Military Sales (FMS) of Multiple Launch "
    "Rocket Systems (MLRS) to Bahrain under the Status of Forces Agreement (SOFA).",
    # paraphrase
    "Under the Arms Export Control Act (AECA), Congress reviews Direct Commercial Sales (DCS) of Patriot missiles.",
])
def test_laws_agreements_programs_and_their_acronyms_are_not_organizations(text):
    assert _names(_orgs(text)) <= {"Congress"}


def test_a_currency_amount_is_not_an_organization():
    # the class of "AU$50 billion" (an amount, not the African Union); paraphrase in the same form
    text = "Canberra committed AU$50 billion to the submarines, and the AU summit in Addis Ababa took note."
    assert [m.form for m in find_organizations(text)] == ["AU"]


def test_a_states_own_council_is_not_the_uns():
    # paraphrase of the CRS pattern "Bahrain's National Security Council"
    text = "Bahrain's National Security Council met on Sunday; the Security Council in New York did not."
    found = find_organizations(text)
    assert [m.form for m in found] == ["Security Council"] and found[0].start > 40


@pytest.mark.parametrize(("text", "person", "role"), [
    # CRS 95-1013
    ("In congressional testimony in 2025, Chief of Naval Operations Admiral Daryl Caudle said Bahrain remains vital. "
     "Caudle added that the base hosts the Fifth Fleet.", "Daryl Caudle", "Admiral"),
    # paraphrase
    ("Indo-Pacific Commander Admiral Jane Roe testified that the fleet is stretched. Roe asked for more ships.",
     "Jane Roe", "Admiral"),
])
def test_titles_go_to_role_and_surnames_join_the_full_name(text, person, role):
    doc = make_doc(text)
    people = [e for e in find_entities(doc, "brief") if e.kind == "person"]
    hit = [e for e in people if e.name == person]
    assert hit and hit[0].role == role and hit[0].mentions == 2
    assert not [e for e in people if e.name != person]


@pytest.mark.parametrize("text", [
    # Wikipedia, Treaty on Open Skies
    "The treaty is not related to civil-aviation open skies agreements. Its depositaries are Canada and Hungary, and "
    "the Open Skies Consultative Commission, which meets monthly at the Organization for Security and Co-operation "
    "in Europe headquarters in Vienna, oversees it. In 2002 the North Atlantic Treaty Organisation welcomed the treaty.",
])
def test_a_spelling_the_gazetteer_lacks_joins_its_entry(text):
    orgs = _orgs(text)
    assert "North Atlantic Treaty Organization" in orgs and "North Atlantic Treaty Organisation" in orgs["North Atlantic Treaty Organization"]
    assert "Open Skies Consultative Commission" in orgs


def test_a_bare_head_joins_the_one_organization_it_can_mean():
    # paraphrase of the Wikipedia "Polaris Sales Agreement" pattern (Royal Navy vs. US Navy)
    text = ("The Royal Navy would operate the boats. The Navy wanted four submarines, "
            "and the Admiralty agreed. Later the United States Navy offered help.")
    orgs = _orgs(text)
    assert "Navy" not in orgs  # two navies: a bare "Navy" is left unresolved rather than guessed


def _people(text: str) -> dict[str, list[str]]:
    return _kind(text, "person")


@pytest.mark.parametrize(("text", "people"), [
    # Daily Mail, 15 Sept. 2020 (photo caption in the article)
    ("President Donald Trump and first lady Melania Trump welcome Prime Minister of Israel Benjamin Netanyahu and "
     "his wife Sara to the White House for the signing ceremony. Trump said the deals were historic.",
     {"Donald Trump", "Melania Trump", "Benjamin Netanyahu"}),
    # paraphrase
    ("Chancellor Helmut Kohl arrived with his wife Hannelore Kohl. Kohl later told reporters the talks went well.",
     {"Helmut Kohl", "Hannelore Kohl"}),
])
def test_family_members_are_not_one_person_and_the_bare_surname_is_the_first_named(text, people):
    found = _people(text)
    assert set(found) == people
    first = next(iter(sorted(people, key=text.find)))
    doc = make_doc(text)
    person = next(e for e in find_entities(doc, "brief") if e.name == first)
    assert person.mentions == 2


@pytest.mark.parametrize(("text", "name"), [
    # CSIS, "U.S.-Japan Security" (Japanese names written family name first)
    ("In 2022, the government led by Prime Minister Kishida Fumio unveiled the second National Security Strategy. "
     "Kishida also has worked to deepen ties with South Korea.", "Kishida Fumio"),
    # paraphrase
    ("The senior councillor Abe Masahiro opposed the demands of the Americans. Abe resigned in 1855.", "Abe Masahiro"),
])
def test_a_family_name_written_first_is_joined(text, name):
    found = _people(text)
    assert list(found) == [name] and found[name] == [name.split()[0]]


@pytest.mark.parametrize("text", [
    # Wikipedia, "Yugoslav accession to the Tripartite Pact"
    "Prince Paul ruled as regent for the young King Peter II. On 27 March officers proclaimed Peter II of age, "
    "and King Peter took the throne.",
    # paraphrase
    "In 1844 King William II of the Netherlands sent a letter urging Japan to open. William II received no reply.",
])
def test_a_regnal_name_is_one_person(text):
    found = _people(text)
    regnal = [n for n in found if n.endswith(" II")]
    assert len(regnal) == 1 and not [n for n in found if n in {"Peter", "William", "King Peter"}]


@pytest.mark.parametrize("text", [
    # CSIS, a photo caption's credit
    "_▲ Delegates from the United States and Japan give a post-meeting statement on May 1, 2006. | Alex Wong/Getty Images_\n\n"
    "The alliance then entered a new phase.\n",
    # paraphrase
    "Photo: Jane Roe/AP Photo\n\nThe leaders met in Hanoi on Monday.\n",
])
def test_credits_are_not_body_text(text):
    assert not _people(text)


def test_repeated_page_furniture_is_not_body_text():
    # Daily Mail: "related video" headlines repeated around the article; paraphrased names
    furniture = "Actor Jane Roe stars in a perfume advert in Paris\n\n"
    text = furniture + "President Donald Trump hailed the deal on Tuesday.\n\n" + furniture
    assert set(_people(text)) == {"Donald Trump"}


def test_a_closing_references_section_is_not_body_text():
    # Wikipedia, "Kellogg–Briand Pact" (its Further reading list)
    body = ("It is named after its authors, United States Secretary of State Frank B. Kellogg and French foreign "
            "minister Aristide Briand. Many historians and political scientists see the pact as mostly irrelevant "
            "and ineffective. After negotiations, the pact was signed in Paris by the representatives of fifteen "
            "states. It was provided that it would come into effect on 24 July 1929.")
    text = body + "\n\nFurther reading\n\n-   Ellis, Lewis Ethan. _Frank B. Kellogg and American foreign relations_ (1961).\n"
    assert set(_people(text)) == {"Frank B. Kellogg", "Aristide Briand"}


@pytest.mark.parametrize("text", [
    # Wikipedia, "Convention of Kanagawa" (a treaty's name holds a word the model calls an organization)
    "The Japan–US Treaty of Peace and Amity has twelve articles. Commodore Matthew C. Perry signed it for the "
    "United States.",
    # paraphrase, and a law's name the model cuts short (CRS R48787's pattern)
    "The Treaty of Friendship and Commerce was signed in 1858. The Bipartisan Congressional Trade Priorities and "
    "Accountability Act of 2015 sets the procedure.",
])
def test_words_of_an_agreements_name_are_not_organizations(text):
    assert not _orgs(text)


@pytest.mark.parametrize("text", [
    # Wikipedia, "Polaris Sales Agreement": places named only as where something is
    "The boats were built at Barrow and the warheads were made at Aldermaston. Work at Aldermaston went on for years.",
    # paraphrase
    "The missiles were assembled at Coulport and stored near Faslane.",
])
def test_a_one_word_name_only_ever_a_location_is_no_organization(text):
    assert not _orgs(text)


@pytest.mark.parametrize(("text", "not_people"), [
    # White House, Cambodia–Thailand joint declaration; CRS 95-1013
    ("We reaffirm the agreements reached at the General Border Committee meetings. The King Fahd Causeway links "
     "Bahrain to Saudi Arabia.", {"Border", "Fahd"}),
    # paraphrase
    ("The Regional Border Committee met in Aranyaprathet, and traffic on the King Hussein Bridge resumed.",
     {"Border", "Hussein"}),
])
def test_a_word_naming_a_body_or_a_place_is_no_person(text, not_people):
    assert not set(_people(text)) & not_people


@pytest.mark.parametrize(("text", "person", "alias"), [
    # Daily Mail, 15 Sept. 2020: a minister named by title and given name, then in full
    ("Bahraini Foreign Minister Abdullatif said the deal was historic. Abdullatif al-Zayani signed for Bahrain.",
     "Abdullatif al-Zayani", "Abdullatif"),
    # paraphrase
    ("Foreign Minister Wang said the talks were useful. Wang Yi later flew to Moscow.", "Wang Yi", "Wang"),
])
def test_a_title_and_one_name_then_the_full_name_is_one_person(text, person, alias):
    found = _people(text)
    assert person in found and alias not in found


@pytest.mark.parametrize(("text", "org"), [
    # CSIS, "U.S.-Japan Security": a caption names a body before its photo credit
    ("_▲ A military parade to commemorate the establishment of the Japan Ground Self-Defense Force in July 1954. | "
     "Mainichi Newspaper/Aflo via Getty Images_\n\nThe force grew quickly.\n", "Japan Ground Self-Defense Force"),
    # paraphrase
    ("_▲ Sailors of the Royal Australian Navy parade in Sydney in 2019. | Jane Roe/AFP via Getty Images_\n\n"
     "The navy grew quickly.\n", "Royal Australian Navy"),
])
def test_a_caption_is_body_text_but_its_credit_is_not(text, org):
    orgs = _orgs(text)
    assert org in orgs and not [n for n in orgs if "Getty" in n or "Newspaper" in n or "AFP" in n]


@pytest.mark.parametrize("text", [
    # Wikipedia, "Polaris Sales Agreement"
    "Britain had cancelled the Blue Streak missile in 1960, and the Blue Steel stand-off missile was to be replaced.",
    # paraphrase
    "The Storm Shadow cruise missiles and the Black Hawk helicopters arrived in March.",
])
def test_a_weapons_name_is_no_organization(text):
    assert not _orgs(text)


@pytest.mark.parametrize("text", [
    # CSIS, "U.S.-Japan Security" (a caption)
    "An aerial view of the Marine Corps Air Station Futenma in Okinawa prefecture, Japan in 2006.",
    # paraphrase
    "Supplies were flown from the Ramstein Air Base to the Naval Air Facility Atsugi.",
])
def test_a_base_is_no_organization(text):
    assert not [n for n in _orgs(text) if "Station" in n or "Base" in n or "Facility" in n]


@pytest.mark.parametrize(("text", "person"), [
    # Wikipedia, "North Atlantic Treaty" (CC BY-SA 3.0): one minister spelt with and without its diacritics
    ("Turkish Prime minister Ahmet Davutoglu said the operations will continue. Recordings of a conversation "
     "involving then Turkish foreign minister Ahmet Davutoğlu were released.", "Davutoğlu"),
    # paraphrase
    ("President Recep Tayyip Erdoğan spoke first. Later, President Recep Tayyip Erdogan left Ankara.", "Erdoğan"),
])
def test_a_name_with_and_without_diacritics_is_one_person(text, person):
    found = [n for n in _people(text) if "Davuto" in n or "Erdo" in n]
    assert len(found) == 1


@pytest.mark.parametrize(("text", "apart"), [
    # CRS RS21852 (the UAE): three departments, one cut short by the NER
    ("In July 2026, the Bureau of Industry and Security (BIS) at the U.S. Department of Commerce issued the rule. "
     "The UAE Air Force sent a letter to the U.S. Department of Defense in 2021. On August 28, the U.S. Department "
     "of the Treasury's Financial Crimes Enforcement Network proposed a rule.",
     {"U.S. Department of Commerce", "U.S. Department of Defense"}),
    # paraphrase
    ("The Ministry of Foreign Affairs of Japan protested, and the Ministry of Finance issued new rules.",
     {"Ministry of Foreign Affairs", "Ministry of Finance"}),
])
def test_a_name_before_of_joins_only_the_same_body_of_a_state(text, apart):
    orgs = _orgs(text)
    holders = [n for n in orgs if any(a in (n, *orgs[n]) or a in n for a in apart)]
    assert len(holders) == len(apart), orgs


@pytest.mark.parametrize("text", [
    # White House, Cambodia–Thailand joint declaration; CRS RS21852
    "We signed the Terms of Reference (TOR) on the establishment of the observer team in October 2025.",
    "In the last hours of the first Trump Administration, the UAE signed Letters of Acceptance to purchase drones.",
    # paraphrase
    "The navies agreed a Code of Conduct for Unplanned Encounters and a Statement of Intent on training.",
])
def test_a_document_named_in_capitals_is_no_organization(text):
    assert not _orgs(text)


@pytest.mark.parametrize(("text", "bare"), [
    # White House, Cambodia–Thailand joint declaration (public domain)
    ("We reaffirm the agreements reached at the General Border Committee meetings. The Regional Border Committee "
     "will meet in November, and the Border Committee chairs will report.", "Border Committee"),
    # paraphrase
    ("The Senate Armed Services Committee and the House Armed Services Committee held hearings; the Armed Services "
     "Committee staff met in March.", "Armed Services Committee"),
])
def test_a_short_name_two_bodies_share_is_neither(text, bare):
    assert bare not in _orgs(text)


@pytest.mark.parametrize(("text", "org", "not_org"), [
    # U.S. Department of State, Office of the Historian, "The Presidencies of Richard M. Nixon and Gerald R. Ford"
    ("The Director of the Central Intelligence Agency, Richard M. Helms, continued in that position. Melvin Laird "
     "served as Secretary of Defense.", "Central Intelligence Agency", "Defense"),
    # paraphrase
    ("She was named Director of the National Security Agency in 2024, after two years as Secretary of State.",
     "National Security Agency", "State"),
])
def test_the_body_a_post_belongs_to_is_an_organization(text, org, not_org):
    orgs = _orgs(text)
    assert org in {n for name, aliases in orgs.items() for n in (name, *aliases)} and not_org not in orgs


def test_the_plural_that_holds_two_bodies_is_kept():
    # CSIS, "The Evolution of the U.S.-Japan Security Partnership" (short quotation)
    text = ("Japan established the Self-Defense Forces in 1954: the Japan Ground Self-Defense Force, the Japan "
            "Maritime Self-Defense Force and an air arm. The Self-Defense Forces grew quickly.")
    assert "Self-Defense Forces" in _names(_orgs(text))


@pytest.mark.parametrize(("text", "credited"), [
    # U.S. Department of State, Office of the Historian, "The Evolution of NATO, 1988–2001" (public domain)
    ("*U.S. Army forces cross the Sava River during their deployment into Bosnia-Herzegovina as part of Operation "
     "Joint Endeavor, 31 December 1995. (Department of Defense/Senior Airman Edward Littlejohn)*\n\nNATO grew.\n",
     "Edward Littlejohn"),
    # paraphrase
    ("_Leaders pose in Vilnius on 11 July 2023. (AP Photo/Jane Roe)_\n\nThe summit ended.\n", "Jane Roe"),
])
def test_a_captions_photo_credit_is_not_body_text(text, credited):
    assert credited not in _names(_people(text))


@pytest.mark.parametrize(("text", "org"), [
    # CRS IF10119 "China Primer: U.S.-China Relations" (public domain)
    ("It also appropriates funds for the U.S. Agency for Global Media (USAGM), which broadcasts into China.",
     "U.S. Agency for Global Media"),
    # White House, India–U.S. joint statement, 8 September 2023 (public domain): a name wrapped over two lines
    ("green technology projects in India. Towards this end, India’s National\nInvestment and Infrastructure Fund "
     "and the U.S. Development Finance\nCorporation exchanged letters of interest to each provide up to US$500\n"
     "million.", "U.S. Development Finance Corporation"),
    # paraphrase
    ("Funding for the U.S. Agency for International Development fell in 2025, officials of the agency said.",
     "U.S. Agency for International Development"),
])
def test_a_body_is_named_in_full(text, org):
    assert org in _names(_orgs(text))


@pytest.mark.parametrize("text", [
    # White House, "The Spirit of Camp David" joint statement, 18 August 2023 (public domain), as wrapped there
    "We will work together to advance the Indo-Pacific Economic Framework for\nProsperity, whose negotiations "
    "continue, and we welcome the progress made so far this year in 2023.",
    # paraphrase
    "Ministers endorsed the Strategic Framework for Maritime Cooperation and the Action Plan on Cyber Defence in 2024.",
])
def test_a_name_headed_by_a_plan_before_its_for_is_no_organization(text):
    assert not _orgs(text)


def test_a_chamber_headed_before_its_of_is_an_organization():
    # Wikipedia, "Polaris Sales Agreement" (CC BY-SA 3.0), paraphrased around the name
    assert "House of Commons" in _orgs("The agreement was debated in the House of Commons in January 1963, and the "
                                       "Cabinet approved it soon after.")


@pytest.mark.parametrize("text", [
    # CRS IF10119 "China Primer: U.S.-China Relations" (public domain)
    "The two sides set tracks for ongoing cabinet-level engagement. Treasury Secretary Scott Bessent and PRC Vice "
    "Premier He Lifeng lead an economic track.",
    # paraphrase
    "Pentagon spokesman John Kirby said on Tuesday that the drills would continue through the summer months.",
])
def test_a_bodys_word_before_an_office_names_a_post(text):
    assert not {"Treasury", "Pentagon"} & _names(_orgs(text))
