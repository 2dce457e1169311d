"""Build the newsie pipeline: an English model with the newsie stages, from one config file.

The config (``pipeline/newsie.cfg`` by default) names the base model and lists the stages in
order with their settings. ``news_cleaner`` goes first, before the model's own components; the
other stages follow the model. The stages are found through the ``spacy_factories`` entry
point, so a saved pipeline (``nlp.to_disk``) loads again with a plain ``spacy.load``.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

from ..core.errors import ConfigError, ModelError

FIRST_STAGES = {"news_cleaner"}


def default_config_path() -> Path:
    return Path(str(resources.files("newsie").joinpath("newsie.cfg")))


def read_config(path: str | Path | None = None, *, model: str | None = None) -> Config:
    """Read and check a newsie config; ``model`` overrides ``[model] name``."""
    path = Path(path) if path is not None else default_config_path()
    try:
        config = Config().from_disk(path)
    except Exception as err:  # thinc raises several error types for a bad file
        raise ConfigError(f"cannot read config {path}: {err}") from err
    if "model" not in config or "name" not in config["model"]:
        raise ConfigError(f"{path}: missing [model] name")
    if model:
        config["model"]["name"] = model
    for name, settings in config.get("components", {}).items():
        if "factory" not in settings:
            raise ConfigError(f"{path}: [components.{name}] has no factory")
    return config


def config_hash(config: Config) -> str:
    return hashlib.sha256(config.to_str().encode("utf-8")).hexdigest()[:12]


def load_model(name: str, **kwargs) -> Language:
    try:
        return spacy.load(name, **kwargs)
    except OSError as err:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: install it (pip install it, or give a path). {err}"
        ) from err


def build(config: Config) -> Language:
    """Load the base model and add the configured stages; settings are checked here."""
    nlp = load_model(config["model"]["name"])
    for name, settings in config.get("components", {}).items():
        settings = dict(settings)
        factory = settings.pop("factory")
        placement = {"first": True} if factory in FIRST_STAGES else {"last": True}
        try:
            nlp.add_pipe(factory, name=name, config=settings, **placement)
        except (ValueError, TypeError) as err:
            raise ConfigError(f"stage {name!r}: {err}") from err
    return nlp


def load(config_path: str | Path | None = None, *, model: str | None = None) -> Language:
    """The whole pipeline from a config file (default: the packaged ``newsie.cfg``)."""
    return build(read_config(config_path, model=model))


def model_info(nlp: Language) -> dict:
    """Name and version of the base model, for ``run.json``."""
    meta = nlp.meta
    return {
        "name": f"{meta.get('lang', '')}_{meta.get('name', '')}",
        "version": meta.get("version", ""),
        "spacy_version": meta.get("spacy_version", ""),
    }
