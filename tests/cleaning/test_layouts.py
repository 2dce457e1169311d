"""Agency layouts and page chrome: every declared layout on an invented line, whole articles.

All text here is invented (made-up people, real capitals with made-up facts).
"""

from __future__ import annotations

import pytest

from newsie.cleaning.boilerplate import PAGE_CHROME, line_reason
from newsie.cleaning.component import clean_text, segment
from newsie.cleaning.layouts import BYLINES, OPENINGS, PREFIXES, match_byline, match_opening, match_prefix
from newsie.cleaning.metadata import byline_people, read_article_fields

OPENING_CASES = {
    "slash_agency": ("MINSK, April 9. /TASS/. The minister arrived.", "MINSK", "April 9", "TASS"),
    "caps_agency_word": ("ASTANA.KAZINFORM The minister arrived.", "ASTANA", "", "Kazinform"),
    "day_month_site": ("Ganja. 3 March. REPORT.AZ/ The minister arrived.", "Ganja", "3 March", "REPORT.AZ"),
    "slash_credit": ("Azerbaijan, Ganja, May 5 / Trend, J. Roe / The minister arrived.", "Azerbaijan, Ganja", "May 5", "Trend"),
    "numeric_slash": ("Ganja/03/14/22/Turan: The minister arrived.", "Ganja", "03/14/22", "Turan"),
    "place_dash_agency": ("IZMIR- Anadolu Agency", "IZMIR", "", "Anadolu Agency"),
    "paren_agency": ("HARBIN, May 2 (Xinhua) -- The minister arrived.", "HARBIN", "May 2", "Xinhua"),
    "caps_region_date": ("GANJA, Azerbaijan, March 28. The minister arrived.", "GANJA, Azerbaijan", "March 28", ""),
    "region_date_line": ("Ganja, Azerbaijan, Aug. 30", "Ganja, Azerbaijan", "Aug. 30", ""),
}


@pytest.mark.parametrize(
    "line, place, agency",
    [
        ("ST. PETERSBURG, June 5. /TASS/. The forum opened.", "ST. PETERSBURG", "TASS"),
        ("Osh, 4 March / Kabar /. The forum opened.", "Osh", "Kabar"),
        ("NUR-SULTAN. KAZINFORM - The forum opened.", "NUR-SULTAN", "Kazinform"),
    ],
)
def test_layouts_opening_variants(line, place, agency):
    opening = match_opening(line)
    assert (opening.place, opening.agency) == (place, agency)
    assert line[opening.end :] == "The forum opened."


def test_layouts_every_opening_has_a_case_and_a_form():
    assert {layout.name for layout in OPENINGS} == set(OPENING_CASES)
    assert all(layout.form for layout in OPENINGS + BYLINES + PREFIXES)


@pytest.mark.parametrize("name", sorted(OPENING_CASES))
def test_layouts_opening_reads_place_date_and_agency(name):
    line, place, date, agency = OPENING_CASES[name]
    opening = match_opening(line)
    assert opening is not None and opening.layout == name
    assert (opening.place, opening.date) == (place, date)
    assert opening.agency.lower() == agency.lower()
    assert line[opening.place_start : opening.place_start + len(place)] == place
    rest = line[opening.end :]
    assert rest in {"", "The minister arrived."}


@pytest.mark.parametrize(
    "line",
    ["The minister arrived in Ganja on Monday.", "Ganja is a city, officials said.", "NEW RULES FOR TRADE"],
)
def test_layouts_no_opening_in_plain_sentences(line):
    assert match_opening(line) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Leyla Mammadova – Trend:", ("Leyla Mammadova", "Trend")),
        ("By Leyla Mammadova– Trend:", ("Leyla Mammadova", "Trend")),
        ("By Leyla Mammadova, Trend:", ("Leyla Mammadova", "Trend")),
        ("Trend:", ("", "Trend")),
        ("By Trend", ("", "Trend")),
        ("By Trend:", ("", "Trend")),
        ("The minister arrived.", None),
        ("Note:", None),
    ],
)
def test_layouts_bylines(line, expected):
    assert match_byline(line) == expected


def test_layouts_prefix_of_a_reposted_story():
    line = "(MENAFN- Trend News Agency) GANJA, Azerbaijan, May 3. Text."
    end, agency = match_prefix(line)
    assert agency == "Trend News Agency"
    assert line[end:].startswith("GANJA")


@pytest.mark.parametrize(
    "line, people",
    [
        ("By Akbar Rustamov", "Akbar Rustamov"),
        ("By ANNA KOVAL Associated Press Writer", "Anna Koval"),
        ("By JOHN ROE and JANE DOE", "John Roe;Jane Doe"),
        ("Associated Press Writer", ""),
    ],
)
def test_layouts_byline_people_are_proper_cased_and_split(line, people):
    assert byline_people(line) == people


