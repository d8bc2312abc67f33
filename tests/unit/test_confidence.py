"""Features of the event confidence model: article-level ones and where the arguments stand."""

from marsad.coding.confidence import actor_shares, add_article_features, mention_place
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Event, Span


def mention(code: str, at: int = 0) -> ActorMention:
    return ActorMention(span=Span(at, at + 1, "x"), code=code, token_start=at, token_end=at + 1)


def event(src: str, tgt: str | None, cameo: str) -> Event:
    span = Span(0, 1, "x")
    return Event(source=mention(src), target=mention(tgt) if tgt else None, cameo=cameo, trigger=span,
                 evidence=span)


def test_article_features_describe_salience_and_repeated_triples():
    coded = [mention("USA", i) for i in range(6)] + [mention("IRN", 7)] + [mention(c, 9 + i) for i, c in
                                                                           enumerate("ABCDEFGHIJKLM")]
    evs = [event("USA", "IRN", "111"), event("USA", "IRN", "112"), event("IRN", None, "190")]
    add_article_features(evs, actor_shares(coded, 6))
    a, b, c = (e.features for e in evs)
    assert a["src_share=<=35"] == 1.0 and a["tgt_share=<=5"] == 1.0  # 6 of 20 mentions; 1 of 20
    assert a["trip_n=<=2"] == 1.0 and b["trip_n=<=2"] == 1.0  # same (source, target, root)
    assert c["trip_n=<=1"] == 1.0 and not any(k.startswith("tgt_share") for k in c)


def test_short_documents_get_no_article_features():
    evs = [event("USA", "IRN", "111")]
    add_article_features(evs, actor_shares([mention("USA"), mention("IRN", 3)], 1))
    assert evs[0].features == {}


def test_mention_place_says_how_far_an_argument_was_found():
    tm = TriggerMatch(10, 13, None, gaps=((11, 12),))  # type: ignore[arg-type]  # a V ~ N pattern
    sentence = (5, 30)
    assert mention_place(mention("USA", 9), tm, *sentence) == "near"  # right before the verb
    assert mention_place(mention("USA", 11), tm, *sentence) == "inside"  # in the gap (أجرى الوزير اتصالا)
    assert mention_place(mention("IRN", 16), tm, *sentence) == "near"  # three words after
    assert mention_place(mention("IRN", 17), tm, *sentence) == "far"
    assert mention_place(mention("IRN", 5), tm, *sentence) == "far"
    assert mention_place(mention("SAU", 2), tm, *sentence) == "other_sentence"  # the topic or a speaker
    implied = ActorMention(span=Span(0, 0, ""), code="SYR", implied=True)
    assert mention_place(implied, tm, *sentence) == "implied"


def test_unscored_target_is_no_doubtful_target():
    """A notarget pattern's target (a protest: the state where it happens) is not scored by the
    argument model: its features say so (tgt_p=none) instead of reading as a low score."""
    from marsad.document import Article
    from marsad.stages import build_pipeline

    pipeline = build_pipeline(errors="raise")  # no time budget: the first article loads the models
    stage = next(s for s in pipeline.stages if s.name == "events")
    stage.filter = None  # keep every candidate, with its features
    doc = pipeline(Article(id="t", text="تظاهر مئات الآلاف من الإسرائيليين في تل أبيب احتجاجا على خطة الحكومة."))
    protest = [e for e in doc.events if e.root == "14"]
    assert protest and all("tgt_p=none" in e.features for e in protest)
    assert not any(k.startswith("tgt_p=<=") for e in protest for k in e.features)


def test_untargeted_protest_target_is_by_design():
    """A protest's target is the state where it happens by design (also when the protesters are known
    only by the place): its features do not read as an implied or same-country target found by mistake."""
    from marsad.document import Article
    from marsad.stages import build_pipeline

    pipeline = build_pipeline(errors="raise")  # no time budget: the first article loads the models
    stage = next(s for s in pipeline.stages if s.name == "events")
    stage.filter = None
    doc = pipeline(Article(id="t", text="قطع محتجون غاضبون الطرق الرئيسية في بيروت احتجاجا على انقطاع الكهرباء."))
    protest = [e for e in doc.events if e.cameo == "144"]
    assert protest and all((e.source.code, e.target and e.target.code) == ("LBN", "LBN") for e in protest)
    f = protest[0].features
    assert f["tgt_how=by_design"] == 1.0 and f["tgt_kind=by_design"] == 1.0
    assert "same_code" not in f and not any(k.startswith("tgt_at=") for k in f)


def test_quadclass_of_the_lede_is_a_feature():
    """The event's QuadClass crossed with its sentence's place in the article (lede, next two,
    later): a feature every root shares, so rare roots get the lede's weight too."""
    from marsad.document import Article
    from marsad.stages import build_pipeline

    pipeline = build_pipeline(errors="raise")  # no time budget: the first article loads the models
    stage = next(s for s in pipeline.stages if s.name == "events")
    stage.filter = None
    text = ("شنت الطائرات السعودية غارات على مواقع الحوثيين في صعدة. وقال المتحدث إن العملية مستمرة. "
            "وأضاف أن الأهداف عسكرية. وأشار إلى أن الطقس كان جيدا. وأدان وزير الخارجية الإيراني الغارات السعودية.")
    doc = pipeline(Article(id="t", text=text))
    lede = [e for e in doc.events if e.root == "19" and e.target is not None and e.target.code == "YEM"]
    late = [e for e in doc.events if e.root == "11"]
    assert lede and all(e.features.get("quad=4|sent=<=0") == 1.0 for e in lede)
    assert late and all(e.features.get("quad=3|sent=>2") == 1.0 for e in late)


def test_pair_feature_marks_the_minority_arguments_of_a_root():
    coded = [mention("TUR", i) for i in range(4)] + [mention("NSA:ISIS", 5), mention("SYR", 6), mention("USA", 7)]
    evs = [event("NSA:ISIS", "TUR", "183"), event("NSA:ISIS", "TUR", "180"), event("TUR", "SYR", "1831"),
           event("USA", "TUR", "111")]
    for e, quad in zip(evs, (4, 4, 4, 3), strict=True):
        e.quad = quad
    add_article_features(evs, actor_shares(coded, 6))
    a, b, c, d = (e.features for e in evs)
    assert a["pair=top|quad=4"] == 1.0 and b["pair=top|quad=4"] == 1.0  # the attack as most often told
    assert c["pair=minor|quad=4"] == 1.0  # the same attack with other arguments (a retelling)
    assert d["pair=only|quad=3"] == 1.0  # the root's one pair
