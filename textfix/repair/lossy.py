"""Lossy mojibake: UTF-8 read as Windows-1252 where a byte was lost, and its later misrepairs.

Windows-1252 has no character for the bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D.
A decoder that drops them (or turns them into U+FFFD) destroys information: the
right double quotation mark ``”`` (E2 80 9D) becomes ``â€``, and so do the
hyphen U+2010, ZWJ, RLM and EM QUAD, and a dagger whose no-break space was
stripped. No codec can undo that; ftfy leaves such text alone, and its
``restore_byte_a0`` step even turns ``â€`` + space into ``†``, eating the space.

This module restores such sequences from context, never from the sequence
alone. The tables (which damaged sequence can stand for which characters, and
which *context class* decides for each) are data in ``rules/repair/lossy.pack``;
the context classes are code here:

``quote-close``
    ``”``: the sequence follows a word or punctuation and precedes a space,
    punctuation or the end of a line; an opening quote (``“``, ``„``, or their
    mojibake) is still open in the paragraph; and the next quotation mark in
    the paragraph is not a closing one (so the repair leaves the quotes better
    balanced, never worse).
``quote-close-glued``
    a misrepair that ate the space after ``”`` (``needless†attacks``): as
    above, plus no space on either side, the opening quote on the same line,
    and a letter, digit or opening quote right after. A dagger after which a
    space follows (``Smith† died``), before a space (``† 1945``), after a space
    or at the end of a word is never touched.
``hyphen``
    letters of an alphabet on both sides, no open-quote evidence.
``joiner``
    ZWJ between emoji or their mojibake, or inside a word of an Indic script.
``gershayim``
    ``”`` between two Hebrew letters: the gershayim of an acronym (``רל”ס``).
``arabic-zero``
    ``Ù`` + space among Arabic-Indic digits or their mojibake: ``٠`` (D9 A0) whose A0 byte
    became a space.
``word-et``
    the Tironian et ``⁊`` (E2 81 8A), a word of its own in Irish and Scottish Gaelic.
``rtl-mark``
    RLM next to Hebrew or Arabic letters or their mojibake.
``hebrew-alef``
    ``א`` (D7 90) inside a Hebrew word whose other letters are mojibake
    (the final mem ``ם``, D7 9D, has the same damaged form but ends words).
``arabic-feh``
    ``ف`` (D9 81) in an Arabic word with other mojibake, when the paragraph
    has no vowel marks (D9 8D, 8F, 90 share the damaged form).
``arabic-feh-glued``
    the misrepair of ``Ù`` + space: ftfy's ``restore_byte_a0`` reads it as
    ``٠`` (ARABIC-INDIC DIGIT ZERO, D9 A0), glued between Arabic letters.
``never``
    listed for completeness (so the table says what a sequence *can* be) but
    never chosen: the evidence is never strong enough.

Where no class fits, the text is left as it is. A complete sequence (``â€™``)
next to correct punctuation (``it’â€™s``) is decoded on its own, so a
correct character nearby does not make ftfy read the whole run as another
codepage.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..kinds import Rule
from ..offsets import Edit

CLASSES = ("quote-close", "quote-close-glued", "hyphen", "joiner", "rtl-mark", "hebrew-alef", "arabic-feh",
           "arabic-feh-glued", "gershayim", "word-et", "arabic-zero", "never")
LOST_BYTES = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])


def _cp1252(byte: int) -> str | None:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return None


# Characters that stand for a UTF-8 continuation byte (0x80-0xBF) once read as Windows-1252
# (or as Latin-1, whose C1 controls some "sloppy" decoders keep).
CONTINUATION: dict[str, int] = {}
for _b in range(0x80, 0xC0):
    _c = _cp1252(_b)
    if _c is not None:
        CONTINUATION[_c] = _b
    CONTINUATION.setdefault(chr(_b), _b)

# Openers and closers of double quotations, with their complete Windows-1252 mojibake.
OPENERS = ("“", "„", "â€œ", "â€ž", "â€\x9c")
CLOSERS = ("”", "â€\x9d")
_SENTENCE_END = ".,;:!?)]}…’'"
_OPEN_AFTER = "“„\"'‘(["


@dataclass(frozen=True)
class Candidate:
    """One reading of a damaged sequence: the text it restores and the class that decides for it."""

    text: str
    cls: str


def _script(ch: str) -> str:
    """The first word of the character's name for letters (HEBREW, ARABIC, LATIN ...), else ''."""
    if not ch.isalpha():
        return ""
    return unicodedata.name(ch, "").split(" ", 1)[0]


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _is_emoji(ch: str) -> bool:
    return ord(ch) >= 0x1F000 or 0x2600 <= ord(ch) < 0x2800


