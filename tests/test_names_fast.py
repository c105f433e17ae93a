"""The names matcher's fast paths against the plain one-regex implementation they replace.

``PlainMatcher`` below is the matcher as it was before the fast paths (fold the whole text,
one ``finditer`` of the trie pattern with its lookbehind, render every match), kept here as
the reference: for any text, the fast matcher must give exactly the same edits (and reports),
and find exactly the same names as a scan of ``fold_text(text)``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textfix.catalog import Catalog
from textfix.kinds.names import _build
from textfix.names import matcher as M
from textfix.names.fold import (
    FOLDS_TO_ASCII,
    SEPARATORS,
    fold_letters,
    fold_text,
    is_mark,
    key,
)
from textfix.names.model import load_names
from textfix.offsets import Edit, apply_edits
from textfix.packs import load_pack

NEWS = Catalog().load("names.news")
NAMES = load_names([NEWS])
HEADER = "id: names.{id}\nkind: names\ndescription: test\nsource: tests\nlicence: MIT\n---\n"


class PlainMatcher(M.Matcher):
    """The matcher without its fast paths: the reference the fast paths must agree with."""

    def scan(self, text):
        return self._scan(text)[0]

    def _scan(self, text):
        if self.pattern is None:
            return [], False
        fulls, shorts, present = [], [], set()
        n = len(text)
        for m in self.pattern.finditer(fold_text(text)):
            start, end = m.span()
            if end < n and is_mark(text[end]):
                continue
            target = self.table.get(m.group())
            if target is None:
                continue
            if target.what == M.FULL:
                present.add(target.entity)
                fulls.append((start, end, target))
            elif target.what == M.SHORT:
                shorts.append((start, end, target))
        edits = []
        for start, end, target in fulls:
            after = self.render(target.canonical, text, start, end)
            if after is not None:
                edits.append(Edit(start, end, after, "name"))
        if shorts and present:
            for start, end, target in shorts:
                chosen = {short for entity, short in target.shorts if entity in present}
                if not chosen:
                    continue
                matched = text[start:end]
                if len(chosen) > 1:
                    names = ", ".join(sorted(chosen))
                    edits.append(Edit(start, end, matched, f"surname {matched!r} is ambiguous here ({names}); "
                                                           "not rewritten"))
                    continue
                if self._inside_other_name(text, start, end):
                    continue
                after = self.render(chosen.pop(), text, start, end)
                if after is not None:
                    edits.append(Edit(start, end, after, "surname of a name given in full in this text"))
            edits.sort()
        return edits, bool(shorts and present)

    def edits(self, text):
        edits, surnames = self._scan(text)
        changes = [e for e in edits if text[e.start : e.end] != e.after]
        if not changes:
            return edits
        adjacent = any(b.start - a.end <= 1 for a, b in zip(changes, changes[1:]))
        if not adjacent and not any(self._may_grow(text, e) for e in changes) and not (surnames and any(
                M._case(e.after[0]) != M._case(text[e.start]) or M._case(e.after[-1]) != M._case(text[e.end - 1])
                for e in changes)):
            return edits
        current, _ = apply_edits(text, changes)
        for _ in range(M.MAX_ROUNDS - 1):
            more = [e for e in self.scan(current) if current[e.start : e.end] != e.after]
            if not more:
                break
            current, _ = apply_edits(current, more)
        else:
            return []
        if current == apply_edits(text, changes)[0]:
            return edits
        a = 0
        while a < len(text) and a < len(current) and text[a] == current[a]:
            a += 1
        b = 0
        while b < len(text) - a and b < len(current) - a and text[-1 - b] == current[-1 - b]:
            b += 1
        return [Edit(a, len(text) - b, current[a : len(current) - b], "name")]

    def _may_grow(self, text, edit):
        words = self.unstable.get(key(edit.after))
        if words is None:
            return False
        before, after = _neighbour_words(text, edit.start, edit.end)
        return after in words[0] or before in words[1]

    def render(self, canonical, text, start, end):
        matched = text[start:end]
        if matched == canonical:
            return None
        if not any(ch.isupper() for ch in matched):
            return None
        if not any(ch.islower() for ch in matched):
            letters = sum(ch.isalpha() for ch in matched)
            if letters < 2:
                return None
            if letters <= 4 and len(key(matched).split()) == 1 and not self._caps_context(text, start, end):
                return None
            out = canonical.upper()
        else:
            out = canonical
            if out[:1].islower() and M._sentence_start(text, start):
                out = out[:1].upper() + out[1:]
        mparts = M._SPLIT_KEEP.split(matched)
        oparts = M._SPLIT_KEEP.split(out)
        if len(mparts) == len(oparts) > 1:
            for i in range(1, len(oparts), 2):
                if oparts[i] == " " and all(ch in M.WHITESPACE_SEPARATORS for ch in mparts[i]):
                    oparts[i] = mparts[i]
            out = "".join(oparts)
        return None if out == matched else out


def _neighbour_words(text, start, end):
    before = after = ""
    if start >= 2 and text[start - 1] in SEPARATORS:
        i = start - 1
        while i > 0 and (text[i - 1].isalnum() or is_mark(text[i - 1])) and start - i < 64:
            i -= 1
        before = M.fold_word(text[i : start - 1])
    if end + 1 < len(text) and text[end] in SEPARATORS:
        j = end + 1
        while j < len(text) and (text[j].isalnum() or is_mark(text[j])) and j - end < 64:
            j += 1
        after = M.fold_word(text[end + 1 : j])
    return before, after


FAST = M.Matcher(NAMES)
PLAIN = PlainMatcher(NAMES)


def _folded_spans(matcher, text):
    n = len(text)
    return [m.span() for m in matcher.pattern.finditer(fold_text(text))
            if not (m.end() < n and is_mark(text[m.end()]))]


def _same(text, fast=FAST, plain=PLAIN):
    assert fast.edits(text) == plain.edits(text), text
    assert [(s, e) for s, e, _ in fast._matches(text)] == _folded_spans(plain, text), text
    view = fast._view_matches(text) if fast.view_pattern is not None else None
    if view is not None:
        assert [(s, e) for s, e, _ in view] == _folded_spans(plain, text), text


# -- texts made to find the differences between the view and fold_text's text ------------------------

FORMS = sorted({f for e in NAMES.entries for f in (e.canonical, *e.variants, *((e.short,) if e.short else ()),
                                                    *e.short_variants)} | set(NAMES.keep))
TRICKY = [
    "é", "ğ", "Ö", "İ", "ı", "ß", "\u212a", "ø", "Ł", "ª", "µ", "º", "Σ", "σ", "ж", "Ж", "中", "한", "ก", "٣", "²",
    "\u0301", "\u0308", "\u20dd", "ʼ", "ʻ", "ʾ", "ʿ", "’", "‘", "`", "´", "'", "-", "\u2010", "\u2011", "\u00a0",
    "\u202f", "\u2009", "\t", "\n", " ", "  ", "“", "”", "—", "…", ",", ".", ", ", "_", "1", "0", "?", "\ufffd",
    "\U0001d400", "\U00020000", "ﬁ", "Ａ", "ǅ", "ǆ", "Ǆ", "\u212b",
]
_DAMAGE = st.sampled_from(TRICKY)


@st.composite
def damaged_form(draw):
    """A pack form in some case, its separators sometimes swapped, a character sometimes replaced."""
    form = draw(st.sampled_from(FORMS))
    form = draw(st.sampled_from([form, form.upper(), form.lower(), form.title(), form.swapcase()]))
    if draw(st.booleans()):
        swaps = st.sampled_from([*SEPARATORS, ",", "“"])
        form = re.sub("[" + re.escape(SEPARATORS) + "]", lambda m: draw(swaps), form)
    if form and draw(st.integers(0, 3)) == 0:
        i = draw(st.integers(0, len(form) - 1))
        form = form[:i] + draw(_DAMAGE) + form[i + 1:]
    return form


@st.composite
def entry_with_surname(draw):
    """A full name and one of its surname spellings, so surnames have their entity in the text."""
    entry = draw(st.sampled_from([e for e in NAMES.entries if e.short]))
    full = draw(st.sampled_from([entry.canonical, *entry.variants]))
    return full + draw(st.sampled_from([" and ", ", ", " "])) + draw(st.sampled_from([entry.short,
                                                                                    *entry.short_variants]))


piece = st.one_of(damaged_form(), st.sampled_from(FORMS), _DAMAGE, st.text(max_size=6), entry_with_surname(),
                  st.sampled_from(["President", "Mr.", "said", "the", "al-", "Al", "’s", "-era", "bin", "KIM", "K"]))


@st.composite
def tricky_text(draw):
    parts = draw(st.lists(piece, max_size=12))
    glues = st.sampled_from(["", " ", "  ", ". ", ", ", "-", "’", "\n", "“", "” ", "\u00a0", *TRICKY])
    glue = draw(st.lists(glues, min_size=len(parts), max_size=len(parts)))
    return "".join(p + g for p, g in zip(parts, glue))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=tricky_text())
def test_fast_matcher_equals_plain_matcher(text):
    _same(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=40))
def test_fast_matcher_equals_plain_matcher_on_any_text(text):
    _same(text)


def test_corpus_texts_agree():
    bench = Path(__file__).parent.parent / "benchmarks"
    sys.path.insert(0, str(bench))
    try:
        import corpus
    finally:
        sys.path.remove(str(bench))
    for text in corpus.mostly_clean(60) + corpus.short_strings(300) + corpus.heavily_damaged(20):
        _same(text)


@pytest.mark.parametrize("text", [
    "Kim,Jong Un", "Kim Jong’un", "Kim Jong\u00a0Un", "Kimж Jong Un", "жKim Jong Un", "中Kim Jong Un中",
    "Kim Jong Unª", "Kim Jong Un\u0301", "Erdoğan", "Recep Tayyip Erdogan", "İmamoğlu", "\u212aiev and Kiev",
    "Kim Jong Un’s", "Kiev\u0308 Kiev", "ʼKievʼ", "Kiev_ Kiev", "Kiev2 Kiev", "al-Qaida", "AL-QAIDA.",
    "“al-Qaida” and al-qaida", "Hizbollah Hizbollah", "Kief Kief", "ΣKiev", "Kiev\U0001d400 Kiev",
    "Usama,bin Ladin", "Usama bin,Ladin", "Zabihullah Mujahid came; Mujahed spoke.", "Mujahed and Zabihullah Mujahed",
    "Chicken Kiev", "Chicken,Kiev", "Battle of Kiev", "the Hizbollah-Kief", "President Kim Jong-un",
    "Kataib Hizbollah", "kataib-Hizbollah", "KATAIB HIZBOLLAH", "Kataeb\u00a0Hizbollah", "Kata\u0301ib Hizbollah",
    "Mash al-Qaida", "al-Qaida in the Arabian Peninsula", "al-Qaida in Iraq", "Hamza bin Ladin", "Hamza, bin Ladin",
])
def test_edge_cases_agree(text):
    _same(text)


def test_pack_with_keys_the_view_cannot_see(tmp_path):
    """A key with a letter beyond ASCII (or punctuation) turns the view off: the folded path alone."""
    pack = tmp_path / "p.pack"
    pack.write_text(HEADER.format(id="greek") + "[entries]\nΑθήνα\n    Αθηνα\nKyiv\n    Kiev\n[keep]\nSt. Kiev\n",
                    encoding="utf-8")
    (rule,) = _build([load_pack(pack)], {})
    fast = rule.matcher
    plain = PlainMatcher(fast.names)
    assert fast.view_pattern is None
    for text in ["Αθηνα and Kiev", "ΑΘΗΝΑ, KIEV", "St. Kiev", "Kiev"]:
        _same(text, fast, plain)
    assert fast.edits("Αθηνα and Kiev") == [Edit(0, 5, "Αθήνα", "name"), Edit(10, 14, "Kyiv", "name")]


def test_folds_to_ascii_covers_every_character():
    """Every character beyond ASCII that fold_text turns into an ASCII word character is in FOLDS_TO_ASCII
    (else the view, which sees a space there, could miss a name)."""
    chars = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    folded = fold_text(chars)
    assert len(folded) == len(chars)
    missed = [chars[m.start()] for m in re.finditer("[0-9_a-z]", folded) if not FOLDS_TO_ASCII.match(chars[m.start()])]
    assert missed == []
    # fold_letters, which the view uses instead of fold_text, makes the same ASCII letters.
    view = fold_letters(chars).encode("ascii", "replace").translate(M._VIEW)
    assert view == folded.encode("ascii", "replace").translate(M._VIEW)


def test_view_table():
    """The view keeps ASCII word characters (lowered) and makes every other byte a space, as fold_text
    keeps ASCII word characters and makes no other character one."""
    for c in range(256):
        ch = chr(c)
        expected = ch.lower() if c < 128 and re.match(r"\w", ch) else " "
        assert chr(M._VIEW[c]) == expected
    assert all(not is_mark(chr(c)) for c in range(0x300))
