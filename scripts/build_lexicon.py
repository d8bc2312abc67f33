"""Build the Arabic trigger lexicon (src/marsad/resources/lexicon/NN.tsv).

The compact, hand-curated source lives in ``scripts/lexicon_src/NN.txt``: the
same columns as the output (``pattern<TAB>cameo<TAB>flags<TAB>note``; the
columns may also be separated by `` ; ``, which is easier to type; the note is the
rest of the line, ``;`` included) but a
pattern word may use macros that expand to inflected forms:

``{v:PAST/IMPF}``   active verb, 3rd person: past 3ms/3fs/3mpl/3mdu/3fdu from the
                    3ms perfect, present 3ms/3fs/3mpl/3mdu/3fdu (+ subjunctive
                    يفعلوا) from the imperfect stem (the imperfect without its
                    prefix: يدين → دين, يدعو → دعو, يلتقي → لتقي).
``{v1:PAST/IMPF}``  the same plus 1st person (أفعل، نفعل، فعلنا) for statement verbs.
``{p:PAST/IMPF}``   passive verb (أُدين/يُدان → ``{p:أدين/دان}``); forms that are
                    spelled like an active form anywhere in the lexicon are dropped,
                    since undiacritized text cannot tell them apart.
``{ap:STEM}``       participle/adjective: STEM, STEMا, STEMة, STEMين, STEMون, STEMان…
``@NAME``           a word set defined in the same file by ``@NAME = alt|alt|…``.
``-FORM``           remove FORM from the alternatives of this pattern word.

``#`` lines are copied to the output (they group entries by sub-code).
Run:  PYTHONPATH=src .venv/bin/python scripts/build_lexicon.py
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "scripts" / "lexicon_src"
OUT = ROOT / "src" / "marsad" / "resources" / "lexicon"
HEADER = "pattern\tcameo\tflags\tnote"
MACRO = re.compile(r"^\{(v1|v|p|ap):([^}]+)\}$")
SETDEF = re.compile(r"^@(\w+)\s*=\s*(.+)$")
ALLOWED_FLAGS = {"sym", "visit", "host", "passive", "noun", "notarget", "weak", "stance", "verbal", "armed"}


sys.path.insert(0, str(ROOT / "src"))
from marsad.text.normalize import normalize_text  # noqa: E402
from marsad.text.tokens import word_key  # noqa: E402


def _fold(word: str) -> str:
    """Spelling-insensitive key (same folding as the package normalizer)."""
    return normalize_text(word)


def past_forms(p: str, first: bool = False) -> list[str]:
    """3rd person past forms (and 1st plural when ``first``) of a 3ms perfect."""
    if p[-1] in "اى" and len(p) >= 3:
        base = p[:-1]
        dual = base + ("يا" if p[-1] == "ى" else "وا")
        out = [p, base + "ت", base + "وا", dual, base + "تا", base + "و"]
        if first:
            out.append(base + ("ينا" if p[-1] == "ى" else "ونا"))
        return out
    out = [p, p + "ت", p + "وا", p + "ا", p + "تا", p + "و"]
    if first:
        out.append(p + "نا")
    return out


def present_forms(s: str, first: bool = False) -> list[str]:
    """3rd person present forms (and 1st person when ``first``) of an imperfect stem."""
    weak_end = s[-1] in "ويى"
    mpl = (s[:-1] if weak_end else s) + "ون"
    subj = (s[:-1] if weak_end else s) + "وا"
    dual = (s[:-1] + "يان") if s[-1] == "ى" else s + "ان"
    out = ["ي" + s, "ت" + s, "ي" + mpl, "ي" + dual, "ت" + dual, "ي" + subj]
    if first:
        out += ["أ" + s, "ن" + s]
    return out


def passive_forms(spec: str) -> list[str]:
    past, _, impf = spec.partition("/")
    out = [past, past + "ت", past + "وا"]
    if impf:
        out += ["ي" + impf, "ت" + impf, "ي" + impf + "ون"]
    return out


def participle_forms(stem: str) -> list[str]:
    return [stem + s for s in ("", "ا", "ة", "ين", "ون", "ان", "تان", "تين", "ات")]


OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما")


def with_object(forms: list[str]) -> list[str]:
    """Verb forms followed by an object pronoun (حمّله، طالبها، استقبلوه، التقاه)."""
    out = []
    for f in forms:
        if f.endswith("وا"):
            stem = f[:-1]
        elif f.endswith("ى"):
            stem = f[:-1] + "ا"
        elif f.endswith("و") and not f.startswith(("ي", "ت", "أ", "ن")):
            continue
        else:
            stem = f
        out += [stem + s for s in OBJECT_SUFFIXES]
    return out


def suffix_stems(form: str, last: bool) -> list[str]:
    """Spellings a noun takes before a pronoun suffix: زيارة → زيارت(ه), لقاء → لقائ(ه).

    On the last pattern word the matcher strips the suffix, so the bare stem is
    enough; on other words the suffixed forms themselves are listed.
    """
    if form.endswith("ة"):
        stem = form[:-1] + "ت"
    elif form.endswith("اء"):
        stem = form[:-1] + "ئ"
    else:
        return []
    return [stem] if last else [stem + s for s in OBJECT_SUFFIXES]


def expand_alt(alt: str) -> tuple[list[str], bool]:
    """Forms of one alternative; the flag tells whether they are passive forms."""
    m = MACRO.match(alt)
    if not m:
        return [alt], False
    kind, spec = m.groups()
    if kind == "ap":
        return participle_forms(spec), False
    if kind == "p":
        return passive_forms(spec), True
    past, _, impf = spec.partition("/")
    first = kind == "v1"
    forms = past_forms(past, first)
    if impf:
        forms += present_forms(impf, first)
    return forms, False


def expand_word(word: str, sets: dict[str, list[str]], active: set[str], objects: bool = False) -> list[str]:
    """All surface alternatives of one pattern word (deduplicated by folded form).

    With ``objects`` (a verb slot that is not the last pattern word, where the
    matcher does not strip pronoun suffixes) active verb forms also get their
    object-suffixed spellings.
    """
    if word == "~":
        return ["~"]
    forms: list[str] = []
    alts = word.split("|")
    removed = {_fold(a[1:]) for a in alts if a.startswith("-")}
    for alt in alts:
        if alt.startswith("-"):
            continue
        if alt.startswith("@"):
            if alt[1:] not in sets:
                raise ValueError(f"unknown set {alt}")
            forms += expand_word("|".join(sets[alt[1:]]), sets, active, objects)
            continue
        got, passive = expand_alt(alt)
        if passive:
            got = [f for f in got if _fold(f) not in active]
        elif objects and MACRO.match(alt) and alt[1] == "v":
            got = got + with_object(got)
        if not passive and not (MACRO.match(alt) and alt[1] == "v"):
            got = got + [x for f in got if _fold(f) not in removed for x in suffix_stems(f, not objects)]
        forms += got
    seen: set[str] = set()
    out = []
    for f in forms:
        k = _fold(f)
        if k in removed or k in seen:
            continue
        seen.add(k)
        out.append(f)
    return out


def active_forms(lines: list[str]) -> set[str]:
    """Folded 3rd-person forms produced by every active verb macro in the sources.

    1st-person forms are left out: أدين "I condemn" is rare in news, أُدين "was
    convicted" is not.
    """
    out: set[str] = set()
    for ln in lines:
        for m in re.finditer(r"\{(v1|v):([^}]+)\}", ln):
            forms, _ = expand_alt("{v:" + m.group(2) + "}")
            out.update(_fold(f) for f in forms)
    return out


def verb_only_forms(lines: list[str]) -> dict[str, bool]:
    """Folded keys of verb forms (``v``, ``v1``, ``p`` macros, with object pronouns other than ه,
    which folds like ة: توصيه / توصية) that no pattern
    lists as a plain word, each with whether one of its forms begins with ال (التقت، التزموا، ألغت:
    their key, like every key, is the word without it): the matcher never reads them behind ب or
    ك (بدأنا is not ب + دانا "they condemned") nor behind the article unless the verb begins with it
    (اليدين "the hands" is not يدين "condemns", والدانا "our father" not دانا).  The 3ms perfect
    is left out: it is spelled like the verbal noun of many verbs (بقتل "by killing", بقصف)."""
    verbs: dict[str, bool] = {}
    plain: set[str] = set()
    for ln in lines:
        if ln.startswith("#"):
            continue
        for alt in re.split(r"[|\s~=]+", ln.split(";", 1)[0]):  # the pattern field: not the code, flags or note
            m = MACRO.match(alt)
            if m and m.group(1) in ("v", "v1", "p"):
                forms = expand_alt(alt)[0][1:]
                objects = [f for f in with_object(forms) if not f.endswith("ه")]  # توصيه: also توصية
                for f in map(_fold, forms + objects):
                    key = word_key(f)
                    verbs[key] = verbs.get(key, False) or key != f
            elif alt and not alt.startswith(("{", "@", "-")):
                plain.add(word_key(_fold(alt)))
    return {k: al for k, al in verbs.items() if k not in plain}


def build_file(src: Path, active: set[str]) -> list[str]:
    sets: dict[str, list[str]] = {}
    out = [HEADER, f"# generated by scripts/build_lexicon.py from scripts/lexicon_src/{src.name}; edit there"]
    for n, raw in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("#"):
            out.append(line)
            continue
        m = SETDEF.match(line)
        if m:
            sets[m.group(1)] = [w for w in m.group(2).split("|") if w]
            continue
        # the note is the last column and may itself contain ";" (it used to be cut there)
        cols = line.split("\t", 3) if "\t" in line else line.split(";", 3)
        if len(cols) < 2:
            raise ValueError(f"{src.name}:{n}: need pattern<TAB>cameo")
        cols += [""] * (4 - len(cols))
        pattern, code, flags, note = (c.strip() for c in cols[:4])
        for variant in phrase_variants(pattern):
            words = []
            for pos, w in enumerate(variant):
                alts = expand_word(w, sets, active, objects=pos < len(variant) - 1)
                if pos == 0:
                    alts += conjunction_forms(alts)
                if not alts:
                    print(f"{src.name}:{n}: a pattern word is empty after removing active forms; dropped", file=sys.stderr)
                    break
                words.append("|".join(alts))
            else:
                out.append("\t".join([" ".join(words), code, flags, note]))
    return out


# Two-letter particles that begin patterns (لن نسمح، تم الاتفاق): their و/ف forms are not added.
PARTICLES = frozenset({"لا", "لن", "لم", "ما", "تم", "عن", "من", "بن", "ال"})


def conjunction_forms(alts: list[str]) -> list[str]:
    """وشن، فحث، وصد: a two-letter first word (a doubled verb شنّ، حثّ، صدّ، فضّ، زجّ) with the
    conjunction و or ف.  The matcher strips a proclitic only when at least three letters remain
    (tokens.candidates), so these spellings are listed; particles (ولن، وتم) are left out."""
    have = {_fold(a) for a in alts}
    out = []
    for a in alts:
        if len(_fold(a)) == 2 and _fold(a) not in PARTICLES:
            out += [p + a for p in ("و", "ف") if _fold(p + a) not in have]
    return out


def phrase_variants(pattern: str) -> list[list[str]]:
    """Split multi-word alternatives (``إطلاق_النار|القتال``) into separate patterns.

    Single-word alternatives of a slot stay together; each ``_``-joined phrase
    becomes its own variant of the slot; the result is their cartesian product.
    """
    variants: list[list[str]] = [[]]
    for word in pattern.split():
        alts = word.split("|")
        single = [a for a in alts if "_" not in a]
        options = ([["|".join(single)]] if single else []) + [a.split("_") for a in alts if "_" in a]
        variants = [v + o for v in variants for o in options]
    if len(variants) > 24:
        raise ValueError(f"pattern expands to {len(variants)} variants: {pattern}")
    return variants


def clitic_variants(token: str) -> list[str]:
    """``token`` and its spellings with the proclitics و ف ب ل ك and the article (لـ + ال → لل)."""
    if token.startswith("ال"):
        rest = token[2:]
        forms = [token] + [p + token for p in ("و", "ف", "ب", "ك", "وب", "فب", "وك")]
        return forms + [p + "ل" + rest for p in ("ل", "ول", "فل")]
    bare = [token] + [p + token for p in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")]
    return bare + clitic_variants("ال" + token)


def build_stoplist(src: Path) -> list[str]:
    """Stoplist rows: each token with its proclitic variants, compared on the whole normalized token."""
    out = ["token\tnote", "# generated by scripts/build_lexicon.py from scripts/lexicon_src/stoplist.txt; edit there"]
    seen: set[str] = set()
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            out.append(line)
            continue
        token, _, note = (c.strip() for c in line.partition(";"))
        for form in clitic_variants(token):
            if _fold(form) not in seen:
                seen.add(_fold(form))
                out.append(f"{form}\t{note}")
    return out


def main() -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    stop = SRC / "stoplist.txt"
    if stop.exists():
        (OUT / "stoplist.tsv").write_text("\n".join(build_stoplist(stop)) + "\n", encoding="utf-8")
    sources = sorted(SRC.glob("[0-2][0-9].txt"))
    all_lines = [ln for s in sources for ln in s.read_text(encoding="utf-8").splitlines()]
    active = active_forms(all_lines)
    OUT.mkdir(parents=True, exist_ok=True)
    verbs = verb_only_forms(all_lines)
    (OUT / "verb_forms.tsv").write_text(
        "key\tal\n# generated by scripts/build_lexicon.py: keys of verb forms that no pattern lists as a plain word;\n"
        "# the trigger matcher does not read them behind the proclitics ب or ك, nor behind the article\n"
        "# unless al is 1 (a form of the verb begins with ال: التقت، التزم).\n"
        + "\n".join(f"{k}\t{int(al)}" for k, al in sorted(verbs.items())) + "\n",
        encoding="utf-8")
    print(f"verb_forms.tsv: {len(verbs)} keys")
    for src in sources:
        rows = build_file(src, active)
        (OUT / f"{src.stem}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"{src.stem}.tsv: {sum(1 for r in rows[1:] if not r.startswith('#'))} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
