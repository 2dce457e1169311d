"""CoNLL04 (SpERT JSON) to newsie gold, and the ``conll04`` scoring scheme.

The SpERT release of CoNLL04 (Roth & Yih 2004; Eberts & Ulges 2020) holds one sentence per
item: ``tokens``, ``entities`` as token spans ``{"type", "start", "end"}`` (end-exclusive) and
``relations`` as ``{"type", "head", "tail"}`` indices into ``entities``. Each sentence becomes
one gold article whose text is the sentence detokenised ("Concord , Mass ." -> "Concord,
Mass."): the pipeline reads news text as written, and the gold spans keep the annotated tokens
exactly (character offsets of the first and last token of each entity), but for the sentence's
final full stop, which CoNLL04 tokenises both ways: glued to a word ("Ethiopia.", "Cornell
University.") and split off an abbreviation ("Concord , Mass ."). The converter reads it as
Penn Treebank tokenisation (and newsie) does: the stop belongs to an abbreviation ("Mass.",
"N.Y.", "Jr.") and not to a word ("Ethiopia"), see :func:`final_stop`.

Labels and relations map onto the design contract: Peop -> PERSON, Org -> ORG, Loc -> LOC when
its last word names a natural region ("River", "Ocean", "Mountains", "Forest", ...) and GPE
otherwise (CoNLL04 does not tell countries and cities from regions; the scheme scores GPE, LOC
and FAC as one location type), Other is left out (not scored); Work_For -> works_for, OrgBased_In ->
based_in, Located_In -> located_in, Live_In -> lives_in, Kill -> killed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ...core.lexicon import STATE_ABBREVIATIONS
from ...core.errors import GoldFormatError
from ...run.io import write_jsonl

LABELS = {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE"}
# A CoNLL04 Loc whose last word is one of these is a region (OntoNotes LOC), not a GPE.
REGION_WORDS = {
    "river", "rivers", "ocean", "sea", "gulf", "bay", "lake", "mountain", "mountains", "mount",
    "valley", "desert", "forest", "island", "islands", "coast", "peninsula", "strait", "canal",
    "basin", "plain", "plains", "range", "continent", "hemisphere", "channel", "foothills",
}  # fmt: skip
RELATIONS = {
    "Work_For": "works_for",
    "OrgBased_In": "based_in",
    "Located_In": "located_in",
    "Live_In": "lives_in",
    "Kill": "killed",
}
# The scheme: newsie labels as CoNLL04 sees them (None: not scored), and the relations it has.
SCHEME_LABELS: dict[str, str | None] = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": None, "PRODUCT": None, "EVENT": None, "WORK_OF_ART": None, "LAW": None,
    "LANGUAGE": None, "MONEY": None, "PERCENT": None, "QUANTITY": None, "CARDINAL": None,
    "ORDINAL": None, "TITLE": None,
}  # fmt: skip
SCHEME_RELATIONS = frozenset(RELATIONS.values())
PLACE_LABELS = ("GPE", "LOC", "FAC")


# Tokens written without a space before them, and after them (Penn Treebank detokenisation).
NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "?", "!", "%", "'", "''", "'s", "'t", "'re", "'ll", "'ve", "'d", "'m", "n't"}
NO_SPACE_AFTER = {"(", "[", "`", "``", "$"}


# Words whose period is part of the word: the state abbreviations of datelines and name suffixes.
ABBREVIATIONS = STATE_ABBREVIATIONS | {"jr", "sr", "inc", "corp", "co", "ltd", "bros", "st", "mt", "ft", "gen", "col", "sen", "rep", "gov"}


def abbreviation(word: str) -> bool:
    """"Mass", "N.Y", "Jr": a word that keeps a period after it (an initial, a dotted form)."""
    core = word.rstrip(".")
    return "." in core or core.lower() in ABBREVIATIONS or (len(core) == 1 and core.isupper())


def final_stop(tokens: list[str], start: int, end: int, char_end: int) -> int:
    """The character end of an entity of tokens ``start:end``, the sentence's final full stop
    given to an abbreviation ("Concord , Mass ." -> "Mass.") and taken from a word
    ("Addis Ababa , Ethiopia." -> "Ethiopia"); any other entity keeps its tokens' end."""
    last = tokens[end - 1]
    if end == len(tokens) and len(last) > 1 and last.endswith(".") and not last.endswith("..") and not abbreviation(last[:-1]):
        return char_end - 1
    if end == len(tokens) - 1 and tokens[-1] == "." and abbreviation(last):
        return char_end + 1
    return char_end


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as text and the character offsets of each token in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for i, token in enumerate(tokens):
        if i and not (token in NO_SPACE_BEFORE or tokens[i - 1] in NO_SPACE_AFTER):
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
    return "".join(parts), offsets


