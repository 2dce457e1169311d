"""The dates stage (``news_dates``): TIMEX3 type and value against the article's own date."""

from .component import DateTagger, make_dates

__all__ = ["DateTagger", "make_dates"]
