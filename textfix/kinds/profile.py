"""Profiles: a pack listing the packs to run and the options to run them with.

A profile is a pack of kind ``profile``::

    id: default
    kind: profile
    description: ...
    source: textfix
    licence: MIT
    ---
    [packs]
    repair.encoding
    repair.hygiene
    [options]
    spelling: en-US

Packs run grouped by kind, in the kinds' fixed order (repair, names, spelling,
dates, numbers), in the order listed within a kind. A ``[packs]`` line may also
be a path to a pack file, relative to the profile.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..packs import Section
from . import Kind, option_specs


class _OptionNames(frozenset):
    """The option names known once every kind is registered (looked up lazily)."""

    def __contains__(self, name: object) -> bool:
        return name in option_specs()

    def __iter__(self) -> Iterator[str]:
        return iter(option_specs())

    def __len__(self) -> int:
        return len(option_specs())


def _no_rules(packs, options):
    raise TypeError("a profile is not run as a rule; build a Pipeline from it")


KIND = Kind(
    name="profile",
    order=0,
    description="Profiles: which packs run and with which options.",
    sections={
        "packs": Section("list", required=True),
        "options": Section("settings", keys=_OptionNames()),
    },
    build=_no_rules,
)
