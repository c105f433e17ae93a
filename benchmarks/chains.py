"""Damage chains: real codecs, and the lossy chains textfix's repair.lossy undoes.

Each chain is a function ``clean text -> damaged text`` (or None when the chain cannot damage
that text, e.g. a codec that cannot encode it). Used by ``benchmarks/damage.py`` and by the
property tests (``tests/test_repair_lossy_properties.py``).
"""

from __future__ import annotations

from collections.abc import Callable

LOST = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])


def _misread(text: str, codec: str) -> str | None:
    try:
        return text.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return None


def cp1252_dropped(text: str) -> str:
    """UTF-8 read as Windows-1252; the five undefined bytes vanish (``”`` → ``â€``)."""
    return text.encode("utf-8").decode("cp1252", errors="ignore")


def cp1252_replaced(text: str) -> str:
    """UTF-8 read as Windows-1252; the undefined bytes become U+FFFD (``”`` → ``â€�``)."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def cp1252_question(text: str) -> str:
    """As above, then written back by an encoder that turns U+FFFD into ``?``."""
    return cp1252_replaced(text).replace("\ufffd", "?")


def dropped_then_restore_a0(text: str) -> str:
    """The seed's chain: lossy Windows-1252, then a naive repair (ftfy's restore_byte_a0 via
    ``ftfy.fix_encoding``) that turns ``â€`` + space into ``†``."""
    import ftfy

    return ftfy.fix_encoding(cp1252_dropped(text))


def dropped_then_nbsp(text: str) -> str:
    """Lossy Windows-1252, then the space after each ``â€`` turned into a no-break space."""
    return cp1252_dropped(text).replace("â€ ", "â€\u00a0")


def codec(name: str) -> Callable[[str], str | None]:
    def damage(text: str) -> str | None:
        return _misread(text, name)

    damage.__name__ = f"utf8_as_{name}"
    damage.__doc__ = f"UTF-8 read as {name} (a real codec; None when it cannot decode the bytes)."
    return damage


def twice_cp1252(text: str) -> str | None:
    once = _misread(text, "cp1252")
    return None if once is None else _misread(once, "cp1252")


REAL = {
    "utf8→cp1252": codec("cp1252"),
    "utf8→latin-1": codec("latin-1"),
    "utf8→mac-roman": codec("mac_roman"),
    "utf8→cp1251": codec("cp1251"),
    "utf8→cp437": codec("cp437"),
    "utf8→cp1252 twice": twice_cp1252,
}
LOSSY = {
    "lossy: bytes dropped": cp1252_dropped,
    "lossy: bytes → U+FFFD": cp1252_replaced,
    "lossy: bytes → ?": cp1252_question,
    "lossy + restore_byte_a0 (†)": dropped_then_restore_a0,
    "lossy + space → NBSP": dropped_then_nbsp,
}
CHAINS = {**REAL, **LOSSY}


def lossy_applies(text: str) -> bool:
    """True when the lossy chains lose a byte of ``text``."""
    return any(b in LOST for b in text.encode("utf-8"))
