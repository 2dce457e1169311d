"""The aliases stage: acronym definitions, shortened names, entity ids, the corpus entity index."""

from __future__ import annotations

import pandas as pd
import pytest

from newsie.aliases.component import find_long_form, find_long_form_by_initials
from newsie.run.entity_index import entity_index


@pytest.mark.parametrize(
    "short,words,expected",
    [
        ("CICA", "the Conference on Interaction and Confidence - Building Measures in Asia", "Conference on Interaction and Confidence - Building Measures in Asia"),
        ("CFM", "meeting of the Council of Foreign Ministers", "Council of Foreign Ministers"),
        ("WHO", "experts at the World Health Organization", "World Health Organization"),
        ("IDB", "join the Inter - American Development Bank", "Inter - American Development Bank"),
        ("UNOS", "the current system , United Network for Organ Sharing", "United Network for Organ Sharing"),
        ("EADS", "owned by European Aeronautic Defense & Space Company", None),  # "Company" is no S
        ("KPA", "the Korean People 's Army", "Korean People 's Army"),
    ],
)
def test_aliases_long_form_by_initials(short, words, expected):
    tokens = words.split()
    n = find_long_form_by_initials(short, tokens)
    assert (" ".join(tokens[-n:]) if n else None) == expected


def test_aliases_schwartz_hearst_is_the_fallback():
    # Letters inside words: only the character-level algorithm finds these.
    tokens = "an analysis of variance".split()
    assert find_long_form_by_initials("ANOVA", tokens) is None
    assert find_long_form("ANOVA", tokens) == 3


def _ents(doc):
    return [(e.text, e.label_, e.id_) for e in doc.ents if e.label_ not in {"DATE", "TIME"}]


def test_aliases_definition_long_then_short(nlp, seed_text):
    doc = nlp(seed_text)
    by_text = {}
    for text, label, entity_id in _ents(doc):
        by_text.setdefault(text, set()).add(entity_id)
    long = "Conference on Interaction and Confidence-Building Measures in Asia"
    assert by_text[long] == by_text["CICA"] and len(by_text["CICA"]) == 1
    assert by_text["Council of Foreign Ministers"] == by_text["CFM"]
    assert by_text["Committee of Senior Officials"] == by_text["CSO"] == by_text["Committee"]
    entity_id = next(iter(by_text["CICA"]))
    assert doc._.canonical[entity_id] == long
    assert "Confidence-Building Measures in Asia" not in by_text


def test_aliases_definition_short_then_long(nlp):
    doc = nlp("The CFM (Council of Foreign Ministers) met in Baku. The CFM adopted a statement.")
    ids = {(t, i) for t, _, i in _ents(doc)}
    cfm = {i for t, i in ids if t == "CFM"}
    assert len(cfm) == 1 and cfm == {i for t, i in ids if t == "Council of Foreign Ministers"}
    assert doc._.alias_pairs


def test_aliases_acronym_from_another_language(nlp):
    doc = nlp(
        "Alfred Gusenbauer was reelected as leader of the Austrian Social Democrat Party (SPOE). "
        "Gusenbauer leads the SPOE since 1999."
    )
    spoe = [(label, i) for t, label, i in _ents(doc) if t == "SPOE"]
    party = [i for t, _, i in _ents(doc) if t == "Austrian Social Democrat Party"]
    assert len(spoe) == 2 and all(label == "ORG" for label, _ in spoe)
    assert {i for _, i in spoe} == set(party)


@pytest.mark.parametrize(
    "text",
    [
        "NEW ORLEANS (AP) _ Tourism officials said Monday that hotel bookings had doubled.",
        "SEOUL, South Korea (AP) _ Thousands of students marched through the capital on Sunday.",
    ],
)
def test_aliases_dateline_agency_is_no_acronym_of_the_place(nlp, text):
    doc = nlp(text)
    assert not doc._.alias_pairs
    assert [label for t, label, _ in _ents(doc) if t == "AP"] == ["ORG"]


def test_aliases_surname_shares_the_person_id(nlp):
    doc = nlp("Deputy Foreign Minister Alibek Bakayev chaired the meeting. In his remarks, Bakayev thanked the Committee.")
    ids = {t: i for t, _, i in _ents(doc)}
    assert ids["Bakayev"] == ids["Alibek Bakayev"]
    assert doc._.canonical[ids["Bakayev"]] == "Alibek Bakayev"


def test_aliases_possessive_and_case_share_an_id(nlp):
    doc = nlp("BAKU, Azerbaijan. Azerbaijan's chairmanship begins in 2024. AZERBAIJAN will host the summit.")
    ids = {i for t, label, i in _ents(doc) if label == "GPE" and t.lower().startswith("azerbaijan")}
    assert len(ids) == 1


def test_aliases_bare_event_noun_joins_the_last_event(nlp):
    doc = nlp("The online meeting of the Committee was held on Monday. This meeting was a significant step.")
    events = {e.text: e.id_ for e in doc.spans["events"]}
    assert events["meeting"] == events["online meeting"]


