"""The values the normalisation rules pass around: a TIMEX3 and the document's context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression."""

    type: str
    value: str
    mod: str = ""  # TIMEX3 mod (START, MID, END, APPROX, ...); set from the text's modifier words


@dataclass(frozen=True)
class Context:
    """What the document said before an expression, for values that depend on it.

    ``quarter``: the last quarter named ("1989-Q3"); ``quarter_talk``: the sentence compares
    quarters; ``last_year``/``last_date``: the last explicit year and day mentioned, for "that
    year", "the following day"; ``following``: the text right after the expression.
    """

    quarter: str = ""
    quarter_talk: bool = False
    last_year: int | None = None
    last_date: dt.date | None = None
    following: str = ""


# A rule's handler: (named groups, anchor, clause direction, context) -> Timex or None.
Handler = Callable[[dict, "dt.date | None", int, Context], "Timex | None"]
