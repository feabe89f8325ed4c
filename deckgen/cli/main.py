"""The ``deckgen`` command: a thin click layer over the library.

Exit codes: 0 success, 1 an outline/template is invalid or a build failed, 2 usage error.
No traceback for any bad input; ``--debug`` shows one for unexpected failures.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from deckgen import __version__
from deckgen.cli.errors import DeckgenGroup
from deckgen.cli.report import Reporter, summary
from deckgen.errors import DeckgenError, Problem

if TYPE_CHECKING:
    from deckgen.app.batch import Result

_DEBUG_ENV = "DECKGEN_DEBUG"


def _echo_problems(problems: list[Problem], label: str) -> None:
    for problem in problems:
        click.echo(f"{label}: {problem}", err=True)


def _outlines(values: tuple[str, ...]) -> list[Path]:
    """The outline files named or found in folders; a usage error when there are none."""
    from deckgen.app.batch import find_outlines

    missing = [v for v in values if not Path(v).exists()]
    if missing:
        raise click.BadParameter(f"'{missing[0]}' does not exist", param_hint="OUTLINE_OR_DIR")
    found = find_outlines(Path(v) for v in values)
    if not found:
        raise click.UsageError(f"no outlines (*.yaml, *.yml) found in {', '.join(values)}")
    return found


def _parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        index, count = (int(part) for part in value.split("/"))
    except ValueError:
        raise click.BadParameter(f"'{value}' is not K/N (e.g. 1/4)", param_hint="--shard") from None
    if not 1 <= index <= count:
        raise click.BadParameter(f"'{value}': K must be between 1 and N", param_hint="--shard")
    return index, count


@click.group(cls=DeckgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckgen")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for unexpected failures.")
def main(debug: bool) -> None:
    """Build discussion-guide slide decks from YAML outlines."""
    if debug:
        os.environ[_DEBUG_ENV] = "1"


@main.command()
@click.argument("inputs", metavar="OUTLINE_OR_DIR...", nargs=-1, required=True)
@click.option("-o", "--output", "out", default="build", show_default=True,
              help="Output folder, or a .pptx file when building one deck.")
@click.option("--template", help="Bundled template name or path to a .pptx/.potx (overrides the outline's).")
@click.option("--audience", help="Build this audience variant of each outline.")
@click.option("--all-audiences", is_flag=True, help="Build the base deck and every audience variant.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Decks built in parallel (default: number of cores).")
@click.option("--force", is_flag=True, help="Rebuild decks whose inputs are unchanged.")
@click.option("--pdf", is_flag=True, help="Also export each deck to PDF (needs LibreOffice).")
@click.option("--shard", "shard_spec", metavar="K/N", help="Build only the K-th of N slices of the batch (CI matrices).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def build(inputs: tuple[str, ...], out: str, template: str | None, audience: str | None, all_audiences: bool,
          jobs: int | None, force: bool, pdf: bool, shard_spec: str | None, quiet: bool) -> None:
    """Build decks from outlines (files, or folders searched for *.yaml / *.yml)."""
    from deckgen.app.batch import Plan, build_batch

    if audience and all_audiences:
        raise click.UsageError("use either --audience or --all-audiences, not both")
    slice_ = _parse_shard(shard_spec)
    started = time.perf_counter()
    outlines = _outlines(inputs)
    reporter: Reporter | None = None

    def planned(plan: Plan, count: int) -> None:
        nonlocal reporter
        _echo_problems(plan.problems, "error")
        reporter = Reporter(count, quiet)

    def finished(result: Result) -> None:
        assert reporter is not None
        reporter(result)

    try:
        outcome = build_batch(outlines, Path(out), audience=audience, all_audiences=all_audiences,
                              template=template, force=force, workers=jobs or os.cpu_count() or 1,
                              pdf=pdf, shard_slice=slice_, on_planned=planned, on_result=finished)
    finally:
        if reporter is not None:
            reporter.close()
    for failure in outcome.pdf_failures:
        _echo_problems(list(failure.problems), "error")
    if not quiet:
        click.echo(summary(outcome.results, len(outcome.problems) + len(outcome.pdf_failures), time.perf_counter() - started), err=True)
    if outcome.failed:
        sys.exit(1)


@main.command()
@click.argument("inputs", metavar="OUTLINE_OR_DIR...", nargs=-1, required=True)
@click.option("--template", help="Check against this template instead of the outline's.")
@click.option("--strict", is_flag=True, help="Treat lint warnings as errors.")
def check(inputs: tuple[str, ...], template: str | None, strict: bool) -> None:
    """Report everything build would reject, plus lint warnings; writes nothing."""
    from deckgen.app.check import check_outlines

    results = check_outlines(_outlines(inputs), template)
    for result in results:
        _echo_problems(result.errors, "error")
        _echo_problems(result.warnings, "error" if strict else "warning")
    bad = sum(result.failed(strict) for result in results)
    warned = sum(len(result.warnings) for result in results)
    click.echo(f"{len(results) - bad} of {len(results)} outlines OK, {warned} warnings", err=True)
    if bad:
        sys.exit(1)


@main.command("help")
@click.argument("topic", required=False)
@click.pass_context
def help_command(ctx: click.Context, topic: str | None) -> None:
    """Show a reference: `deckgen help format` prints the whole outline format."""
    from deckgen.app.helpdocs import TOPICS, help_text

    if topic is None:
        click.echo(ctx.parent.get_help() if ctx.parent else "")
        click.echo(f"\nTopics: {', '.join(sorted(TOPICS))} (deckgen help TOPIC)")
        return
    click.echo(help_text(topic), nl=False)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the outline format (for editors)."""
    from deckgen.outline.schema import outline_json_schema

    import json

    click.echo(json.dumps(outline_json_schema(), indent=2, ensure_ascii=False))


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def new(file: Path, force: bool) -> None:
    """Write a commented starter outline to FILE."""
    from deckgen.app.output import write_atomically
    from deckgen.outline.starter import starter_outline

    if file.exists() and not force:
        raise DeckgenError(f"{file}: already exists; choose another name or pass --force")
    if file.suffix.lower() not in (".yaml", ".yml"):
        raise click.BadParameter(f"'{file}' should end in .yaml or .yml", param_hint="FILE")
    write_atomically(file, starter_outline(file.name).encode("utf-8"))
    click.echo(f"wrote {file}; edit it, then run: deckgen build {file}")


