"""The entities stage: real news sentences with the entities a careful reader marks.

Sentences come from the project's seeds (``seeds/``: Wikinews, Voice of America and the seed
article, with their attribution there) and from public-domain Wikinews 2004 and VOA articles
that are not seeds. Each case lists entity mentions (text and label, as GUIDELINES define them)
that must be found when the sentence is processed on its own; event mentions count as EVENT.
Unit tests of the helpers run on ``spacy.blank("en")``.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from newsie.core.gazetteer import load_gazetteer
from newsie.entities.names import versions_are_products
from newsie.entities.layouts import results_lines, split_at_numbers
from newsie.entities.repairs import Lines, trim_span

SENTENCES = [
    # seed article
    ("cica-dateline", "BAKU, Azerbaijan, December 11. The chairmanship of the Conference on Interaction and Confidence-Building Measures in Asia (CICA) will transition from Kazakhstan to Azerbaijan.",
     [("Conference on Interaction and Confidence-Building Measures in Asia", "ORG"), ("CICA", "ORG"), ("Kazakhstan", "GPE"), ("Azerbaijan", "GPE")]),
    ("cica-cfm", "The chairmanship will transition during the forthcoming seventh meeting of the Council of Foreign Ministers (CFM) scheduled for December 17 of this year, Trend reports via CICA.",
     [("seventh meeting", "EVENT"), ("Council of Foreign Ministers", "ORG"), ("CFM", "ORG"), ("Trend", "ORG"), ("CICA", "ORG")]),
    ("cica-cso", "According to information, the online meeting of the Committee of Senior Officials (CSO), chaired by Deputy Foreign Minister Alibek Bakayev and Ambassador-at-Large Talgat Kaliyev, was held with the participation of CICA Secretary General, Ambassador Kairat Sarybay.",
     [("online meeting", "EVENT"), ("Committee of Senior Officials", "ORG"), ("CSO", "ORG"), ("Deputy Foreign Minister", "TITLE"), ("Alibek Bakayev", "PERSON"),
      ("Ambassador-at-Large", "TITLE"), ("Talgat Kaliyev", "PERSON"), ("CICA", "ORG"), ("Secretary General", "TITLE"), ("Ambassador", "TITLE"), ("Kairat Sarybay", "PERSON")]),
    ("cica-summit", "The aim of the CSO was to ensure a successful outcome of the upcoming Ministerial Council meeting, which will present the achievements of CICA since the last Summit in Astana in 2022 and prepare the groundwork for the Azerbaijani Chairmanship in 2024-2026.",
     [("CSO", "ORG"), ("Ministerial Council", "ORG"), ("Ministerial Council meeting", "EVENT"), ("CICA", "ORG"), ("last Summit", "EVENT"), ("Astana", "GPE"), ("Azerbaijani", "NORP")]),
    ("cica-secgen", "The Secretary-General also briefed the CSO on organizational matters to ensure the smooth and efficient conduct of the Ministerial Meeting.",
     [("Secretary-General", "TITLE"), ("CSO", "ORG"), ("Ministerial Meeting", "EVENT")]),
    ("cica-asia", "The discussions at the CSO meeting reaffirmed the shared commitment of CICA member states to advance multilateral dialog and cooperation in Asia.",
     [("CSO", "ORG"), ("CSO meeting", "EVENT"), ("CICA", "ORG"), ("Asia", "LOC")]),
    # Voice of America (seeds)
    ("voa-lagos", "Nigerian security forces clashed in Lagos with anti-government demonstrators who were protesting calls for military leader Sani Abacha to run for president.",
     [("Nigerian", "NORP"), ("Lagos", "GPE"), ("military leader", "TITLE"), ("Sani Abacha", "PERSON")]),
    ("voa-abuja", "Meanwhile, as VOA West Africa Correspondent Purnell Murdock reports, General Abacha's supporters began a two day rally in the capital, Abuja, to urge him to compete in this year's election.",
     [("Correspondent", "TITLE"), ("Purnell Murdock", "PERSON"), ("General", "TITLE"), ("Abacha", "PERSON"), ("two day rally", "EVENT"), ("Abuja", "GPE")]),
    ("voa-nigeria-radio", "Nigeria state radio says thousands of people began gathering in the capital Abuja early Tuesday for the two day rally supporting General Sani Abacha's candidacy.",
     [("Nigeria", "GPE"), ("Abuja", "GPE"), ("two day rally", "EVENT"), ("General", "TITLE"), ("Sani Abacha", "PERSON")]),
    ("voa-commission", "Special events are being organized by the European Commission and individual nations in Europe, North America, and other parts of the world.",
     [("European Commission", "ORG"), ("Europe", "LOC"), ("North America", "LOC")]),
    ("voa-percent", "The United Nations says women and children make up about seventy-five percent of the Afghan population.",
     [("United Nations", "ORG"), ("about seventy-five percent", "PERCENT"), ("Afghan", "NORP")]),
    ("voa-working-group", "An Afghan refugee in Switzerland is a senior official of a group called the International Working Group on Afghan Women.",
     [("Afghan", "NORP"), ("Switzerland", "GPE"), ("International Working Group on Afghan Women", "ORG")]),
    ("voa-branches", "The group has branches in Pakistan, Iran, Europe, Australia, and North America.",
     [("Pakistan", "GPE"), ("Iran", "GPE"), ("Europe", "LOC"), ("Australia", "GPE"), ("North America", "LOC")]),
    ("voa-ms", "Ms. Atimadi says the women of Kabul symbolize the suffering of all the women in Afghanistan.",
     [("Atimadi", "PERSON"), ("Kabul", "GPE"), ("Afghanistan", "GPE")]),
    ("voa-unos", "The private group that runs the current system, United Network for Organ Sharing, or UNOS, objects to the new regulations.",
     [("United Network for Organ Sharing", "ORG"), ("UNOS", "ORG")]),
    ("voa-spokeswoman", "UNOS spokeswoman Donna Henry Wright says the new policy would not necessarily be more fair or effective.",
     [("UNOS", "ORG"), ("spokeswoman", "TITLE"), ("Donna Henry Wright", "PERSON")]),
    ("voa-burdick", "Doctor James Burdick, the Professor of Transplant Surgery at Johns Hopkins University Hospital in Baltimore, Maryland, and former President of UNOS, said the current system works well.",
     [("James Burdick", "PERSON"), ("Baltimore", "GPE"), ("Maryland", "GPE"), ("President", "TITLE"), ("UNOS", "ORG")]),
    ("voa-thousand", "Nationwide, there are about ten thousand patients waiting for liver transplants each year and only four thousand organs become available for transplants.",
     [("about ten thousand", "CARDINAL"), ("four thousand", "CARDINAL")]),
    ("voa-shalala", "Secretary Shalala says UNOS was given five months to develop a new plan to distribute livers.",
     [("Secretary", "TITLE"), ("Shalala", "PERSON"), ("UNOS", "ORG")]),
    ("voa-netanyahu", "Israeli Prime Minister Benjamin Netanyahu says considerable gaps remain between Israeli and Palestinian positions before next week's talks in London.",
     [("Israeli", "NORP"), ("Prime Minister", "TITLE"), ("Benjamin Netanyahu", "PERSON"), ("Palestinian", "NORP"), ("talks", "EVENT"), ("London", "GPE")]),
    ("voa-albright", "He and Palestinian leader Yasser Arafat meet separately Monday with US Secretary of State Madeleine Albright.",
     [("Palestinian", "NORP"), ("leader", "TITLE"), ("Yasser Arafat", "PERSON"), ("US", "GPE"), ("Secretary of State", "TITLE"), ("Madeleine Albright", "PERSON")]),
    ("voa-gore", "At a news conference with US Vice President Al Gore in Jerusalem, Mr. Netanyahu suggested Israel might be willing to move a little.",
     [("news conference", "EVENT"), ("US", "GPE"), ("Vice President", "TITLE"), ("Al Gore", "PERSON"), ("Jerusalem", "GPE"), ("Netanyahu", "PERSON"), ("Israel", "GPE")]),
    ("voa-mr-gore", "Mr. Gore called on Israel to continue taking risks for peace.",
     [("Gore", "PERSON"), ("Israel", "GPE")]),
    # Wikinews (seeds)
    ("gum-aceh", "On Friday, fishermen rescued over 700 asylum seekers whose boat sank, and the Indonesian Navy reportedly saved 200 more after they were found swimming along the coast of Aceh, Indonesia.",
     [("over 700", "CARDINAL"), ("Indonesian Navy", "ORG"), ("200", "CARDINAL"), ("Aceh", "GPE"), ("Indonesia", "GPE")]),
    ("gum-abc", "According to ABC News, Basya also believes the asylum seekers found in the water may have left the boat on purpose.",
     [("ABC News", "ORG"), ("Basya", "PERSON")]),
    ("gum-afp", "Malaysia and Indonesia have maintained a policy of turning away boats of migrants which, according to AFP, the United States has criticised.",
     [("Malaysia", "GPE"), ("Indonesia", "GPE"), ("AFP", "ORG"), ("United States", "GPE")]),
    ("gum-najib", "Discussing his concern in a public statement, Malaysia's Prime Minister, Najib Razak said, \"We are in contact with all relevant parties\".",
     [("Malaysia", "GPE"), ("Prime Minister", "TITLE"), ("Najib Razak", "PERSON")]),
    ("gum-kerry", "The US State Department said John Kerry, the Secretary of State, contacted Thailand's foreign minister over temporary housing for the Rohingya out at sea.",
     [("John Kerry", "PERSON"), ("Secretary of State", "TITLE"), ("Thailand", "GPE"), ("foreign minister", "TITLE")]),
    ("gum-rathke", "Jeff Rathke, the State Department Spokesperson, said, \"We urge the governments of the region to work together quickly\".",
     [("Jeff Rathke", "PERSON"), ("State Department", "ORG"), ("Spokesperson", "TITLE")]),
    ("gum-crane", "A storm yesterday caused a crane to fall into Mecca's Grand Mosque, killing 107 or more and wounding 238, according to Saudi Arabia's Civil Defense Authority.",
     [("Mecca", "GPE"), ("Grand Mosque", "FAC"), ("107 or more", "CARDINAL"), ("238", "CARDINAL"), ("Saudi Arabia", "GPE"), ("Civil Defense Authority", "ORG")]),
    ("gum-maeena", "\"Had it happened an hour later it would have been much worse,\" Khaled Al-Maeena, editor at large at the Saudi Gazette, said.",
     [("Khaled Al-Maeena", "PERSON"), ("Saudi Gazette", "ORG")]),
    ("gum-hajj", "The crane accident comes just ten days before the beginning of the Hajj, the annual pilgrimage to Mecca, Islam's holiest site.",
     [("Hajj", "EVENT"), ("Mecca", "GPE"), ("Islam", "NORP")]),
    ("gum-uk-flag", "The current New Zealand flag is partially based on the United Kingdom's flag; the new one would be unique to New Zealand.",
     [("New Zealand", "GPE"), ("United Kingdom", "GPE")]),
    ("gum-burrows", "According to the New Zealand Herald, Emeritus Professor John Burrows, the chairman of the project's panel of twelve, said the flag has never been open to public choice.",
     [("New Zealand Herald", "ORG"), ("Emeritus Professor", "TITLE"), ("John Burrows", "PERSON"), ("chairman", "TITLE"), ("twelve", "CARDINAL")]),
    ("gum-key", "New Zealand's Prime Minister John Key said he believes redesigning the flag now has a \"strong rationale\".",
     [("New Zealand", "GPE"), ("Prime Minister", "TITLE"), ("John Key", "PERSON")]),
    ("gum-nz-money", "The New Zealand government intends to hold two referendums to reach a verdict on the flag, at an estimated cost of NZ $ 26 million, although a recent poll found only a quarter of citizens favoured changing the flag.",
     [("New Zealand", "GPE"), ("two referendums", "EVENT"), ("NZ $ 26 million", "MONEY"), ("a quarter", "CARDINAL")]),
    ("gum-kcna", "According to Yonhap news agency, quoting North Korea's main news agency Korean Central News Agency (KCNA), the country's military has been placed on high alert.",
     [("Yonhap", "ORG"), ("North Korea", "GPE"), ("Korean Central News Agency", "ORG"), ("KCNA", "ORG")]),
    ("gum-kim", "Later, \"Kim Jong-un issued an order of the supreme commander of the Korean People's Army\".",
     [("Kim Jong-un", "PERSON"), ("Korean People's Army", "ORG")]),
    ("gum-yeoncheon", "No injuries or deaths were reported, but South Korea evacuated about 80 people in the town of Yeoncheon after at least one shell landed near the area.",
     [("South Korea", "GPE"), ("about 80", "CARDINAL"), ("Yeoncheon", "GPE"), ("at least one", "CARDINAL")]),
    ("gum-interior-ministry", "According to the Saudi Interior Ministry over 345 Muslim pilgrims have been killed in a stampede near Mecca, Saudi Arabia.",
     [("Saudi Interior Ministry", "ORG"), ("over 345", "CARDINAL"), ("Muslim", "NORP"), ("Mecca", "GPE"), ("Saudi Arabia", "GPE")]),
    ("gum-hotel", "Last week, at least 76 people were killed when the Al-Ghaza Hotel near the Masjid Al-Haram (Grand Mosque) collasped.",
     [("at least 76", "CARDINAL"), ("Al-Ghaza Hotel", "FAC"), ("Grand Mosque", "FAC")]),
    ("gum-percent", "By 2050, undernourishment would increase by either 49 percent or by 27 percent, depending on the scenario.",
     [("49 percent", "PERCENT"), ("27 percent", "PERCENT")]),
    ("gum-clean-air", "As Heald told The Huffington Post, US surface ozone has dropped partly due to the Clean Air Act.",
     [("Heald", "PERSON"), ("US", "GPE"), ("Clean Air Act", "LAW")]),
    ("gum-foundation", "The study was supported by the Croucher Foundation, US National Science Foundation, and US National Park Service.",
     [("Croucher Foundation", "ORG"), ("US National Science Foundation", "ORG"), ("US National Park Service", "ORG")]),
    ("gum-orthodox", "The Greek Orthodox Church, a Christian denomination, is extremely critical of worshippers of the ancient deities.",
     [("Greek Orthodox Church", "ORG"), ("Christian", "NORP")]),
    ("wn-hu-lula", "Hu Jintao, the President of the People's Republic of China had lunch today with the President of Brazil, Luiz Inácio Lula da Silva.",
     [("Hu Jintao", "PERSON"), ("President", "TITLE"), ("People's Republic of China", "GPE"), ("lunch", "EVENT"), ("Brazil", "GPE"), ("Luiz Inácio Lula da Silva", "PERSON")]),
    ("wn-dinner", "At the dinner Brazilian President Luiz Inácio Lula da Silva said South Korea is a strategic partner in Asia and he also said that business between Brazil and Korea in 2004 will be US$3 billion.",
     [("dinner", "EVENT"), ("Brazilian", "NORP"), ("President", "TITLE"), ("Luiz Inácio Lula da Silva", "PERSON"), ("South Korea", "GPE"), ("Asia", "LOC"), ("Brazil", "GPE"), ("Korea", "GPE")]),
    ("wn-idb", "Mr. Lula said Brazil supports Korea in their effort to join the Inter-American Development Bank (IDB).",
     [("Lula", "PERSON"), ("Brazil", "GPE"), ("Korea", "GPE"), ("Inter-American Development Bank", "ORG"), ("IDB", "ORG")]),
    ("wn-firefox", "Mozilla Firefox 1.0, a free open-source web browser, has been released on November 9, 2004 by the Mozilla Foundation.",
     [("Mozilla Firefox 1.0", "PRODUCT"), ("Mozilla Foundation", "ORG")]),
    ("wn-languages", "There are Firefox versions in the following languages: Norwegian, Polish, Finnish, Italian, Japanese, Greek and Catalan.",
     [("Norwegian", "LANGUAGE"), ("Polish", "LANGUAGE"), ("Finnish", "LANGUAGE"), ("Italian", "LANGUAGE"), ("Japanese", "LANGUAGE"), ("Greek", "LANGUAGE"), ("Catalan", "LANGUAGE")]),
    ("wn-bracewell", "\"It's just history repeating itself\", said former New Zealand coach and former test player John Bracewell.",
     [("New Zealand", "GPE"), ("coach", "TITLE"), ("John Bracewell", "PERSON")]),
    ("wn-kmart", "Discount retailer Kmart Corp. announced Wednesday morning it will buy department store operator Sears, Roebuck & Co..",
     [("Kmart Corp.", "ORG")]),
    ("wn-retailer", "The deal is to cost $11.5bn and will lead to the creation of the third-largest U.S. retailer, after Wal-Mart and Home Depot.",
     [("$11.5bn", "MONEY"), ("third", "ORDINAL"), ("U.S.", "GPE"), ("Wal-Mart", "ORG"), ("Home Depot", "ORG")]),
    ("wn-sears-holdings", "The new company, which is to be called Sears Holdings and be based near Chicago, will have $55 billion in annual revenue and nearly 3,500 retail stores.",
     [("Sears Holdings", "ORG"), ("Chicago", "GPE"), ("$55 billion", "MONEY"), ("nearly 3,500", "CARDINAL")]),
    ("wn-lampert", "Edward Lampert, the chairman of Kmart, will become the chairman of the new company, while Alan Lacy, current chairman and chief executive of Sears will be the new chief executive.",
     [("Edward Lampert", "PERSON"), ("chairman", "TITLE"), ("Kmart", "ORG"), ("Alan Lacy", "PERSON"), ("chief executive", "TITLE"), ("Sears", "ORG")]),
    ("wn-lacy", "Sears CEO Alan Lacy, speaking about the deal, promised up to $500 million a year in savings.",
     [("Sears", "ORG"), ("CEO", "TITLE"), ("Alan Lacy", "PERSON"), ("up to $500 million", "MONEY")]),
    # Public-domain Wikinews 2004 and VOA articles that are not seeds
    ("pd-arafat-funeral", "The delegation representing Brazil at the funeral of Yasser Arafat returned today, November 13, 2004.",
     [("Brazil", "GPE"), ("funeral", "EVENT"), ("Yasser Arafat", "PERSON")]),
    ("pd-murad", "Deputy Jamil Murad, member of the delegation, said there was a \"deep mourning\" feeling.",
     [("Deputy", "TITLE"), ("Jamil Murad", "PERSON")]),
    ("pd-murad-visit", "Jamil Murad had visited Yasser Arafat in April 2004, along with nine other Brazilian deputies.",
     [("Jamil Murad", "PERSON"), ("Yasser Arafat", "PERSON"), ("nine", "CARDINAL"), ("Brazilian", "NORP")]),
    ("pd-bbc", "The Tatars had instituted legal proceedings because their Turkic language differs greatly from Russian, the BBC reports.",
     [("Russian", "LANGUAGE"), ("BBC", "ORG")]),
    ("pd-band-aid", "The song was originally recorded in 1984 by several of the biggest artists of the time including Bono, Bob Geldof, Paul McCartney and George Michael.",
     [("Bono", "PERSON"), ("Bob Geldof", "PERSON"), ("Paul McCartney", "PERSON"), ("George Michael", "PERSON")]),
    ("pd-darfur", "The song will also be launched as a charity mobile phone ringtone to raise funds for Sudan's troubled Darfur region.",
     [("Sudan", "GPE"), ("Darfur", "GPE")]),
    ("pd-mccain", "Senator John McCain entered them into the Congressional Record during a speech last week against the deal to lease 100 mid-air tanker aircraft from Boeing.",
     [("Senator", "TITLE"), ("John McCain", "PERSON"), ("100", "CARDINAL"), ("Boeing", "ORG")]),
    ("pd-cheney", "Such accusations have previously been leveled against Vice President Dick Cheney, and are now being made against senior Air Force officials for choosing Boeing.",
     [("Vice President", "TITLE"), ("Dick Cheney", "PERSON"), ("Air Force", "ORG"), ("Boeing", "ORG")]),
    ("pd-eads", "Airbus is owned by European Aeronautic Defense & Space Company (EADS).",
     [("Airbus", "ORG"), ("European Aeronautic Defense & Space Company", "ORG"), ("EADS", "ORG")]),
    ("pd-sears-cfo", "This led to felony charges against Boeing Chief Financial Officer Michael Sears for illegally hiring her.",
     [("Boeing", "ORG"), ("Chief Financial Officer", "TITLE"), ("Michael Sears", "PERSON")]),
    ("pd-havana", "The Cuban government has erected a number of billboards outside the U.S. interests section in Havana.",
     [("Cuban", "NORP"), ("U.S.", "GPE"), ("Havana", "GPE")]),
    ("pd-cason", "Although Cuba made a complaint over the sign, the senior US diplomat in Cuba, James Cason, is standing firm by the decision.",
     [("Cuba", "GPE"), ("US", "GPE"), ("James Cason", "PERSON")]),
    ("pd-mumbai", "Officials in Mumbai, India, demolished over 6,000 shanties today in a push to eradicate the capital city's slums.",
     [("Mumbai", "GPE"), ("India", "GPE"), ("over 6,000", "CARDINAL")]),
    ("pd-zambia", "The government of Zambia has launched a new national agricultural policy, according to a report by the Times of Zambia.",
     [("Zambia", "GPE"), ("Times of Zambia", "ORG")]),
    ("pd-splc", "The Southern Poverty Law Center, a civil rights monitoring group based in Montgomery, Alabama, has long monitored such groups as the Ku Klux Klan.",
     [("Southern Poverty Law Center", "ORG"), ("Montgomery", "GPE"), ("Alabama", "GPE"), ("Ku Klux Klan", "ORG")]),
    # wire datelines in capitals (news style): the dateline's words are places, the agency an ORG
    ("ap-dateline-city-state", "DAYTON, Ohio (AP) _ The city council voted Tuesday to close two fire stations.",
     [("DAYTON", "GPE"), ("Ohio", "GPE"), ("AP", "ORG")]),
    # credit lines of monitored broadcasts and press (FBIS style): place, outlet, language
    ("fbis-credit-radio", "BK1203101596 Bangkok Radio Thailand Network in Thai 1000 GMT 12 Mar 96",
     [("Bangkok", "GPE"), ("Radio Thailand Network", "ORG"), ("Thai", "LANGUAGE")]),
    ("fbis-press-line", "Tokyo ASAHI SHIMBUN", [("Tokyo", "GPE"), ("ASAHI SHIMBUN", "ORG")]),
    # an abbreviated state keeps its period, mid-sentence and at the end (Penn Treebank)
    ("ap-state-abbreviations", "Two tornadoes touched down near Cody, Wyo., and the storm moved on toward Aspen, Colo.",
     [("Cody", "GPE"), ("Wyo.", "GPE"), ("Aspen", "GPE"), ("Colo.", "GPE")]),
    # a name apposed to a person's role is a person, tagged or not
    ("role-apposition-tagged", "Kessler, a professor of economics at Boston University, said the plan would fail.",
     [("Kessler", "PERSON"), ("Boston University", "ORG")]),
    ("role-apposition-untagged", "Harwell, a historian at Columbia University, said the letters were authentic.",
     [("Harwell", "PERSON"), ("Columbia University", "ORG")]),
    # the victim of a killing is a person
    ("victim-of-assassination", "Historians still debate the motives behind the assassination of Lincoln, which shocked the country.",
     [("Lincoln", "PERSON")]),
    ("victim-of-murder", "Mourners gathered in Memphis on the anniversary of the murder of King.", [("Memphis", "GPE"), ("King", "PERSON")]),
    # a name apposed to a place noun is a place
    ("place-apposition", "Aid convoys reached Goma, the capital of North Kivu province, after a week on the road.",
     [("Goma", "GPE"), ("North Kivu", "GPE")]),
    # the subject of "was born" is a person
    ("born-subject", "Winthrop Lyman Hale was born on May 2, 1911, in Salem, Mass.",
     [("Winthrop Lyman Hale", "PERSON"), ("Salem", "GPE"), ("Mass.", "GPE")]),
    ("pd-fbi", "The Federal Bureau of Investigation says it received more than eight thousand reports of hate group crimes last year.",
     [("Federal Bureau of Investigation", "ORG"), ("more than eight thousand", "CARDINAL")]),
]  # fmt: skip

# Things a reader does not mark, or marks otherwise (GUIDELINES): (case id, text, label).
ABSENT = [
    ("cica-dateline", "Conference", "EVENT"),  # the head of a name, not an event mention
    ("cica-cfm", "seventh", "ORDINAL"),  # part of the EVENT mention "seventh meeting"
    ("cica-cfm", "forthcoming seventh meeting", "EVENT"),
    ("cica-dateline", "Confidence-Building Measures in Asia", "ORG"),
    ("voa-netanyahu", "next week's talks", "EVENT"),
    ("voa-ms", "Ms. Atimadi", "PERSON"),
    ("gum-kcna", "Yonhap news agency", "ORG"),
    ("wn-lampert", "the chairman", "TITLE"),
    ("ap-dateline-city-state", "DAYTON", "ORG"),
    ("fbis-credit-radio", "Bangkok Radio Thailand Network", "ORG"),
    ("ap-state-abbreviations", "Wyo", "GPE"),
]  # fmt: skip

NOT_ENTITIES = {"DATE", "TIME"}


@pytest.fixture(scope="module")
def found(nlp) -> dict[str, set[tuple[str, str]]]:
    """Mentions found in each sentence, processed on its own, as (text, label) pairs."""
    docs = nlp.pipe(text for _, text, _ in SENTENCES)
    out = {}
    for (case, _, _), doc in zip(SENTENCES, docs):
        mentions = {(e.text, e.label_) for e in doc.ents if e.label_ not in NOT_ENTITIES}
        mentions |= {(e.text, e.label_) for e in doc.spans.get("events", [])}
        out[case] = mentions
    return out


def test_entities_table_has_at_least_sixty_real_sentences():
    assert len(SENTENCES) >= 60
    assert len({case for case, _, _ in SENTENCES}) == len(SENTENCES)


@pytest.mark.parametrize("case,text,expected", SENTENCES, ids=[c for c, _, _ in SENTENCES])
def test_entities_real_sentences(found, case, text, expected):
    missing = [m for m in expected if m not in found[case]]
    assert not missing, f"missing {missing}; found {sorted(found[case])}"


@pytest.mark.parametrize("case,text,label", ABSENT, ids=[f"{c}:{t}" for c, t, _ in ABSENT])
def test_entities_conventions_leave_out(found, case, text, label):
    assert (text, label) not in found[case]


@pytest.mark.parametrize(
    "words,label,start,end,expected",
    [
        (["the", "Council", "of", "Europe"], "ORG", 0, 4, "Council of Europe"),
        (["Trend", "News", "Agency", "'s"], "ORG", 0, 4, "Trend News Agency"),
        (["(", "CICA", ")"], "ORG", 0, 3, "CICA"),
        (["Mr.", "Nunes"], "PERSON", 0, 2, "Nunes"),
        (["Renamo", "party"], "ORG", 0, 2, "Renamo"),
        (["the", "country", "'s", "National", "Elections", "Committee"], "ORG", 0, 6, "National Elections Committee"),
        (["Sears", "for", "US$", "11", "billion"], "ORG", 0, 5, "Sears"),
        (["only", "four", "thousand"], "CARDINAL", 0, 3, "four thousand"),
        (["a", "dozen"], "CARDINAL", 0, 2, "a dozen"),
        (["Four", "National", "Basketball", "Association"], "ORG", 0, 4, "National Basketball Association"),
        (["Vale", "do", "Rio", "Doce"], "ORG", 0, 4, "Vale do Rio Doce"),
    ],
)
def test_entities_trim_span(blank, words, label, start, end, expected):
    doc = spacy.tokens.Doc(blank.vocab, words=words)
    gaz = load_gazetteer()
    trimmed = trim_span(Span(doc, start, end, label=label), gaz.honorifics, particles=frozenset(gaz.heads["name_particles"]))
    assert trimmed is not None and trimmed.text == expected


def test_entities_trim_span_drops_scores_only_in_results_lines(blank):
    doc = spacy.tokens.Doc(blank.vocab, words=["P.", "Johnson", "84"])
    span = Span(doc, 0, 3, label="PERSON")
    assert trim_span(span, scores=True).text == "P. Johnson"
    assert trim_span(span, scores=False).text == "P. Johnson 84"


def test_entities_split_at_numbers(blank):
    doc = spacy.tokens.Doc(blank.vocab, words=["Haitai", "2", "Samsung", "0"])
    parts = split_at_numbers(Span(doc, 0, 4, label="ORG"))
    assert [p.text for p in parts] == ["Haitai", "Samsung"]


def test_entities_results_lines(blank):
    doc = blank("Leicestershire beat Somerset by an innings.\nAtlanta 5 PITTSBURGH 1\nNEW YORK 74 59 .556 -")
    lines = Lines(doc)
    starts = results_lines(doc, lines)
    assert [doc[i].text for i in sorted(starts)] == ["Atlanta", "NEW"]


def test_entities_teams_in_results_lines_are_orgs(nlp):
    doc = nlp("Results of baseball games on Thursday:\nAtlanta 5 Pittsburgh 1\nChicago 4 Houston 3\nRomania 2 Lithuania 1")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Atlanta"] == labels["Pittsburgh"] == labels["Houston"] == "ORG"
    assert labels["Romania"] == labels["Lithuania"] == "GPE"  # national sides stay countries


@pytest.mark.parametrize(
    "text,surname",
    [
        ("Nasser Hussain scored 158 on Friday.\nHussain, considered surplus to the plans of the selectors, hit 20 fours.", "Hussain"),
        ("Roberto Duran will fight in Panama City.\nDuran, 45, takes on Ariel Cruz in a super middleweight bout.", "Duran"),
        ("Jaime Yzaga beat Jeff Tarango in five sets.\nTarango, whose tantrum two years ago made headlines, said he played well.", "Tarango"),
    ],
)
def test_entities_surname_is_the_person(nlp, text, surname):
    # The bare model tags these surnames GPE or ORG; the full name earlier makes them people.
    mentions = [e for e in nlp(text).ents if e.text == surname]
    assert mentions and all(e.label_ == "PERSON" for e in mentions)


def test_entities_caps_headline_section_word_is_no_entity(nlp):
    doc = nlp("SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH .\nBUCHAREST 1996-08-30\nRomania beat Lithuania 2-1 on Friday.")
    texts = {e.text for e in doc.ents}
    assert "SOCCER" not in texts
    assert {"ROMANIA", "LITHUANIA", "BUCHAREST"} <= texts


def test_entities_language_needs_a_language_use(nlp):
    doc = nlp("The Chinese President met Japanese officials. The book was translated into Chinese.")
    labels = [(e.text, e.label_) for e in doc.ents]
    assert ("Chinese", "NORP") in labels and ("Chinese", "LANGUAGE") in labels


def test_entities_config_is_validated():
    from confection import ConfigValidationError

    nlp = spacy.blank("en")
    with pytest.raises(ConfigValidationError):
        nlp.add_pipe("news_entities", config={"gazetteer": "yes"})


def test_entities_age_after_a_name_makes_a_person(blank):
    from newsie.core.gazetteer import load_gazetteer as gazetteer
    from newsie.entities.names import people_by_context

    doc = blank("Warner Brooks , 70 , who owned the bank , filed in Ohio , 12 days ago .")
    ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 12, 13, label="GPE")]
    out = people_by_context(doc, ents, gazetteer(), set())
    # "Ohio, 12 days" is no age: the number is not closed by a comma.
    assert [(e.text, e.label_) for e in out] == [("Warner Brooks", "PERSON"), ("Ohio", "GPE")]


def test_entities_initials_take_the_given_name_and_leave_the_possessive(nlp):
    from newsie.entities.general import INITIALS, add_initials

    assert [m.group() for m in INITIALS.finditer("Robert F. Kennedy's assassin, and J. R. Ewing-Smith")] == ["F. Kennedy", "J. R. Ewing-Smith"]
    doc = nlp("The agency said Thursday that Ulrik B. Stenberg, 44, had been chosen.")
    start = [t.text for t in doc].index("Ulrik")
    # The model's reading of the whole name as an ORG gives way to a PERSON with the given name.
    out = add_initials(doc, [Span(doc, start, start + 3, label="ORG")], load_gazetteer())
    assert [(e.text, e.label_) for e in out] == [("Ulrik B. Stenberg", "PERSON")]



@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("Mark Roe 69 71 78 73 , a round behind", (0, 2), "PERSON", ("Mark Roe", "PERSON")),  # a row of scores
        ("Jayasuriya 50 , Fleming 44", (0, 1), "PERSON", ("Jayasuriya", "PERSON")),  # a score
        ("Firefox 1.0 was released", (0, 1), "PERSON", ("Firefox 1.0", "PRODUCT")),  # a dotted version
        ("Delta 4 lifted off", (0, 1), "ORG", ("Delta 4", "PRODUCT")),
    ],
)
def test_entities_version_numbers_make_products_but_scores_do_not(blank, text, name, label, expected):
    doc = blank(text)
    out = versions_are_products(doc, [Span(doc, *name, label=label)], lambda i: False)
    assert [(e.text, e.label_) for e in out] == [expected]


def test_office_words_inside_body_names_and_modifier_ends(nlp):
    """A complement never ends on a modifier before a capitalised word; 'X General's Office' is a body."""
    doc = nlp("The manager of North Ruritania sales met the Prosecutor General's Office staff.")
    titles = [e.text for e in doc.ents if e.label_ == "TITLE"]
    assert "manager of North" not in titles and "Prosecutor" not in titles and "General" not in titles, titles
