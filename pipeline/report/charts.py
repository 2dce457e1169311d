"""Inline SVG bar charts for the HTML report: no JavaScript, no fetched library, print-friendly.

Two shapes: :func:`score_chart` draws precision, recall and F1 per label as three thin bars on
a 0-1 axis; :func:`count_chart` draws one bar per label scaled to the largest count.
"""

from __future__ import annotations

from html import escape

SCORE_COLORS = {"p": "#4e79a7", "r": "#f28e2b", "f": "#59a14f"}
SCORE_NAMES = {"p": "precision", "r": "recall", "f": "F1"}
LABEL_W = 150
BAR_W = 320
ROW_H = 30
BAR_H = 7


def score_chart(title: str, scores: dict[str, dict], *, css_class: str = "score-chart") -> str:
    """P/R/F1 bars per label; ``scores`` maps label -> ``{"p", "r", "f", "n_gold", "n_pred"}``."""
    top = 42
    height = top + ROW_H * max(1, len(scores)) + 22
    width = LABEL_W + BAR_W + 150
    parts = [
        f'<svg class="{css_class}" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" data-bars="{3 * len(scores)}"><title>{escape(title)}</title>',
        f'<text x="0" y="16" class="chart-title">{escape(title)}</text>',
    ]
    for i, key in enumerate(("p", "r", "f")):
        x = LABEL_W + i * 95
        parts.append(f'<rect x="{x}" y="25" width="10" height="10" fill="{SCORE_COLORS[key]}"/>')
        parts.append(f'<text x="{x + 14}" y="34" class="legend">{SCORE_NAMES[key]}</text>')
    for tick in (0, 0.5, 1):
        x = LABEL_W + tick * BAR_W
        parts.append(f'<line x1="{x}" y1="{top - 2}" x2="{x}" y2="{height - 20}" class="grid"/>')
        parts.append(f'<text x="{x}" y="{height - 6}" class="tick" text-anchor="middle">{tick:g}</text>')
    for row, (label, s) in enumerate(scores.items()):
        y = top + row * ROW_H
        parts.append(f'<text x="{LABEL_W - 8}" y="{y + 15}" text-anchor="end" class="label">{escape(label)}</text>')
        for i, key in enumerate(("p", "r", "f")):
            value = float(s[key])
            parts.append(
                f'<rect class="bar" x="{LABEL_W}" y="{y + 2 + i * (BAR_H + 1)}" width="{value * BAR_W:.1f}" height="{BAR_H}" '
                f'fill="{SCORE_COLORS[key]}"><title>{escape(label)} {SCORE_NAMES[key]} {value:.3f}</title></rect>'
            )
        parts.append(
            f'<text x="{LABEL_W + BAR_W + 8}" y="{y + 15}" class="value">F1 {float(s["f"]):.2f} '
            f'({_n(s.get("n_pred", 0))} pred / {_n(s.get("n_gold", 0))} gold)</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def count_chart(title: str, counts: dict[str, int], colors: dict[str, str] | None = None, *, bar_w: int = 220) -> str:
    """One bar per label, in the order given; ``colors`` maps label -> fill."""
    colors = colors or {}
    label_w = 110
    top = 26
    row_h = 20
    height = top + row_h * max(1, len(counts)) + 4
    width = label_w + bar_w + 60
    most = max(counts.values(), default=0) or 1
    parts = [
        f'<svg class="count-chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>',
        f'<text x="0" y="16" class="chart-title">{escape(title)}</text>',
    ]
    if not counts:
        parts.append(f'<text x="{label_w}" y="{top + 14}" class="value">none</text>')
    for row, (label, n) in enumerate(counts.items()):
        y = top + row * row_h
        parts.append(f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end" class="label">{escape(label)}</text>')
        parts.append(
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{max(1.0, n / most * bar_w):.1f}" height="{row_h - 6}" '
            f'fill="{colors.get(label, "#9aa5b1")}"><title>{escape(label)}: {n}</title></rect>'
        )
        parts.append(f'<text x="{label_w + max(1.0, n / most * bar_w) + 6:.1f}" y="{y + 13}" class="value">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _n(value: float) -> str:
    return f"{float(value):g}"
