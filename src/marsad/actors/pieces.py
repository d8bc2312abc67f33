"""Pieces of actor phrases and the rules that join or drop them (used by the actor stage).

A piece is one dictionary match: a role noun (agent) or an entry (state, demonym, person…).
These rules decide, from the words around a piece, whether it belongs to the role noun
before it (نائب في البرلمان الكويتي، مسلحون من تنظيم داعش، وزير الخارجية بدولة قطر), opens a
new actor (استقبل الرئيسُ رئيسَ الاتحاد), or names no actor at all: a place, prize or team
named after someone (جامعة الملك سعود، كأس ولي العهد، منتخب مصر، رئيس النادي) or the team
rather than the rank (الفريق).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad import resources
from marsad.actors.lexicon import ActorEntry, PersonNames, name_skeleton
from marsad.document import Token
from marsad.text.tokens import candidates, has_article

# Role nouns of people who are in a place without belonging to it (a role + في + country).
HELD_THERE = frozenset({
    "محتجزين", "محتجزون", "رهاين", "رهينه", "اسري", "اسير", "معتقلين", "معتقلون", "مختطفين", "مخطوفين",
    "لاجيين", "لاجيون", "نازحين", "نازحون", "سجناء", "مهاجرين", "مهاجرون", "جاليه", "مقيمين", "رعايا",
})


# States whose name with the article is also the feminine nisba (السعودية: Saudi Arabia, and "Saudi"), and
# whose name without it is read with the article as the nisba only (سورية: Syria; السورية: "Syrian").
NISBA_STATES = frozenset({"سعوديه"})
NISBA_KEYS = NISBA_STATES | {"سوريه"}
# The opposition (المعارضة): a role phrase ending in it (مقاتلو المعارضة، قوى المعارضة) takes the nisba after
# it as the opposition's, whatever the gender of its head (feminine_nisba).
OPPOSITION = "معارضه"
# Words of a lineage: a place word right after them is a family name (محمد بن سودان).
SON_OF = frozenset({"بن", "ابن", "بنت"})
PLACE_KINDS = frozenset({"state", "capital", "region", "metonym"})
# Quotation marks (normalization folds «» “” to ").
QUOTES = frozenset({'"', "'"})
# Nouns that head the name of a place, prize or institution named after a ruler (جامعة الملك
# سعود، مستشفى الأمير سلطان، كأس ولي العهد، جائزة الملك فيصل), and the title words they take.
INSTITUTION_NOUNS = frozenset({
    "جامعه", "مستشفي", "مطار", "مدينه", "جايزه", "شارع", "طريق", "جسر", "قاعده", "كليه", "كاس", "ميناء",
    "مجمع", "حي", "مسجد", "جامع", "موسسه", "مركز", "معهد", "برنامج", "مشروع", "مكتبه", "مدرسه", "ملعب",
    "استاد", "ساحه", "ميدان", "صندوق", "داره", "محطه", "قاعه", "بطوله", "مهرجان", "متحف", "حديقه",
    "كرسي", "مسابقه", "اكاديميه", "منحه", "وقف", "مستشفيات", "جامعات",
})
TITLE_KEYS = frozenset({"ملك", "امير", "اميره", "شيخ", "سلطان", "ولي", "خادم", "امام"})
# Sports teams: a state after them (منتخب مصر) or a role before them (رئيس النادي) is no actor;
# nor a role before a university, school, hospital, company or association (رئيس الجامعة).
TEAM_NOUNS = frozenset({"منتخب", "منتخبات", "نادي", "انديه"})
# Sports after ل: a body or team "for football" (الاتحاد الأوروبي لكرة القدم is UEFA, not the EU;
# الاتحاد البوليفي لكرة القدم، منتخب بلجيكا لكرة السلة) is no political actor.
SPORT_OF = frozenset({
    "كره", "العاب", "سباحه", "تنس", "فروسيه", "ملاكمه", "مصارعه", "جودو", "كاراتيه", "تايكوندو", "جمباز",
    "رياضات", "شطرنج", "دراجات", "جولف", "غولف", "رمايه", "سيارات", "هوكي", "رجبي", "اسكواش", "كريكيت",
    "بولينج", "بلياردو",
})
ROLE_OF_THINGS = TEAM_NOUNS | {"جامعه", "كليه", "مدرسه", "مستشفي", "شركه", "جمعيه", "رابطه", "نقابه"}
# Accords, declarations and charters named after the capital where they were signed or issued (اتفاق فيينا،
# إعلان القاهرة، ميثاق روما، اتفاقية الرياض): the capital names the text, not its state acting as a party
# (:func:`_named_accord`).  Not a meeting, talks or a summit named after its capital (اجتماع الدوحة، قمة بغداد):
# the host state takes part in them (the train gold codes Qatar hosting the Doha meeting, QAT 043 SAU), and the
# whole meeting list failed the keep rule (annotations/README.md, thirty-ninth session).
ACCORD_NOUNS = frozenset({
    "اتفاق", "اتفاقات", "اتفاقيه", "اتفاقيات", "اعلان", "معاهده", "ميثاق", "وثيقه", "بروتوكول", "تفاهم",
    "تفاهمات",
})
# The greeting باليمن والبركات / باليمن والخير "with good fortune and blessings" (أعاده الله باليمن والبركات): يمن is
# "good fortune", not Yemen, when a word of blessing follows it with و (keys, :func:`not_names_of_things`)
BLESSINGS = frozenset({"بركات", "بركه", "خير", "خيرات", "مسرات", "سعاده", "رخاء", "مسره", "سرور"})
# After اعلان the capital announces (إعلان القاهرة عن فتح المعبر، إعلان طهران عزمها): its state acts.
ANNOUNCED = frozenset({"عن", "عزم", "عزمها", "عزمه", "رغبتها", "رفضها", "موافقتها"})
# Press adjectives and the nouns they describe (مؤتمر صحفي): no journalist (:func:`_press_adjective`).
PRESS_ADJECTIVES = resources.word_set("press_adjectives", "adjective")
PRESS_NOUNS = resources.word_set("press_adjectives", "noun")
# Each noun set as a tuple for one str.endswith precheck per word.
ENDINGS = {nouns: tuple(nouns) for nouns in (INSTITUTION_NOUNS, TEAM_NOUNS, ACCORD_NOUNS)}
# First words of a state's formal name: "بدولة قطر" after a role is "in", not a verb's object.
FORMAL_STATE_WORDS = frozenset({"دوله", "مملكه", "جمهوريه", "سلطنه", "امارات", "اماره"})
# Agents of bodies that a role "in" them does not belong to (people, places of worship, firms).
LOOSE_AGENTS = frozenset({"CVL", "REF", "REL", "BUS", "MED"})
# Words that open a named armed group (مسلحين من تنظيم داعش).
GROUP_WORDS = frozenset({"تنظيم", "جماعه", "حركه", "ميليشيا", "مليشيا", "كتايب", "فصيل"})


# A deputy: alone a member of parliament (LEG), before another role that role's deputy.
DEPUTY_KEYS = frozenset({"نايب"})


# Military ranks that are also common nouns (فريق: team), and the words that confirm the rank.
RANK_NOUNS = frozenset({"فريق"})
RANK_NEXT = frozenset({"اول", "ركن", "طيار", "بحري"})
# Words (keys) of a sentence about sport, where الفريق is the team.
SPORT_WORDS = TEAM_NOUNS | {"مباراه", "مباريات", "دوري", "لاعبين", "لاعبي", "مدرب", "ملعب", "شوط", "مهاجم", "بطوله"}
# Words after الفريق that are no first name.
NOT_NAMES = frozenset({
    "في", "من", "علي", "الي", "عن", "مع", "حتي", "يوم", "قبل", "بعد", "وفق", "خلال", "منذ", "امام", "ضد",
    "هو", "هي", "كان", "لم", "لن", "قد", "ان", "او", "ثم", "كما", "حيث", "عبر", "لدي", "بين",
})

# Words before a surname that are no given name: function words, and the patronymic and
# kunya words (أبو، بن) that make it part of a compound name.
NOT_GIVEN = NOT_NAMES | frozenset({
    "غير", "امام", "فان", "وان", "لكن", "ابو", "ابي", "ابن", "بن", "بنت", "ام", "عبد", "ال",
    "سيد", "سيده", "شيخ", "امير", "دكتور", "مشير", "جنرال", "لواء", "عميد", "عقيد", "مستشار", "نجاح",
})


# A minister's or ministry's portfolio (keys): "وزير الموارد المائية والري المصري", "وزارة الشؤون
# الاجتماعية السعودية" — the nisba after the portfolio is the minister's state.
MINISTER_HEADS = frozenset({"وزير", "وزيره", "وزاره", "وزراء", "وكيل"})
PORTFOLIO_WORDS = frozenset({
    "خارجيه", "داخليه", "دفاع", "عدل", "عداله", "ماليه", "خزانه", "اقتصاد", "اقتصاديه", "نفط", "بترول",
    "طاقه", "كهرباء", "مياه", "ماييه", "موارد", "ري", "اعلام", "صحه", "تجاره", "صناعه", "تعليم", "تربيه",
    "عالي", "بحث", "علمي", "شوون", "اجتماعيه", "اسلاميه", "اوقاف", "رياضه", "شباب", "ثقافه", "سياحه", "نقل",
    "مواصلات", "طيران", "مدني", "اسكان", "عمل", "زراعه", "صيد", "بحري", "بييه", "اتصالات", "تقنيه", "معلومات",
    "تخطيط", "تنميه", "تعاون", "دولي", "اداريه", "محليه", "بلديات", "قرويه", "حج", "اشغال", "عامه", "استثمار",
    "هجره", "مغتربين", "مراه", "اسره", "تموين", "ثروه", "معدنيه", "دوله", "خدمه", "مدنيه", "انتقاليه",
    "مصالحه", "وطنيه", "اعمار", "امن", "قومي",
})


@dataclass(slots=True)
class Piece:
    start: int
    end: int
    agent: str | None = None
    entry: ActorEntry | None = None
    lead: int = 0  # characters of proclitics (و ب ل ف ك) to leave out of the span
    prefix: str = ""  # the proclitics matched on the first token
    options: tuple = ()  # a person's entries when they carry different codes (see _person_context)


def team_not_rank(tokens: list[Token], start: int, end: int, lo: int, hi: int) -> bool:
    """الفريق is the rank (MIL) only before a name or أول/ركن (الفريق أول صدقي صبحي، الفريق
    مهاب مميش); elsewhere it is a team (معسكر الفريق، الفريق الأميركي، مع الفريق): always without
    the article (فريق دولي، فريق دفاعه) and in a sentence about sport (كسبها الفريق بهدف)."""
    if end - start != 1 or tokens[start].key not in RANK_NOUNS:
        return False
    if end >= hi:
        return True
    nxt = tokens[end]
    if nxt.key in RANK_NEXT and not nxt.norm.startswith("ال"):  # الفريق أول; الفريق الأول is a team
        return False
    if not has_article(tokens[start].prefix) or any(t.key in SPORT_WORDS for t in tokens[lo:hi]):
        return True
    return nxt.norm.startswith("ال") or not nxt.norm[:1].isalpha() or nxt.key in NOT_NAMES


def another_persons_surname(tokens: list[Token], start: int, lo: int, entry: ActorEntry,
                            names: PersonNames) -> bool:
    """A one-word person match (a surname) right after a given name that is none of that person's
    names is someone else: المقدم خالد الغبان is not محمد سالم الغبان, رون جونسون not Boris Johnson,
    unless one of the person's names comes just before (رمضان أحمد قاديروف)."""
    if start <= lo:
        return False
    before = tokens[start - 1]
    prev = before.key
    if prev not in names.given or len(prev) < 3 or prev in NOT_GIVEN or has_article(before.prefix):
        return False
    own = names.words.get(entry.name or "", frozenset())
    # the person's own given name (any spelling: حامد/حميد، سيرغي/سيرجي) may come first, the
    # father's name between (رمضان أحمد قاديروف)
    return not any(name_skeleton(t.key) in own for t in tokens[max(lo, start - 3):start])