class LossyRule(Rule):
    """Find lossy sequences and misrepairs and restore those the context decides.

    ``sequences`` maps a damaged sequence to its candidates (from the pack's
    ``[lost-bytes]`` and ``[misrepairs]`` sections).
    """

    def __init__(self, rule_id: str, sequences: Mapping[str, Sequence[Candidate]], decode_complete: bool = True,
                 misrepairs: frozenset[str] = frozenset()):
        self.id = rule_id
        self.sequences = {k: tuple(v) for k, v in sequences.items()}
        self.decode_complete = decode_complete
        self.misrepairs = frozenset(misrepairs)
        self._compile()

    def __reduce__(self):
        return (LossyRule, (self.id, self.sequences, self.decode_complete, self.misrepairs))

    def _compile(self) -> None:
        self.triggers = tuple(sorted({seq[0] for seq in self.sequences} | ({"â"} if self.decode_complete else set())))
        self.screen_chars = "".join(re.escape(t) for t in self.triggers)  # see kinds.repair._screen
        # Literal alternatives, longest first; complete three-character sequences are found by a
        # character class and decoded by the codec, not listed. Sites of three characters or more
        # (``â€`` + no-break space) come before complete sequences, the shorter ones after.
        literals = sorted(self.sequences, key=lambda s: (-len(s), s))
        cont = "".join(re.escape(c) for c in sorted(CONTINUATION))
        def group(name: str, items: list[str]) -> list[str]:
            return [f"(?P<{name}>" + "|".join(re.escape(i) for i in items) + ")"] if items else []

        parts = group("site", [s for s in literals if len(s) >= 3])
        if self.decode_complete:
            second = "".join(re.escape(c) for c, b in CONTINUATION.items() if 0x80 <= b <= 0x86)
            complete = f"â[{second}][{cont}]"
            parts.append(f"(?P<complete>{complete})")
        parts += group("site2", [s for s in literals if len(s) < 3])
        # Only lost-byte sites, or complete sequences touching correct punctuation, start the
        # work: a text with neither costs a scan or two. Both patterns find a superset of what
        # the token pass below accepts (a short site followed by a continuation character is
        # intact mojibake unless it is a misrepair).
        short = [s for s in literals if len(s) < 3]
        lost = [re.escape(s) for s in literals if len(s) >= 3 or s in self.misrepairs]
        intact = "|".join(re.escape(s) for s in short if s not in self.misrepairs)
        if intact:
            lost.append(f"(?:{intact})(?![{cont}])")
        self.lost_pattern = re.compile("|".join(lost)) if lost else None
        self.touching_pattern = None
        if self.decode_complete:
            self.touching_pattern = re.compile(f"(?<={_CORRECT_PUNCT}){complete}|{complete}(?={_CORRECT_PUNCT})")
        parts.append("(?P<open>[“„]|â€œ|â€ž|â€\x9c)")
        parts.append("(?P<close>”|â€\x9d)")
        parts.append('(?P<straight>")')
        parts.append(r"(?P<para>\n[ \t]*\n)")
        self.pattern = re.compile("|".join(parts))

    # -- scanning -------------------------------------------------------------------------
    def edits(self, text: str, ctx=None) -> list[Edit]:
        if not any(t in text for t in self.triggers):
            return []
        if not (self.lost_pattern is not None and self.lost_pattern.search(text)
                or self.touching_pattern is not None and self.touching_pattern.search(text)):
            return []
        tokens = []  # (kind, start, end, decoded character for complete sequences)
        has_site = lost = False
        for m in self.pattern.finditer(text):
            kind, start, end = m.lastgroup, m.start(), m.end()
            char = None
            if kind == "site2":
                kind = "site"
                if m.group() in self.misrepairs:
                    # A misrepair character that is a byte of intact mojibake (`Ù†` is ن) is not one.
                    if _inside_mojibake(text, start) or _between_mojibake(text, start, end):
                        continue
                elif end < len(text) and text[end] in CONTINUATION:
                    # A lead followed by a continuation character is ordinary mojibake, not a lost byte.
                    continue
            elif kind == "complete":
                char = _decode3(m.group())
                if char is None:
                    continue
            elif kind in ("open", "close") and end - start == 1 and _inside_mojibake(text, start):
                continue  # `×”` is ה read as Windows-1252, not a closing quote
            elif kind == "site" and m.group() in self.misrepairs and _between_mojibake(text, start, end):
                continue  # a complete sequence inside a run of double mojibake (`Ãšâ€\xa0Ã™`)
            has_site = has_site or kind in ("site", "complete")
            lost = lost or kind == "site"
            tokens.append((kind, start, end, char))
        if not has_site:
            return []
        if not lost:
            # Complete sequences only (ordinary mojibake, which ftfy decodes): no quotation
            # evidence is needed, only whether one touches correct punctuation.
            return [Edit(start, end, char, _NEXT_TO_CORRECT) for kind, start, end, char in tokens
                    if kind == "complete" and _next_to_correct(text, start, end)]
        # For each token, whether the next quotation mark in its paragraph is a closing one.
        # And whether another lost-byte site comes before that next quotation mark.
        close_ahead = [False] * len(tokens)
        site_ahead = [False] * len(tokens)
        following: str | None = None
        site_seen = False
        for i in range(len(tokens) - 1, -1, -1):
            kind, _, _, char = tokens[i]
            close_ahead[i] = following == "close"
            site_ahead[i] = site_seen
            quote = _quote_kind(kind, char)
            if quote is not None:
                following, site_seen = quote, False
            elif kind == "para":
                following, site_seen = None, False
            elif kind == "site":
                site_seen = True
        dropped = any(kind == "site" and text[start:end] == "â€" for kind, start, end, _ in tokens)
        edits: list[Edit] = []
        decided: list[tuple[int, int, str, str]] = []  # lost-byte sites restored: (start, end, text, note)
        # Open quotations: ('“' curly or low, or '"' straight; where; whether it opens like a quotation,
        # after a space or the start of a line and before a non-space).
        stack: list[tuple[str, int, bool]] = []
        facts = _Facts(text)
        for i, (kind, start, end, char) in enumerate(tokens):
            if kind == "para":
                stack.clear()
                continue
            if kind == "straight":
                if stack and stack[-1][0] == '"':
                    stack.pop()
                else:
                    stack.append(('"', start, _opens_well(text, start, end)))
                continue
            if kind == "complete":
                # Elsewhere ftfy decodes it with its run; it still counts as a quotation mark.
                if _next_to_correct(text, start, end):
                    edits.append(Edit(start, end, char, _NEXT_TO_CORRECT))
            quote = _quote_kind(kind, char)
            if quote == "open":
                stack.append(("“", start, _opens_well(text, start, end)))
            elif quote == "close":
                if stack:
                    stack.pop()
            elif kind == "site":
                seq = text[start:end]
                if seq == "â€?" and dropped:
                    # The text also has plain `â€`: bytes were dropped, so this `?` is a real one.
                    end, seq = end - 1, "â€"
                candidates = self.sequences[seq]
                if seq.endswith(" ") and seq[:-1] in self.sequences and not _arabic_digits_near(text, start, end):
                    # `Ù ` is ٠ with its A0 byte turned into a space only among Arabic-Indic digits.
                    end, seq = end - 1, seq[:-1]
                    candidates = self.sequences[seq]
                chosen, action = _choose(text, start, end, candidates, stack, close_ahead[i], facts,
                                         site_ahead[i])
                if chosen is not None:
                    edits.append(Edit(start, end, chosen.text, f"lossy: {chosen.cls}"))
                    decided.append((start, end, chosen.text, f"lossy: {chosen.cls}"))
                    if action == "pop":
                        stack.pop()
                    elif action == "push":
                        stack.append(("“", start, True))
        edits = _widen_letters(text, edits)
        if decided:
            edits = _decode_lines(text, edits, decided)
        return edits

