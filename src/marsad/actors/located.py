"""Role nouns of a town or province: شرطة تبوك، محافظ جدة، قائد شرطة الموصل (issue #3).

A bare state organ (police, governor, court, army command) in the construct state before a
place name that the gazetteer knows (a city or a province, possibly after منطقة/محافظة:
أمير منطقة الرياض) belongs to that place's state.  Without this, the role noun would take the
state named last before it, or the article's dominant state: wrong in a Saudi paper's story
about the police of Dubai, or in an Iraqi story that mentions Iran first.

A bare opposition (المعارضة، مقاتلو المعارضة) followed within a few words by a place in a
locative phrase (في ريف إدلب، بمدينة حلب، قرب حماة) is fought for in that place's state; the
coreference pass (bare_roles.resolve_bare_agents) decides when that beats the last state named.
"""

from __future__ import annotations

from bisect import bisect_right

from marsad.actors.bare_roles import STATE_KINDS, STATE_ORGAN_AGENTS, is_opposition, is_regime_force
from marsad.document import ActorMention, Document, Token
from marsad.text.tokens import RELATIVE_PRONOUNS, has_article, reads
from marsad.when_where.gazetteer import Gazetteer

# Nouns between the role and the place name (أمير منطقة الرياض، محافظ محافظة جدة، شرطة مدينة دبي).
ADMIN_NOUNS = frozenset({"منطقه", "محافظه", "مدينه", "ولايه", "اقليم", "امانه", "بلديه"})

# Words before a place where an opposition fights (في ريف إدلب، بمدينة حلب، شمال حماة) and how
# many words after the opposition that place may stand.
FRONT_WORDS = frozenset({"في", "وفي", "ريف", "ريفي", "مدينه", "بلده", "محافظه", "منطقه", "مناطق", "قريه", "حي",
                         "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "محيط", "قرب"})
FRONT_WINDOW = 8
PLACE_WORDS = FRONT_WORDS | ADMIN_NOUNS


def place_country(tokens: list[Token], i: int, end: int, gazetteer: Gazetteer) -> str | None:
    """The one country of the place name at token ``i`` (before ``end``): None if there is no
    name there, or a demonym, or a name of places in several countries."""
    if i >= end:
        return None
    tok = tokens[i]
    if tok.key in ADMIN_NOUNS and not tok.prefix:
        return place_country(tokens, i + 1, end, gazetteer)
    if tok.prefix not in ("", "ال"):
        return None
    found = gazetteer.match_at(tokens, i)
    if found is None or found.end > end or found.item.demonym or found.item.context_only:
        return None
    return found.item.country


def resolve_located_roles(doc: Document, mentions: list[ActorMention], gazetteer: Gazetteer) -> None:
    """Give each bare local role noun right before a place name that place's state, when the
    article names that state too, or names no state at all (local news: شرطة تبوك).  A town
    of one state that shares its name with a district of another (شرطة السليمانية in a story
    from Riyadh) keeps the state of its context."""
    bare = [m for m in mentions if not m.code and m.agent in STATE_ORGAN_AGENTS
            and not has_article(doc.tokens[m.token_end - 1].prefix)]  # الشرطة تبوك is no construct
    if not bare:
        return
    ends = [s.last_token for s in doc.sentences]
    states = {m.code for m in mentions if m.code and m.kind in STATE_KINDS}
    for m in bare:
        k = bisect_right(ends, m.token_start)
        end = ends[k] if k < len(ends) else len(doc.tokens)
        code = place_country(doc.tokens, m.token_end, end, gazetteer)
        if code and (code in states or not states):
            m.code, m.country, m.kind = code, code, "coref"


def opposition_places(doc: Document, mentions: list[ActorMention],
                      gazetteer: Gazetteer) -> dict[int, tuple[int, str]]:
    """Where each bare opposition is fought (قوات المعارضة في ريف إدلب، مواقع للمعارضة بحلب): by
    ``id`` of the mention, the first token of its sentence and the country of the first place
    named in a locative phrase within a few words after it, in its sentence."""
    tokens = doc.tokens
    bare = [m for m in mentions if not m.code and m.agent and (is_regime_force(m, tokens) or (
            is_opposition(m, tokens) and not any(t.key == "معارض" for t in tokens[m.token_start:m.token_end])))]
    if not bare:
        return {}
    actors = {i for m in mentions if m.code and not m.locative for i in range(m.token_start, m.token_end)}
    ends = [s.last_token for s in doc.sentences]
    out: dict[int, tuple[int, str]] = {}
    for m in bare:
        k = bisect_right(ends, m.token_start)
        if k >= len(ends):
            continue
        first, end = doc.sentences[k].first_token, min(ends[k], m.token_end + FRONT_WINDOW)
        for i in range(m.token_end, end):
            if tokens[i].norm in RELATIVE_PRONOUNS:  # الفصائل التي تتدرب في تركيا: the place of another verb
                break
            if i in actors or reads(tokens[i], PLACE_WORDS):
                continue  # بمدينة حلب، وبريف دمشق: the place is the next word
            found = gazetteer.match_at(tokens, i)
            if found is None or found.end > ends[k] or found.item.demonym:
                continue
            after_word = reads(tokens[i - 1], FRONT_WORDS)
            if not after_word and (found.item.context_only or not found.lead.endswith("ب")):
                continue  # حماه alone: his protection
            if found.item.country:
                out[id(m)] = (first, found.item.country)
            break
    return out


