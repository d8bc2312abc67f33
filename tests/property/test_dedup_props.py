"""Property tests for de-duplication: regrouping from a previous grouping is grouping from scratch.

The store regroups each batch's new mentions with the stored ones they can affect, handing the
grouper the stored mentions' previous groups (:meth:`marsad.store.dedup.Grouper.group`).  The
grouper reuses a previous decision while no group that differs between the two runs can take
the mention.  Whatever the mentions and whichever of them are "stored", the result must be the
from-scratch grouping of all of them.

Examples per property: ``MARSAD_FUZZ_EXAMPLES`` (default 300), as in tests/reliability.
"""

import os
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.store.dedup import Grouper, MentionKey

PROPS = settings(max_examples=int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "300")), deadline=None)
TEXTS = ["قصفت الطائرات مواقع في المدينة", "قصفت الطائرات مواقع في المدينة أمس",
         "اشتباكات عنيفة قرب الحدود", "غارة جوية على مخزن للأسلحة", "قصف مدفعي"]


@st.composite
def mentions(draw) -> list[MentionKey]:
    n = draw(st.integers(1, 40))
    out = []
    for i in range(n):
        precision = draw(st.sampled_from(["day", "day", "day", "month", "year", None]))
        when = date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 70)))
        if precision == "month":
            when = when.replace(day=1)
        elif precision == "year":
            when = date(2024, 1, 1)
        src = draw(st.sampled_from(["SAU", "YEM"]))
        out.append(MentionKey(
            mention_id=f"m{i}", content_hash=f"h{draw(st.integers(0, n // 2))}", idx=i,
            source_code=src, target_code=draw(st.sampled_from(["YEM", None])), root="19", modality="asserted",
            source_agent=draw(st.sampled_from([None, "GOV", "REB"])),
            target_agent=draw(st.sampled_from([None, "GOV", "REB"])),
            country=draw(st.sampled_from([None, None, "YEM", "SAU"])),
            date=None if precision is None else when, precision=precision, evidence=draw(st.sampled_from(TEXTS))))
    return out


@given(mentions(), st.data(), st.sampled_from([0, 2, 5]), st.sampled_from([1, 3, 200]))
@PROPS
def test_regrouping_from_a_previous_grouping_equals_grouping_from_scratch(ms, data, window, cap):
    stored = [m for m in ms if data.draw(st.booleans(), label=f"stored {m.mention_id}")]
    previous = Grouper(window, max_candidates=cap).group(stored)
    want = Grouper(window, max_candidates=cap).group(ms)
    assert Grouper(window, max_candidates=cap).group(ms, previous) == want
