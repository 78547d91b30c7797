"""What a parse says, in either label set: English (ClearNLP) or Universal Dependencies.

The English model labels a prepositional phrase ``prep`` + ``pobj`` and a passive
subject ``nsubjpass``; natasha's Russian parse (UD) hangs the noun on its head as
``obl``/``nmod`` with the preposition as a ``case`` child, and says ``nsubj:pass``,
``obj``; Russian marks a passive or a participle in its morphology, not in a Penn tag.
The components ask these questions here, so their rules read the same in both.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "nsubj:pass"})
OBJECTS = frozenset({"dobj", "obj"})
UD_PREPOSITIONAL = frozenset({"obl", "nmod", "obl:agent"})
NEGATIONS = frozenset({"не", "ни"})


def english(token: Token) -> bool:
    return token.doc.lang_ == "en"


def preposition(token: Token) -> str | None:
    """The preposition a noun is the object of ("in" for "in Kabul", "в" for "в Кабуле"),
    a multi-word one as its words' lemmas ("с сторона" for "со стороны X"), else None."""
    if english(token):
        return token.head.lower_ if token.dep_ == "pobj" and token.head.i != token.i else None
    if token.dep_ not in UD_PREPOSITIONAL and token.dep_ not in ("conj", "appos"):
        return None
    for child in token.children:
        if child.dep_ == "case" and child.i < token.i:
            words = [child.lemma_.lower()]
            words += [g.lemma_.lower() for g in child.children if g.dep_ == "fixed"]
            return " ".join(words)
    return None


def attachment(token: Token) -> Token:
    """What a prepositional phrase hangs on: the head of "in" for "in Kabul" (English), the
    noun's own head (Russian)."""
    if english(token) and token.dep_ == "pobj":
        return token.head.head
    return token.head


def negated(token: Token) -> bool:
    """Whether the word is negated ("did not attack", "не задержан")."""
    if english(token):
        return any(c.dep_ == "neg" for c in token.children)
    return any(c.lemma_.lower() in NEGATIONS and c.pos_ == "PART" for c in token.children)


def passive(token: Token) -> bool:
    """Whether a verb is passive ("was killed", "убит", "были задержаны")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "nsubj:pass", "aux:pass") for c in token.children):
        return True
    return not english(token) and "Pass" in token.morph.get("Voice", [])


def participle(token: Token, *, present: bool) -> bool:
    """A present ("fighting", "воюющие") or past ("banned", "запрещенная") participle."""
    if english(token):
        return token.tag_ == ("VBG" if present else "VBN")
    if "Part" not in token.morph.get("VerbForm", []):
        return False
    return ("Pres" in token.morph.get("Tense", [])) == present


def plural_noun(token: Token) -> bool:
    """A plural common noun ("suspects", "боевики")."""
    if english(token):
        return token.tag_ == "NNS"
    return token.pos_ == "NOUN" and "Plur" in token.morph.get("Number", [])


def instrumental_agent(token: Token) -> bool:
    """A Russian passive's doer: a bare instrumental noun ("убит американцами")."""
    return (
        not english(token)
        and token.dep_ in ("obl", "obl:agent")
        and "Ins" in token.morph.get("Case", [])
        and preposition(token) is None
    )