def test_aliases_every_mention_has_an_id(nlp, seed_text):
    doc = nlp(seed_text)
    mentions = [e for e in doc.ents if e.label_ not in {"DATE", "TIME"}] + list(doc.spans["events"])
    assert mentions and all(e.id_.startswith("E") for e in mentions)
    numbers = [e for e in doc.ents if e.label_ in {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}]
    assert len({e.id_ for e in numbers}) == len(numbers)  # each number is its own entity


def test_aliases_records_carry_the_ids(nlp, seed_text):
    from newsie.run.records import from_doc

    doc = nlp(seed_text)
    rows = from_doc(doc).entities
    assert rows and all(r.entity_id.startswith("E") and not r.entity_id[1:].startswith("0") for r in rows)
    raw = doc._.raw_text
    assert all(raw[r.start : r.end] == r.text for r in rows)


def test_aliases_entity_index_across_articles():
    rows = [
        ("a1", "E1", 0, 4, "CICA", "ORG", "Conference on Interaction and Confidence-Building Measures in Asia"),
        ("a1", "E1", 10, 76, "Conference on Interaction and Confidence-Building Measures in Asia", "ORG", "Conference on Interaction and Confidence-Building Measures in Asia"),
        ("a2", "E3", 0, 4, "CICA", "ORG", "CICA"),
        ("a2", "E4", 10, 14, "Baku", "GPE", "Baku"),
        ("a1", "E2", 80, 84, "BAKU", "GPE", "BAKU"),
        ("a2", "E5", 20, 25, "three", "CARDINAL", "three"),
        ("a2", "E6", 30, 37, "meeting", "EVENT", "meeting"),
    ]
    frame = pd.DataFrame(rows, columns=["article_id", "entity_id", "start", "end", "text", "label", "canonical"])
    frame.insert(2, "entity_key", _keys(frame))
    index = entity_index(frame)
    assert list(index.columns) == ["entity_key", "canonical", "label", "aliases", "article_count", "mention_count"]
    assert index["entity_key"].is_unique and set(index["entity_key"]) == set(frame["entity_key"]) - {""}
    cica = index[index["label"] == "ORG"].iloc[0]
    assert cica["canonical"].startswith("Conference on Interaction")
    assert cica["aliases"] == "CICA" and cica["article_count"] == 2 and cica["mention_count"] == 3
    baku = index[index["label"] == "GPE"].iloc[0]
    assert baku["article_count"] == 2 and baku["mention_count"] == 2
    assert baku["canonical"] == "Baku"  # the dateline's capitals do not win
    assert set(index["label"]) == {"ORG", "GPE"}  # no numbers, no lowercase event mentions


def _keys(frame: pd.DataFrame) -> list[str]:
    """Each row's entity_key, as the records give it (per article entity, from its mentions)."""
    from newsie.run.keys import cased, key_of

    mentions = frame.groupby(["article_id", "entity_id"])["text"].apply(list).to_dict()
    keys = []
    for row in frame.itertuples():
        texts = mentions[(row.article_id, row.entity_id)]
        name = cased(row.label, row.canonical, texts)
        keys.append(key_of(row.label, name, texts))
    return keys


def test_aliases_entity_index_written_by_run(nlp, tmp_path):
    from newsie.run.job import run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The United Nations (UN) met in Geneva. The UN said so.", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("The UN and Geneva officials met again.", encoding="utf-8")
    result = run([tmp_path / "in"], tmp_path / "out", nlp=nlp)
    index = pd.read_csv(tmp_path / "out" / "entities_index.csv")
    un = index[index["canonical"] == "United Nations"]
    assert len(un) == 1 and un.iloc[0]["article_count"] == 2 and "UN" in un.iloc[0]["aliases"]
    assert result.info["counts"]["entities_index"] == len(index)


@pytest.mark.parametrize(
    ("text", "short", "long", "form"),
    [
        (
            ("The private group that runs the current system, United Network for Organ Sharing, or UNOS, "
             "objects to the new regulations. UNOS says the rules go too far."),
            "UNOS", "United Network for Organ Sharing", "apposed",
        ),
        (
            ("Kim Jong-un issued an order of the supreme commander of the Korean People's Army [KPA] that "
             "the front-line large combined units of the KPA should enter a wartime state."),
            "KPA", "Korean People's Army", "apposed",
        ),
        (
            ("The explosive device was found by police while patrolling the Plaza de España (Spain Square), "
             "according to a memo by the Ministry of Interior."),
            "Spain Square", "Plaza de España", "translated",
        ),
    ],
)
def test_aliases_name_right_after_a_name_is_one_entity(nlp, text, short, long, form):
    doc = nlp(text)
    ids = {}
    for t, _, entity_id in _ents(doc):
        ids.setdefault(t, set()).add(entity_id)
    assert len(ids[short]) == 1 and ids[short] == ids[long]  # every mention of the short name too
    assert doc._.canonical[next(iter(ids[short]))] == long
    pairs = {(text[p["short"][0] : p["short"][1]], text[p["long"][0] : p["long"][1]], p["form"]) for p in doc._.alias_pairs}
    assert (short, long, form) in pairs
