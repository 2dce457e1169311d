"""Shared fixtures: the real pipeline (loaded once per session), paths to seeds, gold and dev data."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsie.run.nlp import load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "gold"
SEED_ARTICLE = SEEDS / "000_06a455e6394b7daf.txt"
# Dev data outside the project (../shared/data beside the checkout); tests that read it skip
# cleanly when it is absent.
SHARED_DATA = next(
    (base / "shared" / "data" for base in ROOT.parents if (base / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)


@pytest.fixture(scope="session")
def nlp():
    """The whole newsie pipeline around the pinned English model."""
    return load()


@pytest.fixture(scope="session")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test when it is not there."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"dev data not available: {path}")
    return path
