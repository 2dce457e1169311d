"""Progress reports for long runs: a bar on a terminal, periodic lines otherwise, or nothing.

A reporter is a callable ``(done, total)`` that :func:`newsie.run.job.run` calls after each
article; :func:`make_progress` picks the right one for the output stream. Only the CLI
creates reporters: the pipeline itself never writes to the terminal.
"""

from __future__ import annotations

import sys
import time
from typing import Callable, TextIO

Progress = Callable[[int, int], None]


def rate_and_eta(done: int, total: int, elapsed: float) -> tuple[float, float | None]:
    """Articles per second so far, and the seconds left at that rate (None when unknown)."""
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate > 0 else None
    return rate, eta


def format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class _Reporter:
    def __init__(self, stream: TextIO, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.started = clock()

    def restart(self, done: int) -> None:
        """The clock starts at the call for 0 articles, made once the model is loaded."""
        if done == 0:
            self.started = self.clock()

    def describe(self, done: int, total: int) -> str:
        rate, eta = rate_and_eta(done, total, self.clock() - self.started)
        return f"{done}/{total} articles, {rate:.1f} articles/s, ETA {format_seconds(eta)}"


class BarProgress(_Reporter):
    """A bar redrawn in place, for a terminal."""

    width = 30

    def __call__(self, done: int, total: int) -> None:
        self.restart(done)
        filled = int(self.width * done / total) if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {self.describe(done, total)}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class LineProgress(_Reporter):
    """A plain line at most every ``interval`` seconds (and at the end), for logs and pipes."""

    def __init__(self, stream: TextIO, *, interval: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(stream, clock=clock)
        self.interval = interval
        self.last: float | None = None

    def __call__(self, done: int, total: int) -> None:
        self.restart(done)
        now = self.clock()
        if done < total and self.last is not None and now - self.last < self.interval:
            return
        self.last = now
        self.stream.write(f"newsie: {self.describe(done, total)}\n")
        self.stream.flush()


def no_progress(done: int, total: int) -> None:
    """The reporter for ``--quiet``."""


def make_progress(*, quiet: bool = False, stream: TextIO | None = None, interval: float = 10.0) -> Progress:
    """A rich bar when ``stream`` (default stderr) is a terminal, periodic lines when it is not."""
    if quiet:
        return no_progress
    stream = stream if stream is not None else sys.stderr
    if stream.isatty():
        return RichProgress(stream)
    return LineProgress(stream, interval=interval)


class RichProgress:
    """A rich progress bar, one step per article, for a terminal."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        columns = (TextColumn("newsie"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())  # fmt: skip
        self.bar = Progress(*columns, console=Console(file=stream), transient=False)
        self.task: int | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.task is None:
            self.bar.start()
            self.task = self.bar.add_task("articles", total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.bar.stop()


def make_steps(*, quiet: bool = False, stream: TextIO | None = None) -> Callable[[str], None]:
    """Reports the steps a person waits on before the first article (loading the model)."""

    def step(message: str) -> None:
        if not quiet:
            out = stream if stream is not None else sys.stderr
            out.write(f"newsie: {message} ...\n")
            out.flush()

    return step