def sentence_to_gold(item: dict, article_id: str) -> dict:
    """One SpERT sentence as one newsie gold article (a JSON-able dict)."""
    text, offsets = detokenize(item["tokens"])
    entities, ids = [], {}
    for i, ent in enumerate(item.get("entities", [])):
        label = LABELS.get(ent["type"])
        if label is None:
            continue
        start = offsets[ent["start"]][0]
        end = final_stop(item["tokens"], ent["start"], ent["end"], offsets[ent["end"] - 1][1])
        if label == "GPE" and text[start:end].split()[-1].lower().strip(".") in REGION_WORDS:
            label = "LOC"
        ids[i] = f"m{len(entities) + 1}"
        entities.append({"id": ids[i], "start": start, "end": end, "label": label, "text": text[start:end]})
    relations = []
    for rel in item.get("relations", []):
        name = RELATIONS.get(rel["type"])
        if name is not None and rel["head"] in ids and rel["tail"] in ids:
            relations.append({"head": ids[rel["head"]], "relation": name, "tail": ids[rel["tail"]]})
    return {"article_id": article_id, "text": text, "published": "", "entities": entities, "dates": [], "relations": relations, "articles": {}}


def read_sentences(path: str | Path) -> list[dict]:
    """The sentences of a SpERT JSON file; a clear error for anything else."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldFormatError(str(path), 0, f"not a SpERT JSON file: {err}") from err
    if not isinstance(data, list) or not all(isinstance(s, dict) and "tokens" in s for s in data):
        raise GoldFormatError(str(path), 0, "expected a JSON list of sentences with 'tokens'")
    return data


def to_gold(path: str | Path) -> list[dict]:
    """The sentences of a SpERT JSON file as newsie gold articles, one per sentence."""
    path = Path(path)
    return [sentence_to_gold(s, f"{path.stem}_{i:04d}") for i, s in enumerate(read_sentences(path))]


def convert(path_in: str | Path, path_out: str | Path) -> int:
    """Write the sentences of a SpERT JSON file as newsie gold JSONL; return how many."""
    return write_jsonl(to_gold(path_in), path_out)


# Bare titles CoNLL04 draws inside a Peop span ("President Kennedy": 43 of 60 in train); a
# title after a nationality or an organisation ("Soviet President X") stays out of it.
NAME_TITLES = {"president"}
# Courtesy titles and royal styles CoNLL04 draws inside a Peop span ("Mrs. Smith", "the Rev.
# Martin Luther King Jr.", "Prince Charles": 45 of 51 in train and dev), which newsie's
# PERSON spans leave out. Ranks and offices ("Sen.", "Gov.", "Lt.", "Judge") mostly stay out.
COURTESY_TITLE = re.compile(r"(?<![\w.])(?:(?:Mr|Mrs|Ms|Dr|Rev)\.?|Miss|Prince|Princess) +$")
# Words before a birthplace: CoNLL04 draws "City, State" as one Loc after them.
BIRTHPLACE = re.compile(r"\b(?:born|native|birthplace)\b", re.IGNORECASE)
# Relations whose head, and whose tail, is a person.
PERSON_HEADS = {"works_for", "lives_in", "killed"}
PERSON_TAILS = {"killed"}


def restrict(frames: dict[str, pd.DataFrame], texts: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Predicted tables as CoNLL04 sees them: its five relations, its argument spans.

    ``texts`` maps article ids to the raw texts the tables point into (the gold texts), for the
    rules that read words no entity covers; without it those rules are skipped.

    - CoNLL04's Work_For takes an Org; a person serving a place ("Illinois Gov. James Thompson",
      "U.S. Ambassador Vernon A. Walters") is annotated Live_In there. So a ``works_for`` whose
      tail is a GPE/LOC is scored as ``lives_in`` under this scheme.
    - A bare "President" before a name is part of the Peop span ("President Kennedy"): an
      argument that is a PERSON right after such a TITLE takes the title in; so does a person
      right after a courtesy title or royal style ("Dr. Ann Lee", ``COURTESY_TITLE``).
    - A birthplace written "City, State" is one Loc ("born in Concord, Mass.", "a native of
      Dover, Del.": all 67 such Live_In tails in train): a ``lives_in`` to either name of
      an adjacent "City, State" pair (newsie's ``located_in`` between names two characters
      apart) after "born", "native" or "birthplace" goes to the pair, and that ``located_in``
      is dropped. Another residence ("Ann Lee of Dover, Del.") is mostly two Locs, each
      the tail of a Live_In, with the Located_In between them, and stays as predicted.
    - The wire agency of a one-place dateline is based there ("NEW ORLEANS (AP)": 9 of 10 in
      train); newsie's guidelines read a dateline as where the story was filed and extract
      nothing. After a "City, Country" dateline CoNLL04 mostly leaves it out (8 of 19), and so
      does this scheme.
    """
    out = dict(frames)
    rels = frames.get("relations")
    if rels is None or not len(rels):
        return out
    rels = rels[rels["relation"].isin(SCHEME_RELATIONS)].copy()
    # Tables read back from CSV may hold offsets as text.
    offsets = ["head_start", "head_end", "tail_start", "tail_end"]
    rels[offsets] = rels[offsets].astype(int)
    ents = frames.get("entities")
    if ents is not None and len(ents):
        place_ids = set(zip(ents.loc[ents["label"].isin(PLACE_LABELS), "article_id"], ents.loc[ents["label"].isin(PLACE_LABELS), "entity_id"]))
        to_place = [(a, t) in place_ids for a, t in zip(rels["article_id"], rels["tail_id"])]
        serving = (rels["relation"] == "works_for") & pd.Series(to_place, index=rels.index)
        # The place modifies the name ("Illinois Gov. James Thompson"), not an apposed office
        # ("the president of the United States, James Monroe": a comma and a space between).
        before = (rels["tail_end"] < rels["head_start"]) & (rels["head_start"] - rels["tail_end"] != 2)
        rels.loc[serving & before, "relation"] = "lives_in"
        rels = rels[~(serving & ~before)]
        if {"start", "end", "text"} <= set(ents.columns):
            rels = _titled_people(rels, ents)
    if texts:
        rels = _courtesy_titles(rels, texts)
    rels = _city_state_residences(rels, texts)
    rels = pd.concat([rels, _dateline_agencies(frames)], ignore_index=True) if ents is not None and len(ents) else rels
    rels = rels.drop_duplicates(subset=["article_id", "head_start", "head_end", "relation", "tail_start", "tail_end"])
    out["relations"] = rels.reset_index(drop=True)
    return out


