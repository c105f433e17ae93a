"""A generated news-like corpus for the benchmarks: deterministic, no data files needed.

Sentences come in two sorts:

* *target* sentences (``TEMPLATES``): each holds a name in a variant spelling, a
  British spelling, a date in one of many forms and number words: about five
  things the default profile rewrites in 125 characters;
* *plain* sentences (``PLAIN_TEMPLATES``): ordinary news prose with curly
  punctuation, names already in their canonical spelling, weekdays, months,
  years and numbers in digits: things every stage must read and leave alone.

How dense should the targets be? The user's example article
(``seeds/000_544037a258302635.txt``) has 5 such rewrites (2 names, 2 spellings,
1 date) in 2,877 characters: 1.7 per 1,000. The default share of target
sentences, ``TARGET_SHARE`` = one in four, gives about 8 per 1,000: between
four and five times the article's density, to stay on the demanding side. ``target_share=1`` gives
the *dense* variant (every sentence a target), which the throughput benchmark
reports as well; ``benchmarks/throughput.py`` prints the density it measured.
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

# Plain sentences: names in their canonical spelling, digits, weekdays, a month or a year alone.
CANONICAL_PEOPLE = ["Volodymyr Zelenskyy", "Recep Tayyip Erdoğan", "Kim Jong Un", "Ali Khamenei", "Emmanuel Macron",
                    "Olaf Scholz", "Xi Jinping", "Narendra Modi", "Benjamin Netanyahu", "Abdul Ghani Baradar"]
CANONICAL_PLACES = ["Kyiv", "Kabul", "Tehran", "Ankara", "Berlin", "Paris", "Seoul", "New Delhi", "Jerusalem"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "October", "November", "December"]
PLAIN_TEMPLATES = [
    "“We are not going to stop now,” {p} told reporters in {pl}, adding that talks would resume next week.",
    "The ministry said {k} people had been evacuated from the area since {wd}.",
    "A spokesperson for {p} did not respond to a request for comment on {wd}.",
    "Prices rose by {x}.{y}% in the year to {m}, the statistics office in {pl} said.",
    "Officials in {pl} said the main road had reopened, though traffic remained heavy into the evening.",
    "It was not immediately clear how many people were inside the building at the time.",
    "The agreement, signed in {yr} after months of talks, expires at the end of the decade.",
    "Analysts said the decision could delay the project by several months and raise its cost to ${k} million.",
    "{p} is expected to travel to {pl} later this month for a meeting with regional leaders.",
    "The company’s shares fell {x}% on {wd} after it said profits would be lower than expected.",
]
TARGET_SHARE = 0.25


def target_sentence(rng: random.Random) -> str:
    t = rng.choice(TEMPLATES)
    return t.format(p=rng.choice(PEOPLE), p2=rng.choice(PEOPLE), pl=rng.choice(PLACES), g=rng.choice(GROUPS),
                    w=rng.choice(WORDS), a=rng.choice(WORDS), d=rng.choice(DATES), n=rng.choice(NUMBERS),
                    n2=rng.choice(NUMBERS), pc=rng.choice(["percent", "per cent"]))


def plain_sentence(rng: random.Random) -> str:
    t = rng.choice(PLAIN_TEMPLATES)
    return t.format(p=rng.choice(CANONICAL_PEOPLE), pl=rng.choice(CANONICAL_PLACES), wd=rng.choice(WEEKDAYS),
                    m=rng.choice(MONTHS), k=rng.randint(12, 4000), x=rng.randint(1, 9), y=rng.randint(0, 9),
                    yr=rng.randint(1995, 2024))


def sentence(rng: random.Random, target_share: float = TARGET_SHARE) -> str:
    return target_sentence(rng) if rng.random() < target_share else plain_sentence(rng)


def damage(text: str) -> str:
    """UTF-8 read as Windows-1252: the commonest mojibake."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


def news(n_paragraphs: int = 2000, *, sentences: int = 4, seed: int = 1, target_share: float = TARGET_SHARE) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(sentence(rng, target_share) for _ in range(sentences)) for _ in range(n_paragraphs)]


def mostly_clean(n: int = 2000, seed: int = 1, *, target_share: float = TARGET_SHARE) -> list[str]:
    """News paragraphs, one in fifty with mojibake."""
    paras = news(n, seed=seed, target_share=target_share)
    return [damage(p) if i % 50 == 0 else p for i, p in enumerate(paras)]


def heavily_damaged(n: int = 2000, seed: int = 2, *, target_share: float = TARGET_SHARE) -> list[str]:
    """Every paragraph misread as Windows-1252."""
    return [damage(p) for p in news(n, seed=seed, target_share=target_share)]


def short_strings(n: int = 100_000, seed: int = 3, *, target_share: float = TARGET_SHARE) -> list[str]:
    """Social-media-sized strings: one sentence each, a few percent damaged."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        s = sentence(rng, target_share)
        out.append(damage(s) if i % 40 == 0 else s)
    return out
