"""The actors stage: dictionary pieces composed into actor mentions.

Pieces are dictionary matches (states, capitals, metonyms, demonyms,
organisations, persons) and agent nouns (وزير الخارجية، الجيش…).  Adjacent
pieces form one mention: "وزير الخارجية الروسي سيرجي لافروف" is the agent
piece GOV, the demonym RUS and the person Sergey Lavrov → one mention (RUS, GOV,
"Sergey Lavrov").  A mention with an agent but no code ("الوزير", "المراسل")
is kept with ``code=""`` so that coreference can fill it in later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from marsad.actors.coref import (
    Roles,
    amman,
    military_base,
    resolve_bare_agents,
    surname_mentions,
)
from marsad.actors.groupings import numeric_p5, resolve_groupings
from marsad.actors.lexicon import ActorEntry, ActorLexicon, resolve
from marsad.document import ActorMention, Document, Token
from marsad.text.tokens import candidates, clitic_length, has_article

# Words that may sit between the pieces of one mention (titles, honorifics).
TITLES = frozenset({
    "د", "دكتور", "سيد", "سيده", "امير", "شيخ", "سمو", "سموه", "معالي", "فخامه", "جلاله",
    "مشير", "جنرال", "لواء", "عميد", "عقيد", "فريق", "اللواء", "مستشار", "السفير", "حاخام",
    ".", "-",
})
# Kinds whose entry gives the mention a name (states do not: the gold leaves it null).
NAMED_KINDS = frozenset({"person", "igo", "group", "media"})
# Agents implied by a bare state / capital / metonym mention.
DEFAULT_AGENT = {"state": "GOV", "capital": "GOV", "metonym": "GOV"}
# Dual and plural nouns that refer back to two actors (الوزيران, الجانبان, البلدان).
DUAL_REFERENTS = frozenset({
    "وزيران", "وزيرين", "جانبان", "جانبين", "بلدان", "بلدين", "طرفان", "طرفين", "زعيمان", "زعيمين",
    "رئيسان", "رئيسين", "مسؤولان", "مسوولان", "مسوولين", "دولتان", "دولتين", "قايدان", "قايدين",
    "وفدان", "وفدين",
})


# Words before a place name that make the phrase locative (في موسكو، قرب حلب، شمال سوريا).
LOCATIVE_WORDS = frozenset({
    "في", "داخل", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط",
    "انحاء", "محيط", "ضواحي", "مدينه", "بلده", "قريه", "منطقه", "محافظه", "ولايه", "اقليم", "عاصمه",
    "اراضي", "حدود", "مطار", "ميناء", "سواحل", "قبالة", "عبر", "فوق", "تحت", "اطراف", "ريف",
})
PLACE_KINDS = frozenset({"state", "capital", "region"})
# Nouns after which a bare nisba adjective names an actor ("طائرة عسكرية سعودية", "غارة إسرائيلية").
ACTOR_BEARING = frozenset({
    "طايره", "طايرات", "مقاتلات", "مقاتله", "سفينه", "سفن", "بارجه", "زوارق", "دبابات", "مدفعيه", "صواريخ",
    "صاروخ", "مسيره", "مسيرات", "قوات", "قوه", "جيش", "جنود", "وحدات", "غاره", "غارات", "قصف", "ضربه",
    "ضربات", "هجوم", "هجمات", "عدوان", "اعتداء", "اعتداءات", "عمليه", "عمليات", "تدخل", "احتلال", "حصار",
    "اجراءات", "عقوبات", "مساعدات", "وفد", "زياره", "انتهاكات", "سلطات", "حكومه", "قياده", "اداره", "بحريه",
    "حرس", "شرطه", "ميليشيات", "مليشيات", "فصايل", "طيران", "سلاح", "مخابرات", "اجهزه", "اتهامات", "تهديدات",
    "ادانه", "رفض", "دعم", "مبادره", "مقترح", "خطه", "موقف", "تحرك", "توغل", "اقتحام", "مدمرات",
    "جهود", "وساطه", "قواعد", "قاعده", "جاره", "جانب", "طرف",
    # people: "رضيع فلسطيني"، "شاب سعودي"، "فتاة سويدية"، "النجم السعودي ناصر القصبي"
    "رضيع", "طفل", "اطفال", "فتي", "فتاه", "شاب", "شبان", "رجل", "امراه", "مواطن", "مواطنين", "مواطنون",
    "نجم", "لاعب", "سايح", "سياح", "ناشط", "ناشطين", "مستوطن", "مستوطنين", "مستوطنون", "اسير", "اسري",
    "معتقل", "معتقلين", "طالب", "طلاب", "عامل", "عمال", "مقاتل", "مقاتلين", "جندي", "ضابط",
})


# Role nouns of people who are in a place without belonging to it (a role + في + country).
HELD_THERE = frozenset({
    "محتجزين", "محتجزون", "رهاين", "رهينه", "اسري", "اسير", "معتقلين", "معتقلون", "مختطفين", "مخطوفين",
    "لاجيين", "لاجيون", "نازحين", "نازحون", "سجناء", "مهاجرين", "مهاجرون", "جاليه", "مقيمين", "رعايا",
})


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
ROLE_OF_THINGS = TEAM_NOUNS | {"جامعه", "كليه", "مدرسه", "مستشفي", "شركه", "جمعيه", "رابطه", "نقابه"}
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
# Words after الفريق that are no first name.
NOT_NAMES = frozenset({
    "في", "من", "على", "الى", "عن", "مع", "حتي", "يوم", "قبل", "بعد", "وفق", "خلال", "منذ", "امام", "ضد",
    "هو", "هي", "كان", "لم", "لن", "قد", "ان", "او", "ثم", "كما", "حيث", "عبر", "لدي", "بين",
})


def is_adjectival_demonym(key: str) -> bool:
    """A singular nisba adjective (روسي، الروسية، أميركيًا) rather than a people noun (الروس، السوريين)."""
    return key.endswith(("ي", "يه", "يا"))


MAX_GROUP = 6  # pieces in one actor phrase (title + nisba + name…): bounds pathological runs


@dataclass(slots=True)
class Piece:
    start: int
    end: int
    agent: str | None = None
    entry: ActorEntry | None = None
    lead: int = 0  # characters of proclitics (و ب ل ف ك) to leave out of the span
    prefix: str = ""  # the proclitics matched on the first token
    options: tuple = ()  # a person's entries when they carry different codes (see _person_context)


@dataclass(slots=True)
class ActorStage:
    lexicon: ActorLexicon = field(default_factory=ActorLexicon)
    ner: object | None = None  # marsad.actors.ner.NerModel when enabled
    name: str = "actors"
    requires: tuple[str, ...] = ("tokens", "sentences")
    provides: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> Document:
        when = doc.article.date
        mentions: list[ActorMention] = []
        named: list[tuple[int, ActorMention]] = []  # (last token of a full person name, its mention)
        roles = Roles()  # person mention → the role of its entry ("King", "Foreign Minister")
        tokens = doc.tokens
        for sent in doc.sentences:
            pieces = self._pieces(tokens, sent.first_token, sent.last_token, when)
            for group in _groups(tokens, pieces):
                if _bare_adjective(tokens, group, sent.first_token):
                    continue
                m = _compose(doc, group)
                if m is not None:
                    m.locative = _is_locative(tokens, m, sent.first_token, group[0].prefix)
                    mentions.append(m)
                    for p in group:
                        if p.entry is not None and p.entry.kind == "person":
                            roles.set(m, p.entry.role or "")
                            if p.end - p.start > 1:
                                named.append((p.end - 1, m))
        if named:
            mentions = surname_mentions(doc, mentions, named, roles)
        mentions = numeric_p5(doc, mentions)
        amman(mentions, tokens)
        mentions = military_base(mentions, tokens)
        resolve_bare_agents(mentions, tokens, roles, [s.first_token for s in doc.sentences])
        doc.actors = resolve_groupings(mentions, tokens)
        return doc

    def _pieces(self, tokens: list[Token], lo: int, hi: int, when: Date | None) -> list[Piece]:
        lex = self.lexicon
        found: list[Piece] = []
        for m in lex.actors.scan(tokens, lo, hi, lex.stop):
            if m.entries[0].kind == "stop":
                found.append(Piece(m.start, m.end, entry=m.entries[0]))
                continue
            if m.end - m.start == 1 and lex.surface_blocked(tokens[m.start].norm):
                continue
            entry = resolve(m.entries, when)
            if entry.kind == "agent" and _team_not_rank(tokens, m.start, m.end, hi):
                continue
            if entry.kind == "agent":
                found.append(Piece(m.start, m.end, agent=entry.agent, lead=clitic_length(m.prefix),
                                   prefix=m.prefix))
            else:
                found.append(Piece(m.start, m.end, entry=entry, lead=clitic_length(m.prefix), prefix=m.prefix,
                                   options=_code_options(m.entries, entry)))
        found.extend(self._ner_pieces(tokens, lo, hi))
        pieces = [p for p in _non_overlapping(found) if p.entry is None or p.entry.kind != "stop"]
        pieces = _not_names_of_things(tokens, pieces, lo)
        _person_context(pieces, when)
        return pieces

    def _ner_pieces(self, tokens: list[Token], lo: int, hi: int) -> list[Piece]:
        if self.ner is None or hi - lo < 2:
            return []
        words = [t.norm for t in tokens[lo:hi]]
        out = []
        for s, e, label in self.ner.entities(words):  # type: ignore[attr-defined]
            if label == "PERS":
                out.append(Piece(lo + s, lo + e, entry=ActorEntry(code="", agent=None, name=None, kind="ner")))
        return out


def _team_not_rank(tokens: list[Token], start: int, end: int, hi: int) -> bool:
    """الفريق is the rank (MIL) only before a name or أول/ركن (الفريق أول صدقي صبحي، الفريق
    مهاب مميش); elsewhere it is a team (معسكر الفريق، الفريق الأميركي، مع الفريق)."""
    if end - start != 1 or tokens[start].key not in RANK_NOUNS:
        return False
    if end >= hi:
        return True
    nxt = tokens[end]
    if nxt.key in RANK_NEXT:
        return False
    return nxt.norm.startswith("ال") or not nxt.norm[:1].isalpha() or nxt.key in NOT_NAMES


def _not_names_of_things(tokens: list[Token], pieces: list[Piece], lo: int) -> list[Piece]:
    """Drop pieces that name a place, prize or team rather than an actor: a title and name after
    an institution noun (جامعة الملك سعود، كأس ولي العهد، مستشفى الأمير سلطان), a state after
    منتخب/نادي (منتخب مصر), a role noun of a club or team (رئيس النادي، مدرب المنتخب)."""
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
        if kind == "agent" and p.end < len(tokens) and tokens[p.end].key in ROLE_OF_THINGS:
            continue
        out.append(p)
    return out


def _construct_of(tok: Token, nouns: frozenset[str]) -> bool:
    """Is ``tok`` one of ``nouns`` without the article or a pronoun (the head of a construct)?"""
    return not tok.suffix and any(k in nouns and not has_article(p) for p, k in candidates(tok.norm))


def _code_options(entries: tuple, chosen: ActorEntry) -> tuple:
    """A person's entries, kept when they do not all carry the code of the one chosen by date."""
    if chosen.kind != "person" or all(e.code == chosen.code for e in entries):
        return ()
    return tuple(e for e in entries if e.kind == "person")


