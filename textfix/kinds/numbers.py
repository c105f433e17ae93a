"""The ``numbers`` kind: digits of every script to ASCII, number words to digits (AP style),
space-grouped digits to comma grouping, ``per cent`` to ``percent``.

All enabled numbers packs are merged; the stage runs four rules in this order:
digits, words, groups, phrases.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..numbers.digits import DigitFinder
from ..numbers.grouping import GroupFinder
from ..numbers.phrases import PhraseFinder
from ..numbers.tables import SECTIONS, check_packs, compile_tables
from ..numbers.words import WordFinder
from ..offsets import Edit
from ..packs import Pack
from . import Kind, Option, Rule


def parse_threshold(value: Any) -> int:
    number = int(value)
    if number < 0:
        raise ValueError("the threshold is 0 or more")
    return number


OPTIONS = (
    Option("number_threshold", 10, "Number words from this value up become digits (AP style: 10; "
           "one to nine stay words).", parse_threshold),
)


class FinderRule(Rule):
    def __init__(self, rule_id: str, finder) -> None:
        self.id = rule_id
        self.finder = finder

    def edits(self, text: str, ctx) -> list[Edit]:
        return self.finder.edits(text)


def _build(packs: Sequence[Pack], options) -> list[Rule]:
    tables = compile_tables(packs)
    base = packs[0].id if len(packs) == 1 else "numbers"
    rules: list[Rule] = [FinderRule(f"{base}.digits", DigitFinder(tables.decimal_separators,
                                                                   tables.thousands_separators))]
    if tables.cardinals:
        rules.append(FinderRule(f"{base}.words", WordFinder(tables, options.get("number_threshold", 10))))
    if tables.group_spaces:
        rules.append(FinderRule(f"{base}.groups", GroupFinder(tables)))
    if tables.replace:
        rules.append(FinderRule(f"{base}.phrases", PhraseFinder(tables.replace)))
    return rules


KIND = Kind(
    name="numbers",
    order=50,
    description="Digits of every script to ASCII, number words to digits (AP style), digit groups, per cent.",
    sections=SECTIONS,
    build=_build,
    check=check_packs,
    options=OPTIONS,
    rounds=1,
)