def _titled_people(rels: pd.DataFrame, ents: pd.DataFrame) -> pd.DataFrame:
    """Arguments that are PERSONs right after a bare name title start at the title."""
    starts: dict[tuple[str, int], int] = {}
    ents = ents.astype({"start": int, "end": int})
    by_article = ents.sort_values(["article_id", "start"]).groupby("article_id")
    for article, group in by_article:
        rows = list(group.itertuples())
        for before, title, person in zip([None, *rows], rows, rows[1:]):
            if title.label != "TITLE" or person.label != "PERSON" or person.start != title.end + 1:
                continue
            if str(title.text).lower() not in NAME_TITLES or (before is not None and before.end + 1 == title.start and before.label != "TITLE"):
                continue
            starts[(article, int(person.start))] = int(title.start)
    if not starts:
        return rels
    for side in ("head", "tail"):
        rels[f"{side}_start"] = [starts.get((a, int(s)), int(s)) for a, s in zip(rels["article_id"], rels[f"{side}_start"])]
    return rels


def _courtesy_titles(rels: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """Person arguments right after a courtesy title or royal style start at the title."""
    for side, relations in (("head", PERSON_HEADS), ("tail", PERSON_TAILS)):
        starts = []
        for article, relation, start in zip(rels["article_id"], rels["relation"], rels[f"{side}_start"]):
            before = texts.get(article, "")[max(0, int(start) - 10) : int(start)] if relation in relations else ""
            m = COURTESY_TITLE.search(before) if before else None
            starts.append(int(start) - len(m.group()) if m else int(start))
        rels[f"{side}_start"] = starts
    return rels


def _dateline_agencies(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """based_in rows for the agency of a one-place dateline ("NEW ORLEANS (AP)")."""
    arts, ents = frames.get("articles"), frames["entities"]
    rows = []
    if arts is None or not {"dateline_place", "source"} <= set(arts.columns) or not {"start", "end", "text"} <= set(ents.columns):
        return pd.DataFrame(rows)
    by_article = {a: g for a, g in ents.astype({"start": int, "end": int}).groupby("article_id")}
    for art in arts.itertuples():
        place_name, agency_name = str(art.dateline_place or ""), str(art.source or "")
        if art.dateline_place != art.dateline_place or not place_name or "," in place_name or not agency_name or art.article_id not in by_article:
            continue
        group = by_article[art.article_id]
        place = next((e for e in group.itertuples() if e.text == place_name), None)
        agency = next((e for e in group.itertuples() if place is not None and e.text == agency_name and e.start == place.end + 2), None)
        if agency is not None:
            rows.append({
                "article_id": art.article_id, "head_id": agency.entity_id, "head_start": agency.start, "head_end": agency.end,
                "head_text": agency.text, "relation": "based_in", "tail_id": place.entity_id, "tail_start": place.start,
                "tail_end": place.end, "tail_text": place.text,
            })  # fmt: skip
    return pd.DataFrame(rows)


def _city_state_residences(rels: pd.DataFrame, texts: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``lives_in`` to a name of an adjacent "City, State" pair goes to the whole pair when it
    is a birthplace (or when no text tells)."""
    pairs = rels[(rels["relation"] == "located_in") & (rels["tail_start"] == rels["head_end"] + 2)]
    if not len(pairs):
        return rels
    span: dict[tuple[str, int, int], tuple[int, int]] = {}
    for p in pairs.itertuples():
        whole = (int(p.head_start), int(p.tail_end))
        span[(p.article_id, int(p.head_start), int(p.head_end))] = whole
        span[(p.article_id, int(p.tail_start), int(p.tail_end))] = whole
    lives = rels["relation"] == "lives_in"
    merged = []
    for i, r in rels[lives].iterrows():
        whole = span.get((r["article_id"], int(r["tail_start"]), int(r["tail_end"])))
        text = texts.get(r["article_id"], "") if texts else ""
        if whole is not None and (not text or BIRTHPLACE.search(text[max(0, whole[0] - 40) : whole[0]])):
            merged.append(i)
            rels.loc[i, ["tail_start", "tail_end"]] = whole
    if not merged:
        return rels
    used = {(rels.loc[i, "article_id"], *rels.loc[i, ["tail_start", "tail_end"]].astype(int)) for i in merged}
    drop = [p.Index for p in pairs.itertuples() if (p.article_id, int(p.head_start), int(p.tail_end)) in used]
    return rels.drop(index=drop)


# The scoring scheme ``newsie evaluate --scheme conll04`` uses.
SCHEME = {"labels": SCHEME_LABELS, "relations": SCHEME_RELATIONS, "prepare": restrict}
