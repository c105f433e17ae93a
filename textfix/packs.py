"""Rule packs: the data files under ``rules/<kind>/`` and their validation.

A pack is a UTF-8 text file::

    # comments start with '#'
    id: names.news
    kind: names
    description: People, groups and places in English news
    source: English Wikipedia article titles
    licence: CC0-1.0
    ---
    [entries]
    Zabihullah Mujahid
        Zabihullah Mujahed
        short: Mujahid

The header (``key: value`` lines up to ``---``) must have ``id``, ``kind``,
``description``, ``source`` and ``licence``; a kind may allow more keys. The
body is made of sections whose shape the kind declares:

``map``
    a canonical form on an unindented line, its variants indented under it,
    and indented ``key: value`` attributes the kind allows.
``list``
    one item per line.
``settings``
    ``key: value`` lines with keys the kind allows.

Every problem is reported as ``path:line: message``. This module knows the
format and the checks every mapping shares (duplicates, self-maps, chains,
cycles, conflicts across packs); what a kind checks beyond that lives with
the kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import PackError, PackErrors

HEADER_KEYS = ("id", "kind", "description", "source", "licence")
PACK_SUFFIX = ".pack"
_KEY_LINE = re.compile(r"^([a-z][a-z0-9_-]*):(?:\s+(.*?))?\s*$")
_SECTION_LINE = re.compile(r"^\[([a-z][a-z0-9_-]*)\]\s*$")
_ID = re.compile(r"^[a-z][a-z0-9_]*(?:[.-][A-Za-z0-9_]+)*$")


@dataclass(frozen=True)
class Section:
    """What a kind accepts in one body section."""

    shape: str  # "map", "list" or "settings"
    keys: frozenset[str] = frozenset()  # attribute keys (map) or setting keys (settings)
    required: bool = False


@dataclass(frozen=True)
class Group:
    """One canonical form with its variants and attributes (a ``map`` section)."""

    canonical: str
    line: int
    variants: tuple[tuple[str, int], ...] = ()
    attrs: tuple[tuple[str, str, int], ...] = ()

    def attr(self, key: str) -> list[str]:
        return [value for k, value, _ in self.attrs if k == key]


@dataclass(frozen=True)
class Pack:
    """A parsed pack: header, sections, and where each thing came from."""

    path: Path
    header: Mapping[str, str]
    header_lines: Mapping[str, int]
    sections: Mapping[str, tuple] = field(default_factory=dict)
    section_lines: Mapping[str, int] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.header["id"]

    @property
    def kind(self) -> str:
        return self.header["kind"]

    def groups(self, section: str = "entries") -> tuple[Group, ...]:
        return self.sections.get(section, ())

    def items(self, section: str) -> tuple[tuple[str, int], ...]:
        return self.sections.get(section, ())

    def settings(self, section: str = "settings") -> dict[str, str]:
        return {k: v for k, v, _ in self.sections.get(section, ())}

    def error(self, line: int, message: str) -> PackError:
        return PackError(self.path, line, message)


def read_header(path: Path) -> tuple[dict[str, str], dict[str, int], int]:
    """Read only the header of a pack; return it, its line numbers and the body's first line."""
    header: dict[str, str] = {}
    lines: dict[str, int] = {}
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise PackError(path, 0, f"cannot read the pack ({exc.strerror}); check the path") from None
    with handle:
        try:
            for number, raw in enumerate(handle, 1):
                line = raw.rstrip("\n")
                stripped = line.strip()
                if not stripped or stripped.startswith("#"):
                    continue
                if stripped == "---":
                    return header, lines, number + 1
                m = _KEY_LINE.match(line)
                if not m:
                    raise PackError(path, number, f"expected 'key: value' in the header, got {stripped!r}")
                key, value = m.group(1), m.group(2) or ""
                if key in header:
                    raise PackError(path, number, f"header key {key!r} given twice (first on line {lines[key]})")
                header[key] = value
                lines[key] = number
        except UnicodeDecodeError:
            raise PackError(path, 0, "a pack must be UTF-8 text; re-save it as UTF-8") from None
    raise PackError(path, max(lines.values(), default=1), "the header has no closing '---' line")


