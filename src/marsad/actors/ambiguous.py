"""Bare words with two readings, decided by what the rest of the article names.

* **The kingdom.**  A bare المملكة (Saudi Arabia in the dictionary) is the one other kingdom
  the article names in full (مملكة البحرين) when it never names Saudi Arabia otherwise.
* **The Shura Council.**  A bare definite مجلس الشورى (الشورى، عضو الشورى، رئيس مجلس الشورى), which coreference
  codes like any legislature (the last one named, the article's state), is the council named before it
  with its state (مجلس الشورى الإيراني، مجلس الشورى العماني); else Saudi Arabia's when the article names
  Saudi Arabia (a Saudi Shura member quoted on Iran is not Iran's Majlis, nor is رئيس مجلس الشورى Kuwait's
  after رئيس مجلس الأمة الكويتي); else the one other state with a council of that name (Iran, Oman, Qatar,
  Bahrain, Yemen) that the article names, if one.  A shura in the construct state (مجلس شورى طالبان،
  مجلس شورى الجماعة), or with a group after it (مجلس الشورى الأعلى لطالبان، مجلس الشورى المدني للحركة), is
  another body and keeps its coreference.  A bare role noun before في + the council (مسؤول رفيع في مجلس
  الشورى، رئيس لجنة الشؤون الخارجية في مجلس الشورى) takes the council's state too.
* **Amman, the base.**  The bare word عمان is Oman in the dictionary; in an article
  that speaks of Jordan and never of Oman, or right after another capital (الرياض
  وعمان), it is Amman (Jordan); so it is wherever the writer put a shadda on its mim (عمّان).  A bare القاعدة in an article about a military base
  (قاعدة إنجرليك، القاعدة الجوية) is the base, not al-Qaeda, when base words outnumber the names of
  al-Qaeda in full (تنظيم القاعدة، «القاعدة») more than twice.
* **The coalition.**  طائرات التحالف، غارات التحالف، قوات التحالف are the Saudi-led coalition in the dictionary
  (the Yemen war's convention); in an article that names ISIS and no Yemeni actor they are the US-led coalition.
"""

from __future__ import annotations

import re

from marsad.actors.bare_roles import COALITION, US_LED, article_coalition
from marsad.document import ActorMention, Token
from marsad.text.tokens import candidates, has_article

SHADDA_MIM = re.compile("م[\u064b-\u0652]*\u0651")
OMAN_MARKERS = frozenset({"سلطنه", "عماني", "عمانيه", "عمانيون", "عمانيين", "مسقط"})
SHURA = "شوري"
# States other than Saudi Arabia whose council is called مجلس الشورى (Iran's Majlis; Oman's, Qatar's,
# Bahrain's and Yemen's upper or consultative houses).
SHURA_STATES = frozenset({"IRN", "OMN", "QAT", "BHR", "YEM"})
# Groups whose council (a الشورى with لـ + the group after it) is no state's: the Taliban's, a movement's.
GROUP_WORDS = frozenset({"طالبان", "حركه", "جماعه", "تنظيم", "حزب"})
QAEDA = "NSA:ALQAEDA"
# Kinds of mentions that name a state by themselves (not role nouns resolved from context).
NAMING_KINDS = frozenset({"state", "capital", "metonym", "demonym", "region", "person", "group"})


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


def _bare_qaeda(m: ActorMention, tokens: list[Token], text: str) -> bool:
    """An al-Qaeda mention by the bare word alone: القاعدة last, no تنظيم in it (القاعدة، للقاعدة، قيادة
    القاعدة), not written «القاعدة»."""
    if m.code != QAEDA or not _reads(tokens[m.token_end - 1], "قاعده"):
        return False
    if any(_reads(t, "تنظيم") for t in tokens[m.token_start:m.token_end]):
        return False
    return not (text[m.span.start - 1:m.span.start] == "«" and text[m.span.end:m.span.end + 1] == "»")


