"""Decimal digits of every script to ASCII digits.

Every character of Unicode category Nd (Arabic-Indic ٤٣, Persian ۴۳,
Devanagari ४३, fullwidth ４３, Bengali, Thai ...) becomes its ASCII digit, by
:func:`unicodedata.decimal` - no block is listed by hand. Between digits, the
Arabic decimal separator (U+066B) becomes ``.`` and the Arabic thousands
separator (U+066C) becomes ``,``.
"""

from __future__ import annotations

import re
import unicodedata

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

    def edits(self, text: str, ctx=None) -> list[Edit]:
        """
        >>> DigitFinder("\\u066b", "\\u066c").edits("٤٣ and ۱۲٫۵ and ١٬٠٠٠ and 12")
        [Edit(start=0, end=2, after='43', note='digits to ASCII'), Edit(start=7, end=11, after='12.5', note='digits to ASCII'), Edit(start=16, end=21, after='1,000', note='digits to ASCII')]
        """
        if text.isascii():
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
