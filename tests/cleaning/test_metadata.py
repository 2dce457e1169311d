"""Article fields: datelines, date lines, bylines, titles, source and via, one case per style.

Lines are taken from the dev articles under ../shared/data/news (short header lines only).
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsie.cleaning.component import segment
from newsie.cleaning.datelines import find_dateline, read_date
from newsie.cleaning.metadata import BYLINE, read_article_fields, read_source

BODY = "Officials met on Tuesday to discuss the plan."


def fields_of(raw: str, published: str = ""):
    return read_article_fields(raw, segment(raw), published=published)


@pytest.mark.parametrize(
    "line, place, agency",
    [
        ("BAKU, Azerbaijan, December 11. The chairmanship of the Conference will pass on.", "BAKU, Azerbaijan", ""),
        ("BUDAPEST, March 12 (Xinhua) --", "BUDAPEST", "Xinhua"),
        ("NAIROBI, Kenya (AP) _", "NAIROBI, Kenya", "AP"),
        ("HAVANA (AP) --", "HAVANA", "AP"),
        ("INDEPENDENCE, MO. (AP)--", "INDEPENDENCE, MO.", "AP"),
        ("INDEPENDENCE, Mo. _ The North Atlantic Treaty Organization embraced three members.", "INDEPENDENCE, Mo.", ""),
        ("MOSCOW — Russia's highest court has judged that Tatars may not use the Latin alphabet.", "MOSCOW", ""),
        ("ASTANA, Dec. 4 (AFP) - Kazakhstan said on Monday it would hold talks.", "ASTANA", "AFP"),
        ("MOSCOW, April 22, 1997 (AFP)", "MOSCOW", "AFP"),
        ("ASTANA, Dec 5, 2005", "ASTANA", ""),
        ("ALATAW PASS, Xinjiang, Nov. 14, 2005 (Xinhua)", "ALATAW PASS, Xinjiang", "Xinhua"),
        ("HEFEI, July 18 (Xinhua) -- East China's Anhui Province is taking measures.", "HEFEI", "Xinhua"),
        ("ALMERIA, Spain. - A small explosive device was deactivated today.", "ALMERIA, Spain", ""),
        ("BRASÍLIA, Brazil – Mr. Luiz Inácio Lula da Silva met the President of Korea.", "BRASÍLIA, Brazil", ""),
        ("November 17, Brisbane, Australia - The Australian cricket team talked up its chances.", "Brisbane, Australia", ""),
        ("Taipei, Taiwan — The Taipei City Lantern Festival was off to a bright start.", "Taipei, Taiwan", ""),
        ("LONDON, Dec 4 (Reuters) - Oil prices rose on Monday.", "LONDON", "Reuters"),
        ("WASHINGTON, Dec. 4, 2024 /PRNewswire/ -- The company said on Monday.", "WASHINGTON", "PRNewswire"),
    ],
)
def test_metadata_dateline_styles(line: str, place: str, agency: str) -> None:
    found = find_dateline(line)
    assert found is not None
    assert found.place == place
    assert line[found.place_start : found.place_start + len(place)] == place
    assert found.agency == agency


@pytest.mark.parametrize(
    "line",
    [
        "EDITORIAL: THE QUEST OF JUAN GONZALEZ",
        "NATO GROWS TO EMBRACE 3 FORMER ENEMIES",
        "On July 17, an open court hearing continued in the criminal case.",
        "Hu Jintao, the President of the People's Republic of China had lunch today.",
        "The European Union views the draft peace treaty as a turning point.",
        "WASHINGTON",
        "US president Bush visits Canada",
    ],
)
def test_metadata_not_a_dateline(line: str) -> None:
    assert find_dateline(line) is None


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("BUDAPEST, March 12 (Xinhua) --", "1999-03-13", "1999-03-12"),  # filed the day before
        ("MOSCOW, Dec. 30 (Xinhua) --", "2006-01-02", "2005-12-30"),  # across the new year
        ("BAKU, Azerbaijan, December 11.", "2024-12-11", "2024-12-11"),
        ("MOSCOW, April 22, 1997 (AFP)", "", "1997-04-22"),  # a year needs no anchor
        ("Saturday, November 13, 2004", "2004-11-13", "2004-11-13"),
        ("14 July 2025 15:06 (UTC+04:00)", "2025-07-14", "2025-07-14"),
    ],
)
def test_metadata_dateline_date_resolves_against_published(text: str, anchor: str, expected: str) -> None:
    assert read_date(text, dt.date.fromisoformat(anchor) if anchor else None) == dt.date.fromisoformat(expected)


def test_metadata_dateline_without_year_or_anchor_stays_unresolved() -> None:
    fields = fields_of(f"BUDAPEST, March 12 (Xinhua) --\n\n{BODY}\n")
    assert fields.dateline_place == "BUDAPEST"
    assert fields.dateline_date == ""
    assert fields.published == ""


def test_metadata_date_line_anchors_dateline_without_published() -> None:
    fields = fields_of(f"Australians talk tough ahead of test match\n\nWednesday, November 17, 2004\n\nNovember 17, Brisbane, Australia - {BODY}\n")
    assert (fields.dateline_place, fields.dateline_date) == ("Brisbane, Australia", "2004-11-17")
    assert (fields.published, fields.published_from) == ("2004-11-17", "dateline")


def test_metadata_published_taken_from_dateline_when_input_has_none() -> None:
    fields = fields_of(f"Itochu to build plants for Caspian oil project\n\nMOSCOW, April 22, 1997 (AFP)\n\n{BODY}\n")
    assert (fields.published, fields.published_from) == ("1997-04-22", "dateline")
    assert fields.source == "AFP"


@pytest.mark.parametrize(
    "raw, expected",
    [
        (f" date 2004-11-13\nPresident of China lunches with Brazilian President\n\nSaturday, November 13, 2004\n\n{BODY}\n", "2004-11-13"),
        (f" date 2025-07-14\nEU expresses hope for swift signing of treaty\n\n14 July 2025 15:06 (UTC+04:00)\nBy Akbar Novruz\n\n{BODY}\n", "2025-07-14"),
        (" date 2015-05-07\nNew Zealand begins process to consider changing flag\n\nThursday, May 7, 2015 On Tuesday, the government announced a process.\n", "2015-05-07"),
    ],
)
def test_metadata_date_line_gives_dateline_date(raw: str, expected: str) -> None:
    fields = fields_of(raw)
    assert fields.dateline_date == expected
    assert fields.title and not fields.title.startswith(("Saturday", "14 July", "Thursday"))


@pytest.mark.parametrize(
    "line, is_byline",
    [
        ("By Akbar Novruz", True),
        ("By ANITA SNOW Associated Press Writer", True),
        ("by Sebastian Smith", True),
        ("Associated Press Writer", True),
        ("By 2022, exports had skyrocketed from $10 million in 2019.", False),
        ("By the end of June this year, 2,382 cases were handled.", False),
    ],
)
def test_metadata_bylines(line: str, is_byline: bool) -> None:
    assert bool(BYLINE.match(line)) is is_byline


def test_metadata_title_with_byline_on_the_same_line() -> None:
    raw = f" date 2000-04-03\nCastro: Elian's Dad May Come Monday  By ANITA SNOW, Associated Press Writer\n\nHAVANA (AP) --\n\n{BODY}\n"
    fields = fields_of(raw)
    assert fields.title == "Castro: Elian's Dad May Come Monday"
    assert raw[slice(*fields.title_span)] == fields.title
    roles = {raw[s.start : s.end]: s.role for s in fields.segments}
    assert roles["By ANITA SNOW, Associated Press Writer"] == "byline"
    assert roles["HAVANA (AP) --"] == "dateline"
    assert (fields.source, fields.dateline_place) == ("AP", "HAVANA")


def test_metadata_no_title_when_the_article_opens_with_a_sentence() -> None:
    fields = fields_of(f" date 1998-03-03\nNigerian security forces clashed in Lagos with demonstrators.\n\n{BODY}\n")
    assert fields.title == ""


@pytest.mark.parametrize(
    "body, removed, source, via",
    [
        (["BAKU, Azerbaijan, December 11. The chairmanship will pass to Azerbaijan, Trend reports via CICA."], [], "Trend", "CICA"),
        (["Hanwha is considering a bid, the group said Sunday, Azernews reports, citing Yonhap."], [], "Azernews", "Yonhap"),
        (["On July 18, a victim testified.", "As reported by Azernews via AzerTag, he stated that he had travelled."], [], "Azernews", "AzerTag"),
        (["The office was closed, Azernews reports via Armenian media."], [], "Azernews", "Armenian media"),
        (["The treaty is a turning point, the President said, Azernews reports."], [], "Azernews", ""),
        (["According to Yonhap news agency, quoting KCNA, the military was placed on alert."], [], "", "Yonhap"),
        (["According to Agência Estado, members of the movement are accused."], [], "", "Agência Estado"),
        (["Iran condemned the bombing.", "Iran condemns any such acts, the official news agency IRNA reported."], [], "", "IRNA"),
        (["Courts ruled against the Tatars, the BBC reports."], [], "", "BBC"),
        (["According to Afghan Ambassador to the United States Hamdullah Mohib, the team did well."], [], "", ""),
        (["According to the Agency's mid-2025 report, 310 applications were received."], [], "", ""),
        (["According to the Italian National Institute of Statistics (ISTAT), inflation rose."], [], "", ""),
        (["Thousands gathered in Abuja.", "It will be a test of resolve. Purnell Murdock, VOA News."], [], "VOA", ""),
        (["Hate groups grew.", "Groups are opening new chapters. Jim Teple, VOA News, Miami."], [], "VOA", ""),
        (["Livers are in the shortest supply. This is VOA Today."], [], "VOA", ""),
        (["One in three visits came from BBC News, and the site rose to number 3 in the rankings"], [], "", ""),
        (["The Times said in an editorial on Thursday:"], ["c.1999 N.Y. Times News Service"], "N.Y. Times News Service", ""),
        (["Zambia launched a policy, according to a report by the Times of Zambia. The paper said more."], [], "", "Times of Zambia"),
        (["Fishermen rescued 700 people.", "Navies were told to help.", "Boats, according to AFP, were turned away."], [], "", ""),
        (["The government announced a process. According to the New Zealand Herald, a professor will lead it."], [], "", ""),
        (["Baku hosted the forum on Monday, Report informs."], [], "Report", ""),
    ],
)
def test_metadata_source_and_via(body: list[str], removed: list[str], source: str, via: str) -> None:
    assert read_source(body, removed) == (source, via)


def test_metadata_seed_article_fields(seed_text: str) -> None:
    fields = fields_of(seed_text)
    assert fields.published == "2024-12-11"
    assert (fields.source, fields.via) == ("Trend", "CICA")
    assert fields.dateline_place == "BAKU, Azerbaijan"
    assert fields.dateline_date == "2024-12-11"
    assert seed_text[slice(*fields.dateline_span)] == "BAKU, Azerbaijan"
