"""HTML backends, RSS/Atom feeds, WARC archives and language identification."""

import gzip
import io
import json

import pytest

from marsad.document import Article
from marsad.ingest import html as html_mod
from marsad.ingest.langid import identify, language_problem
from marsad.ingest.readers import InputRejection, read_inputs

AR = ("التقى وزير الخارجية السعودي الأمير فيصل بن فرحان نظيره الأمريكي أنتوني بلينكن في الرياض اليوم "
      "الثلاثاء، وبحث الجانبان العلاقات الثنائية وسبل تعزيزها في مختلف المجالات.")
AR2 = "وقال بيان للخارجية إن الوزيرين ناقشا التطورات الإقليمية والدولية ذات الاهتمام المشترك."
FA = ("وزیر امور خارجه ایران امروز در سفر به مسکو با همتای روسی خود دیدار و گفتگو کرد و دو طرف درباره "
      "روابط دوجانبه و تحولات منطقه تبادل نظر کردند.")
UR = ("پاکستان کے وزیر اعظم نے آج کہا کہ حکومت ملک میں امن کے لیے کام کرے گی اور ہمسایہ ممالک کے ساتھ "
      "اچھے تعلقات چاہتی ہے۔")
EN = ("The foreign minister met his counterpart in Moscow today to discuss the crisis in the region and "
      "bilateral relations between the two countries.")
PAGE = ('<html><head><title>عنوان - موقع</title><meta charset="utf-8">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
        '<meta name="author" content="أحمد علي"></head><body><nav>الرئيسية أخبار رياضة</nav>'
        f'<article><h1>وزير الخارجية يلتقي نظيره</h1><p>{AR}</p><p>{AR2}</p></article>'
        '<footer>جميع الحقوق محفوظة</footer><script>var x = 1;</script></body></html>')


@pytest.mark.parametrize("backend", ["stdlib", "selectolax", "trafilatura"])
def test_html_backends_find_text_title_and_date(backend):
    if not html_mod.available(backend):
        pytest.skip(f"{backend} not installed")
    a = html_mod.article_from_html(PAGE.encode(), id="p", url="https://example.com/a", backend=backend)
    assert AR in a.text and AR2 in a.text
    assert "الرئيسية" not in a.text and "var x" not in a.text and "الحقوق" not in a.text
    assert a.title == "وزير الخارجية يلتقي نظيره" and a.date.isoformat() == "2024-03-05"
    if backend == "trafilatura":
        assert a.meta["author"] == "أحمد علي"


def test_html_auto_falls_back_to_stdlib(monkeypatch):
    monkeypatch.setattr(html_mod, "available", lambda b: b == "stdlib")
    assert html_mod.resolve_backend("auto") == "stdlib"
    assert html_mod.resolve_backend("trafilatura") == "stdlib"
    a = html_mod.article_from_html(PAGE, id="p")
    assert AR in a.text and a.date.isoformat() == "2024-03-05"


def test_html_charset_from_header_or_page():
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{AR}</p></body></html>'
    data = page.encode("cp1256")
    assert AR in html_mod.article_from_html(data, id="x", backend="stdlib").text
    assert AR in html_mod.article_from_html(data.replace(b"windows-1256", b"utf-8"), id="x", backend="stdlib",
                                            charset="cp1256").text


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>صحيفة الاختبار</title><link>https://news.example/</link>
<item><title>لقاء في الرياض</title><link>https://news.example/1</link><guid>urn:a:1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;{AR}&lt;/p&gt;</description></item>
<item><title>بلا نص</title><link>https://news.example/2</link></item>
<item><title>خبر ثالث</title><link>https://news.example/3</link><description>{AR2} {AR}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة أتوم</title><id>urn:feed</id>
<updated>2024-03-06T00:00:00Z</updated>
<entry><title>بيان الخارجية</title><id>urn:b:1</id><link href="https://atom.example/1"/>
<published>2024-03-06T08:00:00Z</published><updated>2024-03-06T09:00:00Z</updated>
<content type="html">&lt;p&gt;{AR2} {AR}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom_entries_become_articles(tmp_path):
    pytest.importorskip("feedparser")
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "a.rss").write_text(RSS, encoding="utf-8")
    (feeds / "b.atom").write_text(ATOM, encoding="utf-8")
    items = list(read_inputs([str(feeds)]))
    arts = [i for i in items if isinstance(i, Article)]
    rejs = [i for i in items if isinstance(i, InputRejection)]
    assert [a.id for a in arts] == ["urn:a:1", "https://news.example/3", "urn:b:1"]
    first = arts[0]
    assert first.text == AR and first.title == "لقاء في الرياض" and first.url == "https://news.example/1"
    assert first.outlet == "صحيفة الاختبار" and first.date.isoformat() == "2024-03-05"
    assert arts[2].outlet == "وكالة أتوم" and arts[2].date.isoformat() == "2024-03-06"
    assert arts[2].url == "https://atom.example/1" and "<p>" not in arts[2].text
    assert [(r.id, r.code) for r in rejs] == [("https://news.example/2", "no_text")]