def lossy_forms(char: str) -> dict[str, str]:
    """How ``char``'s UTF-8 reads in Windows-1252 when its undefined bytes are lost.

    Keys name the chain: ``dropped`` (the byte vanished), ``replaced`` (it became U+FFFD).
    Empty when no byte of the character is lost.

    >>> lossy_forms("”")
    {'dropped': 'â€', 'replaced': 'â€\ufffd'}
    >>> lossy_forms("’")
    {}
    """
    data = char.encode("utf-8")
    if not any(b in LOST_BYTES for b in data):
        return {}
    return {"dropped": data.decode("cp1252", errors="ignore"), "replaced": data.decode("cp1252", errors="replace")}


def _quote_kind(kind: str, char: str | None) -> str | None:
    if kind in ("open", "close"):
        return kind
    if kind == "complete":
        return "open" if char in "“„" else "close" if char == "”" else None
    return None


_RTL_ANY = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe×ØÙÚÛ]")


class _Facts:
    """Facts about the whole text, computed once per call and only when a rule asks."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def harakat(self) -> bool:
        return _has_harakat(self.text)

    @cached_property
    def rtl(self) -> bool:
        return _RTL_ANY.search(self.text) is not None


def _choose(text: str, start: int, end: int, candidates: Sequence[Candidate], stack: list[tuple[str, int, bool]],
            close_ahead: bool, facts: _Facts, site_ahead: bool = False) -> tuple[Candidate | None, str | None]:
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    for cand in candidates:
        cls = cand.cls
        if cls == "quote-close":
            if (stack and not close_ahead and not before.isspace() and before not in "“„‘"
                    and before != "â" and (after.isspace() or after in _SENTENCE_END or after in "-/(<>[{"
                                           or text.startswith("â€", end)
                                           # a suffix or a CJK run after the quote (“%s”den, “你好”。),
                                           # when no other site could close it first
                                           or (after.isalpha() and not site_ahead
                                               and (after not in _ALL_CONTS or _pair_at(text, end, LEADS))))):
                return cand, "pop"
            if not stack and _opening_right_quote(text, start, end, before, after):
                return cand, "push"
        elif cls == "quote-close-glued":
            # No space on either side (the misrepair ate it), the quotation opened on this line.
            if (stack and stack[-1][2] and not close_ahead and start - stack[-1][1] < 2000
                    and text.find("\n", stack[-1][1], start) < 0
                    and not before.isspace() and before not in "“„‘\"" and before != "â"
                    and not unicodedata.category(before).startswith("S")
                    and not after.isspace() and after not in ".,;:!?)]}…\n"):
                return cand, "pop"
        elif cls == "hyphen":
            if (before.isalpha() and after.isalpha() and _encodable(before) and _encodable(after)
                    and before not in CONTINUATION and after not in CONTINUATION and before != "â"
                    and after not in "âÃÂðàÐÑØÙ×ÎÏ"):
                return cand, None
        elif cls == "joiner":
            if (_is_emoji(before) or _emoji_mojibake_before(text, start)) and (
                    _is_emoji(after) or text.startswith("ðŸ", end)):
                return cand, None
            if _indic_before(text, start) and _indic_after(text, end):
                return cand, None
        elif cls == "gershayim":
            if ((_script(before) == "HEBREW" or (start >= 2 and text[start - 2] == "×" and before in CONTINUATION))
                    and (_script(after) == "HEBREW" or _pair_at(text, end, "×"))):
                return cand, None
        elif cls == "arabic-zero":
            if _arabic_digits_near(text, start, end):
                return cand, None
        elif cls == "word-et":
            if before.isspace() and (after.isspace() or end == len(text)):
                return cand, None
        elif cls == "rtl-mark":
            if facts.rtl and _rtl_near(text, start, end):
                return cand, None
        elif cls == "hebrew-alef":
            if (_inside_word(text, end, "×") or _script(after) == "HEBREW") and (
                    _word_has_pair(text, start, end, "×")
                    or ("HEBREW" in (_script(before), _script(after)) and _line_has_pair(text, start, end, "×"))):
                return cand, None
        elif cls == "arabic-feh":
            if not facts.harakat and (_word_has_pair(text, start, end, "ØÙ") or (
                    _script(before) == "ARABIC" and _line_has_pair(text, start, end, "ØÙ"))) and (
                    _inside_word(text, end, "ØÙ") or _script(after) == "ARABIC"
                    or _arabic_mojibake_before(text, start) or _script(before) == "ARABIC"):
                return cand, None
        elif cls == "arabic-feh-glued":
            if _script(before) == "ARABIC" and _script(after) == "ARABIC" and not facts.harakat:
                return cand, None
    return None, None


# Characters that start a two-, three- or four-byte UTF-8 sequence once read as Windows-1252.
LEADS = frozenset(bytes([b]).decode("cp1252") for b in range(0xC2, 0xF5))


# General Punctuation (hyphens, dashes, curly quotes, daggers, ellipsis ...): correct punctuation.
_PUNCT_FIRST, _PUNCT_LAST = "\u2010", "\u205e"
_CORRECT_PUNCT = f"[{_PUNCT_FIRST}-{_PUNCT_LAST}]"


def _correct_punct(ch: str) -> bool:
    return _PUNCT_FIRST <= ch <= _PUNCT_LAST


_NEXT_TO_CORRECT = "lossy: complete sequence next to correct punctuation"


def _next_to_correct(text: str, start: int, end: int) -> bool:
    """A complete sequence touching a correct punctuation mark (``it’â€™s``), not one inside
    a longer run of mojibake (where the mark itself is a byte of another sequence)."""
    if (start > 0 and _correct_punct(text[start - 1]) and not _inside_mojibake(text, start - 1)
            and (start < 2 or text[start - 2] not in _ALL_LEADS)):
        return True
    return end < len(text) and _correct_punct(text[end]) and not text.startswith("â", end)


def _encodable(ch: str) -> bool:
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


_LETTER_LEADS = {"lossy: hebrew-alef": "×", "lossy: arabic-feh": "ØÙÚÛ"}


def _pair(text: str, i: int, leads: str) -> str | None:
    """The character a lead + continuation pair at ``i`` decodes to, if it is one."""
    if i < 0 or i + 1 >= len(text) or text[i] not in leads or text[i + 1] not in CONTINUATION:
        return None
    try:
        return bytes([text[i].encode("cp1252")[0], CONTINUATION[text[i + 1]]]).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _widen_letters(text: str, edits: list[Edit]) -> list[Edit]:
    """A restored Hebrew or Arabic letter takes the intact mojibake pairs of its word along.

    ftfy does not decode a short run of pairs next to a correct letter (``فÙŠ``), so the
    word is decoded here at once: its pairs by the codec, its lost letter by context.
    """
    if not any(e.note in _LETTER_LEADS for e in edits):
        return edits
    out: list[Edit] = []
    for k, edit in enumerate(edits):
        leads = _LETTER_LEADS.get(edit.note)
        if leads is None:
            out.append(edit)
            continue
        floor = out[-1].end if out else 0
        ceiling = edits[k + 1].start if k + 1 < len(edits) else len(text)
        start, end, after = edit.start, edit.end, edit.after
        while start - 2 >= floor and (char := _pair(text, start - 2, leads)) is not None:
            start, after = start - 2, char + after
        while end + 2 <= ceiling and (char := _pair(text, end, leads)) is not None:
            end, after = end + 2, after + char
        out.append(Edit(start, end, after, edit.note))
    return out


# The single-byte codepages UTF-8 is commonly misread as (those ftfy knows, and DOS).
CODEPAGES = ("cp1252", "latin-1", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso-8859-2", "mac_roman",
             "cp437")


def _byte_maps() -> list[tuple[dict[str, int], frozenset[str]]]:
    maps = []
    for codec in CODEPAGES:
        leads, conts = {}, set()
        for b in range(0x80, 0xF5):
            try:
                ch = bytes([b]).decode(codec)
            except UnicodeDecodeError:
                continue
            if b < 0xC0:
                conts.add(ch)
            elif b >= 0xC2:
                leads[ch] = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
        maps.append((leads, frozenset(conts)))
    return maps


_BYTE_MAPS = _byte_maps()
_ALL_LEADS = frozenset(ch for leads, _ in _BYTE_MAPS for ch in leads)
_ALL_CONTS = frozenset(ch for _, conts in _BYTE_MAPS for ch in conts)


def _inside_mojibake(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a continuation byte of an intact UTF-8 sequence read as one of the
    common codepages (``Ù†`` is ن in Windows-1252, ``П†`` is φ in Windows-1251)."""
    if not any(c in _ALL_LEADS for c in text[max(0, i - 3) : i]):
        return False
    for leads, conts in _BYTE_MAPS:
        for back in (1, 2, 3):
            j = i - back
            length = leads.get(text[j]) if j >= 0 else None
            if length and length > back and j + length <= len(text) and all(
                    c in conts for c in text[j + 1 : j + length]):
                return True
    return False


