"""Mojibake repair by ftfy, line by line, reported as edits."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cached_property

from ..kinds import Rule, parse_bool
from ..offsets import Edit
from .diffing import diff_edits
from .prefilter import may_have_mojibake

# The settings a `fixer: encoding` pack may give: ftfy's TextFixerConfig switches, and textfix's own
# `guard_lost_quote`.
FTFY_SETTINGS = ("restore_byte_a0", "replace_lossy_sequences", "decode_inconsistent_utf8", "fix_c1_controls")
SETTINGS = (*FTFY_SETTINGS, "guard_lost_quote", "guard_accent_symbols")

# `â€` (a closing quote whose 0x9D byte was lost) + the only space before the next word. ftfy's
# restore_byte_a0 reads the space as a lost no-break space and makes `†`, eating the space.
# A real dagger's mojibake has its own no-break space (`â€\xa0`), or two spaces if that became one.
# Texts up to this length are also judged whole by ftfy (see FtfyEncoding._whole).
WHOLE_TEXT_CHARS = 4000
_LOST_QUOTE_SPACE = re.compile(r"â€ (?=\S)")
_ACCENTED_LEADS = "àáâãäåæçèéêëìíîï"
_MASKS = "\x1f\x1e\x1d\x1c\x0e\x0f"


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
        self.guard = self.settings.pop("guard_lost_quote", True)
        self.guard_symbols = self.settings.pop("guard_accent_symbols", True)

    def __getstate__(self):
        return {"id": self.id, "settings": self.settings, "guard": self.guard, "guard_symbols": self.guard_symbols}

    def __setstate__(self, state):
        self.__dict__.update(state)

    @cached_property
    def _config(self):
        import ftfy

        return ftfy.TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, uncurl_quotes=False,
            fix_latin_ligatures=False, fix_character_width=False, fix_line_breaks=False,
            fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False,
            **self.settings,
        )

    @cached_property
    def _fix(self):
        import ftfy

        config = self._config
        one_step = getattr(ftfy, "_fix_encoding_one_step_and_explain", None)
        if one_step is None:  # another ftfy: its public loop gives the same result
            return lambda line: ftfy.fix_encoding(line, config)

        def fix_encoding(line: str) -> str:
            # ftfy.fix_encoding repeats one step until the text stops changing, and pays for
            # its is_bad test once more on the final text. The exact prefilter answers that
            # last question for much less; where it finds nothing, another step is a no-op.
            while may_have_mojibake(line):
                fixed = one_step(line, config).text
                if fixed == line:
                    break
                line = fixed
            return line

        return fix_encoding

    def edits(self, text: str, ctx) -> list[Edit]:
        # The prefilter is exact: when it finds no trace of mojibake, ftfy would change nothing.
        if not may_have_mojibake(text):
            return []
        edits: list[Edit] = []
        pos = 0
        size = len(text)
        count = 0
        while pos < size:
            # Lines end at "\n" only: U+0085 and friends may be mojibake bytes, not line breaks.
            end = text.find("\n", pos)
            end = size if end < 0 else end + 1
            line = text[pos:end]
            count += 1
            if may_have_mojibake(line):
                fixed = self._guarded(line, self._fix)
                if fixed != line:
                    edits.extend(self._keep(line, diff_edits(line, fixed, pos, "ftfy.fix_encoding"), pos))
            pos = end
        if count > 1 and len(text) <= WHOLE_TEXT_CHARS:
            whole = self._whole(text, edits)
            if whole is not None:
                return whole
        return edits

    def _guarded(self, text: str, fix):
        """``fix(text)``, with the guard on: the space of each lost-byte `â€` + space + word is
        masked from ftfy, so restore_byte_a0 cannot turn the two into `†` and eat the space; the
        lossy fixer decides what the `â€` was from context, or it stays as it is.

        The mask is a C0 control absent from the text (ftfy's restore_byte_a0 only looks at
        spaces, and no UTF-8 sequence contains a control byte), put back after ftfy.
        """
        if not self.guard or "â€ " not in text or not _LOST_QUOTE_SPACE.search(text):
            return fix(text)
        mask = next((c for c in _MASKS if c not in text), None)
        if mask is None:
            return text
        fixed = fix(_LOST_QUOTE_SPACE.sub("â€" + mask, text))
        return fixed.replace(mask, " ")

    def _whole(self, text: str, edits: list[Edit]) -> list[Edit] | None:
        """ftfy on the whole (short) text, when it reads it all as one codepage.

        A line alone can look innocent to ftfy (``milj√∏et``) while the text it belongs to is
        plainly Mac Roman mojibake; ftfy's ``fix_encoding`` judges a string as a whole and decodes
        it with one codec when every line agrees. That decision is taken here too; a text ftfy can
        only fix piecewise keeps the line-by-line result.
        """
        from ftfy import fix_encoding_and_explain

        from ..offsets import apply_edits

        config = self._config._replace(explain=True)
        explained = []

        def fix(t: str) -> str:
            explained.append(fix_encoding_and_explain(t, config))
            return explained[-1].text

        fixed = self._guarded(text, fix)
        steps = (explained[0].explanation or []) if explained else []
        if not steps or steps[0][0] != "encode" or fixed == text:
            return None
        if edits and apply_edits(text, edits)[0] == fixed:
            return None
        return self._keep(text, diff_edits(text, fixed, 0, "ftfy.fix_encoding"), 0)

    def _keep(self, text: str, edits: list[Edit], offset: int) -> list[Edit]:
        """Drop ftfy's reading of an accented letter + two symbols after a Latin letter as one
        ideograph (``café†…`` → ``caf醅``): clean text, a footnote mark and an ellipsis."""
        if not self.guard_symbols:
            return edits
        kept = []
        for edit in edits:
            before = text[edit.start - offset : edit.end - offset]
            prev = text[edit.start - offset - 1] if edit.start > offset else ""
            if (len(before) == 3 and len(edit.after) == 1 and before[0] in _ACCENTED_LEADS
                    and unicodedata.name(edit.after, "").startswith(("CJK", "HANGUL", "YI "))
                    and prev.isalpha() and prev.isascii()
                    and all(unicodedata.category(c)[0] in "PS" for c in before[1:])):
                continue
            kept.append(edit)
        return kept
