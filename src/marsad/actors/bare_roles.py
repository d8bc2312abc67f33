"""Bare role nouns inside one article: whose minister, police, army or opposition it is.

These rules run after the surnames and short names of :mod:`marsad.actors.coref` are added:

* **Role nouns.**  A bare role noun ("الوزير", "الشرطة", "المصلين") takes the code of
  the last coded actor with the same agent before it; a person-denoting title
  (الوزير, الملك, الأمين العام) prefers the last *person* with that agent.  Police
  and courts with no such antecedent belong to the country mentioned last before
  them.  A secretary-general or secretariat (الأمين العام، الأمانة العامة) with no such
  holder is the last organisation's.  An opposition (المعارضة، قوات المعارضة) is the last
  opposition named with its state (المعارضة السورية), else the last state mentioned, never
  an armed group.  But when no opposition was named with its state and a place follows it
  in a locative phrase (مواقع للمعارضة في ريف إدلب; located.opposition_places), it is that
  place's state if no state was named before, or if the last one is named in its sentence
  and is another (قصفت الطائرات الروسية مواقع للمعارضة في ريف إدلب: the attacker's demonym),
  or if the place is in the state the article names most (one more mention of 182 unseen
  articles, right: IRN -> SYR).
  Train CV unchanged (.5000; 2 of 28 opposition mentions of train change); on 121 unseen
  articles naming an opposition and a Syrian town, 10 mentions change, 9 read right.
  An opposition named with its state counts as such also as a role phrase with the nisba (مقاتلو
  المعارضة السورية) or a place (المعارضة في سوريا), not an indefinite construct (معارضة روسيا); with
  none named before, it is one the article names later, else the one whose nisba stands right
  before it (القوى السورية المعارضة), else the state whose regime the article names with its state
  (نظام الأسد، النظام السوري: an opposition opposes a regime, not the foreign state named last:
  وقدمت واشنطن أسلحة للمعارضة is SYR's opposition), else the last state.  With the curated
  المعارضة المعتدلة (SYR), session 26: train CV .5434/.7386 -> .5436/.7368; unseen 18 mentions
  change, 17 right (TUR/IRN/USA -> SYR), 1 unsure.
  A bare regime force (قوات النظام، جيش النظام: MIL with النظام) is likewise a state's,
  never the last military actor (the US-led coalition, IGO:OTHER): the state of the place
  after it (its front), else the first regime of the article (قوات النظام السوري), else the
  state the article names most often, else the last state.  Train CV unchanged (no such
  mention of train changes); on 110 unseen articles naming قوات/جيش النظام, 112 mentions
  change: 93 to SYR (from LBN 27, none 39, IGO:OTHER 9, TUR 7...), 7 from SYR (to TUR, one
  Aleppo article that names Turkey most).
  (Official roles taking the state named before them in their sentence were tried: fewer
  gaps, but train CV triple F1 -.010 and argument-model source accuracy -.009.)
* **The article's state.**  A state-organ role noun (الحكومة، وزارة الداخلية، الجيش، عضو
  الشورى) left without antecedent by the rule above takes the state that at least 60% (and 3) of
  the article's state-coded mentions name, if there is one (train CV triple F1 .452 -> .455,
  root F1 .705 -> .690).  Tried and dropped: bare civilians (المصلين، المتظاهرين) taking the last
  place named before them (triple .449, root .690), and this rule limited to role nouns before
  the first state is named (triple .450).
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.actors.coref import PERSON_TITLES, Roles
from marsad.document import ActorMention, Token
from marsad.text.tokens import RELATIVE_PRONOUNS, candidates, has_article

# Agents of a role noun that, with no antecedent, belongs to the country named last before it
# (police, security forces, courts, prosecutors: "اعتقلت الشرطة"، "قضت محكمة").  Civilians,
# clergy and the like were tried too: too often victims or topics, not actors.
DOMESTIC_AGENTS = frozenset({"POL", "JUD"})
# Agents of state organs (الحكومة، الجيش، وزارة الداخلية، عضو الشورى): with no antecedent at all,
# such a role noun belongs to the article's state when the article clearly has one.
STATE_ORGAN_AGENTS = frozenset({"GOV", "MIL", "POL", "JUD", "LEG"})
ARTICLE_STATE_SHARE = 0.6  # share of the state-coded mentions that one state must hold
ARTICLE_STATE_MIN = 3  # ...and at least this many of them
# ...when the role noun is one of these (first word, any clitic reading).  Words such as الأمن
# (security), القضاء (eliminating), نيابة (on behalf), دورية (periodic) are too often no actor.
DOMESTIC_HEADS = frozenset({
    "شرطه", "محكمه", "محاكم", "قاضي", "قاض", "قضاه", "مخابرات", "استخبارات", "مدعي", "ادعاء",
})
# ...or a phrase starting with one of these ("قوات الأمن", "رجال الشرطة", "النيابة العامة").
DOMESTIC_PHRASE_HEADS = DOMESTIC_HEADS | frozenset({
    "قوات", "رجال", "اجهزه", "عناصر", "افراد", "وزاره", "سلطات", "نيابه", "نايب", "قوي", "دوريات",
})
# The unnamed official (مسؤول), which a definite bare المسؤول refers back to.
OFFICIAL = "مسوول"


def official_again(m: ActorMention, tokens: list[Token]) -> bool:
    """Is ``m`` the definite bare المسؤول (وأضاف المسؤول، وتابع المسؤول الكردي), not 'the one responsible
    for' (تحديد المسؤول عن الهجمات)?"""
    tok = tokens[m.token_start]
    after = tokens[m.token_end].norm if m.token_end < len(tokens) else ""
    return tok.key == OFFICIAL and has_article(tok.prefix) and after != "عن"


