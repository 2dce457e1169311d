"""The cleaning stage: header, boilerplate and wire junk removed by segment, body kept, offsets.

Boilerplate and wire lines are taken from the dev articles under ../shared/data/news.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from newsie.cleaning.boilerplate import classify_line, line_reason
from newsie.cleaning.component import clean_text, segment
from newsie.run.io import read_articles, write_extracted
from newsie.core.offsets import OffsetMap
from newsie.run.records import from_doc
from newsie.run.extract import process

from tests.conftest import ROOT, shared_data

BODY = "Officials met on Tuesday to discuss the plan."


def dev_news() -> Path:
    """../shared/data/news, or skip the test."""
    return shared_data("news")


@pytest.fixture(scope="module")
def cleaner():
    nlp = spacy.blank("en")
    nlp.add_pipe("news_cleaner")
    return nlp


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Stay up-to-date with more news on Trend News Agency's WhatsApp channel", "promotion"),
        ("Read more: Azerbaijan and Armenia agree on peace text", "promotion"),
        ("Find the plan that suits you best.", "promotion"),
        ("Full digital access to all news for 1 month", "promotion"),
        ("Follow us on Twitter", "social"),
        ("(c) 2024 Trend News Agency", "copyright"),
        ("c.1999 N.Y. Times News Service", "copyright"),
        ("---", "separator"),
        ("w2213 &Cx1f; wstm-", "transmission"),
        ("u k BC-EDIT-ELIAN-NYT &LR;      04-06 0549", "transmission"),
        ("(PROFILE (WS SL:URGENT; CT:i; (REG:EURO;) (REG:AFRI;) (LANG:ENGLISH;)) )", "transmission"),
        ("BC-Kenya-Explosion, 5th Ld-Writethru", "slug"),
        ("URGENT", "priority"),
        ("&UR; MORE", "continuation"),
        ("ATTENTION - ADDS details, quotes, background ///", "editor note"),
        ("(ART ADV: Graphic is being sent to NYT graphic clients. Call (888)603-1036.) (wg)", "editor note"),
        ("=(PICTURE)=", "picture"),
        ("AP-NY-08-07-98 0618EDT", "sign-off"),
        ("NYT-04-06-00 0010EDT &QL;", "sign-off"),
        ("<TRAILER> NYT-03-12-99 1841EST &QL; </TRAILER>", "sign-off"),
        ("(sw)", "sign-off"),
        ("bur-jm/sst", "sign-off"),
        ("(Reporting by John Smith; Editing by Jane Doe)", "credits"),
        ("Categories: August 15, 2008 Canada Published North America", "categories"),
        ("de:Friedensnobelpreis an Wangari Maathai", "language link"),
    ],
)
def test_cleaning_removes_boilerplate_line(line: str, reason: str) -> None:
    raw = f" date 2024-12-11\n{BODY}\n\n{line}\n"
    start = raw.index(line)
    pieces = classify_line(raw, start, start + len(line))
    assert [(p.start, p.end, p.reason) for p in pieces] == [(start, start + len(line), reason)]
    assert line not in clean_text(raw)


@pytest.mark.parametrize(
    "line",
    [
        "Copyright law was the main topic of the meeting.",
        "Stay informed about the risks, officials urged residents.",
        "Follow-up talks are planned for next week.",
        "Subscribers to the service rose by 20 percent.",
        "Read the statement in full, the ministry said.",
        "More than 110 supermarkets have been arranged to supply vegetables.",
        "By 2022, exports had skyrocketed from $10 million in 2019.",
        "Sources said the talks would resume.",
        "and/or",
        "AT&amp;T said the deal &MD; worth $2 billion &MD; would close in March.",
        "30",
        "Reuters video showed the crowd moving towards the square.",
        "The company said all rights reserved. It declined to comment further.",
        "Follow him on Twitter, where he posted photos of the flood and the rescue boats in the town.",
        "TOUGH STANCE ON CRIMINAL OFFENCES",
        "Peace by the end of 2025? Realistic or wishful thinking?",
        "The following individuals were named in the case. " * 10,
    ],
)
def test_cleaning_keeps_body_line(line: str) -> None:
    assert line_reason(line) == ""
    assert line.strip() in clean_text(f" date 2024-12-11\n{BODY}\n\n{line}\n")


def test_cleaning_wire_markup_removed_piece_by_piece() -> None:
    line = (
        "&UR; Explosions rock U.S. embassies in Tanzania, Kenya &QL;  &UR; Eds: UPDATES with explosion. "
        "&QL;  &UR; AP Photos Planned &QL;  &UR; By CHEGE MBITIRU &QC;"
    )
    raw = f" date 1998-08-07\n{line}\n\nNAIROBI, Kenya (AP) _\n\n{BODY}\n"
    kept = [raw[p.start : p.end] for p in classify_line(raw, raw.index(line), raw.index(line) + len(line)) if not p.removed]
    assert kept == ["Explosions rock U.S. embassies in Tanzania, Kenya", "By CHEGE MBITIRU"]
    text = clean_text(raw)
    assert "Eds:" not in text and "&UR;" not in text and "AP Photos" not in text
    assert "NAIROBI, Kenya (AP) _" in text and BODY in text


def test_cleaning_tagged_headline_kept_from_transmission_line() -> None:
    line = "u i &Cx13;  &Cx11;  BC-NATO-ART-625(2TAKES)-     03-12 0677</HEADER><SLUG> BC-NATO </SLUG><HEADLINE>NATO GROWS</HEADLINE>"
    start = 0
    pieces = classify_line(line, start, len(line))
    assert [line[p.start : p.end] for p in pieces if not p.removed] == ["NATO GROWS"]
    assert {p.reason for p in pieces if p.removed} == {"transmission"}


def test_cleaning_sources_section_removed_whole() -> None:
    raw = (
        f" date 2008-08-15\nDocument found on rainy streets\n\nFriday, August 15, 2008\n\n{BODY}\n\nSources\n\n"
        '"Document found on street not secret, say feds" — The Canadian Press, August 15, 2008\n\n'
        "Categories: August 15, 2008 Canada Published\n"
    )
    removed = [s for s in segment(raw) if s.role == "removed" and s.reason == "sources"]
    assert len(removed) == 3
    assert clean_text(raw).rstrip().endswith(BODY)


def test_cleaning_header_own_line_and_same_line(cleaner) -> None:
    for raw in (f" date 2024-12-11\n{BODY}\n", f" date 2024-12-11 {BODY}\n"):
        doc = cleaner(cleaner.make_doc(raw))
        assert doc._.published == "2024-12-11"
        assert doc.text.startswith("2024-12-11")  # the date stays, only the keyword goes
        assert doc._.removed[0] == {"start": 0, "end": raw.index("2024"), "reason": "header"}


def test_cleaning_clean_characters_map_to_raw(cleaner, seed_text: str) -> None:
    raw = f" date 1998-08-07\nw2213 &Cx1f; wstm-\n&UR; Headline here &QL;  &UR; Eds: note. &QL;\n\nNAIROBI, Kenya (AP) _\n\n{BODY}\n\n&UR; MORE\n"
    for text in (raw, seed_text):
        doc = cleaner(cleaner.make_doc(text))
        offsets = OffsetMap(doc._.offset_map, len(doc.text))
        for token in doc:
            span = offsets.to_raw(token.idx, token.idx + len(token.text))
            if token.is_space:
                continue
            assert span is not None and text[span[0] : span[1]] == token.text


def test_cleaning_seed_article_records(nlp, seed_text: str) -> None:
    doc = nlp(_seed_doc(nlp, seed_text))
    records = from_doc(doc)
    article = records.article
    assert (article.published, article.source, article.via) == ("2024-12-11", "Trend", "CICA")
    assert (article.dateline_place, article.dateline_date) == ("BAKU, Azerbaijan", "2024-12-11")
    promo = [r for r in records.removed if r.reason == "promotion"]
    assert [r.text for r in promo] == ["Stay up-to-date with more news on Trend News Agency's WhatsApp channel"]
    assert all(seed_text[r.start : r.end] == r.text for r in records.removed)
    assert "BAKU, Azerbaijan" in doc.text and "WhatsApp" not in doc.text


def _seed_doc(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.article_id = "seed"
    return doc


def test_cleaning_html_input(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Site</title>"
        '<meta property="article:published_time" content="2024-12-11T10:00:00+04:00">'
        '<meta property="og:title" content="CICA chairmanship passes to Azerbaijan"></head><body>'
        "<nav>Home | World | Business</nav><article><h1>CICA chairmanship passes to Azerbaijan</h1>"
        "<p>BAKU, Azerbaijan, December 11. The chairmanship of the Conference will pass from "
        "Kazakhstan to Azerbaijan at the meeting of the Council of Foreign Ministers, Trend reports via CICA.</p>"
        "<p>The meeting of senior officials was held online and reviewed the key documents for adoption.</p>"
        "<p>The discussions reaffirmed the shared commitment of member states to dialogue in Asia.</p>"
        "</article><footer>Follow us on Twitter</footer></body></html>"
    )
    (tmp_path / "cica.html").write_text(page, encoding="utf-8")
    (tmp_path / "undated.html").write_text(page.replace('<meta property="article:published_time" content="2024-12-11T10:00:00+04:00">', ""), encoding="utf-8")
    articles = {a.article_id: a for a in read_articles([tmp_path])}
    article = articles["cica"]
    assert not article.error and article.extracted
    assert article.published == "2024-12-11"
    assert article.title == "CICA chairmanship passes to Azerbaijan"
    assert "Home | World" not in article.text and "Trend reports via CICA" in article.text
    assert articles["undated"].published == ""

    nlp = spacy.blank("en")
    nlp.add_pipe("news_cleaner")
    record = process(nlp, [article])[0].article
    assert (record.source, record.via, record.dateline_date) == ("Trend", "CICA", "2024-12-11")
    written = write_extracted(articles.values(), tmp_path / "out")
    assert (tmp_path / "out" / "extracted" / "cica.txt").read_text(encoding="utf-8") == article.text
    assert len(written) == 2


def test_cleaning_expected_file_holds_no_article_text() -> None:
    rows = [json.loads(line) for line in (ROOT / "benchmarks" / "data" / "cleaning_expected.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 40
    allowed = {"id", "folder", "published", "title", "source", "via", "dateline_place", "dateline_date", "lines"}
    for row in rows:
        assert set(row) == allowed
        assert row["title"] is None or all(isinstance(n, int) for n in row["title"])
        assert all(isinstance(n, int) for numbers in row["lines"].values() for n in numbers)


def test_cleaning_dev_articles_all_ok_and_plain_lines_whole(cleaner) -> None:
    news = dev_news()
    articles = list(read_articles(sorted(news.glob("*/*.txt"))))
    assert {Path(a.path).parent.name for a in articles} == {p.name for p in news.iterdir() if p.is_dir()}
    records = process(cleaner, articles)
    assert all(r.article.status == "ok" for r in records)
    for article, rec in zip(articles, records):
        raw = article.text
        for r in rec.removed:
            line_start = raw.rfind("\n", 0, r.start) + 1
            line_end = raw.find("\n", r.end) if raw.find("\n", r.end) >= 0 else len(raw)
            line = raw[line_start:line_end]
            # A removal inside a line only ever happens on lines with wire markup or the header.
            partial = raw[line_start : r.start].strip() or raw[r.end : line_end].strip()
            assert not partial or "&" in line or "<" in line or r.reason == "header", (article.article_id, line)


def test_cleaning_html_without_main_text_is_a_failed_row(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    article = next(iter(read_articles([tmp_path])))
    assert article.error and article.text == ""
    nlp = spacy.blank("en")
    nlp.add_pipe("news_cleaner")
    record = process(nlp, [article])[0].article
    assert record.status == "error" and "main text" in record.error


@pytest.mark.parametrize(
    "raw, reused",
    [
        ("A plain first line.\nA plain second line.", True),
        (" date 1998-03-05\nA plain first line.", False),
    ],
)
def test_cleaning_unchanged_text_reuses_doc(cleaner, raw: str, reused: bool) -> None:
    """A Doc whose text the cleaner leaves as it is goes on as it is; the result is the same
    as tokenising the clean text anew: same tokens, same sentence starts, same offset map."""
    doc = cleaner.make_doc(raw)
    clean = cleaner.get_pipe("news_cleaner")(doc)
    assert (clean is doc) == reused
    fresh = cleaner.make_doc(clean.text)
    assert [t.text for t in clean] == [t.text for t in fresh]
    line_starts = [0] + [i + 1 for i, c in enumerate(clean.text) if c == "\n"]
    assert [t.idx for t in clean if t.is_sent_start] == line_starts
    for clean_start, raw_start, length in clean._.offset_map:
        assert clean.text[clean_start : clean_start + length] == raw[raw_start : raw_start + length]
    assert clean._.raw_text == raw and (clean.text == raw) == reused


def test_cleaning_annotated_doc_not_reused(cleaner) -> None:
    doc = cleaner.make_doc("A plain line.")
    doc[2].is_sent_start = True
    assert cleaner.get_pipe("news_cleaner")(doc) is not doc
