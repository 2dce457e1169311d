"""Every error newsie raises, with a code, in one place (as spaCy keeps its ``Errors``)."""

from __future__ import annotations


class NewsieError(Exception):
    """Base class: every message starts with its code, e.g. ``[N003]``."""

    code = "N000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.reason = message


class ConfigError(NewsieError, ValueError):
    """A component or pipeline setting is invalid; raised when the pipeline is built."""

    code = "N001"


class ModelError(NewsieError, OSError):
    """The named spaCy pipeline is not installed or cannot be loaded."""

    code = "N002"


class InputError(NewsieError, ValueError):
    """An input article cannot be read: wrong encoding, empty, malformed line."""

    code = "N003"

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")
        self.source = source
        self.line = line
        self.reason = reason


class GoldFormatError(NewsieError, ValueError):
    """A gold file line is invalid; names the file, the line and the reason."""

    code = "N004"

    def __init__(self, source: str, line: int, reason: str) -> None:
        super().__init__(f"{source}:{line}: {reason}")
        self.source = source
        self.line = line
        self.reason = reason


class PredictionError(NewsieError, ValueError):
    """A prediction folder is missing a table or a column."""

    code = "N005"


class TimemlError(NewsieError, ValueError):
    """A TimeML (.tml) file cannot be read: missing, not UTF-8, or without a <TEXT> element."""

    code = "N006"


class OutputLockedError(NewsieError, RuntimeError):
    """Another live newsie process holds the output folder's lock file (one writer per folder)."""

    code = "N020"


class StoreError(NewsieError, RuntimeError):
    """The store (newsie.sqlite) cannot be used: locked by another program, or not a database."""

    code = "N021"