# Titles (word keys of the bare role noun, or its first one or two words) → words of the roles
# (persons.tsv, English) that they name: "وقال الملك" is the last king mentioned, not the last
# person.  Vice/deputy/state-minister roles never match (نائب الرئيس is a title of its own).
ROLE_TITLES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("ملك",): ("King",),
    ("عاهل",): ("King",),
    ("ولي", "عهد"): ("Crown Prince",),
    ("امير",): ("Emir", "Crown Prince", "Governor"),
    ("رييس",): ("President",),
    ("رييس", "وزراء"): ("Prime Minister", "Premier"),
    ("رييس", "حكومه"): ("Prime Minister", "Premier"),
    ("وزير", "خارجيه"): ("Foreign Minister", "Foreign Secretary", "Secretary of State"),
    ("وزير", "دفاع"): ("Defence Minister", "Defense Minister", "Secretary of Defense", "Defence Secretary"),
    ("وزير", "داخليه"): ("Interior Minister", "Home Secretary"),
    ("وزير",): ("Minister of", "Minister for", "Foreign Minister", "Defence Minister", "Interior Minister",
                "Finance Minister", "Oil Minister", "Secretary of State", "Foreign Secretary"),
    ("امين", "عام"): ("Secretary-General",),
    ("مرشد",): ("Supreme Leader",),
    ("مستشاره",): ("Chancellor",),
}
TITLE_HEADS = frozenset(k[0] for k in ROLE_TITLES)
DEPUTY_ROLES = ("Vice", "Deputy", "Minister of State")  # roles that a title never names
# Kinds of mentions that name a state itself (an opposition role noun belongs to one).
STATE_KINDS = frozenset({"state", "capital", "metonym", "demonym", "region"})


