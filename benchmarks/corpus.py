"""A generated news-like corpus for the benchmarks: deterministic, no data files needed.

Paragraphs mix curly punctuation, names in several transliterations, British
spellings, dates in many forms and numbers in words and digits — the things the
default profile rewrites — with plenty of text it must leave alone.
"""

from __future__ import annotations

import random

import ftfy.bad_codecs  # noqa: F401 - sloppy-windows-1252

PEOPLE = ["Zabihullah Mujahed", "Zabihullah Mujahid", "Muammar Qaddafi", "Moammar Gadhafi", "Kim Jong-un",
          "Volodymyr Zelensky", "Recep Tayyip Erdogan", "Usama bin Ladin", "Osama bin Laden", "Ayman al-Zawahri",
          "Mohammed bin Salman", "Abdul Ghani Baradar", "Sonny Leggett", "Fawzia Yaftali", "Ali Khamenei"]
PLACES = ["Kiev", "Kyiv", "Mazar-e-Sharif", "Helmand", "Kunduz", "Pyongyang", "Tripoli", "Kandahar", "Herat"]
GROUPS = ["al-Qaida", "al-Qaeda", "Hizbollah", "the Taliban", "Hamas", "the Labour Party"]
WORDS = ["programme", "neighbouring", "organisation", "defence", "colour", "centre", "analysed", "travelled",
         "labour", "favourite", "recognise", "program", "neighboring", "center", "color", "license"]
DATES = ["September 11, 2001", "Sept. 11, 2001", "11 September 2001", "March 2020", "March 3", "2001/09/11",
         "Tuesday, September 11, 2001", "the 11th of September, 2001", "May 5, 2019"]
NUMBERS = ["forty-three", "twelve million", "three thousand", "one hundred and fifty", "two", "43", "1 000 000",
           "19", "twenty-first", "per cent", "seven"]
TEMPLATES = [
    "“{p} said the {w} was {a},” {p2} told reporters in {pl} on {d}.",
    "{g} fighters attacked {n} checkpoints near {pl} — officials said the {w} would continue.",
    "On {d}, {p} met {p2} in {pl}; the {w} cost {n} dollars, about {n2} {pc}.",
    "‘We’ve agreed there’s no violence,’ {p} said of the {w}, after {n} days of talks with {g}…",
    "The {w} in {pl} was discussed by {g} and {p}, who arrived on {d} with {n} advisers.",
]


def paragraph(rng: random.Random) -> str:
    t = rng.choice(TEMPLATES)
    return t.format(p=rng.choice(PEOPLE), p2=rng.choice(PEOPLE), pl=rng.choice(PLACES), g=rng.choice(GROUPS),
                    w=rng.choice(WORDS), a=rng.choice(WORDS), d=rng.choice(DATES), n=rng.choice(NUMBERS),
                    n2=rng.choice(NUMBERS), pc=rng.choice(["percent", "per cent"]))


def damage(text: str) -> str:
    """UTF-8 read as Windows-1252: the commonest mojibake."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


def news(n_paragraphs: int = 2000, *, sentences: int = 4, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(paragraph(rng) for _ in range(sentences)) for _ in range(n_paragraphs)]


def mostly_clean(n: int = 2000, seed: int = 1) -> list[str]:
    """News paragraphs, one in fifty with mojibake."""
    paras = news(n, seed=seed)
    return [damage(p) if i % 50 == 0 else p for i, p in enumerate(paras)]


def heavily_damaged(n: int = 2000, seed: int = 2) -> list[str]:
    """Every paragraph misread as Windows-1252."""
    return [damage(p) for p in news(n, seed=seed)]


def short_strings(n: int = 100_000, seed: int = 3) -> list[str]:
    """Social-media-sized strings: one sentence each, a few percent damaged."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        s = paragraph(rng)
        out.append(damage(s) if i % 40 == 0 else s)
    return out
