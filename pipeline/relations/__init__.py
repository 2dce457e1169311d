"""The relations stage (``news_relations``): the relation schema and event frames."""

from .component import RelationExtractor, make_relations

__all__ = ["RelationExtractor", "make_relations"]