def _between_mojibake(text: str, start: int, end: int) -> bool:
    """Intact mojibake on both sides of ``text[start:end]``: it belongs to that run."""
    return start >= 1 and _inside_mojibake(text, start - 1) and _pair_at(text, end, LEADS)


def _opens_well(text: str, start: int, end: int) -> bool:
    """A quotation mark placed like an opening one: after a space, a line start or an opening
    bracket or dash, and before a non-space."""
    before = text[start - 1] if start > 0 else " "
    # After `†` too: a misrepair that ate the space before this quote (`needless†“To`); decided
    # in the same pass, so a line of them needs one pass, not one per quotation.
    return (before.isspace() or before in "([{—–-/†") and end < len(text) and not text[end].isspace()


def _opening_right_quote(text: str, start: int, end: int, before: str, after: str) -> bool:
    """``”`` used as an opening quote (Finnish, Swedish: ``”%s”``): at the start of a word, with a
    closing candidate later on the same line, in a line that has no other opening quotes."""
    if not (before.isspace() or before in "([") or after.isspace():
        return False
    # Looked at within 300 characters either side on the line, so the cost stays linear.
    line_start = max(text.rfind("\n", max(0, start - 300), start) + 1, start - 300, 0)
    line_end = text.find("\n", end, end + 300)
    line_end = min(len(text), end + 300) if line_end < 0 else line_end
    if any(q in text[line_start:line_end] for q in ("“", "„", "â€œ", "â€ž", '"')):
        return False
    return text.find("â€", end, line_end) > end or text.find("†", end, line_end) > end


