"""Settings from a ``[tool.textfix]`` table of ``pyproject.toml``.

The file is looked for in the current folder, then each parent; the first
``pyproject.toml`` found is the project's (even without a ``[tool.textfix]``
table, so a parent project's settings never leak into a nested one). Keys are
the command-line option names, with dashes or underscores::

    [tool.textfix]
    profile = "default"
    spelling = "en-GB"
    exclude = ["build/", "*.min.txt"]
    jobs = 2

Relative paths (``out``, ``report``, a profile file, ``packs``) are taken from
the folder of ``pyproject.toml``. Options given on the command line win.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import TextfixError

PATH_KEYS = frozenset({"out", "report", "config"})


def find_pyproject(start: str | Path | None = None) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` (default: the current folder) or above it."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(path: Path) -> dict[str, Any]:
    """The ``[tool.textfix]`` table of ``path`` ({} when there is none)."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise TextfixError(f"{path}: cannot read ({exc.strerror}); check the path") from None
    except tomllib.TOMLDecodeError as exc:
        raise TextfixError(f"{path}: not valid TOML ({exc}); fix the file") from None
    table = data.get("tool", {}).get("textfix", {})
    if not isinstance(table, dict):
        raise TextfixError(f"{path}: [tool.textfix] must be a table")
    return table


def default_map(path: Path, table: dict[str, Any], params: Iterable[Any]) -> dict[str, Any]:
    """Turn a ``[tool.textfix]`` table into click defaults for a command with ``params``."""
    known = {}
    for param in params:
        if param.name:
            known[param.name] = param
    base = path.parent
    defaults: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name in {"src", "sources"}:
            name = "sources"
        param = known.get(name)
        if param is None:
            options = ", ".join(sorted(n.replace("_", "-") for n in known if n != "sources"))
            raise TextfixError(f"{path}: [tool.textfix]: unknown option {key!r}; known options: {options}")
        if getattr(param, "multiple", False) or getattr(param, "nargs", 1) == -1:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list):
                raise TextfixError(f"{path}: [tool.textfix]: {key} must be a string or a list of strings")
            value = [str(v) for v in value]
            if name in {"sources", "packs"}:
                value = [str(base / v) for v in value]
        elif isinstance(value, list):
            raise TextfixError(f"{path}: [tool.textfix]: {key} takes one value, not a list")
        elif name in PATH_KEYS:
            value = str(base / str(value))
        elif name == "profile" and (base / str(value)).exists():
            value = str(base / str(value))
        defaults[name] = value
    return defaults
