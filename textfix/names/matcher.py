"""One pass over the text for every name of every enabled pack.

All full forms (canonicals, variants, keep phrases) and short forms (surnames)
are folded to keys (lower case, no accents, one space between words) and
compiled, at build time, into a single regular expression shaped as a trie.
The text is folded the same way by :func:`~textfix.names.fold.fold_text`
(which keeps its length, so spans carry over) and scanned with one
``finditer`` in C; Python only looks at the (few) matches. Measured on news
text this is about 100 times faster than one regular expression per entry
(``benchmarks/names_speed.py``).

Then, per match:

- a full form is rewritten to its entry's canonical, adapted to the text:
  ALL CAPS stays in capitals, a canonical starting in lower case (``al-Qaeda``)
  gets a capital at the start of a sentence, whitespace between words (a line
  break, a no-break space) is kept; a match with no capital letter at all is a
  common word, not a name, and is left alone;
- a short form (surname) is rewritten only when the same document names its
  full entity (anywhere, before or after), when it is not itself part of
  another capitalized name, and when the entities named agree on its spelling
  (otherwise it is reported as ambiguous and left alone);
- a keep phrase is left alone (it shields the names inside it).

When a rewrite could change what a second scan sees (a new canonical running
into a longer name, two rewrites touching, a surname's neighbour changing
case), the rule scans its own output again until nothing changes, so one
application is already idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..offsets import Edit, apply_edits
from .fold import SEPARATORS, WHITESPACE_SEPARATORS, fold_text, fold_word, is_mark, key
from .model import Names

# Scripts written without spaces between words: a Latin name next to them is still a word.
_UNSPACED = ("\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31ff"
             "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff")
_BEFORE = rf"(?<![^\W{_UNSPACED}])"
_AFTER = rf"(?![^\W{_UNSPACED}])"
_NEIGHBOUR_SEP = " \u00a0\u202f-\u2010\u2011"
_SENTENCE_END = ".!?…\n\r"
_OPENERS = " \t\u00a0\u202f\"“‘'«(["
_SPLIT_KEEP = re.compile("([" + re.escape(SEPARATORS) + "]+)")
MAX_ROUNDS = 4

FULL, SHORT, KEEP = "full", "short", "keep"


@dataclass(frozen=True)
class Target:
    what: str  # FULL, SHORT or KEEP
    canonical: str = ""  # FULL: the canonical form
    entity: int = -1  # FULL: the entry's index
    shorts: tuple[tuple[int, str], ...] = ()  # SHORT: (entry index, short canonical) for each entry


def _trie_regex(keys: list[str]) -> str:
    trie: dict = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}

    def atom(ch: str) -> str:
        return re.escape(ch)  # a space stands for any separator: fold_text made them all spaces

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [atom(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if ends else body  # greedy: the longest form wins

    return emit(trie)


class Matcher:
    """The compiled names of a set of packs."""

    def __init__(self, names: Names) -> None:
        self.names = names
        table: dict[str, Target] = {}
        shorts: dict[str, list[tuple[int, str]]] = {}
        for index, entry in enumerate(names.entries):
            target = Target(FULL, entry.canonical, index)
            for form in (entry.canonical, *entry.variants):
                table.setdefault(key(form), target)
            if entry.short:
                for form in (entry.short, *entry.short_variants):
                    shorts.setdefault(key(form), []).append((index, entry.short))
        for phrase in names.keep:
            table[key(phrase)] = Target(KEEP)
        for k, owners in shorts.items():
            if k not in table:
                table[k] = Target(SHORT, shorts=tuple(dict.fromkeys(owners)))
        self.table = table
        keys = sorted(k for k in table if k)
        # Run on fold_text(text): lower case, accents off, same length, so spans carry over.
        self.pattern = re.compile(_BEFORE + "(?:" + _trie_regex(keys) + ")" + _AFTER) if keys else None
        self.unstable = _unstable(keys, {key(e.canonical) for e in names.entries})

    # -- one scan -------------------------------------------------------------------------------
    def scan(self, text: str) -> list[Edit]:
        return self._scan(text)[0]

    def _scan(self, text: str) -> tuple[list[Edit], bool]:
        """The edits of one scan, and whether the text holds surnames a neighbour's case can decide."""
        if self.pattern is None:
            return [], False
        fulls: list[tuple[int, int, Target]] = []
        shorts: list[tuple[int, int, Target]] = []
        present: set[int] = set()
        table = self.table
        n = len(text)
        for m in self.pattern.finditer(fold_text(text)):
            start, end = m.span()
            if end < n and is_mark(text[end]):
                continue  # the word goes on with a combining mark
            target = table.get(m.group())  # the folded text of a match is its key
            if target is None:
                continue
            if target.what == FULL:
                present.add(target.entity)
                fulls.append((start, end, target))
            elif target.what == SHORT:
                shorts.append((start, end, target))
        edits: list[Edit] = []
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

    def edits(self, text: str) -> list[Edit]:
        """Edits whose result a further scan would not change."""
        edits, surnames = self._scan(text)
        changes = [e for e in edits if text[e.start : e.end] != e.after]
        if not changes:
            return edits
        # A second scan can only differ where a new canonical runs into a longer name (known at
        # build time), where two rewrites touch, or where a surname's neighbour changed the case
        # of its first or last letter.
        adjacent = any(b.start - a.end <= 1 for a, b in zip(changes, changes[1:]))
        if not adjacent and not any(self._may_grow(text, e) for e in changes) and not (surnames and any(
                _case(e.after[0]) != _case(text[e.start]) or _case(e.after[-1]) != _case(text[e.end - 1])
                for e in changes)):
            return edits
        current, _ = apply_edits(text, changes)
        for _ in range(MAX_ROUNDS - 1):
            more = [e for e in self.scan(current) if current[e.start : e.end] != e.after]
            if not more:
                break
            current, _ = apply_edits(current, more)
        else:
            return []  # does not settle: leave the text alone rather than oscillate
        if current == apply_edits(text, changes)[0]:
            return edits
        # Rare: one rewrite made another possible. One edit spanning the changed region.
        a = 0
        while a < len(text) and a < len(current) and text[a] == current[a]:
            a += 1
        b = 0
        while b < len(text) - a and b < len(current) - a and text[-1 - b] == current[-1 - b]:
            b += 1
        return [Edit(a, len(text) - b, current[a : len(current) - b], "name")]

    # -- helpers --------------------------------------------------------------------------------
    def _may_grow(self, text: str, edit: Edit) -> bool:
        """Whether the canonical written by ``edit`` could join its neighbours into a longer name."""
        words = self.unstable.get(key(edit.after))
        if words is None:
            return False
        before, after = _neighbour_words(text, edit.start, edit.end)
        return after in words[0] or before in words[1]

    def render(self, canonical: str, text: str, start: int, end: int) -> str | None:
        """The canonical as it should stand in place of ``text[start:end]``, or None to leave it."""
        matched = text[start:end]
        if matched == canonical:
            return None
        if not any(ch.isupper() for ch in matched):
            return None  # no capital letter: a common word or an identifier, not this name
        if not any(ch.islower() for ch in matched):
            letters = sum(ch.isalpha() for ch in matched)
            if letters < 2:
                return None
            if letters <= 4 and len(key(matched).split()) == 1 and not self._caps_context(text, start, end):
                return None  # a short all-capitals word alone is more likely an acronym
            out = canonical.upper()
        else:
            out = canonical
            if out[:1].islower() and _sentence_start(text, start):
                out = out[:1].upper() + out[1:]
        # Keep the whitespace the text has between words (line breaks, no-break spaces).
        mparts = _SPLIT_KEEP.split(matched)
        oparts = _SPLIT_KEEP.split(out)
        if len(mparts) == len(oparts) > 1:
            for i in range(1, len(oparts), 2):
                if oparts[i] == " " and all(ch in WHITESPACE_SEPARATORS for ch in mparts[i]):
                    oparts[i] = mparts[i]
            out = "".join(oparts)
        return None if out == matched else out

    def _caps_context(self, text: str, start: int, end: int) -> bool:
        for word in (_word_before(text, start), _word_after(text, end)):
            if word and sum(ch.isalpha() for ch in word) > 1 and word.isupper():
                return True
        return False

    def _inside_other_name(self, text: str, start: int, end: int) -> bool:
        """Whether the surname at ``start:end`` is part of a longer capitalized name."""
        before = _word_before(text, start)
        if before and before[:1].isupper():
            folded = fold_word(before)
            if folded not in self.names.titles and folded not in self.names.particles:
                return True
        after = _word_after(text, end)
        if after and after[:1].isupper() and fold_word(after) not in self.names.particles:
            return True
        return False


