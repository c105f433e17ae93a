"""Properties of the repair profile on lossy mojibake (issue 3).

* Idempotence on generated damage: clean text in many scripts, with curly quotes, daggers and
  dashes, damaged by real codecs and by the lossy chains (bytes 0x81 0x8D 0x8F 0x90 0x9D dropped,
  replaced by U+FFFD or '?', then "repaired" into † or followed by a no-break space).
* Clean text stays byte-identical: the same generated clean text, undamaged.
* Damage made only to closing quotes around ASCII words is fully undone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import textfix

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import chains  # noqa: E402

PIPELINE = textfix.Pipeline("repair")

WORDS = {
    "latin": ["needless", "attacks", "peace", "café", "naïve", "Smith", "Jones", "déjà", "vu", "the", "of",
              "São", "Paulo", "Ñandú", "Straße", "Zażółć", "gęślą", "Tâm", "Nguyễn", "İstanbul", "ağır"],
    "greek": ["Ναι", "είπε", "καφέ", "αλεπού", "Νίκος"],
    "cyrillic": ["Он", "сказал", "да", "ещё", "Привет", "Яна"],
    "hebrew": ["שלום", "אבא", "הוא", "מה", "לא"],
    "arabic": ["السلام", "عليكم", "في", "كيف", "حالك"],
    "cjk": ["日本語", "文章", "中文", "你好", "한국어"],
    "other": ["नमस्ते", "क्‍ष", "می‌خواهم", "👍", "👨\u200d👩\u200d👧"],
}
VOCAB = [w for words in WORDS.values() for w in words]
PUNCT = [" ", " ", " ", ", ", ". ", " — ", " – ", "… ", "; ", ": ", "! ", "? ", "\n"]
MARKS = ["†", "‡", "*"]


@st.composite
def clean_text(draw) -> str:
    """Sentences of real words in many scripts, with balanced curly quotes, apostrophes, dashes,
    and daggers used as daggers (after a word then a space, before a year, in a list)."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=5))
        phrase = " ".join(words)
        style = draw(st.integers(0, 7))
        if style == 0:
            phrase = f"“{phrase}”"
        elif style == 1:
            phrase = f"‘{phrase}’"
        elif style == 2:
            phrase = f"{phrase}’s"
        elif style == 3:
            phrase = f"{phrase}{draw(st.sampled_from(MARKS))}"
        elif style == 4:
            phrase = f"{draw(st.sampled_from(MARKS))} {draw(st.integers(1800, 2024))}"
        elif style == 5:
            phrase = f"„{phrase}”"
        parts.append(phrase)
        parts.append(draw(st.sampled_from(PUNCT)))
    return "".join(parts).strip(" ")


@settings(max_examples=200, deadline=None)
@given(clean_text())
def test_clean_text_is_unchanged(text):
    assert PIPELINE.fix(text) == text


@settings(max_examples=200, deadline=None)
@given(clean_text(), st.sampled_from(sorted(chains.CHAINS)))
def test_idempotent_on_damaged_text(text, chain):
    damaged = chains.CHAINS[chain](text)
    if damaged is None:
        return
    once = PIPELINE.fix(damaged)
    assert PIPELINE.fix(once) == once


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("abc ,.’—–…“”†\u00a0â€�?×ÙØ\n") + ["Ã©", "â€œ", "â€™", "â€", "Ù„", "×©"]),
                max_size=30).map("".join) | st.text(max_size=40))
def test_idempotent_on_arbitrary_mixtures(text):
    once = PIPELINE.fix(text)
    assert PIPELINE.fix(once) == once


ASCII_WORDS = ["needless", "attacks", "peace", "we", "are", "committed", "good", "talk", "tough", "people"]


@st.composite
def quoted_english(draw) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        inside = " ".join(draw(st.lists(st.sampled_from(ASCII_WORDS), min_size=1, max_size=4)))
        end = draw(st.sampled_from(["", ",", "."]))
        after = " ".join(draw(st.lists(st.sampled_from(ASCII_WORDS), min_size=1, max_size=3)))
        sentences.append(f"He said “{inside}{end}” {after}.")
    return " ".join(sentences)


@settings(max_examples=150, deadline=None)
@given(quoted_english(), st.sampled_from(sorted(chains.LOSSY)))
def test_lossy_quotes_are_restored(text, chain):
    assert PIPELINE.fix(chains.LOSSY[chain](text)) == text
