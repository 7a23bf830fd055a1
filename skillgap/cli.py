"""The ``skillgap`` command: extract, compare, rank and taxonomy, a thin layer over the library.

Each command checks its options, calls library functions (``SkillExtractor.extract_many``,
``compare``, ``score_candidates``, ``load_taxonomy``, the ``skillgap.report`` writers) and
prints what the terminal views of `skillgap.report.terminal` make of the result. Exit codes:
0 all good, 1 some inputs failed (they are in the output as error rows), 2 usage errors (bad
options, a bad taxonomy, an unknown role): `skillgap.errors.exit_code`, by the error's type.
Errors print as one line (`skillgap.errors.one_line`); ``--debug`` shows the traceback.
Heavy libraries (spaCy, pandas, rich tables) are imported inside the commands, so ``--help``
starts fast.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from ._version import __version__
from .errors import SkillgapError, TaxonomyError, exit_code, one_line

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import Console, RenderableType

    from .taxonomy import Taxonomy

#: Exit codes.
OK, INPUT_FAILED, USAGE = 0, 1, 2

app = typer.Typer(
    name="skillgap",
    help="Find the skill gap between résumés and jobs: extract skills, compare, rank, explain.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
taxonomy_app = typer.Typer(help="Check and list skills taxonomies and role profiles.", no_args_is_help=True)
app.add_typer(taxonomy_app, name="taxonomy")


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class _State:
    """Options of the top-level callback that every command reads."""

    debug = False


# --------------------------------------------------------------------------------------------
# Shared options

TaxonomyOpt = Annotated[
    Optional[list[Path]],
    typer.Option("--taxonomy", "-t", help="A taxonomy file or folder, added to the shipped one (repeatable).", metavar="PATH"),
]
NoShippedOpt = Annotated[bool, typer.Option("--no-shipped", help="Use only the --taxonomy files, not the shipped taxonomy.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no notes on stderr.")]
AsOfOpt = Annotated[
    Optional[str],
    typer.Option("--as-of", help="The date current positions run to, YYYY-MM (default: each résumé's own date, else today).", metavar="YYYY-MM"),
]
_AS_OF = re.compile(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])")


def _as_of(value: str | None) -> date | None:
    """The first of the month ``--as-of YYYY-MM`` names, or None when not given."""
    if value is None:
        return None
    m = _AS_OF.fullmatch(value.strip())
    if m is None:
        raise typer.BadParameter(f"{value!r} is not a month: write it as YYYY-MM, e.g. 2024-06", param_hint="--as-of")
    return date(int(m.group(1)), int(m.group(2)), 1)


def _taxonomy(paths: Sequence[Path] | None, no_shipped: bool) -> Taxonomy:
    """The taxonomy the options ask for: shipped, shipped + the user's files, or only the user's."""
    from .taxonomy import load_taxonomy

    if no_shipped and not paths:
        raise typer.BadParameter("--no-shipped needs at least one --taxonomy file", param_hint="--no-shipped")
    return load_taxonomy(*(paths or ()), include_shipped=not no_shipped)


def _out_path(out: Path | None, suffixes: Sequence[str]) -> Path | None:
    """Check ``--out`` before any work is done: a known suffix and an existing folder."""
    if out is None:
        return None
    if out.suffix.lower() not in suffixes:
        raise typer.BadParameter(f"{out}: name the file with one of {', '.join(suffixes)}", param_hint="--out")
    if not out.parent.is_dir():
        raise typer.BadParameter(f"{out}: the folder {out.parent} does not exist", param_hint="--out")
    return out


def _stdout() -> Console:
    from rich.console import Console

    return Console(soft_wrap=True)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


def _show(views: Iterable[RenderableType]) -> None:
    """Print terminal views on stdout."""
    console = _stdout()
    for view in views:
        console.print(view, highlight=False)


def _report_errors(errors: Iterable[str]) -> None:
    """Each one-line error on stderr, in red."""
    from rich.text import Text

    console = _stderr()
    for error in errors:
        console.print(Text(f"error: {error}", style="red"), highlight=False)


F = TypeVar("F", bound=Callable[..., Any])


def _one_line_errors(func: F) -> F:
    """Turn exceptions into one line on stderr and an exit code; ``--debug`` re-raises them."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - a bug must still end in one readable line
            _fail(exc, exit_code(exc))

    return wrapper  # type: ignore[return-value]


