"""``python -m pipeline`` is the ``communique`` command."""

from pipeline.cli import main

main()
