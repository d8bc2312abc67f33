"""The events stage: triggers + arguments → coded events with CAMEO/PLOVER.

For each sentence the trigger lexicon is matched over the tokens; each trigger
gets sources and targets from :mod:`marsad.coding.arguments`, and one event is
made per (source, target) pair (both directions for symmetric actions,
042/043 for visits).  Codes are looked up in the CAMEO table for Goldstein,
QuadClass and PLOVER.  Modality, background, attribution and quantities come
from :mod:`marsad.coding.cues` when it is available (:mod:`marsad.coding.event_modality`); the arguments a
clause does not name (the claimer of an attack, the two sides of a dual, the state at home) from
:mod:`marsad.coding.implicit`; the argument model's choice among the candidates from :mod:`marsad.coding.choice`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from marsad.coding import cues as cue_fns
from marsad.coding.addressee import PARTIES_REACH, collective_addressee, parties_addressed
from marsad.coding.argrank import ArgRanker, Candidate
from marsad.coding.arguments import Args, find_args
from marsad.coding.article_pass import armed_states, dedupe, rescue_roots
from marsad.coding.cameo import CameoTable
from marsad.coding.charges import ACCUSE_CODE, argument_cut, kept_arguments
from marsad.coding.choice import NO_RANK, RANK_DOMESTIC, STATEMENT, rank
from marsad.coding.condemned import (
    CONDEMN_ROOT,
    CONDEMNED_ROOTS,
    condemned_args,
    condemned_attack,
    condemned_target,
    retold_attack,
)
from marsad.coding.confidence import (
    Context,
    EventFilter,
    actor_shares,
    add_article_features,
    event_features,
)
from marsad.coding.destinations import (
    aid_target,
    align_visits,
    embassy_mentions,
    journey_detail,
    visit_direction,
    visit_host,
    visited_embassy,
)
from marsad.coding.doer_bars import FORCE_ROOTS, Bars, doer_bars, unbarred
from marsad.coding.doers import VISIT_CODE
from marsad.coding.event_modality import apply_cues
from marsad.coding.exposed import EXPOSED_ROOTS, PLACE_HOWS, exposed_args
from marsad.coding.governed import governed_place
from marsad.coding.implicit import (
    claimed_by,
    fallback_targets,
    home_of,
    implied,
    party_referents,
    places_by_sentence,
    stance_args,
    subject_is_dual,
    town_places,
    unheld_home,
    unnamed_source,
)
from marsad.coding.lexicon import TriggerLexicon, TriggerMatch, find_triggers
from marsad.coding.members import member_target
from marsad.coding.memo import SentenceMemo
from marsad.coding.mirror import event_key, mirrored
from marsad.coding.outlets import object_outlets
from marsad.coding.pairs import (
    SIDELINES_WORD,
    doer_code,
    event_pairs,
    member_pairs,
    no_event,
    sport_article,
    sport_drops,
    tag_line,
    talks_sides,
)
from marsad.coding.protest import PROTEST_ROOT, crowd_protest, protest_arguments
from marsad.coding.results import ResultCache
from marsad.coding.subject_of import relative_doer
from marsad.coding.subjects import goes_on, quote_marks, running_speaker
from marsad.coding.topic import domestic_drops
from marsad.coding.victims import (
    ATTACK_ROOTS,
    UNNAMED,
    Frame,
    fold_tolls,
    sentence_frames,
    toll_args,
)
from marsad.coding.voice import own_doer
from marsad.document import ActorMention, Document, Event, Span
from marsad.text.tokens import candidates, clitic_length
from marsad.when_where.gazetteer import Gazetteer

# Roots of attacks whose doer may be named by a claim of responsibility (see claims.py), and the
# clause heuristics' ways of finding a source that a claim overrides (none, or an actor far away).
CLAIM_ROOTS = frozenset({"18", "19"})
CLAIM_OVERRIDES = frozenset({"none", "noun_far", "svo_far"})
@dataclass(slots=True)
class EventStage:
    lexicon: TriggerLexicon = field(default_factory=TriggerLexicon)
    cameo: CameoTable = field(default_factory=CameoTable)
    cues: object | None = None  # marsad.coding.cues.Cues when available
    filter: EventFilter | None = None  # the trained confidence model
    ranker: ArgRanker | None = None  # the trained argument model (None: clause heuristics only)
    places: Gazetteer | None = None  # where aid arrives (a town is no actor): see destinations.aid_target
    collect: list | None = None  # when a list: argument candidates are recorded here (training)
    _attrs: SentenceMemo[list] = field(default_factory=lambda: SentenceMemo(_attributions), repr=False)
    _frames: SentenceMemo[list[Frame]] = field(default_factory=lambda: SentenceMemo(sentence_frames), repr=False)
    _results: ResultCache = field(default_factory=ResultCache, repr=False)  # attack-then-toll (victims.py)
    name: str = "events"
    requires: tuple[str, ...] = ("tokens", "sentences", "actors")
    provides: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        tokens = doc.tokens
        readings = self.lexicon.readings(tokens)
        coded = [m for m in doc.actors if m.code and is_argument(m)]
        outlets = [m for m in doc.actors if m.code and m.kind == "media"]  # see outlets.py
        places = town_places(doc, self.places, places_by_sentence(doc))
        events: list[Event] = []
        at: dict[int, tuple[int, int, int]] = {}  # event → sentence, trigger's first token, its end
        told: set[int] = set()  # visits whose direction the text says (destinations.visit_direction)
        topic: list[ActorMention] = []
        chain: list[ActorMention] = []  # the running speaker (قال X … وأضاف …)
        marks = 0  # quotation marks before the sentence
        shares = actor_shares(coded, len(doc.sentences))
        for si, sent in enumerate(doc.sentences):
            doc.check_deadline()
            lo, hi = sent.first_token, sent.last_token
            ments = [m for m in coded if lo <= m.token_start < hi]
            located = [m for m in doc.actors if m.locative and m.code and lo <= m.token_start < hi]
            triggers = [] if tag_line(doc, si) else find_triggers(self.lexicon, tokens, lo, hi, readings)
            here = [m for m in outlets if lo <= m.token_start < hi]
            by_trigger = []
            # the speaker a chain of sentences carries, and whether this sentence goes on with his words
            # (subjects.py); an odd count of quotation marks so far: it opens inside a quotation
            quoted = marks % 2 == 1
            goes = goes_on(tokens, ments, lo, hi, quoted)
            on = bool(chain) and goes
            for tm in triggers:
                obj = governed_place(doc.tokens, tm, located, ments) if located else None
                media = object_outlets(tokens, tm, here, ments, hi) if here else []
                tm_ments = ments if obj is None and not media else sorted(
                    [*ments, *([obj] if obj else []), *media], key=lambda m: m.token_start)
                ctx = Context(doc, si, tm, tm_ments, topic, coded, len(triggers), places, shares, chain=chain,
                              chain_on=on, told_visits=told)
                made = self._events(ctx)
                if media and any(ev.source.kind == "media" for ev in made):
                    # an outlet is only ever the object (outlets.py)
                    ctx = ctx.with_ments([m for m in tm_ments if all(m is not x for x in media)])
                    made = self._events(ctx)
                for ev in made:
                    at[id(ev)] = (si, tm.start, tm.end)  # for the quantities of the kept events
                events.extend(made)
                by_trigger.append((tm, made))
            if (found := self._frames.held(doc, si)) is not None:
                fold_tolls(found, by_trigger, self.cameo)
            self._results.fold(doc, si, ments, by_trigger, self.cameo)  # غارة … أسفرت عن مقتل…
            chain = running_speaker(tokens, ments, lo, hi, chain, goes)
            marks += quote_marks(tokens, lo, hi)
            if ments:
                topic = [ments[0]]
        align_visits(events, told)  # the same visit named again: the direction told (destinations.py)
        if events and sport_article(tokens):  # a match report's meetings and attacks (pairs.sport_article)
            bounds = [(doc.sentences[at[id(ev)][0]].first_token, doc.sentences[at[id(ev)][0]].last_token)
                      for ev in events]
            drops = sport_drops([ev.cameo[:2] for ev in events], bounds, tokens)
            events = [ev for ev, drop in zip(events, drops, strict=True) if not drop]
        if events:  # one state's public life: its notices, demands and receptions (topic.py)
            drops = domestic_drops([(ev.source.code, ev.target.code if ev.target else None) for ev in events],
                                   [ev.cameo[:2] for ev in events], coded, tokens, len(doc.sentences))
            events = [ev for ev, drop in zip(events, drops, strict=True) if not drop]
        add_article_features(events, shares)
        floor = 0.0
        if self.filter is not None:
            floor = self.filter.threshold
            for ev in events:
                ev.confidence = self.filter.score(ev.features)
        events = dedupe(events)
        if self.filter is not None:
            confs = mirrored([event_key(e) for e in events], [e.confidence for e in events])
            for ev, conf in zip(events, confs, strict=True):
                ev.confidence = conf  # both directions of a two-sided act together (mirror.py)
            rescue_roots(self.filter, events)
            self._floor_crowds(doc, events, at, floor)
        # below the model's threshold an event is never output: later stages (quantities, places,
        # dates) only work on the kept ones
        doc.events = [e for e in events if e.confidence >= floor]
        armed_states(doc.events)
        self._add_quantities(doc, at)
        return doc

    def _floor_crowds(self, doc: Document, events: list[Event], at: dict[int, tuple[int, int, int]],
                      floor: float) -> None:
        """Protests told with a crowd (مئات المتظاهرين) reach the threshold: the model cannot learn them
        (:func:`marsad.coding.protest.crowd_protest`)."""
        if self.cues is None:
            return
        for ev in events:
            if ev.confidence < floor:
                si, start, end = at[id(ev)]
                if crowd_protest(ev, doc.tokens, end,
                                 lambda si=si, start=start: cue_fns.quantities(self.cues, doc, si, start)):
                    ev.confidence = floor

    def _add_quantities(self, doc: Document, at: dict[int, tuple[int, int, int]]) -> None:
        """Quantities of the events the confidence model kept (``at``: event → sentence, trigger tokens)."""
        if self.cues is None:
            return
        found: dict[tuple[int, int], list] = {}
        for ev in doc.events:
            where = at[id(ev)][:2]
            if where not in found:
                found[where] = cue_fns.quantities(self.cues, doc, *where)
            ev.quantities = list(found[where])

    def _events(self, ctx: Context) -> list[Event]:
        doc, si, tm = ctx.doc, ctx.si, ctx.tm
        tokens = doc.tokens
        sent = doc.sentences[si]
        lo, hi = sent.first_token, sent.last_token
        pat = tm.pattern
        if (cut := argument_cut(tokens, tm, ctx.ments, hi)) is not None:
            # اتهمت الحكومة شخصا بالتخابر مع إيران: the actors of the charge are no arguments (charges.py)
            named = {m.code for m in ctx.ments if m.token_start < cut}
            ctx = replace(ctx, ments=kept_arguments(ctx.ments, cut, hi, named),
                          coded=kept_arguments(ctx.coded, cut, hi, named))
        if pat.cameo == VISIT_CODE:
            # وصل الوزير الأردني إلى عمان قادما من الرياض، وصل بحاح إلى عدن على متن طائرة سعودية: the place a
            # traveller comes from and the vehicle he travels on are no side of his visit
            ctx = replace(ctx, ments=[m for m in ctx.ments if not journey_detail(tokens, m.token_start)])
        bars = self._bars(ctx)
        args = find_args(tm, tokens, ctx.ments, lo, hi,
                         own_doer=pat.cameo[:2] in OWN_DOER_ROOTS and own_doer(doc, tokens[tm.start]))
        if bars.tellers and any(bars.barred(s) for s in args.sources):
            # قال المرصد إن طائرات حربية قصفت: the heuristics' doer tells the act; they choose again without who
            # tells it, as neither its doer nor its target (doer_bars.py)
            ctx = ctx.with_ments([m for m in ctx.ments if all(m is not t for t in bars.tellers)])
            args = find_args(tm, tokens, ctx.ments, lo, hi,
                             own_doer=pat.cameo[:2] in OWN_DOER_ROOTS and own_doer(doc, tokens[tm.start]))
        sources, targets = args.sources, args.targets
        symmetric = "sym" in pat.flags
        if pat.cameo[:2] == PROTEST_ROOT and (embassy := embassy_mentions(tokens, sources)):
            # تظاهر العشرات أمام السفارة الروسية في كييف: against Russia, by the town's people (implicit)
            sources = [m for m in sources if all(m is not e for e in embassy)]
            targets, args.target_how = embassy, "protest"
            args.source_how = args.source_how if sources else UNNAMED
        if pat.cameo[:2] in CONDEMNED_ROOTS and (noun := retold_attack(tokens, tm, ctx.ments, lo)) is not None \
                and relative_doer(replace(tm, start=noun, end=noun + 1), tokens,
                                  [m for m in ctx.ments if m.token_start >= tm.start - 1]) is None:
            # في حادث التفجير الذي استهدف مسجدا: the relative verb retells the attack noun, whose event stands for
            # it; استنكرت الدائرة العمل الإرهابي الذي استهدف مسجدا: a condemned attack no one is named doing is
            # no event of its own (condemned.retold_attack)
            return []
        condemned = pat.cameo[:2] in CONDEMNED_ROOTS and not symmetric and condemned_attack(tokens, tm, ctx.ments, lo)
        if condemned:  # أدانت الإمارات التفجير: the condemner is no doer (condemned.py)
            sources, targets = condemned_args(tokens, tm, args, sources, targets)
        sources, targets, frame = self._attack_args(ctx, args, sources, targets, symmetric)
        if bars.air:
            if (air := unbarred(bars, (ctx.tm.start, ctx.tm.end), sources, targets, ctx.ments)) is None:
                return []  # عشرات المتمردين لقوا مصرعهم في غارات جوية: no air force named to do it (doer_bars.py)
            sources, targets = air
        if condemned and not sources:
            # أدانت الإمارات التفجير الذي استهدف مسجدا في أبها: an attack that no one is named doing, told
            # as what is condemned, is no event of its own (train gold: none of its 9 condemnations of an
            # attack codes the attack from the same sentence)
            return []
        if "stance" in pat.flags:
            sources, targets = stance_args(ctx, args)
        elif not args.agent and "passive" not in pat.flags:
            sources, targets = subject_is_dual(tokens, tm.start, hi, args, sources, targets, symmetric)  # ودعا الوزيران إيران
        parties = "passive" not in pat.flags and parties_addressed(tokens, tm.start, pat.words[0], ctx.ments, hi)
        if not sources and "passive" not in pat.flags and args.source_how != UNNAMED:
            statement = args.source_how == STATEMENT
            sources, targets, symmetric = unnamed_source(ctx, args, targets, symmetric, use_dual=not parties)
            if statement and sources:
                args.source_how = STATEMENT  # its issuer: kept by the argument model (see choice.rank)
            if bars.air:  # the speaker or the topic
                if (air := unbarred(bars, (ctx.tm.start, ctx.tm.end), sources, targets, ctx.ments)) is None:
                    return []
                sources, targets = air
            if not sources and bars.tellers:
                # أفادت وسائل إعلام غينية بأن وحدات من الجيش احتجزت الرئيس: no other doer named; as for an unnamed
                # attacker, the state where it is told, the reporter's (doer_bars.py)
                sources = bars.fallback()
        if (embassy := visited_embassy(ctx, sources)) is not None:
            if embassy.code in {s.code for s in sources}:
                return []  # زار الوزير سفارة بلاده في روما: a visit to one's own embassy is domestic
            targets, args.target_how = [embassy], "next"
        if not args.paired:  # the sides of a symmetric act act on each other (arguments.each_other)
            sources, targets = fallback_targets(ctx, args, sources, targets)
        if cut is not None and not targets and sources and pat.cameo.startswith(ACCUSE_CODE) and len(sources[0].code) == 3:
            # اتهم الادعاء البريطاني رجلا بالتآمر: an unnamed accused is of the accuser's own state
            targets, args.target_how = [home_of(sources[0], pat.cameo, None)], "domestic"
        targets = aid_target(ctx, args, sources, targets, self.places)  # إلى مطار عدن: Yemen
        targets = visit_host(ctx, args, sources, targets, self.places)  # وصل الملك إلى طنجة: Morocco
        # the arguments of an attack reported as a toll are not re-ranked: in the train gold its victims
        # and its doer mostly share a state code (TUR > TUR), so the model cannot learn which one acts
        if (self.ranker is not None or self.collect is not None) and sources and args.source_how not in NO_RANK \
                and frame is None and args.target_how != "victims":
            # a condemned attack's doer is chosen among the actors named after it (condemned.py)
            rctx = replace(ctx, ments=[m for m in ctx.ments if m.token_start >= tm.end], topic=[],
                           _speaker=None) if condemned else ctx
            sources, targets = rank(rctx, args, sources, targets, bars, self._choose)
        # زيارة وزيرة الدفاع الألمانية إلى تونس: the state the visit goes to is the host (destinations.py)
        sources, targets, told = visit_direction(ctx, sources, targets, self.places)
        if bars.air and sources and all(bars.barred(s) for s in sources):
            return []  # an air strike with no air force named to do it (doer_bars.py)
        if sources and (mem := member_target(tokens, ctx.ments, pat.cameo[:2], tm.end, hi, sources)) is not None:
            # القبض على 400 عنصر ينتمون إلى تنظيم داعش: the group is the object named after the act
            targets, args.target_how = [mem], "next"
        if pat.cameo[:2] == CONDEMN_ROOT and sources and all(t.implied or t.code == sources[0].code for t in targets):
            # أدانت الإمارات التفجير الذي استهدف مسجدا في أبها: the doer named, else the place's state
            who, is_place = condemned_target(doc, tm, ctx.ments, ctx.places[si], hi, self.places)
            if who is not None:
                targets, args.target_how = ([implied(who, None)], "implied") if is_place else ([who], "next")
        if parties and sources and (two := self._parties(ctx, sources)):
            # دعا الأمين العام الطرفين إلى ضبط النفس: the two sides named before (addressee.py)
            targets, symmetric, args.target_how = two, False, "parties"
        if pat.cameo[:2] == PROTEST_ROOT:  # تظاهروا تنديدا بالغارات التركية: against Turkey (protest.py)
            sources, targets, args.target_how = protest_arguments(
                tokens, ctx.ments, tm.start, lo, hi, sources, targets, args.target_how, doc.token_span)
        if sources and pat.cameo[:2] in EXPOSED_ROOTS and (hit := exposed_args(
                tokens, ctx.ments, tm.start, tm.end, lo, sources, args.agent,
                targets[0] if targets and args.target_how in PLACE_HOWS else None)):
            sources, targets = hit  # تعرضت القنصلية لاعتداء: the victim is the target
        addressed = bool(sources) and collective_addressee(pat.cameo[:2], tokens, tm.start, sources, ctx.ments, hi)
        if addressed:
            targets, args.target_how = [], "addressee"  # دعا المجتمع الدولي إلى…: no actor addressed
        if tokens[tm.end - 1].key == SIDELINES_WORD:
            # التقى نظيره الأمريكي على هامش الاجتماعات السنوية لرابطة آسيان: the body named after على هامش holds
            # the meetings, the venue; it is not whom the act is with (pairs.sidelines_of)
            targets = [t for t in targets if t.implied or t.token_start < tm.end]
            if not targets:
                return []
        if args.target_how == RANK_DOMESTIC and sources and unheld_home(pat.cameo[:2], sources[0]):
            return []  # أعلنت الوزارة ... وطالبت: the model's own-state target of an official's words (implicit.py)
        if (sides := talks_sides(pat, tokens, sources, targets)) is None:
            return []  # زيارة لبحث مواجهة تنظيم داعش: the group is the talks' topic, no side (pairs.talks_sides)
        sources, targets = sides
        if no_event(pat, tokens, tm.start, tm.end, lo, hi, sources, targets, args.source_how, addressed, args.paired):
            return []  # a BLOCK row, an appeal to one's staff, a match (pairs.no_event)
        evidence = doc.span(tokens[lo].start, tokens[hi - 1].end)
        trigger = _trigger_span(doc, tm)
        out = [self._event(s, t, doer_code(code, s, pat.flags), trigger, evidence, si)
               for s, t, code in member_pairs(event_pairs(pat, sources, targets, symmetric, tokens))]
        hosts = apply_cues(doc, si, tm, out, symmetric and bool(targets), sources, self.cues, self.cameo,
                           lambda: self._attribution(doc, si))
        for ev in out:
            ev.features = event_features(ctx, ev, args)
        if told and ctx.told_visits is not None:
            ctx.told_visits.update(id(ev) for ev in out)
        for ev in hosts:
            ev.modality = "future"  # after its features: the confidence model was trained on it asserted
        return out

    @staticmethod
    def _parties(ctx: Context, sources: list[ActorMention]) -> list[ActorMention]:
        """The two sides a "two sides" object names: :func:`marsad.coding.implicit.party_referents` over
        the actors of the trigger's sentence and the PARTIES_REACH - 1 before it, up to the trigger."""
        lo = ctx.doc.sentences[max(0, ctx.si - PARTIES_REACH + 1)].first_token
        return party_referents([m for m in ctx.coded if lo <= m.token_start and m.token_end <= ctx.tm.start], sources)

    def _attack_args(self, ctx: Context, args: Args, sources: list[ActorMention], targets: list[ActorMention],
                     symmetric: bool) -> tuple[list[ActorMention], list[ActorMention], Frame | None]:
        """An attack's arguments from a toll told before it (:mod:`marsad.coding.victims`), else from a
        claim of responsibility when the clause names no doer near it (:mod:`marsad.coding.claims`),
        and a toll told after it (the victims as target); with the toll-then-act frame, if any."""
        root = ctx.tm.pattern.cameo[:2]
        frame = self._frame(ctx) if root in ATTACK_ROOTS and not symmetric else None
        if frame is not None:
            sources, targets = toll_args(frame, args, lambda: claimed_by(ctx))
        elif root in CLAIM_ROOTS and args.source_how in CLAIM_OVERRIDES and not args.agent:
            who = claimed_by(ctx)
            if who is not None:
                sources, args.source_how = [who], "claim"
                targets = [t for t in targets if t.code != who.code]
                args.target_how = args.target_how if targets else "none"
        if frame is None and root in ATTACK_ROOTS and not symmetric \
                and (hit := self._results.victims(ctx.doc, ctx.si, ctx.ments, ctx.tm, sources, targets)):
            targets, args.target_how = hit, "victims"  # as in a toll frame (not re-ranked)
        return sources, targets, frame

    def _frame(self, ctx: Context) -> Frame | None:
        """The toll-then-act frame (:mod:`marsad.coding.victims`) whose toll verb or attack noun is the
        trigger (the sentence's frames are found once)."""
        tm = ctx.tm
        found = self._frames.get(ctx.doc, ctx.si, ctx.ments)
        return next((f for f in found if f.verb == tm.start), None) or next(
            (f for f in found if tm.start <= f.attack < tm.end or f.names_attack(tm.start)), None)

    def _choose(self, ctx: Context, role: str, cands: list[Candidate], args: Args) -> Candidate | None:
        """The argument model's choice (its score goes to ``args`` for the confidence model)."""
        if self.collect is not None:
            self.collect.append((ctx, role, cands))
        if self.ranker is None:
            return None
        best, p = self.ranker.best(cands)
        if role == "s":
            args.source_p = p
        else:
            args.target_p = p
        return best

    def _event(self, s: ActorMention, t: ActorMention | None, code: str, trigger: Span,
               evidence: Span, si: int) -> Event:
        c = self.cameo.get(code)
        return Event(source=s, target=t, cameo=code, trigger=trigger, evidence=evidence,
                     goldstein=c.goldstein, quad=c.quad, plover_type=c.plover_type,
                     plover_mode=c.plover_mode, sentence=si)

    def _bars(self, ctx: Context) -> Bars:
        """The mentions of the trigger's sentence that cannot do its act (doer_bars.py)."""
        told = [a.span for a in self._attribution(ctx.doc, ctx.si) if a.span is not None] \
            if self.cues is not None and ctx.tm.pattern.cameo[:2] in FORCE_ROOTS else []
        return doer_bars(ctx.tm.pattern.cameo, ctx.ments, told)

    def _attribution(self, doc: Document, si: int) -> list:
        """The sentence's attributions, computed once per sentence of the current document."""
        return self._attrs.get(doc, si, self.cues)

