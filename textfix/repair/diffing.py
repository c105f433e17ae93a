"""Turn "this text became that text" into small edits, for fixers that work on whole strings."""

from __future__ import annotations

from difflib import SequenceMatcher

from ..offsets import Edit

# Past this length a character diff costs too much; one trimmed edit is reported instead.
MAX_DIFF_CHARS = 4000


def trimmed_edit(before: str, after: str, offset: int = 0, note: str = "") -> list[Edit]:
    """One edit covering what differs between ``before`` and ``after`` (common ends trimmed).

    >>> trimmed_edit("the cafÃ© is", "the café is")
    [Edit(start=7, end=9, after='é', note='')]
    """
    if before == after:
        return []
    limit = min(len(before), len(after))
    head = 0
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    return [Edit(offset + head, offset + len(before) - tail, after[head : len(after) - tail], note)]


def diff_edits(before: str, after: str, offset: int = 0, note: str = "") -> list[Edit]:
    """The edits that turn ``before`` into ``after``, as small as a character diff finds.

    >>> diff_edits("Ã© and Ã¨", "é and è")
    [Edit(start=0, end=2, after='é', note=''), Edit(start=7, end=9, after='è', note='')]
    """
    if before == after:
        return []
    if len(before) > MAX_DIFF_CHARS or len(after) > MAX_DIFF_CHARS:
        return trimmed_edit(before, after, offset, note)
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return [
        Edit(offset + i1, offset + i2, after[j1:j2], note)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