def resolve_bare_agents(mentions: list[ActorMention], tokens: list[Token],
                        roles: Roles | None = None,
                        fronts: dict[int, tuple[int, str]] | None = None) -> None:
    """Give each bare role noun (code "") the code of what it refers back to (see the module doc).

    ``roles`` (person mention → role of its entry) lets a title (الملك، ولي العهد، وزير
    الخارجية) refer back to the last person who holds such a role."""
    roles = roles if roles is not None else Roles()
    last_by_agent: dict[str, ActorMention] = {}
    last_by_title: dict[str, ActorMention] = {}  # the head of a coded role phrase (وزير الخارجية الإيراني)
    last_person: dict[str, ActorMention] = {}
    last_country: ActorMention | None = None
    persons: list[ActorMention] = []
    last_state: ActorMention | None = None  # the last mention of a state itself (not a group)
    last_opposition: ActorMention | None = None
    last_regime: ActorMention | None = None  # the first regime force resolved (قوات النظام)
    main_state = _main_state(mentions)
    named_opposition = next((m for m in mentions if _named_opposition(m, tokens)), None)
    regime_state = _regime_state(mentions, tokens)
    last_igo: ActorMention | None = None
    for m in mentions:
        if not m.code and m.agent and _many_states(m, tokens):
            continue  # دبلوماسيون غربيون، شركات أوروبية، قوات أجنبية: no one state's
        if not m.code and m.agent:
            opposition = is_opposition(m, tokens)
            regime = not opposition and is_regime_force(m, tokens)
            if opposition or regime:  # a state's, not the last armed group's
                own = last_opposition if opposition else last_regime
                if opposition and own is None:
                    own = _nisba_before(m, last_state) or named_opposition
                front = fronts.get(id(m)) if fronts else None
                # a regime fights at home: its front before all
                if front is not None and (regime or (own is None and (
                        _elsewhere(last_state, front) or (main_state is not None and main_state.code == front[1])))):
                    m.code, m.country, m.name, m.kind = front[1], front[1], None, "coref"
                    last_regime = last_regime or (m if regime else None)
                    continue
                # a bare regime is the one the article names (نظام الأسد) or whose opposition it names
                # (أفادت المعارضة السورية بمقتل عناصر لقوات النظام), before the article's main state
                ref = own or ((regime_state or named_opposition or main_state or last_state) if regime
                              else (regime_state or last_state))
            elif (coalition := _coalition_code(m, mentions, tokens)) is not None:
                m.code, m.country, m.name, m.kind = coalition, coalition if len(coalition) == 3 else None, None, "coref"
                continue
            else:
                ref = _role_holder(m, tokens, persons, roles)
                if ref is None and _igo_office(m, tokens):  # الأمين العام، الأمانة العامة
                    ref = last_igo
                if ref is None and tokens[m.token_start].key in PERSON_TITLES:
                    # زار وزير الخارجية الإيراني بغداد… وانتقد الوزير: the last minister, not the capital
                    ref = last_person.get(m.agent) or last_by_title.get(tokens[m.token_start].key)
                elif ref is None and official_again(m, tokens):
                    # قال مسؤول أمريكي… وأضاف المسؤول: the official named before, not the last person
                    ref = last_by_title.get(OFFICIAL)
                if ref is None and m.agent == MILITARY:
                    # المقاومة الشعبية والجيش الوطني: the army fights beside the resistance of its own state
                    ref = _fighting_beside(m, mentions, tokens)
                ref = ref or last_by_agent.get(m.agent)
            if ref is None and m.agent in DOMESTIC_AGENTS and not _vague(m, tokens):
                ref = last_country
                if ref is not None:  # later police of the article are the same police
                    last_by_agent[m.agent] = m
            if ref is not None and regime and last_regime is None:
                last_regime = m  # the regime of an article is one regime
            if ref is not None:
                m.code, m.country = ref.code, ref.country
                m.name = ref.name if ref.kind == "person" and ref.agent == m.agent else None
                m.kind = "coref"
        elif m.code and len(m.code) >= 3:
            if m.code.startswith("IGO:"):
                last_igo = m
            if m.agent:
                last_by_agent[m.agent] = m
                if tokens[m.token_start].key in PERSON_TITLES or tokens[m.token_start].key == OFFICIAL:
                    last_by_title[tokens[m.token_start].key] = m
                if m.kind == "person":
                    last_person[m.agent] = m
                    persons.append(m)
            if len(m.code) == 3 and m.kind != "media":  # not the news agency of the dateline (واس)
                last_country = m
                if m.kind in STATE_KINDS:
                    last_state = m
                if _named_opposition(m, tokens):  # المعارضة السورية، مقاتلو المعارضة السورية
                    last_opposition = m
                if last_regime is None and is_regime_force(m, tokens):  # قوات النظام السوري
                    last_regime = m


MILITARY = "MIL"
# Fighters an army is conjoined with in one phrase (المقاومة الشعبية والجيش، الجيش الوطني والمقاومة) and the
# adjectives that may stand between the army and و (الجيش الوطني، الجيش الشرعي), keys.
FIGHTING_BESIDE = frozenset({"REB", "OPP"})
ARMY_ADJECTIVES = frozenset({"وطني", "شرعي"})


