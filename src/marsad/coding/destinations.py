"""Where a visit or an act of aid goes, for the coder (:mod:`marsad.coding.coder`).

A visit (042/043) is hosted and aid (07) is received by the state of the place the act reaches when the clause
names no host or recipient: the town after إلى (:func:`aid_destination`, which the actor matcher does not read as
an actor; :func:`aid_target`, :func:`visit_host`), or the state of the embassy visited (:func:`visited_embassy`).
The place a traveller comes from and the vehicle he travels on are no side of the visit (:func:`journey_detail`),
and a protest before an embassy is against its state (:func:`embassy_mentions`).
"""

from __future__ import annotations

from marsad.coding.arguments import Args
from marsad.coding.clause_words import TIME_WORDS
from marsad.coding.confidence import Context
from marsad.coding.doers import VISIT_CODE
from marsad.coding.lexicon import TriggerMatch
from marsad.coding.pairs import HOST as HOST_CODE
from marsad.coding.subject_of import GIVING_ROOT
from marsad.document import ActorMention, Document, Event, Token
from marsad.text.tokens import candidates
from marsad.when_where.gazetteer import Gazetteer

# The head nouns of an embassy or consulate: a protest before one is against its state.
EMBASSY_NOUNS = frozenset({"سفاره", "قنصليه"})


def is_embassy(tokens: list[Token], m: ActorMention) -> bool:
    """Is the mention an embassy or a consulate (السفارة الروسية، سفارة إسرائيل، قنصلية المملكة)?"""
    return tokens[m.token_start].key in EMBASSY_NOUNS


def embassy_mentions(tokens: list[Token], sources: list[ActorMention]) -> list[ActorMention]:
    """The protest's would-be sources that are an embassy or a consulate (تظاهر العشرات أمام السفارة
    الروسية في كييف، أمام سفارة إسرائيل): the protest is against their state, the protesters are
    the place's people."""
    return [m for m in sources if is_embassy(tokens, m)]


# Roots whose acts arrive somewhere: aid (وصلت الطائرة الإغاثية السعودية إلى مطار عدن) goes to the
# state of the town it reaches, which the actor matcher does not read as an actor.
AID_ROOT = GIVING_ROOT
# How far after the trigger's first word the destination may be named (tokens).
DESTINATION_WINDOW = 14


def aid_destination(doc: Document, tm: TriggerMatch, lo: int, hi: int, gazetteer: Gazetteer,
                    sources: list[ActorMention], first: int | None = None) -> ActorMention | None:
    """The state of the first place named close after an act of aid with no named recipient (a town,
    an airport's city, a country in a locative phrase: إلى مطار عدن، في محافظة مأرب), when it is not
    the giver's own: an implied target.  :func:`visit_host` reads a visit's town with it, from token
    ``first`` on (past the visitor's own title)."""
    own = {m.code for m in sources} | {m.country for m in sources if m.country}
    tokens = doc.tokens
    # a nominal trigger may follow its verb and destination (وصلت إلى مطار عدن أمس طائرة إغاثية)
    start = max(lo, tm.start - 6) if "noun" in tm.pattern.flags else tm.start + 1
    start = start if first is None else max(start, first)
    for i in range(start, min(hi, tm.start + DESTINATION_WINDOW)):
        if i < tm.start and not _after_to(tokens, i):
            continue
        found = gazetteer.match_at(tokens, i)
        if found is None or found.state is None:
            continue
        if found.item.also_demonym and found.lead.lstrip("وف") in ("", "ال"):
            continue  # الطائرة السعودية: the adjective, not the country
        if found.item.country in own:
            return None
        span = doc.token_span(i, found.end)
        return ActorMention(span=span, code=found.item.country, agent=None, name=None, kind="implied",
                            token_start=i, token_end=found.end, country=found.item.country, implied=True)
    return None


