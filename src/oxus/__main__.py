"""``python -m oxus``: the same command line as ``oxus``."""

from oxus.program import main

main()
