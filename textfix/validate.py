"""Validation of packs and profiles as a whole, for ``textfix rules check`` and the tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import kinds
from .catalog import builtin_rules_dir
from .errors import PackError, PackErrors
from .packs import PACK_SUFFIX, Pack, load_pack


def _files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob(f"*{PACK_SUFFIX}") if p.is_file()))
        else:
            files.append(path)
    return files


def _errors_of(build) -> list[PackError]:
    try:
        build()
    except PackErrors as exc:
        return list(exc.errors)
    except PackError as exc:
        return [exc]
    return []


def check_paths(paths: Sequence[Path]) -> tuple[list[PackError], str]:
    """Parse and check the packs under ``paths`` (default: the shipped rules).

    Each pack is checked alone (its kind's checks: duplicates, self-maps, chains,
    cycles ...), then as it would run: every profile is built, which checks the
    packs it enables together, and every pack given by path is built into the
    default profile, which checks it against the shipped packs it would run
    beside (conflicts across packs). Alternatives that never run together, such
    as the spelling targets, are not checked against each other.
    """
    from .engine import Pipeline

    files = _files(paths or [builtin_rules_dir()])
    errors: list[PackError] = []
    packs: list[Pack] = []
    for path in files:
        found = _errors_of(lambda p=path: packs.append(load_pack(p)))
        errors.extend(found)
    for pack in packs:
        kind = kinds.get_kind(pack.kind)
        if kind is not None and pack.kind != "profile":
            errors.extend(kind.check([pack]))
    extra = [str(p) for p in paths if p.resolve() != builtin_rules_dir()]
    profiles = [p for p in packs if p.kind == "profile"]
    for profile in profiles:
        errors.extend(_errors_of(lambda p=profile: Pipeline(str(p.path), packs=extra)))
    if extra:
        for pack in packs:
            if pack.kind != "profile":
                errors.extend(_errors_of(lambda p=pack: Pipeline("default", packs=extra, enable=[p.id])))
    unique: dict[str, PackError] = {}
    for error in errors:
        unique.setdefault(str(error), error)
    summary = f"{len(packs) - len(profiles)} pack(s), {len(profiles)} profile(s)"
    return sorted(unique.values(), key=lambda e: (e.path, e.line, e.message)), summary


__all__ = ["check_paths"]
