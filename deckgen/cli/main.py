"""The ``deckgen`` command: a thin click layer over the library.

Exit codes: 0 success, 1 an outline/template is invalid or a build failed, 2 usage error.
No traceback for any bad input; ``--debug`` shows one for unexpected failures.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from deckgen.version import __version__
from deckgen.cli.errors import DeckgenGroup
from deckgen.cli.report import Reporter, summary
from deckgen.errors import DeckgenError, Problem, printable

if TYPE_CHECKING:
    from deckgen.app.jobs import Result
    from deckgen.outline.model import Outline
    from deckgen.plan.notices import TemplateNotice

_DEBUG_ENV = "DECKGEN_DEBUG"


def _echo_problems(problems: list[Problem], label: str) -> None:
    for problem in problems:
        click.echo(printable(f"{label}: {problem}"), err=True)


def _echo_notices(notices: Sequence[TemplateNotice], label: str) -> None:
    """What a run did to each template, once per template (not per deck or outline)."""
    for notice in notices:
        click.echo(printable(f"{label}: {notice.message}"), err=True)


def _outlines(values: tuple[str, ...]) -> list[Path]:
    """The outline files named or found in folders; a usage error when there are none."""
    from deckgen.app.finding import find_outlines

    missing = [v for v in values if not os.path.exists(v)]  # False, not an error, for a name too long
    if missing:
        raise click.BadParameter(f"'{printable(missing[0])}' does not exist", param_hint="OUTLINE_OR_DIR")
    found = find_outlines(Path(v) for v in values)
    if not found:
        raise click.UsageError(f"no outlines (*.yaml, *.yml) found in {', '.join(values)}")
    return found


def _images(outline: Outline) -> list[Path]:
    """The image files an outline uses (outputs must never overwrite them)."""
    return [point.image.path for section in outline.sections for point in section.points if point.image]


def _check_report(report: Path | None) -> None:
    if report is not None and report.suffix.lower() not in (".xml", ".json"):
        raise click.BadParameter(f"'{printable(str(report))}' should end in .xml (JUnit) or .json", param_hint="--report")


def _parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    from deckgen.app.shards import parse_slice, shard_from_environment

    if value.strip().lower() == "auto":
        try:
            return shard_from_environment()
        except DeckgenError as error:
            raise click.BadParameter(error.message.removeprefix("--shard auto: "), param_hint="--shard auto") from None
    try:
        return parse_slice(value)
    except DeckgenError as error:
        raise click.BadParameter(error.message, param_hint="--shard") from None


@click.group(cls=DeckgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckgen")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for unexpected failures.")
def main(debug: bool) -> None:
    """Build discussion-guide slide decks and their facilitator kits from YAML outlines."""
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
@click.option("--kit", is_flag=True,
              help="Also write the facilitator kit beside each deck: guide (.md, .docx), handout and recap (.docx) and, "
                   "with LibreOffice, the deck, notes and handout PDFs. Builds every audience variant "
                   "unless --audience is given.")
@click.option("--shard", "shard_spec", metavar="K/N|auto",
              help="Build only the K-th of N slices of the batch (CI matrices); auto: K and N from the CI's variables.")
@click.option("--report", "report", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.xml|FILE.json",
              help="Write a JUnit XML (.xml) or JSON (.json) report of every deck for CI.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def build(inputs: tuple[str, ...], out: str, template: str | None, audience: str | None, all_audiences: bool,
          jobs: int | None, force: bool, pdf: bool, kit: bool, shard_spec: str | None, report: Path | None,
          quiet: bool) -> None:
    """Build decks from outlines (files, or folders searched for *.yaml / *.yml)."""
    from deckgen.app.batch import Plan, build_batch

    if audience and all_audiences:
        raise click.UsageError("use either --audience or --all-audiences, not both")
    _check_report(report)
    slice_ = _parse_shard(shard_spec)
    all_audiences = all_audiences or (kit and audience is None)  # a kit serves every audience's session
    started = time.perf_counter()
    outlines = _outlines(inputs)
    reporter: Reporter | None = None

    def planned(plan: Plan, count: int) -> None:
        nonlocal reporter
        _echo_problems(plan.problems, "error")
        for warning in plan.warnings if not quiet else ():
            click.echo(printable(f"warning: {warning}"), err=True)
        for note in plan.notes if not quiet else ():
            click.echo(printable(f"info: {note}"), err=True)
        reporter = Reporter(count, quiet)

    def finished(result: Result) -> None:
        assert reporter is not None
        reporter(result)

    try:
        outcome = build_batch(outlines, Path(out), audience=audience, all_audiences=all_audiences,
                              template=template, force=force, workers=jobs or os.cpu_count() or 1,
                              pdf=pdf, kit=kit, shard_slice=slice_, on_planned=planned, on_result=finished)
    finally:
        if reporter is not None:
            reporter.close()
    for failure in outcome.pdf_failures:
        _echo_problems(list(failure.problems), "error")
    if not quiet:
        _echo_notices(outcome.notices, "warning")
    if outcome.skipped_pdfs:
        from deckgen.app.kit import skipped_pdfs_message

        click.echo(printable(f"warning: {skipped_pdfs_message(outcome.skipped_pdfs)}"), err=True)
    if report is not None:
        from deckgen.cli.ci_report import build_entries
        from deckgen.app.reports import write_report

        write_report(report, "build", build_entries(outcome))
    if not quiet:
        click.echo(summary(outcome.results, len(outcome.problems) + len(outcome.pdf_failures), time.perf_counter() - started), err=True)
    if outcome.failed:
        sys.exit(1)


@main.command()
@click.argument("inputs", metavar="OUTLINE_OR_DIR...", nargs=-1, required=True)
@click.option("--template", help="Check against this template instead of the outline's.")
@click.option("--strict", is_flag=True, help="Treat lint warnings as errors.")
@click.option("--report", "report", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.xml|FILE.json",
              help="Write a JUnit XML (.xml) or JSON (.json) report of every outline for CI (the only file check writes).")
def check(inputs: tuple[str, ...], template: str | None, strict: bool, report: Path | None) -> None:
    """Report everything build would reject, plus lint warnings; writes nothing."""
    from deckgen.app.check import check_outline, notices_of

    _check_report(report)
    results, timings = [], []
    for path in _outlines(inputs):
        started = time.perf_counter()
        results.append(check_outline(path, template))
        timings.append(time.perf_counter() - started)
    if report is not None:
        from deckgen.cli.ci_report import check_entries
        from deckgen.app.reports import write_report

        write_report(report, "check", check_entries(results, timings, strict))
    for result in results:
        _echo_problems(result.errors, "error")
        _echo_problems(result.warnings, "error" if strict else "warning")
    notices = notices_of(results)
    _echo_notices(notices, "error" if strict else "warning")
    bad = sum(result.failed(strict) for result in results)
    warned = sum(len(result.warnings) for result in results) + len(notices)
    counted = f"{warned} warnings, errors with --strict" if strict and warned else f"{warned} warnings"
    click.echo(f"{len(results) - bad} of {len(results)} outlines OK, {counted}", err=True)
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

    if os.path.lexists(file) and not force:
        raise DeckgenError(f"{file}: already exists; choose another name or pass --force")
    if file.suffix.lower() not in (".yaml", ".yml"):
        raise click.BadParameter(f"'{file}' should end in .yaml or .yml", param_hint="FILE")
    write_atomically(file, starter_outline(file.name).encode("utf-8"))
    click.echo(printable(f"wrote {file}; edit it, then run: deckgen build {file}"))


@main.group()
def templates() -> None:
    """List bundled templates or inspect any template."""


@templates.command("list")
def templates_list() -> None:
    """Show the bundled templates."""
    from deckgen.render.template.catalog import bundled_brands

    for name, brand in bundled_brands().items():
        click.echo(f"{name:<10} {brand.description}")
        click.echo(f"{'':<10} {brand.file}")


@templates.command("inspect")
@click.argument("template")
@click.option("--preview", is_flag=True,
              help="Also render one sample slide per role to a PNG contact sheet (needs LibreOffice).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The --preview contact sheet (default: <template stem>-roles.png).")
def templates_inspect(template: str, preview: bool, output: Path | None) -> None:
    """Show TEMPLATE's layouts, placeholders and the role mapping deckgen would use."""
    from deckgen.render.template.inspect import describe_template
    from deckgen.render.template.prepared import prepared_template
    from deckgen.render.template.catalog import resolve_template

    if output is not None and not preview:
        raise click.UsageError("-o names the --preview contact sheet; add --preview")
    if output is not None:
        _suffix(output, (".png",), "a contact sheet")
    choice = resolve_template(template, Path.cwd())
    click.echo(describe_template(prepared_template(choice)))
    if preview:
        from deckgen.app.output import refuse_inputs
        from deckgen.app.role_preview import write_role_sheet

        sheet = output or Path(f"{choice.file.stem}-roles.png")
        refuse_inputs(sheet, [choice.file])
        pages = write_role_sheet(choice.file if choice.brand is None else choice.name, sheet)
        click.echo(printable(f"wrote {sheet} ({pages} slides, one per role)"))


