"""Clause heuristics of marsad.coding.arguments on hand-built tokens and mentions."""

from marsad.coding.conjuncts import same_actor
from marsad.document import ActorMention, Span, Token


def _tokens(words: list[str]) -> list[Token]:
    out, pos = [], 0
    for w in words:
        pre = "و" if w.startswith("وال") else ""
        out.append(Token(pos, pos + len(w), w, w[len(pre):], prefix=pre))
        pos += len(w) + 1
    return out


def _m(code: str, i: int, j: int, agent: str | None = "GOV", name: str | None = None) -> ActorMention:
    return ActorMention(span=Span(i, j, ""), code=code, agent=agent, name=name, token_start=i, token_end=j)


def test_same_actor_apposition_and_organisations():
    toks = _tokens(["زار", "وزير", "الخارجية", "الاستاذ", "عادل", "الجبير", "روما"])
    assert same_actor(_m("SAU", 1, 3), _m("SAU", 4, 6), toks)  # title الأستاذ between
    assert same_actor(_m("NSA:ISIS", 0, 1), _m("NSA:ISIS", 5, 6), toks)  # a group never acts on itself
    assert same_actor(_m("USA", 0, 1, name="Obama"), _m("USA", 5, 6, name="Obama"), toks)
    assert not same_actor(_m("SAU", 1, 3), _m("ITA", 6, 7), toks)


def test_same_actor_keeps_two_actors_of_one_state_apart():
    toks = _tokens(["ناشدت", "عائلات", "المحتجزين", "حكومة", "نتنياهو", "في", "غزة"])
    # VSO subject then object: different agents
    assert not same_actor(_m("ISR", 1, 3, agent="CVL"), _m("ISR", 3, 5), toks)
    toks = _tokens(["قصف", "الجيش", "السوري", "في", "ادلب", "المعارضة"])
    assert not same_actor(_m("SYR", 1, 3, agent="MIL"), _m("SYR", 5, 6, agent=None), toks)  # في between
    toks = _tokens(["هاجمت", "الميليشيات", "والقوات", "الحكومية"])
    assert not same_actor(_m("YEM", 1, 2, agent=None), _m("YEM", 2, 4, agent=None), toks)  # conjoined


def test_same_actor_one_state_agent_named_twice():
    toks = _tokens(["قصف", "الجيش", "الاسرائيلي", "غزه", "وقال", "جيش", "الاحتلال"])
    assert same_actor(_m("ISR", 1, 3, agent="MIL"), _m("ISR", 5, 7, agent="MIL"), toks)
    assert same_actor(_m("IRN", 0, 1), _m("IRN", 5, 6), toks)  # إيران … طهران (GOV)
    # a state's armed groups are separate actors (الحوثيون … المقاومة الشعبية)
    assert not same_actor(_m("YEM", 1, 2, agent="REB"), _m("YEM", 5, 7, agent="REB"), toks)


def test_doer_verbs_with_a_pronoun_for_the_act():
    from marsad.coding.clause_words import is_doer_verb

    toks = _tokens(["غارات", "شنتها", "الطائرات", "الهجوم", "الذي", "نفذه", "التنظيم", "قامت", "بها", "شن", "قدم"])
    assert [i for i in range(len(toks)) if is_doer_verb(toks, i)] == [1, 5, 7]  # a bare شن/قدم has no pronoun


def test_time_words_and_doer_stems_are_in_normalized_form():
    """Token keys are normalized: a word listed in another form never matches."""
    from marsad.coding.clause_words import DOER_STEMS, TIME_WORDS
    from marsad.text.normalize import normalize_text

    assert all(normalize_text(w) == w for w in TIME_WORDS | DOER_STEMS)


def test_relative_doer_of_a_nominal_act():
    from types import SimpleNamespace

    from marsad.coding.subject_of import relative_doer

    act = SimpleNamespace(end=1)  # the trigger is the first token
    toks = _tokens(["الغارات", "الجوية", "التي", "شنتها", "امس", "طائرات", "التحالف"])
    doer = _m("SAU", 5, 7)
    assert relative_doer(act, toks, [doer]) is doer  # adjective, time word and pronoun verb allowed
    toks = _tokens(["قصف", "المواقع", "التي", "يستخدمها", "الحوثيون"])
    assert relative_doer(act, toks, [_m("YEM", 4, 5)]) is None  # the clause belongs to المواقع
    toks = _tokens(["الهجوم", "الذي", "استهدف", "الجيش"])
    assert relative_doer(act, toks, [_m("ISR", 3, 4)]) is None  # no pronoun for the act: its object


def test_relatives_are_in_normalized_form():
    from marsad.coding.clause_words import LATELY
    from marsad.text.normalize import normalize_text
    from marsad.text.tokens import RELATIVE_PRONOUNS

    assert all(normalize_text(w) == w for w in RELATIVE_PRONOUNS | LATELY)


def test_subject_gap_after_a_negated_verb():
    """A trigger that opens with a negation (لا تستبعد ~ الخيار العسكري) has its subject gap
    after the verb, not after the particle."""
    from marsad.api_lib import code
    from marsad.coding.clause_words import VERB_PARTICLES
    from marsad.text.normalize import normalize_text

    assert all(normalize_text(w) == w for w in VERB_PARTICLES)
    events = code("ولا تستبعد فرنسا الخيار العسكري ضد إيران.").events
    assert [(e.root, e.source.code) for e in events] == [("13", "FRA")]


def test_mention_prefix_reads_the_clitics_before_a_bare_name():
    from marsad.api_lib import Coder
    from marsad.coding.conjuncts import mention_prefix

    doc = Coder().code("وجه الرئيس انتقادات لإيران ولمجلس الأمن وبإسرائيل وللولايات المتحدة", date="2015-08-01")
    got = {m.code: mention_prefix(doc.tokens, m) for m in doc.actors if m.code}
    # the tokenizer splits clitics only before the article (وللولايات); the span skips them on bare names
    assert got == {"IRN": "ل", "IGO:UN": "ول", "ISR": "وب", "USA": "ولل"}
