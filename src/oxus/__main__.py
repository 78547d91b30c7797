"""``python -m oxus``: the same command line as ``oxus``."""

from oxus.cli import main

main()
