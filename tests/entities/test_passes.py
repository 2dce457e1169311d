"""The entity passes: one declared order, each switchable, names checked when the pipeline is built.

Texts are written for the tests in the forms the passes serve (a headline in capitals with a
section word, a monitoring credit line, a name after a courtesy title).
"""

from __future__ import annotations

import pytest
import spacy

from newsie.core.errors import ConfigError
from newsie.entities import general, layouts
from newsie.entities.component import EntityRepairer
from newsie.entities.passes import ORDER
from newsie.entities.registry import REGISTRY, select_passes

HEADLINE = "TENNIS - MORTON WINS IN HALLSTEIN\nHALLSTEIN, Norway 1996-08-30\nAnna Morton beat Kari Lund 6-3 6-2 on Friday."
CREDIT = "OW0301090096 Tokyo Radio Japan Network in Japanese 0900 GMT 3 Jan 96\nThe cabinet met in Tokyo on Friday."


def before_entities(nlp, text: str):
    """``text`` through the stages before ``news_entities`` (cleaner and model)."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "news_entities":
            return doc
        doc = proc(doc)
    raise AssertionError("no news_entities stage")


def ents_with(nlp, text: str, **config) -> set[tuple[str, str]]:
    stage = EntityRepairer(nlp.vocab, nlp.tokenizer, **config)
    doc = stage(before_entities(nlp, text))
    return {(e.text, e.label_) for e in doc.ents}


def test_passes_order_is_declared_once_and_every_pass_is_registered():
    assert set(ORDER) == set(REGISTRY) and len(ORDER) == len(set(ORDER))
    assert ORDER[0] == "trim" and ORDER[-3:] == ("no_overlaps", "events", "temporal")
    assert ORDER.index("labels") < ORDER.index("topic_headlines") < ORDER.index("dateline_places")
    # Layout passes are registered by the layouts module and flagged as such; general ones are not.
    layout = {name for name, p in REGISTRY.items() if p.layout}
    assert layout == {"results_rows", "results_teams", "topic_headlines", "credit_lines"} == set(layouts.PASSES)
    assert set(general.PASSES) == set(ORDER) - layout and not set(general.PASSES) & set(layouts.PASSES)
    assert [p.name for p in select_passes()] == list(ORDER)


def test_passes_groups_and_selection_keep_the_declared_order():
    names = [p.name for p in select_passes(switches={"titles": False, "consistency": False})]
    assert "titles" not in names and "people_after_titles" not in names and "propagate" not in names
    assert "results_teams" not in names  # a layout pass in the consistency group
    assert names == [n for n in ORDER if n in names]
    # `passes` selects (in ORDER, whatever the listed order); the required passes always run.
    assert [p.name for p in select_passes(passes=["ordinals", "trim"])] == ["trim", "ordinals", "no_overlaps", "temporal"]


def test_passes_unknown_pass_is_a_config_error_naming_it():
    with pytest.raises(ConfigError, match="no_such_pass"):
        select_passes(skip_passes=["no_such_pass"])
    nlp = spacy.blank("en")
    with pytest.raises(ConfigError, match="made_up"):
        nlp.add_pipe("news_entities", config={"passes": ["trim", "made_up"]})
    with pytest.raises(ConfigError, match="no_overlaps"):
        nlp.add_pipe("news_entities", config={"skip_passes": ["no_overlaps"]})
    with pytest.raises(ConfigError, match="skip_passes"):
        select_passes(skip_passes="trim")  # type: ignore[arg-type]


def test_passes_switching_topic_headlines_off_changes_only_the_section_word(nlp):
    on = ents_with(nlp, HEADLINE)
    off = ents_with(nlp, HEADLINE, skip_passes=["topic_headlines"])
    assert not any(text == "TENNIS" for text, _ in on)
    assert {text for text, _ in off - on} == {"TENNIS"} and on <= off


def test_passes_switching_credit_lines_off_changes_only_the_credit_line(nlp):
    on = ents_with(nlp, CREDIT)
    off = ents_with(nlp, CREDIT, skip_passes=["credit_lines"])
    assert ("Radio Japan Network", "ORG") in on and ("Japanese", "LANGUAGE") in on
    changed = {text for text, _ in on ^ off}
    first_line = CREDIT.split("\n")[0]
    assert changed and all(text in first_line for text in changed)
    assert {e for e in on if e[0] not in first_line} == {e for e in off if e[0] not in first_line}


def test_passes_resources_are_built_without_nlp_initialize(nlp):
    stage = EntityRepairer(nlp.vocab, nlp.tokenizer)
    assert stage._resources is None  # nothing loaded when the pipeline is built
    doc = stage(before_entities(nlp, "Mr. Okafor met the minister in Lagos."))
    assert ("Okafor", "PERSON") in {(e.text, e.label_) for e in doc.ents}
    assert stage._resources is not None
    fresh = EntityRepairer(nlp.vocab, nlp.tokenizer)
    fresh.initialize()
    assert fresh._resources is not None


def test_passes_config_file_switches_a_pass(tmp_path):
    from newsie.run.nlp import read_config

    cfg = read_config().to_str()
    assert "skip_passes = []" in cfg  # the default: every pass runs
    bad = tmp_path / "bad.cfg"
    bad.write_text(cfg.replace("skip_passes = []", 'skip_passes = ["trimm"]'), encoding="utf-8")
    from newsie.run.nlp import load

    with pytest.raises(ConfigError, match="trimm"):
        load(bad)


@pytest.mark.parametrize(
    ("setting", "bad", "message"),
    [
        ('date_order = "MDY"', 'date_order = "DYM"', "date_order"),
        ("skip_passes = []", 'skip_passes = ["no_overlaps"]', "no_overlaps"),
        ("passes = null", 'passes = ["trim", "trim2"]', "trim2"),
        ("max_long_form_words = 12", "max_long_form_words = 0", "max_long_form_words"),
        ("min_confidence = 0.0", "min_confidence = 1.5", "min_confidence"),
    ],
)
def test_every_stage_checks_its_options_when_the_pipeline_is_built(tmp_path, setting, bad, message):
    from newsie.run.nlp import build, read_config

    cfg = read_config().to_str()
    assert setting in cfg
    path = tmp_path / "bad.cfg"
    path.write_text(cfg.replace(setting, bad), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        build(read_config(path))