def _case(ch: str) -> int:
    return 1 if ch.isupper() else -1 if ch.islower() else 0


def _unstable(keys: list[str], canonicals: set[str]) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Canonical keys that, once written, could become part of a longer match with their neighbours.

    For each: the words that, standing right after it, continue some longer key, and the words
    that, standing right before it, begin a key running into it.
    """
    found: dict[str, tuple[set[str], set[str]]] = {}
    at: dict[str, list[tuple[list[str], int]]] = {}  # word -> (key words, position of the word)
    for k in keys:
        kw = k.split()
        for i, w in enumerate(kw):
            at.setdefault(w, []).append((kw, i))
    for canonical in canonicals:
        cw = canonical.split()
        after: set[str] = set()
        before: set[str] = set()
        for kw, i in at.get(cw[0], ()):
            if kw == cw:
                continue
            if i == 0 and len(kw) > len(cw) and kw[: len(cw)] == cw:
                after.add(kw[len(cw)])
            if i >= 1:  # k's word i lines up with the canonical's first word
                overlap = min(len(kw) - i, len(cw))
                if kw[i : i + overlap] == cw[:overlap]:
                    before.add(kw[i - 1])
        if after or before:
            found[canonical] = (after, before)
    return {k: (frozenset(a), frozenset(b)) for k, (a, b) in found.items()}


def _neighbour_words(text: str, start: int, end: int) -> tuple[str, str]:
    """The folded words right before ``start`` and right after ``end`` across one separator."""
    before = after = ""
    if start >= 2 and text[start - 1] in SEPARATORS:
        i = start - 1
        while i > 0 and (text[i - 1].isalnum() or is_mark(text[i - 1])) and start - i < 64:
            i -= 1
        before = fold_word(text[i : start - 1])
    if end + 1 < len(text) and text[end] in SEPARATORS:
        j = end + 1
        while j < len(text) and (text[j].isalnum() or is_mark(text[j])) and j - end < 64:
            j += 1
        after = fold_word(text[end + 1 : j])
    return before, after


def _word_before(text: str, start: int) -> str:
    if start < 2 or text[start - 1] not in _NEIGHBOUR_SEP:
        return ""
    j = start - 1
    i = j
    while i > 0 and (text[i - 1].isalnum() or is_mark(text[i - 1])) and j - i < 64:
        i -= 1
    return text[i:j]


def _word_after(text: str, end: int) -> str:
    if end + 1 >= len(text) or text[end] not in _NEIGHBOUR_SEP:
        return ""
    i = end + 1
    j = i
    while j < len(text) and (text[j].isalnum() or is_mark(text[j])) and j - i < 64:
        j += 1
    return text[i:j]


def _sentence_start(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_END
