"""Names packs as data: entries, their keys, and the checks a names pack must pass.

An entry is a canonical form (the English Wikipedia title) with its variants,
an optional ``short:`` form (the surname, the trailing words of the canonical)
and its ``short-variant:`` spellings, and optional ``note:`` / ``source:``.
Short variants are also derived from the variants: the words of a variant
after the canonical's leading (given-name) words, or its trailing words when
both have as many words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import PackError
from ..packs import Pack, check_mappings
from .fold import SEPARATORS, fold_word, key, words

ENTRY_KEYS = frozenset({"short", "short-variant", "note", "source"})


@dataclass(frozen=True)
class Entry:
    canonical: str
    variants: tuple[str, ...]
    short: str | None
    short_variants: tuple[str, ...]
    pack: str
    line: int


@dataclass(frozen=True)
class Names:
    """Every entry of the enabled packs plus the word lists the matcher reads."""

    entries: tuple[Entry, ...]
    keep: tuple[str, ...]
    titles: frozenset[str]  # folded words that may stand before a surname (President, Mullah ...)
    particles: frozenset[str]  # folded lower-case words of canonicals (al, bin, el ...)


def derived_short_variants(canonical: str, short: str, variants: Iterable[str]) -> list[str]:
    """Short spellings implied by the variants of a full name (see the module docstring)."""
    cwords = words(canonical)
    n_short = len(words(short))
    head = [fold_word(w) for w in cwords[: len(cwords) - n_short]]
    short_key = key(short)
    found: list[str] = []
    for variant in variants:
        vwords = words(variant)
        tail: list[str] | None = None
        if [fold_word(w) for w in vwords[: len(head)]] == head and len(vwords) > len(head):
            tail = vwords[len(head):]
        elif len(vwords) == len(cwords):
            tail = vwords[len(vwords) - n_short:]
        if tail is None:
            continue
        # Take the tail as written in the variant, separators included.
        start = _word_offset(variant, len(vwords) - len(tail))
        form = variant[start:]
        if key(form) != short_key and form not in found:
            found.append(form)
    return found


def _word_offset(form: str, index: int) -> int:
    """Where word number ``index`` starts in ``form``."""
    count = -1
    in_word = False
    for i, ch in enumerate(form):
        if ch in SEPARATORS:
            in_word = False
        elif not in_word:
            in_word = True
            count += 1
            if count == index:
                return i
    return len(form)


def entries_of(pack: Pack, given_names: frozenset[str] = frozenset()) -> list[Entry]:
    """The entries of a pack; derived short variants that are given names are left out."""
    result = []
    for group in pack.groups("entries"):
        shorts = group.attr("short")
        short = shorts[0] if shorts else None
        variants = tuple(v for v, _ in group.variants)
        explicit = tuple(group.attr("short-variant"))
        derived = tuple(v for v in derived_short_variants(group.canonical, short, variants)
                        if key(v) not in given_names) if short else ()
        merged = tuple(dict.fromkeys(explicit + derived))
        result.append(Entry(group.canonical, variants, short, merged, pack.id, group.line))
    return result


def load_names(packs: Sequence[Pack]) -> Names:
    entries: list[Entry] = []
    keep: list[str] = []
    titles: set[str] = set()
    given = frozenset(key(item) for pack in packs for item, _ in pack.items("given-names"))
    for pack in packs:
        entries.extend(entries_of(pack, given))
        keep.extend(item for item, _ in pack.items("keep"))
        titles.update(key(item) for item, _ in pack.items("titles"))
    particles = set()
    for entry in entries:  # lower-case words standing before a capitalized one: al, bin, el ...
        ws = words(entry.canonical)
        particles.update(fold_word(a) for a, b in zip(ws, ws[1:]) if a[:1].islower() and b[:1].isupper())
    return Names(tuple(entries), tuple(keep), frozenset(titles), frozenset(particles))


# -- checks -------------------------------------------------------------------------------------

_ALLOWED_PUNCT = set(SEPARATORS)


def _bad_chars(form: str) -> str:
    return "".join(sorted({ch for ch in form if not (ch.isalnum() or ch in _ALLOWED_PUNCT or _is_mark(ch))}))


def _is_mark(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch)[0] == "M"


def check(packs: Sequence[Pack]) -> list[PackError]:
    """Everything a set of names packs enabled together must satisfy (each error ``path:line``)."""
    # Shared checks: conflicts (a variant under two canonicals), chains, cycles, duplicates.
    errors: list[PackError] = []
    for error in check_mappings(packs, "entries", key=key):
        if "maps to itself" in error.message:
            continue  # reported below with a clearer message
        errors.append(error)

    full_at: dict[str, tuple[Pack, int, str]] = {}  # key of every full form -> where
    given: dict[str, tuple[Pack, int]] = {}
    first_words: dict[str, tuple[Pack, int, str]] = {}  # first word of people's full names
    for pack in packs:
        for item, line in pack.items("given-names"):
            given.setdefault(key(item), (pack, line))
        for group in pack.groups("entries"):
            forms = [(group.canonical, group.line)] + list(group.variants)
            for form, line in forms:
                full_at.setdefault(key(form), (pack, line, form))
            if group.attr("short"):
                for form, line in forms:
                    ws = words(form)
                    if len(ws) > 1:
                        first_words.setdefault(fold_word(ws[0]), (pack, line, form))
        for item, line in pack.items("keep"):
            full_at.setdefault(key(item), (pack, line, item))

    for pack in packs:
        for group in pack.groups("entries"):
            ckey = key(group.canonical)
            cwords = words(group.canonical)
            if not ckey:
                errors.append(pack.error(group.line, f"{group.canonical!r} has no letters"))
                continue
            forms = [(group.canonical, group.line, "canonical")] + [(v, l, "variant") for v, l in group.variants]
            for form, line, what in forms:
                bad = _bad_chars(form)
                if bad:
                    errors.append(pack.error(line, f"{what} {form!r} contains {bad!r}; a name is letters, digits, "
                                             "spaces, hyphens and apostrophes"))
                fk = key(form)
                if len(fk.split()) == 1 and fk in given:
                    gp, gl = given[fk]
                    errors.append(pack.error(line, f"{form!r} is a given name (listed at {gp.path}:{gl}); a given "
                                             "name alone is never an entry"))
                elif len(fk.split()) == 1 and fk in first_words and first_words[fk][2] != form:
                    fp, fl, full = first_words[fk]
                    errors.append(pack.error(line, f"{form!r} is the given name of {full!r} ({fp.path}:{fl}); a "
                                             "given name alone is never an entry"))
            for variant, line in group.variants:
                if key(variant) == ckey and variant != group.canonical:
                    errors.append(pack.error(line, f"{variant!r} differs from {group.canonical!r} only in case, "
                                             "accents, spaces, hyphens or apostrophes, which matching already "
                                             "folds; remove the line"))
                elif variant == group.canonical:
                    errors.append(pack.error(line, f"{variant!r} maps to itself; remove the line"))
            shorts = [(v, l) for k, v, l in group.attrs if k == "short"]
            short_variants = [(v, l) for k, v, l in group.attrs if k == "short-variant"]
            if len(shorts) > 1:
                errors.append(pack.error(shorts[1][1], "only one 'short:' per entry"))
            if short_variants and not shorts:
                errors.append(pack.error(short_variants[0][1], "'short-variant:' needs a 'short:' in the same entry"))
            if not shorts:
                continue
            short, sline = shorts[0]
            swords = [fold_word(w) for w in words(short)]
            if not swords or len(swords) >= len(cwords) or [fold_word(w) for w in cwords[-len(swords):]] != swords:
                errors.append(pack.error(sline, f"short form {short!r} must be the last word(s) of "
                                         f"{group.canonical!r} (the surname), not all of it"))
                continue
            for form, line in [(short, sline)] + short_variants:
                fk = key(form)
                if fk in full_at:
                    fp, fl, full = full_at[fk]
                    errors.append(pack.error(line, f"short form {form!r} is also the full form {full!r} at "
                                             f"{fp.path}:{fl}; drop one"))
                if len(fk.split()) == 1 and fk in given:
                    gp, gl = given[fk]
                    errors.append(pack.error(line, f"short form {form!r} is a given name (listed at {gp.path}:{gl})"))
        for group in pack.groups("entries"):
            # A variant that is only the trailing words of another form of the entry is a surname.
            full_forms = [group.canonical] + [v for v, _ in group.variants]
            tails = set()
            for form in full_forms:
                ws = key(form).split()
                tails.update(" ".join(ws[-n:]) for n in range(1, len(ws)))
            for variant, line in group.variants:
                vk = key(variant)
                if vk in tails:
                    errors.append(pack.error(line, f"variant {variant!r} is a surname alone (the last word(s) of a full "
                                             "form); give it as 'short:' / 'short-variant:' so it is rewritten only "
                                             "where the full name appears"))
    return errors