def test_layouts_dateline_credit_names_the_reporter():
    raw = " date 2011-05-05 Azerbaijan, Ganja, May 5 / Trend, J. Roe / The minister arrived.\n"
    fields = read_article_fields(raw, segment(raw))
    assert (fields.source, fields.author, fields.dateline_date) == ("Trend", "J. Roe", "2011-05-05")


def test_layouts_trend_old_form_article():
    raw = (
        " date 2017-08-30\nGanja hosts a forum on trade\n\nGanja, Azerbaijan, Aug. 30\n\n"
        "By Leyla Mammadova – Trend:\n\nThe forum opened on Tuesday, Trend reports referring to the ministry.\n"
    )
    fields = read_article_fields(raw, segment(raw))
    assert (fields.source, fields.dateline_place, fields.dateline_date) == ("Trend", "Ganja, Azerbaijan", "2017-08-30")
    assert fields.author == "Leyla Mammadova"
    assert fields.title == "Ganja hosts a forum on trade"
    # The byline is an article field: not text of the story, not boilerplate.
    assert "Mammadova" not in clean_text(raw)
    assert not any(s.role == "removed" and "Mammadova" in raw[s.start : s.end] for s in segment(raw))


@pytest.mark.parametrize(
    "raw, source, place, date",
    [
        (" date 2023-09-07 (MENAFN- Trend News Agency) GANJA, Azerbaijan, September 7. The forum opened, Trend reports.\n",
         "Trend News Agency", "GANJA, Azerbaijan", "2023-09-07"),
        (" date 2025-04-09 MINSK, April 9. /TASS/. The minister will arrive on Friday.\n", "TASS", "MINSK", "2025-04-09"),
        (" date 2016-07-28\n10:19, 28 July 2016 | GMT +6\nBank talks open in Bishkek\nBISHKEK. KAZINFORM The bank opened.\n",
         "Kazinform", "BISHKEK", "2016-07-28"),
        (" date 2016-12-28 Ganja. 28 December. REPORT.AZ/ The bank opened.\n", "Report.az", "Ganja", "2016-12-28"),
        (" date 2023-12-23\nA title\nGanja/12/23/23/Turan: The bank opened.\n", "Turan", "Ganja", "2023-12-23"),
        (" date 2021-05-13 Ministers meet in Harbin\n\nAgency) 10:22, May 13, 2021\n\n"
         "A minister speaks in Harbin, May 12, 2021. (Agency/Photo Desk)\n\nHARBIN, May 12 (Xinhua) -- Ministers met.\n",
         "Xinhua", "HARBIN", "2021-05-12"),
        (" date 2019-03-07 The minister met the envoy, the ministry told Oslo.az.\n", "Oslo.az", "", ""),
        (" date 2020-10-14 The ministry confirmed the news to 24.kg news agency.\n", "24.kg", "", ""),
    ],
)
def test_layouts_article_fields_per_agency(raw, source, place, date):
    fields = read_article_fields(raw, segment(raw))
    assert (fields.source, fields.dateline_place, fields.dateline_date) == (source, place, date)


@pytest.mark.parametrize(
    "line, reason",
    [
        ("• March 3 2021 09:24:00", "timestamp"),
        ("# 05 June 2023 17:23 (UTC +04:00)", "timestamp"),
        ("14 July 2025 15:06 (UTC+04:00)", "timestamp"),
        ("10/28/2023 3:12:14 PM", "timestamp"),
        ("3 May 2019 [14:49] - SITE.AZ", "timestamp"),
        ("2017-08-30 15:16 | www.agency.az | 0", "timestamp"),
        ("Agency) 10:22, May 13, 2021", "timestamp"),
        ("May 3, 2020 / 6:39 AM / 2 months ago", "timestamp"),
        ("+ ↺ − 14 px", "widget"),
        ("Share on email", "widget"),
        ("Print version", "page tools"),
        ("Views: 120", "page tools"),
        ("3 Min Read", "page tools"),
        ("MOST READ", "related heading"),
        ("#Business News", "section"),
        ("SITE.AZ / Economy", "section"),
        ("EN", "language switch"),
        ("Photo credit: State Press Office", "photo credit"),
        ("Agency Staff", "staff credit"),
        ("Reporting by Jane Roe; Editing by John Doe", "editor line"),
        ("Ruritania, Trade,", "tags"),
        ("NewsSportsWeatherBlogContact: About us", "menu"),
        ("Details added (first version posted on 9:05)", "status"),
        ("-", "lone mark"),
    ],
)
def test_layouts_page_chrome_lines(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Saturday, November 13, 2004",
        "The talks were held on 24 July in Lima.",
        "Share prices rose 3% on Monday, traders said.",
        "Politics in Lima changed after the vote, he said.",
        "Officials met at 10:30 in Lima, May 3, to sign the deal.",
    ],
)
def test_layouts_body_lines_are_not_chrome(line):
    assert line_reason(line) == ""