def aid_target(ctx: Context, args: Args, sources: list[ActorMention], targets: list[ActorMention],
               gazetteer: Gazetteer | None) -> list[ActorMention]:
    """The targets of an act of aid: the state of the town it reaches (:func:`aid_destination`: إلى مطار
    عدن, which the actor matcher does not read) when no recipient is named, or only an actor further
    on (سفينة سعودية وصلت الى ميناء عدن، وكذا طائرة مساعدات إماراتية); else ``targets`` unchanged."""
    tm = ctx.tm
    if not sources or tm.pattern.cameo[:2] != AID_ROOT or gazetteer is None or (
            targets and args.target_how != "next_far"):
        return targets
    sent = ctx.doc.sentences[ctx.si]
    dest = aid_destination(ctx.doc, tm, sent.first_token, sent.last_token, gazetteer, sources)
    if dest is None or (targets and dest.token_start >= targets[0].token_start):
        return targets
    args.target_how = "destination"
    return [dest]


def visit_host(ctx: Context, args: Args, sources: list[ActorMention], targets: list[ActorMention],
               gazetteer: Gazetteer | None) -> list[ActorMention]:
    """The host of a visit whose clause names none: the state of the town the visitor goes to
    (ANNOTATION.md: the visitor → host 042; وصل العاهل الأردني إلى جدة، ووصل الملك سلمان إلى طنجة في
    زيارة خاصة, a town the actor matcher does not read), when it is not the visitor's own (a king's
    trip inside his kingdom is no visit); else ``targets`` unchanged."""
    tm = ctx.tm
    own = {m.code for m in sources}
    # an actor of the visitor's own state after it is the visitor named again (أمير قطر الشيخ تميم)
    if not sources or tm.pattern.cameo != VISIT_CODE or gazetteer is None or any(t.code not in own for t in targets):
        return targets
    sent = ctx.doc.sentences[ctx.si]
    # not the visitor's own title (وصل أمير قطر الشيخ تميم إلى جدة: قطر names the visitor)
    past = max((m.token_end for m in sources if m.token_start > tm.start), default=None)
    host = aid_destination(ctx.doc, tm, sent.first_token, sent.last_token, gazetteer, sources, past)
    if host is None or not _visited(ctx.doc.tokens, tm, host.token_start, past):
        return targets
    args.target_how = "destination"
    return [host]


def visit_direction(ctx: Context, sources: list[ActorMention], targets: list[ActorMention],
                    gazetteer: Gazetteer | None) -> tuple[list[ActorMention], list[ActorMention], bool]:
    """The sides of a visit turned round when the state the visit goes to is the chosen visitor's (Tunisia
    does not visit Germany in زيارة قامت بها وزيرة الدفاع الألمانية إلى تونس); else the sides unchanged.
    Where the visit goes is read by :func:`visit_goes_to`; the flag says whether it named one of the two
    sides, so that the direction is the text's (:func:`align_visits`)."""
    tm = ctx.tm
    if tm.pattern.cameo != VISIT_CODE or len(sources) != 1 or len(targets) != 1 or gazetteer is None:
        return sources, targets, False
    visitor, host = sources[0], targets[0]
    if len(visitor.code) != 3 or visitor.code == host.code:
        return sources, targets, False
    goes_to = visit_goes_to(ctx, (visitor.token_end, host.token_end), gazetteer)
    if goes_to == visitor.code:
        return targets, sources, True
    return sources, targets, goes_to == host.code