def test_broken_feed_is_a_rejection(tmp_path):
    pytest.importorskip("feedparser")
    (tmp_path / "bad.xml").write_text("<rss><channel><item>not closed", encoding="utf-8")
    (item,) = list(read_inputs([str(tmp_path / "bad.xml")]))
    assert isinstance(item, InputRejection) and item.code == "bad_feed"


def _write_warc(path, compress):
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=compress)
        w.write_record(w.create_warcinfo_record("x.warc", {"software": "test"}))

        def response(uri, body, ctype, status="200 OK"):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            w.write_record(rec)
            return rec.rec_headers.get_header("WARC-Record-ID")

        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "a.example")], is_http_request=True)
        w.write_record(w.create_warc_record("https://a.example/1", "request", payload=io.BytesIO(b""),
                                            http_headers=req))
        rid = response("https://a.example/1", PAGE.encode(), "text/html; charset=utf-8")
        response("https://a.example/logo.png", b"\x89PNG....", "image/png")
        response("https://a.example/old", b"", "text/html", status="301 Moved Permanently")
        page1256 = f"<html><body><article><p>{AR2} {AR}</p></article></body></html>".encode("cp1256")
        response("https://a.example/2", page1256, "application/xhtml+xml; charset=windows-1256")
        response("https://a.example/fa", f"<html><body><p>{FA}</p></body></html>".encode(), "text/html")
    return rid


@pytest.mark.parametrize("name,compress", [("a.warc", False), ("a.warc.gz", True)])
def test_warc_html_responses_become_articles(tmp_path, name, compress):
    from marsad.ingest.warc import WarcCounts, read_warc

    rid = _write_warc(tmp_path / name, compress)
    counts = WarcCounts()
    arts = list(read_warc(tmp_path / name, counts))
    assert counts["articles"] == 3 and counts.skipped() == 4
    assert counts["skipped:request"] == 1 and counts["skipped:not_html"] == 1 and counts["skipped:status_301"] == 1
    assert arts[0].id == rid and arts[0].url == "https://a.example/1" and AR in arts[0].text
    assert arts[0].date.isoformat() == "2024-03-05"
    assert AR in arts[1].text  # decoded by the charset of the HTTP header
    items = list(read_inputs([str(tmp_path / name)]))  # through read_inputs: the Persian page is rejected
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputRejection"]
    assert items[2].code == "not_arabic" and "Persian" in items[2].reason


def test_damaged_warc_is_read_as_far_as_possible_never_a_crash(tmp_path):
    _write_warc(tmp_path / "a.warc.gz", True)
    data = (tmp_path / "a.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2] + b"garbage" * 10)
    items = list(read_inputs([str(tmp_path / "cut.warc.gz")]))
    assert items and isinstance(items[0], Article) and AR in items[0].text
    (tmp_path / "junk.warc").write_bytes(b"this is not a WARC file at all\r\n" * 20)
    (item,) = list(read_inputs([str(tmp_path / "junk.warc")]))
    assert isinstance(item, InputRejection) and item.code == "bad_file"


@pytest.mark.parametrize("text,lang", [(AR + AR2, "ar"), (FA, "fa"), (UR, "ur"), (EN, "en")])
def test_language_identification(text, lang):
    if lang == "en":
        pytest.importorskip("pycld2")  # without CLD2 a page in Latin script is "und" (the ratio rejects it)
    assert identify(text).lang == lang
    assert (language_problem(text) is None) == (lang == "ar")


def test_persian_by_letters_without_cld2(monkeypatch):
    from marsad.ingest import langid

    monkeypatch.setattr(langid, "cld2_guess", lambda text: None)
    assert identify(FA).lang == "fa" and identify(UR).lang == "ur" and identify(AR + AR2).lang == "ar"
    assert identify(EN).lang == "und" and language_problem(AR) is None


def test_arabic_with_some_persian_names_stays_arabic():
    text = AR + " وقال الوزير إن زيارة بيشاور وگيلان كانت مثمرة. " + AR2
    assert language_problem(text) is None


def test_non_arabic_jsonl_articles_rejected_with_language(tmp_path):
    pytest.importorskip("pycld2")
    p = tmp_path / "mixed.jsonl.gz"
    recs = [{"id": "ar", "text": AR}, {"id": "fa", "text": FA}, {"id": "en", "text": EN}, {"id": "ur", "text": UR}]
    p.write_bytes(gzip.compress("\n".join(json.dumps(r, ensure_ascii=False) for r in recs).encode()))
    items = list(read_inputs([str(p)]))
    assert [(i.id, getattr(i, "code", None)) for i in items] == [
        ("ar", None), ("fa", "not_arabic"), ("en", "not_arabic"), ("ur", "not_arabic")]
    assert "Urdu" in items[3].reason and "English" in items[2].reason
    assert all(isinstance(i, Article) for i in read_inputs([str(p)], language=False))


def test_zstd_and_xz_jsonl(tmp_path):
    import lzma

    zstandard = pytest.importorskip("zstandard")
    line = (json.dumps({"id": "z", "text": AR}, ensure_ascii=False) + "\n").encode()
    (tmp_path / "a.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(line))
    (tmp_path / "b.jsonl.xz").write_bytes(lzma.compress(line))
    assert [i.id for i in read_inputs([str(tmp_path)])] == ["z", "z"]
