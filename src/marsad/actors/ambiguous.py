"""Bare words with two readings, decided by what the rest of the article names.

* **The kingdom.**  A bare المملكة (Saudi Arabia in the dictionary) is the one other kingdom
  the article names in full (مملكة البحرين) when it never names Saudi Arabia otherwise.
* **Amman, the base.**  The bare word عمان is Oman in the dictionary; in an article
  that speaks of Jordan and never of Oman, or right after another capital (الرياض
  وعمان), it is Amman (Jordan); so it is wherever the writer put a shadda on its mim (عمّان).  A bare القاعدة in an article about a military base
  (قاعدة إنجرليك) that never writes تنظيم القاعدة is the base, not al-Qaeda.
"""

from __future__ import annotations

import re

from marsad.document import ActorMention, Token
from marsad.text.tokens import candidates, has_article

SHADDA_MIM = re.compile("م[\u064b-\u0652]*\u0651")
OMAN_MARKERS = frozenset({"سلطنه", "عماني", "عمانيه", "عمانيون", "عمانيين", "مسقط"})


def _reads(tok: Token, key: str) -> bool:
    """Is ``key`` a clitic reading of the word (وعمان → عمان)?"""
    return tok.key == key or any(k == key for _, k in candidates(tok.norm))


def _base_word(tok: Token) -> bool:
    """قاعدة without the article, or قواعد in any form: a (military) base."""
    if "قاعده" not in tok.norm and "قواعد" not in tok.norm:
        return False
    return any(k == "قواعد" or (k == "قاعده" and not has_article(p)) for p, k in candidates(tok.norm))


def amman(mentions: list[ActorMention], tokens: list[Token]) -> None:
    """Read the bare word عمان as Amman (JOR) in an article about Jordan that never names Oman,
    or next to another capital (بين الرياض وعمان، زيارته للقاهرة وعمان)."""
    bare = [m for m in mentions if m.code == "OMN" and m.token_end - m.token_start == 1
            and _reads(tokens[m.token_start], "عمان")]
    for m in [m for m in bare if SHADDA_MIM.search(m.span.text)]:
        m.code, m.country, m.kind, m.name = "JOR", "JOR", "capital", None
    bare = [m for m in bare if m.code == "OMN"]
    if not bare or len(bare) < sum(m.code == "OMN" for m in mentions):
        return
    if any(t.key in OMAN_MARKERS for t in tokens):
        return
    if not any(m.code == "JOR" for m in mentions):
        capitals = {m.token_end for m in mentions if m.kind == "capital"}
        bare = [m for m in bare if m.token_start in capitals and tokens[m.token_start].norm.startswith("و")]
    for m in bare:
        m.code, m.country, m.kind, m.name = "JOR", "JOR", "capital", None


def kingdom(mentions: list[ActorMention], tokens: list[Token]) -> None:
    """Read the bare word المملكة (Saudi Arabia in the dictionary) as the one other kingdom an
    article names in full (مملكة البحرين، المملكة الأردنية، المملكة المغربية، المملكة المتحدة)
    when it never names Saudi Arabia otherwise."""
    bare = [m for m in mentions if m.code == "SAU" and m.token_end - m.token_start == 1
            and _reads(tokens[m.token_start], "مملكه")]
    if not bare or len(bare) < sum(m.code == "SAU" for m in mentions):
        return
    named = {m.code for m in mentions if len(m.code) == 3 and m.code != "SAU"
             and any(_reads(t, "مملكه") for t in tokens[m.token_start:m.token_end])}
    if len(named) != 1:
        return
    code = named.pop()
    for m in bare:
        m.code, m.country, m.name = code, code, None


def military_base(mentions: list[ActorMention], tokens: list[Token]) -> list[ActorMention]:
    """Drop a bare القاعدة (al-Qaeda) in an article that speaks of a base (قاعدة إنجرليك، القواعد)
    and never names al-Qaeda in full (تنظيم القاعدة)."""
    bare = [m for m in mentions if m.code == "NSA:ALQAEDA" and m.token_end - m.token_start == 1
            and _reads(tokens[m.token_start], "قاعده")]
    if not bare or len(bare) < sum(m.code == "NSA:ALQAEDA" for m in mentions):
        return mentions
    if not any(_base_word(t) for t in tokens):
        return mentions
    drop = {id(m) for m in bare}
    return [m for m in mentions if id(m) not in drop]
