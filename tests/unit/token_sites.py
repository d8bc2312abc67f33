"""Helpers for tests that place actor mentions on the tokens of a written sentence."""

from marsad.document import ActorMention, Span, Token
from marsad.text.normalize import normalize_text
from marsad.text.tokens import tokenize


def toks(text: str) -> list[Token]:
    """The tokens of ``text`` as the pipeline normalizes it."""
    return tokenize(normalize_text(text))


def mention(code: str, i: int, j: int, agent: str | None = None, kind: str = "group", text: str = "") -> ActorMention:
    """An actor mention over tokens ``[i, j)``."""
    return ActorMention(span=Span(i, j, text), code=code, agent=agent, kind=kind, token_start=i, token_end=j)


def word_tokens(words: list[str]) -> list[Token]:
    """Hand-built tokens, one per word as given (already normal), the article ال split off long words."""
    out, pos = [], 0
    for w in words:
        pre = "ال" if w.startswith("ال") and len(w) > 4 else ""
        out.append(Token(pos, pos + len(w), w, w[len(pre):], prefix=pre))
        pos += len(w) + 1
    return out


def at(tokens: list[Token], word: str) -> int:
    """The index of the first token whose normal form is ``word``'s."""
    return [t.norm for t in tokens].index(normalize_text(word))


def verb_args(words: list[str], at: int, cameo: str, ments: list[ActorMention], *forms: str):
    """:func:`marsad.coding.arguments.find_args` for a one-word verb pattern at word ``at`` of ``words``
    (its forms ``forms``, else the word itself), over the whole word list as one sentence."""
    from marsad.coding.arguments import find_args
    from marsad.coding.lexicon import Pattern, TriggerMatch

    tokens = word_tokens(words)
    pattern = Pattern(words=(frozenset(forms or (words[at],)),), cameo=cameo, flags=frozenset(), preps=frozenset(),
                      source="test")
    return find_args(TriggerMatch(at, at + 1, pattern), tokens, ments, 0, len(tokens))