def _clock(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--start HH:MM``, normalised to two-digit hours."""
    import re

    from deckgen.outline.fieldtypes import CLOCK_PATTERN

    if value is None:
        return None
    if not re.match(CLOCK_PATTERN, value.strip()):
        raise click.BadParameter(f"'{value}' is not a clock time; write HH:MM on a 24-hour clock, like 14:00")
    hours, minutes = value.strip().split(":")
    return f"{int(hours):02d}:{minutes}"


def _suffix(output: Path | None, allowed: tuple[str, ...], what: str) -> str:
    suffix = output.suffix.lower() if output is not None else allowed[0]
    if suffix not in allowed:
        raise click.BadParameter(f"'{output}': {what} is written as {' or '.join(allowed)}; end the file name with one of them",
                                 param_hint="-o")
    return suffix


def _echo_written(output: Path) -> None:
    click.echo(printable(f"wrote {output}"), err=True)


STDOUT = Path("-")
"""``-o -``: write to standard output instead of a file (``guide`` and ``handout`` alike)."""


def _document_target(output: Path | None, default: Path, outline: Path, loaded: Outline) -> Path | None:
    """Where ``guide`` or ``handout`` writes: ``-o FILE``, else ``default`` in the current
    folder; None for ``-o -`` (standard output). A file is never one of the outline's inputs."""
    if output == STDOUT:
        return None
    target = output or default
    from deckgen.app.output import refuse_inputs

    refuse_inputs(target, [outline, *_images(loaded)])
    return target


def _write_document(target: Path | None, data: bytes, text: bool) -> None:
    """Write a guide's or handout's bytes to ``target``, or to standard output for ``-o -``
    (Word bytes only when standard output is not a terminal)."""
    from deckgen.app.output import write_atomically

    if target is not None:
        write_atomically(target, data)
        _echo_written(target)
    elif text:
        click.echo(data.decode("utf-8"), nl=False)
    elif _stdout_is_terminal():
        raise click.UsageError("a Word file cannot be shown on a terminal; redirect standard output "
                               "(deckgen handout x.yaml -o - > x.docx) or name a file with -o")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


_OUTPUT_HELP = ("Write to FILE{suffixes} (default: {default} in the current folder); "
                "-o - writes {stdout} to standard output.")


@main.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help=_OUTPUT_HELP.format(suffixes=".md (Markdown) or FILE.docx (Word)",
                                       default="<outline stem>-guide.md", stdout="Markdown"))