def _fighting_beside(m: ActorMention, mentions: list[ActorMention], tokens: list[Token]) -> ActorMention | None:
    """The state-coded armed group or opposition joined by و to a bare army ``m``, right before it (المقاومة
    الشعبية والجيش) or right after it and its adjective (الجيش الوطني والمقاومة الشعبية): the army is that state's
    (Yemen's), not the last military actor named before (طيران التحالف: SAU).  None when there is none."""
    after = m.token_end + (1 if m.token_end < len(tokens) and tokens[m.token_end].key in ARMY_ADJECTIVES else 0)
    for n in mentions:
        if len(n.code) != 3 or n.agent not in FIGHTING_BESIDE:
            continue
        if (n.token_end == m.token_start and tokens[m.token_start].prefix.startswith("و")) or (
                n.token_start == after and after < len(tokens) and tokens[after].prefix.startswith("و")):
            return n
    return None


COALITION = "تحالف"


def _coalition_code(m: ActorMention, mentions: list[ActorMention], tokens: list[Token]) -> str | None:
    """The code of a bare التحالف: the last coalition named before it (طائرات التحالف → SAU, التحالف الدولي
    → IGO:OTHER); with none, the Saudi-led coalition in an article that names a Yemeni actor (the curated
    convention: SAU/MIL), the US-led one (IGO:OTHER) in one that names ISIS; None otherwise (a
    coalition of parties, a bare agent resolved as before)."""
    if m.token_end - m.token_start != 1 or tokens[m.token_start].key != COALITION:
        return None
    after = tokens[m.token_end].norm if m.token_end < len(tokens) else ""
    if after.startswith("ال") and after not in RELATIVE_PRONOUNS:
        return None  # التحالف الوطني، التحالف الكردستاني: a named political alliance
    before = [x for x in mentions if x.code and x.token_end <= m.token_start
              and any(t.key == COALITION for t in tokens[x.token_start:x.token_end])]
    if before:
        return before[-1].code
    return article_coalition({x.code for x in mentions if x.code})


US_LED = "IGO:OTHER"


def article_coalition(codes: set[str]) -> str | None:
    """The coalition an article speaks of from the actors it names: the Saudi-led one (SAU/MIL, the curated
    convention) where it names a Yemeni actor, else the US-led one (IGO:OTHER) where it names ISIS, else None."""
    return "SAU" if "YEM" in codes else US_LED if "NSA:ISIS" in codes else None


def _named_opposition(m: ActorMention, tokens: list[Token]) -> bool:
    """Is ``m`` an opposition named with its state (المعارضة السورية، قوى المعارضة السورية، المعارضة في
    سوريا، حزب العمال المعارض)?  Not an indefinite construct (معارضة روسيا: Russia's objection)."""
    if len(m.code) != 3 or m.kind in ("coref", "media", "agent", "ner") or not is_opposition(m, tokens):
        return False
    return m.kind == "group" or any(t.key.startswith("معارض") and has_article(t.prefix)
                                    for t in tokens[m.token_start:m.token_end])


def _nisba_before(m: ActorMention, last_state: ActorMention | None) -> ActorMention | None:
    """The state whose nisba stands right before the opposition word, in one phrase (القوى السورية
    المعارضة: the Syrian opposing forces), if any."""
    return last_state if last_state is not None and last_state.token_end == m.token_start else None


def _regime_state(mentions: list[ActorMention], tokens: list[Token]) -> ActorMention | None:
    """The first mention of the state whose regime the article names (نظام الأسد، النظام السوري، قوات
    النظام السوري), when the article names one state's regime most often (None: none, or a tie).
    Not a regime coded by coreference (النظام alone), nor an indefinite نظام with a nisba (نظام يمني)."""
    def names_regime(m: ActorMention) -> bool:
        if len(m.code) != 3 or m.kind in ("coref", "media", "agent", "ner"):
            return False
        words = [t for t in tokens[m.token_start:m.token_end] if t.key == "نظام"]
        return bool(words) and (m.kind != "demonym" or any(has_article(t.prefix) for t in words))

    return _most_named(mentions, names_regime)


def _elsewhere(last_state: ActorMention | None, front: tuple[int, str]) -> bool:
    """Is the opposition's front (first token of its sentence, country of its places) in
    another state than the last state named, itself named in that sentence (الطائرات الروسية)?"""
    return last_state is None or (last_state.token_start >= front[0] and last_state.code != front[1])


def article_state(mentions: list[ActorMention]) -> str | None:
    """The state an article is about: the code of most of its state-coded mentions, if it is clear."""
    counts: dict[str, int] = {}
    for m in mentions:
        if len(m.code) == 3 and m.kind != "media":
            counts[m.code] = counts.get(m.code, 0) + 1
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    return code if n >= ARTICLE_STATE_MIN and n >= ARTICLE_STATE_SHARE * sum(counts.values()) else None


