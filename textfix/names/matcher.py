"""One pass over the text for every name of every enabled pack.

All full forms (canonicals, variants, keep phrases) and short forms (surnames)
are folded to keys (lower case, no accents, one space between words) and
compiled, at build time, into a single regular expression shaped as a trie.
The text is folded the same way by :func:`~textfix.names.fold.fold_text`
(which keeps its length, so spans carry over) and scanned with one
``finditer`` in C; Python only looks at the (few) matches. Measured on news
text this is about 100 times faster than one regular expression per entry
(``benchmarks/names_speed.py``).

Speed: folding a whole text costs more than scanning it, and a pattern that
starts with a lookbehind is tried at every position. So the usual scan runs on
an ASCII *view* of the text, one byte per character (a table lowering A-Z and
turning every other character into a space; see ``_view_bytes``), and finds its
keys with one Aho-Corasick pass (``ahocorasick-rs``: every key with a space on
each side), from whose hits one loop picks exactly what the trie pattern
``view_pattern`` would match there (:meth:`Matcher._view_spans`); only a text
holding a letter that folds to an ASCII letter (accented Latin, ``İ``, the
Kelvin sign ...) beyond the charmap's 256 characters is folded first. The view
can show more names than fold_text's text, never fewer: each name it shows is
checked against the text (its characters fold to its key, its neighbours do not
run on), and a text where a check fails takes the plain path instead. What a
matched spelling becomes is remembered (it depends on the spelling alone, bar
two cases that read the context, computed both ways), so the usual match, a
canonical as written or a common variant, costs a dictionary lookup; and the
usual text (no surname, no rewrite that touches another or could join its
neighbours) gets its edits in that one loop (:meth:`Matcher.edits`).
tests/test_names_fast.py holds the plain implementation and checks the fast one
gives the same edits; tests/test_names_aho.py checks the pass and the view
against the pattern and the folded view.

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

import codecs
import functools
import re
from dataclasses import dataclass

import ahocorasick_rs

from ..offsets import Edit, apply_edits
from .fold import (
    SEPARATORS,
    WHITESPACE_SEPARATORS,
    fold_letters,
    fold_text,
    fold_word,
    is_mark,
    key,
)
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

# The view of a text: text.encode("ascii", "replace") (one byte per character, "?" beyond
# ASCII) translated by this table: A-Z lowered, other ASCII word characters kept, anything else
# a space. fold_text keeps ASCII word characters (lowered) and makes no other character one.
_VIEW = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 or c == 95 else 32
              for c in range(256))
_VIEW_KEY = re.compile("[0-9_a-z]+(?: [0-9_a-z]+)*")  # keys the view can see
# The view of a text beyond ASCII, in one C pass when every character of the text is one of 256:
# ASCII, Latin-1 (bar a few rare signs), the punctuation news text uses and the letters beyond
# Latin-1 its names use most. codecs.charmap_encode gives each its byte (or fails on any other
# character: the text then takes Matcher._view), and _WIDE_VIEW gives each byte what fold_letters
# and _VIEW make of its character. The choice of characters only decides which texts take the
# quicker way (tests/test_names_aho.py checks each).
_WIDE_CHARS = "".join(dict.fromkeys(
    "".join(map(chr, range(0x80)))
    + "".join(chr(c) for c in range(0xA0, 0x100) if chr(c) not in "\u00a4\u00a6\u00a8\u00ac\u00af\u00b8\u00b9\u00bc\u00bd\u00be")
    + "\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac\u2122\u2013\u2014\u2010\u2011\u2032\u2033"
    "\u2009\u202f\u200b\u2212\u02bc\u02bb"
    "\u011f\u011e\u015f\u015e\u0131\u0130\u0142\u0141\u015b\u0107\u010d\u010c\u0161\u0160\u017e\u017d"
    "\u0159\u0103\u0219\u021b"))
_WIDE_MAP = codecs.charmap_build(_WIDE_CHARS)
_WIDE_VIEW = bytes(_VIEW[ord(f)] if (f := fold_letters(ch)).isascii() else 32 for ch in _WIDE_CHARS)
_charmap_encode = codecs.charmap_encode
# A character of fold_text's text after which (or before which) a name cannot start (or end).
_STOPS = re.compile(rf"[^\W{_UNSPACED}]")
_MEMO_SIZE = 4096  # distinct spellings (or characters) remembered; cleared when full
_BAIL = object()  # a spelling the quick path leaves to the general one (a surname, no key)
_NOT_A_KEY = ("not a key", -1, _BAIL, "", None)  # a spelling whose folded form is no key
_OK, _MARK, _STOP = 1, 2, 3  # what a character beyond ASCII is next to a name (see _edge)
_EDGES: dict[str, int] = {}

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
        self._keys = keys
        self._finder = None
        self._find = None
        if keys and all(_VIEW_KEY.fullmatch(k) for k in keys):
            # What view_pattern finds, in one Aho-Corasick pass (see _view_spans): each key between
            # the spaces around it (the view has a space wherever it has no word character).
            self._finder = ahocorasick_rs.BytesAhoCorasick(
                [f" {k} ".encode("ascii") for k in keys], implementation=ahocorasick_rs.Implementation.DFA)
            self._find = self._finder.find_matches_as_indexes  # (view, overlapping) -> [(key, start, end)]
        self.unstable = _unstable(keys, {key(e.canonical) for e in names.entries})
        self._seen: dict[str, tuple] = {}  # matched spelling -> what it is (see _look_up)
        self._grows: dict[str, tuple[frozenset[str], ...] | None] = {}  # written -> self.unstable

    def __reduce__(self):
        """Pickles as its names and compiles again (the Aho-Corasick automaton does not pickle)."""
        return Matcher, (self.names,)

    @functools.cached_property
    def view_pattern(self) -> re.Pattern[bytes] | None:
        """The trie pattern the Aho-Corasick pass stands for (see :meth:`_view_spans`), to run on
        " " + the view of a text: the space before a name, then the name; None when some key has
        a character the view cannot show. Compiled when first asked for (the pass does not use it)."""
        if self._finder is None:
            return None
        return re.compile((" (?:" + _trie_regex(self._keys) + ")(?![0-9_a-z])").encode("ascii"))

    # -- one scan -------------------------------------------------------------------------------
    def scan(self, text: str) -> list[Edit]:
        return self._scan(text)[0]

    def _matches(self, text: str) -> list[tuple[int, int, tuple]]:
        """(start, end, what it is) for each match of ``self.pattern`` in ``fold_text(text)``, in order,
        without those a combining mark continues; what it is: see :meth:`_look_up`."""
        if self._finder is not None:
            found = self._view_matches(text)
            if found is not None:
                return found
        seen = self._seen
        n = len(text)
        found = []
        for m in self.pattern.finditer(fold_text(text)):
            start, end = m.span()
            if end < n and is_mark(text[end]):
                continue  # the word goes on with a combining mark
            matched = text[start:end]
            what = seen.get(matched) or self._look_up(matched)
            if what is not _NOT_A_KEY:
                found.append((start, end, what))
        return found

    def _view_matches(self, text: str) -> list[tuple[int, int, tuple]] | None:
        """What :meth:`_matches` returns, found on the view of ``text``; None if the view cannot tell.

        The view (see ``_VIEW`` and :meth:`_view`) has a space wherever fold_text's text has a
        character that is no ASCII word character, so every name of fold_text's text stands in
        the view, between spaces. The view may show more: a name across a character that is no
        separator ("Kim,Jong"), or next to a letter beyond ASCII. So each name found is checked:
        its spelling must fold to a key, and a neighbour beyond ASCII must let a name stop there.
        If every name found passes, the view found exactly fold_text's names: the first name of
        fold_text's text is also the view's first (the view tries every position fold_text's
        pattern can match at, and a checked name is one fold_text's pattern matches), and so on
        from its end. Otherwise None.
        """
        return self._checked(text, self._view_spans(_view_bytes(text)))

    def _checked(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, tuple]] | None:
        """The names at ``spans`` (view_pattern's, in the text) that :meth:`_view_matches` keeps,
        with what each is; None if one shows the view cannot tell."""
        seen = self._seen
        n = len(text)
        found = []
        for start, end in spans:
            before = text[start - 1] if start else ""
            if before >= "\x80" and (_EDGES.get(before) or _edge(before)) == _STOP:
                return None
            if end < n and text[end] >= "\x80":
                edge = _EDGES.get(text[end]) or _edge(text[end])
                if edge == _STOP:
                    return None
                if edge == _MARK:
                    continue  # the word goes on with a combining mark
            matched = text[start:end]
            what = seen.get(matched) or self._look_up(matched)
            if what is _NOT_A_KEY:
                return None
            found.append((start, end, what))
        return found

    def _view_spans(self, view: bytes) -> list[tuple[int, int]]:
        """The spans, in the text, of ``view_pattern.finditer`` on ``view`` without its last space
        (``view`` is :func:`_view_bytes`'s), found with one Aho-Corasick pass.

        The pass reports every key standing between two spaces of the view, with its two spaces,
        from ``start`` to ``end`` (each occurrence, by ``end`` in order). view_pattern matches, at
        the first space where a key follows, the longest key there, then goes on from the space
        after it. So, taking the keys in the order reported: one starting at or after the space
        after the last one taken is taken; one starting inside the last one taken (after its
        start) is not; one starting at or before the start of the last one taken (a longer key
        at its start, or one beginning before it) means the order reported does not tell: then
        the keys are ranked by start, the longest first (``_ranked_spans``). The view's index i
        is the text's i - 1: a key runs from ``start`` to ``end - 2`` in the text.
        """
        spans = []
        first = -1  # where the last key taken starts
        last = 0  # the space after it
        for _, start, end in self._finder.find_matches_as_indexes(view, True):
            if start >= last:
                spans.append((start, end - 2))
                first = start
                last = end - 1
            elif start <= first:
                return self._ranked_spans(view)
        return spans

    def _ranked_spans(self, view: bytes) -> list[tuple[int, int]]:
        """What :meth:`_view_spans` returns, from every key reported, ranked by start and length."""
        spans = []
        last = 0
        for start, minus in sorted((start, -end) for _, start, end in self._finder.find_matches_as_indexes(view, True)):
            if start >= last:
                last = -minus - 1
                spans.append((start, last - 1))
        return spans

    @staticmethod
    def _view(text: str) -> bytes:
        """" " + the view of ``text``, whose letters that fold to ASCII letters are folded first
        (fold_letters keeps the length, so positions carry over)."""
        if not text.isascii():
            text = fold_letters(text)
        return (" " + text).encode("ascii", "replace").translate(_VIEW)

    def _look_up(self, matched: str) -> tuple:
        """What a matched spelling is, remembered: (kind, entity or target, rendering, canonical,
        unstable), kind FULL, SHORT or KEEP; ``_NOT_A_KEY`` when its folded form is no key.

        For FULL, the rendering is what :func:`_render` says and ``unstable`` is ``self.unstable``'s
        entry for it (when it does not depend on the context). The rendering is None (nothing to
        do) for KEEP, ``_BAIL`` for SHORT and ``_NOT_A_KEY``.
        """
        target = self.table.get(fold_text(matched))  # fold_text of a match is its key
        if target is None:
            what: tuple = _NOT_A_KEY
        elif target.what == FULL:
            rendering = _render(target.canonical, matched)
            grows = self._unstable_entry(rendering) if type(rendering) is str else None
            what = (FULL, target.entity, rendering, target.canonical, grows)
        elif target.what == SHORT:
            what = (SHORT, target, _BAIL, "", None)
        else:
            what = (KEEP, -1, None, "", None)
        if len(self._seen) >= _MEMO_SIZE:
            self._seen.clear()
        self._seen[matched] = what
        return what

    def _scan(self, text: str) -> tuple[list[Edit], bool]:
        """The edits of one scan, and whether the text holds surnames a neighbour's case can decide."""
        if self.pattern is None:
            return [], False
        edits: list[Edit] = []
        shorts: list[tuple[int, int, Target]] = []
        present: set[int] = set()
        for start, end, what in self._matches(text):
            if what[0] is FULL:
                present.add(what[1])
                after = what[2]
                if type(after) is tuple:
                    after = after[2] if after[0](text, start, end) else after[1]
                if after is not None:
                    edits.append(Edit(start, end, after, "name"))
            elif what[0] is SHORT:
                shorts.append((start, end, what[1]))
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

    def edits(self, text: str, ctx: object = None) -> list[Edit]:
        """Edits whose result a further scan would not change (``ctx``, as a rule gets it, is not read).

        The usual text gets them in one pass over the view: the view can tell its names (see
        :meth:`_view_matches`), it names no surname, and no rewrite touches another or could join
        its neighbours into a longer name. Then the edits are the full names' renderings in order
        and a second scan would find nothing more to do, as :meth:`_general_edits` would conclude.
        That pass is :meth:`_view_matches` (with :meth:`_view_spans`) and :meth:`_edits_of` in one
        loop over the Aho-Corasick hits, for speed (a text whose keys overlap so that the order
        reported does not tell takes them apart with ``_ranked_spans``); any other text takes
        :meth:`_general_edits`.
        """
        find = self._find
        if find is None:
            return self._general_edits(text)
        wide = not text.isascii()  # only then can a neighbour beyond ASCII matter
        view = _view_bytes(text) if wide else f" {text} ".encode("ascii").translate(_VIEW)
        hits = find(view, True)
        if not hits:
            return hits  # no name: no edits (a new empty list)
        seen = self._seen
        n = len(text)
        edits: list[Edit] = []
        first = -1  # where the last key taken starts (see _view_spans)
        last = 0  # where it ends, in the view
        written = -2  # where the previous rewrite ends
        for _, start, end in hits:
            if start < last:
                if start <= first:
                    found = self._checked(text, self._ranked_spans(view))
                    quick = None if found is None else self._edits_of(text, found)
                    return self._general_edits(text) if quick is None else quick
                continue  # inside the last key taken
            first = start
            last = end - 1
            end -= 2
            if wide:
                if start and text[start - 1] >= "\x80" and (_EDGES.get(text[start - 1])
                                                           or _edge(text[start - 1])) == _STOP:
                    return self._general_edits(text)
                if end < n and text[end] >= "\x80":
                    edge = _EDGES.get(text[end]) or _edge(text[end])
                    if edge == _STOP:
                        return self._general_edits(text)
                    if edge == _MARK:
                        continue  # the word goes on with a combining mark
            matched = text[start:end]
            what = seen.get(matched) or self._look_up(matched)
            after = what[2]
            if after is None:
                continue  # a canonical as written, a common word, a keep phrase
            if after is _BAIL:
                return self._general_edits(text)  # a surname, or a spelling that folds to no key
            grows = what[4]
            if type(after) is tuple:
                after = after[2] if after[0](text, start, end) else after[1]
                if after is None:
                    continue
                grows = self._unstable_entry(after)
            if start - written <= 1:
                return self._general_edits(text)  # touches the previous rewrite
            if grows is not None and _may_join(text, start, end, grows):
                return self._general_edits(text)
            written = end
            edits.append(Edit(start, end, after, "name"))
        return edits

    def _general_edits(self, text: str) -> list[Edit]:
        """:meth:`edits` for any text: scan, then scan the result again where it could differ."""
        edits, surnames = self._scan(text)
        if not edits:
            return edits
        changes = [e for e in edits if text[e.start : e.end] != e.after]
        if not changes:
            return edits
        # A second scan can only differ where a new canonical runs into a longer name (known at
        # build time), where two rewrites touch, or where a surname's neighbour changed the case
        # of its first or last letter.
        adjacent = len(changes) > 1 and any(b.start - a.end <= 1 for a, b in zip(changes, changes[1:]))
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

    def _edits_of(self, text: str, found: list[tuple[int, int, tuple]]) -> list[Edit] | None:
        """What the one pass of :meth:`edits` gives for the names ``found`` (as :meth:`_view_matches`
        gives them); None where it leaves the text to :meth:`_general_edits`."""
        edits: list[Edit] = []
        written = -2
        for start, end, what in found:
            after = what[2]
            if after is None:
                continue
            if after is _BAIL:
                return None
            grows = what[4]
            if type(after) is tuple:
                after = after[2] if after[0](text, start, end) else after[1]
                if after is None:
                    continue
                grows = self._unstable_entry(after)
            if start - written <= 1:
                return None
            if grows is not None and _may_join(text, start, end, grows):
                return None
            written = end
            edits.append(Edit(start, end, after, "name"))
        return edits

    # -- helpers --------------------------------------------------------------------------------
    def _may_grow(self, text: str, edit: Edit) -> bool:
        """Whether the canonical written by ``edit`` could join its neighbours into a longer name."""
        words = self._unstable_entry(edit.after)
        return words is not None and _may_join(text, edit.start, edit.end, words)

    def _unstable_entry(self, written: str) -> tuple[frozenset[str], ...] | None:
        """``self.unstable``'s entry for a written canonical, remembered."""
        try:
            return self._grows[written]
        except KeyError:
            if len(self._grows) >= _MEMO_SIZE:
                self._grows.clear()
            words = self._grows[written] = self.unstable.get(key(written))
            return words

    def render(self, canonical: str, text: str, start: int, end: int) -> str | None:
        """The canonical as it should stand in place of ``text[start:end]``, or None to leave it."""
        out = _render(canonical, text[start:end])
        if type(out) is tuple:
            out = out[2] if out[0](text, start, end) else out[1]
        return out

    def _caps_context(self, text: str, start: int, end: int) -> bool:
        return _caps_context(text, start, end)

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


def _render(canonical: str, matched: str) -> str | None | tuple:
    """What :meth:`Matcher.render` returns for ``matched``, as far as the spelling alone tells.

    None (leave it) or the rewrite, or, when the answer depends on the text around the match,
    ``(predicate, if_not, if_so)``: ``predicate(text, start, end)`` says which. That happens for
    a short word in capitals (an acronym unless capitals stand around it) and for a canonical in
    lower case (a capital at the start of a sentence).
    """
    if matched == canonical:
        return None
    if not any(ch.isupper() for ch in matched):
        return None  # no capital letter: a common word or an identifier, not this name
    if not any(ch.islower() for ch in matched):
        letters = sum(ch.isalpha() for ch in matched)
        if letters < 2:
            return None
        out = _keep_whitespace(canonical.upper(), matched)
        if letters <= 4 and len(key(matched).split()) == 1:
            return (_caps_context, None, out)  # a short all-capitals word alone is more likely an acronym
        return out
    if canonical[:1].islower():
        return (_sentence_start, _keep_whitespace(canonical, matched),
                _keep_whitespace(canonical[:1].upper() + canonical[1:], matched))
    return _keep_whitespace(canonical, matched)


def _keep_whitespace(out: str, matched: str) -> str | None:
    """``out`` with the whitespace ``matched`` has between words (line breaks, no-break spaces);
    None if that is ``matched`` itself."""
    mparts = _SPLIT_KEEP.split(matched)
    oparts = _SPLIT_KEEP.split(out)
    if len(mparts) == len(oparts) > 1:
        for i in range(1, len(oparts), 2):
            if oparts[i] == " " and all(ch in WHITESPACE_SEPARATORS for ch in mparts[i]):
                oparts[i] = mparts[i]
        out = "".join(oparts)
    return None if out == matched else out


def _view_bytes(text: str) -> bytes:
    """" " + the view of ``text`` + " ": what :meth:`Matcher._view` gives, one space more."""
    if text.isascii():
        return f" {text} ".encode("ascii").translate(_VIEW)
    try:
        return _charmap_encode(f" {text} ", "strict", _WIDE_MAP)[0].translate(_WIDE_VIEW)
    except UnicodeEncodeError:  # a character beyond _WIDE_CHARS
        return Matcher._view(text) + b" "


def _edge(ch: str) -> int:
    """What a character beyond ASCII is next to a name, in fold_text's text: a separator or other
    non-word character (_OK), a combining mark (_MARK: the word goes on) or a character a name
    cannot run into (_STOP). Remembered per character."""
    if ch in SEPARATORS:
        edge = _OK
    elif is_mark(ch):
        edge = _MARK
    else:
        edge = _STOP if _STOPS.match(ch.lower()) else _OK
    if len(_EDGES) >= _MEMO_SIZE:
        _EDGES.clear()
    _EDGES[ch] = edge
    return edge


def _case(ch: str) -> int:
    return 1 if ch.isupper() else -1 if ch.islower() else 0


def _unstable(keys: list[str], canonicals: set[str]) -> dict[str, tuple[frozenset[str], ...]]:
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
    # Also the first letters of the words after and the last letters of the words before, a
    # cheap first check (see _may_join).
    return {k: (frozenset(a), frozenset(b), frozenset(w[0] for w in a), frozenset(w[-1] for w in b))
            for k, (a, b) in found.items()}


def _may_join(text: str, start: int, end: int, words: tuple[frozenset[str], ...]) -> bool:
    """Whether the word after ``end`` is one of ``words[0]`` or the word before ``start`` one of
    ``words[1]`` (an entry of :func:`_unstable`), each across one separator.

    Only what is asked is read, and an ASCII letter next to the separator that cannot begin (end)
    any of the words settles it without reading the word.
    """
    follow, precede, firsts, lasts = words
    n = len(text)
    if follow and end + 1 < n and text[end] in SEPARATORS:
        first = text[end + 1]
        if (first >= "\x80" or first.lower() in firsts) and _folded_word_after(text, end) in follow:
            return True
    if precede and start >= 2 and text[start - 1] in SEPARATORS:
        last = text[start - 2]
        if (last >= "\x80" or last.lower() in lasts) and _folded_word_before(text, start) in precede:
            return True
    return False


def _folded_word_before(text: str, start: int) -> str:
    """The folded word ending at ``start - 1`` (``text[start - 1]`` is a separator)."""
    i = start - 1
    while i > 0 and (text[i - 1].isalnum() or is_mark(text[i - 1])) and start - i < 64:
        i -= 1
    return fold_word(text[i : start - 1])


def _folded_word_after(text: str, end: int) -> str:
    """The folded word starting at ``end + 1`` (``text[end]`` is a separator)."""
    j = end + 1
    while j < len(text) and (text[j].isalnum() or is_mark(text[j])) and j - end < 64:
        j += 1
    return fold_word(text[end + 1 : j])


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


def _caps_context(text: str, start: int, end: int) -> bool:
    """Whether a word in capitals stands right before or after ``text[start:end]``."""
    for word in (_word_before(text, start), _word_after(text, end)):
        if word and sum(ch.isalpha() for ch in word) > 1 and word.isupper():
            return True
    return False


def _sentence_start(text: str, start: int, end: int = 0) -> bool:
    """Whether ``text[start:]`` starts a sentence (``end`` unread: the shape of a _render predicate)."""
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_END
