"""The ``repair`` kind: encoding repair and Unicode hygiene.

Each repair pack names its ``fixer`` in the header; the fixer turns the pack's
settings and lists into rules. The stage runs up to three rounds so that one
fix exposing another (an entity that decodes to mojibake, say) still leaves a
text that a second run would not change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..errors import PackError
from ..packs import Pack, Section
from ..repair import encoding, hygiene, lossy, prefilter
from . import Kind, Rule, parse_bool

HYGIENE_STEPS = ("surrogates", "controls", "html_entities", "zero_width", "nfc")
# Characters a zero-width list may never remove: ZWNJ and ZWJ carry meaning in Persian and Indic scripts.
NEVER_REMOVE = {"\u200c": "ZWNJ", "\u200d": "ZWJ"}


class FunctionRule(Rule):
    """A rule made of one ``find_*`` function taking only the text.

    ``screen_chars`` is a character class (the inside of ``[...]``): the function finds
    nothing in a text holding none of them.
    """

    def __init__(self, rule_id: str, find: Callable[[str], list], screen_chars: str) -> None:
        self.id = rule_id
        self.find = find
        self.screen_chars = screen_chars

    def edits(self, text, ctx):
        return self.find(text)


class DeleteRule(Rule):
    def __init__(self, rule_id: str, chars: str, note: str) -> None:
        self.id = rule_id
        self.chars = chars
        self.note = note
        self.screen_chars = re.escape(chars)
        self.pattern = re.compile("[" + self.screen_chars + "]+")

    def __reduce__(self):
        return (DeleteRule, (self.id, self.chars, self.note))

    def edits(self, text, ctx):
        if len(self.chars) <= 8 and not hygiene.contains_any(text, self.chars):
            return []
        return hygiene.find_deletable(text, self.pattern, self.note)


def _codepoints(pack: Pack, section: str) -> tuple[str, list[PackError]]:
    chars, errors = [], []
    for item, line in pack.items(section):
        m = re.fullmatch(r"U\+([0-9A-Fa-f]{4,6})(?:\s.*)?", item)
        if not m:
            errors.append(pack.error(line, f"expected a code point like 'U+200B  ZERO WIDTH SPACE', got {item!r}"))
            continue
        char = chr(int(m.group(1), 16))
        if char in NEVER_REMOVE:
            errors.append(pack.error(line, f"{NEVER_REMOVE[char]} must never be removed: scripts need it"))
        chars.append(char)
    return "".join(chars), errors


def _build_hygiene(pack: Pack, options) -> list[Rule]:
    settings = {k: parse_bool(v) for k, v in pack.settings().items()}
    steps = {
        "surrogates": lambda: FunctionRule(f"{pack.id}.surrogates", hygiene.find_surrogates, "\\ud800-\\udfff"),
        "controls": lambda: FunctionRule(f"{pack.id}.controls", hygiene.find_controls, hygiene.control_chars()),
        "html_entities": lambda: FunctionRule(f"{pack.id}.html_entities", hygiene.find_html_entities, "&"),
        "zero_width": lambda: DeleteRule(f"{pack.id}.zero_width", _codepoints(pack, "zero-width")[0],
                                         "zero-width character"),
        "nfc": lambda: FunctionRule(f"{pack.id}.nfc", hygiene.find_nfc, hygiene.nfc_triggers()),
    }
    return [make() for name, make in steps.items() if settings.get(name, True)]


def _build_encoding(pack: Pack, options) -> list[Rule]:
    return [encoding.FtfyEncoding(pack.id, pack.settings())]


def _sequence(text: str) -> str:
    """A damaged sequence as written in a pack: literal text, or code points ``U+00E2 U+20AC``."""
    if re.fullmatch(r"U\+[0-9A-Fa-f]{4,6}(?:\s+U\+[0-9A-Fa-f]{4,6})*", text):
        return "".join(chr(int(cp[2:], 16)) for cp in text.split())
    return text


_CANDIDATE = re.compile(r"((?:U\+[0-9A-Fa-f]{4,6}\s+)+)([a-z][a-z-]*)(?:\s.*)?")


def _lossy_table(pack: Pack) -> tuple[dict[str, list[lossy.Candidate]], list[PackError]]:
    table: dict[str, list[lossy.Candidate]] = {}
    errors: list[PackError] = []
    for section in ("lost-bytes", "misrepairs"):
        for group in pack.groups(section):
            seq = _sequence(group.canonical)
            if seq in table:
                errors.append(pack.error(group.line, f"sequence {group.canonical!r} listed twice"))
                continue
            cands = []
            for variant, line in group.variants:
                m = _CANDIDATE.fullmatch(variant + " ")
                if not m:
                    errors.append(pack.error(line, "expected code points then a class, like "
                                             f"'U+201D  quote-close  comment', got {variant!r}"))
                    continue
                cls = m.group(2)
                if cls not in lossy.CLASSES:
                    errors.append(pack.error(line, f"unknown class {cls!r}; one of: {', '.join(lossy.CLASSES)}"))
                    continue
                cands.append(lossy.Candidate(_sequence(m.group(1).strip()), cls))
            if not cands:
                errors.append(pack.error(group.line, f"sequence {group.canonical!r} has no candidates under it"))
            table[seq] = cands
    return table, errors


def _build_lossy(pack: Pack, options) -> list[Rule]:
    table, _ = _lossy_table(pack)
    settings = {k: parse_bool(v) for k, v in pack.settings().items()}
    misrepairs = frozenset(_sequence(g.canonical) for g in pack.groups("misrepairs"))
    return [lossy.LossyRule(pack.id, table, settings.get("decode_complete", True), misrepairs)]


# fixer name -> (builder, settings keys it reads)
FIXERS: dict[str, Callable[[Pack, Mapping[str, Any]], list[Rule]]] = {
    "encoding": _build_encoding,
    "hygiene": _build_hygiene,
    "lossy": _build_lossy,
}
SETTINGS_KEYS = frozenset(encoding.SETTINGS) | frozenset(HYGIENE_STEPS) | {"decode_complete"}


def _check(packs: Sequence[Pack]) -> list[PackError]:
    errors = []
    for pack in packs:
        fixer = pack.header.get("fixer")
        if fixer not in FIXERS:
            line = pack.header_lines.get("fixer", 1)
            errors.append(pack.error(line, f"a repair pack needs 'fixer:' with one of: {', '.join(sorted(FIXERS))}"))
        for key, value, line in pack.sections.get("settings", ()):
            try:
                parse_bool(value)
            except ValueError:
                errors.append(pack.error(line, f"{key}: expected true or false, got {value!r}"))
        errors.extend(_codepoints(pack, "zero-width")[1])
        if fixer == "lossy":
            errors.extend(_lossy_table(pack)[1])
    return errors


def _screen(rules: Sequence[Rule]) -> Callable[[str], object] | None:
    """One scan that tells whether any rule of the stage could change a text (see ``Kind.screen``).

    The encoding rule needs a trace of mojibake (the exact prefilter); every other repair rule
    names the characters it needs (``screen_chars``). None when a rule names none.
    """
    chars, mojibake = [], False
    for rule in rules:
        if isinstance(rule, encoding.FtfyEncoding):
            mojibake = True
        elif getattr(rule, "screen_chars", None) is not None:
            chars.append(rule.screen_chars)
        else:
            return None
    return prefilter.screen("".join(chars), mojibake).search


def _build(packs: Sequence[Pack], options) -> list[Rule]:
    rules: list[Rule] = []
    for pack in packs:
        rules.extend(FIXERS[pack.header["fixer"]](pack, options))
    return rules


KIND = Kind(
    name="repair",
    order=10,
    description="Encoding repair (mojibake) and Unicode hygiene.",
    sections={
        "settings": Section("settings", keys=SETTINGS_KEYS),
        "zero-width": Section("list"),
        "lost-bytes": Section("map"),
        "misrepairs": Section("map"),
    },
    header_keys=frozenset({"fixer"}),
    build=_build,
    check=_check,
    rounds=3,
    screen=_screen,
)