def name_part(tokens: list[Token], start: int, lo: int, entry: ActorEntry) -> bool:
    """A place word right after بن/ابن/بنت is part of a person's name, not the place: محمد بن سودان,
    بن تونس (the family name), not Sudan or Tunisia."""
    if start <= lo or entry.kind not in PLACE_KINDS or tokens[start].prefix:
        return False
    return tokens[start - 1].norm in SON_OF


# Nisba words that are also common given names (تركي: "Turkish" and the name Turki).
GIVEN_NAME_NISBAS = frozenset({"تركي"})
# Words of a family name after which, or before which, such a word is a name (آل تركي، تركي آل الشيخ).
FAMILY_OF = SON_OF | {"ال"}


def given_name_nisba(tokens: list[Token], start: int, end: int, lo: int, hi: int, entry: ActorEntry) -> bool:
    """A bare nisba that is also a given name is the name, not the state, when it is next to a lineage word
    (الأمير تركي بن طلال، فهد بن تركي، خالد آل تركي، تركي آل الشيخ) or right after a definite word: an
    indefinite adjective cannot qualify a definite noun, so الشيخ تركي الشليل، الأمير تركي، مدير شرطة
    الرياض تركي … name a man (مسؤول تركي، جندي تركي stay Turkish)."""
    if entry.kind != "demonym" or end - start != 1 or tokens[start].prefix \
            or tokens[start].key not in GIVEN_NAME_NISBAS:
        return False
    if end < hi and tokens[end].norm in FAMILY_OF:
        return True
    if start <= lo:
        return False
    prev = tokens[start - 1]
    return prev.norm in FAMILY_OF or has_article(prev.prefix)


