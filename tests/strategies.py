"""Hypothesis strategies shared by the property tests.

Domain text comes from the packs themselves: every word and phrase in every
registered pack's map and list sections, so a new pack joins the generic
properties by existing.
"""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401 - registers the sloppy-windows-* codecs
from hypothesis import strategies as st

from textfix.catalog import Catalog
from textfix.packs import Group

CATALOG = Catalog()
PROFILE_IDS = CATALOG.ids("profile")
PACK_IDS = [i for i in CATALOG.ids() if CATALOG.kind_of(i) != "profile"]


def pack_vocabulary(pack_ids=PACK_IDS) -> list[str]:
    words: set[str] = set()
    for pack_id in pack_ids:
        pack = CATALOG.load(pack_id)
        for entries in pack.sections.values():
            for entry in entries:
                if isinstance(entry, Group):
                    words.add(entry.canonical)
                    words.update(v for v, _ in entry.variants)
                elif len(entry) == 2:  # list item
                    words.add(entry[0])
    return sorted(words)


VOCABULARY = pack_vocabulary()
# Real clean words and punctuation from many scripts, including the characters
# mojibake repair must never touch: curly quotes, dashes, daggers used as footnotes,
# ZWJ/ZWNJ, ligatures, fullwidth and CJK punctuation.
CLEAN_WORDS = [
    "the", "Smith", "café", "naïve", "Ærøskøbing", "Łódź", "São", "Paulo", "façade", "jalapeño", "Straße",
    "Müller", "coöperate", "résumé", "Ελλάδα", "καφές", "Москва", "ещё", "Київ", "שלום", "مرحبا", "می‌خواهم",
    "क्‍ष", "हिन्दी", "日本語", "中文", "한국어", "ไทย", "ﬁnance", "ＡＢＣ", "№", "€100", "£5", "½", "°C",
    "2001", "43", "it’s", "don’t", "we’ll", "rock ’n’ roll", "—", "–", "…", "•", "©", "®", "™", "†", "‡",
    "“quoted”", "‘single’", "«guillemets»", "„Zitat“", "「引用」", "。", "、", "😀", "👩‍💻",
]
# How UTF-8 gets misread in the wild (ftfy's sloppy codecs keep bytes that cp1252 leaves undefined).
MISREADINGS = ["sloppy-windows-1252", "latin-1", "sloppy-windows-1251", "mac_roman", "cp437"]

words = st.sampled_from(VOCABULARY) if VOCABULARY else st.nothing()
clean_words = st.sampled_from(CLEAN_WORDS)
separators = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", "\r\n", " — ", "’s ", "-", "\u00a0"])


@st.composite
def mixed_text(draw, pieces=st.one_of(st.text(max_size=12), words, clean_words)) -> str:
    parts = draw(st.lists(pieces, max_size=12))
    seps = draw(st.lists(separators, min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


@st.composite
def clean_text(draw) -> str:
    """Text with no damage: real words of many scripts, curly quotes, footnote daggers."""
    parts = draw(st.lists(clean_words, min_size=1, max_size=14))
    seps = draw(st.lists(st.sampled_from([" ", " ", ", ", ". ", " — ", "\n"]), min_size=len(parts),
                         max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps)).rstrip()


@st.composite
def mojibake(draw, source=None) -> str:
    """Text damaged by real codecs: UTF-8 bytes misread once or twice."""
    text = draw(source if source is not None else mixed_text(st.one_of(clean_words, words)))
    for _ in range(draw(st.integers(1, 2))):
        codec = draw(st.sampled_from(MISREADINGS))
        try:
            text = text.encode("utf-8").decode(codec)
        except UnicodeDecodeError:
            break
    return text


any_text = st.one_of(st.text(), mixed_text(), mojibake())