@main.group()
def templates() -> None:
    """List bundled templates or inspect any template."""


@templates.command("list")
def templates_list() -> None:
    """Show the bundled templates."""
    from deckgen.render.catalog import bundled_brands

    for name, brand in bundled_brands().items():
        click.echo(f"{name:<10} {brand.description}")
        click.echo(f"{'':<10} {brand.file}")


@templates.command("inspect")
@click.argument("template")
def templates_inspect(template: str) -> None:
    """Show TEMPLATE's layouts, placeholders and the role mapping deckgen would use."""
    from deckgen.render.inspect import describe_template
    from deckgen.render.prepare import prepare_template
    from deckgen.render.catalog import resolve_template

    click.echo(describe_template(prepare_template(resolve_template(template, Path.cwd()))))


@main.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output.")
@click.option("--audience", help="The audience variant to describe.")
def guide(outline: Path, output: Path | None, audience: str | None) -> None:
    """Write the facilitator guide (Markdown): agenda, timings, every question with follow-ups."""
    from deckgen.app.guide import guide_markdown
    from deckgen.app.output import write_atomically

    from deckgen.outline.loader import load_outline

    text = guide_markdown(load_outline(outline, audience=audience))
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)


@main.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Contact sheet PNG (default: <outline stem>-preview.png).")
@click.option("--audience", help="The audience variant to preview.")
@click.option("--template", help="Bundled template name or path to a .pptx/.potx.")
def preview(outline: Path, output: Path | None, audience: str | None, template: str | None) -> None:
    """Render a contact sheet of slide thumbnails (needs LibreOffice)."""
    import tempfile

    from deckgen.app.build import build_deck
    from deckgen.app.preview import write_preview

    from deckgen.outline.loader import load_outline

    loaded = load_outline(outline, audience=audience)
    sheet = output or Path(f"{loaded.stem}-preview.png")
    with tempfile.TemporaryDirectory(prefix="deckgen-") as work:
        deck = build_deck(loaded, Path(work, f"{loaded.stem}.pptx"), template=template)
        pages = write_preview(deck, sheet)
    click.echo(f"wrote {sheet} ({pages} slides)")


def run() -> None:
    """Entry point that turns unexpected exceptions into a one-line error (exit 1)."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as error:  # pragma: no cover - last resort, a bug
        if os.environ.get(_DEBUG_ENV):
            import traceback

            traceback.print_exc()
        click.echo(f"error: internal error: {type(error).__name__}: {error} (run with --debug for details; please report it)", err=True)
        sys.exit(1)
