"""The command line: ``textfix fix``, ``textfix rules ...`` and the commands kinds add.

Options of every kind (``--spelling``, ``--reference-date`` ...) are generated
from the kinds' option specs, so ``textfix fix --help`` is always the truth.
A user's mistake ends in one line on stderr and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .errors import PackErrors, TextfixError

EXIT_ERROR = 2


def _option_decorators() -> list[Callable]:
    from . import kinds

    decorators = []
    for name, spec in kinds.option_specs().items():
        flag = "--" + name.replace("_", "-")
        if spec.parse is kinds.parse_bool:
            decorators.append(click.option(f"{flag}/--no-{flag[2:]}", name, default=None, help=spec.help))
        elif spec.parse is kinds.parse_list or name == "keep_regex":
            decorators.append(click.option(flag, name, multiple=True, metavar="VALUE",
                                           help=spec.help + " Repeatable."))
        else:
            choice = click.Choice(spec.choices) if spec.choices else None
            decorators.append(click.option(flag, name, default=None, type=choice, metavar=None if choice else "VALUE",
                                           help=spec.help if spec.default is None else
                                           f"{spec.help} [default: {spec.default}]"))
    return decorators


def with_pipeline_options(func: Callable) -> Callable:
    """Add ``--profile`` and one option per engine/kind option to a command."""
    for decorator in reversed(_option_decorators()):
        func = decorator(func)
    return click.option("--profile", "-p", default="default", show_default=True, metavar="NAME|PATH",
                        help="Profile: a shipped name (default, repair) or a profile file.")(func)


def pipeline_from(profile: str, options: dict[str, Any]):
    """Build the pipeline for the options a user actually gave."""
    from .engine import Pipeline

    given = {}
    for name, value in options.items():
        if value is None or value == ():
            continue
        if isinstance(value, tuple):  # repeated options; each may itself be comma-separated
            value = tuple(part.strip() for item in value for part in (item.split(",") if name != "keep_regex" else [item])
                          if part.strip())
        given[name] = value
    return Pipeline(profile, **given)


class CLI(click.Group):
    """Adds ``convert`` and the commands kinds contribute (``textfix names ...``) lazily."""

    def _kind_commands(self) -> dict[str, str]:
        from . import kinds

        return {k.name: k.cli for k in kinds.all_kinds() if k.cli}

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self._kind_commands()) | {"convert"})

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is not None:
            return command
        if name == "convert":  # the batch machinery is imported only when asked for
            from .batch import convert_command

            command = convert_command(with_pipeline_options, pipeline_from)
            self.add_command(command)
            return command
        target = self._kind_commands().get(name)
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        return getattr(importlib.import_module(module), attribute)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PackErrors as exc:
            for error in exc.errors:
                click.echo(f"textfix: error: {error}", err=True)
            ctx.exit(EXIT_ERROR)
        except TextfixError as exc:
            click.echo(f"textfix: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("textfix: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=CLI, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="textfix")
def main() -> None:
    """Clean and normalize text: repair mojibake, standardize names, spelling, dates and numbers."""


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


@main.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of standard output.")
@click.option("--explain", is_flag=True, help="List every change (rule, position, before → after) on stderr.")
@with_pipeline_options
def fix(source: str, output: str | None, explain: bool, profile: str, **options: Any) -> None:
    """Fix FILE (or standard input, '-') and write the result to standard output or OUT.

    Input is decoded as UTF-8 (a BOM selects UTF-8, UTF-16 or UTF-32); anything
    else is an error, never a guess. Line endings are kept.
    """
    from .engine import chunk_lines
    from .fileio import atomic_writer, iter_lines

    pipeline = pipeline_from(profile, options)
    name = "<stdin>" if source == "-" else source
    if source == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = open(source, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise TextfixError(f"{source}: cannot read ({exc.strerror}); check the path") from None
    try:
        decoding, lines = iter_lines(stream, name)
        bom = decoding.bom if decoding.codec == "utf-8" else b""

        def chunks():
            in_base = out_base = 0
            line_base = 0
            for chunk in chunk_lines(lines):
                if explain:
                    result = pipeline.explain(chunk)
                    for change in result.changes:
                        line, col = _line_col(chunk, change.input_start)
                        click.echo(f"{name}:{line + line_base}:{col}: {change.rule}: {change.before!r} → "
                                   f"{change.after!r} (input {change.input_start + in_base}-"
                                   f"{change.input_end + in_base}, output {change.output_start + out_base}-"
                                   f"{change.output_end + out_base})", err=True)
                    for report in result.reports:
                        line, col = _line_col(chunk, report.input_start)
                        click.echo(f"{name}:{line + line_base}:{col}: {report.rule}: {report.before!r} "
                                   f"unchanged: {report.note}", err=True)
                    fixed = result.text
                else:
                    fixed = pipeline.fix(chunk)
                in_base += len(chunk)
                out_base += len(fixed)
                line_base += chunk.count("\n")
                yield fixed.encode("utf-8", "surrogatepass")

        if output:
            with atomic_writer(output) as handle:
                handle.write(bom)
                for data in chunks():
                    handle.write(data)
        else:
            out = sys.stdout.buffer
            out.write(bom)
            for data in chunks():
                out.write(data)
            out.flush()
    finally:
        if source != "-":
            stream.close()


@main.group()
def rules() -> None:
    """Inspect and validate rule packs and profiles."""


def _pack_summary(pack) -> str:
    counts = []
    for name, entries in pack.sections.items():
        counts.append(f"{name}: {len(entries)}")
    return ", ".join(counts)


@rules.command("list")
@click.option("--packs", "extra", multiple=True, metavar="PATH", help="Also list packs under PATH.")
def rules_list(extra: tuple[str, ...]) -> None:
    """List the kinds, packs and profiles textfix can use."""
    from . import kinds
    from .catalog import Catalog

    catalog = Catalog(extra)
    click.echo("kinds:")
    for kind in kinds.all_kinds():
        click.echo(f"  {kind.name:<10} {kind.description}")
    for heading, kind_filter in (("profiles:", "profile"), ("packs:", None)):
        click.echo(heading)
        for pack_id in catalog.ids(kind_filter):
            if kind_filter is None and catalog.kind_of(pack_id) == "profile":
                continue
            pack = catalog.load(pack_id)
            click.echo(f"  {pack_id:<24} {pack.header['description']}  [{_pack_summary(pack)}]")


@rules.command("show")
@click.argument("pack")
@click.option("--entries", "-n", default=10, show_default=True, help="How many entries of each section to print.")
def rules_show(pack: str, entries: int) -> None:
    """Show a pack or profile (by id or path): header, section sizes, first entries."""
    from .catalog import Catalog
    from .packs import Group, load_pack

    catalog = Catalog()
    loaded = catalog.load(pack) if catalog.path(pack) else load_pack(pack)
    click.echo(f"path: {loaded.path}")
    for key, value in loaded.header.items():
        click.echo(f"{key}: {value}")
    for name, items in loaded.sections.items():
        click.echo(f"[{name}] {len(items)} entries")
        for item in items[:entries]:
            if isinstance(item, Group):
                variants = ", ".join(v for v, _ in item.variants)
                click.echo(f"  {item.canonical} ← {variants}" if variants else f"  {item.canonical}")
            else:
                click.echo("  " + (f"{item[0]}: {item[1]}" if len(item) == 3 else item[0]))


@rules.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
def rules_check(paths: tuple[str, ...]) -> None:
    """Validate packs and profiles; with no PATH, everything textfix ships.

    Packs given together are checked together: duplicates, self-maps, chains,
    cycles and conflicts across them are errors, each reported as file:line.
    """
    from .validate import check_paths

    errors, summary = check_paths([Path(p) for p in paths])
    for error in errors:
        click.echo(str(error), err=True)
    if errors:
        click.echo(f"textfix: {len(errors)} problem(s) in {summary}", err=True)
        sys.exit(1)
    click.echo(f"ok: {summary}")


if __name__ == "__main__":  # pragma: no cover
    main()
