"""Name and amount shapes the model gets wrong, read from the tokens themselves.

- Organisation and facility names by their last word (``name_heads.json``): "Civil Defense
  Authority", "Saudi Interior Ministry", "Grand Mosque", "Al-Ghaza Hotel". A nationality right
  before an organisation's name is part of it ("Greek Ministry of Culture").
- An organisation's "of/for/on" complement in capitals is part of its name ("Liberal Party of
  Kenya", "International Working Group on Afghan Women").
- A name with a model or version number is a product ("Delta 4", "Firefox 1.0") outside results
  lines.
- Amounts: a number with its unit is a QUANTITY ("28,950 lb", "365s"); a currency prefix
  belongs to the MONEY ("NZ $ 26 million", "$11.5bn").
- A name with an age after it ("Ann Lee, 70, who owned ...") or apposed to a person's role
  ("Kessler, a professor of economics"), the subject of "was born", and the
  victim of a killing ("shot Lincoln", "the assassination of Lincoln", "the murder of King")
  is a person, whatever the model made of it; a name apposed to a place noun ("Goma, the
  capital of North Kivu") is a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from ..core.gazetteer import Gazetteer
from ..core.intervals import SpanIndex
from ..core.lexicon import KILLING_ACTS, KILLING_AGENTS, KILLING_VERBS, PLACE_NOUNS, find_words

JOINERS = {"of", "for", "on", "'s", "-", "&", "and"}
COMPLEMENT = {"of", "for", "on"}
NUMBER_WITH_UNIT = re.compile(r"^\d[\d,.]*(?:s|kg|km|lb|lbs|m|mm|cm|t|mph|kw|mw|gw)$", re.IGNORECASE)
VERSION = re.compile(r"^\d+(?:\.\d+)*[a-z]?$")
ORDINAL_IN_TEXT = re.compile(
    r"(?<!\w)(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|twentieth|thirtieth|fortieth|fiftieth|hundredth)(?!\w)",
    re.IGNORECASE,
)
ROMAN = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X)$")


def _capitalised(token) -> bool:
    return token.is_title or token.is_upper and len(token) > 1 or token.text[:1].isupper() and "-" in token.text


def head_names(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Capitalised runs ending in an organisation or facility word, as ORG or FAC."""
    heads = {w: lab for lab in ("ORG", "FAC") for w in gazetteer.heads.get(lab, [])}
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    out = []
    if not len(doc):
        return out
    for i in find_words(doc, heads, "ORTH"):  # the head words only
        token = doc[i]
        label = heads[token.text]
        if token.i + 1 < len(doc) and doc[token.i + 1].text in heads:
            continue
        start = token.i
        while start > 0:
            prev = doc[start - 1]
            if _capitalised(prev) and prev.is_alpha or prev.text == "-" and start > 1 and _capitalised(doc[start - 2]):
                start -= 1
            else:
                break
        end = token.i + 1
        # "Ministry of Culture": a capitalised complement.
        if end + 1 < len(doc) and doc[end].lower_ in COMPLEMENT and _capitalised(doc[end + 1]):
            end += 2
            while end < len(doc) and _capitalised(doc[end]) and doc[end].is_alpha:
                end += 1
        if end - start < 2 and label == "ORG":
            continue  # a lone "Council" is a shortened name: the model and aliases decide
        prev = ent_at.get(start - 1)
        if prev is not None and prev.label_ == "NORP" and prev.end == start and label == "ORG":
            start = prev.start  # "Greek Ministry of Culture"
        # "The Huffington Post", "Four National Basketball Association players": no article, no count.
        while start < end - 1 and (doc[start].lower_ in {"the", "a", "an"} or doc[start].like_num):
            start += 1
        out.append(Span(doc, start, end, label=label))
    return out


def replace_overlapping(ents: list[Span], new: list[Span], *, replaceable: set[str]) -> list[Span]:
    """Put each new span in, replacing the entities it covers when they have a replaceable label
    (or lie inside it); skip it when it would cut an entity in two."""
    out = SpanIndex(ents)
    for span in new:
        if all(e.start >= span.start and e.end <= span.end and (e.label_ in replaceable or len(e) < len(span))
               for e in out.overlapping(span.start, span.end)):  # fmt: skip
            out.remove_overlapping(span.start, span.end)
            out.add(span)
    return list(out)


