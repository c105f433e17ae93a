"""Mojibake repair by ftfy, line by line, reported as edits."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from ..kinds import Rule, parse_bool
from ..offsets import Edit
from .diffing import diff_edits

# The settings a `fixer: encoding` pack may give, passed to ftfy's TextFixerConfig.
SETTINGS = ("restore_byte_a0", "replace_lossy_sequences", "decode_inconsistent_utf8", "fix_c1_controls")


class FtfyEncoding(Rule):
    """Undo UTF-8 misread as a legacy codepage, with ftfy's ``fix_encoding``.

    Only ftfy's encoding steps run: quotes stay curly, ligatures, character
    widths and line breaks stay as they are. ftfy sees one line at a time, so
    a changed line yields edits at character positions. ASCII lines are skipped
    without calling ftfy.
    """

    def __init__(self, rule_id: str, settings: Mapping[str, str]) -> None:
        self.id = rule_id
        self.settings = {key: parse_bool(value) for key, value in settings.items()}

    def __getstate__(self):
        return {"id": self.id, "settings": self.settings}

    def __setstate__(self, state):
        self.__dict__.update(state)

    @cached_property
    def _fix(self):
        import ftfy

        config = ftfy.TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, uncurl_quotes=False,
            fix_latin_ligatures=False, fix_character_width=False, fix_line_breaks=False,
            fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False,
            **self.settings,
        )
        return lambda line: ftfy.fix_encoding(line, config)

    def edits(self, text: str, ctx) -> list[Edit]:
        if text.isascii():
            return []
        fix = self._fix
        edits: list[Edit] = []
        pos = 0
        size = len(text)
        while pos < size:
            # Lines end at "\n" only: U+0085 and friends may be mojibake bytes, not line breaks.
            end = text.find("\n", pos)
            end = size if end < 0 else end + 1
            line = text[pos:end]
            if not line.isascii():
                fixed = fix(line)
                if fixed != line:
                    edits.extend(diff_edits(line, fixed, pos, "ftfy.fix_encoding"))
            pos = end
        return edits
