"""Article-level features of the event confidence model."""

from marsad.coding.confidence import actor_shares, add_article_features
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
