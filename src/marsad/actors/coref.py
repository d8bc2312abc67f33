"""Coreference inside one article: what a mention refers to when it does not say it.

These rules run after the dictionary mentions of an article are composed:

* **Surnames.**  A person named in full ("الرئيس الفلسطيني محمود عباس") is later
  called by the last word of the name ("وقال عباس"), with the article if the name has
  it (الحسين is not حسين); those later words become mentions of the same person.
  Patronymic tails (بن سلمان, عبد الله), a definite word after a definite noun
  (العالم العربي: an adjective) and a first name (عباس بن أحمد) do not count.
* **Role nouns** and **the article's state**: :mod:`marsad.actors.bare_roles` (run after
  these rules, with the person roles that :class:`Roles` holds).
* **Organisation head nouns.**  A bare definite head noun (الوكالة، الحركة، الصندوق، المجلس) is the
  last body named before it in full with that head (الوكالة الدولية للطاقة الذرية، حركة حماس،
  صندوق النقد الدولي), if that body is an organisation or group (not after مجلس الوزراء), and
  not when a definite word follows (المجلس الوزاري is another body).  Train CV flat (smoothed
  mean over 4/5/6 folds .4720 -> .4727); 42 such mentions on 3,000 unseen articles, read correct.
* **Quoted short names.**  A group whose short name is a common word (حركة فتح → “فتح”، حركة
  النهضة → «النهضة») is that group when the word stands alone in quotation marks and the article
  names the group in full, or right after the head noun (حركة "فتح").

Bare words with two readings in the dictionary (عمان، المملكة، القاعدة) are decided in
``marsad.actors.ambiguous``.
"""

from __future__ import annotations

from marsad.document import ActorMention, Document, Token
from marsad.text.tokens import candidates, clitic_length, has_article

# The word before a name's last word that makes that word part of a compound name.
PATRONYMIC = frozenset({"بن", "ابن", "بنت", "ابو", "ابي", "ام", "ال", "عبد", "اب", "ولد"})
# Last words of compound given names and of common name tails: never a surname on their own.
NOT_SURNAMES = frozenset({"الله", "الدين", "الرحمن", "العزيز", "الرحيم", "الحق", "الاسلام", "الثاني",
                          "الاول", "الثالث", "جونيور"})
MIN_SURNAME = 3  # letters
# First words of role nouns that denote one person (they refer back to a person first).
PERSON_TITLES = frozenset({
    "وزير", "رييس", "ملك", "امير", "امين", "متحدث", "ناطق", "سفير", "مندوب", "مبعوث", "قايد", "نايب",
    "ولي", "مستشار", "سلطان", "شيخ", "مدير", "محافظ", "زعيم",
})

# Head nouns of group names (حركة فتح، حزب الدعوة); QUOTE_MARKS as normalization writes them.
GROUP_HEADS = ("حركه", "تنظيم", "حزب", "جماعه")
# Letters each head keeps in every clitic reading (حركتي، لحركة، الجماعات): a cheap test first.
GROUP_HEAD_STEMS = ("حرك", "تنظيم", "حزب", "جماع")
QUOTE_MARKS = frozenset({'"', "'"})



class Roles:
    """The role of a person mention's dictionary entry ("King", "Foreign Minister"), by mention.

    Keyed by identity (mentions are not hashable) and holding the mentions, so an id is never
    reused by another mention while the table lives."""

    __slots__ = ("_by_id",)

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[ActorMention, str]] = {}

    def set(self, mention: ActorMention, role: str) -> None:
        self._by_id[id(mention)] = (mention, role)

    def get(self, mention: ActorMention) -> str:
        hit = self._by_id.get(id(mention))
        return hit[1] if hit is not None and hit[0] is mention else ""


def surname_mentions(doc: Document, mentions: list[ActorMention], named: list[tuple[int, ActorMention]],
                     roles: Roles) -> list[ActorMention]:
    """Mentions for later bare surnames of the persons in ``named`` ((last-name token, mention)).

    Returns all mentions in text order: ``mentions`` plus the surnames, less the one-word role
    nouns that a surname replaces.  A surname gets the role of its person in ``roles``."""
    tokens = doc.tokens
    first: dict[str, tuple[int, ActorMention, bool]] = {}  # key → (token, mention, written with ال)
    for i, m in named:
        key = _surname_key(tokens, i)
        if key and key not in first:
            first[key] = (i, m, has_article(candidates(tokens[i].norm)[0][0]))
    if not first:
        return mentions
    # a one-word role noun does not hide a surname (مدني "civilian" after إياد مدني)
    covered = {i for m in mentions if m.code or m.token_end - m.token_start > 1
               for i in range(m.token_start, m.token_end)}
    out = []
    ends = tuple(first)  # a reading's key ends the word: one str.endswith per token
    for i in range(min(v[0] for v in first.values()) + 1, len(tokens)):
        tok = tokens[i]
        if not tok.norm.endswith(ends) or i in covered:
            continue
        reading = next(((p, k) for p, k in candidates(tok.norm)
                        if k in first and first[k][0] < i and has_article(p) == first[k][2]), None)
        if reading is None or _adjective(tokens, i, reading[0]) or _given_name(tokens, i):
            continue
        ref = first[reading[1]][1]
        span = doc.span(tok.start + clitic_length(reading[0]), tok.end)
        out.append(ActorMention(span=span, code=ref.code, agent=ref.agent, name=ref.name, kind="person",
                                token_start=i, token_end=i + 1, country=ref.country))
        roles.set(out[-1], roles.get(ref))
    if not out:
        return mentions
    taken = {m.token_start for m in out}
    kept = [m for m in mentions if m.token_start not in taken]
    return sorted(kept + out, key=lambda m: m.token_start)