def test_layouts_every_chrome_class_has_a_case():
    cases = {r for _, r in test_layouts_page_chrome_lines.pytestmark[0].args[1]}
    assert set(PAGE_CHROME) <= cases


def test_layouts_tail_related_headlines_and_author_line():
    body = "\n".join(f"Paragraph {n} of the story ends here." for n in range(4))
    raw = f" date 2023-12-23\n{body}\nPolitics\n-\nAnother story about a minister in Lima ends here.\n"
    reasons = {raw[s.start : s.end]: s.reason for s in segment(raw) if s.role == "removed"}
    assert reasons["Another story about a minister in Lima ends here."] == "related headlines"
    assert reasons["Politics"] == "section"
    raw = f" date 2025-03-18\n{body}\nJane Roe\n"
    fields = read_article_fields(raw, segment(raw))
    assert fields.author == "Jane Roe"
    assert "Jane Roe" not in clean_text(raw)
    # A name line inside the story stays.
    raw = f" date 2025-03-18\nJane Roe\n{body}\n"
    assert "Jane Roe" in clean_text(raw)


def test_layouts_timestamp_date_still_dates_the_article():
    raw = "A title\n\n14 July 2025 15:06 (UTC+04:00)\n\nThe forum opened on Monday.\n"
    fields = read_article_fields(raw, segment(raw))
    assert fields.published == "2025-07-14"
    assert "15:06" not in clean_text(raw)


def test_layouts_hard_wrapped_paragraphs_are_joined():
    lines = [
        "(MENAFN- Trend News Agency) GANJA, Azerbaijan, May 3. The two",
        "ministers of the neighbouring countries met in the city of Lima,",
        "Trend reports.",
        "During the meeting, the Deputy Minister of Trade Anna Marie",
        "Koval and the Director of the Eastern Department at the Office",
        "Jon Roe discussed the plans for the coming season in the region.",
        "The sides agreed to meet again in the capital of the country",
        "and to sign a memorandum on cooperation in the field of energy",
        "and of transport by the end of the current year, officials said.",
    ]
    raw = " date 2024-05-03 " + "\n".join(lines) + "\n"
    text = clean_text(raw)
    assert "Anna Marie Koval" in text
    assert "Trend reports.\nDuring the meeting" in text  # a closed sentence ends its paragraph
    fields = read_article_fields(raw, segment(raw))
    assert (fields.source, fields.dateline_place) == ("Trend News Agency", "GANJA, Azerbaijan")
    # Prose with long paragraphs is not hard-wrapped: its lines stay apart.
    prose = " date 2024-05-03 " + "\n".join(["A short title", *(line * 3 for line in lines[3:])]) + "\n"
    assert clean_text(prose).count("\n") == prose.count("\n") - 1


@pytest.mark.parametrize(
    "lines",
    [
        # Rows of a results table: short lines of one width, none closing a sentence.
        [f"Player Number{n} {n}-{30 + n}" for n in range(10)] + ["Jon Roe 4-38", "Ann Lee 2-11"],
        # One sentence a line, each closed, near one width.
        [f"The council met in the city of Lima on day {n} and agreed on the plan." for n in range(10)],
    ],
    ids=["results table", "one sentence a line"],
)
def test_layouts_lines_of_one_width_that_are_no_wrapped_prose_stay_apart(lines):
    raw = "SPORT RESULTS\n" + "\n".join(lines) + "\n"
    assert clean_text(raw).count("\n") == raw.count("\n") - 1


def test_layouts_a_lone_subheading_or_separator_keeps_the_story_after_it():
    body = "\n".join(f"Paragraph {n} of the story ends here." for n in range(4))
    for mark in ("Energy", "-"):
        raw = f" date 2023-12-23\n{body}\n{mark}\nThe last part of the story goes on here.\nIt ends with a quote, she said.\n"
        assert "The last part of the story goes on here." in clean_text(raw)
        assert "It ends with a quote, she said." in clean_text(raw)


def test_layouts_a_bare_label_line_is_no_agency_credit():
    raw = " date 2024-01-02\nA title here\nHighlights:\nThe minister said on Monday that talks went well.\n"
    assert read_article_fields(raw, segment(raw)).source == ""
    raw = " date 2024-01-02\nMinisters meet\nOmnia:\nThe minister said on Monday that talks went well, Omnia reports.\n"
    assert read_article_fields(raw, segment(raw)).source == "Omnia"
