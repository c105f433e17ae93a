"""Protected spans: text no rule may rewrite.

URLs, e-mail addresses, code spans (`inline` and fenced blocks) are found
here; users add their own with the ``keep`` (literal phrases) and
``keep_regex`` options. Every pattern is anchored so that it starts matching
only at the beginning of a run, keeping the scan linear on adversarial input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_URL = re.compile(r"(?<![\w/.:-])(?:[a-zA-Z][a-zA-Z0-9+.-]{1,15}://|www\.)[^\s<>\"'`]+")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+")
_FENCE_LINE = re.compile(r"^(```|~~~)([^\n]*)$", re.MULTILINE)
_CODE = re.compile(r"(?<!`)`[^`\n]+`(?!`)")
# GNU-style quotes (`like this') are not code: an apostrophe not followed by a word character
# closes such a quote before any backtick does.
_GNU_QUOTE = re.compile(r"[^`'\n]{1,200}'(?!\w)")
_TRAILING = ".,;:!?)]}'\""


def may_hold_builtin(text: str) -> bool:
    """Whether :func:`builtin_spans` can find anything in ``text``: the substring tests it starts
    with, and nothing else (a few C scans; most texts hold none of them).

    >>> may_hold_builtin("plain prose, 12 May 2001"), may_hold_builtin("mail me@x.org")
    (False, True)
    """
    return "@" in text or "`" in text or "://" in text or "www." in text or "~~~" in text


def builtin_spans(text: str) -> list[tuple[int, int]]:
    """URLs, e-mail addresses and code spans in ``text``.

    >>> t = "see https://example.org/a_b. or mail me@x.org, `x = 1` and `print('a')`"
    >>> [t[a:b] for a, b in builtin_spans(t)]
    ['https://example.org/a_b', 'me@x.org', '`x = 1`', "`print('a')`"]
    >>> builtin_spans("GNU `quotes' are `not' code")
    []
    """
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        for m in _URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in _TRAILING:
                end -= 1
            spans.append((m.start(), end))
    if "@" in text:
        spans.extend(m.span() for m in _EMAIL.finditer(text))
    if "`" in text or "~~~" in text:
        spans.extend(fenced_blocks(text))
        spans.extend(m.span() for m in _CODE.finditer(text) if not _GNU_QUOTE.match(text, m.start() + 1))
    return spans


def fenced_blocks(text: str) -> list[tuple[int, int]]:
    r"""Fenced code blocks: from a ``` or ~~~ line to the next bare fence of the same kind.

    Paired in one pass over the fence lines (a lazy regex over the whole text
    would rescan it from every unclosed fence). An unclosed fence protects nothing.

    >>> fenced_blocks("a\n```py\nx = 1\n```\nb")
    [(2, 17)]
    """
    blocks = []
    opening: re.Match[str] | None = None
    for m in _FENCE_LINE.finditer(text):
        if opening is None:
            opening = m
        elif m.group(1) == opening.group(1) and not m.group(2).strip():
            blocks.append((opening.start(), m.end()))
            opening = None
    return blocks


# A user's regular expression may backtrack catastrophically; it gets this long per text.
USER_REGEX_TIMEOUT = 2.0


def user_spans(text: str, keep: Sequence[str], keep_regex: Sequence) -> list[tuple[int, int]]:
    """Spans of the user's ``keep`` phrases and ``keep_regex`` matches (``regex`` patterns)."""
    spans: list[tuple[int, int]] = []
    for phrase in keep:
        start = text.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = text.find(phrase, start + 1)
    for pattern in keep_regex:
        try:
            spans.extend(m.span() for m in pattern.finditer(text, timeout=USER_REGEX_TIMEOUT) if m.end() > m.start())
        except TimeoutError:
            from .errors import TextfixError

            raise TextfixError(
                f"keep_regex {pattern.pattern!r} ran over {USER_REGEX_TIMEOUT:g}s on a {len(text):,}-character text "
                "(catastrophic backtracking); simplify it, e.g. avoid nested repeats like (a+)+"
            ) from None
    return spans


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping spans."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def drop_protected(edits: Sequence, spans: Sequence[tuple[int, int]]) -> list:
    """Edits (sorted) that touch no protected span (sorted, merged).

    An edit touches a span when they overlap, or when it inserts strictly inside it.
    """
    if not spans:
        return list(edits)
    kept = []
    j = 0
    for edit in edits:
        while j < len(spans) and spans[j][1] <= edit.start:
            j += 1
        if j < len(spans):
            a = spans[j][0]
            if (a < edit.end) if edit.end > edit.start else (a < edit.start):
                continue
        kept.append(edit)
    return kept
