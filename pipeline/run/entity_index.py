"""The corpus-level entity table (``entities_index``): one row per entity across a run.

Within an article, the aliases stage has already grouped mentions under one ``entity_id`` with
``canonical`` as the fullest name. Across articles, the rows of one entity share its
``entity_key`` (:mod:`newsie.run.keys`): the label and the normal form of its name (case,
hyphens, a leading "the", a possessive, full stops), or of its acronym for an organisation
that an article names by one ("CICA" named in full in one article and only as "CICA" in
another). The index has one row per key, so ``entities`` and ``relations`` join it on
``entity_key``.

Columns: ``entity_key``, ``canonical`` (the fullest name seen, in running-text case),
``label``, ``aliases`` (the other names seen, "; "-separated), ``article_count``,
``mention_count``. Numbers and amounts are not entities here; nor are event mentions without
a capital letter ("meeting"): their ``entity_key`` is empty.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .keys import cased, normal_name as normalise

__all__ = ["COLUMNS", "entity_index", "normalise"]

COLUMNS = ["entity_key", "canonical", "label", "aliases", "article_count", "mention_count"]


def entity_index(entities: pd.DataFrame) -> pd.DataFrame:
    """Build the corpus-level table from an ``entities`` table."""
    if not len(entities):
        return pd.DataFrame(columns=COLUMNS)
    frame = entities[entities["entity_key"].astype(str) != ""]
    groups: dict[str, dict] = {}
    for (article, entity_id, key), rows in frame.groupby(["article_id", "entity_id", "entity_key"], sort=True):
        label = str(rows["label"].iloc[0])
        group = groups.setdefault(key, {"names": Counter(), "articles": set(), "mentions": 0, "label": label})
        group["names"].update(str(t) for t in rows["text"])
        group["names"][str(rows["canonical"].iloc[0])] += 0
        group["articles"].add(article)
        group["mentions"] += len(rows)
    rows = []
    for key, group in groups.items():
        names = group["names"]
        # The fullest name; of two spellings that differ in case only, the running text's.
        best = max(names, key=lambda n: (len(n.split()), len(n), not n.isupper(), names[n]))
        canonical = cased(group["label"], best, names)
        seen = {normalise(canonical)}
        aliases = []
        for name in sorted(names, key=lambda n: (-names[n], n)):
            if normalise(name) not in seen:
                seen.add(normalise(name))
                aliases.append(name)
        rows.append([key, canonical, group["label"], "; ".join(aliases), len(group["articles"]), group["mentions"]])
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.sort_values(["mention_count", "canonical", "label"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