def _person_context(pieces: list[Piece], when: Date | None) -> None:
    """A person who acted for several codes takes the one named next to them: "الأمين العام لمجلس
    التعاون عبد اللطيف الزياني" is the GCC's, not Bahrain's (his later role), whatever the date."""
    for i, p in enumerate(pieces):
        if not p.options:
            continue
        near = [q.entry.code for q in pieces[max(0, i - 2):i + 2]
                if q is not p and q.entry is not None and q.entry.code and abs(q.start - p.start) <= 8]
        matching = tuple(e for e in p.options if e.code in near)
        if matching and p.entry is not None and p.entry.code not in near:
            p.entry = resolve(matching, when)


def _non_overlapping(pieces: list[Piece]) -> list[Piece]:
    """Longest pieces win; dictionary entries beat NER guesses of the same length."""
    def rank(p: Piece) -> tuple[int, int]:
        return (p.end - p.start, 0 if (p.entry and p.entry.kind == "ner") else 1)

    chosen: list[Piece] = []
    taken: set[int] = set()
    for p in sorted(pieces, key=rank, reverse=True):
        if any(i in taken for i in range(p.start, p.end)):
            continue
        chosen.append(p)
        taken.update(range(p.start, p.end))
    return sorted(chosen, key=lambda p: p.start)


