"""The trigger lexicon files (resources/lexicon/NN.tsv) are well formed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LEXICON = REPO / "src" / "marsad" / "resources" / "lexicon"
CAMEO_PACKAGE = REPO / "src" / "marsad" / "resources" / "cameo" / "cameo.tsv"
CAMEO_SHARED = REPO / ".." / "shared" / "data" / "reference" / "cameo" / "cameo_eventcodes.tsv"
HEADER = ["pattern", "cameo", "flags", "note"]
FLAGS = {"sym", "visit", "host", "passive", "noun", "notarget", "weak", "stance", "verbal", "armed"}
FILES = sorted(LEXICON.glob("[0-2][0-9].tsv"))


def _cameo_codes() -> set[str]:
    for table in (CAMEO_PACKAGE, CAMEO_SHARED):
        if table.exists():
            lines = [ln for ln in table.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
            col = lines[0].split("\t").index("code")
            return {ln.split("\t")[col] for ln in lines[1:]}
    pytest.skip("no CAMEO table available")


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, ln.split("\t")) for n, ln in enumerate(lines[1:], 2) if ln.strip() and not ln.startswith("#")]


def test_lexicon_has_a_file_per_root() -> None:
    assert [f.stem for f in FILES] == [f"{r:02d}" for r in range(2, 21)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_lexicon_file_header(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == HEADER


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_lexicon_rows_are_valid(path: Path) -> None:
    codes = _cameo_codes()
    seen: set[tuple[str, str]] = set()
    problems = []
    for n, cols in _rows(path):
        if len(cols) != 4:
            problems.append(f"{n}: {len(cols)} columns")
            continue
        pattern, code, flags, _ = cols
        words = pattern.split(" ")
        if not pattern or any(not w for w in words) or words[0] == "~" or words[-1] == "~":
            problems.append(f"{n}: bad pattern spacing or gap at an edge")
        if any(w != "~" and ("~" in w or any(not a for a in w.split("|"))) for w in words):
            problems.append(f"{n}: empty alternative or misplaced ~")
        if code not in codes or not re.fullmatch(r"\d{3,4}", code):
            problems.append(f"{n}: unknown CAMEO code {code!r}")
        if not code.startswith(path.stem):
            problems.append(f"{n}: code {code} is not under root {path.stem}")
        for flag in filter(None, flags.split(",")):
            if flag not in FLAGS and not re.fullmatch(r"prep=[^\s,|]+(\|[^\s,|]+)*", flag):
                problems.append(f"{n}: unknown flag {flag!r}")
        if "visit" in flags.split(",") and code != "042":
            problems.append(f"{n}: visit entries are coded 042")
        if "host" in flags.split(",") and code != "043":
            problems.append(f"{n}: host entries are coded 043")
        if (pattern, code) in seen:
            problems.append(f"{n}: duplicate ({pattern[:40]}…, {code})")
        seen.add((pattern, code))
    assert not problems, "\n".join(problems)


def test_lexicon_stoplist_is_single_tokens() -> None:
    path = LEXICON / "stoplist.tsv"
    if not path.exists():
        pytest.skip("no stoplist")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["token", "note"]
    for ln in lines[1:]:
        if ln.strip() and not ln.startswith("#"):
            assert " " not in ln.split("\t")[0]


# Hand-written sentences (not from any evaluation set) and a code the lexicon
# must produce for them through the package matcher.
SENTENCES = [
    ("أدانت المملكة العربية السعودية بشدة الهجوم الإرهابي", "111"),
    ("ندد الرئيس بالتفجير", "111"),
    ("والتقت وزيرة الخارجية نظيرها الفرنسي", "040"),  # a verb that begins with ال keeps it behind و
    # a stoplisted word is no trigger of its own but may be a later word of a row
    ("ومارست الحكومة الضغط على المعارضة", "020"),
    ("واستدعت الوزارة سفير البلاد في طهران للتشاور", "161"),
    ("والتزمت الحكومة بوقف إطلاق النار", "0871"),
    ("اتهمت إيران الولايات المتحدة بالتجسس", "1125"),
    ("طالبت الحكومة إسرائيل بالإفراج عن الأسرى", "1053"),
    ("دعا الأمين العام الطرفين إلى وقف إطلاق النار", "0256"),
    ("أجرى خادم الحرمين الشريفين اتصالا هاتفيا بالرئيس الفرنسي", "041"),
    ("تلقى ولي العهد اتصالا هاتفيا من الرئيس", "041"),
    ("استقبل الملك سلمان في قصر اليمامة وزير الخارجية الأمريكي", "043"),
    ("وصل الرئيس إلى الرياض في زيارة رسمية", "042"),
    ("التقى وزير الخارجية نظيره الروسي على هامش المؤتمر", "044"),
    ("وقعت المملكة ومصر اتفاقية للتعاون العسكري", "057"),
    ("شنت طائرات التحالف غارات على مواقع الحوثيين", "195"),
    ("قصفت المدفعية مواقع المسلحين", "194"),
    ("اندلعت اشتباكات عنيفة بين الجيش والمسلحين", "190"),
    ("فجر انتحاري نفسه في مسجد", "1831"),
    ("انفجرت سيارة مفخخة قرب السفارة", "1832"),
    ("اعتقلت قوات الأمن خمسة أشخاص", "173"),
    ("ألقت الشرطة القبض على المتهمين", "173"),
    ("اختطف مسلحون صحفيا", "181"),
    ("اغتيل القائد العسكري", "186"),
    ("فرضت الولايات المتحدة عقوبات على روسيا", "163"),
    ("قطعت البحرين علاقاتها الدبلوماسية مع إيران", "161"),
    ("هددت كوريا الشمالية بشن هجوم نووي", "138"),
    ("تظاهر آلاف في طهران", "141"),
    ("فرقت الشرطة المتظاهرين بالغاز المسيل للدموع", "175"),
    ("أطلق سراح الرهائن", "0841"),
    ("سيطرت قوات المقاومة على مطار عدن", "192"),
    ("رفضت الحكومة المبادرة", "127"),
    ("أشاد الوزير بالدور السعودي", "051"),
    ("قدمت المملكة مساعدات إنسانية لليمن", "073"),
    ("انسحبت القوات من المدينة", "0874"),
    ("أعلن التحالف هدنة إنسانية", "0871"),
    ("خرقت الميليشيات الهدنة", "196"),
    ("ارتكبت القوات مجزرة بحق المدنيين", "202"),
    ("استدعت الخارجية السفير الإيراني", "114"),
    ("نشرت روسيا قوات على الحدود", "154"),
    ("هبطت طائرتان عسكريتان روسيتان في مطار كاراكاس", "062"),
    ("تسلمت مصر أول ثلاث طائرات مقاتلة من فرنسا", "072"),
    # round 2: evaluative criticism and accusation (the evaluative word is required)
    ("وصفت الوزارة الهجوم على الحافلة بأنه عمل إجرامي", "111"),
    ("وندد بالتفجير واصفا إياه بالجبان", "111"),
    ("اعتبر البرلمان العربي اقتحام المسجد انتهاكا صارخا للقانون الدولي", "111"),
    ("اعتبر المتحدث القرار غير قانوني", "111"),
    ("واعتبرت الحكومة تصريحات المسؤول تدخلا في شؤونها الداخلية", "112"),
    ("وأعرب الأمين العام للمنظمة الدكتور خالد بن سعيد العمري، عن استيائه من القرار", "111"),
    ("حملت الخارجية سلطات الاحتلال المسؤولية الكاملة عن حياة الأسرى", "112"),
    ("دانت الكويت الاعتداء على البعثة الدبلوماسية", "111"),
    # threats
    ("توعد قائد الجيش بسحق المتمردين", "138"),
    ("تعهد الرئيس باتخاذ إجراءات صارمة ضد المهربين", "130"),
    ("وقال المتحدث إن بلاده سترد بقوة على أي اعتداء", "138"),
    ("ستدفع الميليشيات الثمن غاليا", "138"),
    ("وأكد الوزير أن المملكة لن تقف مكتوفة الأيدي", "138"),
    ("لن نتردد في الرد على أي عدوان", "138"),
    ("لوحت المعارضة بالانسحاب من المفاوضات", "134"),
    ("هدد الحزب بمقاطعة عملية السلام", "134"),
    # intent
    ("اتفق الجانبان على مواصلة التنسيق بينهما", "030"),
    ("واتفق الوزيران خلال الاتصال على العمل معا", "030"),
    ("وعد الرئيس بتقديم مساعدات عاجلة للمتضررين", "033"),
    ("مؤكدة مواصلة العمل مع الشركاء الدوليين", "030"),
    ("أكدت الحكومة حرصها على تعزيز العلاقات مع جيرانها", "030"),
    ("أعلن الرئيس عزمه التوجه إلى نيويورك", "036"),
    # praise, thanks, congratulations
    ("هنأت المملكة الرئيس المنتخب بفوزه", "051"),
    ("بعث ولي العهد برقية تهنئة إلى رئيس الوزراء", "051"),
    ("شكرت الحكومة دول التحالف على دعمها", "051"),
    ("وأعرب وزير الخارجية في ختام اللقاء، عن تقديره لمواقف المملكة", "051"),
    ("وجددت الوزارة تقديرها لجهود المنظمة", "051"),
    # aid, military arrivals, reinforcements
    ("وصلت إلى الميناء سفينة تحمل آلاف الأطنان من المواد الغذائية", "073"),
    ("سير المركز قافلة إغاثية إلى المحافظة", "073"),
    ("قدمت الولايات المتحدة معدات عسكرية للجيش", "072"),
    ("رست في الميناء باخرة محملة بالأسلحة", "072"),
    ("وصلت قوات سعودية إلى المطار", "062"),
    ("وصلت تعزيزات عسكرية إلى الجبهة", "154"),
    # investigations
    ("بدأت السلطات تحقيقا في ملابسات وفاة الصحفي", "090"),
    ("يحقق الادعاء في أسباب الانفجار", "090"),
    # an official's arrival is a visit; a two-letter doubled verb with و/ف (وشن، وحث)
    ("وصل وزير الخارجية الروسي إلى الرياض مساء أمس", "042"),
    ("وشن الطيران غارات على مواقع المسلحين", "195"),
    ("وحث الوزير الحكومة على إجراء إصلاحات", "024"),
    ("دهمت قوات الأمن منزلا في بغداد", "171"),
    ("أكد الوزير استعداد بلاده للتعاون مع العراق", "030"),
    ("وعقد الوزيران مؤتمرا صحفيا مشتركا", "040"),
    ("وأعلن الوزير أن التنظيم يقف وراء الهجوم", "112"),
    # protests and boycotts
    ("وقاطعت المعارضة الانتخابات الرئاسية", "143"),
    ("وتجمع متظاهرون أمام البرلمان", "141"),
    ("ورددوا شعارات تطالب بمحاسبة الفاسدين", "141"),
    ("وخرج الآلاف إلى الشوارع للاحتجاج على غلاء الأسعار", "141"),
    # general coverage (issue #4): conflict and sanctions phrasings beyond the training articles
    ("واستهدفت مسيرة انتحارية مخزنا للذخيرة", "1952"),
    ("وقصفت القوات مواقع المسلحين بمسيرات", "1952"),
    ("وقتل جنديان في هجوم صاروخي على القاعدة", "194"),
    ("وأطلقت الفصائل رشقة صاروخية على المدن", "194"),
    ("وسقطت قذائف على حي سكني في المدينة", "194"),
    ("وتواصلت ضربات طيران التحالف على مواقع المتمردين", "195"),
    ("وبدأ الجيش عملية برية في الجنوب", "190"),
    ("وشنت القوات هجوما بريا على البلدة", "190"),
    ("وأعلنت الحكومة السفير شخصا غير مرغوب فيه", "161"),
    ("وأعلنت واشنطن عقوبات جديدة على طهران", "163"),
    ("وأصيب شرطيان في هجوم بسكين", "182"),
    ("ووجه الرئيس تحذيرا إلى الحكومة", "130"),
    ("وأعلن الطرفان وقف الاقتتال", "0871"),
    ("ورصدت الأقمار الصناعية الحشد العسكري على الحدود", "154"),
    ("وأردت قوات الاحتلال شابا قتيلا", "193"),
    ("وتصدت الدفاعات الجوية لصاروخ باليستي", "190"),
    ("واستهدف الطيران المسير موقعا عسكريا", "1952"),
    ("ووزع المركز سلالا غذائية على النازحين", "073"),
    ("وبحث الجانبان خلال اتصال مرئي العلاقات الثنائية", "041"),
    ("وشارك الوزير في اجتماع افتراضي لوزراء الخارجية", "040"),
    ("وانسحبت الولايات المتحدة من الاتفاق النووي", "160"),
    ("وأعلنت السلطة وقف التنسيق الأمني مع إسرائيل", "160"),
    ("وتلقت الصحفية تهديدات بالقتل من مسلحين", "1383"),
    ("وهددت بيونغ يانغ بتوجيه ضربة إلى القواعد الأمريكية", "138"),
    ("ووجه الجيش إنذارا نهائيا إلى المسلحين", "139"),
    ("وهدمت قوات الاحتلال منزلا في بلدة سلوان", "1712"),
    ("وفرضت القوات منع التجول على البلدة", "1723"),
    ("واستدعت الشرطة الناشط للتحقيق", "173"),
    ("وسلمت السلطات المعتقلين إلى بلادهم", "0841"),
    ("وأعلنت الجماعة أنها أطلقت الرهائن الأربعة", "0841"),
    ("وتوصل الطرفان إلى تهدئة في قطاع غزة", "0871"),
    ("وأخلت القوات نقطة مراقبة في الريف", "0874"),
    ("وفتح الجيش ممرات آمنة لخروج المدنيين", "0863"),
    ("ورضخت الحكومة لشروط صندوق النقد", "083"),
    ("وتبادل الطرفان الاتهامات بخرق الهدنة", "112"),
    ("وأنحى الرئيس باللائمة على المعارضة", "112"),
    ("وألقت السلطات بالمسؤولية على التنظيم", "112"),
    ("وصوت النواب ضد مشروع القانون", "120"),
    ("واعترفت واشنطن بسيادة إسرائيل على الجولان", "054"),
    ("وعرضت الدوحة وساطتها بين الطرفين", "039"),
    ("وضربت الحكومة بعرض الحائط قرارات المحكمة", "128"),
    ("وتجاهلت السلطات مطالب المحتجين", "120"),
    ("وواصلت السلطات التضييق على الصحفيين", "172"),
    ("وقال إن بلاده سترد في الزمان والمكان المناسبين", "138"),
    ("وقال إن الرد سيكون قاسيا", "138"),
    ("ومنحت الجماعة الحكومة مهلة 48 ساعة", "139"),
    ("وأعلن رئيس الوزراء استقالة الحكومة", "0831"),
    ("وأكد الرئيس انفتاح بلاده على الحوار", "030"),
    # issue #4, session 13 (helper D): wire-agency and conflict/diplomacy phrasing
    ("وأبدت الحكومة استعدادها لوقف إطلاق النار", "0356"),
    ("وأكدت إسرائيل التزامها بوقف إطلاق النار", "0356"),
    ("وأبدت الحركة استعدادها لتبادل الأسرى", "0353"),
    ("وأعرب الوزير عن نيته التعاون مع نظيره", "030"),
    ("واتفق الجانبان على عقد جولة جديدة من المحادثات", "036"),
    ("ووافقت الكويت على تقديم منحة للأردن", "033"),
    ("وبحث الوزيران هاتفيا تطورات الأوضاع", "041"),
    ("وبدأت في جنيف جولة جديدة من المفاوضات", "046"),
    ("وافتتحت الإمارات سفارتها في دمشق", "050"),
    ("وأصدر الأمير عفوا أميريا عن السجناء", "056"),
    ("وسيرت القوات الروسية والتركية دوريات مشتركة", "062"),
    ("وأعلنت واشنطن حزمة مساعدات عسكرية لأوكرانيا", "072"),
    ("وأسقطت الطائرات الأردنية مساعدات غذائية على غزة", "073"),
    ("وقرر المسلحون إلقاء السلاح", "0874"),
    ("وخفضت الولايات المتحدة عدد قواتها في العراق", "0874"),
    ("وأمر النائب العام بفتح تحقيق في الحادث", "090"),
    ("وأبلغت الخارجية السفير احتجاج بلادها", "114"),
    ("وتعتبر أنقرة الفرات خطا أحمر", "130"),
    ("ومنح الجيش المسلحين مهلة لتسليم أسلحتهم", "139"),
    ("وأعلنت المعارضة مقاطعتها للانتخابات", "143"),
    ("واستدعى الجيش الإسرائيلي جنود الاحتياط", "154"),
    ("وفرضت الشرطة طوقا أمنيا حول المكان", "151"),
    ("وأجرت كوريا الشمالية تجارب صاروخية", "150"),
    ("وأمهلت الحكومة السفير 72 ساعة لمغادرة البلاد", "161"),
    ("وعلقت الحكومة عمل سفارتها في الخرطوم", "161"),
    ("وأقر الاتحاد الأوروبي عقوبات جديدة على روسيا", "163"),
    ("وقطعت السلطات الإنترنت عن الإقليم", "1721"),
    ("ونسف الجيش عشرات المنازل في رفح", "1712"),
    ("ودارت مناوشات بين الجيشين على الحدود", "190"),
    ("وانتزعت القوات السيطرة على المدينة", "192"),
    ("ونجحت القوات في قطع طرق الإمداد", "191"),  # supply lines cut: a military restriction, no road block (144)
    ("واستهدف الجيش بغارة جوية سيارة", "195"),
    ("وقررت الحكومة إعادة فتح سفارتها في دمشق", "030"),
    ("ووافق الطرفان على استئناف المفاوضات", "036"),
    ("وسمحت السلطات بعودة النازحين إلى قراهم", "081"),
    ("وتمسكت الحركة بشروطها لوقف القتال", "100"),
    ("وامتنعت الحكومة عن تسليم المطلوبين", "120"),
    ("وأغلق الرئيس الباب أمام أي حوار مع المعارضة", "125"),
    ("وتنصلت الحكومة من التزاماتها", "120"),
    ("وقررت الجامعة العربية تجميد عضوية سوريا", "160"),
    ("وحلت المحكمة الحزب الحاكم", "1722"),
    ("وسحبت السلطات ترخيص قناة فضائية", "1721"),
    # issue #4, session 14 (helper E): conflict phrasing, round 3
    ("وتقهقرت قوات النظام أمام تقدم المعارضة", "0874"),
    ("وبدأ خروج المسلحين من الحي بموجب الاتفاق", "0874"),
    ("وسمحت إيران لمفتشي الوكالة بدخول المنشأة", "0862"),
    ("ووافقت الحكومة على عودة المفتشين الدوليين", "0862"),
    ("وسمحت السلطات للصحفيين الأجانب بدخول المدينة", "086"),
    ("وأبدت الحركة استعدادها للجلوس إلى طاولة المفاوضات", "036"),
    ("وقال إن قواته جاهزة لتحرير المدينة", "138"),
    ("وتستعد القوات لاقتحام البلدة", "138"),
    ("وأكمل المقاتلون تجهيزاتهم لخوض المعركة", "138"),
    ("وقال إن كل الخيارات مطروحة", "138"),
    ("وأنذر الجيش الأهالي بإخلاء منازلهم", "139"),
    ("وصودرت مئات الدونمات من أراضي القرية", "1711"),
    ("وفجرت قوات الاحتلال منزل الأسير", "1712"),
    # batch 2 (phrasings of the extra annotations with no trigger)
    ("وعلقت السلطات صدور الصحيفة حتى إشعار آخر", "1721"),
    ("وفرقت الشرطة مساء أمس في وسط المدينة مئات المتظاهرين", "175"),
    ("وشددت السلطات إجراءات الأمن حول السفارات", "151"),
    ("وانتشرت قوات الأمن في الشوارع الرئيسية", "153"),
    ("وانتشر عشرات من رجال الشرطة حول المحكمة", "153"),
    ("ووصلت الوفود وسط تعزيزات أمنية مشددة", "154"),
    ("ومنعت الشرطة دخول المصلين إلى المسجد الأقصى", "172"),
    ("وأغلقت قوات الاحتلال باب الأسباط", "172"),
    ("وخرج المتحدث مهددا بإجراءات قاسية ضد المخالفين", "130"),
    # backed by the coalition (072); the first word is دعم, not بدعم, so that ب + دعم still reads in other rows
    ("وواصلت القوات اليمنية عملياتها في لحج بدعم من طيران التحالف", "072"),
    ("وتقدمت وحدات الجيش بإسناد قوات التحالف نحو المطار", "072"),
    ("واتهمت الحكومة اليمنية طهران بدعم الإرهاب", "1123"),
]

# Religious senses of دعا / الدعوة: only blocking entries (weak + notarget: never an event) may match.
PRAYERS = [
    "ندعو الله أن يحفظ البلاد",
    "وختم كلمته داعيا المولى أن يتغمد الضحايا بواسع رحمته",
    "وكيل وزارة الشؤون الإسلامية والدعوة والإرشاد",
    "نشكر الله على نعمه",
]

# Sentences where a code must NOT be matched (look-alike forms).
NOT_CODED = [
    ("وارتفع الضغط على شبكة الكهرباء", "020"),  # the stoplisted noun starts no row
    # issue #4, session 13 (helper D): look-alikes of the new wire phrasing
    ("وأفاد الجهاز المركزي للتعبئة العامة والإحصاء", "154"),  # CAPMAS, not a mobilisation
    ("ونجحت القوات في قطع طرق الإمداد", "144"),  # supply lines cut (191), no road block by protesters
    ("وفتحت امرأة النار على مبنى القنصلية", "050"),  # فتح النار … القنصلية is no embassy opening
    ("والتصدي بحزم لهذه الظاهرة وتطبيق العقوبات", "163"),  # بحزم "firmly", no sanctions package
    ("وأفادت منظمة العفو الدولية العام الماضي", "056"),  # Amnesty International last year
    ("الأمر الذي يساهم في تحقيق أهدافها", "090"),  # الأمر "the matter"
    ("وأدت الرياح إلى اقتلاع الأشجار", "1712"),  # a storm uproots trees
    ("وامتنع ثلاثة أعضاء عن التصويت", "120"),  # an abstention is no refusal
    ("وقدم الوزير حلا للأزمة يرضي الحزب", "1722"),  # حلا "a solution"
    ("وفرضت الشرطة طوقا أمنيا حول المكان", "191"),  # a cordon, not "the two encircled"
    ("وتبادل الحضور التهنئة بالعيد", "051"),  # تهنئة is not تهنئ + ه "she congratulates him"
    ("تحدث بوصفه رئيسا للجنة", "111"),  # بوصفه "in his capacity as"
    ("ونظم الدعاة محاضرات في المساجد", "020"),  # الدعاة "preachers"
    ("ووصل عدد القتلى إلى ثلاثين", "042"),  # an arrival is a visit only after an official's title
    ("وتصل العقوبة إلى السجن عشر سنوات", "042"),
    ("وقال إننا بدأنا العمل على المشروع", "111"),  # بدأنا "we started" is not ب + دانا "they condemned"
    ("وبحثت المجموعة مع السلطة المحلية الأوضاع", "020"),  # بحثت "discussed" is not ب + حثت "urged"
    ("وتشمل الخطوات غسل اليدين قبل الطعام", "111"),  # اليدين "the hands": a verb (يدين "condemns") takes no article
    ("وقف الشاعر أمام والدانا وقائدنا خادم الحرمين", "111"),  # والدانا "our father" is not و + ال + دانا
    ("وانضم إلى جماعة تصنفها واشنطن منظمة إرهابية", "163"),  # a description (present), no designation
    ("وتذكر الجماهير الألقاب التي حققها في الموسم الماضي", "090"),  # حققها "achieved it", no investigation
    ("وتقع المحطة عند تقاطع الطريقين", "143"),  # تقاطع "intersection", no boycott
    ("وجاء الرد على الاقتراح قاطعا", "143"),  # قاطعا "categorical"
    ("وخضع الوزير لعملية كبرى في المستشفى", "190"),  # كبرى is not ك + برية "ground (operation)"
    ("وحذر التقرير من تردي الأوضاع وسقوط قتلى", "193"),  # تردي "deterioration" is not the present of أردى "shot dead"
    ("وأوقفت الشرطة المتهم بالتعاون مع الجهات المختصة", "160"),  # an arrest made in cooperation, no halt of cooperation
    ("وبدأ انسحاب القوات من المدينة بموجب الاتفاق", "160"),  # a withdrawal under the agreement, not from it
    ("وقال الطالب السعودي إن الجامعة قبلت طلبه", "100"),  # الطالب "the student": the verb طالب takes no article
    ("ويحتاج الطالبة إلى معدل تراكمي مرتفع", "100"),
    ("وأمر الوزير بزيادة الحذر على الحدود", "130"),  # الحذر "caution", not حذر "warned"
    ("ويقمع النظام المطالبين بالديمقراطية", "100"),  # "those demanding", a noun phrase
    ("وانتقد الوزير القنوات التي تتصل بالجماعة", "041"),  # the present تتصل بـ "relates to", not a call
    ("وأنشئ ميدان تتوسطه نافورة", "045"),  # تتوسط "lies in the middle of", no mediation
    ("ويتمتع المطار بموقع كونه يتوسط البلاد", "045"),
    ("وأيد الرئيس جولة المفاوضات مع الحكومة", "042"),  # a round of talks is the talks (046), not a visit
    ("واختتمت في جنيف جولة المحادثات بين الطرفين", "042"),
    ("وكانت الفرقة قد طبعا علاقات طيبة مع الجمهور", "050"),  # طبعا "of course", no normalisation of relations
    ("وارتفع صوته ودافع عن نفسه ضد الاتهامات", "120"),  # صوته "his voice", no vote
    ("وتعرض الصحفيون للتهديد والخطف والضرب", "1383"),  # threats and abductions listed, no threat to abduct
    ("وأكدت أنها لا تعتزم وقف الهجوم", "138"),  # الهجوم after a gap is no threatened attack
    ("وكان الأثر سلبيا على الكثير من المطالب", "083"),  # سلبيا is not س + لبيا "the two met (demands)"
    ("وبدأ يلقي بمسؤولية كبيرة على الشباب", "112"),  # laying a burden, no blame
    ("وجاء الوزراء لشرح الاتفاق وتهدئة المخاوف", "0871"),  # وتهدئة "and calming", no truce agreement
    ("ويتجاهل بعض السياح التحذيرات", "120"),  # tourists ignoring warnings, no rejection
    ("وقال إنه سيصوت ضد الاتفاق", "120"),  # a future vote is no rejection yet
    ("ونال القرار تأييد أربعين نائبا مقابل عشرين صوتا ضده", "120"),  # a count of votes (صوتا), no act of voting
    # issue #4, session 14 (helper E): look-alikes of the new rows
    ("ويستعد المنتخب لخوض المباراة النهائية", "138"),  # a team preparing for a match
    ("وحضر ذووه لاستلام الجثمان من المستشفى", "0841"),  # a family collecting a body, no handover of captives
    ("وتسلم الوزير مهام منصبه أمس", "0841"),  # took office
    ("وأدى صلاة الفجر في منزل والده", "1712"),  # الفجر "the dawn" is no blowing up
    ("وأشار إلى تقهقر الأسعار في السوق", "0874"),  # a fall of prices, no retreat
    ("وتسلموا أوامر بإخلاء العمارة خلال أسبوع", "139"),  # an eviction notice, no ultimatum
    ("وانتشرت الشائعات عن الشرطة", "153"),  # rumours spread, no deployment
    ("وانتشر الفيروس في عدة مدن", "153"),
    ("وتعيش الأنواع المهددة بالانقراض في المحمية", "130"),  # endangered species, no threat
    ("ونفذت الشرطة حملة مداهمات بدعم من المروحيات", "072"),  # a state's own aircraft, not the coalition
    ("وافتتحت المدرسة بدعم من الصندوق السعودي للتنمية", "072"),  # a grant
]

# Phrases of a BLOCK row (note "BLOCK:"): the match takes the trigger word and is flagged block.
BLOCKED = [
    "وحضر اللقاء وزير الخارجية",  # the attendees of a meeting are not its parties
    "وحضر حفل الاستقبال السفير",
    "وقال مسؤول طالبا عدم الإشارة إلى اسمه",
    "ستعود طهران إلى السوق فور رفع العقوبات",
    "وتحدث الوفد عن محرك بحث الشركة",  # a search engine is no talks
    "وبدأت حملة بحث واسعة عن المفقودين",  # البحث itself is stoplisted; the indefinite needs the row
    "وقال القيادي في حزب الدعوة",  # the Da'wa party is no appeal
    "وشارك طالب جامعي في المسابقة",  # a student, no demand
    "وشارك ألف طالب وطالبة في البرنامج",
    "وغاب اللاعب عن جولة الفريق الأخيرة",  # a team's tour is no visit
    "ويتضح من خلال جولة في الإعلام الإيراني",  # a look around the media
    "وقال رئيس قسم الوساطة في قطاع التأمين",  # brokerage, no mediation
    "وقال إن الحملة تستهدف توعية الشباب",  # "aims to" + a verbal noun is no attack
    "مخططات تستهدف أمن الوطن",
    "وزاد معدل طلب الصين على النفط",  # economic demand is no request (الطلب itself is stoplisted)
    "إنها مسألة عرض وطلب",
    "الخدمات الأكثر طلبا",
    "وفاز بالرئاسة في الجولة الثانية من التصويت",  # a round, no visit
    "عاد الفريق من الجولة الإعدادية في أستراليا",
    "وكان عائدا من جولة تفقدية على عناصره",
    "وقال مدير إدارة شؤون الزيارة في المسجد النبوي",  # religious visitation, no visit
    "وجاء لزيارة قبر والده",
    "وكان في استقبال الطائرة نائب الوزير",  # receiving an aircraft, applicants: no visit hosted
    "ويتم استقبال الراغبين في تصحيح أوضاعهم",
    "وخاض الفريق لقاء وديا أمام ضيفه",  # a friendly match, no meeting
    "وتندرج التصريحات ضمن مساعيه لتخريب علاقات البلاد بجيرانها",  # spoiling relations, no sabotage
    "في محاولة لتدمير العلاقات بين البلدين",
    "واحتسب حكم اللقاء ضربة جزاء",  # the referee / the half of a match, no meeting
    "وسجل الأهداف خلال شوطي اللقاء",
    "لينتهي اللقاء بفوز الفريق الضيف",
    "ويمكن للمستفيد زيارة بوابة الوزارة",  # a web portal, no visit
    "وقال إن الحكومة تستهدف أن يتراجع العجز",  # aims that, no attack
    "ضمن البرامج التي تستهدف من خلالها تدريب الشباب",
    "ويقوم قسم الطوارئ باستقبال الحالات الحرجة",  # a hospital or an office receiving cases / voters
    "وجهزت المراكز استعدادا لاستقبال الناخبين",
    "وقام الوفد بجولة ميدانية على الحقل",  # a field / boat tour, no visit
    "وتلا العرض جولة بحرية في القناة",
    "وخصصت قاعتان لاستقبال العروض والمعارض",  # exhibitions / mourners / tourists, no visit hosted
    "واستقبل الأمير المعزين في قصره",
    "وستبقى المملكة صامدة في وجه التهديدات",  # in the face of threats, no threat issued
    "ورفض المصدر إعطاء المزيد من التفاصيل",  # declined to disclose / to be named, no rejection
    "وقال مسؤولون رفضوا الكشف عن هوياتهم",
    "ويعمل الضابط في شرطة مكافحة الشغب",  # riot police, no riot
    "واختتمت التظاهرة الثقافية مساء الخميس",  # a cultural event, no demonstration
    "ومكافحة الفساد بشتى صوره ومظاهره",  # its manifestations, no demonstration
    "وكان المتهم يتظاهر بعدم المعرفة",  # pretended, no demonstration
    "وتشهد البلاد أعمال عنف متفرقة",  # violence in general, no riot
]


@pytest.fixture(scope="module")
def find_codes():
    """Codes the package matcher finds in a sentence with this lexicon (loaded once)."""
    lexicon = pytest.importorskip("marsad.coding.lexicon")
    from marsad.text.normalize import normalize_text
    from marsad.text.tokens import tokenize

    lex = lexicon.TriggerLexicon(LEXICON)

    def run(sentence: str) -> list:
        """The chosen matches, read as the coder reads tokens (stoplist, literal reading first)."""
        toks = tokenize(normalize_text(sentence))
        return lexicon.find_triggers(lex, toks, 0, len(toks), lex.readings(toks))

    return run


@pytest.mark.parametrize(("sentence", "code"), SENTENCES, ids=[c + ":" + s.split()[0] for s, c in SENTENCES])
def test_lexicon_codes_sample_sentences(find_codes, sentence: str, code: str) -> None:
    assert code in [m.pattern.cameo for m in find_codes(sentence)]


@pytest.mark.parametrize("sentence", PRAYERS, ids=[s.split()[0] for s in PRAYERS])
def test_lexicon_prayer_is_not_an_appeal(find_codes, sentence: str) -> None:
    found = find_codes(sentence)
    assert found, "the blocking entry should match"
    assert all({"weak", "notarget", "block"} <= m.pattern.flags for m in found)


@pytest.mark.parametrize(("sentence", "code"), NOT_CODED, ids=[c + ":" + s.split()[0] for s, c in NOT_CODED])
def test_lexicon_look_alikes_are_not_coded(find_codes, sentence: str, code: str) -> None:
    assert code not in [m.pattern.cameo for m in find_codes(sentence)]


@pytest.mark.parametrize("sentence", BLOCKED, ids=[s.split()[0] + ":" + s.split()[1] for s in BLOCKED])
def test_lexicon_block_rows_take_their_words(find_codes, sentence: str) -> None:
    found = find_codes(sentence)
    assert found and all("block" in m.pattern.flags for m in found)
