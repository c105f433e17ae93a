"""The ``names`` kind: standardize spellings of people, groups and places.

Packs under ``rules/names/`` list a canonical form (the English Wikipedia
title) with its variants under it; see docs/names.md. All enabled packs are
compiled into one rule that scans the text once.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..names import model
from ..packs import Pack, Section
from . import Kind, Rule

if TYPE_CHECKING:
    from ..names.matcher import Matcher


class NamesRule(Rule):
    def __init__(self, rule_id: str, matcher: Matcher) -> None:
        self.id = rule_id
        self.matcher = matcher
        # The matcher's own method takes (text, ctx): one call less per text than a method here.
        self.edits = matcher.edits


@lru_cache(maxsize=8)
def _matcher(names: model.Names) -> Matcher:
    from ..names.matcher import (
        Matcher,  # imported when a pipeline is built, not with the CLI
    )

    return Matcher(names)


def _build(packs: Sequence[Pack], options) -> list[Rule]:
    names = model.load_names(packs)
    if not names.entries and not names.keep:
        return []
    rule_id = "names" if len(packs) != 1 else packs[0].id
    return [NamesRule(rule_id, _matcher(names))]


KIND = Kind(
    name="names",
    order=20,
    description="Standardize spellings of people, groups and places (Mujahed → Mujahid).",
    sections={
        "entries": Section("map", keys=model.ENTRY_KEYS, required=True),
        "keep": Section("list"),
        "titles": Section("list"),
        "given-names": Section("list"),
    },
    build=_build,
    check=model.check,
    cli="textfix.names.suggest:command",
)
