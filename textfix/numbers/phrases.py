"""Whole-phrase rewrites from a pack's ``[replace]`` map (``per cent`` → ``percent``), case kept."""

from __future__ import annotations

import re

from ..offsets import Edit


def _case_like(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class PhraseFinder:
    def __init__(self, replace: dict[str, str]) -> None:
        self.replace = replace
        alternatives = sorted(replace, key=len, reverse=True)
        parts = [r"[ \u00a0]+".join(map(re.escape, v.split())) for v in alternatives]
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE) if parts else None

    def edits(self, text: str) -> list[Edit]:
        """
        >>> PhraseFinder({"per cent": "percent"}).edits("5 per cent, PER CENT, Per cent, percentage")
        [Edit(start=2, end=10, after='percent', note='per cent'), Edit(start=12, end=20, after='PERCENT', note='per cent'), Edit(start=22, end=30, after='Percent', note='per cent')]
        """
        if self.pattern is None:
            return []
        edits = []
        for m in self.pattern.finditer(text):
            found = m.group()
            key = " ".join(found.lower().split())
            canonical = self.replace.get(key)
            if canonical is None:
                continue
            edits.append(Edit(m.start(), m.end(), _case_like(found, canonical), key))
        return edits
