"""Cues around an event (marsad.coding.cues), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.coding.cues import (
    attribution,
    clause_bounds,
    embedded_under,
    is_background,
    load_cues,
    modality,
    quantities,
)
from marsad.text.prepare import document_from_text


def _ids(cases: list) -> list[str]:
    """Short ASCII test ids (the Arabic text would be escaped unreadably)."""
    return [f"{k:02d}-" + "".join(ch for ch in str(c[-1]) if ch.isascii() and ch.isalnum())[:24] for k, c in enumerate(cases)]


# --------------------------------------------------------------------------- modality

MODALITY_CASES = [
    # asserted
    ("قصفت الطائرات مواقع المسلحين في الشمال.", "قصفت", "asserted"),
    ("التقى الوزير نظيره الأردني في عمان.", "التقى", "asserted"),
    ("لا يزال الجيش يحاصر المدينة.", "يحاصر", "asserted"),
    ("وقعت اشتباكات عنيفة لا سيما في الأحياء الشرقية.", "اشتباكات", "asserted"),
    # negation
    ("لم تهاجم القوات القرية.", "تهاجم", "negated"),
    ("ولم يتم الإعلان عن أي اتفاق.", "الإعلان", "negated"),
    ("لن تشارك الحكومة في المفاوضات.", "تشارك", "negated"),
    ("لا تعترف الحكومة بنتائج الاستفتاء.", "تعترف", "negated"),
    ("ليست هناك نية لفرض عقوبات.", "هناك", "negated"),
    ("انسحبت القوات دون أن تطلق رصاصة واحدة.", "تطلق", "negated"),
    ("وقع البلدان معاهدة عدم الاعتداء.", "الاعتداء", "negated"),
    ("لم تسجل أي اشتباكات في المدينة.", "اشتباكات", "negated"),
    ("لم تسجل اشتباكات في المدينة.", "اشتباكات", "negated"),
    # negation scope stays in its clause / on its verb
    ("لم يعلق الجيش على الهجوم الذي استهدف القافلة.", "الهجوم", "asserted"),
    ("لم يعلق الجيش على الهجوم الذي استهدف القافلة.", "استهدف", "asserted"),
    ("لم يصدر أي تعليق رسمي، لكن الطائرات قصفت المدينة.", "قصفت", "asserted"),
    ("لم يحضر الوزير الاجتماع وغادرت الوفود القاعة.", "وغادرت", "asserted"),
    ("قال المتحدث إن الحكومة لن تتفاوض.", "تتفاوض", "negated"),
    ("رفض المتحدث التعليق ولم ينف أن القوات قصفت المخيم.", "قصفت", "asserted"),
    ("لم يعلن أحد مسؤوليته عن الهجوم.", "الهجوم", "asserted"),
    ("إذا وافقت الحكومة، فإن المعارضة ستنسحب.", "ستنسحب", "future"),
    ("إذا وافقت الحكومة، فإن المعارضة ستنسحب.", "وافقت", "hypothetical"),
    ("لا علاقة للزيارة بالتصريحات، وقد وصل الوفد أمس.", "وصل", "asserted"),
    ("لم تتمكن القوات من اقتحام المدينة.", "اقتحام", "negated"),
    # denial
    ("نفت الوزارة أن تكون قواتها قد قصفت القرية.", "قصفت", "negated"),
    ("نفى الجيش قصف المستشفى.", "قصف", "negated"),
    # hypothetical
    ("إذا هاجمت إيران جيرانها فإن الرد سيكون حاسما.", "هاجمت", "hypothetical"),
    ("لو انسحبت القوات لانتهت الأزمة.", "انسحبت", "hypothetical"),
    ("في حال فرضت واشنطن عقوبات جديدة سترد موسكو.", "فرضت", "hypothetical"),
    ("ستستمر الضربات ما لم يوقف المتمردون هجماتهم.", "يوقف", "hypothetical"),
    ("إذا لم تنسحب القوات فستبدأ العملية.", "تنسحب", "hypothetical"),
    ("يمكن أن تفرض الأمم المتحدة حظرا على السلاح.", "تفرض", "hypothetical"),
    # قد + present = "may"; قد + past = "has" (asserted), also past form V/VI in ت (تعرض، توصل)
    ("وقال الضابط إن التنظيم قد يحاول الهجوم على الحدود.", "الهجوم", "hypothetical"),
    ("وقال إن الحكومة قد تشن هجمات على المسلحين.", "تشن", "hypothetical"),
    ("وقال إن القوات قد تتعرض لهجوم جديد.", "لهجوم", "hypothetical"),
    ("وقد قصفت الطائرات مواقع المسلحين.", "قصفت", "asserted"),
    ("وكان الجيش قد تسلم المدينة بعد معارك عنيفة.", "معارك", "asserted"),
    ("ربما تنسحب القوات من المدينة.", "تنسحب", "hypothetical"),
    # conditional does not reach the main clause after فإن
    ("إذا هاجمت إيران جيرانها فإن الحلفاء سيردون.", "سيردون", "future"),
    # future
    ("سيزور الرئيس القاهرة الأسبوع المقبل.", "سيزور", "future"),
    ("وستبدأ المناورات العسكرية في الخليج.", "وستبدأ", "future"),
    ("وصلت طائرة سيّرها مركز الملك سلمان للإغاثة إلى عدن.", "سيّرها", "asserted"),  # سيّر "operated", no future س
    ("سوف تفرض الحكومة قيودا جديدة.", "تفرض", "future"),
    ("من المقرر أن يلتقي الوزيران في جنيف.", "يلتقي", "future"),
    ("من المتوقع أن توقع الدولتان اتفاقا تجاريا.", "توقع", "future"),
    ("يعتزم الجيش إرسال تعزيزات إلى الحدود.", "إرسال", "future"),
    ("تخطط الحكومة لنشر قوات إضافية.", "لنشر", "future"),
    ("سيتم توقيع الاتفاق في الرياض.", "توقيع", "future"),
    ("يصل وزير الخارجية إلى بغداد غدا.", "يصل", "future"),
    ("ويعقد مجلس الأمن جلسة طارئة الأسبوع المقبل.", "ويعقد", "future"),
    # a coming month after the trigger, with or without its gloss in brackets
    ("ودعا الرئيس نظيره لزيارة باريس في نوفمبر (تشرين الثاني) المقبل.", "لزيارة", "future"),
    ("وتبدأ المفاوضات في أكتوبر القادم.", "المفاوضات", "future"),
    ("وبدأت المفاوضات في أكتوبر (تشرين الأول) الماضي.", "المفاوضات", "asserted"),
    ("تشارك القوات في المناورات المرتقبة.", "المناورات", "asserted"),
    ("وأعلن الوزير عن الاجتماع المرتقب مع المعارضة.", "الاجتماع", "asserted"),
    # negation wins over future, future needs its verb
    ("لن يزور الرئيس دمشق.", "يزور", "negated"),
    ("سيطرت القوات على المدينة.", "سيطرت", "asserted"),
    ("وصلت سيارات الإسعاف إلى موقع الانفجار.", "وصلت", "asserted"),
    # a need or evaluation of what should happen (من الضروري، لا بد من)
    ("وقال إنه بات من الضروري البدء في مفاوضات جديدة.", "مفاوضات", "hypothetical"),
    ("لا بد من وقف إطلاق النار في المدينة.", "وقف", "hypothetical"),
    ("وأقر البرلمان قانونا من شأنه أن يسمح بنشر قوات في الخارج.", "بنشر", "hypothetical"),
    # a capability or possibility, a question, a habit, an act about to happen
    ("وقال إن الصواريخ الجديدة يمكن استخدامها لتدمير الأقمار الصناعية.", "لتدمير", "hypothetical"),
    ("وأكد أن الجيش قادر على صد أي هجوم على الحدود.", "هجوم", "hypothetical"),
    ("وتحدث الوزير عن إمكانية التوصل إلى اتفاق قريبا.", "التوصل", "hypothetical"),
    ("وتساءل النائب: هل تؤيد الحكومة فرض عقوبات جديدة؟", "فرض", "hypothetical"),
    ("وقالت الشرطة إن الجماعة كثيرا ما تهاجم القرى الحدودية.", "تهاجم", "hypothetical"),
    ("وكان المسلح على وشك تنفيذ هجوم في العاصمة.", "هجوم", "hypothetical"),
    ("وتمكن الجيش من صد الهجوم على الحدود.", "الهجوم", "asserted"),
    # a foiled plan reported (كانوا يخططون), "any" act (أي)
    ("واعتقلت الشرطة خمسة رجال كانوا يخططون لتفجير مسجد في المدينة.", "لتفجير", "hypothetical"),
    ("ورفض الوزير أي تدخل أجنبي في شؤون بلاده.", "تدخل", "negated"),
    ("وقال إن بلاده ستتصدى لأي هجوم على حدودها.", "هجوم", "negated"),
    # an expectation
    ("ويتوقع أن يصل الوفد الأمريكي إلى بغداد.", "يصل", "future"),
    ("ومن المتوقع فتح القاعدة أمام الطائرات الأمريكية.", "فتح", "future"),
    ("ومن غير المتوقع أن يزور الرئيس دمشق.", "يزور", "negated"),
    ("ومن المستبعد أن تشن إسرائيل ضربة عسكرية.", "تشن", "negated"),
    # whoever / whatever does the act: generic (كل من، كل ما)
    ("وقال إن الحكومة ستحاسب كل من يدعو إلى العنف.", "يدعو", "hypothetical"),
    ("وأكد قدرة الأجهزة على التعامل مع كل ما يهدد أمن الوطن.", "يهدد", "hypothetical"),
    ("ووقعت كل من السعودية والإمارات اتفاقا مع فرنسا.", "ووقعت", "asserted"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), MODALITY_CASES, ids=_ids(MODALITY_CASES))
def test_modality(cues, cue_site, text: str, trigger: str, expected: str) -> None:
    doc, s, i = cue_site(text, trigger)
    assert modality(cues, doc, s, i) == expected


# --------------------------------------------------------------------------- embedding

EMBEDDING_CASES = [
    ("دعا مجلس الأمن إلى وقف إطلاق النار في اليمن.", "وقف", "appeal"),
    ("دعت الجامعة العربية الطرفين إلى الحوار.", "الحوار", "appeal"),
    ("حثت الأمم المتحدة الحكومة على الإفراج عن المعتقلين.", "الإفراج", "appeal"),
    ("طالبت المعارضة بإجراء انتخابات مبكرة.", "بإجراء", "demand"),
    ("طالب المحتجون الحكومة بالاستقالة.", "بالاستقالة", "demand"),
    ("هدد الحوثيون بشن هجوم على الحدود.", "هجوم", "threat"),
    ("هدد الحوثيون بشن هجوم على الحدود.", "بشن", "threat"),
    ("توعد التنظيم بتنفيذ هجمات جديدة.", "هجمات", "threat"),
    ("تعتزم الحكومة إرسال قوات إلى الحدود.", "إرسال", "intent"),
    ("تعهد الرئيس بمحاربة الفساد.", "بمحاربة", "intent"),
    ("نفى الجيش قصف المستشفى.", "قصف", "deny"),
    ("نفت الوزارة أن تكون قواتها قد قصفت القرية.", "قصفت", "deny"),
    ("رفضت الحكومة التفاوض مع المسلحين.", "التفاوض", "reject"),
    ("أدانت السعودية الهجوم على السفارة.", "الهجوم", "condemn"),
    ("ندد الاتحاد الأوروبي بالاعتداء على الصحفيين.", "بالاعتداء", "condemn"),
    ("حذرت واشنطن من شن هجوم على المدينة.", "شن", "warn"),
    ("دعا الجيش إلى أن يتوقف القصف فورا.", "يتوقف", "appeal"),
    ("رفضت المعارضة أن تشارك في الحكومة.", "تشارك", "reject"),
    ("اتهم الادعاء رجلا بالتآمر لمهاجمة جنود في القاعدة.", "لمهاجمة", "purpose"),
    ("فشل اجتماع الطرفين في التوصل إلى اتفاق.", "التوصل", "prevent"),
    ("وشدد الوزير على ضرورة انسحاب القوات من المدينة.", "انسحاب", "appeal"),
    ("وقال إن القضاء على التنظيم يتطلب تسليح العشائر.", "تسليح", "purpose"),
    ("ويمهد القرار لرفع العقوبات عن إيران.", "لرفع", "purpose"),
    ("ويمهد القرار الطريق أمام رفع العقوبات عن إيران.", "رفع", "purpose"),
    ("ويفسح الاتفاق المجال أمام إجراء الانتخابات.", "إجراء", "purpose"),
    ("واجتمع الوزراء تمهيدا لعقد القمة المشتركة.", "لعقد", "purpose"),
    ("ويترقب المستثمرون رفع العقوبات عن إيران.", "رفع", "hope"),
    # the circumstantial participle of a governing verb (حال)
    ("وتظاهر الآلاف في المدينة داعين البرلمان إلى رفض الاتفاق.", "رفض", "appeal"),
    ("وبعث الرئيس برسالة إلى القادة داعيا للوقوف إلى جانب شعبه.", "للوقوف", "appeal"),
    ("وتحدث النائب عن سقوط المدينة مطالبا بتسليح العشائر.", "بتسليح", "demand"),
    ("وأصدر الجيش بيانا محذرا من شن هجمات على الحدود.", "شن", "warn"),
    ("وخرج الوزير عن صمته نافيا أن تكون قواته قد قصفت القرية.", "قصفت", "deny"),
    ("وألقى زعيم الجماعة خطابا متوعدا بتنفيذ هجمات جديدة.", "بتنفيذ", "threat"),
    # what a law or a resolution permits
    ("ويجيز القانون الجديد للشرطة توقيف المشتبه بهم.", "توقيف", "purpose"),
    ("ويسمح القرار بفرض عقوبات على الشركات المخالفة.", "بفرض", "purpose"),
    # purpose phrases and wishes
    ("وواصلت المقاومة الاحتشاد توطئة لاقتحام المدينة.", "لاقتحام", "purpose"),
    ("وأعرب الوزير عن رغبته في زيارة الرياض.", "زيارة", "hope"),
    ("وقال إن الحركة تطمح إلى السيطرة على العاصمة.", "السيطرة", "hope"),
    # an attempt, effort, plan, chance or pretext for an act named with ل (link ل+), a need, readiness
    ("وقصفت المعارضة مواقع الجيش في محاولة جديدة للسيطرة على المدينة.", "للسيطرة", "purpose"),
    ("وكثفت الحكومة جهودها للإفراج عن الرهائن.", "للإفراج", "purpose"),
    ("ونفذ المسلحون عمليات تسلل في محاولة لتنفيذ هجمات داخل المدينة.", "هجمات", "purpose"),
    ("وقال إن الانسحاب أعطى المتمردين فرصة لاقتحام المدينة.", "لاقتحام", "purpose"),
    ("وقال إن البلاد بحاجة إلى إجراء انتخابات مبكرة.", "إجراء", "purpose"),
    ("وأعرب الجيش عن استعداده للمشاركة في الهجوم على المدينة.", "للمشاركة", "intent"),
    ("وأشاد الوزير بالمحادثات، متوقعا أن توقع الحكومة اتفاقا.", "توقع", "hope"),
    # an act avoided, feared or guarded against
    ("ووجد الشبان سبلا لتجنب التجنيد الإجباري.", "التجنيد", "prevent"),
    ("وانتشرت الشرطة في المدينة خوفا من اندلاع اشتباكات.", "اندلاع", "hope"),
    ("وعززت القوات مواقعها تحسبا لهجمات جديدة.", "لهجمات", "hope"),
    ("وقال إن الحكومة تخشى إرسال المزيد من الجنود.", "إرسال", "hope"),
    # ل on a name or a definite noun before the act is no link of an effort (another act follows)
    ("ورحب البيت الأبيض بتزايد تركيز وجهود تركيا للتصدي لداعش ووصف الحزب بأنه منظمة إرهابية.", "ووصف", None),
    ("وثمن الوزير الجهود التي يبذلها الموظفون للمواطنين حاثا إياهم على المزيد.", "حاثا", None),
    ("وبحث الوزيران خطة السلام خلال لقائهما في الدوحة.", "لقائهما", None),
    # not embedded
    ("أخلت المحكمة سبيل متهمين في تفجير المسجد.", "تفجير", None),
    ("فشل الهجوم على المدينة.", "الهجوم", None),
    ("هدد الحوثيون بشن هجوم، وقصفت الطائرات مواقعهم.", "وقصفت", None),
    ("قصفت الطائرات مواقع المسلحين.", "قصفت", None),
    ("دعا الرئيس إلى الهدوء، ثم قصفت الطائرات المدينة.", "قصفت", None),
    ("التقى الوزير نظيره وبحثا التعاون.", "التقى", None),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), EMBEDDING_CASES, ids=_ids(EMBEDDING_CASES))
def test_embedded_under(cues, cue_site, text: str, trigger: str, expected: str | None) -> None:
    doc, s, i = cue_site(text, trigger)
    assert embedded_under(cues, doc, s, i) == expected


# --------------------------------------------------------------------------- background

PUB = date(2015, 7, 20)
BACKGROUND_CASES = [
    ("قصفت الطائرات المدينة أمس.", "قصفت", None, False),
    # سبق + the doer with ل: done before; سبق + a noun or ذلك: 'preceded'
    ("وسبق لأوباما أن زار كينيا قبل انتخابه.", "زار", None, True),
    ("وسبق للمنظمة توثيق استخدام الصواريخ ضد المدنيين.", "توثيق", None, True),
    ("وسبق وصول الطائرة إرسال مساعدات عبر المنفذ البري.", "إرسال", None, False),
    ("وسبق ذلك اتصال هاتفي بين الزعيمين.", "اتصال", None, False),
    ("التقى الوزيران اليوم في الرياض.", "التقى", PUB, False),
    ("وكان الجيش قد سيطر على المدينة.", "سيطر", None, True),
    ("التي كانت اختطفت في صنعاء.", "اختطفت", None, True),
    ("وكانت القوات اختطفت الصحفي.", "اختطفت", None, False),
    ("وكان العراق قد تسلم الأسبوع الماضي طائرات حديثة.", "تسلم", None, False),
    ("فرض المجلس عقوبات على الشركة العام الماضي.", "فرض", None, True),
    ("زار الرئيس موسكو الشهر الماضي.", "زار", None, True),
    ("زار الرئيس موسكو الأسبوع الماضي.", "زار", None, False),
    ("زار الرئيس موسكو الصيف الماضي.", "زار", None, True),
    ("فرض المجلس عقوبات على الشركة العام المنصرم.", "فرض", None, True),
    ("فرض المجلس في إبريل الماضي عقوبات على الشركة.", "فرض", None, True),
    ("وسبق أن أعلنت الحكومة حالة الطوارئ.", "أعلنت", None, True),
    ("تدعم روسيا الحكومة منذ سنوات.", "تدعم", None, True),
    ("تدعم روسيا الحكومة منذ عام 1999.", "تدعم", None, True),
    ("اندلعت الحرب قبل أربع سنوات.", "اندلعت", None, True),
    ("اندلعت الاشتباكات قبل ساعات.", "اندلعت", None, False),
    ("أرسلت الحكومة قاذفتين في وقت سابق من هذا العام.", "أرسلت", None, True),
    ("يذكر أن أنقرة أطلقت عملية عسكرية ضد التنظيم.", "أطلقت", None, True),
    ("احتجز الأمن الناشط في ديسمبر 2014.", "احتجز", PUB, True),
    ("احتجز الأمن الناشط في ديسمبر 2014.", "احتجز", None, False),
    ("وقع الهجوم في 10 يوليو في العاصمة.", "الهجوم", PUB, True),
    ("وكانت القوات تحاصر المدينة.", "تحاصر", None, False),
    ("وقع الهجوم في 18 يوليو في العاصمة.", "الهجوم", PUB, False),
    ("وقع الانفجار في عام 2013.", "الانفجار", PUB, True),
    ("وقع الانفجار في عام 2015.", "الانفجار", PUB, False),
    ("مارس الوزير ضغوطا على البرلمان.", "مارس", PUB, False),
    ("وأطلق التحالف في 26 آذار/مارس عملية عسكرية.", "عملية", PUB, True),
    ("1980 - الرئيس يقوم بأول زيارة إلى الرياض.", "يقوم", None, True),
    ("التقى الوزير نظيره خلال لقاء سابق في باريس.", "لقاء", None, True),
    ("وصلت القوات إلى المدينة في ذلك الوقت.", "وصلت", None, True),
    ("احتجز الأمن الناشط، وكان الجيش قد قصف المدينة العام الماضي.", "احتجز", None, False),
    ("أفرجت الحركة عن صحفي كانت تحتجزه منذ أشهر.", "أفرجت", None, False),
    ("أفرجت الحركة عن صحفي كانت تحتجزه منذ أشهر.", "تحتجزه", None, True),
    ("شهدت المدينة معارك عنيفة بين سبتمبر وديسمبر.", "معارك", PUB, True),
    ("هاجم التنظيم البلدة في الأسبوع الأخير من يونيو.", "هاجم", PUB, True),
    ("يزور الرئيس القاهرة في سبتمبر المقبل.", "يزور", PUB, False),
    ("أدان الوزير من مارس العنف ضد المتظاهرين.", "أدان", PUB, False),
    # a recalled time inside a past relative clause on the trigger noun dates the event it names
    ("وقال إن المفاوضات الجديدة التي بدأت الربيع الماضي تسير بشكل جيد.", "المفاوضات", PUB, True),
    ("وأدان الوزير الهجوم الإرهابي الذي استهدف المسجد العام الماضي.", "الهجوم", PUB, True),
    ("وتحدث الوزير عن الاتفاق الذي وقع في عام 2013.", "الاتفاق", PUB, True),
    ("وأدان الوزير الهجوم الذي وقع يوم الأربعاء الماضي.", "الهجوم", PUB, False),
    ("وأدان الوزير الهجوم الذي تشنه القوات منذ أشهر.", "الهجوم", PUB, False),
    ("قصفت الطائرات المواقع التي سيطر عليها التنظيم العام الماضي.", "قصفت", PUB, False),
    # قبل + about + a number + a long period
    ("وحاول الجهاز طلب اعتقاله قبل نحو سنة.", "طلب", None, True),
    ("اندلعت الحرب قبل حوالى أربع سنوات.", "اندلعت", None, True),
    ("وحاول الجهاز طلب اعتقاله قبل نحو ساعة.", "طلب", None, False),
    # a month glossed in brackets (يونيو (حزيران)) does not end the clause
    ("وفي يونيو (حزيران) الماضي طلب البنتاغون من بكين وقف البناء.", "طلب", None, True),
    ("وفي 5 يونيو (حزيران) طلب البنتاغون من بكين وقف البناء.", "طلب", date(2015, 8, 7), True),
    ("طلب البنتاغون من بكين وقف البناء في يونيو (حزيران) الماضي.", "طلب", None, True),
    ("يلتقي الوزراء في أكتوبر (تشرين الأول) المقبل.", "يلتقي", PUB, False),
    ("وفي أكتوبر (تشرين الأول) الماضي التقى الوزراء في باريس.", "التقى", None, True),
    # an old year as a time adverbial in an earlier clause of the sentence dates the clauses after it
    ("وفي عام 2001، قامت الحكومة بهدم المنازل في القرية.", "بهدم", PUB, True),
    ("وفي 12 آذار/مارس 1993، هزت عشرة انفجارات المدينة.", "انفجارات", PUB, True),
    ("وعاد الرئيس من نيجيريا في يوليو (تموز) 2013 بعد تحركات النشطاء، ودانت المحكمة الحكومة.", "ودانت", PUB, True),
    ("هرب الزعيم إلى سوريا في عام 1980، بعد حظر نشاط الحزب.", "حظر", PUB, True),
    ("في عام 1974، عندما دخلت القوات الجزيرة، فرضت واشنطن حظرا على الأسلحة.", "فرضت", PUB, True),
    ("- عام 1979 اقتحم متطرفون المسجد وأطلقوا النار على المصلين.", "وأطلقوا", PUB, True),
    ("وفي عام 2015، قامت الحكومة بهدم المنازل في القرية.", "بهدم", PUB, False),
    ("وكانت الشركة رفعت القضية التي بدأت عام 2012، ولكن القاضي رفض طلبها الخميس.", "رفض", PUB, False),
    ("بدأت القضية عام 2012، ولكن القاضي رفض طلب الشركة الخميس.", "رفض", PUB, False),
    ("وقع الانفجار الأعنف منذ مارس 2014، واتهمت الحكومة إيران.", "واتهمت", PUB, False),
    ("وبموجب الاتفاق الموقع عام 2013، أرسلت الحكومة خبراء إلى المدينة.", "أرسلت", PUB, False),
    ("سقط النظام عام 2011، وأصبحت المنطقة مقسمة لأراض تسيطر عليها قبائل.", "تسيطر", PUB, False),
    ("انتهت الحرب في عام 2003، فيما قال الوزير إن الحكومة اعتقلت المتهمين.", "اعتقلت", PUB, False),
    ("وفي عام 2001، قامت الحكومة بهدم المنازل في القرية.", "بهدم", None, False),
    ("اعتقل الجيش أمس رجلا شارك في هجوم في أغسطس 2014، كما أوقف سوريا في البلدة.", "أوقف", PUB, False),
    ("نشروا صورا للرئيس، كما كان آباؤهم قد فعلوا في عام 1995، وهددوه بالقتل.", "وهددوه", PUB, False),
    ("أعلنت الشرطة مقتل رجل من القائمة التي أعلنت في يونيو من العام 2012، بعد تعرضه لإطلاق نار.", "لإطلاق", PUB, False),
    # no publication date: the latest year the article names as a date stands for its own year
    ("ووقع الانفجار في عام 2013، وقال الوزير في 2015 إن التحقيق مستمر.", "الانفجار", None, True),
    ("وقع الانفجار في عام 2013.", "الانفجار", None, False),
]


@pytest.mark.parametrize(("text", "trigger", "when", "expected"), BACKGROUND_CASES, ids=_ids(BACKGROUND_CASES))
def test_is_background(cues, cue_site, text: str, trigger: str, when: date | None, expected: bool) -> None:
    doc, s, i = cue_site(text, trigger, when)
    assert is_background(cues, doc, s, i) is expected


# --------------------------------------------------------------------------- attribution

ATTRIBUTION_CASES = [
    ("قالت وزارة الداخلية التونسية في بيان إن الشرطة اعتقلت خمسة أشخاص.", [("وزارة الداخلية التونسية", False)]),
    ("وقال الرئيس الفرنسي، اليوم الاثنين، إن بلاده سترسل مساعدات.", [("الرئيس الفرنسي", False)]),
    ("أفادت مصادر أمنية عراقية بمقتل ثلاثة جنود.", [("مصادر أمنية عراقية", True)]),
    ("ذكر مصدر مطلع أن الوفد وصل إلى جنيف.", [("مصدر مطلع", True)]),
    ("وقال شهود عيان إن الطائرات قصفت السوق.", [("شهود عيان", True)]),
    ("وقال مسؤول إسرائيلي لوكالة فرانس برس إن القوات انسحبت.", [("مسؤول إسرائيلي", True), ("وكالة فرانس برس", False)]),
    ("وقال ضابط رفض الكشف عن اسمه إن الهجوم أسفر عن قتلى.", [("ضابط", True)]),
    ("ونقلت وكالة الأنباء الرسمية عن مصدر عسكري قوله إن الهجوم فشل.", [("وكالة الأنباء الرسمية", False), ("مصدر عسكري", True)]),
    ("قتل ثلاثة مدنيين في قصف على القرية، بحسب المرصد السوري لحقوق الإنسان.", [("المرصد السوري لحقوق الإنسان", False)]),
    ("وانسحبت القوات من المدينة وفقا لمصادر محلية.", [("مصادر محلية", True)]),
    ("وانسحبت القوات من المدينة وفقا لـ مصادر محلية.", [("مصادر محلية", True)]),
    ("وصل الوفد إلى بغداد، حسبما ذكرت وكالة رويترز.", [("وكالة رويترز", False)]),
    ("وصل الوفد إلى بغداد نقلا عن التلفزيون الرسمي.", [("التلفزيون الرسمي", False)]),
    ("وأعلن الجيش الأردني، في بيان، إسقاط طائرة مسيرة.", [("الجيش الأردني", False)]),
    ("وقال إن الاتفاق سيوقع قريبا.", []),
    ("قصفت الطائرات مواقع المسلحين في الشمال.", []),
    # the official of a relay asked not to be named, not the outlet; the marker's نشر names no source
    ("ونقلت رويترز عن مسؤول أمريكي طلب عدم نشر اسمه أن واشنطن ستفرض عقوبات.",
     [("رويترز", False), ("مسؤول أمريكي", True)]),
    # a reporting verb with the pronoun of what was reported, after وفق ما / بحسب ما
    ("اعتقلت الشرطة خمسين شخصا، وفق ما ذكرته وكالة الأناضول.", [("وكالة الأناضول", False)]),
    ("وبحسب ما أعلنته وزارة الدفاع الروسية، دمرت الطائرات مقرات للتنظيم.", [("وزارة الدفاع الروسية", False)]),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION_CASES, ids=_ids(ATTRIBUTION_CASES))
def test_attribution(cues, text: str, expected: list[tuple[str, bool]]) -> None:
    doc = document_from_text(text)
    found = attribution(cues, doc, 0)
    assert [(a.name, a.anonymous) for a in found] == expected
    for a in found:
        assert a.span is not None and doc.text[a.span.start : a.span.end] == a.name


# --------------------------------------------------------------------------- quantities

QUANTITY_CASES = [
    ("نشرت الحكومة 100 جندي على الحدود.", "نشرت", [(100, "soldiers")]),
    ("أرسلت المملكة ألفي جندي إلى البحرين.", "أرسلت", [(2000, "soldiers")]),
    ("حملت الطائرة 35 طنا من المساعدات.", "حملت", [(35, "tonnes")]),
    ("وصلت سفينة تحمل ثلاثة آلاف طن من القمح.", "تحمل", [(3000, "tonnes")]),
    ("وقدمت المملكة مئة مليون دولار للاجئين.", "وقدمت", [(100_000_000, "US dollars")]),
    ("أسقطت الدفاعات طائرتين مسيرتين.", "أسقطت", [(2, "drones")]),
    ("أسقطت الدفاعات طائرتين قرب الحدود.", "أسقطت", [(2, "aircraft")]),
    ("اعتقلت الشرطة شخصين في المدينة.", "اعتقلت", [(2, "people")]),
    ("وقتل جنديان في الهجوم.", "الهجوم", [(2, "soldiers killed")]),
    ("أطلق المسلحون قذيفتي هاون على الموقع.", "أطلق", [(2, "mortar shells")]),
    ("قتل 11 شخصا وجرح 30 آخرون في الاشتباكات.", "قتل", [(11, "killed"), (30, "wounded")]),
    ("وأسفر الهجوم عن مقتل 52 شخصا وإصابة 700 آخرين.", "الهجوم", [(52, "killed"), (700, "injured")]),
    ("لقي 20 شخصا مصرعهم في التفجير.", "التفجير", [(20, "killed")]),
    ("أصيب سبعة أشخاص بجروح في الهجوم.", "الهجوم", [(7, "injured")]),
    ("قتل ثلاثة جنود في الكمين.", "الكمين", [(3, "soldiers killed")]),
    ("أعلنت الشرطة اعتقال أكثر من 40 مشتبها.", "اعتقال", [(40, "suspects")]),
    ("شنت المقاتلات 41 غارة جوية على مواقع التنظيم.", "شنت", [(41, "air strikes")]),
    ("نفذ التحالف عشرات الغارات على المدينة.", "نفذ", [(10, "air strikes")]),
    ("نزح مئات الآلاف من السكان.", "نزح", []),
    ("تظاهر آلاف الأشخاص في الساحة.", "تظاهر", [(1000, "people")]),
    ("قتل المهاجمين الأربعة برصاص الشرطة.", "قتل", [(4, "attackers killed")]),
    ("استقبلت الأردن 600 ألف لاجئ سوري.", "استقبلت", [(600_000, "refugees")]),
    ("أطلق الجيش 12 صاروخا على الموقع.", "أطلق", [(12, "missiles")]),
    ("أطلق الجيش صاروخا على الموقع.", "أطلق", []),
    ("وقتل جندي في الهجوم.", "الهجوم", [(1, "soldiers killed")]),
    ("لقي جندي مصرعه في الانفجار.", "الانفجار", [(1, "soldiers killed")]),
    ("أدى الانفجار إلى مقتل شخص واحد.", "الانفجار", [(1, "killed")]),
    ("أسفر الهجوم عن مقتل (20) شخصا.", "الهجوم", [(20, "killed")]),
    ("قالت الشرطة إن اثنين من عناصر الأمن قتلا في الكمين.", "الكمين", [(2, "security personnel killed")]),
    ("قالت الشرطة إن اثنين من عناصر الحرس قتلا في الكمين.", "الكمين", [(2, "members killed")]),
    ("اعتقلت الشرطة أكثر من ألف و500 مشتبه به.", "اعتقلت", [(1500, "suspects")]),
    ("أعدم التنظيم 5 مدنيين في الساحة.", "أعدم", [(5, "civilians executed")]),
    # figure after a comma or in another sentence does not attach
    ("وقتل 28 شخصا في الاشتباكات، بينهم 17 مسلحا.", "الاشتباكات", [(28, "killed")]),
    ("زار الرئيس المدينة. وقتل 28 شخصا في الاشتباكات.", "زار", []),
    # numbers without unit are not quantities
    ("وقع الهجوم في 14 يوليو 2015.", "الهجوم", []),
    ("اعتقلت الشرطة شابا يبلغ 20 عاما.", "اعتقلت", []),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), QUANTITY_CASES, ids=_ids(QUANTITY_CASES))
def test_quantities(cues, cue_site, text: str, trigger: str, expected: list[tuple[float, str]]) -> None:
    doc, s, i = cue_site(text, trigger)
    found = quantities(cues, doc, s, i)
    assert [(q.value, q.unit) for q in found] == expected


def test_quantity_span_points_at_raw_text(cue_site, cues) -> None:
    doc, s, i = cue_site("حملت الطائرة ٣٥ طناً من المساعدات.", "حملت")
    (q,) = quantities(cues, doc, s, i)
    assert q.value == 35 and q.unit == "tonnes"
    assert q.span is not None and doc.text[q.span.start : q.span.end] == q.span.text
    assert q.span.text.startswith("٣٥")
    assert q.to_dict() == {"value": 35, "unit": "tonnes"}


# --------------------------------------------------------------------------- plumbing


def test_clause_bounds_stop_at_boundaries() -> None:
    words = "لم يصدر تعليق , لكن القوات قصفت المدينه".split()
    assert clause_bounds(words, 6) == (4, 8)
    assert clause_bounds(words, 1) == (0, 3)


def test_cues_load_lazily_and_once(tmp_path) -> None:
    cues = load_cues()
    assert "modality" not in vars(cues)
    first = cues.modality
    assert cues.modality is first
    assert cues.warm() is cues


def test_cue_files_have_header_and_documented() -> None:
    cues = load_cues()
    names = sorted(p.name for p in cues.root.glob("*.tsv"))
    readme = (cues.root / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert f"`{name}`" in readme
        rows = cues.rows(name)
        assert rows, name
        first = next(iter(rows[0]))
        assert all(r[first] for r in rows), name


def test_attribution_inherit_from_earlier_sentence(cues) -> None:
    doc = document_from_text("قالت وزارة الدفاع إن الطائرات قصفت المواقع. وأضافت أن القوات تقدمت نحو المدينة.")
    assert attribution(cues, doc, 1) == []
    inherited = attribution(cues, doc, 1, inherit=True)
    assert [a.name for a in inherited] == ["وزارة الدفاع"]
    plain = document_from_text("قصفت الطائرات المواقع. وتقدمت القوات نحو المدينة.")
    assert attribution(cues, plain, 1, inherit=True) == []


_DEGENERATE = [".", "،،،", "1980 -", "قال", "بحسب", "نقلت عن", "سوف", "5", "ألف", "طائرتين"]


@pytest.mark.parametrize("text", _DEGENERATE, ids=[f"deg{k}" for k in range(len(_DEGENERATE))])
def test_cues_survive_degenerate_sentences(cues, text: str) -> None:
    doc = document_from_text(text)
    for s, sent in enumerate(doc.sentences):
        attribution(cues, doc, s, inherit=True)
        for i in range(sent.first_token, sent.last_token):
            assert modality(cues, doc, s, i) in ("asserted", "negated", "hypothetical", "future")
            embedded_under(cues, doc, s, i)
            is_background(cues, doc, s, i)
            quantities(cues, doc, s, i)


@pytest.mark.parametrize("module", [
    "marsad.coding.modality", "marsad.coding.arguments", "marsad.coding.argrank", "marsad.coding.coder",
    "marsad.coding.clause_frame", "marsad.coding.subject_of", "marsad.coding.choice", "marsad.coding.event_modality",
    "marsad.actors.stage", "marsad.actors.pieces", "marsad.actors.coref", "marsad.actors.groupings",
    "marsad.when_where.places", "marsad.when_where.place_choice",
])
def test_word_sets_matched_against_token_keys_are_in_normalized_form(module):
    """Token keys are normalized (ى → ي, ة → ه, أ/إ → ا, ئ/ؤ → ي/و): a word in another form never
    matches.  Found so: حتى in modality's year leads, على/إلى in argrank, places and pieces,
    رئيسان among the dual referents, قبالة, قرى."""
    import importlib
    import re

    from marsad.text.normalize import normalize_text

    arabic = re.compile("[\u0600-\u06ff]")
    mod = importlib.import_module(module)
    sets = {name: value for name, value in vars(mod).items()
            if isinstance(value, frozenset) and value and all(isinstance(w, str) for w in value)}
    for name, words in sets.items():
        assert {w for w in words if arabic.search(w) and normalize_text(w) != w} == set(), name
