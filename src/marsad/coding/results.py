"""An attack told first, then its toll: غارة … أسفرت عن مقتل عشرة مدنيين، ما أدى إلى استشهاد…،
هجوم أوقع 12 قتيلا، قصف خلف قتلى.

The victims after a ``result`` verb and its toll word (resources/cues/tolls.tsv) are the attack's
target when its clause names none (:meth:`ResultCache.victims`), and an event of the toll word
sourced by one of the victims folds into the attack (:func:`fold_results`).  The toll-then-attack
constructions are :mod:`marsad.coding.victims`'.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.coding.cameo import CameoTable, recode
from marsad.coding.conjuncts import same_actor
from marsad.coding.lexicon import TriggerMatch
from marsad.coding.memo import SentenceMemo
from marsad.coding.victims import ATTACK_ROOTS, PUNCT, STOP, bare, toll_words
from marsad.document import ActorMention, Document, Event, Token
from marsad.text.reporting_words import reporting_words

_RESULT_SPAN = 5  # words from a result verb (أسفر، أدى) to its toll word (عن مقتل، إلى استشهاد، 27 قتيلا)
_VICTIM_SPAN = 10  # words after the toll word where its victims are named
_CAUSE_SPAN = 15  # words from an attack's trigger to the result verb that tells its toll
# Fighting told between an act and a result verb is what the toll belongs to (سيطرت على مواقع بعد
# معارك أسفرت عن مقتل…): clashes are no attack (symmetric), but the toll is theirs
_CLASHES = frozenset({"معارك", "معركه", "مواجهات", "مواجهه", "اشتباكات", "اشتباك", "قتال"})


@dataclass(slots=True)
class Result:
    """A toll told after its attack (غارة … أسفرت عن مقتل عشرة مدنيين، ما أدى إلى استشهاد…، هجوم أوقع
    12 قتيلا، قصف خلف قتلى، تفجير راح ضحيته…): the result verb, its toll word and the victims."""

    cue: int  # token of the result verb
    toll: int  # token of its toll word
    victims: list[ActorMention] = field(default_factory=list)


def results(tokens: list[Token], ments: list[ActorMention], lo: int, hi: int) -> list[Result]:
    """The attack-then-toll constructions of sentence ``[lo, hi)``: a ``result`` verb of
    resources/cues/tolls.tsv with a ``result_toll`` word at most :data:`_RESULT_SPAN` words after
    it (أسفر عن سقوط 27 قتيلا; خلف الكواليس has none); the victims are the actors after the toll word
    in its clause, before an attack it names (ما أدى إلى مقتل خمسة جنود في هجوم شنه X is a toll
    frame of its own, see :func:`marsad.coding.victims.frames`)."""
    w = toll_words()
    ends = reporting_words().victims_end  # وفق، بحسب، قال: … من القتلى وفق تقارير الأمم المتحدة
    out: list[Result] = []
    for i in range(lo, hi):
        if not bare(tokens[i]) & w["result"]:
            continue
        toll = next((j for j in range(i + 1, min(i + 1 + _RESULT_SPAN, hi))
                     if bare(tokens[j]) & (w["result_toll"] | w["death"])), None)
        if toll is None:
            continue
        lim = min(toll + 1 + _VICTIM_SPAN, hi)
        end = next((k for k in range(toll + 1, lim) if tokens[k].norm in PUNCT or tokens[k].key in STOP
                    or tokens[k].key in w["attack_prep"] or tokens[k].key in ends
                    or bare(tokens[k]) & w["attack"]), lim)
        out.append(Result(i, toll, [m for m in ments if toll <= m.token_start < end]))
    return out


def result_after(found: list[Result], tokens: list[Token], start: int, end: int) -> Result | None:
    """The result that tells the toll of the attack whose trigger is tokens ``[start, end)``: the
    first result verb after it, at most :data:`_CAUSE_SPAN` words on, with no clause break of
    :data:`STOP` (بينما، لكن…) nor other fighting (:data:`_CLASHES`: بعد معارك أسفرت عن…) between."""
    r = next((r for r in found if r.cue >= end), None)
    if r is None or r.cue - end > _CAUSE_SPAN:
        return None
    if any(tokens[k].norm in STOP or tokens[k].key in STOP or bare(tokens[k]) & _CLASHES for k in range(end, r.cue)):
        return None
    return r


def fold_results(found: list[Result], by_trigger: list[tuple[TriggerMatch, list[Event]]], tokens: list[Token],
                 cameo: CameoTable) -> None:
    """An event of a result's toll word (أسفرت عن مقتل عشرة مدنيين) whose source is one of the
    victims, when the attack told before it is an event of the sentence: the victims are killed,
    not killers, so it takes the attack event's sides and code (one event with the attack: the
    train gold codes the attack only)."""
    for r in found:
        att = [ev for tm, made in by_trigger if tm.end <= r.cue and result_after(found, tokens, tm.start, tm.end) is r
               for ev in made if ev.root in ATTACK_ROOTS]
        if not att or not r.victims:
            continue
        head = att[-1]
        for tm, made in by_trigger:
            if not (r.cue <= tm.start <= r.toll or tm.start <= r.toll < tm.end):
                continue
            for ev in made:
                if ev.root in ATTACK_ROOTS and any(ev.source is v or same_actor(ev.source, v, tokens) for v in r.victims):
                    ev.source, ev.target = head.source, head.target
                    recode(ev, cameo.get(head.cameo))


def sentence_results(doc: Document, si: int, ments: list[ActorMention]) -> list[Result]:
    """:func:`results` of sentence ``si`` (``ments``: its actor mentions)."""
    sent = doc.sentences[si]
    return results(doc.tokens, ments, sent.first_token, sent.last_token)


class ResultCache:
    """The results (:func:`results`) of the sentence last asked about, found once per sentence, and
    what the coder asks of them."""

    def __init__(self) -> None:
        self.memo: SentenceMemo[list[Result]] = SentenceMemo(sentence_results)

    def of(self, doc: Document, si: int, ments: list[ActorMention]) -> list[Result]:
        return self.memo.get(doc, si, ments)

    def victims(self, doc: Document, si: int, ments: list[ActorMention], tm: TriggerMatch,
                sources: list[ActorMention], targets: list[ActorMention]) -> list[ActorMention]:
        """The victims of the toll told after the attack ``tm`` (غارة … أسفرت عن مقتل عشرة مدنيين),
        not its sources, when the clause named no other target; else none."""
        res = result_after(self.of(doc, si, ments), doc.tokens, tm.start, tm.end)
        hit = [v for v in res.victims if all(v is not s for s in sources)] if res is not None else []
        return hit if not targets else []

    def fold(self, doc: Document, si: int, ments: list[ActorMention],
             by_trigger: list[tuple[TriggerMatch, list[Event]]], cameo: CameoTable) -> None:
        """:func:`fold_results` on the sentence's events (``by_trigger``) when one is an attack."""
        if any(ev.root in ATTACK_ROOTS for _, made in by_trigger for ev in made):
            fold_results(self.of(doc, si, ments), by_trigger, doc.tokens, cameo)
