"""textfix: clean and normalize text, and say what changed.

>>> import textfix
>>> textfix.fix("The groupâ€™s leader", profile="repair")
'The group’s leader'
"""

from .engine import Change, Explained, Pipeline, fix, fix_and_explain, get_pipeline
from .errors import OptionError, PackError, PackErrors, TextfixError
from .offsets import Edit, OffsetMap

__all__ = [
    "Change", "Edit", "Explained", "OffsetMap", "OptionError", "PackError", "PackErrors", "Pipeline",
    "TextfixError", "fix", "fix_and_explain", "get_pipeline",
]