def parse_pack(path: Path, kind_sections: Callable[[str], Mapping[str, Section] | None],
               kind_header_keys: Callable[[str], frozenset[str]]) -> Pack:
    """Parse a pack file, checking its header and the shape of every section.

    ``kind_sections(kind)`` returns the sections the kind accepts (None: unknown kind).
    """
    path = Path(path)
    header, header_lines, body_start = read_header(path)
    errors: list[PackError] = []
    for key in HEADER_KEYS:
        if not header.get(key):
            errors.append(PackError(path, 1, f"the header needs '{key}: ...'"))
    if errors:
        raise PackErrors(errors)
    kind = header["kind"]
    sections_spec = kind_sections(kind)
    if sections_spec is None:
        raise PackError(path, header_lines["kind"], f"unknown kind {kind!r}; see `textfix rules list` for kinds")
    if not _ID.match(header["id"]) or not header["id"].startswith(kind + ".") and kind != "profile":
        errors.append(PackError(path, header_lines["id"],
                                f"id {header['id']!r} must be '{kind}.<name>' (letters, digits, '.', '-', '_')"))
    allowed = set(HEADER_KEYS) | kind_header_keys(kind)
    for key, line in header_lines.items():
        if key not in allowed:
            errors.append(PackError(path, line, f"unknown header key {key!r}; allowed: {', '.join(sorted(allowed))}"))

    text = path.read_text(encoding="utf-8")
    body = text.splitlines()[body_start - 1 :]
    sections: dict[str, list] = {}
    section_lines: dict[str, int] = {}
    current: str | None = None
    spec: Section | None = None
    seen: dict[str, int] = {}
    for number, line in enumerate(body, body_start):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _SECTION_LINE.match(line)
        if m:
            current = m.group(1)
            spec = sections_spec.get(current)
            if spec is None:
                errors.append(PackError(path, number, f"unknown section [{current}] for kind {kind!r}; "
                                        f"allowed: {', '.join('[' + s + ']' for s in sections_spec) or 'none'}"))
            elif current in sections:
                errors.append(PackError(path, number, f"section [{current}] given twice (first on line {section_lines[current]})"))
                spec = None
            else:
                sections[current] = []
                section_lines[current] = number
                seen = {}
            continue
        if spec is None:
            if current is None:
                errors.append(PackError(path, number, "text before the first [section]; start the body with a section"))
            continue
        indented = line[:1].isspace()
        entries = sections[current]
        if spec.shape == "list":
            if stripped in seen:
                errors.append(PackError(path, number, f"duplicate entry {stripped!r} (first on line {seen[stripped]})"))
            else:
                seen[stripped] = number
                entries.append((stripped, number))
        elif spec.shape == "settings":
            km = _KEY_LINE.match(stripped)
            if not km:
                errors.append(PackError(path, number, f"expected 'key: value', got {stripped!r}"))
            elif km.group(1) not in spec.keys:
                errors.append(PackError(path, number, f"unknown key {km.group(1)!r} in [{current}]; "
                                        f"allowed: {', '.join(sorted(spec.keys))}"))
            elif km.group(1) in seen:
                errors.append(PackError(path, number, f"key {km.group(1)!r} given twice (first on line {seen[km.group(1)]})"))
            else:
                seen[km.group(1)] = number
                entries.append((km.group(1), km.group(2) or "", number))
        else:  # map
            if not indented:
                entries.append(Group(stripped, number))
                continue
            if not entries:
                errors.append(PackError(path, number, "an indented line needs a canonical form above it"))
                continue
            group: Group = entries[-1]
            km = _KEY_LINE.match(stripped)
            if km:
                if km.group(1) not in spec.keys:
                    errors.append(PackError(path, number, f"unknown key {km.group(1)!r} in [{current}]; "
                                            f"allowed: {', '.join(sorted(spec.keys)) or 'none'}"))
                else:
                    entries[-1] = Group(group.canonical, group.line, group.variants,
                                        group.attrs + ((km.group(1), km.group(2) or "", number),))
            else:
                entries[-1] = Group(group.canonical, group.line, group.variants + ((stripped, number),), group.attrs)
    for name, sec in sections_spec.items():
        if sec.required and name not in sections:
            errors.append(PackError(path, body_start, f"the pack needs a [{name}] section"))
    if errors:
        raise PackErrors(errors)
    return Pack(path, header, header_lines, {k: tuple(v) for k, v in sections.items()}, section_lines)