def quoted_short_names(doc: Document, mentions: list[ActorMention], phrases: dict) -> list[ActorMention]:
    """Mentions for quoted short names of groups (see the module doc); ``phrases`` is the actor
    index (phrase key → entries).  Returns all mentions in text order."""
    tokens = doc.tokens
    quoted = [i for i in range(1, len(tokens) - 1)
              if tokens[i - 1].norm in QUOTE_MARKS and tokens[i + 1].norm in QUOTE_MARKS]
    if not quoted:  # most articles: no word stands alone in quotes, nothing to scan for
        return mentions
    named: set[str] | None = None  # words named after a group head anywhere (found once, when first needed)
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out = []
    for i in quoted:
        if i in covered:
            continue
        after_head = i > 1 and _group_head(tokens[i - 2])
        for head in GROUP_HEADS:
            entry = next((e for e in phrases.get((head, tokens[i].key), ()) if e.kind == "group"), None)
            if entry is None:
                continue
            if not after_head and named is None:
                named = {tokens[j + 1].key for j in range(len(tokens) - 1) if _group_head(tokens[j])}
            if after_head or tokens[i].key in named:  # type: ignore[operator]
                tok = tokens[i]
                out.append(ActorMention(span=doc.span(tok.start + clitic_length(tok.prefix), tok.end),
                                        code=entry.code, agent=entry.agent, name=entry.name, kind="group",
                                        token_start=i, token_end=i + 1, country=entry.country))
                break
    return sorted(mentions + out, key=lambda m: m.token_start) if out else mentions


def _group_head(tok: Token) -> bool:
    """Is the word a head noun of group names (حركة، لحركة، حركتي، تنظيم، حزب، جماعة)?"""
    norm = tok.norm
    return any(s in norm for s in GROUP_HEAD_STEMS) and any(k.startswith(GROUP_HEADS)
                                                             for _, k in candidates(norm))


def _surname_key(tokens: list[Token], i: int) -> str | None:
    """The key under which the name ending at token ``i`` may be referred to, or None."""
    tok = tokens[i]
    if i == 0 or tokens[i - 1].key in PATRONYMIC or tokens[i - 1].norm in PATRONYMIC:
        return None
    key = candidates(tok.norm)[0][1]
    if tok.norm in NOT_SURNAMES or key in NOT_SURNAMES or len(key.replace("ال", "", 1)) < MIN_SURNAME:
        return None
    return key


def _given_name(tokens: list[Token], i: int) -> bool:
    """Is the word at ``i`` the first name of someone else (عباس بن أحمد)?"""
    return i + 1 < len(tokens) and tokens[i + 1].norm in PATRONYMIC


def _adjective(tokens: list[Token], i: int, prefix: str) -> bool:
    """Is the word at ``i`` a definite adjective after a definite noun (العالم العربي)?"""
    if i == 0 or not (has_article(prefix) or tokens[i].norm.startswith("ال")):
        return False
    prev = tokens[i - 1]
    return prev.norm.startswith("ال") or has_article(prev.prefix)


# Head nouns by which a named organisation or group is called again (الوكالة الدولية للطاقة الذرية
# ... "وقالت الوكالة"; حركة حماس ... "الحركة"; صندوق النقد الدولي ... "الصندوق").
ORG_HEADS = frozenset({
    "وكاله", "منظمه", "حركه", "جماعه", "مجلس", "صندوق", "برنامج", "حزب", "تنظيم", "هييه", "مفوضيه",
    "لجنه", "بنك", "اتحاد", "حلف", "جبهه", "ايتلاف", "محكمه", "مركز", "جامعه", "مليشيا", "ميليشيا",
})
ORG_KINDS = frozenset({"igo", "group", "media"})


def org_head_mentions(doc: Document, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions for a bare definite head noun (الوكالة، الحركة، المجلس) that calls back the last
    organisation named before it whose name begins with that noun, when the last body so named is
    one (not after مجلس الوزراء: the cabinet).  Not a head with a definite word after it (المجلس
    الوزاري: another body).  Returns all mentions in text order."""
    tokens = doc.tokens
    heads: dict[str, ActorMention] = {}  # head key → last named organisation so far
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    by_start = {m.token_start: m for m in mentions if m.token_end - m.token_start > 1}
    out = []
    for i in [j for j, t in enumerate(tokens) if t.key in ORG_HEADS]:  # the only words the loop reads
        tok = tokens[i]
        m = by_start.get(i)
        if m is not None:  # any named body (مجلس الوزراء as much as مجلس التعاون) is the last of its head
            heads[tok.key] = m
            continue
        ref = heads.get(tok.key)
        if ref is None or not ref.code or ref.kind not in ORG_KINDS or i in covered or not has_article(tok.prefix):
            continue
        if i + 1 < len(tokens) and _adjective(tokens, i + 1, tokens[i + 1].prefix):
            continue
        out.append(ActorMention(span=doc.span(tok.start + clitic_length(tok.prefix), tok.end), code=ref.code,
                                agent=ref.agent, name=ref.name, kind=ref.kind, token_start=i, token_end=i + 1,
                                country=ref.country))
    return sorted(mentions + out, key=lambda m: m.token_start) if out else mentions
