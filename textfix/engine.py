"""The engine: a pipeline built once from a profile, run on many texts.

A :class:`Pipeline` loads the profile's packs, validates them together, asks
each kind to compile its packs into rules, and runs the rules stage by stage
(repair, names, spelling, dates, numbers). Each rule proposes edits on the
current text; edits touching protected spans are dropped, the rest applied.
:meth:`Pipeline.explain` also records every change and an offset map from the
output back to the input.

A pipeline holds no per-call state: it is safe to share between threads, and it
pickles as its profile and options, so worker processes rebuild it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import kinds as kind_registry
from .batchscreen import Batch
from .catalog import Catalog
from .errors import OptionError, PackError, PackErrors, TextfixError
from .offsets import Edit, OffsetMap, apply_edits, splice
from .packs import Pack, load_pack
from .protect import builtin_spans, drop_protected, may_hold_builtin, merge, user_spans

# Streaming works on chunks of about this many characters (see chunk_lines).
CHUNK_CHARS = 1 << 19
# fix_many takes texts in batches of at most about this many characters.
BATCH_CHARS = 1 << 22


@dataclass(frozen=True)
class Change:
    """One change: which rule, where in the input and output, what it was and became."""

    rule: str
    input_start: int
    input_end: int
    output_start: int
    output_end: int
    before: str
    after: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Explained:
    """The fixed text, every change made, and the offset map output ↔ input."""

    text: str
    changes: tuple[Change, ...]
    offsets: OffsetMap
    # Things a rule noticed but deliberately left unchanged (before == after, with a note).
    reports: tuple[Change, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "changes": [c.to_dict() for c in self.changes],
                "reports": [r.to_dict() for r in self.reports],
                "segments": [list(s) for s in self.offsets.segments]}


@dataclass(frozen=True)
class Context:
    """What a rule may read besides the text: the pipeline's options (read-only)."""

    options: Mapping[str, Any]


@dataclass(frozen=True)
class Stage:
    kind: str
    packs: tuple[str, ...]
    rules: tuple[kind_registry.Rule, ...]
    rounds: int
    screen: Any = None  # see Kind.screen: a false answer means the stage cannot change the text


def _compile_user_regexes(patterns: Iterable[str]) -> tuple:
    """The user's ``keep_regex`` patterns, compiled with ``regex`` (it can time out a runaway match).

    ``regex`` is imported only when a pattern is given: it costs more than the rest of textfix to import.
    """
    patterns = tuple(patterns)
    if not patterns:
        return ()
    import regex

    return tuple(regex.compile(p) for p in patterns)


def _vet(rule_id: str, text: str, edits: list[Edit], protected: list[tuple[int, int]],
         reports: list | None, steps: list | None) -> tuple[list[Edit], bool]:
    """A rule's edits that change ``text`` outside protected spans, and whether none was dropped
    for touching one. Noted no-op edits go to ``reports`` (when given) as (number of ``steps``
    so far, rule id, edit)."""
    whole = True
    if protected:
        proposed = len(edits)
        edits = drop_protected(edits, protected)
        whole = len(edits) == proposed
    if reports is not None:
        mark = len(steps) if steps is not None else 0
        reports.extend((mark, rule_id, e) for e in edits if e.note and text[e.start : e.end] == e.after)
    return [e for e in edits if text[e.start : e.end] != e.after], whole


def _earlier(finds: Iterable[Any]) -> tuple[int, ...]:
    """Per rule (given as its ``edits``), the position where the same function last came before it, or -1.

    A rule that comes again (the numbers stage ends with a second digits pass: a rule of its
    own, with the same ``edits`` as the first) need not run on a text nothing changed since its
    previous run: rules are functions of the text. Bound methods are the same function when
    they are of the same function and object.

    >>> a, b = object(), object()
    >>> _earlier([a, b, a, a])
    (-1, -1, 0, 2)
    """
    latest: dict[Any, int] = {}
    found = []
    for position, find in enumerate(finds):
        found.append(latest.get(find, -1))
        latest[find] = position
    return tuple(found)


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


