"""The doer of an air strike (CAMEO 195) is an air force: a state's or an alliance's.

The clause heuristics and the argument model sometimes make the struck side the source of an air
strike (وذكرت مصادر أن عشرات المتمردين لقوا مصرعهم في غارات جوية: the rebels; قتل 20 متمردا من ميليشيات
الحوثي في قصف لطيران التحالف: the militia), or the one who reports it (قال المرصد إن 173 مدنيا قتلوا جراء
هذه الغارات). Rebels, civilians, monitors and the like fly no aircraft; every air strike of the train
and dev gold has a MIL source of a state or an IGO. :func:`air_doers` gives such a strike the air force
its sentence names nearest to the trigger, else drops it. Guided munitions (1951) and drones (1952)
are left alone: non-state groups use those.
"""

from __future__ import annotations

from marsad.document import ActorMention

AIR_STRIKE = "195"
# Agents that fly no aircraft of their own (rebels, opposition, civilians, NGOs, media, business, clergy ...).
# A state code with no agent (طائرات أمريكية), GOV (غارات أمر بها الرئيس), MIL and POL stay possible doers.
GROUNDED_AGENTS = frozenset({"REB", "OPP", "CVL", "NGO", "MED", "BUS", "REL", "REF"})
# Non-state sides that are hit by air strikes: moved to the target when the strike has none.
ARMED_AGENTS = frozenset({"REB"})
NISBA_REACH = 1  # a state's nisba right after the strike noun, or one word on (غارة إسرائيلية، الغارات الجوية الروسية)


def grounded(m: ActorMention) -> bool:
    """Can this actor not be the doer of an air strike (a non-state group, or a grounded agent)?"""
    return m.code.startswith("NSA:") or (m.agent or "") in GROUNDED_AGENTS


def air_doers(cameo: str, trigger: tuple[int, int], ments: list[ActorMention], sources: list[ActorMention],
              targets: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """The (sources, targets) of an air strike whose every source is grounded: the MIL actor of the
    sentence (``ments``) nearest to the ``trigger`` tokens ``[start, end)``, or the state a nisba right
    after them names (وأفاد المرصد بأن الغارات الروسية أصابت…: RUS), becomes the source, and an armed
    non-state source the target when none is named; None when the sentence names no such doer (no
    event). Any other trigger, or a strike with a possible doer, keeps its arguments."""
    if cameo != AIR_STRIKE or not sources or not all(grounded(s) for s in sources):
        return sources, targets
    start, end = trigger
    forces = [m for m in ments if not grounded(m) and not m.implied and (
        m.agent == "MIL" or (m.agent is None and m.kind == "demonym" and end <= m.token_start <= end + NISBA_REACH))]
    if not forces:
        return None
    doer = min(forces, key=lambda m: min(abs(m.token_start - start), abs(m.token_end - 1 - start)))
    targets = [t for t in targets if t is not doer and t.code != doer.code]
    if not targets:
        targets = [s for s in sources if s.code.startswith("NSA:") or s.agent in ARMED_AGENTS][:1]
    return [doer], targets
