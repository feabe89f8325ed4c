"""The ``deckgen`` command: a thin click layer over the library.

Exit codes: 0 success, 1 an outline/template is invalid or a build failed, 2 usage error.
No traceback for any bad input; ``--debug`` shows one for unexpected failures.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from dataclasses import replace
from pathlib import Path

import click

from deckgen import __version__
from deckgen.batch import Result, find_outlines, plan_jobs, run_jobs, shard
from deckgen.errors import DeckgenError, Problem
from deckgen.lint import lint_outline
from deckgen.loader import load_outline, load_variants
from deckgen.manifest import write_manifest
from deckgen.model import Outline
from deckgen.report import Reporter, summary

_DEBUG_ENV = "DECKGEN_DEBUG"


def _echo_problems(problems: list[Problem], label: str) -> None:
    for problem in problems:
        click.echo(f"{label}: {problem}", err=True)


def _paths(values: tuple[str, ...]) -> list[Path]:
    missing = [v for v in values if not Path(v).exists()]
    if missing:
        raise click.BadParameter(f"'{missing[0]}' does not exist", param_hint="OUTLINE_OR_DIR")
    return find_outlines(Path(v) for v in values)


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    if audience and all_audiences:
        raise click.UsageError("use either --audience or --all-audiences, not both")
    slice_ = _parse_shard(shard_spec)
    started = time.perf_counter()
    outlines = _paths(inputs)
    if not outlines:
        raise click.UsageError(f"no outlines (*.yaml, *.yml) found in {', '.join(inputs)}")
    plan = plan_jobs(outlines, Path(out), audience=audience, all_audiences=all_audiences,
                     template=template, force=force)
    _echo_problems(plan.problems, "error")
    todo = shard(plan.jobs, *slice_) if slice_ else plan.jobs
    reporter = Reporter(len(todo), quiet)
    try:
        results = run_jobs(todo, jobs or os.cpu_count() or 1, reporter)
    finally:
        reporter.close()
    for folder in sorted({r.job.output.parent for r in results if r.record}):
        write_manifest(folder, {r.job.output.name: r.record for r in results if r.record and r.job.output.parent == folder})
    failures = len(plan.problems) + _export_pdfs(results, pdf)
    if not quiet:
        click.echo(summary(results, failures, time.perf_counter() - started), err=True)
    if failures or any(r.status == "failed" for r in results):
        sys.exit(1)


def _export_pdfs(results: list[Result], wanted: bool) -> int:
    """Export the built decks to PDF; the number of exports that failed."""
    if not wanted:
        return 0
    from deckgen.pdf import convert_to_pdf

    failed = 0
    for result in results:
        if result.status == "failed":
            continue
        try:
            convert_to_pdf(result.job.output, result.job.output.with_suffix(".pdf"))
        except DeckgenError as error:
            click.echo(f"error: {error.format_message()}", err=True)
            failed += 1
    return failed


@main.command()
@click.argument("inputs", metavar="OUTLINE_OR_DIR...", nargs=-1, required=True)
@click.option("--template", help="Check against this template instead of the outline's.")
@click.option("--strict", is_flag=True, help="Treat lint warnings as errors.")
def check(inputs: tuple[str, ...], template: str | None, strict: bool) -> None:
    """Report everything build would reject, plus lint warnings; writes nothing."""
    outlines = _paths(inputs)
    if not outlines:
        raise click.UsageError(f"no outlines (*.yaml, *.yml) found in {', '.join(inputs)}")
    bad = 0
    warned = 0
    for path in outlines:
        errors, warnings = _check_one(path, template)
        _echo_problems(errors, "error")
        _echo_problems(warnings, "error" if strict else "warning")
        bad += bool(errors) or (strict and bool(warnings))
        warned += len(warnings)
    click.echo(f"{len(outlines) - bad} of {len(outlines)} outlines OK, {warned} warnings", err=True)
    if bad:
        sys.exit(1)


def _check_one(path: Path, template: str | None) -> tuple[list[Problem], list[Problem]]:
    """Errors and lint warnings of one outline and each of its audience variants.

    Lints are reported at the path as the user typed it; a lint that only a variant has
    names its audience.
    """
    try:
        variants = load_variants(path)
    except DeckgenError as error:
        return _problems(error, path), []
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for outline in variants:  # each variant on its own template: report every bad one
        try:
            lints = _lints(outline, template)
        except DeckgenError as error:
            errors += [p for p in _problems(error, path) if p not in errors]
            continue
        for lint in lints:
            lint = replace(lint, path=path if lint.path else None)
            if outline.audience and lint not in warnings:
                lint = replace(lint, message=f"{lint.message} (in audience '{outline.audience}')")
            if lint not in warnings:
                warnings.append(lint)
    return errors, [] if errors else warnings


def _problems(error: DeckgenError, path: Path) -> list[Problem]:
    return list(getattr(error, "problems", ())) or [Problem(path, 0, 0, error.format_message())]


def _lints(outline: Outline, template: str | None) -> list[Problem]:
    """Lints of the outline, of its plan, and the template's role fallbacks and text contrast."""
    from deckgen.build import plan_outline, template_for

    plan = plan_outline(outline, template)
    profile = template_for(outline, template).profile
    fallbacks = [Problem(None, 0, 0, w) for w in profile.warnings + profile.lints]
    return lint_outline(outline) + list(plan.warnings) + fallbacks


@main.command()
def schema() -> None:
    """Print the JSON Schema of the outline format (for editors)."""
    from deckgen.schema import outline_json_schema

    click.echo(json.dumps(outline_json_schema(), indent=2, ensure_ascii=False))


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def new(file: Path, force: bool) -> None:
    """Write a commented starter outline to FILE."""
    from deckgen.output import write_atomically
    from deckgen.starter import starter_outline

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
    from deckgen.templates import bundled_brands

    for name, brand in bundled_brands().items():
        click.echo(f"{name:<10} {brand.description}")
        click.echo(f"{'':<10} {brand.file}")


@templates.command("inspect")
@click.argument("template")
def templates_inspect(template: str) -> None:
    """Show TEMPLATE's layouts, placeholders and the role mapping deckgen would use."""
    from deckgen.render.inspect import describe_template
    from deckgen.render.prepare import prepare_template
    from deckgen.templates import resolve_template

    click.echo(describe_template(prepare_template(resolve_template(template, Path.cwd()))))


@main.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output.")
@click.option("--audience", help="The audience variant to describe.")
def guide(outline: Path, output: Path | None, audience: str | None) -> None:
    """Write the facilitator guide (Markdown): agenda, timings, every question with follow-ups."""
    from deckgen.guide import guide_markdown
    from deckgen.output import write_atomically

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

    from deckgen.build import build_deck
    from deckgen.preview import write_preview

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
            traceback.print_exc()
        click.echo(f"error: internal error: {type(error).__name__}: {error} (run with --debug for details; please report it)", err=True)
        sys.exit(1)
