"""The rule-kind interface and the registry of kinds.

A kind is a module in this package exposing ``KIND``: a :class:`Kind` that says
which sections its packs may hold, which options it reads, how to validate a set
of its packs and how to compile them into :class:`Rule` objects. Adding a kind
is adding a module here plus packs under ``rules/<kind>/``; the loader, the
validator, the CLI options and the generic tests find it by itself.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import OptionError, PackError
from ..packs import Pack, Section

if TYPE_CHECKING:
    from ..engine import Context
    from ..offsets import Edit


class Rule:
    """One compiled rule: finds the edits it wants on a text.

    ``edits`` returns sorted, non-overlapping :class:`~textfix.offsets.Edit`
    objects on ``text`` and must not keep state between calls, so one rule
    object serves many threads. The engine drops edits that touch protected
    spans, applies the rest and records them. An edit whose ``after`` equals
    the text it covers changes nothing; with a ``note`` it is kept as a report
    (say, "ambiguous, not rewritten") in :attr:`Explained.reports`.
    """

    id: str = "rule"
    # Optionally, a test of many texts at once: ``screen_many(batch)`` (a textfix.batchscreen.Batch)
    # gives the positions (ascending, each once) of the batch's texts it cannot rule out; ``edits``
    # of every other one is []. Pipeline.fix_many uses it; tests/test_properties.py holds every
    # rule's to that.
    screen_many: Callable[[Any], list[int]] | None = None

    def edits(self, text: str, ctx: Context) -> list[Edit]:  # pragma: no cover - interface
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


@dataclass(frozen=True)
class Option:
    """An option a kind reads: from a profile's [options], the API or the CLI."""

    name: str
    default: Any
    help: str
    parse: Callable[[Any], Any] = str
    choices: tuple[str, ...] = ()

    def convert(self, value: Any) -> Any:
        if isinstance(value, str) and self.choices and value not in self.choices:
            raise OptionError(f"option {self.name!r}: {value!r} is not one of {', '.join(self.choices)}")
        try:
            return self.parse(value)
        except (TypeError, ValueError) as exc:
            raise OptionError(f"option {self.name!r}: bad value {value!r} ({exc})") from None


@dataclass(frozen=True)
class Kind:
    """What the engine needs to know about one kind of rule."""

    name: str
    order: int  # stages run in this order: repair, names, spelling, dates, numbers
    description: str
    sections: Mapping[str, Section]
    build: Callable[[Sequence[Pack], Mapping[str, Any]], Sequence[Rule]]
    header_keys: frozenset[str] = frozenset()
    options: tuple[Option, ...] = ()
    # Cross-pack checks for a set of packs enabled together (duplicates, chains, conflicts ...).
    check: Callable[[Sequence[Pack]], list[PackError]] = field(default=lambda packs: [])
    # Choose the packs to run from those the profile enables (e.g. the spelling target).
    select: Callable[[Sequence[Pack], Mapping[str, Any], Any], Sequence[Pack]] | None = None
    # Run this stage's rules again until nothing changes (at most this many rounds).
    rounds: int = 1
    # Given the stage's rules, a cheap test of a text (or None): where it returns something
    # false, no rule of the stage would change the text or report on it, so the engine skips
    # the stage. tests/test_properties.py holds every screen to that.
    screen: Callable[[Sequence[Rule]], Callable[[str], Any] | None] | None = None
    # A click command the CLI adds as `textfix <kind> ...`, as "module:attribute" (imported lazily).
    cli: str | None = None


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "yes", "on", "1"}:
        return True
    if text in {"false", "no", "off", "0"}:
        return False
    raise ValueError("expected true or false")


def parse_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(item.strip() for item in value.split(",") if item.strip())
    return tuple(str(item) for item in value)


@cache
def kind_names() -> tuple[str, ...]:
    """Every kind module in this package (imports nothing)."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


@cache
def get_kind(name: str) -> Kind | None:
    if name not in kind_names():
        return None
    return importlib.import_module(f"{__name__}.{name}").KIND


def all_kinds() -> list[Kind]:
    kinds = [get_kind(name) for name in kind_names()]
    return sorted((k for k in kinds if k is not None), key=lambda k: (k.order, k.name))


def sections_of(kind: str) -> Mapping[str, Section] | None:
    k = get_kind(kind)
    return None if k is None else k.sections


def header_keys_of(kind: str) -> frozenset[str]:
    k = get_kind(kind)
    return frozenset() if k is None else k.header_keys


def _parse_regexes(value: Any) -> tuple[str, ...]:
    import regex

    patterns = (value,) if isinstance(value, str) else tuple(value)
    for pattern in patterns:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
    return tuple(patterns)


ENGINE_OPTIONS: tuple[Option, ...] = (
    Option("enable", (), "Packs (ids) or whole kinds to run besides the profile's, comma-separated.", parse_list),
    Option("disable", (), "Packs (ids) or whole kinds of the profile to skip, comma-separated.", parse_list),
    Option("keep", (), "Phrases no rule may rewrite, comma-separated.", parse_list),
    Option("keep_regex", (), "Regular expressions whose matches no rule may rewrite (one per use).", _parse_regexes),
    Option("packs", (), "Extra pack files or folders to take packs from, comma-separated.", parse_list),
)


def option_specs() -> dict[str, Option]:
    """Every option name a profile, the API or the CLI may set, with its spec."""
    specs = {o.name: o for o in ENGINE_OPTIONS}
    for kind in all_kinds():
        for option in kind.options:
            if option.name in specs and specs[option.name] != option:
                raise RuntimeError(f"option {option.name!r} is declared twice (kind {kind.name!r})")
            specs[option.name] = option
    return specs