def check_mappings(packs: Iterable[Pack], section: str = "entries",
                   key: Callable[[str], str] = lambda s: s) -> list[PackError]:
    """Checks every variant→canonical table shares, within and across packs.

    Errors: a variant listed twice, a variant equal to its canonical (self-map),
    a variant under two canonicals (conflict), a canonical listed twice, and a
    form that is both a variant and a canonical (a chain A→B, B→C; a cycle when
    following the chain comes back). ``key`` folds forms before comparing.
    """
    errors: list[PackError] = []
    canon_at: dict[str, tuple[Pack, int, str]] = {}
    variant_at: dict[str, tuple[Pack, int, str]] = {}
    for pack in packs:
        for group in pack.groups(section):
            ck = key(group.canonical)
            if ck in canon_at:
                other, line, _ = canon_at[ck]
                errors.append(pack.error(group.line, f"canonical {group.canonical!r} listed twice "
                                         f"(also at {other.path}:{line}); merge the two entries"))
            else:
                canon_at[ck] = (pack, group.line, group.canonical)
            for variant, line in group.variants:
                vk = key(variant)
                if vk == ck:
                    errors.append(pack.error(line, f"{variant!r} maps to itself; remove the line"))
                    continue
                if vk in variant_at:
                    other, oline, ocanon = variant_at[vk]
                    if key(ocanon) == ck:
                        errors.append(pack.error(line, f"duplicate variant {variant!r} "
                                                 f"(also at {other.path}:{oline}); remove one"))
                    else:
                        errors.append(pack.error(line, f"conflict: {variant!r} maps to {group.canonical!r} here "
                                                 f"and to {ocanon!r} at {other.path}:{oline}; keep one"))
                    continue
                variant_at[vk] = (pack, line, group.canonical)
    # Chains and cycles: a form that is a variant here and a canonical elsewhere.
    for vk, (pack, line, canonical) in variant_at.items():
        if vk not in canon_at:
            continue
        target_pack, target_line, form = canon_at[vk]
        path = [form, canonical]
        seen = {vk}
        step = key(canonical)
        while step not in seen and step in variant_at:
            seen.add(step)
            step_canonical = variant_at[step][2]
            path.append(step_canonical)
            step = key(step_canonical)
        if step in seen:
            errors.append(pack.error(line, f"cycle: {' → '.join(path)}; pick one final form"))
        else:
            errors.append(pack.error(line, f"chain: {form!r} → {canonical!r} here, but {form!r} is the canonical "
                                     f"form at {target_pack.path}:{target_line}; map its variants straight to "
                                     f"{path[-1]!r}"))
    return errors


@lru_cache(maxsize=256)
def _cached_parse(path: Path, mtime_ns: int, size: int, kinds_token: object) -> Pack:
    from . import kinds

    return parse_pack(path, kinds.sections_of, kinds.header_keys_of)


def load_pack(path: str | Path) -> Pack:
    """Parse a pack file, reusing the parse while the file is unchanged."""
    try:
        st = Path(path).stat()
    except OSError:
        raise PackError(path, 0, "no such pack file; check the path") from None
    return _cached_parse(Path(path).resolve(), st.st_mtime_ns, st.st_size, None)