def _fail(exc: BaseException, code: int) -> None:
    if _State.debug:
        raise exc
    hint = "" if isinstance(exc, SkillgapError) else " (run with --debug for the traceback)"
    _report_errors([one_line(exc) + hint])
    raise typer.Exit(code)


@contextmanager
def _progress(total: int, label: str, quiet: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr; hidden when stderr is not a terminal or with --quiet."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = _stderr()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    ) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"skillgap {__version__}")
        raise typer.Exit(OK)


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks instead of one-line errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=_print_version, expose_value=False)
    ] = False,
) -> None:
    """Find the skill gap between résumés and jobs."""
    _State.debug = debug


# --------------------------------------------------------------------------------------------
# extract


@app.command()
@_one_line_errors
def extract(
    files: Annotated[list[Path], typer.Argument(help="Résumés or postings: PDF, DOCX, text, Markdown, HTML.", metavar="FILE")],
    format: Annotated[TableFormat, typer.Option("--format", "-f", help="How to print the skills.")] = TableFormat.table,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Also write the skills to .csv, .json or .xlsx.", metavar="FILE")] = None,
    taxonomy: TaxonomyOpt = None,
    no_shipped: NoShippedOpt = False,
    quiet: QuietOpt = False,
    as_of: AsOfOpt = None,
) -> None:
    """The skills found in each file, with evidence (and, for résumés, months of experience)."""
    from .extract import SkillExtractor
    from .extract.pipeline import FailedDocument
    from .report import profiles_frame, write_frame
    from .report.tables import TABLE_SUFFIXES
    from .report.terminal import profile_table

    out, reference = _out_path(out, TABLE_SUFFIXES), _as_of(as_of)
    extractor = SkillExtractor(_taxonomy(taxonomy, no_shipped))
    items = []  # (source, profile or None, error or None), as `profiles_frame` takes them
    with _progress(len(files), "extracting", quiet) as advance:
        for path, got in zip(files, extractor.extract_many(files, errors="record")):
            items.append((str(path), None, got.error) if isinstance(got, FailedDocument) else (str(path), got, None))
            advance()
    frame = profiles_frame(items, as_of=reference)
    if out is not None:
        write_frame(frame, out)
    if format is TableFormat.table:
        _show(profile_table(*item) for item in items)
    else:
        _print_frame(frame, format)
    errors = [error for _, _, error in items if error]
    _report_errors(errors)
    raise typer.Exit(INPUT_FAILED if errors else OK)


# --------------------------------------------------------------------------------------------
# compare