class Pipeline:
    """A compiled profile. Build once, call many times::

        >>> p = Pipeline("repair")
        >>> p.fix("The groupâ€™s leader")
        'The group’s leader'
    """

    def __init__(self, profile: str | Path = "default", **options: Any) -> None:
        self.profile_ref = str(profile)
        self._given = dict(options)
        specs = kind_registry.option_specs()
        unknown = sorted(set(options) - set(specs))
        if unknown:
            raise OptionError(f"unknown option {unknown[0]!r}; known options: {', '.join(sorted(specs))}")
        given = {name: specs[name].convert(value) for name, value in options.items()}
        catalog = Catalog(given.get("packs", ()))
        self.profile = profile_pack = catalog.profile(profile)
        values = {name: spec.default for name, spec in specs.items()}
        extra_paths: list[Path] = []
        for name, value, line in profile_pack.sections.get("options", ()):
            try:
                values[name] = specs[name].convert(value)
            except OptionError as exc:
                raise PackError(profile_pack.path, line, str(exc)) from None
            if name == "packs":
                extra_paths.extend(profile_pack.path.parent / p for p in values[name])
        values.update(given)
        if extra_paths:
            catalog = Catalog([*given.get("packs", ()), *extra_paths])
        self.options: Mapping[str, Any] = values
        self.stages = self._build_stages(profile_pack, catalog, values)
        self._keep_regex = _compile_user_regexes(values["keep_regex"])
        self._context = Context(self.options)
        self._keep = self.options["keep"]
        self._guarded = bool(self._keep or self._keep_regex)  # the user protects spans of their own

    def __reduce__(self):
        return (Pipeline._rebuild, (self.profile_ref, self._given))

    @classmethod
    def _rebuild(cls, profile: str, options: dict[str, Any]) -> Pipeline:
        return cls(profile, **options)

    def __repr__(self) -> str:
        return f"Pipeline({self.profile_ref!r}, packs={[p for s in self.stages for p in s.packs]})"

    # -- building -------------------------------------------------------------------------
    @staticmethod
    def _build_stages(profile: Pack, catalog: Catalog, options: Mapping[str, Any]) -> tuple[Stage, ...]:
        chosen: list[Pack] = []
        for item, line in profile.items("packs"):
            if "/" in item or item.endswith(".pack"):
                chosen.append(load_pack(profile.path.parent / item))
            elif catalog.path(item) is None:
                raise PackError(profile.path, line, f"no pack {item!r}; see `textfix rules list`")
            else:
                chosen.append(catalog.load(item))
        known_kinds = set(kind_registry.kind_names())
        for item in options["enable"]:
            if item in known_kinds:
                chosen.extend(catalog.load(i) for i in catalog.ids(item))
            elif catalog.path(item) is not None:
                chosen.append(catalog.load(item))
            else:
                raise OptionError(f"cannot enable {item!r}: no such pack or kind; see `textfix rules list`")
        for item in options["disable"]:
            if item not in known_kinds and catalog.path(item) is None:
                raise OptionError(f"cannot disable {item!r}: no such pack or kind; see `textfix rules list`")
        # A pack named in `disable` is off; a kind named there turns off its packs except
        # those `enable` names one by one (the more specific choice wins).
        disabled = set(options["disable"])
        enabled = set(options["enable"])
        unique: dict[str, Pack] = {}
        for pack in chosen:
            if pack.kind == "profile":
                raise PackError(pack.path, 1, "a profile cannot be listed as a pack")
            if pack.id in disabled or (pack.kind in disabled and pack.id not in enabled):
                continue
            unique.setdefault(pack.id, pack)
        by_kind: dict[str, list[Pack]] = {}
        for pack in unique.values():
            by_kind.setdefault(pack.kind, []).append(pack)
        stages = []
        errors: list[PackError] = []
        for kind in kind_registry.all_kinds():
            packs = by_kind.get(kind.name)
            if not packs:
                continue
            if kind.select is not None:
                packs = list(kind.select(packs, options, catalog))
                if not packs:
                    continue
            found = kind.check(packs)
            if found:
                errors.extend(found)
                continue
            rules = tuple(kind.build(packs, options))
            screen = kind.screen(rules) if kind.screen is not None and rules else None
            stages.append(Stage(kind.name, tuple(p.id for p in packs), rules, kind.rounds, screen))
        if errors:
            raise PackErrors(errors)
        return tuple(stages)

    @property
    def stages(self) -> tuple[Stage, ...]:
        return self._stages

    @stages.setter
    def stages(self, stages: tuple[Stage, ...]) -> None:
        self._stages = stages
        # What _run runs: per stage, its rules as (id, bound edits method), its rounds, its screen,
        # per rule the position where the same rule ran earlier in the stage (-1: none), and per
        # rule its screen of many texts or None (see Rule.screen_many; fix_many uses them).
        self._plan = tuple((tuple((rule.id, rule.edits) for rule in stage.rules), stage.rounds, stage.screen,
                            _earlier([rule.edits for rule in stage.rules]),
                            tuple(getattr(rule, "screen_many", None) for rule in stage.rules))
                           for stage in stages)

    @property
    def rules(self) -> list[kind_registry.Rule]:
        return [rule for stage in self.stages for rule in stage.rules]

    # -- running --------------------------------------------------------------------------
    def _protected(self, text: str) -> list[tuple[int, int]]:
        spans = builtin_spans(text)
        if self._keep or self._keep_regex:
            spans.extend(user_spans(text, self._keep, self._keep_regex))
        return merge(spans) if len(spans) > 1 else spans

    def _applied(self, text: str, edits: list[Edit]) -> str:
        """``text`` with a rule's ``edits`` applied, less those that touch a protected span or change
        nothing: ``text`` itself (the same object) when none is left. What :meth:`fix` and
        :meth:`fix_many` do with a rule's edits; :meth:`explain` goes through :func:`_vet`, which
        also keeps the reports. A text that can hold no protected span (most) is not searched for one."""
        if self._guarded or may_hold_builtin(text):
            edits = drop_protected(edits, self._protected(text))
        for edit in edits:
            if text[edit[0] : edit[1]] == edit[2]:
                edits = [e for e in edits if text[e[0] : e[1]] != e[2]]
                break
        if not edits:
            return text
        if len(edits) == 1:
            start, end, after, _ = edits[0]
            if 0 <= start <= end <= len(text):
                return text[:start] + after + text[end:]
        return splice(text, edits)

    def _run(self, stage: tuple, text: str, steps: list | None = None, reports: list | None = None) -> str:
        """One stage of the plan on one text; the text after it.

        With ``steps`` (a list), each rule that changed the text appends (rule id, text
        before, applied edits); with ``reports`` too, each noted no-op edit appends
        (number of steps before it, rule id, edit).

        A stage whose screen (see ``Kind.screen``) rules the text out is skipped. Without
        ``steps``, a one-round stage takes a quick path (no bookkeeping). A stage
        with several rounds runs its rules again while one of them changed the text, but a
        rule that found nothing to change is not run again on the same text (rules are
        deterministic functions of the text). It is run again on text it changed itself:
        a change can give a rule the context for another.
        """
        rules, rounds, screen, earlier, _ = stage
        if screen is not None and not screen(text):
            return text
        ctx = self._context
        if rounds == 1 and steps is None:
            applied = self._applied
            changed_at = -1  # the position of the last rule that changed the text
            for position, (_, find) in enumerate(rules):
                if changed_at < earlier[position]:
                    continue  # this rule already ran on this very text (see _earlier)
                edits = find(text, ctx)
                if edits:
                    new = applied(text, edits)
                    if new is not text:
                        text = new
                        changed_at = position
            return text
        # Several rounds, or a record of the steps (explain: one round is this loop run once).
        protected: list[tuple[int, int]] | None = None
        version = 0  # counts the changes made so far: text identity without comparing strings
        settled = [-1] * len(rules)  # rule position -> the version it has nothing more to do on
        for _ in range(rounds):
            changed = False
            for position, (rule_id, find) in enumerate(rules):
                if settled[position] == version:
                    continue
                edits = find(text, ctx)
                whole = True
                if edits:
                    if protected is None:
                        protected = self._protected(text)
                    edits, whole = _vet(rule_id, text, edits, protected, reports, steps)
                if edits:
                    if steps is not None:
                        steps.append((rule_id, text, edits))
                    text = splice(text, edits)
                    protected = None
                    changed = True
                    version += 1
                elif whole:
                    settled[position] = version
            if not changed:
                break
        return text

    def fix(self, text: str) -> str:
        """The fixed text."""
        if not isinstance(text, str):
            raise TypeError(f"textfix works on str, not {type(text).__name__}; decode bytes first")
        run = self._run
        for stage in self._plan:
            text = run(stage, text)
        return text

    __call__ = fix

    def fix_many(self, texts: Iterable[str], *, batch: int = 5000) -> Iterator[str]:
        """The fixed texts, in order: what :meth:`fix` gives each one, for many texts at once.

        Texts are taken ``batch`` at a time (fewer once they hold :data:`BATCH_CHARS`
        characters, so long documents stay in bounded memory), and each stage runs over
        the whole batch before the next; in a one-round stage, each rule runs over the
        batch before the next rule. One rule's tables stay in the processor's caches,
        which makes many short strings cheaper than calling :meth:`fix` on each. A rule
        with a screen of many texts (``screen_many``, see :mod:`textfix.batchscreen`) is
        handed only the texts it names, from one scan of the batch, and every text a
        rule of the stage has changed (the scan may have seen it as it was). Rules are
        functions of the text, so each text gets exactly what :meth:`fix` gives it.

        >>> list(Pipeline("repair").fix_many(["cafÃ©", "ok"]))
        ['café', 'ok']
        """
        if batch < 1:
            raise ValueError("batch must be at least 1")
        run = self._run
        applied = self._applied
        ctx = self._context
        iterator = iter(texts)
        while True:
            chunk: list[str] = []
            size = 0
            for text in iterator:
                if not isinstance(text, str):
                    raise TypeError(f"textfix works on str, not {type(text).__name__}; decode bytes first")
                chunk.append(text)
                size += len(text)
                if len(chunk) >= batch or size >= BATCH_CHARS:
                    break
            if not chunk:
                return
            for stage in self._plan:
                rules, rounds, screen, earlier, screens = stage
                todo = range(len(chunk)) if screen is None else [i for i, t in enumerate(chunk) if screen(t)]
                if rounds > 1:
                    for i in todo:
                        chunk[i] = run(stage, chunk[i])
                    continue
                # One round: each rule in turn over the batch (each text still sees the rules in
                # order, as _run runs them), so one rule's tables stay hot.
                last = [-1] * len(chunk)  # per text, the position of the last rule that changed it
                changed: list[int] = []  # the texts a rule of this stage changed, each once
                screened = None  # the stage's texts as the rules' screens of many texts see them
                for position, (_, find) in enumerate(rules):
                    before = earlier[position]
                    many = screens[position]
                    if before >= 0:
                        # Not where this rule already ran on the very text (see _earlier).
                        targets = [i for i in todo if last[i] >= before]
                    elif many is None or not todo:
                        targets = todo
                    else:
                        # The texts the rule's screen of the batch cannot rule out, and every text a
                        # rule of this stage changed (the screen may have seen it as it was before).
                        if screened is None:
                            screened = Batch([chunk[i] for i in todo])
                        picked = many(screened)
                        targets = picked if screen is None else [todo[k] for k in picked]
                        if changed:
                            targets = sorted(set(targets).union(changed))
                    for i in targets:
                        text = chunk[i]
                        edits = find(text, ctx)
                        if edits:
                            new = applied(text, edits)
                            if new is not text:
                                chunk[i] = new
                                if last[i] < 0:
                                    changed.append(i)
                                last[i] = position
            yield from chunk

    def explain(self, text: str) -> Explained:
        """The fixed text with every change and the offset map between output and input."""
        if not isinstance(text, str):
            raise TypeError(f"textfix works on str, not {type(text).__name__}; decode bytes first")
        steps: list[tuple[str, str, list[Edit]]] = []
        noticed: list[tuple[int, str, Edit]] = []
        final = text
        for stage in self._plan:
            final = self._run(stage, final, steps, noticed)
        offsets = OffsetMap(len(text))
        # (step index, rule id, edit, input span, span on the step's text, text replaced or None for a report)
        pending: list[tuple[int, str, Edit, tuple[int, int], tuple[int, int], str | None]] = []
        step_maps: list[OffsetMap] = []
        taken = 0
        for index in range(len(steps) + 1):
            # Reports noticed before this step were made on its text, before its edits.
            while taken < len(noticed) and noticed[taken][0] == index:
                _, report_rule, edit = noticed[taken]
                pending.append((index, report_rule, edit, offsets.input_span(edit.start, edit.end),
                                (edit.start, edit.end), None))
                taken += 1
            if index == len(steps):
                break
            rule_id, current, edits = steps[index]
            new, segments = apply_edits(current, edits)
            shift = 0
            for edit in edits:
                out = (edit.start + shift, edit.start + shift + len(edit.after))
                shift += len(edit.after) - (edit.end - edit.start)
                pending.append((index, rule_id, edit, offsets.input_span(edit.start, edit.end), out,
                                current[edit.start : edit.end]))
            step = OffsetMap.from_segments(segments, len(current), len(new))
            step_maps.append(step)
            offsets = offsets.then(segments, len(new))
        changes = []
        reports = []
        for index, rule_id, edit, (in_start, in_end), (out_start, out_end), before in pending:
            # A change's output span is on the text after its step; a report's on the text before it.
            for later in step_maps[index + (before is not None) :]:
                out_start, out_end = later.output_span(out_start, out_end)
            if before is None:
                reports.append(Change(rule_id, in_start, in_end, out_start, out_end, edit.after, edit.after, edit.note))
            else:
                changes.append(Change(rule_id, in_start, in_end, out_start, out_end, before, edit.after, edit.note))
        return Explained(final, tuple(changes), offsets, tuple(reports))

    def fix_stream(self, lines: Iterable[str], *, chunk_chars: int = CHUNK_CHARS) -> Iterator[str]:
        """Fix a long text given as lines (with their line endings), in bounded memory.

        Each chunk of :func:`chunk_lines` is fixed on its own; a text shorter than a
        chunk is fixed exactly as :meth:`fix` would.
        """
        for chunk in chunk_lines(lines, chunk_chars):
            yield self.fix(chunk)



