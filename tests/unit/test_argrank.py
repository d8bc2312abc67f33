"""The argument model: candidates around a trigger and the choice among them."""

import json
from datetime import date

import pytest

from marsad.actors.stage import ActorStage
from marsad.coding.argrank import ArgRanker, Candidate
from marsad.coding.coder import EventStage
from marsad.coding.doer_bars import AIR_STRIKE, grounded


def triples(doc):
    return sorted((e.source.code, e.target.code if e.target else "-", e.cameo) for e in doc.events)


@pytest.fixture()
def collected(test_lexicons, make_doc):
    actors_lex, trig_lex = test_lexicons

    def run(text):
        doc = make_doc(text, date=date(2019, 3, 25))
        ActorStage(actors_lex)(doc)
        stage = EventStage(trig_lex, collect=[])
        stage(doc)
        return doc, stage.collect

    return run


def test_ranker_picks_the_highest_scoring_candidate(tmp_path):
    p = tmp_path / "m.json"
    p.write_text(json.dumps({"weights": {"bias": -1.0, "a": 2.0, "b": -3.0}}), encoding="utf-8")
    r = ArgRanker(p)
    cands = [Candidate(None, {"b": 1.0}, "none"), Candidate(None, {"a": 1.0}, "x"), Candidate(None, {}, "y")]
    assert r.best(cands)[0].how == "x"
    assert r.score({"a": 1.0}) == pytest.approx(1 / (1 + 2.718281828459045 ** -1.0))
    assert r.best([])[0] is None


def test_candidates_cover_the_sentence_and_never_target_the_source(collected):
    doc, groups = collected("وقال وزير الخارجية الروسي إن الجيش الإسرائيلي قصف مواقع حماس قرب مصر.")
    assert groups, "the trigger was not seen"
    for ctx, role, cands in groups:
        if role == "s":
            # all but the actors that cannot do the act (doer_bars.py: Hamas flies no aircraft)
            able = {m.code for m in doc.actors if m.code and not m.locative
                    and not (ctx.tm.pattern.cameo == AIR_STRIKE and grounded(m))}
            assert {c.mention.code for c in cands if c.mention is not None} >= able
            assert sum(1 for c in cands if c.features.get("s:chosen=True")) == 1
        else:
            assert any(c.how == "none" for c in cands)
            src = next(g for g in groups if g[0] is ctx and g[1] == "s")
            chosen = next(c.mention for c in src[2] if c.features.get("s:chosen=True"))
            assert all(c.mention is not chosen for c in cands)


def test_packaged_model_keeps_clear_cases(test_lexicons, make_doc):
    actors_lex, trig_lex = test_lexicons
    doc = make_doc("أجرى وزير الخارجية الأمريكي مايك بومبيو محادثة هاتفية مع وزير الخارجية الروسي سيرجي لافروف.",
                   date=date(2019, 3, 25))
    ActorStage(actors_lex)(doc)
    EventStage(trig_lex, ranker=ArgRanker())(doc)
    assert triples(doc) == [("RUS", "USA", "041"), ("USA", "RUS", "041")]


def test_candidates_carry_actor_salience_only_in_long_articles(collected):
    one = "قصف الجيش الإسرائيلي مواقع حماس."
    _, short = collected(one)
    assert short and not any(k.split("=")[0].endswith(":share") for _, _, cs in short for c in cs
                             for k in c.features)
    _, long = collected(" ".join([one] * 4))
    shares = {k for _, _, cs in long for c in cs if c.mention is not None for k in c.features
              if k.split("=")[0].endswith(":share")}
    assert shares and all(k.split("=")[1].startswith(("<=", ">")) for k in shares)


def test_prep_words_are_in_normalized_form():
    """Token keys are normalized (على → علي، إلى → الي): a word listed in another form never matches."""
    from marsad.coding.argrank import PREP_WORDS
    from marsad.text.normalize import normalize_text

    assert all(normalize_text(w) == w for w in PREP_WORDS)


def test_candidates_mark_the_speaker_and_the_doer(collected):
    def features(text):
        return [(role, c.mention.code, c.features) for _, role, cs in collected(text)[1] for c in cs
                if c.how == "mention"]

    said = features("وقال وزير الخارجية الروسي إن الجيش الإسرائيلي قصف مواقع حماس.")
    assert [code for role, code, f in said if f.get(f"{role}:is_speaker")] == ["RUS", "RUS"]  # source and target
    doer = features("وأدانت روسيا الهجوم الذي شنه الجيش الإسرائيلي على غزة.")
    assert {code for role, code, f in doer if f.get(f"{role}:after_doer")} == {"ISR"}
    bombing = features("وأدانت روسيا القصف الذي شنه الجيش الإسرائيلي على غزة.")
    assert {code for role, code, f in bombing if f.get(f"{role}:rel_doer")} == {"ISR"}  # القصف الذي شنه X


def test_context_targets_for_an_act_whose_sentence_names_no_other_actor(collected):
    def context(text):
        return [c for _, role, cs in collected(text)[1] if role == "t" for c in cs
                if c.how in ("ctx_topic", "article_top")]

    text = "وقالت حماس إن إسرائيل تواصل الحصار. وقصف الجيش الإسرائيلي أمس مواقع في المنطقة."
    assert {c.mention.code for c in context(text)} == {"PSE"}  # never the source's own code
    assert not context("قصف الجيش الإسرائيلي مواقع حماس.")  # the sentence names the other side
    assert not context("وقالت حماس إن إسرائيل تواصل الحصار. ودعت إسرائيل إلى الهدوء.")  # an appeal
    # a condemnation, rejection or threat is aimed at the side named before as often as an attack is
    # (طالبت واشنطن بكين بوقف… لكن بكين رفضت)
    assert {c.mention.code for c in context("وقالت حماس إن إسرائيل تواصل الحصار. وأدانت إسرائيل البيان.")} == {"PSE"}



@pytest.mark.parametrize("words,at,expect", [
    (["وادانت", "الجامعه", "القصف"], 2, True),  # أدانت الجامعة القصف: the verb before the actor
    (["الجامعه", "نددت", "بالقصف"], 2, True),  # الجامعة نددت بالقصف: between the actor and the act
    (["اعربت", "الجامعه", "عن", "ادانتها", "للقصف"], 4, True),
    (["قالت", "الجامعه", "ان", "القصف"], 3, False),
])
def test_who_condemns_a_nominal_act(words, at, expect):
    from marsad.coding.argrank import _condemns
    from marsad.document import ActorMention, Span, Token

    toks, pos = [], 0
    for w in words:
        toks.append(Token(pos, pos + len(w), w, w))
        pos += len(w) + 1
    league = ActorMention(span=Span(0, 0, ""), code="IGO:ARABLEAGUE", kind="igo", token_start=1, token_end=2)
    if words[0] == "الجامعه":
        league = ActorMention(span=Span(0, 0, ""), code="IGO:ARABLEAGUE", kind="igo", token_start=0, token_end=1)
    assert _condemns(toks, league, at) is expect
