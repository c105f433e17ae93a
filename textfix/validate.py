"""Validation of packs and profiles as a whole, for ``textfix rules check`` and the tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import kinds
from .catalog import Catalog, builtin_rules_dir
from .errors import PackError, PackErrors, TextfixError
from .packs import PACK_SUFFIX, Pack, load_pack


def _files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob(f"*{PACK_SUFFIX}") if p.is_file()))
        else:
            files.append(path)
    return files


def check_packs(packs: Sequence[Pack]) -> list[PackError]:
    """Every kind's cross-pack checks over packs that would be enabled together."""
    errors: list[PackError] = []
    by_kind: dict[str, list[Pack]] = {}
    for pack in packs:
        by_kind.setdefault(pack.kind, []).append(pack)
    for kind_name, group in by_kind.items():
        if kind_name == "profile":
            continue
        kind = kinds.get_kind(kind_name)
        if kind is not None:
            errors.extend(kind.check(group))
    return errors


def check_paths(paths: Sequence[Path]) -> tuple[list[PackError], str]:
    """Parse and check the packs under ``paths`` (default: the shipped rules).

    Packs given together are checked together. Each profile found is also built,
    which checks the packs it enables together.
    """
    from .engine import Pipeline

    files = _files(paths or [builtin_rules_dir()])
    errors: list[PackError] = []
    packs: list[Pack] = []
    for path in files:
        try:
            packs.append(load_pack(path))
        except PackErrors as exc:
            errors.extend(exc.errors)
        except PackError as exc:
            errors.append(exc)
    errors.extend(check_packs(packs))
    extra = [p for p in paths if p.resolve() != builtin_rules_dir()]
    profiles = [p for p in packs if p.kind == "profile"]
    for profile in profiles:
        try:
            Pipeline(str(profile.path), packs=[str(p) for p in extra])
        except PackErrors as exc:
            errors.extend(e for e in exc.errors if e not in errors)
        except PackError as exc:
            errors.append(exc)
        except TextfixError as exc:
            errors.append(PackError(profile.path, 1, str(exc)))
    unique = {str(e): e for e in errors}
    summary = f"{len(packs) - len(profiles)} pack(s), {len(profiles)} profile(s)"
    return list(unique.values()), summary