def chunk_lines(lines: Iterable[str], chunk_chars: int = CHUNK_CHARS) -> Iterator[str]:
    """Gather lines into chunks of about ``chunk_chars`` characters.

    A chunk ends at a blank line (a paragraph break) once it is that long, or at
    any line break once it is twice that long, so document-level evidence
    (quote balance, a full name before its surname) stays within one chunk.
    """
    buffer: list[str] = []
    size = 0
    for line in lines:
        buffer.append(line)
        size += len(line)
        if size >= chunk_chars and (not line.strip() or size >= 2 * chunk_chars):
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


@lru_cache(maxsize=16)
def _cached(profile: str, frozen: tuple) -> Pipeline:
    return Pipeline(profile, **{k: v for k, v in frozen})


def get_pipeline(profile: str | Path = "default", **options: Any) -> Pipeline:
    """A shared pipeline for these settings (built on first use, then reused)."""
    try:
        return _cached(str(profile), _freeze(options))
    except TypeError:  # unhashable option values: build one for this call
        return Pipeline(profile, **options)


def fix(text: str, profile: str | Path = "default", **options: Any) -> str:
    """Fix ``text`` with a profile (``default``, ``repair`` or a path) and options."""
    return get_pipeline(profile, **options).fix(text)


def fix_and_explain(text: str, profile: str | Path = "default", **options: Any) -> Explained:
    """Fix ``text`` and say what changed, where, and by which rule."""
    return get_pipeline(profile, **options).explain(text)


__all__ = ["Change", "Context", "Explained", "Pipeline", "TextfixError", "fix", "fix_and_explain", "get_pipeline"]