def align_visits(events: list[Event], told: set[int]) -> None:
    """The other asserted, current visits between two states an article tells the direction of take that
    direction: the same visit named again (وصل الجبير إلى الدوحة في زيارة رسمية … وقال إن الزيارة تأتي…),
    where nothing in its own sentence says who went where and the argument choice may have turned it round.
    A verb's subject is no safer (استقبل شي إردوغان coded the other way round); two visits the two ways in one
    article are rare among current ones (a recalled one is background and left alone).
    ``told``: ids of the events whose direction their sentence says (:func:`visit_direction`)."""
    sides: dict[frozenset[str], tuple[str, str]] = {}
    for ev in events:
        if id(ev) in told and ev.cameo == VISIT_CODE and ev.target is not None:
            sides.setdefault(frozenset((ev.source.code, ev.target.code)), (ev.source.code, ev.target.code))
    if not sides:
        return
    for ev in events:
        if id(ev) in told or ev.target is None or ev.cameo not in (VISIT_CODE, HOST_CODE) or ev.background \
                or ev.modality != "asserted":
            continue
        pair = sides.get(frozenset((ev.source.code, ev.target.code)))
        if pair is not None and ev.source.code != (pair[0] if ev.cameo == VISIT_CODE else pair[1]):
            ev.source, ev.target = ev.target, ev.source


# Words between a visit and the ل of where it goes (زيارة رسمية لمصر، الزيارة المرتقبة لروسيا)
_VISIT_QUALIFIERS = frozenset({"رسميه", "رسمي", "خاصه", "عمل", "دوله", "تاريخيه", "قصيره", "خاطفه", "مفاجيه",
                               "مرتقبه", "اخويه", "اولي", "مقبله"})
# Time words between a place and في + the visit (وصل إلى الدوحة اليوم في زيارة)
_WHEN = TIME_WORDS | {"غدا"}
_CLAUSE_MARKS = frozenset({",", "،", "؛", ";", ":", "."})
_LEAVE = frozenset({"غادر", "غادرت", "يغادر", "تغادر", "سيغادر", "ستغادر"})


def _li_at(tokens: list[Token], tm: TriggerMatch, i: int, ends: tuple[int | None, ...]) -> bool:
    """Can a place with the proclitic ل at token ``i`` be where the visit goes: right after the trigger, after
    a side ending at one of ``ends`` or after a qualifier of the visit (زيارته لمصر، زيارة سمو ولي العهد لمصر،
    زيارة رسمية لقطر), not after another noun, whose genitive it is (كرئيس للولايات المتحدة)?"""
    return i == tm.end or i in ends or tokens[i - 1].key in _VISIT_QUALIFIERS


def visit_goes_to(ctx: Context, ends: tuple[int, ...], gazetteer: Gazetteer) -> str | None:
    """The state a visit goes to, if the sentence says it where the trigger is:
    - a place after إلى just before في + the trigger (وصل إلى الدوحة اليوم في زيارة رسمية), or the object of
      غادر just before بعد + the trigger (غادر الأمير مصر بعد زيارة عمل: the place left was visited);
    - else the first place or actor named after إلى close after the trigger (زيارة قامت بها الوزيرة إلى تونس),
      or a place with the proclitic ل right after the trigger, after a mention ending at one of ``ends``
      (the chosen sides) or after a qualifier of the visit (زيارته لمصر، زيارة سمو ولي العهد لمصر، زيارة
      رسمية لقطر), before any comma.  A person or body after ل is the visitor in a genitive (زيارة للرئيس الصيني) and one
      after another noun is that noun's (كرئيس للولايات المتحدة، حبس الحكومة للصحافيين): neither counts."""
    tm, tokens = ctx.tm, ctx.doc.tokens
    sent = ctx.doc.sentences[ctx.si]
    lo, hi = sent.first_token, sent.last_token
    before = tokens[tm.start - 1].key if tm.start > lo else ""
    if before in ("في", "بعد"):
        j = tm.start - 2
        while j > lo and tokens[j].key in _WHEN:
            j -= 1
        for k in range(j, max(lo, j - 4) - 1, -1):
            found = gazetteer.match_at(tokens, k)
            if found is None or found.end != j + 1 or found.state is None:
                continue
            if before == "في" and _after_to(tokens, k):
                return found.state
            if before == "بعد" and not _after_to(tokens, k) and any(t.key in _LEAVE for t in tokens[lo:k]):
                return found.state
            break
    starts = {m.token_start: m.code for m in ctx.ments}
    for i in range(tm.end, min(hi, tm.start + DESTINATION_WINDOW)):
        if tokens[i].norm in _CLAUSE_MARKS:
            break  # الزيارة في الظروف الصعبة، مشيرا إلى أن التحالف: the visit's phrase has ended
        to = _after_to(tokens, i) and tokens[i - 1].key != "ان"
        at = _li_at(tokens, tm, i, ends)
        if not to and not at:
            continue
        found = gazetteer.match_at(tokens, i)
        lead = (tokens[i].prefix or (found.lead if found is not None else None) or "").lstrip("و")
        if not to and lead[:1] != "ل":
            continue
        if found is not None and found.state is not None:
            return found.state
        if to and i in starts:
            return starts[i]
    return None