def military_base(mentions: list[ActorMention], tokens: list[Token], text: str) -> list[ActorMention]:
    """Drop the bare القاعدة (al-Qaeda) of an article that speaks of a base (قاعدة إنجرليك، القاعدة الجوية،
    القواعد) more than twice as often as it names al-Qaeda in full (تنظيم القاعدة، «القاعدة»، جبهة النصرة):
    there it is the base ("تحولت القاعدة إلى منطلق لعمليات ضد تنظيم القاعدة" in a long piece on the base),
    while "هاجم تنظيم القاعدة قاعدة عسكرية. وتبنت القاعدة الهجوم" keeps al-Qaeda."""
    bare = [m for m in mentions if _bare_qaeda(m, tokens, text)]
    if not bare:
        return mentions
    named = {i for m in mentions if m.code == QAEDA for i in range(m.token_start, m.token_end)}
    bases = sum(_base_word(t) or (i not in named and _reads(t, "قاعده")) for i, t in enumerate(tokens))
    if bases <= 2 * (sum(m.code == QAEDA for m in mentions) - len(bare)):
        return mentions
    drop = {id(m) for m in bare}
    return [m for m in mentions if id(m) not in drop]


def _bare_shura(m: ActorMention, tokens: list[Token]) -> bool:
    """Is ``m`` a role phrase holding the definite الشورى with no state of its own (مجلس الشورى، عضو
    الشورى) rather than a council named with its state or a construct (مجلس شورى طالبان)?"""
    if m.kind not in ("agent", "coref") or not any(
            t.key == SHURA and has_article(t.prefix) for t in tokens[m.token_start:m.token_end]):
        return False
    return not _of_group(tokens, m.token_end)


def _of_group(tokens: list[Token], i: int) -> bool:
    """Does a group's name with لـ follow at ``i``, after at most one definite adjective (مجلس الشورى
    الأعلى لطالبان، مجلس الشورى المدني للحركة: the Taliban's council)?"""
    for tok in tokens[i:i + 2]:
        readings = candidates(tok.norm)
        if any(p.lstrip("وف")[:1] == "ل" and k in GROUP_WORDS for p, k in readings):
            return True
        if not has_article(readings[0][0]):
            return False
    return False


def shura_council(mentions: list[ActorMention], tokens: list[Token]) -> None:
    """Code each bare مجلس الشورى (see the module doc): the council named before it with its state,
    else SAU when the article names Saudi Arabia, else the one other shura state named."""
    bare = [m for m in mentions if m.agent and _bare_shura(m, tokens)]
    if not bare:
        return
    named = [m for m in mentions if len(m.code) == 3 and m.kind in NAMING_KINDS]
    states = {m.code for m in named}
    others = states & SHURA_STATES
    default = "SAU" if "SAU" in states else (next(iter(others)) if len(others) == 1 else None)
    for m in bare:
        council = next((c for c in reversed(named) if c.token_end <= m.token_start
                        and any(t.key == SHURA for t in tokens[c.token_start:c.token_end])), None)
        code = council.code if council is not None else default
        if code is not None:
            m.code, m.country, m.name, m.kind = code, code, None, "coref"
            member = _member_before(mentions, tokens, m)
            if member is not None:  # مسؤول رفيع في مجلس الشورى: the council's official
                member.code, member.country, member.name, member.kind = code, code, None, "coref"


def _member_before(mentions: list[ActorMention], tokens: list[Token], m: ActorMention) -> ActorMention | None:
    """The bare role noun right before في + the council ``m`` (رئيس لجنة الشؤون الخارجية في مجلس الشورى،
    مسؤول رفيع في مجلس الشورى: one adjective may stand between), if any."""
    i = m.token_start - 1
    if i < 1 or tokens[i].norm != "في":
        return None
    return next((r for r in mentions if r.agent and r.kind in ("agent", "coref") and not r.name
                 and i - 2 <= r.token_end <= i), None)


SAUDI_KEYS = frozenset({"سعوديه", "مملكه", "سعودي"})


def us_led_coalition(mentions: list[ActorMention], tokens: list[Token]) -> None:
    """Read the coalition's forces (طائرات التحالف، غارات التحالف، قوات التحالف: Saudi Arabia's in the dictionary,
    the Yemen war's convention) as the US-led coalition against ISIS (IGO:OTHER) in an article that names ISIS
    and no Yemeni actor, unless the mention names the Kingdom (التحالف بقيادة السعودية)."""
    if article_coalition({m.code for m in mentions if m.code}) != US_LED:
        return
    for m in mentions:
        words = tokens[m.token_start:m.token_end]
        if m.code == "SAU" and m.kind == "metonym" and any(t.key == COALITION for t in words) \
                and not any(t.key in SAUDI_KEYS for t in words):
            m.code, m.country, m.kind, m.name = US_LED, None, "igo", "US-led international coalition"
