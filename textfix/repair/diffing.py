"""Turn "this text became that text" into small edits, for fixers that work on whole strings."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..offsets import Edit


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


_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def diff_edits(before: str, after: str, offset: int = 0, note: str = "") -> list[Edit]:
    """The edits that turn ``before`` into ``after``, each as small as its region allows.

    Encoding repair keeps ASCII and rewrites runs of other characters, so the two
    strings are aligned as sequences of ASCII and non-ASCII runs (a few dozen
    items, where a character diff would compare thousands), and each changed
    region is then trimmed to the characters that really differ.

    >>> diff_edits("Ã© and Ã¨", "é and è")
    [Edit(start=0, end=2, after='é', note=''), Edit(start=7, end=9, after='è', note='')]
    >>> diff_edits("voilÃ  le", "voilà le")
    [Edit(start=4, end=6, after='à', note='')]
    """
    if before == after:
        return []
    a = _RUNS.findall(before)
    b = _RUNS.findall(after)
    if len(a) == len(b) and all(x[0].isascii() == y[0].isascii() for x, y in zip(a, b)):
        # The usual shape of a repair: each run became one run of the same class.
        # Neighbouring changed runs form one region (a decoded sequence and the space it ate).
        edits: list[Edit] = []
        x0 = 0
        region: list[int] | None = None  # [start in before, first run, last run + 1]
        for k, (x, y) in enumerate(zip(a, b)):
            if x != y:
                region = [region[0], region[1], k + 1] if region else [x0, k, k + 1]
            elif region:
                edits.extend(trimmed_edit("".join(a[region[1] : region[2]]), "".join(b[region[1] : region[2]]),
                                          offset + region[0], note))
                region = None
            x0 += len(x)
        if region:
            edits.extend(trimmed_edit("".join(a[region[1] :]), "".join(b[region[1] :]), offset + region[0], note))
        return edits
    starts_a = [0]
    for run in a:
        starts_a.append(starts_a[-1] + len(run))
    starts_b = [0]
    for run in b:
        starts_b.append(starts_b[-1] + len(run))
    edits = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        x0, x1, y0, y1 = starts_a[i1], starts_a[i2], starts_b[j1], starts_b[j2]
        edits.extend(trimmed_edit(before[x0:x1], after[y0:y1], offset + x0, note))
    return edits
