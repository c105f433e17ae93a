"""Where packs and profiles are found: the rules shipped in the package plus user paths."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from .errors import PackError, TextfixError
from .packs import PACK_SUFFIX, Pack, load_pack, read_header


def builtin_rules_dir() -> Path:
    """The rules shipped with textfix: inside the installed package, or the checkout's ``rules/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise TextfixError("textfix's rules are missing from the installation; reinstall textfix")


def _pack_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob(f"*{PACK_SUFFIX}") if p.is_file())


@lru_cache(maxsize=32)
def _index(roots: tuple[Path, ...]) -> dict[str, tuple[Path, str]]:
    index: dict[str, tuple[Path, str]] = {}
    for root in roots:
        if not root.exists():
            raise PackError(root, 0, "no such pack file or folder; check the path")
        for path in _pack_files(root):
            header, lines, _ = read_header(path)
            pack_id, kind = header.get("id"), header.get("kind")
            if not pack_id or not kind:
                raise PackError(path, 1, "the header needs 'id: ...' and 'kind: ...'")
            if pack_id in index and index[pack_id][0] != path:
                raise PackError(path, lines["id"], f"pack id {pack_id!r} is also used by {index[pack_id][0]}; "
                                "give one of them another id")
            index[pack_id] = (path, kind)
    return index


class Catalog:
    """All packs that can be enabled: shipped ones and those under user paths."""

    def __init__(self, extra: Iterable[str | Path] = ()) -> None:
        self.roots = (builtin_rules_dir(), *(Path(p).expanduser().resolve() for p in extra))
        self._index = _index(self.roots)

    def ids(self, kind: str | None = None) -> list[str]:
        return sorted(i for i, (_, k) in self._index.items() if kind is None or k == kind)

    def path(self, pack_id: str) -> Path | None:
        entry = self._index.get(pack_id)
        return entry[0] if entry else None

    def kind_of(self, pack_id: str) -> str | None:
        entry = self._index.get(pack_id)
        return entry[1] if entry else None

    def load(self, pack_id: str) -> Pack:
        path = self.path(pack_id)
        if path is None:
            raise TextfixError(f"no pack {pack_id!r}; see `textfix rules list`")
        return load_pack(path)

    def packs(self, ids: Sequence[str]) -> list[Pack]:
        return [self.load(i) for i in ids]

    def profile(self, ref: str | Path) -> Pack:
        """A profile by name (shipped or under a user path) or by file path."""
        ref_str = str(ref)
        if ref_str in self._index and self._index[ref_str][1] == "profile":
            return load_pack(self._index[ref_str][0])
        path = Path(ref_str).expanduser()
        if path.suffix == PACK_SUFFIX or path.exists() or "/" in ref_str:
            pack = load_pack(path)
            if pack.kind != "profile":
                raise PackError(path, pack.header_lines["kind"], f"{path} is a {pack.kind!r} pack, not a profile")
            return pack
        names = ", ".join(self.ids("profile"))
        raise TextfixError(f"no profile {ref_str!r}; use one of: {names}, or a path to a profile file")
