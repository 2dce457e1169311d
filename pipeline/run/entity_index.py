"""The corpus-level entity table (``entities_index``): one row per entity across a run.

Within an article, the aliases stage has already grouped mentions under one ``entity_id`` with
``canonical`` as the fullest name. Across articles, entities of one label are the same entity
when their canonical names match after normalisation (case, hyphens, a leading "the", a
possessive), or when one article's acronym is another's canonical name ("CICA" named in full
in one article and only as "CICA" in another).

Columns: ``canonical`` (the fullest name seen), ``label``, ``aliases`` (the other names seen,
"; "-separated), ``article_count``, ``mention_count``. Numbers and amounts are not entities
here; nor are event mentions without a capital letter ("meeting").
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from ..core.text import normalise as _normalise

COLUMNS = ["canonical", "label", "aliases", "article_count", "mention_count"]
AMOUNT_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"}


def normalise(name: str) -> str:
    """Names as compared across articles: also without full stops ("U.S." is "US")."""
    return _normalise(name).replace(".", "")


def entity_index(entities: pd.DataFrame) -> pd.DataFrame:
    """Build the corpus-level table from an ``entities`` table."""
    if not len(entities):
        return pd.DataFrame(columns=COLUMNS)
    frame = entities[~entities["label"].isin(AMOUNT_LABELS)]
    groups: dict[tuple[str, str], dict] = {}
    for (article, entity_id), rows in frame.groupby(["article_id", "entity_id"], sort=True):
        label = Counter(rows["label"]).most_common(1)[0][0]
        canonical = str(rows["canonical"].iloc[0])
        if not any(c.isupper() for c in canonical):
            continue
        key = (label, normalise(canonical))
        group = groups.setdefault(key, {"names": Counter(), "articles": set(), "mentions": 0, "label": label})
        group["names"].update(str(t) for t in rows["text"])
        group["names"][canonical] += 0
        group["articles"].add(article)
        group["mentions"] += len(rows)
    parent = {key: key for key in groups}

    def find(key):
        while parent[key] != key:
            key = parent[key]
        return key

    # "CICA" alone in one article is the "Conference on ... (CICA)" of another.
    by_alias: dict[tuple[str, str], list] = defaultdict(list)
    for key, group in groups.items():
        for name in group["names"]:
            if name.isupper() and len(name) > 1:
                by_alias[(key[0], normalise(name))].append(key)
    for key in groups:
        for other in by_alias.get(key, []):
            a, b = find(key), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    merged: dict[tuple[str, str], dict] = {}
    for key, group in groups.items():
        root = merged.setdefault(find(key), {"names": Counter(), "articles": set(), "mentions": 0, "label": key[0]})
        root["names"].update(group["names"])
        root["articles"] |= group["articles"]
        root["mentions"] += group["mentions"]
    rows = []
    for group in merged.values():
        names = group["names"]
        canonical = max(names, key=lambda n: (len(n.split()), len(n), names[n]))
        seen = {normalise(canonical)}
        aliases = []
        for name in sorted(names, key=lambda n: (-names[n], n)):
            if normalise(name) not in seen:
                seen.add(normalise(name))
                aliases.append(name)
        rows.append([canonical, group["label"], "; ".join(aliases), len(group["articles"]), group["mentions"]])
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.sort_values(["mention_count", "canonical", "label"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
