"""An event's modality, background and attribution from the cues around its trigger.

:func:`apply_cues` reads the cue functions (:mod:`marsad.coding.cues`) at the trigger: a negated, hypothetical
or future act, one embedded under a verb whose complement has not happened (an appeal, a threat, a denial),
background, and who reports it.  A planned act is coded as the intent or the threat that was expressed
(:func:`future_code`, ANNOTATION.md), a future speech act is the act itself.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.actors.groupings import expand_groupings
from marsad.coding import cues as cue_fns
from marsad.coding.cameo import CameoTable, recode
from marsad.coding.cue_data import COMPLEMENTIZERS
from marsad.coding.lexicon import TriggerMatch
from marsad.coding.pairs import VISIT_FLAGS
from marsad.document import ActorMention, Document, Event

# Governing verbs whose complement is an act that has not happened ("دعا إلى وقف إطلاق النار",
# "هدد بشن هجوم", "نفى قصف"): the act is not asserted (the governing verb is coded itself).
# A planned or announced act is coded as the intent (03x) or the threat (13x), not as the act
# (ANNOTATION.md): "سيلتقي" → 036, "تعتزم إرسال مساعدات" → 033, "سنشن هجوما" → 138.
FUTURE_CODES = {
    "0841": "0353", "0871": "0356", "085": "0354", "086": "0355", "061": "0311", "062": "0312",
    "063": "0313", "064": "0314", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "04": "036", "05": "030", "06": "031", "07": "033", "08": "035", "14": "133", "15": "138",
    "16": "131", "17": "137", "18": "138", "19": "138", "20": "138",
}


# Verbal acts whose future form is already the act (a threat, a promise, an appeal, a demand).
SPEECH_ACT_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})


def future_code(cameo: str) -> str | None:
    """The intent/threat code for a planned act of code ``cameo`` (None: keep as not asserted)."""
    return FUTURE_CODES.get(cameo) or FUTURE_CODES.get(cameo[:3]) or FUTURE_CODES.get(cameo[:2])


# Governing verbs whose complement has not happened: appeals, threats, plans, denials, rejections
# (رفض نشر قوات), warnings, a postponed or cancelled act, a hope, an aim (بهدف) and an act to
# prevent (لمنع).
UNREALISED = frozenset({"appeal", "demand", "threat", "intent", "deny", "reject", "warn", "postpone", "hope", "purpose",
                        "prevent"})
# Of those, the ones under which even a future act (a time adverb: الشهر المقبل) is no intent of its actor.
UNINTENDED = frozenset({"hope", "deny", "postpone", "prevent"})
# A decision (قرر) carries out a material or coercive act it names by its verbal noun (قررت الجزائر منع أفراد الجيش
# من السفر: 172, قررت الحكومة صرف تعويضات: 071, قررت روسيا العودة إلى استخدام السلاح: 154; so the train gold codes
# them); an act of another root (قررت القيادة إجراء اتصالات: 036) is the intent to do it, as is an act in an أن clause
# (قررت روسيا أن تدعم اليونان: 0331, the class "intent" in embedding.tsv).
DECIDE = "decide"
DECIDED_ACT_ROOTS = frozenset({"07", "15", "16", "17"})


def apply_cues(doc: Document, si: int, tm: TriggerMatch, events: list[Event], two_sided: bool,
               sources: list[ActorMention], cues, cameo: CameoTable, attributions: Callable[[], list]
               ) -> list[Event]:
    """Set the events' modality, background and attribution; a planned act becomes the intent or
    threat expressed (:func:`future_code`).  Returns the events that are the other side of a
    planned visit or of a planned two-sided act with a named partner (``two_sided``): the intent is
    the subject's (``sources``) alone (أعلن شتاينماير أنه سيزور المملكة: DEU > SAU 036, not SAU > DEU;
    سيجري المبعوث محادثات مع الحكومة: the envoy's), as the train gold codes 15 of its 17 planned
    meetings and visits; the caller marks them not asserted once their features are taken.  ``cues``: the
    loaded cue lists (None: no cues, nothing set); ``attributions``: the sentence's attributions, when needed."""
    if cues is None or not events:
        return []
    at = tm.start
    modality = cue_fns.modality(cues, doc, si, at)
    if modality == "asserted" and (late := embedded_act(doc.tokens, tm)) is not None \
            and cue_fns.modality(cues, doc, si, late) == "future":
        at, modality = late, "future"  # أكد أن إيران ستواصل دعم سوريا: the support is to come
    if modality in ("asserted", "future"):
        under = cue_fns.embedded_under(cues, doc, si, tm.start)
        if under == DECIDE:
            under = None if tm.pattern.cameo[:2] in DECIDED_ACT_ROOTS else "intent"
        if under in UNREALISED and (modality == "asserted" or under in UNINTENDED):
            # a future act that others deem likely, deny or put off (رجحت مصادر أن يلتقي الوزيران
            # الشهر المقبل) is no intent of its actor; under a threat or warning it stays one (138)
            modality = "future" if under == "intent" else "hypothetical"
    background = cue_fns.is_background(cues, doc, si, tm.start)
    reported = attributions()
    # "سترد بقوة" is the threat itself (an intent, appeal or demand too), not one planned or expected
    planned, expected = cue_fns.future_cues(cues, doc, si, at) if modality == "future" else (False, False)
    said = modality == "future" and not planned
    # من المتوقع أن تفتح تركيا القاعدة: what others expect is no intent the actor expressed
    to_recode = modality == "future" and "noun" not in tm.pattern.flags and not expected
    hosts = []
    if to_recode and (two_sided or tm.pattern.flags & VISIT_FLAGS):
        subjects = {m.code for m in expand_groupings(sources)}
        hosts = [ev for ev in events if ev.source.code not in subjects]
    for ev in events:
        ev.modality = modality
        if said and ev.root in SPEECH_ACT_ROOTS:
            ev.modality = "asserted"
        elif to_recode and (code := future_code(ev.cameo)):
            recode(ev, cameo.get(code))  # the intent or threat expressed, asserted
            ev.modality = "asserted"
        ev.background = background
        ev.reported_by = [a for a in reported if a.span is None or ev.source.span != a.span]
    return hosts


def embedded_act(tokens: list, tm: TriggerMatch) -> int | None:
    """The token of the act a statement pattern names in a clause its gap opens with a complementizer
    (:data:`cue_data.COMPLEMENTIZERS`: أكد ~ دعم read over أكد ظريف أن إيران ستواصل دعم: the token of
    دعم), whose own modality (the future ستواصل before it) is the event's; None when no gap holds one."""
    if not tm.gaps or not any(tokens[i].norm in COMPLEMENTIZERS for a, b in tm.gaps for i in range(a, b)):
        return None
    return tm.end - 1
