"""No regular expression in textfix or its packs can be driven into catastrophic backtracking.

Every profile as a whole (protected-span detection included) runs on
adversarial inputs of 100 KB and 1 MB: long runs of what the rules look for
and of near misses. Every rule of every shipped pack runs on the same pieces
at 25 KB and 250 KB (the same tenfold step, for a CI-sized budget). Linear
time means the big input costs about ten times the small one; the bound allows
thirty times plus a quarter second of noise, far below what quadratic
behaviour (a hundred times) would need. This is a complexity check, not a speed claim: speed is
measured side by side with ftfy in benchmarks/throughput.py.
"""

from __future__ import annotations

import time

import pytest
from strategies import PROFILE_IDS, VOCABULARY

from textfix import Pipeline
from textfix.batchscreen import Batch
from textfix.engine import Context

PROFILE_SIZES = (100_000, 1_000_000)
RULE_SIZES = (25_000, 250_000)


def _near_misses() -> list[str]:
    """Pieces of pack vocabulary, whole and cut short, glued without separators."""
    pieces = []
    for word in VOCABULARY[:: max(1, len(VOCABULARY) // 6)]:
        pieces += [word, word[:-1], word + "-"]
    return [p for p in pieces if p]


PIECES = [
    "a", " ", "&", "&#1", "&amp", "&amp;", "Ã", "Ã ", "â€", "â€ ", "â€\u00a0", "†", "a†", "x@", "a.", "www.",
    "https://a", "`a", "```\n", "~~~x\n", "1", "1 ", "1 000 ", "1/2/", "12/", "3-", "-", "’", "'s", "e\u0301",
    "\u200b", "March ", "May 5, ", "one ", "twenty-", "hundred and ", "Sept. ", "11th of ", "ALL CAPS ", "Al-",
    "\n", "\r\n", "٤", "۴",
] + _near_misses()


def _elapsed(fn, text: str) -> float:
    start = time.perf_counter()
    fn(text)
    return time.perf_counter() - start


def _linear(fn, piece: str, sizes: tuple[int, int]) -> tuple[float, float]:
    small_size, big_size = sizes
    small = (piece * (small_size // len(piece) + 1))[:small_size]
    big = (piece * (big_size // len(piece) + 1))[:big_size]
    return _elapsed(fn, small), _elapsed(fn, big)


def _short(text: str) -> list[str]:
    """The text cut into texts of 80 characters: many short texts, for fix_many and the screens of many."""
    return [text[i : i + 80] for i in range(0, len(text), 80)]


def _targets():
    from test_properties import RULES

    targets = [pytest.param(Pipeline(profile).fix, PROFILE_SIZES, id=f"profile:{profile}")
               for profile in PROFILE_IDS]
    for profile in PROFILE_IDS:
        pipeline = Pipeline(profile)
        targets.append(pytest.param(lambda text, p=pipeline: list(p.fix_many(_short(text))), RULE_SIZES,
                                    id=f"fix_many:{profile}"))
    for rule, options in RULES:
        ctx = Context(options)
        targets.append(pytest.param(lambda text, r=rule, c=ctx: r.edits(text, c), RULE_SIZES, id=f"rule:{rule.id}"))
        if getattr(rule, "screen_many", None) is not None:
            targets.append(pytest.param(lambda text, r=rule: r.screen_many(Batch(_short(text))), RULE_SIZES,
                                        id=f"screen_many:{rule.id}"))
    return targets


@pytest.mark.parametrize(("fn", "sizes"), _targets())
def test_linear_time_on_adversarial_input(fn, sizes):
    slow = []
    for piece in PIECES:
        small, big = _linear(fn, piece, sizes)
        if big > 30 * small + 0.25:
            small, big = _linear(fn, piece, sizes)  # once more, in case the machine was busy
            if big > 30 * small + 0.25:
                slow.append(f"{piece!r}: {small:.3f}s at {sizes[0]:,}, {big:.3f}s at {sizes[1]:,} characters")
    assert not slow, "super-linear time on: " + "; ".join(slow)
