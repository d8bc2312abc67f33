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

from marsad import resources
from marsad.actors.ambiguous import amman, kingdom, military_base, shura_council, us_led_coalition
from marsad.actors.bare_roles import resolve_bare_agents, resolve_to_article_state
from marsad.actors.coref import Roles, org_head_mentions, quoted_short_names, surname_mentions
from marsad.actors.exhibitions import exhibitions
from marsad.actors.groupings import numeric_p5, resolve_groupings
from marsad.actors.lexicon import ActorEntry, ActorLexicon, resolve
from marsad.actors.located import opposition_places, resolve_located_roles
from marsad.actors.media_words import canal_not_channel, outlet_match
from marsad.actors.names import named_again
from marsad.actors.pieces import (
    DEPUTY_KEYS,
    Piece,
    another_persons_surname,
    feminine_nisba,
    given_name_nisba,
    group_nisba,
    institution_genitive,
    is_adjectival_demonym,
    located_role,
    mission_nisba,
    name_part,
    not_names_of_things,
    organ_after_org,
    people_after_organ,
    portfolio_gap,
    quoted,
    role_after_org,
    second_role,
    team_not_rank,
    town_gap,
)
from marsad.document import ActorMention, Document, Token
from marsad.text.tokens import clitic_length, has_article
from marsad.when_where.gazetteer import Gazetteer
from marsad.when_where.locatives import seat_at

# Words that may sit between the pieces of one mention (titles, honorifics).
TITLES = frozenset({
    "د", "دكتور", "سيد", "سيده", "امير", "شيخ", "سمو", "سموه", "معالي", "فخامه", "جلاله",
    "مشير", "جنرال", "لواء", "عميد", "عقيد", "فريق", "اللواء", "مستشار", "السفير", "حاخام",
    "عام", "عامه",  # القنصل العام الأمريكي، المدعي العام المصري: "general" before the nisba
    ".", "-",
})
# Kinds whose entry gives the mention a name (states do not: the gold leaves it null).
NAMED_KINDS = frozenset({"person", "igo", "group", "media"})
# Agents implied by a bare state / capital / metonym mention.
DEFAULT_AGENT = {"state": "GOV", "capital": "GOV", "metonym": "GOV"}
PLACE_KINDS = frozenset({"state", "capital", "region"})
# Kinds of a state's own name, after which a definite role noun is a new phrase (_definite_after_name).
NAME_KINDS = frozenset({"state", "capital", "metonym"})


def actor_bearing() -> frozenset[str]:
    """Nouns after which a bare nisba adjective names an actor (طائرة عسكرية سعودية، غارة إسرائيلية,
    انتقد السياسة الأمريكية): ``resources/actors/actor_bearing.tsv``, normalized."""
    return resources.word_set("actor_bearing")


def locative_words() -> frozenset[str]:
    """Words before a place name that make the phrase locative (في موسكو، قرب حلب، شمال سوريا):
    ``resources/actors/locative_words.tsv``, normalized."""
    return resources.word_set("locative_words")


def dual_referents() -> frozenset[str]:
    """Dual nouns that refer back to two actors (الوزيران، الجانبين، البلدان):
    ``resources/actors/dual_referents.tsv``, normalized."""
    return resources.word_set("dual_referents")


MAX_GROUP = 6  # pieces in one actor phrase (title + nisba + name…): bounds pathological runs