def _groups(tokens: list[Token], pieces: list[Piece]) -> list[list[Piece]]:
    """Adjacent pieces (allowing title words between) form one group.

    A piece with the conjunction و, a role noun after a preposition (لنظيره) or after a
    definite role noun (الرئيسُ رئيسَ الاتحاد) starts a new group.  When a piece of another country follows a role noun that ended a group
    ("بوتين رئيسَ الوزراء المجري"), the role noun moves to the new group with it.
    """
    groups: list[list[Piece]] = []
    for p in pieces:
        if groups:
            group = groups[-1]
            last = group[-1]
            gap = tokens[last.end:p.start]
            joined = all(t.key in TITLES or t.norm in TITLES for t in gap) and len(gap) <= 2 or \
                _quoted(tokens, gap, p)
            starts_with_and = p.prefix[:1] in ("و", "ف") or tokens[p.start].prefix[:1] == "و"
            prep_agent = p.agent is not None and p.prefix.lstrip("وف")[:1] in ("ل", "ب") or \
                _second_role(tokens, last, p, gap)
            if _located_role(tokens, group, p):
                group.append(p)
                continue
            if joined and not starts_with_and and not prep_agent and len(group) < MAX_GROUP:
                if _compatible(group, p) and _genitive_ok(tokens, last, p):
                    group.append(p)
                    continue
                if last.agent is not None and last.entry is None and len(group) > 1 and not gap:
                    groups[-1] = group[:-1]
                    groups.append([last, p])
                    continue
        groups.append([p])
    return groups