def extend_complements(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG + "of/for/on" + a capitalised run: "Liberal Party of Kenya".

    The run stops where another name starts ("Secretary of the Air Force for Acquisition Marvin
    Sambur" does not make "Marvin Sambur" part of the Air Force), and a complement that is itself
    a tagged name is taken whole ("Liberal Party of Kenya").
    """
    starts = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out, absorbed = [], set()
    for e in ents:
        if e.label_ == "ORG" and e.end + 1 < len(doc) and doc[e.end].lower_ in COMPLEMENT and _capitalised(doc[e.end + 1]):
            first = e.end + 1
            following = starts.get(first)
            if following is not None:
                if following.label_ in {"GPE", "LOC", "NORP"} or following.label_ == "ORG":
                    out.append(Span(doc, e.start, following.end, label="ORG"))
                    absorbed.add(following.start)
                    continue
                out.append(e)
                continue
            end = first
            while end < len(doc) and end not in taken and _capitalised(doc[end]) and (doc[end].is_alpha or doc[end].text == "-"):
                end += 1
            if end < len(doc) and end in taken or end - first > 4:
                out.append(e)  # the run runs into another name, or is too long to trust
                continue
            out.append(Span(doc, e.start, end, label="ORG"))
        else:
            out.append(e)
    return [e for e in out if e.start not in absorbed or e.label_ == "ORG" and e.start not in starts]


def versions_are_products(doc: Doc, ents: list[Span], in_results_line: Callable[[int], bool]) -> list[Span]:
    """"Delta 4", "Mozilla Firefox 1.0": a name with a version number is a product.

    ``in_results_line(i)`` tells whether token ``i`` is in a results line, where a number after
    a name is a score. A number followed by more numbers ("Mark Roe 69 71 78 73") is a row of
    scores, and a whole number after a person's name a score, an age or a shirt number: the
    model's PERSON takes a version only in dotted form ("Firefox 1.0").
    """
    out = []
    for e in ents:
        if e.label_ in {"ORG", "PERSON", "PRODUCT"} and not in_results_line(e.start):
            end = e.end
            nxt = doc[end] if end < len(doc) else None
            roman = e.label_ == "PRODUCT" and nxt is not None and ROMAN.match(nxt.text)  # "Delta IV"
            row = end + 1 < len(doc) and doc[end + 1].like_num or e[-1].like_num
            whole = e.label_ == "PERSON" and nxt is not None and "." not in nxt.text
            if nxt is not None and (VERSION.match(nxt.text) or roman) and nxt.ent_type_ in {"", "CARDINAL"} and not (row or whole):
                end += 1
                # "Delta 4 Heavy": a capitalised variant name after the number
                if end < len(doc) and doc[end].is_title and doc[end].pos_ in {"PROPN", "ADJ"} and not doc[end].ent_type_:
                    end += 1
            numbered = [t for t in doc[e.start + 1 : end] if VERSION.match(t.text) and any(c.isdigit() for c in t.text)]
            if (numbered or roman) and doc[e.start].text[:1].isupper():  # "Delta 4", "Delta 4 Heavy", "Firefox 1.0"
                e = Span(doc, e.start, end, label="PRODUCT")
        out.append(e)
    return out




def descriptor_orgs(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """A name right before "party", "company", "news agency" is an organisation: "Frelimo party"."""
    descriptors = set(gazetteer.heads.get("descriptors", []))
    out = []
    for e in ents:
        if e.label_ in {"PERSON", "GPE", "LOC", "FAC", "PRODUCT"} and e.end < len(doc):
            nxt = doc[e.end]
            if nxt.lower_ in descriptors and nxt.is_lower and not gazetteer.is_country(e.text):
                e = Span(doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def ordinals(doc: Doc, ents: list[Span], text: str | None = None) -> list[Span]:
    """Ordinals the model left untagged ("the 12th woman", "third-largest"), as ORDINAL.

    ``text`` is ``doc.text`` when the caller has read it already (each read walks every token).
    """
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for m in ORDINAL_IN_TEXT.finditer(doc.text if text is None else text):  # the text first: cheaper than every token
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span.start in taken:
            continue
        token = span[0]
        if token.pos_ in {"ADJ", "NUM"} and token.dep_ != "advmod":
            out.append(Span(doc, token.i, token.i + 1, label="ORDINAL"))
    return out


def person_extents(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Complete person names the model cut short: "Kim Jong-un" (not "Kim Jong"), "Paulo Brizola
    Nunes" (not "Paulo Brizola")."""
    # A one-word PERSON right after a name is its last part ("Paulo Brizola" + "Nunes").
    single = {e.start: e for e in ents if len(e) == 1 and e[0].is_title and e.label_ in {"PERSON", "GPE", "ORG", "NORP"}}
    particles = set(gazetteer.heads.get("name_particles", [])) - {"of", "and", "&", "y"}
    absorbed: set[int] = set()
    taken = {i for e in ents for i in range(e.start, e.end) if e.start not in single}
    stop = set(gazetteer.heads.get("ORG", [])) | set(gazetteer.heads.get("FAC", []))
    out = []
    for e in ents:
        if e.start in absorbed:
            continue
        if e.label_ == "PERSON":
            end = e.end
            while True:
                if (end + 1 < len(doc) and doc[end].lower_ in particles and doc[end].is_lower and doc[end + 1].is_title
                        and doc[end + 1].is_alpha and (end + 1 not in taken)):  # fmt: skip
                    end += 2  # "Daniel arap Moi", "Osama bin Laden"
                elif (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
                        and not doc[end].whitespace_ and doc[end + 1].is_alpha and end + 1 not in taken):  # fmt: skip
                    end += 2
                elif end < len(doc) and end not in taken and doc[end].is_title and doc[end].pos_ == "PROPN" \
                        and doc[end].text not in stop and not doc[end - 1].whitespace_ == "" and doc[end].is_alpha:  # fmt: skip
                    end += 1
                else:
                    break
            if end > e.end:
                absorbed.update(i for i in range(e.end, end) if i in single)
                e = Span(doc, e.start, end, label="PERSON")
        out.append(e)
    return [e for e in out if e.start not in absorbed or len(e) > 1]


def split_team_player(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Detroit Pistons Chauncey Billups": a team's plural name, then a player's name."""
    out = []
    for e in ents:
        if e.label_ in {"ORG", "PERSON"} and len(e) >= 3:
            cut = next((t.i + 1 for t in e[:-1] if t.tag_ == "NNPS" and t.is_title and t.i > e.start), None)
            if cut is not None and e.end - cut >= 2 and all(t.is_title and t.is_alpha for t in doc[cut : e.end]):
                out += [Span(doc, e.start, cut, label="ORG"), Span(doc, cut, e.end, label="PERSON")]
                continue
        out.append(e)
    return out


AWARD_WORDS = {"prize", "award", "medal", "trophy"}


def awards(doc: Doc, ents: list[Span]) -> list[Span]:
    """"the Peace prize", "Nobel Peace Prize": a named award is a WORK_OF_ART (OntoNotes)."""
    out = []
    for e in ents:
        if e.label_ in {"ORG", "PERSON", "FAC", "GPE", "NORP", "WORK_OF_ART", "EVENT"} and e.end < len(doc) \
                and doc[e.end].lower_ in AWARD_WORDS and e[0].is_title:  # fmt: skip
            e = Span(doc, e.start, e.end + 1, label="WORK_OF_ART")
        out.append(e)
    return out


def named_days(doc: Doc, ents: list[Span]) -> list[Span]:
    """"International Women's Day", "Waitangi Day": a named day is an EVENT (the model calls
    them organisations); days the model reads as dates stay dates."""
    out = []
    for e in ents:
        if e.label_ in {"ORG", "PERSON", "FAC", "WORK_OF_ART", "NORP", "GPE"} and len(e) > 1 and e[-1].text == "Day":
            e = Span(doc, e.start, e.end, label="EVENT")
        out.append(e)
    return out


def place_appositions(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """"the town of Yeoncheon", "the city of Halifax": a place, whatever the model said."""
    nouns = set(gazetteer.heads.get("place_nouns", []))
    out = []
    for e in ents:
        if e.label_ in {"ORG", "PERSON", "NORP", "FAC", "LOC"} and e.start >= 2 and doc[e.start - 1].lower_ == "of" \
                and doc[e.start - 2].lower_ in nouns:  # fmt: skip
            e = Span(doc, e.start, e.end, label="GPE")
        out.append(e)
    return out


def amounts(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Units make a number a QUANTITY; a currency prefix belongs to the MONEY; an approximator
    ("over", "nearly", "more than") belongs to the amount."""
    units = set(gazetteer.heads.get("units", []))
    prefixes = set(gazetteer.heads.get("currency_prefixes", []))
    approximators = [tuple(a.split()) for a in gazetteer.heads.get("approximators", [])]
    out = []
    last_words = {a[-1] for a in approximators}
    approximators = sorted(approximators, key=len, reverse=True)
    for e in ents:
        if e.label_ in {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"} and e.start > 0 and doc[e.start - 1].lower_ in last_words:
            for words in approximators:
                s = e.start - len(words)
                if s >= 0 and tuple(t.lower_ for t in doc[s : e.start]) == words:
                    e = Span(doc, s, e.end, label=e.label)
                    break
        if e.label_ in {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}:
            # "107 or more", "seventy-five percent"
            if e.end + 1 < len(doc) and doc[e.end].lower_ == "or" and doc[e.end + 1].lower_ in {"more", "so"}:
                e = Span(doc, e.start, e.end + 2, label=e.label)
            if e.label_ == "CARDINAL" and e.end < len(doc) and doc[e.end].lower_ in {"percent", "%", "pct"}:
                e = Span(doc, e.start, e.end + 1, label="PERCENT")
        if e.label_ == "CARDINAL" and e.end < len(doc) and doc[e.end].lower_ in units:
            e = Span(doc, e.start, e.end + 1, label="QUANTITY")
        elif len(e) == 1 and NUMBER_WITH_UNIT.match(e.text) and not e[0].like_num and e.label_ not in {"DATE", "TIME", "MONEY"}:
            e = Span(doc, e.start, e.end, label="QUANTITY")
        elif e.label_ == "MONEY":
            start = e.start
            if start > 0 and doc[start - 1].text in {"$", "€", "£", "¥"}:
                start -= 1
            if start > 0 and doc[start - 1].text in prefixes and doc[start].text in {"$"}:
                start -= 1
            e = Span(doc, start, e.end, label="MONEY")
        out.append(e)
    return out


# Nouns for people (beyond the offices of ``title_words.json``) that an apposition names.
PERSON_NOUNS = {
    "official", "lawyer", "executive", "historian", "actor", "actress", "writer", "author", "novelist",
    "poet", "composer", "singer", "musician", "pianist", "artist", "painter", "photographer", "scientist",
    "physicist", "economist", "analyst", "engineer", "pilot", "astronaut", "teacher", "student", "doctor",
    "physician", "surgeon", "nurse", "activist", "reporter", "journalist", "columnist", "businessman",
    "businesswoman", "farmer", "worker", "veteran", "priest", "minister", "lawmaker", "politician",
    "diplomat", "strategist", "expert", "researcher", "inventor", "wife", "husband", "widow", "son",
    "daughter", "father", "mother", "brother", "sister", "man", "woman",
}  # fmt: skip
# Offices that an organisation may also be apposed to ("the union's leader", "a founder member").
ORG_ROLES = {"leader", "chief", "representative", "founder", "co-founder", "member", "chair", "deputy"}
MAX_AGE = 120


# Verbs whose object, and nouns whose "of" complement, is a person killed.
KILLING_NOUNS = KILLING_ACTS | KILLING_AGENTS
RELABELLED = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "TITLE"}


def places_by_apposition(ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """"Goma, the capital of North Kivu", "Kisangani, the main city in northern Congo": a name
    apposed to a place noun "of/in" something is a place, whatever the model made of it."""
    out = []
    for e in ents:
        if e.label_ in {"PERSON", "ORG", "NORP"} and len(e) <= 3 and e.end < len(e.doc) and e.doc[e.end].text == "," \
                and all(t.is_title for t in e if t.is_alpha) and not gazetteer.label_of(e.text) and any(
                    c.dep_ == "appos" and c.i > e.end and c.lemma_.lower() in PLACE_NOUNS
                    and any(p.dep_ == "prep" and p.lower_ in {"of", "in"} for p in c.children)
                    for c in e.root.children):  # fmt: skip
            e = Span(e.doc, e.start, e.end, label="GPE")
        out.append(e)
    return out


def _near_killing(doc: Doc) -> set[int]:
    """Token indices where a victim's name may start: up to three tokens after a word of
    killing ("shot Lincoln", "assassin of Lincoln") or three before it ("Kennedy's murder")."""
    return {j for i in find_words(doc, KILLING_VERBS | KILLING_NOUNS, "LEMMA") for j in range(i - 3, i + 4) if j != i}


def _victim(e: Span) -> bool:
    """"shot Lincoln", "assassin of Lincoln", "the murder of King", "Kennedy's assassination"."""
    root = e.root
    head = root.head
    if root.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in KILLING_VERBS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in KILLING_NOUNS:
        return True
    return root.dep_ == "poss" and head.lemma_.lower() in KILLING_NOUNS


def people_by_context(doc: Doc, ents: list[Span], gazetteer: Gazetteer, offices: set[str]) -> list[Span]:
    """Names the model gave another label that an age or an apposed role marks as people.

    "Maria Lopez, 44, of Stamford": news gives a person's age between commas right after the
    name. "Kessler, a professor of ...", "Levy, a senior Foreign Ministry official": the
    apposition's head noun names a person's role. Listed names (gazetteer) and names in
    capitals (acronyms) keep their label.
    """
    roles = (offices - ORG_ROLES) | PERSON_NOUNS
    # Read the parse only where it can tell: after a comma, or near a word of killing.
    near_killing = _near_killing(doc)
    out = []
    for e in ents:
        after_comma = e.end < len(doc) and doc[e.end].text == ","
        victim = e.start in near_killing
        born = e.end + 1 < len(doc) and doc[e.end + 1].lower_ == "born" and doc[e.end].lower_ in {"was", "is"}
        if e.label_ in RELABELLED and (after_comma or victim or born) and all(t.is_title for t in e if t.is_alpha) \
                and len(e) <= 4 and not gazetteer.label_of(e.text) \
                and (victim and _victim(e) or e.label_ != "TITLE" and (after_comma and _person_context(doc, e, roles) or born and e.root.dep_ == "nsubjpass")):  # fmt: skip
            # A bare title killed ("the murder of King") is the name of the one who held it.
            e = Span(doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


# A capitalised name before an age or an apposition ("Holm, 53,", "Levy, a senior ...").
NAME_BEFORE_COMMA = re.compile(r"(?<![\w.’'])[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?=, (?:\d{1,3},|(?:a|an|the|former)\b))")


def untagged_people(doc: Doc, ents: list[Span], offices: set[str], text: str | None = None) -> list[Span]:
    """Capitalised names no entity covers that an age or an apposed role marks as people
    ("Holm, 53, a former law professor", "Harwell, a historian at Columbia University").
    ``text``: ``doc.text``, when the caller has read it already."""
    roles = (offices - ORG_ROLES) | PERSON_NOUNS
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for m in NAME_BEFORE_COMMA.finditer(doc.text if text is None else text):
        span = doc.char_span(m.start(), m.end())
        if span is None or any(i in taken for i in range(span.start, span.end)) or not all(t.pos_ == "PROPN" for t in span):
            continue
        if _person_context(doc, span, roles):
            out.append(Span(doc, span.start, span.end, label="PERSON"))
    return out


def _person_context(doc: Doc, e: Span, roles: set[str]) -> bool:
    k = e.end
    if k + 2 >= len(doc) or doc[k].text != ",":
        return False
    age = doc[k + 1]
    if age.is_digit and len(age.text) <= 3 and 0 < int(age.text) <= MAX_AGE and doc[k + 2].text in {",", ")"}:
        return True
    return any(c.dep_ == "appos" and c.i > k and c.lemma_.lower() in roles and c.pos_ == "NOUN" for c in e.root.children)

