"""Errors a user can act on. Each renders as one line naming the place and the fix."""

from __future__ import annotations

from pathlib import Path


class TextfixError(Exception):
    """A mistake in input, options or rule data: shown to users as one line."""


class PackError(TextfixError):
    """A problem at ``path:line`` of a rule pack or profile."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{self.line}" if line > 0 else self.path
        super().__init__(f"{where}: {message}")


class PackErrors(TextfixError):
    """Several pack problems found in one validation run (all reported at once)."""

    def __init__(self, errors: list[PackError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.path, e.line, e.message))
        first = self.errors[0]
        more = f" (and {len(self.errors) - 1} more; run `textfix rules check`)" if len(self.errors) > 1 else ""
        super().__init__(f"{first}{more}")


class OptionError(TextfixError):
    """An unknown option or an option with a bad value."""