def not_names_of_things(tokens: list[Token], pieces: list[Piece], lo: int) -> list[Piece]:
    """Drop pieces that name a place, prize or team rather than an actor: a title and name after
    an institution noun (جامعة الملك سعود، كأس ولي العهد، مستشفى الأمير سلطان), a state after
    منتخب/نادي (منتخب مصر), a role noun of a club or team (رئيس النادي، مدرب المنتخب), a body
    or team "for" a sport and its role noun (رئيس الاتحاد الأوروبي لكرة القدم)."""
    out: list[Piece] = []
    named = -1  # end of a dropped title: the name pieces right after it go too
    for p in pieces:
        kind = p.entry.kind if p.entry is not None else "agent"
        if p.start == named and kind in ("person", "ner"):
            named = p.end
            continue
        prev = tokens[p.start - 1] if p.start > lo else None
        if prev is not None and tokens[p.start].key in TITLE_KEYS and kind in ("agent", "person", "metonym") \
                and _construct_of(prev, INSTITUTION_NOUNS):
            named = p.end
            continue
        if prev is not None and kind in ("state", "capital") and _construct_of(prev, TEAM_NOUNS):
            continue
        if prev is not None and kind == "capital" and _named_accord(tokens, p, prev, pieces):
            continue
        if kind == "state" and _good_fortune(tokens, p):
            continue
        if kind == "agent" and p.end < len(tokens) and tokens[p.end].key in ROLE_OF_THINGS:
            continue
        if kind == "agent" and _periodic(tokens, p, prev):
            continue
        if kind == "agent" and _press_adjective(tokens, p, prev):
            continue
        if p.end < len(tokens) and _for_sport(tokens[p.end]):
            if out and p.start - out[-1].end <= 1 and out[-1].entry is None:
                out.pop()  # رئيس الاتحاد الأوروبي / البوليفي لكرة القدم: the role goes with the body
            continue
        out.append(p)
    return out