def _second_role(tokens: list[Token], last: Piece, p: Piece, gap: list[Token]) -> bool:
    """A definite role noun or nisba, then a role noun in the construct state, are two actors
    (استقبل الرئيس رئيسَ الاتحاد الدولي، اعتقلت الشرطة الإسرائيلية ضابطًا): the second opens a new
    noun phrase.  Not نائب الرئيس."""
    if p.agent is None or gap or (last.agent is None if last.entry is None else last.entry.kind != "demonym"):
        return False
    if tokens[last.start].key in DEPUTY_KEYS:
        return False
    return has_article(tokens[last.end - 1].prefix) and not has_article(tokens[p.start].prefix) and not p.prefix


def _quoted(tokens: list[Token], gap: list[Token], p: Piece) -> bool:
    """Is ``p`` in quotation marks right after the group (تنظيم «داعش», حركة "فتح")?"""
    return len(gap) == 1 and gap[0].norm in QUOTES and p.end < len(tokens) and tokens[p.end].norm in QUOTES


def _located_role(tokens: list[Token], group: list[Piece], p: Piece) -> bool:
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
        return _role_link(tokens[last.end].norm, tokens, last, p)
    if p.start == last.end and p.prefix.lstrip("وف")[:1] == "ب" and not p.prefix.startswith(("و", "ف")):
        # وزير الخارجية بدولة قطر: "in", before a state's formal name only (ندد الوزير بإيران is an object)
        word = tokens[p.start].norm[len(p.prefix):]
        return p.entry is not None and p.entry.kind == "state" and word in FORMAL_STATE_WORDS
    return False


def _role_link(word: str, tokens: list[Token], last: Piece, p: Piece) -> bool:
    """Does the preposition ``word`` between a bare role noun and ``p`` make the role p's?

    في + a state or region (السلطات في البحرين) or a body with the article (نائب في البرلمان
    الكويتي, ضابط في الجيش السوري); من + a named group or a body of the role's own kind
    (عناصر من تنظيم داعش, جنود من الجيش)."""
    if p.prefix not in ("", "ال"):
        return False
    if word == "في":
        if p.entry is not None:
            return p.entry.kind in ("state", "region")
        return p.agent is not None and p.agent not in LOOSE_AGENTS
    if word == "من":
        if p.entry is not None:
            return p.entry.kind == "group" and p.entry.agent in ("REB", "OPP", None)
        return p.agent == last.agent or (p.agent == "REB" and tokens[p.start].key in GROUP_WORDS)
    return False


def _genitive_ok(tokens: list[Token], last: Piece, p: Piece) -> bool:
    """Can ``p`` attach to the piece before it?

    An agent noun takes a following country or organisation as its genitive only
    in the construct state (وزير خارجية مصر: no article on the agent) or with لـ
    (الأمين العام للأمم المتحدة); "الأمين العام إسرائيل" is two noun phrases.
    Adjectives (الروسي) and names in apposition always attach.
    """
    if last.agent is None or p.entry is None or p.entry.kind in ("demonym", "person", "ner"):
        return True
    return not has_article(tokens[last.end - 1].prefix) or p.prefix.lstrip("وف").startswith("ل")


