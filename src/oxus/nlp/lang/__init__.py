"""Language-specific analysis: everything oxus knows about one language lives in its
subpackage (``ru``), so the rest of the pipeline sees the same spaCy ``Doc`` whatever
language a report was written in. English needs no subpackage: its analysis is the
statistical model ``en_core_web_sm`` and its lexicons are ``nlp/patterns/``.
"""

from __future__ import annotations

LANGUAGES = ("en", "ru")
"""The languages a pipeline can be built for (``build_pipeline(lang=...)``)."""
