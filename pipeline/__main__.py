"""``python -m newsie``: the ``newsie`` command."""

from .cli import main

main()