MANNER_NOUNS = frozenset({"صفه", "صوره", "شكل"})  # بصفة / بصورة / بشكل دورية: "periodically"


def _periodic(tokens: list[Token], p: Piece, prev: Token | None) -> bool:
    """Is دورية here the adjective "periodic" or a journal, not a patrol (الاجتماعات الدورية،
    بصفة دورية، دورية «الحساسية والربو»)?  A definite دورية after a definite word agrees with it."""
    tok = tokens[p.start]
    if p.end - p.start != 1 or tok.key != "دوريه":
        return False
    if prev is None:
        return False
    return prev.norm in QUOTES or any(k in MANNER_NOUNS for _, k in candidates(prev.norm)) or \
        (has_article(tok.prefix) and has_article(prev.prefix))


def _press_adjective(tokens: list[Token], p: Piece, prev: Token | None) -> bool:
    """Is صحفي / إعلامي here the adjective of a noun of saying or doing (مؤتمر صحفي، المؤتمر الصحفي، تصريحات
    صحفية، التعاون الإعلامي), not a journalist?  It agrees with the noun in definiteness
    (``resources/actors/press_adjectives.tsv``)."""
    if prev is None or p.end - p.start != 1 or tokens[p.start].key not in PRESS_ADJECTIVES:
        return False
    definite = has_article(tokens[p.start].prefix)
    return any(k in PRESS_NOUNS and has_article(pre) == definite for pre, k in candidates(prev.norm))


