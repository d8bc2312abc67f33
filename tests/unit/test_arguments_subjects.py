"""Subjects a clause does not name as an actor (marsad.coding.arguments): a statement noun, the
pronoun of a complementizer, the first clause's subject, a relative clause without الذي, and the
speaker of a sentence, on hand-built tokens and mentions."""

from token_sites import mention
from token_sites import word_tokens as _tokens

from marsad.coding.arguments import find_args
from marsad.coding.lexicon import Pattern, TriggerMatch
from marsad.coding.subjects import speaker
from marsad.document import ActorMention


def _m(code: str, i: int, j: int, text: str = "", kind: str = "state") -> ActorMention:
    return mention(code, i, j, kind=kind, text=text)


def _pattern(cameo: str, flags: frozenset[str] = frozenset()) -> Pattern:
    return Pattern(words=(frozenset({"x"}),), cameo=cameo, flags=flags, preps=frozenset(), source="test")


def test_statement_after_the_verb_is_its_subject():
    # ودعا البيان الحكومة التركية إلى العودة: the government is whom the statement calls on
    toks = _tokens(["ودعا", "البيان", "الحكومه", "التركيه", "الي", "العوده"])
    args = find_args(TriggerMatch(0, 1, _pattern("020")), toks, [_m("TUR", 2, 4)], 0, len(toks))
    assert not args.sources and args.source_how == "statement"
    assert [t.code for t in args.targets] == ["TUR"]


def test_statement_before_the_verb_is_its_subject():
    # أن المذكرة طالبت البعثة الأممية بإجراء تحقيق
    toks = _tokens(["ان", "المذكره", "طالبت", "البعثه", "الامميه", "باجراء"])
    args = find_args(TriggerMatch(2, 3, _pattern("100")), toks, [_m("IGO:UN", 3, 5)], 0, len(toks))
    assert not args.sources and args.source_how == "statement"
    assert [t.code for t in args.targets] == ["IGO:UN"]


def test_statement_after_a_preposition_is_no_subject():
    # رحبت مصر بالبيان: the statement is the object
    toks = _tokens(["رحبت", "مصر", "بالبيان"])
    args = find_args(TriggerMatch(0, 1, _pattern("051")), toks, [_m("EGY", 1, 2)], 0, len(toks))
    assert [s.code for s in args.sources] == ["EGY"]


def test_pronoun_of_the_complementizer_is_the_frame_subject():
    # أعلنت الحكومة الألمانية أنها استقبلت الرئيس الفرنسي: Germany hosts, France is the guest
    toks = _tokens(["اعلنت", "الحكومه", "الالمانيه", "انها", "استقبلت", "الرئيس", "الفرنسي"])
    ments = [_m("DEU", 1, 3), _m("FRA", 5, 7)]
    args = find_args(TriggerMatch(4, 5, _pattern("043")), toks, ments, 0, len(toks))
    assert [s.code for s in args.sources] == ["DEU"] and args.source_how == "pronoun"
    assert [t.code for t in args.targets] == ["FRA"]


def test_later_clause_shares_the_first_clause_subject():
    # أعرب الاتحاد الأوروبي عن قلقه إزاء العنف بين الجيش والمقاتلين، وطالب بوقف العنف
    toks = _tokens(["اعرب", "الاتحاد", "الاوروبي", "عن", "قلقه", "ازاء", "العنف", "بين", "الجيش", "والمقاتلين",
                    ",", "وطالب", "بوقف", "العنف"])
    ments = [_m("IGO:EU", 1, 3, kind="igo"), _m("TUR", 8, 9, kind="agent"), _m("TUR", 9, 10, kind="agent")]
    args = find_args(TriggerMatch(11, 12, _pattern("100")), toks, ments, 0, len(toks))
    assert [s.code for s in args.sources] == ["IGO:EU"] and args.source_how == "main"


def test_dual_verb_keeps_the_last_actor():
    # ... مع نظيره الأمريكي، بحثا خلاله: two parties, not the first clause's subject alone
    toks = _tokens(["اتصل", "الرئيس", "المصري", "بنظيره", "الامريكي", ",", "بحثا", "خلاله", "الاوضاع"])
    ments = [_m("EGY", 1, 3), _m("USA", 3, 5, "نظيره الامريكي")]
    args = find_args(TriggerMatch(6, 7, _pattern("040")), toks, ments, 0, len(toks))
    assert args.source_how == "svo_far"


def test_indefinite_act_takes_a_relative_clause_without_alladhi():
    # هجمات يشنها التنظيم على مواقعها: the group wages the attacks
    toks = _tokens(["تواجه", "الحكومه", "هجمات", "يشنها", "التنظيم", "علي", "مواقعها"])
    ments = [_m("AFG", 1, 2, kind="agent"), _m("NSA:ISIS", 4, 5, kind="group")]
    args = find_args(TriggerMatch(2, 3, _pattern("190", frozenset({"noun"}))), toks, ments, 0, len(toks))
    assert [s.code for s in args.sources] == ["NSA:ISIS"] and args.source_how == "rel_doer"


def test_speaker_is_never_whom_it_is_said_to():
    # وقال لافروف لنظيره الأمريكي إن…
    toks = _tokens(["وقال", "لافروف", "لنظيره", "الامريكي", "ان"])
    ments = [_m("RUS", 1, 2, "لافروف", kind="person"), _m("USA", 2, 4, "نظيره الامريكي", kind="agent")]
    assert speaker(toks, ments, 0, 4).code == "RUS"


def test_actor_after_an_is_not_the_speaker():
    # وأضاف أن الحوثيين…: the actor after أن is the inner clause's
    toks = _tokens(["واضاف", "ان", "الحوثيين", "يجب"])
    assert speaker(toks, [_m("YEM", 2, 3, "الحوثيين", kind="group")], 0, 3) is None


def test_participle_after_a_dropped_speaker_has_no_subject_in_its_sentence():
    # وأضاف أن الحوثيين يجب أن ينسحبوا، مطالبا إيران بوقف تدخلها: the speaker before, not the Houthis
    toks = _tokens(["واضاف", "ان", "الحوثيين", "يجب", "ان", "ينسحبوا", ",", "مطالبا", "ايران", "بوقف"])
    ments = [_m("YEM", 2, 3, "الحوثيين", kind="group"), _m("IRN", 8, 9, "ايران")]
    args = find_args(TriggerMatch(7, 8, _pattern("100")), toks, ments, 0, len(toks))
    assert not args.sources and args.source_how == "participle_dropped"
    assert [t.code for t in args.targets] == ["IRN"]