def _decode_lines(text: str, edits: list[Edit], decided: list[tuple[int, int, str, str]]) -> list[Edit]:
    """Undo the whole chain on each line where a lost byte was restored, when the line is pure
    Windows-1252 mojibake: the restored characters' bytes go back in and the line decodes as
    UTF-8 (the strongest evidence that the restoration was right). Other lines keep their edits."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    from .diffing import diff_edits

    by_line: dict[int, list[tuple[int, int, str, str]]] = {}
    starts = _line_starts(text)
    for site in decided:
        by_line.setdefault(starts[bisect_right(starts, site[0]) - 1], []).append(site)
    replaced: list[tuple[int, int, list[Edit]]] = []
    for line_start, sites in by_line.items():
        line_end = text.find("\n", sites[-1][1])
        line_end = len(text) if line_end < 0 else line_end
        data = bytearray()
        pos = line_start
        try:
            for start, end, restored, _ in sites:
                data += text[pos:start].encode("sloppy-windows-1252")
                data += restored.encode("utf-8")
                pos = end
            data += text[pos:line_end].encode("sloppy-windows-1252")
            decoded = data.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            # Not pure mojibake (ftfy or a person fixed part of it): decode its intact sequences.
            replaced.append((line_start, line_end, _decode_sequences(text, line_start, line_end, sites)))
            continue
        line = text[line_start:line_end]
        if decoded != line and not any("\x80" <= c <= "\x9f" for c in decoded):
            replaced.append((line_start, line_end, diff_edits(line, decoded, line_start, "lossy: line decoded")))
    if not replaced:
        return edits
    bounds = sorted((a, b) for a, b, _ in replaced)
    firsts = [a for a, _ in bounds]

    def on_replaced_line(edit: Edit) -> bool:
        k = bisect_right(firsts, edit.start) - 1
        return k >= 0 and edit.end <= bounds[k][1]

    kept = [e for e in edits if not on_replaced_line(e)]
    kept.extend(e for _, _, line_edits in replaced for e in line_edits)
    return sorted(kept, key=lambda e: (e.start, e.end))


_SEQUENCE = re.compile("[" + "".join(re.escape(c) for c in sorted(LEADS)) + "]["
                       + "".join(re.escape(c) for c in sorted(CONTINUATION)) + "]{1,3}")


def _decode_sequences(text: str, line_start: int, line_end: int,
                      sites: list[tuple[int, int, str, str]]) -> list[Edit]:
    """The restored sites plus every intact UTF-8 sequence read as Windows-1252 on the line
    (``Ä…`` → ``ą``), on a line that a restored lost byte proves went through that codepage."""
    out: list[Edit] = []
    pos = line_start
    for start, end, restored, note in [*sites, (line_end, line_end, "", "")]:
        for m in _SEQUENCE.finditer(text, pos, start):
            seq = m.group()
            lead = seq[0].encode("cp1252")[0]
            length = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            if len(seq) < length:
                continue
            seq = seq[:length]
            try:
                char = bytes([lead, *(CONTINUATION[c] for c in seq[1:])]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            out.append(Edit(m.start(), m.start() + length, char, "lossy: sequence on a damaged line"))
        if end > start:
            out.append(Edit(start, end, restored, note))
        pos = end
    return out


def _decode3(seq: str) -> str | None:
    try:
        data = bytes([0xE2, CONTINUATION[seq[1]], CONTINUATION[seq[2]]])
        return data.decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None


def _has_harakat(text: str) -> bool:
    """Arabic vowel marks, intact or as mojibake (D9 8B-92 read as Windows-1252)."""
    if any("\u064b" <= c <= "\u0652" for c in text):
        return True
    return any(f"Ù{_cp1252(b)}" in text for b in range(0x8B, 0x93) if _cp1252(b))


def _pair_at(text: str, i: int, leads) -> bool:
    return i + 1 < len(text) and text[i] in leads and text[i + 1] in CONTINUATION


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The word around ``text[start:end]`` (whitespace-delimited, at most 64 characters each side)."""
    left = text[max(0, start - 64) : start]
    cut = max(left.rfind(" "), left.rfind("\n"), left.rfind("\t"))
    a = start - len(left) + cut + 1
    right = text[end : end + 64]
    cuts = [k for k in (right.find(" "), right.find("\n"), right.find("\t")) if k >= 0]
    b = end + (min(cuts) if cuts else len(right))
    return a, b


