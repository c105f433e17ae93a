"""Unicode hygiene: small fixes that make text well-formed without changing what it says.

Each ``find_*`` function returns the edits it would make, so the engine can
protect spans, explain changes and map offsets. None of them touches quotes,
ligatures, character widths, line endings, ZWJ (U+200D) or ZWNJ (U+200C),
which Persian and Indic scripts need.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache

from ..offsets import Edit
from .diffing import trimmed_edit

# A pair (high then low) or a lone surrogate. Written to start with one character class, which
# ``re`` skips to in C (an alternation would be tried at every position).
_SURROGATES = re.compile("[\ud800-\udfff](?:(?<=[\ud800-\udbff])[\udc00-\udfff])?")


def find_surrogates(text: str) -> list[Edit]:
    """Join UTF-16 surrogate pairs into the character they encode; replace lone ones by U+FFFD.

    Such strings come from JSON or Windows APIs decoded halfway. A lone surrogate
    cannot be encoded as UTF-8 at all, so nothing downstream could write it.

    >>> find_surrogates("smile \\ud83d\\ude00 and \\udc00")
    [Edit(start=6, end=8, after='😀', note='surrogate pair'), Edit(start=13, end=14, after='�', note='lone surrogate')]
    """
    if text.isascii():
        return []
    edits = []
    for m in _SURROGATES.finditer(text):
        s = m.group()
        if len(s) == 2:
            char = chr(0x10000 + ((ord(s[0]) - 0xD800) << 10) + (ord(s[1]) - 0xDC00))
            edits.append(Edit(m.start(), m.end(), char, "surrogate pair"))
        else:
            edits.append(Edit(m.start(), m.end(), "\ufffd", "lone surrogate"))
    return edits


@cache
def control_chars() -> str:
    """The control characters :func:`find_controls` removes, as a character class (ftfy's list)."""
    from ftfy.chardata import CONTROL_CHARS

    return "".join(re.escape(chr(c)) for c in sorted(CONTROL_CHARS))


@cache
def _controls_re() -> re.Pattern[str]:
    return re.compile("[" + control_chars() + "]+")


def find_controls(text: str) -> list[Edit]:
    """Remove control characters nobody means to keep (ftfy's list).

    Kept: tab, line feed, form feed, carriage return. Removed: the other C0
    controls, DEL, deprecated format characters (U+206A–U+206F), a byte-order
    mark inside text (U+FEFF) and interlinear annotation marks.

    >>> find_controls("bell\\x07 and\\ttab")
    [Edit(start=4, end=5, after='', note='control character')]
    """
    if text.isprintable():
        return []
    return [Edit(m.start(), m.end(), "", "control character") for m in _controls_re().finditer(text)]


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"<[A-Za-z/!]")


@cache
def _named_entities() -> dict[str, str]:
    from ftfy.chardata import HTML_ENTITIES

    return HTML_ENTITIES


def _decode_entity(entity: str) -> str | None:
    if entity[1] == "#":
        char = html.unescape(entity)
        return None if char == entity or ";" in char else char
    return _named_entities().get(entity)


def find_html_entities(text: str) -> list[Edit]:
    """Decode HTML entities that leaked into plain text (``&amp;`` → ``&``, ``&eacute;`` → ``é``).

    Only complete entities with their ``;`` are decoded, so ``AT&T`` and
    ``&notice`` stay. Text with HTML tags is markup, not plain text, and is left
    alone. An escaped entity (``&amp;lt;``) is kept: decoding it once would
    leave a new entity, and fixing twice must give the same text as once.

    >>> find_html_entities("Fish &amp; Chips &eacute; &amp;lt; AT&T")
    [Edit(start=5, end=10, after='&', note='HTML entity'), Edit(start=17, end=25, after='é', note='HTML entity')]
    >>> find_html_entities("<p>Fish &amp; Chips</p>")
    []
    """
    if "&" not in text or ";" not in text or _TAG.search(text):
        return []
    edits = []
    for m in _ENTITY.finditer(text):
        char = _decode_entity(m.group())
        if char is None:
            continue
        if char == "&" and _ENTITY.match("&" + text[m.end() : m.end() + 40]):
            continue  # an escaped entity such as &amp;lt;
        edits.append(Edit(m.start(), m.end(), char, "HTML entity"))
    return edits


def find_deletable(text: str, pattern: re.Pattern[str], note: str) -> list[Edit]:
    """Remove every match of ``pattern`` (here: zero-width spaces).

    >>> find_deletable("zero\u200bwidth", re.compile("[\u200b]+"), "zero-width space")
    [Edit(start=4, end=5, after='', note='zero-width space')]
    """
    if text.isascii():
        return []
    return [Edit(m.start(), m.end(), "", note) for m in pattern.finditer(text)]


def contains_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds one of ``chars`` (a few ``in`` scans beat a regex search here).

    >>> contains_any("zero\\u200bwidth", "\\u200b\\ufeff"), contains_any("plain", "\\u200b")
    (True, False)
    """
    return any(ch in text for ch in chars)


_RUN = re.compile(r"[^\t\n\r ]+")

# Characters that are in NFC whatever stands around them: Latin up to U+02FF, general
# punctuation, currency signs. Each has combining class 0 and no canonical decomposition
# that NFC would undo (checked below, on this Python's Unicode data), and none is the second
# part of a canonical composition (a test checks that against all of Unicode).
_NFC_STABLE = ((0x0000, 0x02FF), (0x2002, 0x2064), (0x2066, 0x206F), (0x20A0, 0x20C0))


@cache
def nfc_triggers() -> str:
    """A character class (for ``[...]``) of every character outside ``_NFC_STABLE``.

    A text without any of them is already NFC, so :func:`find_nfc` has nothing to do.
    """
    stable = _NFC_STABLE
    for low, high in stable:
        for code in range(low, high + 1):
            char = chr(code)
            if unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char:
                stable = ((0x0000, 0x007F),)  # unexpected Unicode data: trust ASCII alone
                break
        if stable is not _NFC_STABLE:
            break
    ranges, start = [], 0
    for low, high in stable:
        if low > start:
            ranges.append(f"\\U{start:08x}-\\U{low - 1:08x}")
        start = high + 1
    ranges.append(f"\\U{start:08x}-\\U0010ffff")
    return "".join(ranges)


def find_nfc(text: str) -> list[Edit]:
    """Compose characters to Unicode NFC (``e`` + combining acute → ``é``).

    The same word typed on two systems can differ only in normal form, and
    then it neither matches nor sorts alike. NFC never touches compatibility
    characters (ligatures, fullwidth forms, superscripts): that would be NFKC.

    >>> find_nfc("cafe\\u0301 ok")
    [Edit(start=3, end=5, after='é', note='NFC')]
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return []
    edits: list[Edit] = []
    for m in _RUN.finditer(text):
        run = m.group()
        if run.isascii() or unicodedata.is_normalized("NFC", run):
            continue
        edits.extend(trimmed_edit(run, unicodedata.normalize("NFC", run), m.start(), "NFC"))
    return edits
