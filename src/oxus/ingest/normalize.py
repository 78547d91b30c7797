"""Text normalisation: the one canonical form that every character offset refers to.

Readers pass whatever they extracted through :func:`normalize_text` before a
:class:`~oxus.model.Document` is built, so that evidence offsets, content hashes and
duplicate detection all see the same string whatever the source format was.
The function is idempotent: normalising normalised text changes nothing.
"""

from __future__ import annotations

import re
import unicodedata

# Line separators other than "\n": CRLF, CR, vertical tab, form feed (PDF page breaks),
# NEL and the Unicode line separator. The paragraph separator becomes a blank line.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028]")
_PARAGRAPH_SEPARATOR = "\u2029"

# Invisible characters: C0/C1 controls (except tab and newline) and format characters
# (zero-width spaces and joiners, bidi marks, soft hyphen, BOM, invisible operators).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)

# Horizontal whitespace: tab, space and the Unicode space separators (NBSP, thin, ...).
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_EDGES = re.compile("^ | $", re.MULTILINE)
_BLANK_RUNS = re.compile("\n{3,}")

# Footnote reference numbers glued to the end of a sentence ("... his command.657 In
# July"): they merge sentences and read as quantities, so they are dropped.
_FOOTNOTE_MARKS = re.compile(
    r"(?:(?<=[a-z][.,;:!?”\"’)])|(?<=[a-z][.,;:!?][”\"’)]))\d{1,3}(?=[ \n]+[A-Z“\"]|\s*$)",
    re.MULTILINE,
)


def normalize_text(text: str) -> str:
    """Return the canonical form of ``text``.

    Unicode NFC; one line ending (``\\n``); invisible and control characters dropped;
    runs of spaces and tabs collapsed to one space; footnote numbers glued to the end of
    a sentence dropped; lines stripped; runs of blank lines
    collapsed to a single blank line, so paragraph breaks survive as ``\\n\\n``.
    """
    text = _LINE_BREAKS.sub("\n", text).replace(_PARAGRAPH_SEPARATOR, "\n\n")
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    text = _FOOTNOTE_MARKS.sub("", text)
    text = _LINE_EDGES.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def normalize_line(text: str) -> str:
    """Return ``text`` normalised onto one line (titles, outlet names)."""
    return " ".join(normalize_text(text).split())