def _for_sport(tok: Token) -> bool:
    """Is ``tok`` "for" a sport (لكرة، للسباحة، لألعاب القوى)?"""
    return any(prefix in ("ل", "لل") and key in SPORT_OF for prefix, key in candidates(tok.norm))


def _good_fortune(tokens: list[Token], p: Piece) -> bool:
    """Is the state piece ``p`` the يمن "good fortune" of a greeting (عاد العيد على الجميع باليمن والبركات)?"""
    return tokens[p.start].key == "يمن" and p.end < len(tokens) and tokens[p.end].prefix.startswith("و") \
        and tokens[p.end].key in BLESSINGS


def _named_accord(tokens: list[Token], p: Piece, prev: Token, pieces: list[Piece]) -> bool:
    """Does the capital ``p`` name the accord, declaration or charter in the construct noun before it (اتفاق
    فيينا النووي، رحبت الجامعة بإعلان القاهرة الصادر أمس، ميثاق روما)?  Not when the capital is joined to
    another actor or has one after مع (اتفاق القاهرة والرياض على، تفاهم طهران مع الغرب: the states agree),
    nor when it announces something (إعلان القاهرة عن فتح المعبر)."""
    if p.prefix not in ("", "ال") or not _construct_of(prev, ACCORD_NOUNS):
        return False
    nxt = tokens[p.end] if p.end < len(tokens) else None
    if nxt is not None and (nxt.key == "مع" or prev.key.endswith("اعلان") and nxt.key in ANNOUNCED):
        return False
    return not any(q.start == p.end and q.prefix.startswith("و") for q in pieces)


def _construct_of(tok: Token, nouns: frozenset[str]) -> bool:
    """Is ``tok`` one of ``nouns`` without the article or a pronoun (the head of a construct)?"""
    if tok.suffix or not tok.norm.endswith(ENDINGS[nouns]):
        return False
    return any(k in nouns and not has_article(p) for p, k in candidates(tok.norm))


def second_role(tokens: list[Token], last: Piece, p: Piece, gap: list[Token]) -> bool:
    """A definite role noun or nisba, then a role noun in the construct state, are two actors
    (استقبل الرئيس رئيسَ الاتحاد الدولي، اعتقلت الشرطة الإسرائيلية ضابطًا): the second opens a new
    noun phrase.  Not نائب الرئيس."""
    nisba = last.entry is not None and (last.entry.kind == "demonym" or tokens[last.start].key in NISBA_KEYS)
    if p.agent is None or gap or (last.agent is None if last.entry is None else not nisba):
        return False
    if tokens[last.start].key in DEPUTY_KEYS:
        return False
    return has_article(tokens[last.end - 1].prefix) and not has_article(tokens[p.start].prefix) and not p.prefix


def role_after_org(tokens: list[Token], last: Piece, p: Piece, gap: list[Token]) -> bool:
    """A role noun in the construct state right after an organisation's name opens a new noun phrase,
    the verb's object (التقى الأمين العام للجامعة العربية وزيرَ الخارجية الأمريكي، استقبل الأمين العام
    للأمم المتحدة رئيسَ الوزراء العراقي، نشر حلف الناتو قواتٍ): a definite name takes no genitive and no
    indefinite apposition.  A role with the article (مجلس الأمن الدولي: an epithet) or a proclitic is
    left to the other rules."""
    if gap or p.agent is None or p.entry is not None or p.prefix or last.entry is None or last.entry.kind != "igo":
        return False
    return not has_article(tokens[p.start].prefix) and not tokens[p.start].norm.startswith("ال")


# "loyal to", "belonging to" between a role noun and the body it serves (القوات الموالية لـ...).
LOYAL_WORDS = frozenset({
    "موالي", "مواليه", "موالين", "موالون", "تابع", "تابعه", "تابعين", "تابعون", "مرتبط", "مرتبطه", "مرتبطين",
})
# Agents of people acted upon (civilians, refugees): such a role noun right after an organ of a
# state is the next noun phrase, not part of it (فرّقت الحكومة السودانية المحتجين).
PEOPLE_AGENTS = frozenset({"CVL", "REF"})


def people_after_organ(group: list[Piece], p: Piece) -> bool:
    """Is ``p`` a bare civilians/refugees noun after a group that names an organ of a state?"""
    if p.agent not in PEOPLE_AGENTS or p.entry is not None:
        return False
    agents = {q.agent or (q.entry.agent if q.entry is not None else None) for q in group}
    return bool(agents - PEOPLE_AGENTS - {None})


