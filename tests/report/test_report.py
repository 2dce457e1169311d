"""The HTML report, read as HTML and rendered in a real headless browser (Debian's chromium)."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsie.cli.commands import app
from newsie.evaluation.draft import predict
from newsie.evaluation.gold import load_gold
from newsie.run.io import write_tables
from newsie.evaluation.labelstudio import COLORS
from newsie.report.page import Highlight, build_report, render_text, split_overlaps, write_report

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ["000_06a455e6394b7daf", "gum_crane", "wn2004_000"]
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_INSTALL = "apt-get install -y chromium"
runner = CliRunner()


@pytest.fixture(scope="module")
def sample(nlp):
    articles, frames = predict([ROOT / "seeds" / f"{name}.txt" for name in SAMPLE], nlp)
    gold = [g for g in load_gold(ROOT / "gold") if g.article_id in SAMPLE]
    return articles, frames, gold


@pytest.fixture(scope="module")
def page(sample, tmp_path_factory) -> Path:
    articles, frames, gold = sample
    return write_report(build_report(articles, frames, gold), tmp_path_factory.mktemp("report") / "report.html")


class Marks(HTMLParser):
    """Counts ``mark.entity`` per article section and column, and every attribute seen."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.counts: dict[tuple[str, str], int] = {}
        self.sections: dict[str, dict] = {}
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "section" and "data-article-id" in attrs:
            self.sections[attrs["data-article-id"]] = attrs
        if tag == "mark" and "entity" in (attrs.get("class") or "").split():
            article = next((a["data-article-id"] for _, a in reversed(self.stack) if "data-article-id" in a), "")
            column = next((c for _, a in reversed(self.stack) for c in ("pred", "gold") if c in (a.get("class") or "").split()), "")
            if article:  # the legend's sample marks are not highlights
                key = (article, column, attrs["data-kind"])
                self.counts[key] = self.counts.get(key, 0) + 1
        if tag not in {"br", "meta", "rect", "line", "img", "input"}:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def parse(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    return parser


def test_report_highlights_every_entity_and_date_once(sample, page):
    _, frames, gold = sample
    marks = parse(page.read_text(encoding="utf-8"))
    by_id = {g.article_id: g for g in gold}
    for name in SAMPLE:
        n_ents = int((frames["entities"]["article_id"] == name).sum())
        n_dates = int((frames["dates"]["article_id"] == name).sum())
        assert n_ents > 10 and n_dates > 0
        assert marks.counts[(name, "pred", "entity")] == n_ents
        assert marks.counts[(name, "pred", "date")] == n_dates
        assert marks.counts[(name, "gold", "entity")] == len(by_id[name].entities)
        assert marks.counts[(name, "gold", "date")] == len(by_id[name].dates)
        assert int(marks.sections[name]["data-expected-pred"]) == n_ents + n_dates


def test_report_shows_date_values_and_charts(sample, page):
    _, frames, _ = sample
    html = page.read_text(encoding="utf-8")
    for row in frames["dates"].itertuples():
        assert f'<span class="val">{row.value}</span>' in html
        assert f"{row.type} = {row.value}" in html  # the hover text
    tags = parse(html).tags
    charts = [a for t, a in tags if t == "svg" and a.get("class") == "score-chart"]
    assert len(charts) == 3  # entities per label, relations per relation, dates
    labels = frames["entities"]["label"].nunique()
    assert int(charts[0]["data-bars"]) >= 3 * labels
    assert sum(t == "rect" and a.get("class") == "bar" for t, a in tags) > 3 * labels
    assert 'id="error-groups"' in html and "<table class=\"events\">" in html and "<table class=\"relations\">" in html


def test_report_is_self_contained(page):
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<link\b|<img\b|<iframe\b|\bsrc\s*=|@import|url\(", html, flags=re.I)
    assert not re.search(r"href\s*=\s*(?![\"']?#)", html, flags=re.I)  # only in-page anchors


def test_report_without_gold_has_no_scores(sample, tmp_path):
    articles, frames, _ = sample
    html = build_report(articles[:1], frames, [])
    marks = parse(html)
    assert marks.counts[(SAMPLE[0], "pred", "entity")] == int((frames["entities"]["article_id"] == SAMPLE[0]).sum())
    assert not any(column == "gold" for _, column, _ in marks.counts)
    assert "score-chart" not in html and "Scores against gold" not in html


@pytest.mark.parametrize(
    "spans,drawn,apart",
    [
        ([(0, 3), (4, 7)], [(0, 3), (4, 7)], []),
        ([(0, 11), (0, 3)], [(0, 11)], [(0, 3)]),  # "CSO" inside the event "CSO meeting"
        ([(0, 5), (3, 9), (9, 11)], [(0, 5), (9, 11)], [(3, 9)]),
    ],
)
def test_report_split_overlaps(spans, drawn, apart):
    items = [Highlight(s, e, "ORG", "entity", "") for s, e in spans]
    main, rest = split_overlaps(items)
    assert [(h.start, h.end) for h in main] == drawn
    assert [(h.start, h.end) for h in rest] == apart
    html = render_text("CSO meeting in Astana", items)
    assert html.count("<mark") == len(spans)


def test_report_cli_writes_the_page(sample, tmp_path):
    articles, frames, _ = sample
    write_tables(frames, tmp_path / "pred")
    paths = [str(ROOT / "seeds" / f"{name}.txt") for name in SAMPLE]
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["report", *paths, "--pred", str(tmp_path / "pred"), "--gold", str(ROOT / "gold"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "report on 3 articles (3 with gold)" in result.output
    assert parse(out.read_text(encoding="utf-8")).sections.keys() == set(SAMPLE)


def chromium() -> str:
    """The browser binary; skip without one, but fail in CI, where it must be installed."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"no headless browser in CI: install it with `{CHROMIUM_INSTALL}`")
    pytest.skip(f"chromium is not installed ({CHROMIUM_INSTALL})")


def run_browser(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
             "--no-sandbox", "--disable-dev-shm-usage", f"--user-data-dir={profile}"]  # fmt: skip
    # --no-sandbox: chromium refuses to start as root (containers, CI) with its sandbox on;
    # --disable-dev-shm-usage: containers often have a tiny /dev/shm.
    return subprocess.run([binary, *flags, *args], capture_output=True, text=True, timeout=120, check=True)


def png_rgb(path: Path) -> np.ndarray:
    """The RGB pixels (height x width x 3) of an 8-bit, non-interlaced PNG such as a screenshot."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], ()
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0
    bpp = 3 if color == 2 else 4
    raw = np.frombuffer(zlib.decompress(b"".join(chunks)), dtype=np.uint8).reshape(height, width * bpp + 1)
    out = np.zeros((height, width * bpp), dtype=np.int64)
    prev = np.zeros(width * bpp, dtype=np.int64)
    for y in range(height):  # undo the PNG row filters (None, Sub, Up, Average, Paeth)
        kind, line = raw[y, 0], raw[y, 1:].astype(np.int64)
        if kind == 1:
            line = np.cumsum(line.reshape(width, bpp), axis=0).reshape(-1) % 256
        elif kind == 2:
            line = (line + prev) % 256
        elif kind in (3, 4):  # these depend on the pixel to the left: decode one by one
            cur, up = line.tolist(), prev.tolist()
            for x in range(len(cur)):
                a = cur[x - bpp] if x >= bpp else 0
                if kind == 3:
                    cur[x] = (cur[x] + (a + up[x]) // 2) & 255
                    continue
                b, c = up[x], up[x - bpp] if x >= bpp else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                cur[x] = (cur[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            line = np.array(cur, dtype=np.int64)
        out[y] = prev = line
    return out.reshape(height, width, bpp)[:, :, :3].astype(np.uint8)


@pytest.mark.slow
def test_report_in_headless_chromium(sample, page, tmp_path):
    binary = chromium()
    _, frames, gold = sample
    dom = run_browser(binary, tmp_path / "profile", "--dump-dom", page.as_uri()).stdout
    marks = parse(dom)
    # The page's script counted the highlights the browser laid out with a non-empty box.
    total = 0
    for name in SAMPLE:
        section = marks.sections[name]
        expected = int((frames["entities"]["article_id"] == name).sum() + (frames["dates"]["article_id"] == name).sum())
        assert int(section["data-rendered-pred"]) == expected == int(section["data-expected-pred"])
        assert int(section["data-rendered-gold"]) == int(section["data-expected-gold"]) > 0
        total += expected + int(section["data-expected-gold"])
    body = next(a for t, a in marks.tags if t == "body")
    assert int(body["data-rendered-marks"]) == total == len(frames["entities"]) + len(frames["dates"]) + sum(
        len(g.entities) + len(g.dates) for g in gold
    )
    shot = tmp_path / "report.png"
    run_browser(binary, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1400,2600", page.as_uri())
    pixels = png_rgb(shot)
    assert pixels.shape == (2600, 1400, 3)
    # The screenshot shows the highlight colours (entity and date marks) and the chart bars.
    rgb = pixels.astype(np.int32)
    seen = set(np.unique((rgb[:, :, 0] << 16) | (rgb[:, :, 1] << 8) | rgb[:, :, 2]).tolist())
    wanted = {"ORG": COLORS["ORG"], "GPE": COLORS["GPE"], "DATE": COLORS["DATE"], "F1 bar": "#59a14f", "recall bar": "#f28e2b"}
    missing = [name for name, color in wanted.items() if int(color[1:], 16) not in seen]
    assert not missing, f"colours absent from {shot}: {missing}"