@click.option("--audience", help="The audience variant to describe.")
@click.option("--start", callback=_clock, metavar="HH:MM", help="Clock time the session starts (overrides the outline's start).")
@click.option("--template", help="Number the slides as a deck on this template has them: bundled template name or "
                                 "path to a .pptx/.potx (overrides the outline's).")
def guide(outline: Path, output: Path | None, audience: str | None, start: str | None, template: str | None) -> None:
    """Write the facilitator guide: objectives, run-sheet with clock times and slide numbers, every point and
    question with what it serves and the answers to listen for, the board plan, what to cut when late."""
    import dataclasses

    from deckgen.app.build import plan_outline
    from deckgen.app.epoch import source_date_epoch
    from deckgen.app.kit import guide_bytes, guide_path
    from deckgen.outline.loader import load_outline
    from deckgen.plan.lint import timing_lints

    suffix = ".md" if output == STDOUT else _suffix(output, (".md", ".docx"), "a guide")
    loaded = load_outline(outline, audience=audience)
    target = _document_target(output, guide_path(Path(), loaded.stem, suffix), outline, loaded)
    if start is not None:
        loaded = dataclasses.replace(loaded, start=start)
    _echo_problems(timing_lints(loaded), "warning")
    _write_document(target, guide_bytes(loaded, suffix, plan_outline(loaded, template), source_date_epoch()), text=True)