def resolve_to_article_state(mentions: list[ActorMention]) -> None:
    """Give a state-organ role noun left without antecedent (وزارة الداخلية at the head of an
    article, الحكومة before the country is named, الجيش with no army named before) the article's
    state, when it is clear."""
    left = [m for m in mentions if not m.code and m.agent in STATE_ORGAN_AGENTS]
    code = article_state(mentions) if left else None
    if code is None:
        return
    for m in left:
        m.code, m.country, m.kind = code, code, "coref"


def _igo_office(m: ActorMention, tokens: list[Token]) -> bool:
    """Is the role noun the secretary-general or the secretariat (of an organisation)?"""
    keys = [t.key for t in tokens[m.token_start:m.token_start + 2]]
    return len(keys) == 2 and keys[0] in ("امين", "امانه") and keys[1] in ("عام", "عامه")


def is_opposition(m: ActorMention, tokens: list[Token]) -> bool:
    """Does the mention name an opposition (المعارضة، قوات المعارضة، المعارضة السورية)?"""
    return any(t.key.startswith("معارض") for t in tokens[m.token_start:m.token_end])


def _main_state(mentions: list[ActorMention]) -> ActorMention | None:
    """The first mention of the state that the article names most often (None: a tie)."""
    return _most_named(mentions, lambda m: len(m.code) == 3 and m.kind in STATE_KINDS)


def _most_named(mentions: list[ActorMention], keep: Callable[[ActorMention], bool]) -> ActorMention | None:
    """The first of the ``keep`` mentions whose code the article names most often among them (None: none,
    or a tie)."""
    counts: dict[str, int] = {}
    first: dict[str, ActorMention] = {}
    for m in mentions:
        if keep(m):
            counts[m.code] = counts.get(m.code, 0) + 1
            first.setdefault(m.code, m)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return first[max(counts, key=counts.__getitem__)]


def is_regime_force(m: ActorMention, tokens: list[Token]) -> bool:
    """Does the mention name a regime's forces (قوات النظام، القوات النظامية، جيش النظام)?"""
    return m.agent == "MIL" and any(t.key in ("نظام", "نظاميه") for t in tokens[m.token_start:m.token_end])


def _role_holder(m: ActorMention, tokens: list[Token], persons: list[ActorMention],
                 roles: Roles) -> ActorMention | None:
    """The last person before ``m`` whose role matches the title ``m`` (None: no such title/person)."""
    if tokens[m.token_start].key not in TITLE_HEADS:
        return None
    keys = tuple(t.key for t in tokens[m.token_start:m.token_end])
    words = next((ROLE_TITLES[k] for k in (keys, keys[:2], keys[:1]) if k in ROLE_TITLES), None)
    if words is None:
        return None
    for p in reversed(persons):
        role = roles.get(p)
        if any(w in role for w in words) and not any(x in role for x in DEPUTY_ROLES):
            return p
    return None


# Nisbas of more than one state (Western, European, foreign, Asian, African), without the article: right after
# a bare role noun they say that it is no one state's (دبلوماسي غربي is not the state named last).  Not عربي or
# خليجي: Arab or Gulf forces and planes in the Saudi and Gulf press are the coalition's (طائرات حربية عربية).
MANY_STATE_NISBAS = frozenset(
    stem + ending
    for stem in ("غربي", "اوروبي", "اجنبي", "اسيوي", "افريقي")
    for ending in ("", "ه", "ون", "ين", "ات", "تان", "ان")
) | {"اجانب"}


def _many_states(m: ActorMention, tokens: list[Token]) -> bool:
    """A bare role noun with a nisba of many states right after it (دبلوماسيون غربيون، شركات أوروبية)."""
    if m.token_end >= len(tokens):
        return False
    nxt = tokens[m.token_end]
    return not nxt.prefix and nxt.norm in MANY_STATE_NISBAS


def _vague(m: ActorMention, tokens: list[Token]) -> bool:
    """Is a police/court role noun too unsure to take the country from context?"""
    heads = DOMESTIC_HEADS if m.token_end - m.token_start == 1 else DOMESTIC_PHRASE_HEADS
    return not any(k in heads for _, k in candidates(tokens[m.token_start].norm))
