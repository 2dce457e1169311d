"""The aliases stage (``news_aliases``): acronyms, surnames, one id per entity."""

from .component import AliasResolver, make_aliases

__all__ = ["AliasResolver", "make_aliases"]
