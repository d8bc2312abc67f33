"""Verb–subject gender agreement: a feminine verb (قالت، أكدت، تطالب) does not take a masculine subject
(الوزير، الرئيس الإيراني، مجلس الأمن) and a masculine one (قال، أكد، يطالب) no feminine subject
(الحكومة، الوزارة، مصر، الولايات المتحدة).  The argument model reads the agreement of a source
candidate with the trigger verb (:mod:`marsad.coding.argrank`).

The verb's gender comes from the trigger's first word and the forms its lexicon row lists: a form
ending in ت whose form without it is listed (أكدت / أكد) is the feminine perfect, a form whose ت-form
is listed the masculine one; likewise تـ / يـ for the imperfect.  Duals, plurals, first persons,
participles and verbal nouns have none.  A mention's gender comes from its first word: ة or ات at
its end is feminine, a state or a city is feminine (أعلنت مصر، قالت واشنطن), a group named by one
word has none (قال داعش and قالت حماس are both written), everything else is masculine, except the
words of ``resources/actors/gender.tsv`` (masculine states: العراق، الأردن، اليمن…; feminine titles
of persons: وزيرة، المتحدثة…; a person is masculine unless such a title leads the mention).
"""

from __future__ import annotations

from functools import lru_cache

from marsad import resources
from marsad.actors.coref import PERSON_TITLES
from marsad.document import ActorMention, Token
from marsad.text.normalize import normalize_text
from marsad.text.tokens import candidates, has_article, word_key

FEMININE_KINDS = frozenset({"state", "capital", "region"})
VERB_PLURALS = ("ان", "ون", "وا")  # يدينان، يطالبون، أن يطالبوا
NOUN_PLURALS = ("ون", "ين")  # الحوثيون، المسلحين


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Word key → "m" / "f" for the words whose form does not show their gender."""
    return {word_key(normalize_text(r["ar"])): r["gender"]
            for r in resources.read_tsv(resources.path("actor_gender"))}


def _form_gender(key: str, slot: frozenset[str]) -> str | None:
    """Gender of one listed verb form given the other forms of its slot (None: none or unclear)."""
    if key[:1] in ("ي", "ت") and len(key) > 2:
        if key.endswith(VERB_PLURALS):
            return None  # يدينان، يطالبون: dual and plural
        other = ("ت" if key[0] == "ي" else "ي") + key[1:]
        return ("m" if key[0] == "ي" else "f") if other in slot else None
    if key.endswith("ت") and key[:-1] in slot:
        return "f"
    if key + "ت" in slot:
        return "m"
    return None


def verb_gender(tokens: list[Token], start: int, slot: object) -> str | None:
    """The gender of the verb at ``start``, one of the forms ``slot`` (a trigger pattern's first word) lists."""
    if not isinstance(slot, frozenset) or has_article(tokens[start].prefix):
        return None  # القبض، القصف: a verbal noun
    for _, key in candidates(tokens[start].norm):
        if key in slot:
            return _form_gender(key, slot)
    return None


def mention_gender(m: ActorMention, tokens: list[Token]) -> str | None:
    """The grammatical gender of a mention as a subject (None: unknown)."""
    words = gender_words()
    keys = [k for _, k in candidates(tokens[m.token_start].norm)]
    listed = next((words[k] for k in keys if k in words), None)
    if m.kind == "person":
        return "f" if listed == "f" else "m"
    if listed is not None:
        return listed
    key = keys[-1]
    if key.endswith(("ه", "ات")):
        return "f"
    if m.kind in FEMININE_KINDS and not any(k in PERSON_TITLES for k in keys):  # not مندوب اليمن
        return "f"
    if m.kind == "group" and m.token_end - m.token_start == 1 and not key.endswith(NOUN_PLURALS):
        return None  # قال داعش، قالت حماس
    return "m"


def agreement(tokens: list[Token], start: int, slot: object, m: ActorMention) -> str | None:
    """"agree" or "clash" between the verb at ``start`` and ``m`` as its subject (None: a gender unknown)."""
    verb = verb_gender(tokens, start, slot)
    if verb is None:
        return None
    noun = mention_gender(m, tokens)
    if noun is None:
        return None
    return "agree" if noun == verb else "clash"
