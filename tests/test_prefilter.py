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