@dataclass(slots=True)
class ActorStage:
    lexicon: ActorLexicon = field(default_factory=ActorLexicon)
    ner: object | None = None  # marsad.actors.ner.NerModel when enabled
    places: Gazetteer | None = None  # role nouns of a town take its state (شرطة تبوك) when given
    name: str = "actors"
    requires: tuple[str, ...] = ("tokens", "sentences")
    provides: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> Document:
        when = doc.article.date
        mentions: list[ActorMention] = []
        named: list[tuple[int, ActorMention]] = []  # (last token of a full person name, its mention)
        roles = Roles()  # person mention → the role of its entry ("King", "Foreign Minister")
        tokens = doc.tokens
        ner = self._ner_entities(tokens, doc.sentences)
        for k, sent in enumerate(doc.sentences):
            pieces = self._pieces(tokens, sent.first_token, sent.last_token, when, ner[k])
            prev: tuple[list[Piece], ActorMention] | None = None  # the last group composed, its mention
            for group in _groups(tokens, pieces):
                parallel = _parallel_nisba(tokens, group, prev)
                if parallel is None and _bare_adjective(tokens, group, sent.first_token):
                    continue
                m = _compose(doc, group)
                if m is not None and parallel is not None and m.agent is None:
                    m.agent = parallel.agent  # وزيرا الخارجية الأمريكي والروسي: both GOV
                prev = (group, m) if m is not None else None
                if m is not None and seat_at(tokens, m.token_start):
                    continue  # المرصد ومقره بريطانيا: where a body sits, no actor (when_where.locatives.seat_at)
                if m is not None:
                    m.locative = _is_locative(tokens, m, sent.first_token, group[0].prefix)
                    mentions.append(m)
                    for p in group:
                        if p.entry is not None and p.entry.kind == "person":
                            roles.set(m, p.entry.role or "")
                            if p.end - p.start > 1:
                                named.append((p.end - 1, m))
        mentions = quoted_short_names(doc, mentions, self.lexicon.actors.phrases)
        if named:
            mentions = surname_mentions(doc, mentions, named, roles)
        mentions = numeric_p5(doc, mentions)
        mentions = org_head_mentions(doc, mentions)
        amman(mentions, tokens)
        kingdom(mentions, tokens)
        fronts = None
        if self.places is not None:
            resolve_located_roles(doc, mentions, self.places)
        mentions = military_base(mentions, tokens, doc.text)
        us_led_coalition(mentions, tokens)
        if self.places is not None:
            fronts = opposition_places(doc, mentions, self.places)
        shura_council(mentions, tokens)  # before coreference: its members are referred back to
        resolve_bare_agents(mentions, tokens, roles, fronts)
        resolve_to_article_state(mentions)
        mentions = named_again(doc, mentions, self.lexicon.person_names.given, roles)  # وكشف الحسن: names.py
        doc.actors = resolve_groupings(mentions, tokens)
        return doc

    def _pieces(self, tokens: list[Token], lo: int, hi: int, when: Date | None,
                ner: list[tuple[int, int, str]]) -> list[Piece]:
        lex = self.lexicon
        found: list[Piece] = []
        for m in lex.actors.scan(tokens, lo, hi, lex.stop):
            if m.entries[0].kind == "media" and (m := outlet_match(lex.actors, tokens, m, lo, lex.stop)) is None:
                continue  # طرقات وميادين المدن، 4 من قنا: the squares, the city (روسيا اليوم: Russia, kept)
            if m.entries[0].kind == "stop":
                found.append(Piece(m.start, m.end, entry=m.entries[0]))
                continue
            if m.end - m.start == 1 and lex.surface_blocked(tokens[m.start].norm):
                continue
            entry = resolve(m.entries, when)
            if entry.kind == "agent" and (team_not_rank(tokens, m.start, m.end, lo, hi)
                                          or canal_not_channel(tokens, m.start, m.end, lo, hi)
                                          or exhibitions(tokens, m.start, m.end, lo, hi)):
                continue  # الفريق: a team; قناة السويس، هيئة القناة: the canal; ثلاثة معارض: exhibitions
            if name_part(tokens, m.start, lo, entry):
                continue  # محمد بن سودان: a family name
            if given_name_nisba(tokens, m.start, m.end, lo, hi, entry):
                continue  # الشيخ تركي الشليل، الأمير تركي بن طلال: the name Turki
            if entry.kind == "person" and m.end - m.start == 1 \
                    and another_persons_surname(tokens, m.start, lo, entry, lex.person_names):
                continue
            if entry.kind == "agent":
                found.append(Piece(m.start, m.end, agent=entry.agent, lead=clitic_length(m.prefix),
                                   prefix=m.prefix))
            else:
                found.append(Piece(m.start, m.end, entry=entry, lead=clitic_length(m.prefix), prefix=m.prefix,
                                   options=_code_options(m.entries, entry)))
        found.extend(Piece(lo + s, lo + e, entry=ActorEntry(code="", agent=None, name=None, kind="ner"))
                     for s, e, label in ner if label == "PERS")
        pieces = [p for p in _non_overlapping(found) if p.entry is None or p.entry.kind != "stop"]
        pieces = not_names_of_things(tokens, pieces, lo)
        _person_context(pieces, when)
        return pieces

    def _ner_entities(self, tokens: list[Token], sentences: list) -> list[list[tuple[int, int, str]]]:
        """Per sentence, the NER's entities (sentence-relative spans), tagged as one passage so that a name
        found in one sentence is found in the others (round 12); sentences of one token are not tagged."""
        if self.ner is None:
            return [[] for _ in sentences]
        words = [[t.norm for t in tokens[s.first_token:s.last_token]] if s.last_token - s.first_token >= 2 else []
                 for s in sentences]
        return self.ner.passage_entities(words)  # type: ignore[attr-defined]


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
        if not taken.isdisjoint(range(p.start, p.end)):
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
                quoted(tokens, gap, p) or portfolio_gap(tokens, last, p, gap) or town_gap(tokens, group, p, gap)
            starts_with_and = p.prefix[:1] in ("و", "ف") or tokens[p.start].prefix[:1] == "و"
            prep_agent = p.agent is not None and p.prefix.lstrip("وف")[:1] in ("ل", "ب") \
                and not institution_genitive(tokens, last, p, gap) or \
                second_role(tokens, last, p, gap) or people_after_organ(group, p) or \
                organ_after_org(tokens, group, p, gap) or role_after_org(tokens, last, p, gap)
            if located_role(tokens, group, p):
                group.append(p)
                continue
            if _definite_after_name(last, p) or _group_after_name(last, p):
                groups.append([p])
                continue
            if joined and not starts_with_and and not prep_agent and len(group) < MAX_GROUP:
                if _compatible(group, p) and _genitive_ok(tokens, group, p):
                    group.append(p)
                    continue
                if last.agent is not None and last.entry is None and len(group) > 1 and not gap:
                    groups[-1] = group[:-1]
                    groups.append([last, p])
                    continue
        groups.append([p])
    return groups


