"""The cleaning stage (``news_cleaner``): header, title, dateline, attribution and boilerplate."""

from .component import Cleaner, make_cleaner

__all__ = ["Cleaner", "make_cleaner"]
