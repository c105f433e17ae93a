"""Decimal digits of every script to ASCII digits.

Every character of Unicode category Nd (Arabic-Indic ٤٣, Persian ۴۳,
Devanagari ४३, fullwidth ４３, Bengali, Thai ...) becomes its ASCII digit, by
:func:`unicodedata.decimal` - no block is listed by hand. Between digits, the
Arabic decimal separator (U+066B) becomes ``.`` and the Arabic thousands
separator (U+066C) becomes ``,``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..batchscreen import Batch, owners
from ..offsets import Edit


class DigitFinder:
    def __init__(self, decimal_separators: str, thousands_separators: str) -> None:
        self.table = {ord(c): "." for c in decimal_separators}
        self.table.update({ord(c): "," for c in thousands_separators})
        seps = re.escape(decimal_separators + thousands_separators)
        # Python's \d is exactly Unicode category Nd on str patterns.
        self.pattern = re.compile(r"\d+(?:[" + seps + r"]\d+)*" if seps else r"\d+")
        # Only a non-ASCII digit or separator makes a match non-ASCII: skip to the first one.
        self.prefilter = re.compile(r"[\x80-\U0010ffff](?<=[\d" + seps + r"])")
        # The same test in C without stopping at every non-ASCII character (quotes, dashes,
        # accents): a non-ASCII digit or separator, UTF-8 encoded, starts with one of a few lead
        # bytes (those of the BMP digits and separators, and those of every character beyond the
        # BMP); the text's UTF-8 with every other byte deleted is then not empty.
        leads = {c.encode("utf-8")[0] for c in _non_ascii_bmp_digits() + decimal_separators + thousands_separators}
        leads.update(range(0xF0, 0xF5))
        self.not_leads = bytes(b for b in range(256) if b not in leads)

    def screen_many(self, batch: Batch) -> list[int]:
        """The texts that hold a non-ASCII digit or separator (see :mod:`textfix.batchscreen`): the
        same tests as :meth:`edits`, each run once over the batch. The prefilter reads one character.

        >>> DigitFinder("\u066b", "\u066c").screen_many(Batch(["12", "x ٤٣", "’"]))
        [1]
        """
        if batch.joined.isascii():
            return []
        utf8 = batch.utf8
        if utf8 is not None and not utf8.translate(None, self.not_leads):
            return []
        return owners(self.prefilter.search, batch)

    def edits(self, text: str, ctx=None) -> list[Edit]:
        """
        >>> DigitFinder("\\u066b", "\\u066c").edits("٤٣ and ۱۲٫۵ and ١٬٠٠٠ and 12")
        [Edit(start=0, end=2, after='43', note='digits to ASCII'), Edit(start=7, end=11, after='12.5', note='digits to ASCII'), Edit(start=16, end=21, after='1,000', note='digits to ASCII')]
        """
        if text.isascii() or not text.encode("utf-8", "surrogatepass").translate(None, self.not_leads):
            return []
        if self.prefilter.search(text) is None:
            return []
        edits = []
        for m in self.pattern.finditer(text):
            found = m.group()
            if found.isascii():
                continue
            out = "".join(c if c.isascii() else self.table.get(ord(c)) or str(unicodedata.decimal(c)) for c in found)
            edits.append(Edit(m.start(), m.end(), out, "digits to ASCII"))
        return edits


@functools.lru_cache(maxsize=1)
def _non_ascii_bmp_digits() -> str:
    """The non-ASCII characters of the BMP that ``\\d`` matches (Unicode category Nd), found once."""
    return "".join(re.findall(r"[^\D0-9]", "".join(map(chr, range(0x80, 0x10000)))))