@main.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help=_OUTPUT_HELP.format(suffixes=".docx (Word) or FILE.pdf (needs LibreOffice)",
                                       default="<outline stem>-handout.docx", stdout="the Word file"))
@click.option("--audience", help="The audience variant whose questions the handout lists.")
@click.option("--recap", is_flag=True, help="Write the sheet for after the session instead: takeaways and further reading.")
def handout(outline: Path, output: Path | None, audience: str | None, recap: bool) -> None:
    """Write the participant handout: source with a QR code, preparation, glossary, each question with
    room to write, an exit ticket (--recap: the takeaways and further reading, for afterwards)."""
    from deckgen.app.epoch import source_date_epoch
    from deckgen.app.handout_file import write_handout
    from deckgen.app.kit import handout_bytes, handout_path

    from deckgen.outline.loader import load_outline

    suffix = ".docx" if output == STDOUT else _suffix(output, (".docx", ".pdf"), "a handout")
    loaded = load_outline(outline, audience=audience)
    target = _document_target(output, handout_path(Path(), loaded.stem, suffix, recap), outline, loaded)
    if target is None or suffix == ".docx":
        _write_document(target, handout_bytes(loaded, source_date_epoch(), recap=recap), text=False)
    else:
        write_handout(loaded, target, source_date_epoch(), recap)
        _echo_written(target)


@main.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Contact sheet PNG (default: <outline stem>-preview.png).")
@click.option("--audience", help="The audience variant to preview.")
@click.option("--template", help="Bundled template name or path to a .pptx/.potx (overrides the outline's).")
def preview(outline: Path, output: Path | None, audience: str | None, template: str | None) -> None:
    """Render a contact sheet of slide thumbnails (needs LibreOffice)."""
    import tempfile

    from deckgen.app.build import render_outline
    from deckgen.app.preview import write_preview

    from deckgen.outline.loader import load_outline

    from deckgen.app.output import refuse_inputs

    loaded = load_outline(outline, audience=audience)
    sheet = output or Path(f"{loaded.stem}-preview.png")
    refuse_inputs(sheet, [outline, *_images(loaded)])
    rendered = render_outline(loaded, template)
    hidden = frozenset(index for index, slide in enumerate(rendered.plan.slides) if slide.optional)
    with tempfile.TemporaryDirectory(prefix="deckgen-") as work:
        deck = Path(work, f"{loaded.stem}.pptx")
        deck.write_bytes(rendered.data)
        pages = write_preview(deck, sheet, hidden=hidden)
    click.echo(printable(f"wrote {sheet} ({pages} slides)"))


