"""Who cannot do an act: one constraint on a trigger's source candidates, set before the clause heuristics
and the argument model choose among them.

Two kinds of actor named in a sentence never do what it tells, by the act's root:

- **A reporter that tells an act of force** (roots 15, 17-20). Reporters coded through an agent word
  (وكالة الأنباء اليمنية، وسائل إعلام هندية) and bodies that monitor and report (المرصد السوري، منظمة العفو
  الدولية) are arguments like any other actor, but when the sentence attributes its content to one of them
  (it overlaps the name of one of the sentence's attributions) it tells the act: in قال المرصد إن طائرات
  حربية قصفت… or وأشار بيان المنظمة إلى أن نيران الهاون قتلت… the doer is another actor or none. Such a
  teller is no source candidate of the argument model, and when the clause heuristics make it the doer
  they choose again without it, as neither doer nor target (:attr:`Bars.tellers`).
  When the sentence names no other doer (أفادت وسائل إعلام غينية بأن وحدات احتجزت الرئيس), the act is
  the state's where it is told, the reporter's, as for an unnamed attacker; none for a body of no state.
- **An agent that flies no aircraft, for an air strike** (195): rebels, civilians, monitors, media and the
  like (:func:`grounded`). The clause heuristics sometimes make the struck side the doer (وذكرت مصادر أن
  عشرات المتمردين لقوا مصرعهم في غارات جوية; قتل 20 متمردا من ميليشيات الحوثي في قصف لطيران التحالف):
  every air strike of the train and dev gold has a MIL source of a state or an IGO. A grounded actor may
  be struck (it stays a target candidate, and an armed one becomes the target when the strike has none),
  never strike (:attr:`Bars.grounded`). When the heuristics' doer is grounded, the air force the sentence
  names nearest to the trigger takes its place (:func:`air_force`); with none named, and no other doer
  left once the argument model has chosen, the strike is no event. Guided munitions (1951) and drones
  (1952) are left alone: non-state groups use those.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.coding.implicit import implied
from marsad.document import ActorMention, Span

# Roots of acts of force (military posture, coercion, assault, fight, mass violence) that no outlet,
# journalist or civil-society body does, and the agents of those reporters.
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
REPORTER_AGENTS = frozenset({"MED", "NGO"})
AIR_STRIKE = "195"
# Agents that fly no aircraft of their own (rebels, opposition, civilians, NGOs, media, business, clergy ...).
# A state code with no agent (طائرات أمريكية), GOV (غارات أمر بها الرئيس), MIL and POL stay possible doers.
GROUNDED_AGENTS = frozenset({"REB", "OPP", "CVL", "NGO", "MED", "BUS", "REL", "REF"})
# Non-state sides that are hit by air strikes: moved to the target when the strike has none.
ARMED_AGENTS = frozenset({"REB"})
NISBA_REACH = 1  # a state's nisba right after the strike noun, or one word on (غارة إسرائيلية، الغارات الجوية الروسية)


def is_reporter(m: ActorMention) -> bool:
    """Is ``m`` a named outlet, journalist or civil-society body (agent MED or NGO)?"""
    return not m.implied and m.agent in REPORTER_AGENTS


def grounded(m: ActorMention) -> bool:
    """Can this actor not be the doer of an air strike (a non-state group, or a grounded agent)?"""
    return m.code.startswith("NSA:") or (m.agent or "") in GROUNDED_AGENTS


@dataclass(slots=True)
class Bars:
    """The mentions of a trigger's sentence that cannot do its act (see the module docstring)."""

    tellers: list[ActorMention] = field(default_factory=list)  # tell an act of force: no party to it
    air: bool = False  # an air strike: no grounded actor does it, wherever the heuristics found it

    def __bool__(self) -> bool:
        return bool(self.tellers) or self.air

    def barred(self, m: ActorMention | None) -> bool:
        """Can ``m`` not be the act's source?"""
        return m is not None and ((self.air and grounded(m)) or any(m is t for t in self.tellers))

    def armed(self, sources: list[ActorMention]) -> list[ActorMention]:
        """Of barred would-be sources of an air strike, the one it is done to when it names no target."""
        return [s for s in sources if self.air and grounded(s)
                and (s.code.startswith("NSA:") or s.agent in ARMED_AGENTS)][:1]

    def fallback(self) -> list[ActorMention]:
        """The doer when no other is named: the state of the first teller of a state (implied, no agent)."""
        return [implied(t, None) for t in self.tellers if len(t.code) == 3][:1]


def doer_bars(cameo: str, ments: list[ActorMention], told: list[Span]) -> Bars:
    """Who cannot do an act of code ``cameo``: the reporters of ``ments`` that overlap a span of ``told``
    (the names of the sentence's attributions) for an act of force, any grounded actor for an air strike."""
    root = cameo[:2]
    tellers = [m for m in ments if is_reporter(m) and any(m.span.start < t.end and t.start < m.span.end
                                                          for t in told)] if root in FORCE_ROOTS else []
    return Bars(tellers, cameo == AIR_STRIKE)


def air_force(trigger: tuple[int, int], ments: list[ActorMention]) -> ActorMention | None:
    """The air force nearest to the strike's trigger tokens ``[start, end)``: a MIL actor of the sentence
    (``ments``), or the state a nisba right after the trigger names (وأفاد المرصد بأن الغارات الروسية
    أصابت…: RUS); None when the sentence names none."""
    start, end = trigger
    forces = [m for m in ments if not grounded(m) and not m.implied and (
        m.agent == "MIL" or (m.agent is None and m.kind == "demonym" and end <= m.token_start <= end + NISBA_REACH))]
    if not forces:
        return None
    return min(forces, key=lambda m: min(abs(m.token_start - start), abs(m.token_end - 1 - start)))


def unbarred(bars: Bars, trigger: tuple[int, int], sources: list[ActorMention], targets: list[ActorMention],
             ments: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """The (sources, targets) of an air strike without the sources that fly no aircraft; when none of them flies
    any, the air force named nearest to the trigger (token range ``trigger``, among ``ments``) is the source (not
    a target), and an armed non-state would-be doer the target when none is left; None (no event) when the
    sentence names no air force."""
    kept = [s for s in sources if not bars.barred(s)]
    if kept or not sources:
        return kept, targets
    if (doer := air_force(trigger, ments)) is None:
        return None
    return [doer], [t for t in targets if t is not doer and t.code != doer.code] or bars.armed(sources)