# Roots of stances whose verbal noun's pronoun suffix is the one who takes the stance (تقديره، ترحيبها،
# اتهامه، رفضهم): appreciation, welcome, support (05), criticism and accusation (11) and rejection (12).
# For material acts and meetings the suffix is as often the one acted on (اعتقاله، استقباله، توقيفهما:
# arresting, receiving him): read so for every root, 22 triples changed on unseen news, mostly for the
# worse, and a right visit was lost on the training set.
OWN_DOER_ROOTS = frozenset({"05", "11", "12"})


def is_argument(m: ActorMention) -> bool:
    """Mentions that can be a source or target: not places, not news outlets (an outlet is the object of
    an act only where :func:`marsad.coding.outlets.object_outlets` finds it so)."""
    return not m.locative and m.kind != "media"


def _attributions(doc: Document, si: int, cues) -> list:
    """The attributions of sentence ``si`` (:func:`marsad.coding.cues.attribution`)."""
    return cue_fns.attribution(cues, doc, si)


def _trigger_span(doc: Document, tm: TriggerMatch) -> Span:
    """The trigger's raw span, without proclitics on its first word (وقصفت → قصفت)."""
    toks = doc.tokens
    first = toks[tm.start]
    slot = tm.pattern.words[0]
    lead = next((clitic_length(p) for p, k in candidates(first.norm)
                 if k in slot or (len(k) > 1 and k[0] == "س" and k[1:] in slot)), 0)
    return doc.span(first.start + lead, toks[tm.end - 1].end)
