"""The ``numbers`` kind: digits of every script to ASCII, number words to digits (AP style),
space-grouped digits to comma grouping, ``per cent`` to ``percent``.

All enabled numbers packs are merged; the stage runs four rules in this order:
digits, words, groups, phrases, then digits once more, in one round.

Why one round is enough (tests/test_numbers_once.py checks it with hypothesis): digits runs
first, so words, groups and phrases read ASCII digits; words runs before groups, so digits it
writes next to a thin-space group are grouped in the same pass; what a later rule writes is
never a word an earlier one reads; and a rewrite only adds digits beside its neighbours, which
can block another rewrite but never unblock one. The one thing a later rule can hand back to an
earlier one: number words written as digits around an Arabic separator (``twelve٫fifteen`` →
``12٫15``), which the last digits pass turns to ``12.15`` - what a second round used to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..numbers.tables import SECTIONS, check_packs, compile_tables
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
    """A rule whose edits are its finder's. The finder's bound ``edits(text, ctx=None)`` is set
    on the instance, so the engine calls it directly (one Python call less per text and rule)."""

    def __init__(self, rule_id: str, finder) -> None:
        self.id = rule_id
        self.finder = finder
        self.edits = finder.edits
        self.screen_many = getattr(finder, "screen_many", None)

    def edits(self, text: str, ctx) -> list[Edit]:  # replaced on each instance by the finder's
        return self.finder.edits(text)


def _build(packs: Sequence[Pack], options) -> list[Rule]:
    # The finders are imported when a pipeline is built, not with the CLI.
    from ..numbers.digits import DigitFinder
    from ..numbers.grouping import GroupFinder
    from ..numbers.phrases import PhraseFinder
    from ..numbers.words import WordFinder

    tables = compile_tables(packs)
    base = packs[0].id if len(packs) == 1 else "numbers"

    digit_finder = DigitFinder(tables.decimal_separators, tables.thousands_separators)

    def digits() -> Rule:
        return FinderRule(f"{base}.digits", digit_finder)

    rules: list[Rule] = [digits()]
    if tables.cardinals:
        rules.append(FinderRule(f"{base}.words", WordFinder(tables, options.get("number_threshold", 10))))
    if tables.group_spaces:
        rules.append(FinderRule(f"{base}.groups", GroupFinder(tables)))
    if tables.replace:
        rules.append(FinderRule(f"{base}.phrases", PhraseFinder(tables.replace)))
    if tables.cardinals:
        # Digits again, for separators between digits the words rule wrote (see the module
        # docstring). Its own rule object (tools that wrap each rule object count it once) with
        # the same finder, so the engine runs it only on texts changed since the first pass.
        rules.append(digits())
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