# Head nouns of institutions: after a role noun and لـ they are its genitive (الأمين العام لوزارة الخارجية
# الكويتية، المتحدث الرسمي للهيئة), not whom the role speaks to (قال الوزير لنظيره).
INSTITUTION_HEADS = frozenset({
    "وزاره", "هييه", "مجلس", "لجنه", "منظمه", "رياسه", "مكتب", "جهاز", "مديريه", "اداره", "قياده", "امانه",
    "حكومه", "سفاره", "قنصليه", "بعثه", "وكاله", "مفوضيه", "ديوان", "شرطه", "قوات", "جيش", "حزب", "حركه",
})


def institution_genitive(tokens: list[Token], last: Piece, p: Piece, gap: list[Token]) -> bool:
    """Is ``p`` (a role noun with لـ right after a role noun) the institution the role belongs to
    (الأمين العام لوزارة الخارجية الكويتية، المدير العام لهيئة…، الناطق الرسمي للحكومة)?"""
    if gap or last.agent in (None, "MED") or last.entry is not None or p.prefix not in ("ل", "لل"):
        return False  # المركز الإعلامي لوزارة الدفاع، الموقع الإلكتروني للقوات: a media outlet of the body
    return tokens[p.start].key in INSTITUTION_HEADS or tokens[p.start].key.removeprefix("ل") in INSTITUTION_HEADS


# Head nouns (keys) of the organs of a state, whose definite form names an actor of its own (not an
# adjective: مراقبو الأمم المتحدة العسكريون).
ORGAN_HEADS = frozenset({
    "حكومه", "جيش", "قوات", "شرطه", "برلمان", "محكمه", "سلطات", "سلطه", "اجهزه", "نيابه", "وزاره", "رييس",
    "رياسه", "قياده", "نظام", "اداره",
})


def organ_after_org(tokens: list[Token], group: list[Piece], p: Piece, gap: list[Token]) -> bool:
    """Does a definite role noun of a state organ right after an organisation's or group's name (and
    its epithet: تنظيم داعش الإرهابي) open a new noun phrase, the organisation's object (دعا مجلس
    الأمن الحكومة اليمنية إلى، حث حلف الناتو القوات الروسية على، دعت حركة حماس الحكومة المصرية),
    rather than belong to it?"""
    if gap or p.entry is not None or tokens[p.start].key not in ORGAN_HEADS or not has_article(p.prefix.lstrip("وف")):
        return False
    last = group[-1]
    if last.entry is None and tokens[last.start].key in ORGAN_HEADS:
        return False
    return any(q.entry is not None and q.entry.kind in ("igo", "group") for q in group)


def quoted(tokens: list[Token], gap: list[Token], p: Piece) -> bool:
    """Is ``p`` in quotation marks right after the group (تنظيم «داعش», حركة "فتح")?"""
    return len(gap) == 1 and gap[0].norm in QUOTES and p.end < len(tokens) and tokens[p.end].norm in QUOTES


def located_role(tokens: list[Token], group: list[Piece], p: Piece) -> bool:
    """A bare role noun, then a preposition and the body it belongs to (see :func:`_role_link`):
    "السلطات في البحرين", "قوات الأمن في تونس", "نائب في البرلمان الكويتي", "مسلحين من تنظيم
    داعش", "وزير الخارجية بدولة قطر".  Not a role with a pronoun (قواتها في سوريا), nor people
    held or displaced there (محتجزين في غزة, لاجئين في لبنان)."""
    if len(group) != 1 or group[0].agent is None or group[0].entry is not None:
        return False
    last = group[0]
    if tokens[last.start].key in HELD_THERE or last.agent == "REF" or tokens[last.end - 1].suffix:
        return False
    if p.start == last.end + 1:
        if tokens[last.end].key in LOYAL_WORDS:
            return _loyal_to(last, p)
        return _role_link(tokens[last.end].norm, tokens, last, p)
    if p.start == last.end and p.prefix.lstrip("وف")[:1] == "ب" and not p.prefix.startswith(("و", "ف")):
        # وزير الخارجية بدولة قطر: "in", before a state's formal name only (ندد الوزير بإيران is an object)
        word = tokens[p.start].norm[len(p.prefix):]
        return p.entry is not None and p.entry.kind == "state" and word in FORMAL_STATE_WORDS
    return False


