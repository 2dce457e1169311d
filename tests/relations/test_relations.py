"""Tests of the relations stage, the events view and the CoNLL04 converter and scheme.

The sentence table holds real news sentences (from the openly licensed seed articles, Wikinews
and VOA) with the relations a reader finds in them, and sentences that must yield none of a
given kind. Where that news has no example of a pattern (killings, copular roles), a sentence
written in news style states a public fact; CoNLL04 text is for research use and is not
copied here. A predicted argument matches an expected one when its text ends with it, so that
"forthcoming seventh meeting" still names the "seventh meeting" whatever modifiers the
entities stage keeps in an event mention.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
import spacy
from typer.testing import CliRunner

from newsie.cli.commands import app
from newsie.core.errors import ConfigError, GoldFormatError
from newsie.run.views import event_rows
from newsie.evaluation.formats import conll04
from newsie.run.records import EntityRecord, DateRecord, RelationRecord, from_doc
from newsie.relations.patterns import Found
from newsie.relations.component import PATTERNS, fits_schema
from newsie.core.schema import RELATIONS

from tests.conftest import shared_data

Triple = tuple[str, str, str]

# (sentence, relations that must be found, relations that must not be found)
CASES: list[tuple[str, list[Triple], list[Triple]]] = [
    # has_title and works_for from titles next to names
    ("According to information, the online meeting of the Committee of Senior Officials (CSO), chaired by Deputy Foreign Minister Alibek Bakayev, was held with the participation of CICA Secretary General, Ambassador Kairat Sarybay.",
     [("Alibek Bakayev", "has_title", "Deputy Foreign Minister"), ("Kairat Sarybay", "has_title", "Secretary General"),
      ("Kairat Sarybay", "has_title", "Ambassador"), ("Kairat Sarybay", "works_for", "CICA"),
      ("Alibek Bakayev", "chairs", "online meeting"), ("Kairat Sarybay", "participates_in", "online meeting"),
      ("Committee of Senior Officials", "participates_in", "online meeting")], []),
    ("Hu Jintao, the President of the People's Republic of China had lunch today with the President of Brazil, Luiz Inácio Lula da Silva, at the Granja do Torto, the President's country residence in the Brazilian Federal District.",
     [("Hu Jintao", "has_title", "President"), ("Hu Jintao", "works_for", "People's Republic of China"),
      ("Luiz Inácio Lula da Silva", "has_title", "President"), ("Luiz Inácio Lula da Silva", "works_for", "Brazil")], []),
    ("Mr. Luiz Inácio Lula da Silva, the President of Brazil, met with the President of the Republic of Korea Mr. Roh Moo-hyun at 5:30 PM at the Palacio do Planalto.",
     [("Luiz Inácio Lula da Silva", "works_for", "Brazil"), ("Roh Moo-hyun", "has_title", "President"),
      ("Roh Moo-hyun", "works_for", "Republic of Korea")], []),
    ("Edward Lampert, the chairman of Kmart, will become the chairman of the new company, while Alan Lacy, current chairman and chief executive of Sears will be the new chief executive.",
     [("Edward Lampert", "has_title", "chairman"), ("Edward Lampert", "works_for", "Kmart"), ("Edward Lampert", "chairs", "Kmart"),
      ("Alan Lacy", "has_title", "chief executive"), ("Alan Lacy", "works_for", "Sears")], [("Edward Lampert", "works_for", "Sears")]),
    ("Sears CEO Alan Lacy, speaking about the deal, promised up to $500 million a year in savings within three years.",
     [("Alan Lacy", "has_title", "CEO"), ("Alan Lacy", "works_for", "Sears")], []),
    ("Israeli Prime Minister Benjamin Netanyahu says considerable gaps remain between Israeli and Palestinian positions.",
     [("Benjamin Netanyahu", "has_title", "Prime Minister")], [("Benjamin Netanyahu", "works_for", "*")]),
    ("At the dinner Brazilian President Luiz Inácio Lula da Silva said South Korea is a strategic partner.",
     [("Luiz Inácio Lula da Silva", "has_title", "President")], [("Luiz Inácio Lula da Silva", "works_for", "*")]),
    ("Gusenbauer and other heads of the party, including influential Vienna mayor Michael Haeupl have confirmed that Gusenbauer will be the party's top candidate.",
     [("Michael Haeupl", "has_title", "mayor"), ("Michael Haeupl", "works_for", "Vienna")], []),
    ("In his keynote address Gusenbauer has issued heavy criticism at the current Austrian government which is led by chancellor Wolfgang Schuessel.",
     [("Wolfgang Schuessel", "has_title", "chancellor")], [("Wolfgang Schuessel", "works_for", "*")]),
    ("United States President George W. Bush made his first official state visit to Canada this week.",
     [("George W. Bush", "has_title", "President"), ("George W. Bush", "works_for", "United States"),
      ("George W. Bush", "participates_in", "first official state visit"), ("first official state visit", "event_location", "Canada")], []),
    ("Such accusations have previously been leveled against Vice President Dick Cheney for a no-bid contract to Halliburton.",
     [("Dick Cheney", "has_title", "Vice President")], [("Dick Cheney", "works_for", "*")]),
    ("Senator John McCain (R-AZ) entered them into the Congressional Record during a speech last week.",
     [("John McCain", "has_title", "Senator")], []),
    ("Unofficial results show Viktor Yushchenko leading with 52% to the mainly pro-government candidate and current Prime Minister Viktor Yanukovich's 44%.",
     [("Viktor Yanukovich", "has_title", "Prime Minister")], [("Viktor Yushchenko", "has_title", "*")]),
    ("On 17 November, Chinese Vice Foreign Minister Wu Daiwei met with the Japanese ambassador to China Anami Koreshige in Beijing.",
     # a nationality before the office names the employer when the text names the country
     [("Wu Daiwei", "has_title", "Vice Foreign Minister"), ("Wu Daiwei", "works_for", "China")], [("Anami Koreshige", "works_for", "China")]),
    ("The Spanish Minister of Interior, José Antonio Alonso, appealed for the population to remain calm.",
     [("José Antonio Alonso", "has_title", "Minister of Interior")], [("José Antonio Alonso", "works_for", "*")]),
    ("Nigerian security forces clashed in Lagos with anti-government demonstrators who were protesting calls for military leader Sani Abacha to run for president.",
     [("Sani Abacha", "has_title", "leader")], [("*", "works_for", "*"), ("*", "participates_in", "*")]),
    # works_for from roles, "of", sign-offs, appositions
    ("Bowler Shane Warne has stated that he will be targeting New Zealand captain Stephen Fleming, and Australian batsman Matthew Hayden has vowed to hit New Zealand bowler Daniel Vettori out of the ground.",
     [("Stephen Fleming", "has_title", "captain"), ("Stephen Fleming", "works_for", "New Zealand"), ("Daniel Vettori", "works_for", "New Zealand")],
     [("Matthew Hayden", "works_for", "*")]),
    ("New Zealand batsman Scott Styris went further, labelling the Australians' comments as \"a yawn\".",
     [("Scott Styris", "works_for", "New Zealand")], []),
    ("Last season he was suspended twice, once for leaving the bench during a fight, and once for elbowing Portland player Derek Anderson.",
     [("Derek Anderson", "works_for", "Portland")], []),
    ("Ron Artest, Jermaine O'Neal and Stephen Jackson of the Pacers learned of the length of their suspensions on Sunday.",
     [("Stephen Jackson", "works_for", "Pacers"), ("Ron Artest", "works_for", "Pacers")], []),
    ("The song has been remade by over 50 artists, including Robbie Williams, Bono, Justin Hawkins of The Darkness.",
     [], [("Bono", "works_for", "*"), ("Robbie Williams", "works_for", "*")]),
    ("Jim Teple, VOA News, Miami.", [("Jim Teple", "works_for", "VOA News")], []),
    ("Lisa Schlein for VOA News, Geneva.", [("Lisa Schlein", "works_for", "VOA News")], []),
    ("Kim Jong-un issued an order of the supreme commander of the Korean People's Army [KPA] that the front-line units enter a wartime state.",
     [("KPA", "alias_of", "Korean People's Army")], [("Kim Jong-un", "has_title", "*")]),
    # located_in
    ("Officials in Mumbai, India, demolished over 6,000 shanties today in a push to eradicate the capital city's slums.",
     [("Mumbai", "located_in", "India")], []),
    ("Researchers in Salt Lake City, Utah, report that far less electricity is required to produce the same volume of hydrogen.",
     [("Salt Lake City", "located_in", "Utah")], []),
    ("Police deactivate explosive device in Andalucía, Spain", [("Andalucía", "located_in", "Spain")], []),
    ("Mr. Nunes, 51 years old, was an employee of the Noroeste Farm in Cabixi, 820 km (510 miles) away from the regional capital of Porto Velho, Rondonia.",
     [("Porto Velho", "located_in", "Rondonia")], [("*", "lives_in", "*")]),
    ("Fishermen were found swimming along the coast of Aceh, Indonesia.", [("Aceh", "located_in", "Indonesia")], []),
    ("Special events are being organized by the European Commission and individual nations in Europe, North America, and other parts of the world.",
     [], [("*", "located_in", "*")]),
    ("The announcements cover Indonesia, Sri Lanka, the Maldives and affected areas of Thailand.", [], [("*", "located_in", "*")]),
    ("Estonia, Latvia, Lithuania Join NATO", [], [("*", "located_in", "*")]),
    ("Officials in ASTANA, Kazakhstan, Sept.24 said the plan was ready.", [("ASTANA", "located_in", "Kazakhstan")], []),
    ("Lima, Quito to hold talks on trade", [], [("*", "located_in", "*")]),
    ("Finland's accession to NATO was completed in April 2023.", [], [("*", "based_in", "*")]),
    ("The group has branches in Pakistan, Iran, Europe, Australia, and North America.", [], [("*", "located_in", "*"), ("*", "based_in", "*")]),
    ("Riot police deployed in Nigeria's southern commercial capital Lagos to break up a protest rally called by the political opposition.",
     [("Lagos", "located_in", "Nigeria")], []),
    ("The song will also be launched as a charity mobile phone ringtone to raise funds for Sudan's troubled Darfur region.",
     [("Darfur", "located_in", "Sudan")], []),
    # based_in
    ("The Southern Poverty Law Center, a civil rights monitoring group based in Montgomery, Alabama, has long monitored such groups as the Ku Klux Klan.",
     [("Southern Poverty Law Center", "based_in", "Montgomery"), ("Montgomery", "located_in", "Alabama")], []),
    ("The new company, which is to be called Sears Holdings and be based near Chicago, will have $55 billion in annual revenue.",
     [("Sears Holdings", "based_in", "Chicago")], []),
    ("The submarine was quickly spotted by Japan's Self-Defence Forces and was tracked by helicopter.",
     [("Self-Defence Forces", "based_in", "Japan")], []),
    ("Japan's Defence Agency is studying whether \"technical errors\" is a feasible explanation for the incident.",
     [("Defence Agency", "based_in", "Japan")], []),
    ("For seven years she was the director of the Red Cross in Kenya, and is most known for founding the Green Belt Movement.",
     [("Red Cross", "based_in", "Kenya")], []),
    ("A research team from the Massachusetts Institute of Technology and Colorado State University of the US and the University of Sheffield of the UK has analysed effects of global warming.",
     [("Colorado State University", "based_in", "US"), ("University of Sheffield", "based_in", "UK")],
     [("University of Sheffield", "based_in", "US"), ("Colorado State University", "based_in", "UK")]),
    ("Names of participants would be engraved, at their option, on a flag pole monument to be built in the nation's capital, Wellington.",
     [], [("*", "located_in", "*"), ("*", "participates_in", "*")]),
    # lives_in
    ("The 2004 Nobel Peace Prize was awarded today to Dr Wangari Maathai from Kenya.", [("Wangari Maathai", "lives_in", "Kenya")], []),
    ("Elvis Presley, a native of Tupelo, Mississippi, recorded his first songs in Memphis.",
     [("Elvis Presley", "lives_in", "Tupelo")], [("Elvis Presley", "lives_in", "Memphis")]),
    # Written in news style to state public facts, for patterns the openly licensed news lacks.
    ("Tim Cook, an Apple executive since 1998, became chief executive of the company in 2011.",
     [("Tim Cook", "works_for", "Apple"), ("Tim Cook", "has_title", "chief executive")], []),
    ("Elvis Presley's Memphis home, Graceland, opened to the public in 1982.", [("Elvis Presley", "lives_in", "Memphis")], []),
    ("Ernest Hemingway's home in Key West is now a museum.", [("Ernest Hemingway", "lives_in", "Key West")], []),
    ("Ruth Bader Ginsburg was a member of the Supreme Court for 27 years.", [("Ruth Bader Ginsburg", "works_for", "Supreme Court")], []),
    ("The ceremony took place at Fort Sumter National Monument, Charleston, S.C., on Friday.",
     [("Charleston", "located_in", "S.C.")], [("Charleston", "located_in", "Fort Sumter National Monument")]),
    ("Ichiro Suzuki is from Toyoyama in Aichi Prefecture in central Japan.",
     [("Ichiro Suzuki", "lives_in", "Toyoyama"), ("Toyoyama", "located_in", "Aichi Prefecture"), ("Toyoyama", "located_in", "Japan")], []),
    ("John Wilkes Booth assassinated President Abraham Lincoln at Ford's Theatre in Washington in April 1865.",
     [("John Wilkes Booth", "killed", "Abraham Lincoln"), ("Abraham Lincoln", "has_title", "President")], [("*", "works_for", "*")]),
    ("Abraham Lincoln was shot by John Wilkes Booth at Ford's Theatre.",
     [("John Wilkes Booth", "killed", "Abraham Lincoln")], [("Abraham Lincoln", "killed", "*"), ("*", "works_for", "*")]),
    ("Jack Ruby, who killed Lee Harvey Oswald two days after the assassination, died in 1967.", [("Jack Ruby", "killed", "Lee Harvey Oswald")], []),
    ("Mark David Chapman was convicted of murdering John Lennon outside the Dakota building in New York.",
     [("Mark David Chapman", "killed", "John Lennon")], []),
    ("In 1882, the outlaw Jesse James was shot to death in St. Joseph, Mo., by Robert Ford, a member of his own gang.",
     [("Robert Ford", "killed", "Jesse James"), ("St. Joseph", "located_in", "Mo.")], [("Jesse James", "killed", "*")]),
    ("A jury convicted Mark David Chapman of killing John Lennon outside the Dakota building.",
     [("Mark David Chapman", "killed", "John Lennon")], [("John Lennon", "killed", "*")]),
    ("Gavrilo Princip, the man convicted of killing Archduke Franz Ferdinand, died in prison in 1918.",
     [("Gavrilo Princip", "killed", "Archduke Franz Ferdinand")], []),
    ("The commission found that Lee Harvey Oswald acted alone in the Kennedy slaying.",
     [("Lee Harvey Oswald", "killed", "Kennedy")], [("Kennedy", "killed", "*")]),
    ("The film was made by Modesto native George Lucas, who set it in the town where he grew up.",
     [("George Lucas", "lives_in", "Modesto")], []),
    ("Today's Highlight in History: On Jan. 8, 1935, singer Elvis Presley was born in Tupelo, Miss.",
     [("Elvis Presley", "lives_in", "Tupelo"), ("Tupelo", "located_in", "Miss.")], []),
    ("Actress Angie Dickinson, who was born in Kulm, N.D., donated a coat to the museum.",
     [("Angie Dickinson", "lives_in", "Kulm")], [("Angie Dickinson", "works_for", "*")]),
    ("Lisa Marsh has covered the courts for the Associated Press since 1998.",
     [("Lisa Marsh", "works_for", "Associated Press")], []),
    ("Tom Walsh has written for The New York Times since 1990.", [("Tom Walsh", "works_for", "New York Times")], []),
    ("Lisa Marsh bought flowers for the Red Cross volunteers.", [], [("Lisa Marsh", "works_for", "*")]),
    ("Paris AFP", [("AFP", "based_in", "Paris")], []),
    ("The song was written by Bruce Springsteen, a New Jersey native, in 1975.",
     [("Bruce Springsteen", "lives_in", "New Jersey")], []),
    ("Senator John Glenn, an Ohio native, flew again in 1998.", [("John Glenn", "lives_in", "Ohio")], []),
    ("The prize went to novelist Toni Morrison, a Lorain native, for her third book.", [], [("Toni Morrison", "works_for", "*")]),
    ("The assassination of Archduke Franz Ferdinand by Gavrilo Princip in Sarajevo started a chain of events that led to war.",
     [("Gavrilo Princip", "killed", "Archduke Franz Ferdinand")], []),
    ("According to the Saudi Interior Ministry over 345 Muslim pilgrims have been killed in a stampede during the annual Hajj pilgrimage near Mecca, Saudi Arabia.",
     [("Mecca", "located_in", "Saudi Arabia")], [("*", "killed", "*"), ("*", "event_location", "Mecca")]),
    # alias_of
    ("The private group that runs the current system, United Network for Organ Sharing, or UNOS, objects to the new regulations.",
     [("UNOS", "alias_of", "United Network for Organ Sharing")], []),
    ("Mr. Lula said Brazil supports Korea in their effort to join the Inter-American Development Bank (IDB).",
     [("IDB", "alias_of", "Inter-American Development Bank")], []),
    ("Japan's ruling party, the Liberal Democratic Party or LDP, has recently proposed constitutional amendments.",
     [("LDP", "alias_of", "Liberal Democratic Party"), ("Liberal Democratic Party", "based_in", "Japan")], []),
    ("Topics included the U.S. \"Star Wars\" missile defence system, the future of NORAD (North American Aerospace Defence Command), combatting of AIDS and other diseases.",
     [("NORAD", "alias_of", "North American Aerospace Defence Command")], [("U.S.", "alias_of", "*")]),
    ("Airbus is owned by European Aeronautic Defense & Space Company (EADS).",
     [("EADS", "alias_of", "European Aeronautic Defense & Space Company")], []),
    ("Overnight lows ranged from 4 degrees at Cody, Wyo., and Aspen, Colo., to 71 degrees at Key West, Fla.",
     [("Cody", "located_in", "Wyo."), ("Aspen", "located_in", "Colo."), ("Key West", "located_in", "Fla.")], [("Wyo.", "located_in", "*")]),
    ("Kessler, a professor of economics at Boston University, said the plan would fail.",
     [("Kessler", "works_for", "Boston University")], []),
    ("The actor John Wilkes Booth shot Lincoln at Ford's Theatre in April 1865.",
     [("John Wilkes Booth", "killed", "Lincoln")], [("*", "works_for", "*")]),
    ("Ellen Marsh, of the Vermont Historical Society, said the letters were genuine.",
     [("Ellen Marsh", "works_for", "Vermont Historical Society")], []),
    ("Anne Keller, of Bangor, Maine, won the race for the second year.", [], [("*", "works_for", "*")]),
    ("He flew to Lagos, the largest city in Nigeria, on Monday.", [("Lagos", "located_in", "Nigeria")], []),
    ("Aid convoys reached Goma, the capital of North Kivu province, after a week on the road.", [("Goma", "located_in", "North Kivu")], []),
    ("Fighting spread to Kisangani, the main city in northern Congo, on Tuesday.", [("Kisangani", "located_in", "Congo")], []),
    ("Investigators concluded that Lee Harvey Oswald acted alone when he killed Kennedy.", [("Lee Harvey Oswald", "killed", "Kennedy")], []),
    ("In 1963, Dallas nightclub owner Jack Ruby shot and mortally wounded Lee Harvey Oswald in a police garage.",
     [("Jack Ruby", "killed", "Lee Harvey Oswald")], [("Lee Harvey Oswald", "killed", "*")]),
    ("Mark Dillon spent the weekend campaigning in his native Ohio.", [("Mark Dillon", "lives_in", "Ohio")], []),
    ("The singer Ann Vale is returning to her Kansas hometown for a concert.", [("Ann Vale", "lives_in", "Kansas")], []),
    ("The mayor said his native Ohio would vote for the bill.", [], [("*", "lives_in", "*")]),
    ("The IAEA Safeguards Director Pierre Goldschmidt said the inspectors would return.",
     [("Pierre Goldschmidt", "works_for", "IAEA"), ("Pierre Goldschmidt", "has_title", "Director")], []),
    ("In Paris, Director Jean Martin said the museum would close for a month.", [], [("*", "works_for", "*")]),
    # credit lines of monitored broadcasts and press: the outlet is based in the place
    ("BK1203101596 Bangkok Radio Thailand Network in Thai 1000 GMT 12 Mar 96",
     [("Radio Thailand Network", "based_in", "Bangkok")], [("*", "located_in", "*")]),
    ("Tokyo ASAHI SHIMBUN", [("ASAHI SHIMBUN", "based_in", "Tokyo")], []),
    ("MOSCOW SAYS NO TO NEW SANCTIONS", [], [("*", "based_in", "*")]),
    # events: chairs, participants, dates, places
    ("The chairmanship of the Council of Foreign Ministers will pass from Kazakhstan to Azerbaijan in December.",
     [("Kazakhstan", "chairs", "Council of Foreign Ministers"), ("Azerbaijan", "chairs", "Council of Foreign Ministers")], []),
    ("The aim of the CSO was to ensure a successful outcome of the Ministerial Council meeting, which will present the achievements of CICA since the last Summit in Astana in 2022.",
     [("last Summit", "event_location", "Astana"), ("last Summit", "event_date", "2022")], [("Ministerial Council meeting", "event_date", "*")]),
    ("This latest round of voting was to replace the results of the second run-off election held on November 21, 2004.",
     [("second run-off election", "event_date", "November 21, 2004")], []),
    ("The Government's Flag Consideration Project has planned a number of conferences and roadshows as part of this process, with the first meeting set to take place in Christchurch on May 16.",
     [("first meeting", "event_date", "May 16")], []),
    ("Australia is widely tipped to win the opening match of the two test series.", [("Australia", "participates_in", "opening match")], []),
    ("At a news conference with US Vice President Al Gore in Jerusalem, Mr. Netanyahu suggested Israel might be willing to move.",
     [("Al Gore", "participates_in", "news conference"), ("Netanyahu", "participates_in", "news conference"),
      ("news conference", "event_location", "Jerusalem"), ("Al Gore", "has_title", "Vice President")], []),
    ("No injuries or deaths were reported in the attacks from either side, but South Korea evacuated about 80 people after at least one shell landed near the area.",
     [], [("*", "killed", "*"), ("*", "located_in", "*")]),
    ("The Indymedia group of websites reported a demonstration on the 29th against the deportation of Palestinian refugees.",
     [], [("Indymedia", "participates_in", "*")]),
    ("Yesterday Mohamed received VIP attention at Google headquarters in California at the Google Science Fair — and tomorrow he plans to meet international dignitaries at the United Nations headquarters in New York.",
     [("Google", "based_in", "California"), ("United Nations", "based_in", "New York")], [("Mohamed", "lives_in", "*")]),
    ("The Greek Orthodox Church, a Christian denomination, is extremely critical of worshippers of the ancient deities.",
     [], [("*", "based_in", "*"), ("*", "lives_in", "*")]),
    ("Elections are important for any democracy, the minister said.", [], [("*", "participates_in", "*"), ("*", "event_date", "*")]),
    ("The crane accident comes just ten days before the beginning of the Hajj, the annual pilgrimage to Mecca, Islam's holiest site.",
     [], [("*", "located_in", "*"), ("*", "has_title", "*")]),
]  # fmt: skip


def _matches(pred: Triple, want: Triple) -> bool:
    return all(w == "*" or p.endswith(w) for p, w in zip(pred, want))


def _triples(doc) -> list[Triple]:
    text = doc.text
    return [(text[r["head_start"] : r["head_end"]], r["relation"], text[r["tail_start"] : r["tail_end"]]) for r in doc._.relations]


@pytest.mark.parametrize("text,expected,forbidden", CASES, ids=[c[0][:40] for c in CASES])
def test_relations_sentence_table(nlp, text, expected, forbidden):
    found = _triples(nlp(text))
    missing = [w for w in expected if not any(_matches(p, w) for p in found)]
    wrong = [p for p in found if any(_matches(p, f) for f in forbidden)]
    assert not missing and not wrong, f"missing {missing}, forbidden {wrong}, found {found}"


# (sentence, event mention given to the stage, frame relations that must be found): the frame
# patterns tested apart from which nouns the entities stage takes for events.
FRAMES: list[tuple[str, str, list[Triple]]] = [
    ("Hu Jintao, the President of the People's Republic of China had lunch today with the President of Brazil, Luiz Inácio Lula da Silva, at the Granja do Torto.",
     "lunch", [("Hu Jintao", "participates_in", "lunch"), ("Luiz Inácio Lula da Silva", "participates_in", "lunch"), ("lunch", "event_date", "today")]),
    ("The brawl began at the end of the Friday, November 19th game between the Detroit Pistons and the Indiana Pacers.",
     "game", [("Detroit Pistons", "participates_in", "game"), ("Indiana Pacers", "participates_in", "game")]),
    ("Alfred Gusenbauer has been reelected as leader of the Austrian Social Democrat Party (SPOE) at the party's convention in Vienna.",
     "convention", [("Alfred Gusenbauer", "participates_in", "convention"), ("convention", "event_location", "Vienna")]),
    ("Some Brazilian ministers were present at the event: Antonio Palocci (Economy), Eduardo Campos (Science and Technology), Roberto Rodrigues (Agriculture).",
     "event", [("Antonio Palocci", "participates_in", "event"), ("Roberto Rodrigues", "participates_in", "event")]),
    ("It was the deadliest stampede during the 1991 Hajj, in which 1,426 pilgrims were trampled.", "Hajj", [("Hajj", "event_date", "1991")]),
    ("The Australian cricket team has talked up their chances of winning the first trans-Tasman test, which is due to begin in Brisbane tomorrow.",
     "first trans-Tasman test", [("first trans-Tasman test", "event_location", "Brisbane"), ("first trans-Tasman test", "event_date", "tomorrow")]),
    ("Israeli Prime Minister Benjamin Netanyahu says considerable gaps remain between Israeli and Palestinian positions before next week's talks in London.",
     "talks", [("talks", "event_location", "London"), ("talks", "event_date", "next week")]),
]  # fmt: skip


@pytest.mark.parametrize("text,mention,expected", FRAMES, ids=[f[1] for f in FRAMES])
def test_relations_event_frames_for_given_mentions(nlp, text, mention, expected):
    from spacy.tokens import Span

    doc = nlp(text)
    start = text.index(mention)
    span = doc.char_span(start, start + len(mention))
    others = [s for s in doc.spans["events"] if not (s.start < span.end and span.start < s.end)]
    doc.spans["events"] = [*others, Span(doc, span.start, span.end, label="EVENT")]
    found = _triples(nlp.get_pipe("news_relations")(doc))
    missing = [w for w in expected if not any(_matches(p, w) for p in found)]
    assert not missing, f"missing {missing}, found {found}"


def test_relations_table_is_large_and_has_negatives():
    assert len(CASES) >= 60
    assert sum(1 for _, expected, _ in CASES if not expected) >= 5


def test_relations_rows_carry_evidence_and_confidence(nlp):
    doc = nlp("Sears CEO Alan Lacy, speaking about the deal, promised savings.")
    assert doc._.relations
    for rel in doc._.relations:
        assert doc.text[rel["evidence_start"] : rel["evidence_end"]].startswith("Sears CEO")
        assert 0.0 < rel["confidence"] <= 1.0 and rel["pattern"]


def test_relations_fit_schema_rejects_wrong_argument_types():
    ok = Found("works_for", (0, 4), "PERSON", (5, 9), "ORG", (0, 9), "p", 0.9)
    assert fits_schema(ok)
    assert not fits_schema(Found("works_for", (0, 4), "PERSON", (5, 9), "NORP", (0, 9), "p", 0.9))
    assert not fits_schema(Found("killed", (0, 4), "ORG", (5, 9), "PERSON", (0, 9), "p", 0.9))
    assert fits_schema(Found("event_date", (0, 4), "EVENT", (5, 9), "DATE", (0, 9), "p", 0.9, "date"))


def test_relations_every_output_fits_the_schema(nlp, seed_text):
    doc = nlp(seed_text)
    labels = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    labels.update({(e.start_char, e.end_char): "EVENT" for e in doc.spans["events"]})
    for rel in doc._.relations:
        heads, tails = RELATIONS[rel["relation"]]
        assert labels[(rel["head_start"], rel["head_end"])] in heads
        tail = "DATE" if rel["tail_kind"] == "date" else labels[(rel["tail_start"], rel["tail_end"])]
        assert tail in tails


@pytest.mark.parametrize("config", [{"min_confidence": 2.0}, {"patterns": ["no_such_pattern"]}])
def test_relations_factory_validates_options(config):
    nlp = spacy.blank("en")
    with pytest.raises(ConfigError):
        nlp.add_pipe("news_relations", config=config)


def test_relations_patterns_option_limits_groups():
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("news_relations", config={"patterns": ["killed"]})
    assert stage.patterns == [PATTERNS["killed"]]


def test_relations_seed_event_frames(nlp, seed_text):
    doc = nlp(seed_text)
    doc._.article_id = "seed"
    events = {e.name: e for e in from_doc(doc).events}
    seventh = next(e for name, e in events.items() if name.endswith("seventh meeting"))
    assert seventh.date_value == "2024-12-17"
    assert "Council of Foreign Ministers" in seventh.participants
    summit = next(e for name, e in events.items() if name.endswith("last Summit"))
    assert (summit.location, summit.date_value) == ("Astana", "2022")
    online = next(e for name, e in events.items() if name.endswith("online meeting"))
    assert "Alibek Bakayev" in online.chair and "Kairat Sarybay" in online.participants


def test_relations_event_rows_group_one_row_per_event():
    ents = [
        EntityRecord("a", "E1", "", 0, 7, "meeting", "EVENT", "meeting"),
        EntityRecord("a", "E1", "", 40, 47, "meeting", "EVENT", "meeting"),
        EntityRecord("a", "E2", "", 11, 16, "Paris", "GPE", "Paris"),
        EntityRecord("a", "E3", "", 20, 23, "Ann", "PERSON", "Ann Lee"),
    ]
    # (An event word inside a name never reaches the records: the entities stage leaves it out,
    # see tests/entities/test_decided_once.py.)
    dates = [DateRecord("a", "D1", 30, 35, "today", "DATE", "2024-01-02", "", "2024-01-02")]
    rels = [
        RelationRecord("a", "E1", "", 0, 7, "meeting", "event_location", "E2", "", 11, 16, "Paris", "", "", "", 0, 50, 0.7),
        RelationRecord("a", "E1", "", 0, 7, "meeting", "event_date", "D1", "", 30, 35, "today", "", "", "", 0, 50, 0.7),
        RelationRecord("a", "E3", "", 20, 23, "Ann", "chairs", "E1", "", 0, 7, "meeting", "", "", "", 0, 50, 0.8),
        RelationRecord("a", "E3", "", 20, 23, "Ann", "participates_in", "E1", "", 40, 47, "meeting", "", "", "", 0, 50, 0.7),
    ]
    rows = event_rows(ents, dates, rels)
    assert rows == [{
        "event_id": "E1", "name": "meeting", "start": 0, "end": 7, "date_value": "2024-01-02", "date_text": "today",
        "location": "Paris", "chair": "Ann Lee", "participants": "Ann Lee",
    }]  # fmt: skip


SPERT = [
    {"tokens": ["Marie", "Ferraro", ",", "50", ",", "of", "Bethany", ",", "Conn", ".", "was", "shot", "."],
     "entities": [{"type": "Peop", "start": 0, "end": 2}, {"type": "Loc", "start": 6, "end": 7}, {"type": "Loc", "start": 8, "end": 10},
                  {"type": "Other", "start": 3, "end": 4}],
     "relations": [{"type": "Live_In", "head": 0, "tail": 1}, {"type": "Located_In", "head": 1, "tail": 2}]},
    {"tokens": ["Kansas", "City", "lies", "on", "the", "Missouri", "River", "."],
     "entities": [{"type": "Loc", "start": 0, "end": 2}, {"type": "Loc", "start": 5, "end": 7}],
     "relations": [{"type": "Located_In", "head": 0, "tail": 1}]},
]  # fmt: skip


def test_relations_conll04_converts_spert_sentences(tmp_path):
    src = tmp_path / "mini.json"
    src.write_text(json.dumps(SPERT), encoding="utf-8")
    out = tmp_path / "gold.jsonl"
    assert conll04.convert(src, out) == 2
    item, river = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert item["text"] == "Marie Ferraro, 50, of Bethany, Conn. was shot."
    spans = [(e["text"], e["label"]) for e in item["entities"]]
    assert spans == [("Marie Ferraro", "PERSON"), ("Bethany", "GPE"), ("Conn.", "GPE")]
    assert [r["relation"] for r in item["relations"]] == ["lives_in", "located_in"]
    assert [(e["text"], e["label"]) for e in river["entities"]] == [("Kansas City", "GPE"), ("Missouri River", "LOC")]


def test_relations_conll04_refuses_other_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a list"}', encoding="utf-8")
    with pytest.raises(GoldFormatError):
        conll04.convert(bad, tmp_path / "out.jsonl")


def test_relations_conll04_scheme_maps_place_employers_to_lives_in():
    ents = pd.DataFrame([["a", "E1", "PERSON"], ["a", "E2", "GPE"], ["a", "E3", "ORG"]], columns=["article_id", "entity_id", "label"])
    rels = pd.DataFrame(
        # "Ohio Gov. Ted Strickland": the place before the title and the name.
        [["a", "E1", 10, 13, "works_for", "E2", 0, 4], ["a", "E1", 10, 13, "works_for", "E3", 17, 19], ["a", "E1", 10, 13, "has_title", "E4", 5, 9]],
        columns=["article_id", "head_id", "head_start", "head_end", "relation", "tail_id", "tail_start", "tail_end"],
    )
    out = conll04.restrict({"entities": ents, "relations": rels})["relations"]
    assert list(zip(out["relation"], out["tail_id"])) == [("lives_in", "E2"), ("works_for", "E3")]


def test_relations_cli_convert_and_evaluate_scheme(tmp_path):
    src = tmp_path / "mini.json"
    src.write_text(json.dumps(SPERT), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["convert", "conll04", str(src), "--out", str(gold)])
    assert result.exit_code == 0, result.output
    item = json.loads(gold.read_text(encoding="utf-8").splitlines()[0])
    pred = tmp_path / "pred"
    pred.mkdir()
    pd.DataFrame([{"article_id": item["article_id"], "published": ""}]).to_csv(pred / "articles.csv", index=False)
    pd.DataFrame(
        [[item["article_id"], "E1", 0, 13, "Marie Ferraro", "PERSON", "Marie Ferraro"], [item["article_id"], "E2", 22, 29, "Bethany", "GPE", "Bethany"]],
        columns=["article_id", "entity_id", "start", "end", "text", "label", "canonical"],
    ).to_csv(pred / "entities.csv", index=False)
    pd.DataFrame(columns=["article_id", "date_id", "start", "end", "text", "type", "value", "anchor"]).to_csv(pred / "dates.csv", index=False)
    pd.DataFrame(
        [[item["article_id"], "E1", 0, 13, "Marie Ferraro", "lives_in", "E2", 22, 29, "Bethany", 0, 46, 0.7]],
        columns=["article_id", "head_id", "head_start", "head_end", "head_text", "relation", "tail_id", "tail_start", "tail_end", "tail_text", "evidence_start", "evidence_end", "confidence"],
    ).to_csv(pred / "relations.csv", index=False)
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--scheme", "conll04"])
    assert result.exit_code == 0, result.output
    scores = json.loads((pred / "scores.json").read_text(encoding="utf-8"))
    assert scores["relations"]["per_relation"]["lives_in"]["tp"] == 1
    assert scores["relations"]["micro"]["n_gold"] == 3
    assert runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--scheme", "nope"]).exit_code == 2


def test_relations_conll04_dev_converts_and_loads(tmp_path):
    from newsie.evaluation.gold import load_gold

    path = shared_data("conll04", "conll04_dev.json")
    out = tmp_path / "dev.jsonl"
    assert conll04.convert(path, out) == 231
    gold = load_gold(out)
    assert sum(len(g.relations) for g in gold) == 343
    for g in gold:
        for e in g.entities:
            assert g.text[e.start : e.end] == g.text[e.start : e.end].strip()


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Smith,", "(AP)", "Paris,", "Kmart's", "John Smith, a", "in Paris, France,", "chaired by", "The meeting of"],
)
def test_relations_odd_inputs_give_plain_lists(nlp, text):
    doc = nlp(text)
    assert isinstance(doc._.relations, list)
    assert all(isinstance(r, dict) for r in doc._.relations)


def test_relations_tokens_with_matches_token_loop() -> None:
    """The trigger-word lookup gives exactly the tokens a loop over the doc would."""
    from newsie.relations.patterns import Context

    blank = spacy.blank("en")
    doc = blank("His Home is in Boston ; he was born there and BASED in Paris .")
    for token, lemma in zip(doc, ["his", "Home", "be", "in", "Boston", ";", "he", "be", "bear", "there", "and", "BASED", "in", "Paris", "."]):
        token.lemma_ = lemma
    ctx = Context.build(doc, [], [])
    for words, lemma in (({"home", "bear"}, True), ({"be"}, True), ({"based", "paris"}, False), ({"none"}, True)):
        expected = [t.i for t in doc if (t.lemma_ if lemma else t.lower_).lower() in words]
        assert [t.i for t in ctx.tokens_with(words, lemma=lemma)] == expected
    assert [t.i for t in ctx.tokens_with({"home"})] == [1]


@pytest.mark.parametrize(
    ("tokens", "entity", "expected"),
    [
        (["She", "lives", "in", "Addis", "Ababa", ",", "Ethiopia."], (6, 7), "Ethiopia"),
        (["He", "was", "born", "in", "Dover", ",", "Del", "."], (6, 7), "Del."),
        (["He", "was", "born", "in", "Albany", ",", "N.Y."], (6, 7), "N.Y."),
        (["He", "was", "born", "in", "Dover", "."], (4, 5), "Dover"),
        (["Dover", ",", "Del", ".", "is", "small", "."], (2, 3), "Del"),
    ],
)
def test_relations_conll04_final_stop_belongs_to_abbreviations(tokens, entity, expected):
    item = {"tokens": tokens, "entities": [{"type": "Loc", "start": entity[0], "end": entity[1]}], "relations": []}
    assert conll04.sentence_to_gold(item, "s")["entities"][0]["text"] == expected


def _frames(ents: list, rels: list) -> dict:
    return {
        "entities": pd.DataFrame(ents, columns=["article_id", "entity_id", "start", "end", "text", "label"]),
        "relations": pd.DataFrame(rels, columns=["article_id", "head_id", "head_start", "head_end", "relation", "tail_id", "tail_start", "tail_end"]),
    }


def test_relations_conll04_scheme_draws_titled_people_and_city_state_residences():
    # "President Grant was born in Point Pleasant, Ohio, and Soviet President Gorbachev ..."
    text = "President Grant was born in Point Pleasant, Ohio, and Soviet President Gorbachev"
    ents = [
        ["a", "E1", 0, 9, "President", "TITLE"], ["a", "E2", 10, 15, "PERSON", "PERSON"],
        ["a", "E3", 28, 42, "Point Pleasant", "GPE"], ["a", "E4", 44, 48, "Ohio", "GPE"],
        ["a", "E5", 54, 60, "Soviet", "NORP"], ["a", "E6", 61, 70, "President", "TITLE"], ["a", "E7", 71, 80, "Gorbachev", "PERSON"],
    ]  # fmt: skip
    rels = [
        ["a", "E2", 10, 15, "lives_in", "E3", 28, 42], ["a", "E2", 10, 15, "lives_in", "E4", 44, 48],
        ["a", "E3", 28, 42, "located_in", "E4", 44, 48], ["a", "E2", 10, 15, "killed", "E7", 71, 80],
    ]  # fmt: skip
    out = conll04.restrict(_frames(ents, rels))["relations"]
    got = {(text[r.head_start : r.head_end], r.relation, text[r.tail_start : r.tail_end]) for r in out.itertuples()}
    # One residence for the pair, no located_in inside it; "Soviet President" stays outside the name.
    assert got == {("President Grant", "lives_in", "Point Pleasant, Ohio"), ("President Grant", "killed", "Gorbachev")}


def test_relations_conll04_scheme_reads_apposed_offices_as_no_residence():
    # "Illinois Gov. Jim Edgar" lives in Illinois; "the president of the United States, James
    # Monroe" holds an office there, which CoNLL04 does not annotate as Live_In.
    ents = [["a", "E1", 0, 8, "Illinois", "GPE"], ["a", "E2", 14, 23, "Jim Edgar", "PERSON"],
            ["b", "E1", 21, 34, "United States", "GPE"], ["b", "E2", 36, 48, "James Monroe", "PERSON"]]  # fmt: skip
    rels = [["a", "E2", 14, 23, "works_for", "E1", 0, 8], ["b", "E2", 36, 48, "works_for", "E1", 21, 34]]
    out = conll04.restrict(_frames(ents, rels))["relations"]
    assert list(zip(out["article_id"], out["relation"])) == [("a", "lives_in")]


def test_relations_conll04_scheme_keeps_city_state_without_residence():
    ents = [["a", "E1", 0, 7, "Concord", "GPE"], ["a", "E2", 9, 14, "Mass.", "GPE"]]
    rels = [["a", "E1", 0, 7, "located_in", "E2", 9, 14]]
    out = conll04.restrict(_frames(ents, rels))["relations"]
    assert list(zip(out["relation"], out["head_start"], out["tail_end"])) == [("located_in", 0, 14)]


def test_relations_conll04_scheme_draws_courtesy_titles_into_people():
    text = "Mrs. Ann Lee of Dover said the Rev. Tom Fox was shot by Sen. Bob Ray."
    ents = [
        ["a", "E1", 5, 12, "Ann Lee", "PERSON"], ["a", "E2", 16, 21, "Dover", "GPE"],
        ["a", "E3", 36, 43, "Tom Fox", "PERSON"], ["a", "E4", 61, 68, "Bob Ray", "PERSON"],
    ]  # fmt: skip
    rels = [["a", "E1", 5, 12, "lives_in", "E2", 16, 21], ["a", "E4", 61, 68, "killed", "E3", 36, 43]]
    out = conll04.restrict(_frames(ents, rels), {"a": text})["relations"]
    got = {(text[r.head_start : r.head_end], r.relation, text[r.tail_start : r.tail_end]) for r in out.itertuples()}
    # Courtesy titles are part of a CoNLL04 person; a senator's rank is not.
    assert got == {("Mrs. Ann Lee", "lives_in", "Dover"), ("Bob Ray", "killed", "Rev. Tom Fox")}
    # Without the texts the spans stay as predicted.
    bare = conll04.restrict(_frames(ents, rels))["relations"]
    assert sorted(bare["head_start"]) == [5, 61]


def test_relations_conll04_scheme_merges_city_state_only_for_birthplaces():
    text = "Ann Lee of Dover, Del., met Tom Fox, born in Concord, Mass."
    ents = [
        ["a", "E1", 0, 7, "Ann Lee", "PERSON"], ["a", "E2", 11, 16, "Dover", "GPE"], ["a", "E3", 18, 22, "Del.", "GPE"],
        ["a", "E4", 28, 35, "Tom Fox", "PERSON"], ["a", "E5", 45, 52, "Concord", "GPE"], ["a", "E6", 54, 59, "Mass.", "GPE"],
    ]  # fmt: skip
    rels = [
        ["a", "E1", 0, 7, "lives_in", "E2", 11, 16], ["a", "E1", 0, 7, "lives_in", "E3", 18, 22], ["a", "E2", 11, 16, "located_in", "E3", 18, 22],
        ["a", "E4", 28, 35, "lives_in", "E5", 45, 52], ["a", "E4", 28, 35, "lives_in", "E6", 54, 59], ["a", "E5", 45, 52, "located_in", "E6", 54, 59],
    ]  # fmt: skip
    out = conll04.restrict(_frames(ents, rels), {"a": text})["relations"]
    got = {(text[r.head_start : r.head_end], r.relation, text[r.tail_start : r.tail_end]) for r in out.itertuples()}
    assert got == {
        ("Ann Lee", "lives_in", "Dover"), ("Ann Lee", "lives_in", "Del."), ("Dover", "located_in", "Del."),
        ("Tom Fox", "lives_in", "Concord, Mass."),
    }  # fmt: skip