def _word_has_pair(text: str, start: int, end: int, leads: str) -> bool:
    a, b = _word_bounds(text, start, end)
    return _PAIRS[leads].search(text, a, b) is not None


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


_PAIRS = {leads: re.compile("[" + leads + "][" + "".join(re.escape(c) for c in sorted(CONTINUATION)) + "]")
          for leads in ("×", "ØÙ")}


def _line_has_pair(text: str, start: int, end: int, leads: str) -> bool:
    """Other mojibake of the same script near the site, on its line (within 200 characters):
    the evidence that the text went through Windows-1252."""
    a = max(text.rfind("\n", max(0, start - 200), start) + 1, start - 200, 0)
    b = text.find("\n", end, end + 200)
    b = min(len(text), end + 200) if b < 0 else b
    return _PAIRS[leads].search(text, a, b) is not None


def _inside_word(text: str, end: int, leads: str) -> bool:
    """The damaged letter is followed by more of the word: a letter-pair of mojibake or a site."""
    return end < len(text) and text[end] in leads


def _arabic_mojibake_before(text: str, start: int) -> bool:
    return start >= 2 and text[start - 2] in "ØÙ" and text[start - 1] in CONTINUATION


_ARABIC_DIGIT_TAILS = "\u00a0 ¡¢£¤¥¦§¨©"


