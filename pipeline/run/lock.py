"""One writer per output folder: a lock file holding the writer's process id.

:func:`folder_lock` creates ``<out>/newsie.lock`` with ``O_EXCL`` (atomic on a local file
system) and removes it when the block ends. A second run on the same folder finds the file,
sees that its process is alive and stops with :class:`~pipeline.core.errors.OutputLockedError`.
A lock left by a process that died (killed, crashed) names a process that no longer exists: it
is taken over. Process ids are of this machine: a folder shared between machines over a network
file system needs one writer by arrangement.
"""

from __future__ import annotations

import json
import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..core.errors import OutputLockedError

LOCK_NAME = "newsie.lock"
JUST_TAKEN = -1  # a lock file whose record is still being written


@contextmanager
def folder_lock(out_dir: str | Path) -> Iterator[Path]:
    """Hold the output folder's lock for the block; raise when a live process holds it."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_NAME
    _acquire(path)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _acquire(path: Path) -> None:
    record = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()})
    for _ in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _holder(path)
            if holder is not None and _alive(holder):
                who = f"pid {holder}" if holder != JUST_TAKEN else "just started"
                raise OutputLockedError(
                    f"another newsie process ({who}) is writing to {path.parent}/; "
                    f"wait for it to finish (or, if no such process runs, remove {path})"
                ) from None
            # A stale lock of a dead process (or a half-written one): take it over.
            path.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(record + "\n")
        return
    raise OutputLockedError(f"cannot take the lock {path}: other processes keep taking it")


def _holder(path: Path) -> int | None:
    """The process id in a lock file; ``None`` when it is unreadable (being written, or junk)."""
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        if time.time() - _mtime(path) < 5:  # just created, the record not written yet
            return JUST_TAKEN if path.exists() else None
        return None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _alive(pid: int) -> bool:
    if pid in (os.getpid(), JUST_TAKEN):
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True
