"""The sides of a visit turned round by where the visit goes (destinations.visit_direction)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.coding.destinations import visit_direction
from marsad.document import ActorMention, Span
from marsad.text.prepare import document_from_text
from marsad.when_where.places import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def sides(text: str, trigger: str, visitor: tuple[str, str], host: tuple[str, str], gaz: Gazetteer,
          cameo: str = "042") -> tuple[str, str]:
    """The (source, target) codes after visit_direction, with the coder's choice ``visitor`` → ``host``
    given as (word, code) pairs."""
    doc = document_from_text(text)

    def index(word: str) -> int:
        s = text.index(word)
        return next(i for i, t in enumerate(doc.tokens) if t.start <= s < t.end)

    def mention(word: str, code: str) -> ActorMention:
        s = text.index(word)
        m = ActorMention(Span(s, s + len(word), word), code)
        m.token_start, m.token_end = index(word), index(word) + len(word.split())
        return m

    t = index(trigger)
    tm = SimpleNamespace(start=t, end=t + 1, pattern=SimpleNamespace(cameo=cameo))
    src, tgt = mention(*visitor), mention(*host)
    ctx = SimpleNamespace(tm=tm, doc=doc, si=0, ments=sorted([src, tgt], key=lambda m: m.token_start))
    s, g, _ = visit_direction(ctx, [src], [tgt], gaz)
    return s[0].code, g[0].code


def test_visit_to_the_visitors_state_is_turned_round(gaz):
    text = "وذلك خلال زيارة قامت بها وزيرة الدفاع الألمانية إلى تونس قبل أيام"
    # Tunisia chosen as the visitor of the German minister: turned round
    assert sides(text, "زيارة", ("تونس", "TUN"), ("وزيرة", "DEU"), gaz) == ("DEU", "TUN")
    # the right choice is kept
    assert sides(text, "زيارة", ("وزيرة", "DEU"), ("تونس", "TUN"), gaz) == ("DEU", "TUN")


def test_visit_li_after_a_qualifier_or_the_trigger_is_where_it_goes(gaz):
    text = "وخلال زيارة رسمية لقطر التقى الوزير المصري أمير قطر"
    assert sides(text, "زيارة", ("أمير", "QAT"), ("الوزير", "EGY"), gaz) == ("EGY", "QAT")


def test_visit_li_of_a_person_or_after_another_noun_is_no_destination(gaz):
    # زيارة للرئيس الصيني: the visitor in a genitive, not where the visit goes
    text = "وأثناء زيارة للرئيس الصيني وقعت المالديف اتفاقا"
    assert sides(text, "زيارة", ("للرئيس", "CHN"), ("المالديف", "MDV"), gaz) == ("CHN", "MDV")
    # كرئيس للولايات المتحدة: the state of the noun before it
    text = "التي سيقوم باول زيارة لها كرئيس للولايات المتحدة قبل أن يتوجه"
    assert sides(text, "زيارة", ("للولايات", "USA"), ("لها", "KEN"), gaz) == ("USA", "KEN")


def test_visit_direction_leaves_other_codes_alone(gaz):
    text = "وذلك خلال زيارة قامت بها وزيرة الدفاع الألمانية إلى تونس قبل أيام"
    assert sides(text, "زيارة", ("تونس", "TUN"), ("وزيرة", "DEU"), gaz, cameo="040") == ("TUN", "DEU")


@pytest.fixture(scope="module")
def coder():
    from marsad.api_lib import Coder

    return Coder()


@pytest.mark.parametrize(("text", "visits"), [
    # the host is named before the visitor; إلى names where the visit goes
    ("أجرى الرئيس الفرنسي فرانسوا هولاند محادثات مع نظيره المصري عبد الفتاح السيسي خلال زيارة تستمر يومين "
     "إلى مصر.", {("FRA", "EGY", "042"), ("EGY", "FRA", "043")}),
    ("وكانت الصين قد منحت باكستان قرضا ميسرا، وذلك خلال زيارة قامت بها رئيسة الوزراء الصينية إلى إسلام آباد "
     "قبل أيام.", {("CHN", "PAK", "042"), ("PAK", "CHN", "043")}),
    # the place غادر leaves before بعد زيارة is the one visited
    ("غادر صاحب السمو الملكي الأمير محمد بن نايف ولي العهد جمهورية مصر العربية بعد زيارة عمل التقى خلالها "
     "الرئيس المصري عبد الفتاح السيسي.", {("SAU", "EGY", "042"), ("EGY", "SAU", "043")}),
    # the same visit named again (إن الزيارة…) takes the direction told before (align_visits)
    ("وصل وزير الخارجية السعودي عادل الجبير إلى الدوحة اليوم في زيارة رسمية لقطر. وقال أمير قطر الشيخ تميم "
     "بن حمد إن الزيارة تعكس عمق العلاقات بين قطر والمملكة.", {("SAU", "QAT", "042"), ("QAT", "SAU", "043")}),
    # زيارة للرئيس الصيني: the ل marks the visitor
    ("وخلال زيارة للرئيس الصيني شي جين بينغ وقعت سريلانكا اتفاقا مع شركة صينية لتطوير ميناء كولومبو.",
     {("CHN", "LKA", "042"), ("LKA", "CHN", "043")}),
], ids=["hollande_egypt", "china_pakistan", "left_after_visit", "visit_named_again", "genitive_visitor"])
def test_visit_codes_follow_where_the_visit_goes(coder, text, visits):
    # the scorer and the golden records match roots only, where a reversed visit pair looks right
    doc = coder.code(text, date="2015-08-01")
    got = {(e.source.code, e.target.code, e.cameo) for e in doc.events if e.cameo in ("042", "043")}
    assert got == visits


def visit(source: str, target: str, cameo: str, background: bool = False):
    from marsad.document import Event

    span = Span(0, 1, "x")
    return Event(ActorMention(span, source), ActorMention(span, target), cameo, span, span, background=background)


def test_align_visits_takes_the_direction_the_article_tells():
    from marsad.coding.destinations import align_visits

    told = [visit("SAU", "QAT", "042"), visit("QAT", "SAU", "043")]  # وصل الجبير إلى الدوحة في زيارة
    again = [visit("QAT", "SAU", "042"), visit("SAU", "QAT", "043")]  # وقال إن الزيارة… (turned round)
    recalled = visit("QAT", "SAU", "042", background=True)  # a visit the other way, years ago
    other = visit("EGY", "SAU", "042")  # another pair
    events = [*told, *again, recalled, other]
    align_visits(events, {id(ev) for ev in told})
    assert [(e.source.code, e.target.code, e.cameo) for e in again] == [("SAU", "QAT", "042"), ("QAT", "SAU", "043")]
    assert (recalled.source.code, other.source.code) == ("QAT", "EGY")
    # nothing told: nothing turned
    again = [visit("QAT", "SAU", "042")]
    align_visits(again, set())
    assert again[0].source.code == "QAT"