@app.command()
@_one_line_errors
def compare(
    candidate: Annotated[Path, typer.Argument(help="The candidate's résumé (PDF, DOCX, text, Markdown, HTML).", metavar="RESUME")],
    job: Annotated[Optional[Path], typer.Argument(help="A job posting file; or give --role instead.", metavar="JOB")] = None,
    role: Annotated[Optional[str], typer.Option("--role", "-r", help="A role profile id from the taxonomy, e.g. ml-engineer.", metavar="ROLE")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the report to .html, .csv, .json or .xlsx.", metavar="FILE")] = None,
    taxonomy: TaxonomyOpt = None,
    no_shipped: NoShippedOpt = False,
    quiet: QuietOpt = False,
    as_of: AsOfOpt = None,
) -> None:
    """The gap between one résumé and a posting or role: matched, implied, transferable, missing."""
    from .gap import compare as compare_fn
    from .report import REPORT_SUFFIXES, write_gap_report
    from .report.terminal import gap_views

    out, reference = _out_path(out, REPORT_SUFFIXES), _as_of(as_of)
    target = _job(job, role)
    report = compare_fn(candidate, target, taxonomy=_taxonomy(taxonomy, no_shipped), as_of=reference)
    if out is not None:
        write_gap_report(report, out)
    _show(gap_views(report))
    _report_warnings(report.warnings)
    if out is not None and not quiet:
        _stderr().print(f"wrote {out}", highlight=False)


def _job(job: Path | None, role: str | None) -> Any:
    """The job the user named: a posting file xor a role id."""
    if (job is None) == (role is None):
        raise typer.BadParameter("give a job posting file or --role ROLE (one of them)", param_hint="JOB / --role")
    if job is not None and not job.exists():
        raise typer.BadParameter(f"no such file: {job} (for a role profile use --role {job.name})", param_hint="JOB")
    return role if role is not None else job


# --------------------------------------------------------------------------------------------
# rank


@app.command()
@_one_line_errors
def rank(
    candidates: Annotated[list[Path], typer.Argument(help="Résumé files and/or folders of résumés.", metavar="RESUME_OR_FOLDER")],
    job: Annotated[Optional[Path], typer.Option("--job", "-j", help="A job posting file.", metavar="FILE")] = None,
    role: Annotated[Optional[str], typer.Option("--role", "-r", help="A role profile id from the taxonomy, e.g. ml-engineer.", metavar="ROLE")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the ranking to .html, .csv, .json or .xlsx.", metavar="FILE")] = None,
    top: Annotated[int, typer.Option("--top", help="Rows to print (0: all).", min=0, metavar="N")] = 25,
    jobs: Annotated[int, typer.Option("--jobs", help="Worker processes that read and extract résumés (1: this process).", min=1, metavar="N")] = 1,
    timeout: Annotated[Optional[float], typer.Option("--timeout", help="Most seconds one résumé may take; past it, it is an error row (uses worker processes).", min=0.1, metavar="SECONDS")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="With --out: skip résumés an interrupted run already scored (same file content).")] = False,
    taxonomy: TaxonomyOpt = None,
    no_shipped: NoShippedOpt = False,
    quiet: QuietOpt = False,
    as_of: AsOfOpt = None,
) -> None:
    """Rank résumés against a posting or role; unreadable files become error rows (exit 1).

    With --out, each résumé's outcome is also appended to OUT.partial.jsonl as it finishes;
    the output is written at the end and that journal removed. After an interruption, run
    the same command with --resume: résumés already in the journal are not read again.
    """
    from .batch import expand_candidates, rank_candidates
    from .journal import journal_path
    from .report import REPORT_SUFFIXES

    out, reference = _out_path(out, REPORT_SUFFIXES), _as_of(as_of)
    if resume and out is None:
        raise typer.BadParameter("--resume needs the --out of the interrupted run", param_hint="--resume")
    job_input = _job(job, role)
    tax = _taxonomy(taxonomy, no_shipped) if taxonomy or no_shipped else None  # None, the shipped one: loaded (and the job prepared) by a worker with --jobs
    inputs = list(expand_candidates(list(candidates)))  # counted for the progress bar
    journal = journal_path(out) if out is not None else None
    with _progress(len(inputs), "ranking", quiet) as advance:  # with --jobs and the shipped taxonomy this process builds no pipeline
        ranking = rank_candidates(inputs, job_input, taxonomy=tax, n_process=jobs, timeout=timeout, journal=journal, resume=resume, as_of=reference, progress=advance)
    _finish_ranking(ranking, out, top, quiet, journal=journal)


@app.command("jobs")
@_one_line_errors
def jobs_for(
    resume: Annotated[Path, typer.Argument(help="The candidate's résumé file.", metavar="RESUME")],
    postings: Annotated[list[Path], typer.Option("--postings", "-p", help="Job posting files and/or folders of postings (repeatable).", metavar="FILE_OR_FOLDER")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the ranking to .html, .csv, .json or .xlsx.", metavar="FILE")] = None,
    top: Annotated[int, typer.Option("--top", help="Rows to print (0: all).", min=0, metavar="N")] = 25,
    taxonomy: TaxonomyOpt = None,
    no_shipped: NoShippedOpt = False,
    quiet: QuietOpt = False,
    as_of: AsOfOpt = None,
) -> None:
    """Rank job postings for one candidate with the same match model as rank; unreadable postings become error rows (exit 1)."""
    from .batch import match_jobs
    from .report import REPORT_SUFFIXES

    out, reference = _out_path(out, REPORT_SUFFIXES), _as_of(as_of)
    if not resume.exists():
        raise typer.BadParameter(f"no such file: {resume}", param_hint="RESUME")
    _finish_ranking(match_jobs(resume, [str(p) for p in postings], taxonomy=_taxonomy(taxonomy, no_shipped), as_of=reference), out, top, quiet)


def _finish_ranking(ranking: Any, out: Path | None, top: int, quiet: bool, *, journal: Path | None = None) -> None:
    """Write ``out`` (then drop the finished run's journal), print the table, warnings and errors, exit 0 or 1."""
    from .journal import discard
    from .report import write_ranking
    from .report.terminal import ranking_views

    table = ranking.to_frame()
    if out is not None:
        write_ranking(ranking, out, table=table)
        if journal is not None:
            discard(journal)
    _show(ranking_views(ranking, top, table=table))
    _report_warnings(ranking.warnings)
    _report_errors(ranking.errors)
    if out is not None and not quiet:
        _stderr().print(f"wrote {out}", highlight=False)
    raise typer.Exit(INPUT_FAILED if ranking.errors else OK)


def _report_warnings(warnings: Sequence[str]) -> None:
    """Each distinct warning of a ranking on stderr, in yellow."""
    from rich.text import Text

    for warning in dict.fromkeys(warnings):
        _stderr().print(Text(f"warning: {warning}", style="yellow"), highlight=False)


# --------------------------------------------------------------------------------------------
# taxonomy


@taxonomy_app.command("validate")
@_one_line_errors
def taxonomy_validate(
    paths: Annotated[list[Path], typer.Argument(help="Taxonomy files or folders (.yaml, .yml, .csv).", metavar="PATH")],
    no_shipped: NoShippedOpt = False,
) -> None:
    """Check taxonomy files together with the shipped taxonomy (so role files may use shipped skills).

    Exit 0 when valid; 1 with the first problem (file, entry, what to do) when not.
    """
    from rich.text import Text

    from .taxonomy import load_taxonomy

    try:
        tax = load_taxonomy(*paths, include_shipped=not no_shipped)
    except TaxonomyError as exc:  # here the taxonomy is the input under test, not a usage error
        _fail(exc, INPUT_FAILED)
        return
    lines: list[RenderableType] = []
    for source in _given_sources(tax.sources, paths):
        n_skills = sum(1 for s in tax.skills.values() if s.source == source)
        n_roles = sum(1 for r in tax.roles.values() if r.source == source)
        lines.append(Text(f"ok  {source}: {n_skills} skills, {n_roles} roles"))
    lines += [Text(f"warning: {warning}", style="yellow") for warning in tax.warnings]
    lines.append(Text(f"valid: {len(tax.skills)} skills, {len(tax.roles)} roles in all"))
    _show(lines)


def _given_sources(sources: Sequence[str], paths: Sequence[Path]) -> list[str]:
    """The loaded files that came from the user's paths (not from the shipped taxonomy)."""
    roots = [p.resolve() for p in paths]
    return [s for s in sources if any(r == Path(s).resolve() or r in Path(s).resolve().parents for r in roots)]


@taxonomy_app.command("show")
@_one_line_errors
def taxonomy_show(
    category: Annotated[Optional[str], typer.Option("--category", "-c", help="Only this category.", metavar="NAME")] = None,
    role: Annotated[Optional[str], typer.Option("--role", "-r", help="Only the skills this role asks for, with importance and weight.", metavar="ROLE")] = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    taxonomy: TaxonomyOpt = None,
    no_shipped: NoShippedOpt = False,
) -> None:
    """List skills (id, label, category, aliases, links), a category's, or a role's requirements."""
    from rich.text import Text

    from .report import taxonomy_frame
    from .report.terminal import frame_table

    tax = _taxonomy(taxonomy, no_shipped)
    frame = taxonomy_frame(tax, category=category, role=role)
    if format is not TableFormat.table:
        _print_frame(frame, format)
        return
    title = f"role {tax.role(role).label}" if role else (f"category {category}" if category else f"{len(frame)} skills")
    columns = ["id", "label", "area", "importance", "weight", "years"] if role else ["id", "label", "category", "kind", "aliases"]
    views: list[RenderableType] = [frame_table(frame, columns, title)]
    if not role and not category:
        views.append(Text(f"roles: {', '.join(tax.roles) or 'none'}"))
    _show(views)


def _print_frame(frame: pd.DataFrame, format: TableFormat) -> None:
    if format is TableFormat.csv:
        sys.stdout.write(frame.to_csv(index=False))
    else:
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=2) + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: ``--debug`` works anywhere on the command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--debug" in args:
        args = ["--debug", *(a for a in args if a != "--debug")]
    app(args=args, prog_name="skillgap")
