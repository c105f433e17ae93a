"""Edits and the offset map between a text and its rewritten form.

A rule reports what it wants to change as :class:`Edit` objects on the text it
was given. :class:`OffsetMap` records where the changed regions of the final
output came from in the original input, and composes across rules, so any
position of the output can be taken back to the input and forward again.

Positions are string indices (code points). Outside changed regions the map is
a plain shift; a position inside a changed region maps to that region's start
(``side="left"``) or end (``side="right"``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``after``; ``note`` says why (optional)."""

    start: int
    end: int
    after: str
    note: str = ""


class Segment(NamedTuple):
    """A changed region: ``input[in_start:in_end]`` became ``output[out_start:out_end]``."""

    in_start: int
    in_end: int
    out_start: int
    out_end: int


def splice(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits; the new text only (see :func:`apply_edits`).

    >>> splice("a cat sat", [Edit(2, 5, "dog"), Edit(6, 9, "stood")])
    'a dog stood'
    """
    parts: list[str] = []
    pos = 0
    for start, end, after, _ in edits:
        if start < pos or end < start:
            raise ValueError(f"edits overlap or are out of order at {start}:{end}")
        parts.append(text[pos:start])
        parts.append(after)
        pos = end
    if pos > len(text):
        raise ValueError(f"edit out of range at {pos}")
    parts.append(text[pos:])
    return "".join(parts)


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, list[Segment]]:
    """Apply sorted, non-overlapping edits; return the new text and its segments.

    >>> apply_edits("a cat sat", [Edit(2, 5, "dog"), Edit(6, 9, "stood")])
    ('a dog stood', [Segment(in_start=2, in_end=5, out_start=2, out_end=5), Segment(in_start=6, in_end=9, out_start=6, out_end=11)])
    """
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    shift = 0
    for edit in edits:
        if edit.start < pos or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"edits overlap or are out of order at {edit.start}:{edit.end}")
        parts.append(text[pos : edit.start])
        parts.append(edit.after)
        out_start = edit.start + shift
        out_end = out_start + len(edit.after)
        if segments and segments[-1].in_end == edit.start:
            # Touching edits form one changed region, so every boundary is unambiguous.
            segments[-1] = segments[-1]._replace(in_end=edit.end, out_end=out_end)
        else:
            segments.append(Segment(edit.start, edit.end, out_start, out_end))
        shift += len(edit.after) - (edit.end - edit.start)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts), segments


class OffsetMap:
    """A monotone map between input positions and output positions.

    >>> m = OffsetMap.from_segments([Segment(2, 5, 2, 8)], 10, 13)
    >>> m.to_output(1), m.to_output(6), m.to_input(9)
    (1, 9, 6)
    >>> m.to_input(4), m.to_input(4, side="right")
    (2, 5)
    """

    __slots__ = ("segments", "input_length", "output_length", "_in_starts", "_out_starts")

    def __init__(self, input_length: int) -> None:
        self.segments: tuple[Segment, ...] = ()
        self.input_length = input_length
        self.output_length = input_length
        self._in_starts: list[int] = []
        self._out_starts: list[int] = []

    @classmethod
    def from_segments(
        cls, segments: Iterable[Segment], input_length: int, output_length: int
    ) -> OffsetMap:
        m = cls(input_length)
        m.segments = tuple(segments)
        m.output_length = output_length
        m._in_starts = [s.in_start for s in m.segments]
        m._out_starts = [s.out_start for s in m.segments]
        return m

    def __repr__(self) -> str:
        return f"OffsetMap({list(self.segments)!r}, {self.input_length}, {self.output_length})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffsetMap) and (
            self.segments,
            self.input_length,
            self.output_length,
        ) == (other.segments, other.input_length, other.output_length)

    def __reduce__(self):
        return (OffsetMap.from_segments, (self.segments, self.input_length, self.output_length))

    @staticmethod
    def _map(pos: int, starts: list[int], segments: Sequence[Segment], forward: bool, side: str) -> int:
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        seg = segments[i]
        a0, a1, b0, b1 = seg if forward else (seg.out_start, seg.out_end, seg.in_start, seg.in_end)
        if pos > a1:
            return b1 + (pos - a1)
        if a0 == a1:  # a pure insertion or deletion point: the side decides
            return b0 if side == "left" else b1
        if pos == a0:
            return b0
        if pos == a1:
            return b1
        return b0 if side == "left" else b1

    def to_output(self, pos: int, *, side: str = "left") -> int:
        """Where input position ``pos`` lands in the output."""
        if not 0 <= pos <= self.input_length:
            raise IndexError(f"input position {pos} outside 0..{self.input_length}")
        return self._map(pos, self._in_starts, self.segments, True, side)

    def to_input(self, pos: int, *, side: str = "left") -> int:
        """Where output position ``pos`` came from in the input."""
        if not 0 <= pos <= self.output_length:
            raise IndexError(f"output position {pos} outside 0..{self.output_length}")
        return self._map(pos, self._out_starts, self.segments, False, side)

    def output_span(self, start: int, end: int) -> tuple[int, int]:
        """The output span covering input ``[start, end)``."""
        return self.to_output(start, side="left"), self.to_output(end, side="right")

    def input_span(self, start: int, end: int) -> tuple[int, int]:
        """The input span covering output ``[start, end)``."""
        return self.to_input(start, side="left"), self.to_input(end, side="right")

    def then(self, later: Sequence[Segment], output_length: int) -> OffsetMap:
        """Compose: this map, followed by a step whose segments are ``later``.

        ``later`` is expressed on this map's output; the result maps this map's
        input to the step's output. Overlapping or touching changed regions merge.
        """
        if not later:
            return self
        if not self.segments:
            return OffsetMap.from_segments(later, self.input_length, output_length)
        step = OffsetMap.from_segments(later, self.output_length, output_length)
        # Changed regions of the middle text, from both sides, merged.
        spans = sorted(
            [(s.out_start, s.out_end) for s in self.segments]
            + [(s.in_start, s.in_end) for s in later]
        )
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        segments = [
            Segment(
                self.to_input(a, side="left"),
                self.to_input(b, side="right"),
                step.to_output(a, side="left"),
                step.to_output(b, side="right"),
            )
            for a, b in merged
        ]
        return OffsetMap.from_segments(segments, self.input_length, output_length)
