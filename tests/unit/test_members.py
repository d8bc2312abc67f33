"""The group whose members are arrested or released is the act's target (marsad.coding.members)."""

from token_sites import mention, toks

from marsad.coding.members import member_target


def test_members_arrest_of_people_belonging_to_a_group():
    # القبض على 400 عنصر ينتمون إلى تنظيم داعش
    t = toks("أعلنت الوزارة القبض على 400 عنصر ينتمون إلى تنظيم داعش")
    src, isis = mention("SAU", 1, 2, agent="POL"), mention("NSA:ISIS", 8, 10)
    assert member_target(t, [src, isis], "17", 4, len(t), [src]) is isis


def test_members_suspected_membership_with_a_clitic():
    # أوقفت الشرطة ستة أشخاص يشتبه في انتمائهم لحزب العمال الكردستاني
    t = toks("أوقفت الشرطة ستة أشخاص يشتبه في انتمائهم لحزب العمال الكردستاني")
    src, pkk = mention("SYR", 1, 2, agent="POL"), mention("TUR", 7, 10, text="حزب العمال الكردستاني")
    assert member_target(t, [src, pkk], "17", 1, len(t), [src]) is pkk


def test_members_not_past_a_clause_word_nor_for_attacks():
    # قتل 21 شخصا في هجوم يرجح أن منفذيه ينتمون لبوكو حرام: the attackers belong to Boko Haram
    t = toks("اعتقلت الشرطة 21 شخصا بعد هجوم يرجح أن منفذيه ينتمون لجماعة بوكو حرام")
    src, bh = mention("CMR", 1, 2, agent="POL"), mention("NGA", 10, 13, text="جماعة بوكو حرام")
    assert member_target(t, [src, bh], "17", 1, len(t), [src]) is None
    t = toks("قتلت الشرطة خمسة مسلحين ينتمون إلى تنظيم القاعدة")
    src, aq = mention("TUN", 1, 2, agent="POL"), mention("NSA:ALQAEDA", 6, 8)
    assert member_target(t, [src, aq], "19", 1, len(t), [src]) is None


def test_members_group_of_the_source_state_is_left_to_the_model():
    # اعتقلت الشرطة التركية أشخاصا ينتمون إلى حزب تركي: same code as the source, nothing to change
    t = toks("اعتقلت الشرطة التركية أشخاصا ينتمون إلى الحزب")
    src, party = mention("TUR", 1, 3, agent="POL"), mention("TUR", 6, 7)
    assert member_target(t, [src, party], "17", 1, len(t), [src]) is None
