"""``python -m skillgap``: the same command line as ``skillgap``."""

from .cli import main

main()
