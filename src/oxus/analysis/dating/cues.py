"""Finding words that end a relation ("former", "until his death") next to a name.

The cue lists are data (``cues.yaml``); a cue counts only beside a mention of the
relation's subject in the sentence, so "founded by former members of the IMU" ends
their membership and not the group's base named in the same sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from oxus.errors import PackError
from oxus.yamlio import safe_load


@dataclass(frozen=True)
class EndingCues:
    before: re.Pattern[str]
    after: re.Pattern[str]
    before_chars: int
    after_chars: int

    def find(
        self,
        text: str,
        spans: list[tuple[int, int]],
        others: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> str | None:
        """The cue beside any of these name spans (offsets in ``text``), if there is one.

        ``others`` are the spans of other names that could own the cue: a window stops
        at them, so a cue belongs to the nearest ("X, the son of Y, who was killed" ends
        Y's).
        """
        for start, end in spans:
            first = max([0, start - self.before_chars, *(e for s, e in others if e <= start)])
            last = min([len(text), end + self.after_chars, *(s for s, e in others if s >= end)])
            found = self.before.search(text[first:start]) or self.after.search(text[end:last])
            if found:
                return found.group("cue").casefold()
        return None


def _pattern(words: list[str], *, anchored_end: bool) -> re.Pattern[str]:
    alternatives = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word)
        tail = "" if word.endswith("-") else r"\b"
        alternatives.append(rf"(?<![\w-]){escaped}{tail}")
    body = "|".join(alternatives) or r"(?!)"
    # Before a name the cue must be among the last words of the window: "their former
    # leader X", "then-Taliban leader X".
    # Not across "of": in "former members of the IMU" the IMU is not what is former.
    word = r"(?!of\b|из\b)[\w'’-]+"
    suffix = rf"[\w'’-]*(?:[\s,]+{word}){{0,3}}[\s,“\"(]*$" if anchored_end else ""
    return re.compile(rf"(?P<cue>{body}){suffix}", re.IGNORECASE | re.UNICODE)


def parse_cues(data: dict) -> EndingCues:
    try:
        return EndingCues(
            before=_pattern([str(w) for w in data["before"]], anchored_end=True),
            after=_pattern([str(w) for w in data["after"]], anchored_end=False),
            before_chars=int(data["before_chars"]),
            after_chars=int(data["after_chars"]),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise PackError(f"relation ending cues: {e}") from e


@cache
def ending_cues() -> EndingCues:
    text = resources.files("oxus.analysis.dating").joinpath("cues.yaml").read_text("utf-8")
    return parse_cues(safe_load(text))