def _definite_after_name(last: Piece, p: Piece) -> bool:
    """A definite role noun after a state's name starts a new phrase: a name takes no genitive with
    the article (رحلت الكويت العمال الأجانب، استقبلت المملكة الحجاج الإيرانيين: the workers, the pilgrims)."""
    return p.entry is None and p.agent is not None and has_article(p.prefix) \
        and last.entry is not None and last.entry.kind in NAME_KINDS


def _group_after_name(last: Piece, p: Piece) -> bool:
    """An armed group or party named right after a state's name is the verb's object, never in
    apposition to the state, also when it shares the state's code (اتهمت تركيا حزب العمال الكردستاني
    بتنفيذ الهجوم: TUR, then the PKK)."""
    return p.entry is not None and p.entry.kind == "group" \
        and last.entry is not None and last.entry.kind in NAME_KINDS


def _genitive_ok(tokens: list[Token], group: list[Piece], p: Piece) -> bool:
    """Can ``p`` attach to the piece before it?

    An agent noun takes a following country or organisation as its genitive only
    in the construct state (وزير خارجية مصر: no article on the agent) or with لـ
    (الأمين العام للأمم المتحدة); "الأمين العام إسرائيل" is two noun phrases.
    Adjectives (الروسي) and names in apposition always attach.
    """
    last = group[-1]
    if last.agent is None or p.entry is None or p.entry.kind in ("demonym", "person", "ner"):
        return True
    if group_nisba(tokens, group, p):
        return True  # الميليشيات الحوثية، المتمردين الحوثيين: the group's nisba
    if mission_nisba(tokens, last, p) or feminine_nisba(tokens, group, p):
        return True  # السفارة السعودية، الحكومة السورية: the nisba, not the state
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
    bearing = actor_bearing()
    return not any(_bears(k, bearing) for k in before)


def _bears(key: str, bearing: frozenset[str] | set[str]) -> bool:
    """Is ``key`` an actor-bearing noun, also with a tanween alef (جيشا) or as a dual (الجانبان
    المصري والسعودي، الطرفين التركي والروسي: the stem before ان / ين, تان → ة)?"""
    if key in bearing or (key[-1:] == "ا" and key[:-1] in bearing):
        return True
    if len(key) > 4 and key[-2:] in ("ان", "ين"):
        stem = key[:-2]
        return stem in bearing or (stem[-1:] == "ت" and stem[:-1] + "ه" in bearing)
    return False


def _parallel_nisba(tokens: list[Token], group: list[Piece],
                    prev: tuple[list[Piece], ActorMention] | None) -> ActorMention | None:
    """The mention a lone nisba with و stands parallel to: the one whose own nisba it follows right
    after (وزيرا الخارجية الأمريكي والروسي، حضور دبلوماسي أمريكي وروسي: two actors, the second as the
    first's head with its own state); None otherwise, and None behind ب or ل (بالإنجليزية والإسبانية)."""
    if prev is None or len(group) != 1 or group[0].entry is None or group[0].entry.kind != "demonym":
        return None
    p, (before, m) = group[0], prev
    last = before[-1]
    if not (p.prefix[:1] == "و" or tokens[p.start].prefix[:1] == "و") or last.end != p.start:
        return None
    if before[0].prefix.lstrip("وف")[:1] in ("ب", "ل") or p.prefix.lstrip("و")[:1] in ("ب", "ل"):
        return None  # هتافات بالإنجليزية والإسبانية: languages, not two actors
    return m if last.entry is not None and last.entry.kind == "demonym" and m.code != p.entry.code else None


def _is_locative(tokens: list[Token], m: ActorMention, lo: int, prefix: str) -> bool:
    """Is a state/capital/region mention a place here (في سوريا، بموسكو، شمال سيناء)?"""
    if m.kind not in PLACE_KINDS:
        return False
    if prefix.lstrip("وف").startswith("ب"):
        return True
    if m.token_start > lo:
        prev = tokens[m.token_start - 1]
        words = locative_words()
        return prev.key in words or prev.norm in words
    return False


def is_dual_referent(tok: Token) -> bool:
    return tok.key in dual_referents()


def person_duals() -> frozenset[str]:
    """The duals of ``dual_referents.tsv`` that name two persons (الرئيسان، الوزيرين: column ``of``)."""
    return resources.word_set("dual_referents", "person", "of")


# "Both" (كلا الجانبين): the nominative that makes a dual after it the verb's subject, not its object.
BOTH = "كلا"


def is_nominative_dual(tok: Token) -> bool:
    """A nominative dual of ``dual_referents.tsv`` (الجانبان، الوزيران), the form of a subject."""
    return tok.key in resources.word_set("dual_referents", "nom")