def _compatible(group: list[Piece], p: Piece) -> bool:
    """A piece joins a group unless both carry a different state code."""
    if p.entry is None or not p.entry.code:
        return True
    codes = {q.entry.code for q in group if q.entry is not None and q.entry.code}
    kinds = {q.entry.kind for q in group if q.entry is not None}
    if not codes:
        return True
    if p.entry.code in codes:
        return True
    # "وزير خارجية المملكة العربية السعودية" after a person of another code is a new mention;
    # a demonym after an organisation ("الوكالة الروسية") belongs to it.
    # Two nisbas of different states are two actors (المنتخب السعودي ونظيره الإماراتي).
    return "person" not in kinds and p.entry.kind == "demonym" and not (kinds & {"state", "capital", "demonym"})


def _compose(doc: Document, group: list[Piece]) -> ActorMention | None:
    person = next((p.entry for p in group if p.entry and p.entry.kind == "person"), None)
    coded = [p.entry for p in group if p.entry is not None and p.entry.code]
    agent = _group_agent(doc.tokens, group)
    first = group[0]
    if person is not None:
        code, kind, name = person.code, "person", person.name
        agent = agent or person.agent
        country = person.country or person.code
    elif coded:
        head = coded[0]
        code, kind = head.code, head.kind
        name = head.name if head.kind in NAMED_KINDS else None
        agent = agent or head.agent or DEFAULT_AGENT.get(head.kind)
        country = head.country or (head.code if len(head.code) == 3 else None)
    else:
        if agent is None and not any(p.entry and p.entry.kind == "ner" for p in group):
            return None
        code, kind, name, country = "", "agent", None, None
        if any(p.entry and p.entry.kind == "ner" for p in group):
            kind = "ner"
    tok_start, tok_end = first.start, group[-1].end
    span = doc.span(doc.tokens[tok_start].start + first.lead, doc.tokens[tok_end - 1].end)
    return ActorMention(span=span, code=code, agent=agent, name=name, kind=kind,
                        token_start=tok_start, token_end=tok_end, country=country)


def _group_agent(tokens: list[Token], group: list[Piece]) -> str | None:
    """The agent of a group: its first role noun's, except that a deputy (نائب, alone LEG: a
    member of parliament; نائب الرئيس GOV) is deputy of the role that follows it: نائب وزير
    الخارجية is GOV, نائب أمير منطقة الرياض GOV, نائب رئيس مجلس النواب LEG."""
    for i, p in enumerate(group):
        if not p.agent:
            continue
        if tokens[p.start].key in DEPUTY_KEYS:  # نائب، نائب رئيس (+ مجلس النواب: LEG)
            later = next((q.agent or q.entry.agent for q in group[i + 1:]
                          if q.agent or (q.entry is not None and q.entry.agent)), None)
            if later:
                return later
        return p.agent
    return None


def _bare_adjective(tokens: list[Token], group: list[Piece], lo: int) -> bool:
    """A lone nisba adjective that does not describe an actor ("الحدود السورية")."""
    if len(group) != 1 or group[0].entry is None or group[0].entry.kind != "demonym":
        return False
    p = group[0]
    if not is_adjectival_demonym(tokens[p.start].key):
        return False
    before = [t.key for t in tokens[max(lo, p.start - 3):p.start]]
    return not any(k in ACTOR_BEARING or (k[-1:] == "ا" and k[:-1] in ACTOR_BEARING) for k in before)


def _is_locative(tokens: list[Token], m: ActorMention, lo: int, prefix: str) -> bool:
    """Is a state/capital/region mention a place here (في سوريا، بموسكو، شمال سيناء)?"""
    if m.kind not in PLACE_KINDS:
        return False
    if prefix.lstrip("وف").startswith("ب"):
        return True
    if m.token_start > lo:
        prev = tokens[m.token_start - 1]
        return prev.key in LOCATIVE_WORDS or prev.norm in LOCATIVE_WORDS
    return False


def is_dual_referent(tok: Token) -> bool:
    return tok.key in DUAL_REFERENTS