def _arabic_digits_near(text: str, start: int, end: int) -> bool:
    """Another Arabic-Indic digit (D9 A0-A9) or its mojibake right before or after ``Ù ``."""
    after = text[end : end + 2]
    if (len(after) == 2 and after[0] == "Ù" and after[1] in _ARABIC_DIGIT_TAILS) or (
            after[:1] and "\u0660" <= after[0] <= "\u0669"):
        return True
    before = text[max(0, start - 2) : start]
    return (len(before) == 2 and before[0] == "Ù" and before[1] in _ARABIC_DIGIT_TAILS) or (
        before[-1:] and "\u0660" <= before[-1] <= "\u0669")


def _indic(ch: str) -> bool:
    return "\u0900" <= ch <= "\u0dff"


def _indic_before(text: str, start: int) -> bool:
    """An Indic letter or sign before, or its mojibake (E0 A4-B7 xx read as Windows-1252)."""
    if start >= 1 and _indic(text[start - 1]):
        return True
    return start >= 3 and text[start - 3] == "à" and text[start - 2] in CONTINUATION and text[start - 1] in CONTINUATION


def _indic_after(text: str, end: int) -> bool:
    if end < len(text) and _indic(text[end]):
        return True
    return text.startswith("à", end) and end + 1 < len(text) and text[end + 1] in CONTINUATION


def _emoji_mojibake_before(text: str, start: int) -> bool:
    # An emoji read as Windows-1252: ð Ÿ x y (four characters, F0 9F xx xx).
    return start >= 4 and text[start - 4] == "ð" and text[start - 3] == "Ÿ"


_RTL_LEADS = "×ØÙÚÛ"


def _rtl_near(text: str, start: int, end: int) -> bool:
    """Hebrew or Arabic (or their mojibake) is the nearest writing on either side, within 8
    characters, looking past spaces, quotation marks and punctuation mojibake."""
    i = start - 1
    while i >= 0 and start - i <= 8:
        ch = text[i]
        if _is_rtl(ch) or (ch in CONTINUATION and i >= 1 and text[i - 1] in _RTL_LEADS):
            return True
        if ch.isalnum() and ch not in CONTINUATION and ch != "â":
            break
        i -= 1
    i = end
    while i < len(text) and i - end <= 8:
        ch = text[i]
        if _is_rtl(ch) or _pair_at(text, i, _RTL_LEADS):
            return True
        if ch.isalnum() and ch not in CONTINUATION and ch != "â":
            break
        i += 1
    return False
