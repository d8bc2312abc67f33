"""The seeded draw of the random held-out set (scripts/draw_random_articles.py, issue #4)."""

from __future__ import annotations

import json

import pytest
from script_modules import ROOT, load_script

dr = load_script("draw_random_articles")

POLITICAL = "قال وزير الخارجية إن الحكومة ستبحث الاتفاق مع السفير في العاصمة اليوم قبل اجتماع آخر " * 8
SPORTS = "فاز الفريق الأول على ضيفه بهدفين في المباراة الودية التي أقيمت مساء أمس في الملعب " * 8


def test_draw_random_articles_stem_strips_clitics():
    assert dr.stem("وبالجيش") == "جيش"
    assert dr.stem("للحكومة") == "حكومة"
    assert dr.stem("والقوات") == "قوات"
    assert dr.stem("مجلس") == "مجلس"


def test_draw_random_articles_political_words():
    assert dr.political_words("التقى وزير الخارجية بالسفير في مقر الأمم المتحدة") == {"وزير", "سفير", "الأمم المتحدة"}
    assert dr.political_words("فاز الفريق على ضيفه") == set()


def _corpus() -> list[dict]:
    rows = [{"id": f"x{i}", "source": "s", "title": "t", "text": SPORTS} for i in range(8000)]
    rows += [{"id": f"p{i}", "source": "s", "title": "t", "text": f"{i} {POLITICAL} {i}"} for i in range(3)]
    rows += [{"id": "q", "source": "s", "title": "t", "text": POLITICAL.replace("الحكومة", "الجيش") + "نهاية مختلفة " * 200}]
    return rows


def test_draw_random_articles_rule_and_seed():
    corpus = _corpus()
    got = dr.draw(corpus, set(), [], seed=19, n=10)
    ids = [corpus[p]["id"] for p in got]
    assert len(ids) == 1 and ids[0].startswith("p"), ids  # one of three copies of a story; no sports; q too long
    assert dr.draw(corpus, set(), [], seed=19, n=10) == got
    assert dr.draw(corpus, {corpus[got[0]]["id"]}, [], seed=19, n=10) != got
    assert dr.eligible(corpus, set(), [dr.four_grams(POLITICAL)]) == []  # overlap with train excludes
    assert 8000 not in dr.eligible(corpus, {"p0"}, [])
    assert all(not dr.in_range(p) for p in (0, 2999, 7999, 10000, 29999)) and dr.in_range(30000)


def test_draw_random_articles_ranges_option():
    assert dr.parse_ranges("8000-9999,30000-") == dr.RANGES
    assert dr.parse_ranges("3000-4999") == ((3000, 5000),)
    assert dr.parse_ranges("0-2999,14000-29999") == ((0, 3000), (14000, 30000))
    for bad in ("3000", "x-5", "5000-3000", "-10"):
        with pytest.raises(ValueError):
            dr.parse_ranges(bad)
    ranges = dr.parse_ranges("3000-4999")
    assert dr.in_range(3000, ranges) and dr.in_range(4999, ranges) and not dr.in_range(5000, ranges)
    corpus = _corpus()
    assert dr.draw(corpus, set(), [], seed=19, n=10, ranges=dr.parse_ranges("0-7999")) == []  # sports only
    assert dr.main(["--ranges", "-5"]) == 2


RANDOM = ROOT / "annotations" / "saudinewsnet_random.jsonl"
RANDOM2 = ROOT / "annotations" / "saudinewsnet_random2.jsonl"
RANDOM3 = ROOT / "annotations" / "saudinewsnet_random3.jsonl"
RANDOM4 = ROOT / "annotations" / "saudinewsnet_random4.jsonl"


def _readme_section(heading: str) -> str:
    """The part of annotations/README.md from the line ``heading`` to the next top-level heading."""
    text = (ROOT / "annotations" / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n{heading}\n")
    end = text.find("\n# ", start + 1)
    return text[start:] if end < 0 else text[start:end]


@pytest.mark.parametrize("path, seed, n, ranges, exclude, heading", [
    (RANDOM, 19, 60, dr.RANGES, (), "# Random held-out set (issue #4, nineteenth session)"),
    (RANDOM2, 20, 80, ((3000, 5000),), (RANDOM,), "# Second random held-out set, other days (issue #4, nineteenth session)"),
    (RANDOM3, 21, 80, ((0, 3000), (14000, 30000)), (RANDOM, RANDOM2),
     "# Third random held-out set, other weeks (issue #4, twentieth session)"),
    (RANDOM4, 22, 80, ((14000, 30000),), (RANDOM, RANDOM2, RANDOM3),
     "# Fourth random held-out set (issue #4, twenty-first session)"),
], ids=["random", "random2", "random3", "random4"])
def test_draw_random_articles_reproduces_the_annotated_set(shared, path, seed, n, ranges, exclude, heading):
    """Each committed random set is its draw (seed 19: the default ranges; seed 20: positions 3000-4999,
    the first random set excluded as well; seed 21: positions 0-2999 and 14000-29999, both earlier random
    sets excluded; seed 22: positions 14000-29999, the three earlier random sets excluded) taken in order,
    minus the skips listed in the set's own section of the README."""
    corpus_path = shared / "data" / "news" / "saudinewsnet.jsonl"
    if not corpus_path.exists():
        pytest.skip("SaudiNewsNet corpus not present in ../shared")
    corpus = dr.read_jsonl(corpus_path)
    train = dr.read_jsonl(shared / "eval" / "train" / "saudinewsnet.jsonl")
    extra_ids = {a["id"] for f in (dr.EXTRA, *exclude) for a in dr.read_jsonl(f)}
    by_id = {r["id"]: r for r in corpus}
    seen = [dr.four_grams(r["text"]) for r in train] + [dr.four_grams(by_id[i]["text"]) for i in extra_ids]
    drawn = [corpus[p]["id"] for p in dr.draw(corpus, {r["id"] for r in train} | extra_ids, seen, seed, n, ranges)]
    with open(path, encoding="utf-8") as fh:
        annotated = [json.loads(line)["id"] for line in fh if line.strip()]
    readme = _readme_section(heading)
    last = max(drawn.index(i) for i in annotated)
    assert annotated == [i for i in drawn[:last + 1] if f"`{i}`" not in readme]
    assert all(f"`{i}`" in readme for i in drawn[:last + 1] if i not in annotated)
