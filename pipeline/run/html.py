"""Main text and metadata of an HTML news page, extracted with trafilatura.

trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for
Text Discovery and Extraction", ACL demo) drops navigation, menus, comments and footers and
keeps the article's paragraphs. The publication date is read from the page's metadata only
(``<meta>`` tags, JSON-LD, the URL), never guessed from the body text, so an article without
one keeps an empty date and its relative dates stay unresolved.

The extracted text becomes the article's raw text: every offset newsie writes for an HTML
article indexes it, and :func:`newsie.run.io.write_extracted` keeps it beside the outputs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# Metadata only: no guessing the date from text or from the whole page.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class ExtractedPage:
    """What an HTML page yields: its main text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str = ""
    published: str = ""
    url: str = ""
    error: str = ""


def extract_html(html: str, *, url: str | None = None) -> ExtractedPage:
    """Extract the main text, title and publication date of one HTML page."""
    import trafilatura  # heavy import, only paid by runs that read HTML

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as err:  # trafilatura raises many parser errors on broken pages
        logger.warning("HTML extraction failed: %s", err)
        return ExtractedPage("", error=f"HTML extraction failed: {type(err).__name__}: {err}")
    if document is None:
        return ExtractedPage("", error="no main text found in the HTML page")
    fields = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    paragraphs = [line.strip() for line in (fields.get("text") or "").split("\n") if line.strip()]
    if not paragraphs:
        return ExtractedPage("", error="no main text found in the HTML page")
    return ExtractedPage(
        text="\n\n".join(paragraphs) + "\n",
        title=(fields.get("title") or "").strip(),
        published=(fields.get("date") or "")[:10],
        url=fields.get("url") or url or "",
    )
