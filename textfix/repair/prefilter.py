"""A cheap, exact test for "could ftfy's encoding repair change this text at all?".

ftfy decides with :func:`ftfy.badness.is_bad`, a large regular expression that
costs as much on clean text as on damaged text. Mojibake of UTF-8 always leaves
a narrower trace: a character that some single-byte codec maps to a UTF-8 lead
byte (0xC0–0xF4), followed by one that maps to a continuation byte
(0x80–0xBF), or by the few stand-ins ftfy knows for a lost continuation byte
(a space where 0xA0 was, ``?`` or U+FFFD/0x1A for a lost byte); or a C1
control character. The character sets are derived from ftfy's own list of
codecs, so the test is exact by construction: when it says no, ftfy's
``fix_encoding`` returns the text unchanged (a property test checks this).
"""

from __future__ import annotations

import re
from functools import cache


def _chars(codecs: list[str], byte_values) -> str:
    chars = set()
    for codec in codecs:
        for value in byte_values:
            try:
                chars.add(bytes([value]).decode(codec))
            except UnicodeDecodeError:
                continue
    return "".join(re.escape(c) for c in sorted(chars))


@cache
def _parts() -> tuple[str, str]:
    """The exact test as ``[first](?:rest)``: a first character, then what must hold at it."""
    import ftfy.bad_codecs  # noqa: F401 - registers the sloppy codecs ftfy tries
    from ftfy.chardata import CHARMAP_ENCODINGS

    codecs = list(CHARMAP_ENCODINGS)
    lead = _chars(codecs, range(0xC0, 0xF5))
    lead2_a0 = _chars(codecs, [0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9])  # ftfy's restore_byte_a0 leads
    lead2_lossy = _chars(codecs, [0xC2, 0xC3])
    lead3_a0 = _chars(codecs, [0xE2, 0xE3, 0xF0])  # a space where 0xA0 was, after these leads
    lead34 = _chars(codecs, range(0xE0, 0xF5))
    cont = _chars(codecs, range(0x80, 0xC0)) + "\x1a\ufffd"
    first = f"\\x80-\\x9f{lead}"
    # After a lead, every trace goes on with a continuation, a space or "?": one lookahead
    # rules out the usual case (a curly quote, a MacRoman lead, before a letter) at once.
    rest = (
        "(?<=[\\x80-\\x9f])"
        f"|(?=[{cont} ?])(?:"
        f"(?<=[{lead}])[{cont}]"
        f"|(?<=[{lead2_a0}]) "
        f"|(?<=[{lead2_lossy}])\\?"
        f"|(?<=[{lead3_a0}]) [{cont}]"
        f"|(?<=[{lead34}])\\?[{cont}]"
        ")"
    )
    return first, rest


@cache
def _pattern() -> re.Pattern[str]:
    first, rest = _parts()
    return re.compile(f"[{first}](?:{rest})")


def screen(chars: str, mojibake: bool) -> re.Pattern[str]:
    """One scan for a trace of mojibake (when ``mojibake``) or any character of the class ``chars``.

    Both start with one character class, so ``re`` still skips in C to the few places worth a look.

    >>> bool(screen("&", True).search("AT&T")), bool(screen("&", True).search("the group’s leader"))
    (True, False)
    >>> bool(screen("&", True).search("The groupâ€™s leader")), bool(screen("&", False).search("groupâ€™s"))
    (True, False)
    """
    if not mojibake:
        return re.compile(f"[{chars}]" if chars else "(?!)")
    if not chars:
        return _pattern()
    first, rest = _parts()
    return re.compile(f"[{first}{chars}](?:(?<=[{chars}])|{rest})")


def may_have_mojibake(text: str) -> bool:
    """False only when ftfy's encoding repair cannot change ``text``.

    >>> may_have_mojibake("Plain café, naïve résumé — “quoted”.")
    False
    >>> may_have_mojibake("The groupâ€™s leader")
    True
    """
    return not text.isascii() and _pattern().search(text) is not None
