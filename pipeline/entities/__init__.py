"""The entities stage (``news_entities``): span and label repairs, titles, dateline places, event mentions."""

from .component import EntityRepairer, make_entities

__all__ = ["EntityRepairer", "make_entities"]
