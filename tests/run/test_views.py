"""Run views, corpus-wide keys, time in relations and TIMEX3 mod, end to end on the real model.

The articles here are written for these tests (no news text).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from newsie.run.extract import make_doc
from newsie.run.job import export, run
from newsie.run.keys import cased, entity_key
from newsie.run.records import from_doc
from newsie.run.store import Store

from ..conftest import SEED_ARTICLE, SEEDS

ARTICLE_A = (
    "Former Prime Minister Tomas Varga met officials of the Northern Rail Union (NRU) in Brenfield on Monday. "
    "Acting Finance Minister Lena Ostrova said the talks would resume at the end of the month."
)
ARTICLE_B = "Tomas Varga visited Brenfield again on Friday. The Northern Rail Union (NRU) welcomed him."


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def test_run_tables_hold_the_articles_given_and_the_store_keeps_all(nlp, corpus, tmp_path):
    out = tmp_path / "out"
    run([SEED_ARTICLE], out, nlp=nlp)
    second = run([corpus], out, nlp=nlp, published="2024-03-04")
    articles = pd.read_csv(out / "articles.csv", dtype=str)
    assert sorted(articles["article_id"]) == ["a", "b"]
    assert set(pd.read_csv(out / "entities.csv", dtype=str)["article_id"]) == {"a", "b"}
    assert second.info["counts"]["articles"] == 2 and second.info["store"]["n_articles"] == 3
    assert second.info["replaced_inputs"] == [str(SEED_ARTICLE.resolve())]
    assert sorted(second.frames["articles"]["article_id"]) == ["a", "b"]
    done = export(out, tmp_path / "all")
    assert done["n_articles"] == 3
    assert len(pd.read_csv(tmp_path / "all" / "articles.csv")) == 3
    some = export(out, tmp_path / "some", article_ids=[SEED_ARTICLE.stem])
    assert some["n_articles"] == 1
    assert list(pd.read_csv(tmp_path / "some" / "articles.csv", dtype=str)["article_id"]) == [SEED_ARTICLE.stem]


def test_run_published_dates_undated_text(nlp, corpus, tmp_path):
    run([corpus], tmp_path / "out", nlp=nlp, published="2024-03-04")
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert set(articles["published"]) == {"2024-03-04"}
    dates = pd.read_csv(tmp_path / "out" / "dates.csv", dtype=str, keep_default_na=False)
    monday = dates[(dates["article_id"] == "a") & (dates["text"] == "Monday")]
    assert list(monday["value"]) == ["2024-03-04"]
    end = dates[dates["text"].str.contains("end of the month")]
    assert list(end["value"]) == ["2024-03"] and list(end["mod"]) == ["END"]


def test_run_published_does_not_override_a_jsonl_date(nlp, tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [{"id": "x", "text": ARTICLE_B, "published": "2023-01-02"}, {"id": "y", "text": ARTICLE_B}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run([path], tmp_path / "out", nlp=nlp, published="2024-03-04")
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str).set_index("article_id")
    assert articles.loc["x", "published"] == "2023-01-02" and articles.loc["y", "published"] == "2024-03-04"


def test_make_doc_takes_a_text_and_its_publication_date(nlp):
    doc = nlp(make_doc(nlp, ARTICLE_B, published="2024-03-04", article_id="b"))
    records = from_doc(doc)
    assert records.article.published == "2024-03-04" and records.article.article_id == "b"
    assert [d.value for d in records.dates if d.text == "Friday"] == ["2024-03-01"]
    docs = list(nlp.pipe(make_doc(nlp, text, published=day) for text, day in [(ARTICLE_B, "2024-03-04"), (ARTICLE_B, "")]))
    assert [d._.published for d in docs] == ["2024-03-04", ""]


def test_entity_key_joins_articles_and_the_index(nlp, corpus, tmp_path):
    run([corpus], tmp_path / "out", nlp=nlp)
    ents = pd.read_csv(tmp_path / "out" / "entities.csv", dtype=str, keep_default_na=False)
    index = pd.read_csv(tmp_path / "out" / "entities_index.csv", dtype=str, keep_default_na=False)
    varga = ents[ents["canonical"] == "Tomas Varga"]
    assert set(varga["article_id"]) == {"a", "b"} and varga["entity_key"].nunique() == 1
    assert varga["entity_key"].iloc[0] == entity_key("PERSON", "Tomas Varga")
    keyed = set(ents["entity_key"]) - {""}
    assert keyed == set(index["entity_key"]) and index["entity_key"].is_unique
    rels = pd.read_csv(tmp_path / "out" / "relations.csv", dtype=str, keep_default_na=False)
    ids = ents.drop_duplicates(["article_id", "entity_id"]).set_index(["article_id", "entity_id"])["entity_key"]
    for row in rels.itertuples():
        assert row.head_key == ids.get((row.article_id, row.head_id), "")
        if row.relation == "event_date":
            assert row.tail_key == ""


def test_entity_key_is_the_same_in_every_run(nlp, corpus, tmp_path):
    run([corpus], tmp_path / "one", nlp=nlp)
    run([corpus / "b.txt"], tmp_path / "two", nlp=nlp)
    one = pd.read_csv(tmp_path / "one" / "entities.csv", dtype=str)
    two = pd.read_csv(tmp_path / "two" / "entities.csv", dtype=str)
    merged = one[one["article_id"] == "b"].merge(two, on=["article_id", "start", "end"])
    assert len(merged) and (merged["entity_key_x"] == merged["entity_key_y"]).all()


@pytest.mark.parametrize(
    ("label", "canonical", "mentions", "expected"),
    [
        ("GPE", "WASHINGTON", ["WASHINGTON", "Washington"], "Washington"),
        ("GPE", "PARIS", ["PARIS"], "Paris"),
        ("PERSON", "EVELYNE MUSAMBI", ["EVELYNE MUSAMBI"], "Evelyne Musambi"),
        ("PERSON", "ANITA SNOW", ["ANITA SNOW"], "Anita Snow"),
        ("GPE", "USSR", ["USSR"], "USSR"),
        ("ORG", "NATO", ["NATO"], "NATO"),
        ("ORG", "TREND NEWS", ["TREND NEWS", "Trend News"], "Trend News"),
    ],
)
def test_keys_canonical_in_running_text_case(label, canonical, mentions, expected):
    assert cased(label, canonical, mentions) == expected


def test_keys_four_capitals_are_a_word_in_a_dateline_only():
    assert cased("GPE", "BAKU", ["BAKU"], heading=True) == "Baku"
    assert cased("GPE", "UNGA", ["UNGA"]) == "UNGA"


def test_keys_dateline_capitals_do_not_win_on_the_seed(nlp, tmp_path):
    result = run([SEED_ARTICLE], tmp_path / "out", nlp=nlp)
    ents = result.frames["entities"]
    assert set(ents.loc[ents["text"] == "BAKU", "canonical"]) == {"Baku"}


def test_relations_qualifier_from_the_words_before_a_title(nlp, corpus, tmp_path):
    run([corpus], tmp_path / "out", nlp=nlp)
    rels = pd.read_csv(tmp_path / "out" / "relations.csv", dtype=str, keep_default_na=False)
    titles = rels[rels["relation"] == "has_title"].set_index("head_text")
    assert titles.loc["Tomas Varga", "qualifier"] == "former"
    assert titles.loc["Lena Ostrova", "qualifier"] == "acting"
    cols = list(rels.columns)
    assert cols[cols.index("tail_text") + 1 : cols.index("evidence_start")] == ["qualifier", "valid_from", "valid_to"]


@pytest.mark.parametrize(
    ("text", "head", "qualifier"),
    [
        ("The outgoing Interior Minister Pavel Drask spoke on Monday.", "Pavel Drask", "outgoing"),
        ("Incoming Defence Minister Rosa Imri arrived on Monday.", "Rosa Imri", "incoming"),
        ("Defence Minister Rosa Imri arrived on Monday.", "Rosa Imri", ""),
    ],
)
def test_relations_qualifier_words(nlp, text, head, qualifier):
    records = from_doc(nlp(make_doc(nlp, text, published="2024-03-04")))
    rows = [r for r in records.relations if r.relation == "has_title" and r.head_text == head]
    assert rows and rows[0].qualifier == qualifier


def test_relations_seed_chairs_bounded_by_the_handover_and_the_term(nlp, tmp_path):
    result = run([SEED_ARTICLE], tmp_path / "out", nlp=nlp)
    rels = result.frames["relations"]
    chairs = rels[(rels["relation"] == "chairs") & rels["tail_text"].str.startswith("Conference")].set_index("head_text")
    assert chairs.loc["Kazakhstan", "valid_from"] == "" and chairs.loc["Kazakhstan", "valid_to"] == "2024-12-17"
    assert chairs.loc["Azerbaijan", "valid_from"] == "2024-12-17" and chairs.loc["Azerbaijan", "valid_to"] == "2026"


def test_relations_one_row_per_entity_pair_on_seeds(nlp, tmp_path):
    result = run([SEEDS], tmp_path / "out", nlp=nlp)
    rels = result.frames["relations"]
    assert not rels.duplicated(["article_id", "head_id", "relation", "tail_id"]).any()
    assert result.info["counts"]["relations"] == len(rels)


def test_store_of_old_columns_is_rebuilt_with_a_warning(tmp_path, caplog):
    path = tmp_path / "newsie.sqlite"
    with Store(path) as store:
        store.conn.execute("UPDATE meta SET value = 'an older schema' WHERE name = 'schema'")
    with caplog.at_level("WARNING"), Store(path) as store:
        assert store.count("entities") == 0
        assert "entity_key" in [row[1] for row in store.conn.execute("PRAGMA table_info(entities)")]
    assert "rebuilt" in caplog.text


def test_relations_qualifier_of_one_title_does_not_pass_to_another(nlp):
    text = "Northland Prime Minister Ola Brekk was sworn in as interim president on Monday."
    records = from_doc(nlp(make_doc(nlp, text, published="2024-03-04")))
    titles = {r.tail_text: r.qualifier for r in records.relations if r.relation == "has_title" and r.head_text == "Ola Brekk"}
    assert titles.get("Prime Minister") == ""


def test_run_reports_progress_per_article(nlp, corpus, tmp_path):
    calls, steps = [], []
    run([corpus], tmp_path / "out", progress=lambda done, total: calls.append((done, total)), steps=steps.append)
    assert calls == [(0, 2), (1, 2), (2, 2)]
    assert len(steps) == 1 and steps[0].startswith("loading the pipeline")
