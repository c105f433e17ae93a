"""The ``dates`` kind: dates in running English text to ISO 8601 (or another format).

Each dates pack (``rules/dates/*.pack``) gives vocabulary: months, weekdays,
ordinal day words, suffixes, the words that may lead a month that is also a
name, the words after which digits are never a date. All enabled packs are
merged into one rule, compiled once per pipeline with the options below.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ..dates.tables import (
    DEFAULT_FORMAT,
    DEFAULT_MONTH_FORMAT,
    SECTIONS,
    check_packs,
    compile_tables,
)
from ..offsets import Edit
from ..packs import Pack
from . import Kind, Option, Rule, parse_bool

if TYPE_CHECKING:
    from ..dates.finder import DateOptions


def parse_reference_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text or text.lower() == "none":
        return None
    return date.fromisoformat(text)


def parse_day_first(value: Any) -> bool | None:
    """True: day first (11/09/2001 is 11 September); False: month first; unset: ambiguous dates stay."""
    if value is None or isinstance(value, str) and value.strip().lower() in {"", "none", "unset", "auto"}:
        return None
    if isinstance(value, str) and value.strip().lower() in {"day", "day-first", "dmy"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"month", "month-first", "mdy"}:
        return False
    return parse_bool(value)


def _format_parser(*needed: tuple[str, ...]):
    def parse(value: Any) -> str:
        fmt = str(value)
        for alternatives in needed:
            if not any(a in fmt for a in alternatives):
                raise ValueError(f"the pattern needs one of {', '.join(alternatives)}")
        date(2001, 9, 11).strftime(fmt)
        return fmt

    return parse


OPTIONS = (
    Option("reference_date", None, "Give year-less dates (March 3) the year that puts them nearest this "
           "date (YYYY-MM-DD); unset: they stay as written.", parse_reference_date),
    Option("date_format", DEFAULT_FORMAT, "strftime-style pattern for full dates (default ISO 8601: %Y-%m-%d).",
           _format_parser(("%Y",), ("%m", "%b", "%B"), ("%d",))),
    Option("month_format", DEFAULT_MONTH_FORMAT, "strftime-style pattern for a month and year (default %Y-%m).",
           _format_parser(("%Y",), ("%m", "%b", "%B"))),
    Option("day_first", None, "Numeric dates whose day and month are both 12 or less: true (or 'day') reads "
           "11/09/2001 as 11 September, false (or 'month') as November 9; unset: they stay as written.",
           parse_day_first),
)


class DatesRule(Rule):
    """Every date form of the enabled packs, in one token pass."""

    def __init__(self, rule_id: str, packs: Sequence[Pack], options: DateOptions) -> None:
        from ..dates.finder import (
            DateFinder,  # imported when a pipeline is built, not with the CLI
        )

        self.id = rule_id
        self.finder = DateFinder(compile_tables(packs), options)
        self.edits = self.finder.edits  # the same call, without a frame of its own (it takes and ignores ctx)

    def edits(self, text: str, ctx) -> list[Edit]:
        return self.finder.edits(text)


def _build(packs: Sequence[Pack], options) -> list[Rule]:
    from ..dates.finder import DateOptions

    opts = DateOptions(
        date_format=options.get("date_format", DEFAULT_FORMAT),
        month_format=options.get("month_format", DEFAULT_MONTH_FORMAT),
        reference_date=options.get("reference_date"),
        day_first=options.get("day_first"),
    )
    rule_id = packs[0].id if len(packs) == 1 else "dates"
    return [DatesRule(rule_id, packs, opts)]


KIND = Kind(
    name="dates",
    order=40,
    description="Dates to ISO 8601 (or a chosen format), precision first.",
    sections=SECTIONS,
    build=_build,
    check=check_packs,
    options=OPTIONS,
)