def _loyal_to(last: Piece, p: Piece) -> bool:
    """Forces loyal to or part of ``p`` (القوات الموالية لحكومة هادي، عناصر تابعة لتنظيم داعش،
    قوات موالية للنظام السوري, الشرطة التابعة لحماس): the role is p's.  Not militias loyal to a
    foreign state (الميليشيات الموالية لإيران are not Iran's)."""
    if not p.prefix.lstrip("وف").startswith("ل"):
        return False
    if p.entry is None:
        return p.agent in ("GOV", "MIL")
    if p.entry.kind in ("state", "capital", "demonym"):
        return last.agent in ("GOV", "MIL", "POL")
    return p.entry.kind in ("group", "person")


def _role_link(word: str, tokens: list[Token], last: Piece, p: Piece) -> bool:
    """Does the preposition ``word`` between a bare role noun and ``p`` make the role p's?

    في + a state or region (السلطات في البحرين) or a body with the article (نائب في البرلمان
    الكويتي, ضابط في الجيش السوري); من + a named group or a body of the role's own kind
    (عناصر من تنظيم داعش, جنود من الجيش)."""
    if p.prefix not in ("", "ال"):
        return False
    if word == "في":
        if p.entry is not None and p.entry.kind in ("state", "region") and _person_there(tokens, last):
            return False  # الرئيس في كينيا: the person is there, not of that state (المستشار في الديوان is)
        if p.entry is not None:  # a capital only for police and courts (السفير في واشنطن is not US)
            return p.entry.kind in ("state", "region") or (p.entry.kind == "capital" and last.agent in ("POL", "JUD"))
        return p.agent is not None and p.agent not in LOOSE_AGENTS
    if word == "من":
        if p.entry is not None:
            return p.entry.kind == "group" and p.entry.agent in ("REB", "OPP", None)
        return p.agent == last.agent or (p.agent == "REB" and tokens[p.start].key in GROUP_WORDS)
    return False


# One person's titles: alone and definite before في + a place, the person is there (الرئيس في كينيا).
ONE_PERSON_TITLES = frozenset({"رييس", "ملك", "امير", "وزير", "سفير", "مبعوث", "مندوب", "زعيم", "مستشار"})


def _person_there(tokens: list[Token], last: Piece) -> bool:
    """A lone definite title of one person (الرئيس، الوزير، السفير): a state after في is where the person
    is, not whose (Kenya's president is رئيس كينيا; الرئيس في كينيا is a president visiting it)."""
    tok = tokens[last.start]
    return last.end - last.start == 1 and tok.prefix in ("ال", "وال", "فال") and tok.key in ONE_PERSON_TITLES


# The missions whose nisba a state's name is read as (السفارة السعودية، القنصلية السعودية).
MISSION_HEADS = frozenset({"سفاره", "قنصليه", "بعثه", "ملحقيه"})


def _after_lone_role(group: list[Piece], p: Piece, kind: str) -> bool:
    """Is ``p`` an entry of ``kind`` right after a group that is one role noun with no entry of its own
    (the case where a nisba may be the role's adjective: الحكومة السورية، الميليشيات الحوثية)?"""
    last = group[-1]
    return len(group) == 1 and p.entry is not None and p.entry.kind == kind and p.start == last.end \
        and last.entry is None and last.agent is not None


def feminine_nisba(tokens: list[Token], group: list[Piece], p: Piece) -> bool:
    """Is the state ``p`` (السعودية، السورية) right after a definite role noun of feminine form (in ة or a
    plural in ات: الحكومة، القوات، وزارة الداخلية، السلطات) its nisba adjective, so one actor (الحكومة
    السورية: the Syrian government), not the role and then the state as its object?  A masculine role
    noun does not take a feminine adjective: زار الرئيس السعودية is the president visiting the kingdom.
    A role phrase ending in the definite المعارضة takes the nisba as the opposition's: مقاتلو المعارضة
    السورية، قوى المعارضة السورية (the fighters of the Syrian opposition: SYR, not the fighters and Syria).
    Only a role noun that stands alone: after هاجم مسلحون القوات the role moves to the state (stage._groups)."""
    if not _after_lone_role(group, p, "state") or not has_article(p.prefix) or p.prefix[:1] != "ا":
        return False
    if tokens[p.start].key not in NISBA_KEYS:
        return False
    last = group[-1]
    head, tail = tokens[last.start], tokens[last.end - 1]
    if last.end - last.start > 1 and tail.key == OPPOSITION and tail.prefix == "ال" and not tail.suffix:
        return True  # مقاتلو المعارضة السورية، قوى المعارضة السورية: the nisba of the opposition
    return has_article(tail.prefix) and not head.suffix and head.key.endswith(("ه", "ات"))


