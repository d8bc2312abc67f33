"""pairs.no_event: the trigger words that make no event whatever arguments were found."""

from types import SimpleNamespace

import pytest
from token_sites import mention, toks

from marsad.coding.pairs import (
    accident_death,
    counted_students,
    no_event,
    talks_sides,
    told_before,
    truce_topic,
)


def _pat(cameo: str, *flags: str, first: frozenset[str] = frozenset()) -> SimpleNamespace:
    return SimpleNamespace(cameo=cameo, flags=frozenset(flags), words=(first,))


@pytest.mark.parametrize("cameo,flags,has_target,expected", [
    ("042", (), True, False),       # a visit with its host is an event
    ("042", ("block",), True, True),  # a BLOCK row never is
    ("111", ("weak",), False, True),  # a weak row needs a target
    ("111", ("weak",), True, False),
])
def test_rows(cameo: str, flags: tuple[str, ...], has_target: bool, expected: bool) -> None:
    tokens = toks("انتقدت مصر إسرائيل اليوم")
    targets = [mention("ISR", 2, 3, kind="state")] if has_target else []
    assert no_event(_pat(cameo, *flags), tokens, 0, 1, 0, len(tokens), [mention("EGY", 1, 2)], targets) is expected


def test_no_source_is_no_event() -> None:
    tokens = toks("انتقدت مصر إسرائيل")
    assert no_event(_pat("111"), tokens, 0, 1, 0, len(tokens), [], [])


@pytest.mark.parametrize("text,cameo,expected", [
    ("وحث الوزير منسوبي الوزارة على العمل", "020", True),     # an instruction to one's staff
    ("وحث الوزير الحكومة على العمل", "020", False),
    ("والتقى المنتخب الأردني نظيره العراقي في مباراة ودية", "040", True),  # a match
    ("والتقى الوزير نظيره العراقي في عمان", "040", False),
    ("ويلتقي الهلال والنصر في كأس السوبر بلندن", "040", True),  # the super cup
    ("وتلقى الاتحاد اتصالا بشأن موعد انطلاق البطولة", "041", True),  # a championship
    ("وبحث الوزيران التنسيق الدوري بين البلدين", "040", False),  # الدوري: periodic, not the league
])
def test_staff_and_sport(text: str, cameo: str, expected: bool) -> None:
    tokens = toks(text)
    src = mention("JOR", 1, 2, kind="state")
    assert no_event(_pat(cameo), tokens, 0, 1, 0, len(tokens), [src], [mention("JOR", 1, 2, kind="state")]) is expected


KILL, DIED = frozenset({"قتل", "مقتل"}), frozenset({"لقي", "لقوا"})


@pytest.mark.parametrize("text,flags,first,expected", [
    ("قتل 15 شخصا في حادث اصطدام مركب بعبارة", ("weak",), KILL, True),   # an accident
    ("لقي عشرون شخصا حتفهم في السيول", ("passive", "weak"), DIED, True),  # a disaster
    ("قتل عشرة اشخاص في حادث سير", ("weak",), KILL, True),
    ("قتل ضابطا نتيجة خلاف مروري", ("weak",), KILL, False),     # مروري alone: a killing
    ("قتل 15 شخصا في تفجير سيارة مفخخة", ("weak",), KILL, False),  # an attack
    ("استهدفت الطائرات قاربا في حادث غرق", ("weak",), frozenset({"استهدف"}), False),  # not a death word
])
def test_accident_death(text: str, flags: tuple[str, ...], first: frozenset[str], expected: bool) -> None:
    tokens = toks(text)
    assert accident_death(_pat("190", *flags, first=first), tokens, 0, len(tokens)) is expected


@pytest.mark.parametrize("text,end,expected", [
    ("استقبلت الجامعة 600 طالب", 4, True),     # a number of students
    ("يتكون الوفد من 39 طالبا", 5, True),
    ("قال الوزير إن طالب العلم", 4, False),     # no number before it
])
def test_counted_students(text: str, end: int, expected: bool) -> None:
    tokens = toks(text)
    assert counted_students(_pat("100", first=frozenset({"طالب", "طالبا"})), tokens, end, 0) is expected


@pytest.mark.parametrize("cameo,flags,source_how,expected", [
    ("0871", ("noun", "sym"), "noun_before", True),   # باحترام الهدنة: a topic
    ("0871", ("noun", "sym"), "topic", True),
    ("0871", ("noun", "sym"), "rel_doer", False),     # الهدنة التي أعلنها التحالف
    ("0871", ("sym",), "vso", False),                 # توصل الطرفان إلى هدنة: a verb row
    ("190", ("noun",), "noun_before", False),
])
def test_truce_topic(cameo: str, flags: tuple[str, ...], source_how: str, expected: bool) -> None:
    assert truce_topic(_pat(cameo, *flags), source_how) is expected


@pytest.mark.parametrize("text,at,cameo,expected", [
    ("وأدانت الكويت هذا الاعتداء الآثم", 3, "180", True),     # an attack told before
    ("وقال إن هذه الاعتقالات تكشف زيف ادعاءاته", 3, "173", True),
    ("ورد المصلون على بهذا القصف", 4, "194", True),            # a clitic on the demonstrative
    ("ولا تحركه مثل هذه الهجمات", 4, "190", True),              # such attacks in general
    ("يضاف إلى ذلك الحصار الذي يفرضه الجيش", 3, "191", False),  # ذلك as the adverb
    ("وقال إن هذه الزيارة مهمة", 3, "042", False),              # not a conflict root
    ("وأدانت الكويت الاعتداء الآثم", 2, "180", False),          # no demonstrative
])
def test_told_before(text: str, at: int, cameo: str, expected: bool) -> None:
    assert told_before(_pat(cameo), toks(text), at, 0) is expected



@pytest.mark.parametrize("text,cameo,group_at,kept", [
    ("التقى الوزير بارزاني لبحث محاربة تنظيم داعش", "040", 5, False),   # the group is the topic
    ("يتفاوض المجلس مع تنظيم القاعدة", "046", 3, True),                  # after مع it sits at the table
    ("قصف الجيش مواقع تنظيم داعش", "190", 4, True),                      # other roots are left alone
])
def test_talks_sides(text: str, cameo: str, group_at: int, kept: bool) -> None:
    tokens = toks(text)
    group, other = mention("NSA:ISIS", group_at, group_at + 1), mention("IRQ", 2, 3, kind="state")
    src = mention("USA", 1, 2, kind="state")
    # the group alone as the target: kept, or no event at all
    assert talks_sides(_pat(cameo), tokens, [src], [group]) == (([src], [group]) if kept else None)
    # beside another target: kept, or left out of the sides
    assert talks_sides(_pat(cameo), tokens, [src], [group, other]) == ([src], [group, other] if kept else [other])