@main.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", default="build", show_default=True, help="Output folder.")
@click.option("--template", help="Bundled template name or path to a .pptx/.potx (overrides the outline's).")
@click.option("--audience", help="Build this audience variant.")
@click.option("--all-audiences", is_flag=True, help="Build the base deck and every audience variant.")
@click.option("--kit", is_flag=True, help="Also write the facilitator kit (as build --kit).")
def watch(outline: Path, out: str, template: str | None, audience: str | None, all_audiences: bool, kit: bool) -> None:
    """Rebuild OUTLINE's deck (and kit) whenever it or its pictures are saved; Ctrl-C stops.

    Needs the watchfiles package: pip install 'deckgen[watch]'.
    """
    from deckgen.app.batch import build_batch
    from deckgen.app.watch import watch_outline

    if audience and all_audiences:
        raise click.UsageError("use either --audience or --all-audiences, not both")
    all_audiences = all_audiences or (kit and audience is None)

    def rebuild() -> None:
        started = time.perf_counter()
        reporter = Reporter(1, quiet=False)
        outcome = build_batch([outline], Path(out), audience=audience, all_audiences=all_audiences,
                              template=template, kit=kit, workers=1, on_result=reporter)
        _echo_problems(outcome.problems, "error")
        for failure in outcome.pdf_failures:
            _echo_problems(list(failure.problems), "error")
        _echo_notices(outcome.notices, "warning")
        click.echo(summary(outcome.results, len(outcome.problems) + len(outcome.pdf_failures),
                           time.perf_counter() - started) + "; watching for changes (Ctrl-C stops)", err=True)

    try:
        watch_outline(outline, Path(out), rebuild)
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)


def _reserve_standard_streams() -> set[int]:
    """Open /dev/null on a closed stdin, stdout or stderr (``2>&-``): otherwise the next file
    opened (a deck) would get that descriptor, and anything writing to it would land there.
    Returns the descriptors that were closed."""
    closed: set[int] = set()
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # takes the lowest free descriptor: this one
            closed.add(descriptor)
    return closed


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: TextIO | None = None, line: str | None = None) -> None:
    """A library's warning no command caught: one escaped ``warning:`` line, not Python's two
    raw ones (which quote the library's source and whatever text the warning carries)."""
    from deckgen.app.library_warnings import warning_line

    click.echo(f"warning: {warning_line(category, message)}", err=True)


def run() -> None:
    """Entry point that turns unexpected exceptions into a one-line error (exit 1).

    SIGTERM stops a build like Ctrl-C does: workers stop, temporary files are removed, and
    deckgen exits with 143. Output that could not be written to standard output (a full
    disk, a closed descriptor) makes the exit status 1; a closed pipe ends quietly with 141
    (see :mod:`deckgen.cli.stdout`). Warnings are printed as deckgen's own ``warning:`` lines.
    """
    from deckgen.app.stopping import stop_on_sigterm
    from deckgen.cli.stdout import final_status, guard_stdout

    guard_stdout(closed_at_start=1 in _reserve_standard_streams())
    warnings.showwarning = _show_warning
    stop_on_sigterm()
    sys.exit(final_status(_status_of_main()))


def _status_of_main() -> int:
    """Run the command; its exit status."""
    from deckgen.app.stopping import EXIT_CODE, Terminated

    try:
        main(standalone_mode=True)
    except SystemExit as exit_:
        return _exit_status(exit_.code)
    except Terminated:
        click.echo("error: stopped by SIGTERM; decks not finished were not written", err=True)
        return EXIT_CODE
    except Exception as error:  # pragma: no cover - last resort, a bug
        if os.environ.get(_DEBUG_ENV):
            import traceback

            traceback.print_exc()
        click.echo(printable(f"error: internal error: {type(error).__name__}: {error} (run with --debug for details; please report it)"), err=True)
        return 1
    return 0


def _exit_status(code: object) -> int:
    """The status ``sys.exit(code)`` would give: None is 0, a number itself, a message 1."""
    if code is None or isinstance(code, int):
        return code or 0
    click.echo(printable(str(code)), err=True)
    return 1