# Endings of a definite role noun and of a nisba that agrees with it (المتمردين الحوثيين، المتمردون
# الحوثيون، الميليشيات الحوثية، القوات الحوثية).
AGREEING_ENDINGS = (("ين", ("يين",)), ("ون", ("يون",)), ("ات", ("يه",)), ("ه", ("يه",)))


def group_nisba(tokens: list[Token], group: list[Piece], p: Piece) -> bool:
    """Is the one-word group name ``p`` with the article (الحوثية، الحوثيين) right after a lone definite role
    noun the role's nisba adjective, agreeing with it (الميليشيات الحوثية، المتمردين الحوثيين), so one
    actor rather than a role without code and then the group?"""
    if not _after_lone_role(group, p, "group") or p.end - p.start != 1 or p.prefix != "ال":
        return False
    head, word = tokens[group[-1].end - 1], tokens[p.start]
    if head.suffix or word.suffix or not has_article(head.prefix):
        return False
    return any(head.key.endswith(e) and word.key.endswith(n) for e, n in AGREEING_ENDINGS)


def mission_nisba(tokens: list[Token], last: Piece, p: Piece) -> bool:
    """Is the state ``p`` right after a definite diplomatic mission noun its nisba (هاجم محتجون مقر السفارة
    السعودية: the Saudi embassy), not a second noun phrase?"""
    if p.entry is None or p.entry.kind != "state" or tokens[p.start].key not in NISBA_STATES \
            or not has_article(p.prefix) or p.start != last.end or last.entry is not None:
        return False
    return tokens[last.start].key in MISSION_HEADS and has_article(tokens[last.start].prefix)


def portfolio_gap(tokens: list[Token], last: Piece, p: Piece, gap: list[Token]) -> bool:
    """Is ``gap`` the portfolio between a minister or ministry and its nisba (وزير الرياضة
    السعودي، وزير الاقتصاد والطاقة الألماني، وزارة الموارد المائية والري المصرية)?"""
    if not gap or len(gap) > 4 or last.agent is None or p.entry is None:
        return False
    if p.entry.kind != "demonym" and not (p.entry.kind == "state" and tokens[p.start].key == "سعوديه"):
        return False  # السعودية: the state, and the feminine nisba
    if not any(k in MINISTER_HEADS for _, k in candidates(tokens[last.start].norm)):
        return False
    return all(has_article(t.prefix) and t.key in PORTFOLIO_WORDS for t in gap)


# Nouns of a town or region before its name (محكمة مدينة سيله الألمانية، شرطة ولاية بافاريا الألمانية).
TOWN_NOUNS = frozenset({"مدينه", "بلده", "قريه", "ولايه", "اقليم", "محافظه", "منطقه", "مقاطعه", "بلديه"})


def town_gap(tokens: list[Token], group: list[Piece], p: Piece, gap: list[Token]) -> bool:
    """Is ``gap`` a town named between a role noun in the construct state and the town's nisba (محكمة مدينة
    سيله الألمانية: the court of the German town of Celle, DEU; سكان بلدة مضايا السورية)?  The name (one or
    two words, unknown to the dictionaries) takes no article; the nisba does."""
    if len(group) != 1 or not 2 <= len(gap) <= 3 or p.entry is None:
        return False
    last = group[0]
    if last.agent is None or last.entry is not None or has_article(tokens[last.end - 1].prefix):
        return False
    if gap[0].key not in TOWN_NOUNS or gap[0].prefix or any(t.prefix or not t.key.isalpha() for t in gap[1:]):
        return False
    key = tokens[p.start].key
    nisba = p.entry.kind == "demonym" and is_adjectival_demonym(key) or p.entry.kind == "state" and key in NISBA_KEYS
    return nisba and has_article(p.prefix)


def is_adjectival_demonym(key: str) -> bool:
    """A singular nisba adjective (روسي، الروسية، أميركيًا) rather than a people noun (الروس، السوريين)."""
    return key.endswith(("ي", "يه", "يا"))
