"""Features of an event candidate: the trigger, its modality, its arguments, its date.

As for relations, every feature is conjoined with the event type, and the rules that
used to decide (the part of speech a trigger needs, the realis filter, "the attack"
pointing back) are features now, so the scorer learns how far to trust each.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from oxus.model import Event
from oxus.nlp.extensions import TokenStrings
from oxus.nlp.scoring.linear import Features

QUOTES = frozenset({"“", "”", '"', "«", "»"})
REPORTING = frozenset(
    {"say", "tell", "report", "claim", "state", "announce", "add"}
    | {"сказать", "заявить", "сообщить", "сообщать", "рассказать", "отметить", "добавить"}
)


def event_features(
    sent: Span,
    tok: Token,
    event: Event,
    strings: TokenStrings,
    *,
    lexicon_kind: str,
    rule_kind: str | None,
    irrealis: str | None,
    anaphoric: bool,
    accepted: bool,
    headline: bool,
    types: dict[str, str],
) -> Features:
    t = event.type.value
    lemma = strings.lemma
    f: Features = {t: 1.0, f"{t}|trig|{lemma[tok.i]}": 1.0, f"*|trig|{lemma[tok.i]}": 1.0}
    f[f"{t}|tag|{tok.tag_}"] = 1.0
    f[f"{t}|dep|{tok.dep_}"] = 1.0
    if tok.head.i != tok.i:
        f[f"{t}|head|{lemma[tok.head.i]}"] = 1.0
    if lexicon_kind != t:
        f[f"{t}|from|{lexicon_kind}"] = 1.0
    if rule_kind == t:
        f[f"{t}|rule"] = 1.0
        if not anaphoric:
            f["*|rule"] = 1.0
    elif rule_kind is None:
        f[f"{t}|rule_none"] = 1.0
    else:
        f[f"{t}|rule_other|{rule_kind}"] = 1.0
    if irrealis is not None:
        f[f"{t}|irrealis"] = 1.0
        f[f"{t}|irrealis|{irrealis}"] = 1.0
    if anaphoric:
        f[f"{t}|anaphoric_repeat"] = 1.0
    if not accepted:
        f[f"{t}|pos_rejected"] = 1.0
    if headline:
        f[f"{t}|headline"] = 1.0
    f[f"{t}|agents|{min(len(event.agents), 2)}"] = 1.0
    f[f"{t}|targets|{min(len(event.targets), 2)}"] = 1.0
    for agent in event.agents:
        f[f"{t}|agent|{types.get(agent, 'state')}"] = 1.0
    for target in event.targets:
        f[f"{t}|target|{types.get(target, 'state')}"] = 1.0
    if event.location:
        f[f"{t}|loc|{types.get(event.location, 'place')}"] = 1.0
    for key in event.counts:
        f[f"{t}|count|{key}"] = 1.0
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "compound", "amod"):
            f[f"{t}|{child.dep_}|{lemma[child.i]}"] = 1.0
    doc = sent.doc
    words = {lemma[i] for i in range(sent.start, sent.end)}
    if words & REPORTING:
        f[f"{t}|reported"] = 1.0
    if any(doc[i].text in QUOTES for i in range(sent.start, sent.end)):
        f[f"{t}|quoted"] = 1.0
    return f