# Words of coming from a place (وصل إلى عمان قادما من الرياض): the place after their من is where the traveller
# comes from, not where he goes (journey_detail).  Not عائدا من, returning from: that place was visited (وصل إلى القاهرة عائدا من
# موسكو بعد زيارة رسمية).
FROM_WORDS = frozenset({"قادما", "قادمه", "قادمين", "قادمون", "قادم"})


ABOARD_REACH = 3  # words between على متن and the nisba of the vehicle (على متن طائرة عسكرية سعودية)


def journey_detail(tokens: list[Token], i: int) -> bool:
    """Is the mention at token ``i`` the place a traveller comes from (قادما من الرياض: من right before it) or the
    vehicle he travels on (وصل بحاح إلى عدن على متن طائرة سعودية), neither of them a side of his visit?"""
    if i >= 2 and tokens[i - 1].key == "من" and any(k in FROM_WORDS for _, k in candidates(tokens[i - 2].norm)):
        return True
    return any(tokens[j].key == "متن" and tokens[j - 1].key == "علي" for j in range(max(1, i - ABOARD_REACH), i))


def visited_embassy(ctx: Context, sources: list[ActorMention]) -> ActorMention | None:
    """The embassy or consulate a visit goes to, whose state is the host (زار الوزير سفارة الإمارات في
    لندن: ARE, not Britain where it stands; the visitor's own embassy makes the visit domestic, no event:
    زار وزير الخارجية سفارة المملكة في روما): the first actor named after the trigger that is not a
    source, when it is one; else None."""
    tm = ctx.tm
    if not sources or tm.pattern.cameo != VISIT_CODE:
        return None
    first = next((m for m in ctx.ments if m.token_start >= tm.end and all(m is not s for s in sources)), None)
    return first if first is not None and is_embassy(ctx.doc.tokens, first) else None


# Words between a verb of visiting and the town it names (زار مدينة جدة، وصل إلى محافظة العلا).
TOWN_WORDS = frozenset({"مدينه", "محافظه", "منطقه", "العاصمه", "عاصمه", "ميناء", "مطار"})


def _visited(tokens: list[Token], tm: TriggerMatch, i: int, subject_end: int | None) -> bool:
    """Is the place at token ``i`` where the visit goes: after إلى (وصل الملك إلى طنجة), with the
    proclitic ل (زيارة لمصر), or the object of the visit verb, right after it or after its subject
    (ending at ``subject_end``), a town word allowed between (زار جدة، زار الوزير مدينة جدة); not a place
    named further on (زار مقر اللجنة بجوازات جازان: where the office is)."""
    if _after_to(tokens, i) or tokens[i].prefix.lstrip("و")[:1] == "ل" and _li_at(tokens, tm, i, (subject_end,)):
        return True
    j = i
    if j > 0 and tokens[j - 1].key in TOWN_WORDS:
        j -= 1
    return j in (tm.end, subject_end)


def _after_to(tokens: list[Token], i: int) -> bool:
    """Is the place at token ``i`` where a phrase with إلى ends (إلى عدن، إلى مطار عدن الدولي)?"""
    return any(j >= 0 and tokens[j].key == "الي" for j in (i - 1, i - 2))
