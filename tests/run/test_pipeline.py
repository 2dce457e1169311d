"""The pipeline as spaCy users meet it: entry points, config, serialisation."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

from newsie.core.errors import ConfigError, ModelError
from newsie.run.nlp import load, read_config

STAGES = ["news_cleaner", "news_entities", "news_aliases", "news_dates", "news_relations"]


def test_pipeline_stages_in_order(nlp):
    names = nlp.pipe_names
    assert names[0] == "news_cleaner"
    assert [n for n in names if n.startswith("news_")] == STAGES
    assert names.index("news_entities") > names.index("ner")


def test_pipeline_factories_found_through_entry_points():
    """A fresh interpreter that never imports `pipeline` can add the stages by name."""
    code = (
        "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('news_cleaner'); "
        "doc = nlp(' date 2024-12-11\\nHello.\\nStay up-to-date with more news on our channel'); "
        "print(doc.text.replace(chr(10), '|'), doc._.published)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "2024-12-11|Hello. 2024-12-11"


def test_pipeline_bad_setting_fails_when_built(tmp_path):
    cfg = read_config().to_str().replace('date_order = "MDY"', 'date_order = "DAY"')
    path = tmp_path / "bad.cfg"
    path.write_text(cfg, encoding="utf-8")
    with pytest.raises(ConfigError, match="date_order"):
        load(path)


def test_pipeline_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="no_such_model_xyz"):
        load(model="no_such_model_xyz")


def test_pipeline_docs_survive_docbin_with_user_data(nlp, seed_text):
    doc = nlp(seed_text)
    blob = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin(store_user_data=True).from_bytes(blob).get_docs(nlp.vocab)
    assert back.text == doc.text
    for name in ("raw_text", "offset_map", "article", "removed", "canonical", "dates", "relations", "published"):
        # msgpack gives lists back as tuples: compare the JSON that the records are made of.
        assert json.dumps(getattr(back._, name)) == json.dumps(getattr(doc._, name)), name
    assert [(e.text, e.label_, e.id_) for e in back.ents] == [(e.text, e.label_, e.id_) for e in doc.ents]
    assert [(s.text, s.id_) for s in back.spans["events"]] == [(s.text, s.id_) for s in doc.spans["events"]]


def test_pipeline_saved_pipeline_loads_with_spacy_load(nlp, tmp_path, seed_text):
    nlp.to_disk(tmp_path / "newsie_model")
    again = spacy.load(tmp_path / "newsie_model")
    assert again.pipe_names == nlp.pipe_names
    assert again(seed_text)._.dates == nlp(seed_text)._.dates
