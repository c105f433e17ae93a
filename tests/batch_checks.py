"""A check shared by the tests of screens of many texts (see textfix.batchscreen)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textfix.batchscreen import Batch


def check_screen_many(screen_many: Callable[[Batch], list[int]], edits: Callable[[str], list],
                      texts: Sequence[str]) -> list[int]:
    """``screen_many`` gives positions of ``texts``, ascending and each once, and every text it
    leaves out has no edit (nor a report). Returns the positions."""
    picked = screen_many(Batch(list(texts)))
    assert picked == sorted(set(picked)), picked
    assert all(0 <= i < len(texts) for i in picked), picked
    kept = set(picked)
    for i, text in enumerate(texts):
        if i not in kept:
            assert edits(text) == [], (i, text)
    return picked
