"""The repair prefilter is exact: when it says "no mojibake", ftfy's fix_encoding changes nothing."""

from __future__ import annotations

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import clean_text, mixed_text, mojibake
from textfix.repair.prefilter import may_have_mojibake

LATIN_AND_PUNCTUATION = st.characters(min_codepoint=0x20, max_codepoint=0x2FFF)


def _codec_chars() -> str:
    import ftfy.bad_codecs  # noqa: F401
    from ftfy.chardata import CHARMAP_ENCODINGS

    chars = {" ", "?", "\x1a", "\ufffd", "a"}
    for codec in CHARMAP_ENCODINGS:
        chars.update(bytes([b]).decode(codec, "ignore") for b in range(0x80, 0x100))
    return "".join(sorted(c for c in chars if c))


# Text made only of characters that single-byte codecs produce: where a wrong "no" would hide.
CODEC_SOUP = st.text(st.sampled_from(_codec_chars()), max_size=8)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(CODEC_SOUP, st.text(LATIN_AND_PUNCTUATION), st.text(), mixed_text(), mojibake(), clean_text()))
def test_prefilter_never_hides_what_ftfy_would_fix(text):
    if not may_have_mojibake(text):
        assert ftfy.fix_encoding(text) == text


def test_prefilter_on_real_text():
    clean = ["Plain café, naïve résumé — “quoted”.", "Съешь же ещё этих мягких булок", "日本語のテキスト。",
             "Zelenskyy’s visit to Kyiv…", "Ærøskøbing og Åland", "Smith† died in 1945."]
    assert [may_have_mojibake(t) for t in clean] == [False] * len(clean)
    damaged = ["The groupâ€™s leader", "cafÃ©", "Ã  la carte", "â€œquotedâ€\x9d", "Ð¡ÑŠÐµÑˆÑŒ"]
    assert all(may_have_mojibake(t) for t in damaged)


# -- the repair stage's screen (kinds.repair._screen) -------------------------------------------

def _repair_stage():
    from textfix import Pipeline

    (stage,) = [s for s in Pipeline("repair").stages if s.kind == "repair"]
    return stage


# Characters around every repair rule's triggers: entities, controls, marks, zero-width, mojibake.
_NEAR_TRIGGERS = st.lists(st.sampled_from(
    list("&;#x0aemp <>\t\n") + ["&amp;", "&eacute;", "&#233;", "\x07", "\x7f", "\u206a", "\ufeff", "\u200b",
                                  "\u200c", "\u0301", "\u0323", "e\u0301", "\u2000", "\u212b", "\u1161", "\ud800",
                                  "\udc00", "Ã©", "â€™", "â€", "Ã", "’", "“", "”", "—", "€", "é", "×", "Ù", "\u0660"]),
    max_size=12).map("".join)


@settings(max_examples=800, deadline=None)
@given(st.one_of(_NEAR_TRIGGERS, CODEC_SOUP, st.text(LATIN_AND_PUNCTUATION), st.text()))
def test_repair_screen_never_hides_a_change(text):
    """Where the repair stage's screen says no, no repair rule has an edit for the text."""
    from textfix.engine import Context

    stage = _repair_stage()
    if not stage.screen(text):
        for rule in stage.rules:
            assert rule.edits(text, Context({})) == [], rule.id


def test_repair_screen_skips_clean_news_and_sees_every_trigger():
    screen = _repair_stage().screen
    assert not screen("The group’s leader said “no” — twice… for €5, in Ærøskøbing.")
    for text in ["cafÃ©", "Fish &amp; Chips", "bell\x07", "zero\u200bwidth", "cafe\u0301", "\ud800", "x\u2000y"]:
        assert screen(text), text


def test_a_screen_missing_a_rules_characters_would_be_caught():
    """The property above catches a screen that forgets a rule: drop `&` and an entity slips through."""
    from textfix.repair import hygiene, prefilter

    forgetful = prefilter.screen(hygiene.control_chars(), True).search
    assert not forgetful("Fish &amp; Chips") and hygiene.find_html_entities("Fish &amp; Chips")


def test_nfc_stable_characters_are_stable_in_any_context():
    """No character of hygiene._NFC_STABLE decomposes, combines, or completes a composition.

    The last needs all of Unicode: the second parts of every canonical two-character
    decomposition (what NFC composes), plus the Hangul vowels and trailing consonants
    (composed by algorithm, so absent from the decomposition data).
    """
    import sys
    import unicodedata

    from textfix.repair.hygiene import _NFC_STABLE

    seconds = {chr(c) for c in list(range(0x1161, 0x1176)) + list(range(0x11A8, 0x11C3))}
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    for low, high in _NFC_STABLE:
        for code in range(low, high + 1):
            char = chr(code)
            assert unicodedata.combining(char) == 0, hex(code)
            assert unicodedata.normalize("NFC", char) == char, hex(code)
            assert char not in seconds, hex(code)
            assert unicodedata.is_normalized("NFC", "a" + char + "b"), hex(code)
