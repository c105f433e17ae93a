"""The vocabulary of dates, compiled from ``rules/dates/*.pack`` once per pipeline.

A dates pack gives month and weekday names with their abbreviations, days
written as ordinal words, ordinal suffixes, the words allowed before a month
that is also a given name, the words after which a numeric shape is never a
date, and a few settings. :func:`compile_tables` merges every enabled pack
into one :class:`DateTables`; :func:`check_packs` reports mistakes with their
``path:line``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import PackError
from ..packs import Pack, Section

# What the dates kind writes unless the user picks another strftime pattern.
DEFAULT_FORMAT = "%Y-%m-%d"
DEFAULT_MONTH_FORMAT = "%Y-%m"

SETTINGS_KEYS = frozenset({"of", "year_first_separators", "year_last_separators", "min_year", "max_year"})
SECTIONS = {
    "months": Section("map", keys=frozenset({"number", "name"})),
    "weekdays": Section("map", keys=frozenset({"number"})),
    "day-words": Section("list"),
    "day-suffixes": Section("list"),
    "name-leads": Section("list"),
    "not-after": Section("list"),
    "settings": Section("settings", keys=SETTINGS_KEYS),
}
DEFAULTS = {"of": "of", "year_first_separators": "/ - .", "year_last_separators": "/ - .",
            "min_year": "1000", "max_year": "2999"}


@dataclass(frozen=True)
class Month:
    number: int
    name: bool  # also a given name (May, June ...)
    abbreviation: bool


@dataclass(frozen=True)
class DateTables:
    months: dict[str, Month]  # exact spellings (Title case and UPPER CASE) -> month
    weekdays: dict[str, int]  # exact spellings -> ISO weekday (Monday 1)
    day_words: dict[str, int]  # lowercase ordinal word -> day
    hyphen_heads: frozenset[str]  # first parts of hyphenated day words (twenty in twenty-first)
    day_suffixes: dict[int, frozenset[str]]  # day -> the lowercase ordinal suffixes it takes (11 -> th)
    name_leads: frozenset[str]
    not_after: frozenset[str]  # lowercase
    of: str
    year_first_separators: frozenset[str]
    year_last_separators: frozenset[str]
    min_year: int
    max_year: int


def _number(pack: Pack, group, errors: list[PackError], low: int, high: int) -> int | None:
    values = group.attr("number")
    line = next((ln for k, _, ln in group.attrs if k == "number"), group.line)
    if len(values) != 1 or not values[0].isdigit() or not low <= int(values[0]) <= high:
        errors.append(pack.error(line, f"{group.canonical!r} needs one 'number: N' with N from {low} to {high}"))
        return None
    return int(values[0])


def check_packs(packs: Sequence[Pack]) -> list[PackError]:
    """Errors in a set of dates packs enabled together (each names its file and line)."""
    errors: list[PackError] = []
    seen: dict[tuple[str, str], tuple[Pack, int, object]] = {}

    def claim(section: str, form: str, pack: Pack, line: int, value: object) -> None:
        key = (section, form.lower())
        if key in seen:
            other, oline, ovalue = seen[key]
            what = "listed twice" if ovalue == value else f"given two meanings ({ovalue} and {value})"
            errors.append(pack.error(line, f"{form!r} in [{section}] is {what}; first at {other.path}:{oline}"))
        else:
            seen[key] = (pack, line, value)

    for pack in packs:
        for section, high in (("months", 12), ("weekdays", 7)):
            for group in pack.groups(section):
                number = _number(pack, group, errors, 1, high)
                for key, value, line in group.attrs:
                    if key == "name" and value not in {"yes", "no"}:
                        errors.append(pack.error(line, f"name: expected yes or no, got {value!r}"))
                for form, line in ((group.canonical, group.line), *group.variants):
                    if not form.isalpha():
                        errors.append(pack.error(line, f"{form!r}: a {section[:-1]} name is letters only "
                                                 "(a trailing period is always allowed)"))
                    claim(section, form, pack, line, number)
        for item, line in pack.items("day-words"):
            parts = item.split()
            if len(parts) != 2 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 31:
                errors.append(pack.error(line, f"expected 'word day' with a day from 1 to 31, got {item!r}"))
            else:
                claim("day-words", parts[0], pack, line, int(parts[1]))
        for item, line in pack.items("day-suffixes"):
            parts = item.split()
            if len(parts) < 2 or not parts[0].isalpha() or not all(p.isdigit() for p in parts[1:]):
                errors.append(pack.error(line, f"expected 'suffix digit ...' (e.g. 'st 1'), got {item!r}"))
        settings = pack.settings()
        for key in ("min_year", "max_year"):
            if key in settings and not settings[key].isdigit():
                line = next(ln for k, _, ln in pack.sections["settings"] if k == key)
                errors.append(pack.error(line, f"{key}: expected a whole number, got {settings[key]!r}"))
        for key in ("year_first_separators", "year_last_separators"):
            if key in settings and not all(len(s) == 1 and not s.isalnum() for s in settings[key].split()):
                line = next(ln for k, _, ln in pack.sections["settings"] if k == key)
                errors.append(pack.error(line, f"{key}: expected single punctuation characters separated by spaces"))
    return errors


def _day_suffixes(suffixes: dict[str, tuple[set[int], set[int]]]) -> dict[int, frozenset[str]]:
    """Numbers of 10 and more name whole days (11, 12, 13); smaller ones name a last digit."""
    exact = {n for _, whole in suffixes.values() for n in whole}
    table: dict[int, frozenset[str]] = {}
    for day in range(1, 32):
        if day in exact:
            table[day] = frozenset(s for s, (_, whole) in suffixes.items() if day in whole)
        else:
            table[day] = frozenset(s for s, (last, _) in suffixes.items() if day % 10 in last)
    return table


def compile_tables(packs: Sequence[Pack]) -> DateTables:
    """Merge the packs' vocabulary (packs listed first win for settings)."""
    months: dict[str, Month] = {}
    weekdays: dict[str, int] = {}
    day_words: dict[str, int] = {}
    suffixes: dict[str, tuple[set[int], set[int]]] = {}
    leads: set[str] = set()
    not_after: set[str] = set()
    settings: dict[str, str] = {}
    for pack in packs:
        for group in pack.groups("months"):
            number = int(group.attr("number")[0])
            name = group.attr("name") == ["yes"]
            for form, abbreviation in ((group.canonical, False), *((v, True) for v, _ in group.variants)):
                month = Month(number, name, abbreviation)
                months.setdefault(form[:1].upper() + form[1:].lower(), month)
                months.setdefault(form.upper(), month)
        for group in pack.groups("weekdays"):
            number = int(group.attr("number")[0])
            for form in (group.canonical, *(v for v, _ in group.variants)):
                weekdays.setdefault(form[:1].upper() + form[1:].lower(), number)
                weekdays.setdefault(form.upper(), number)
        for item, _ in pack.items("day-words"):
            word, day = item.split()
            day_words.setdefault(word.lower(), int(day))
        for item, _ in pack.items("day-suffixes"):
            suffix, *numbers = item.split()
            last, whole = suffixes.setdefault(suffix.lower(), (set(), set()))
            for n in map(int, numbers):
                (last if n < 10 else whole).add(n)
        leads.update(item for item, _ in pack.items("name-leads"))
        not_after.update(item.lower() for item, _ in pack.items("not-after"))
        for key, value in pack.settings().items():
            settings.setdefault(key, value)
    settings = {**DEFAULTS, **settings}
    return DateTables(
        months=months,
        weekdays=weekdays,
        day_words=day_words,
        hyphen_heads=frozenset(w.split("-")[0] for w in day_words if "-" in w),
        day_suffixes=_day_suffixes(suffixes),
        name_leads=frozenset(leads),
        not_after=frozenset(not_after),
        of=settings["of"],
        year_first_separators=frozenset(settings["year_first_separators"].split()),
        year_last_separators=frozenset(settings["year_last_separators"].split()),
        min_year=int(settings["min_year"]),
        max_year=int(settings["max_year"]),
    )
