"""The ``skillgap`` command: extract, compare, rank and taxonomy, a thin layer over the library.

Each command calls library functions (``SkillExtractor.extract``, ``compare``,
``score_candidates``, ``load_taxonomy``, the ``skillgap.report`` writers) and only formats what
they return. Exit codes: 0 all good, 1 some inputs failed (they are in the output as error
rows), 2 usage errors (bad options, a bad taxonomy, an unknown role). Errors print as one line;
``--debug`` shows the traceback.
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__
from .errors import SkillgapError, TaxonomyError
from .report.theme import percent

if TYPE_CHECKING:
    import pandas as pd

    from .batch import CandidateResult
    from .gap import GapReport
    from .resume import Journal
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
    return Console(soft_wrap=True)


def _stderr() -> Console:
    return Console(stderr=True, soft_wrap=True)


F = TypeVar("F", bound=Callable[..., Any])


def _one_line_errors(func: F) -> F:
    """Turn exceptions into one line on stderr and an exit code; ``--debug`` re-raises them."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter, KeyboardInterrupt):
            raise
        except TaxonomyError as exc:
            _fail(exc, USAGE)
        except SkillgapError as exc:
            _fail(exc, INPUT_FAILED)
        except Exception as exc:  # noqa: BLE001 - a bug must still end in one readable line
            _fail(exc, INPUT_FAILED, prefix=f"unexpected {type(exc).__name__}: ")

    return wrapper  # type: ignore[return-value]


def _fail(exc: BaseException, code: int, prefix: str = "") -> None:
    if _State.debug:
        raise exc
    message = " ".join(f"{prefix}{exc}".split())
    hint = "" if isinstance(exc, SkillgapError) else " (run with --debug for the traceback)"
    _stderr().print(Text(f"error: {message}{hint}", style="red"), highlight=False)
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
) -> None:
    """The skills found in each file, with evidence."""
    from .extract import SkillExtractor
    from .report import profiles_frame, write_frame
    from .report.tables import TABLE_SUFFIXES

    out = _out_path(out, TABLE_SUFFIXES)
    extractor = SkillExtractor(_taxonomy(taxonomy, no_shipped))
    items = []
    with _progress(len(files), "extracting", quiet) as advance:
        for item in extract_files(files, extractor):
            items.append(item)
            advance()
    frame = profiles_frame(items)
    if out is not None:
        write_frame(frame, out)
    if format is TableFormat.table:
        console = _stdout()
        for source, profile, error in items:
            console.print(_profile_table(source, profile, error))
    else:
        _print_frame(frame, format)
    errors = [error for _, _, error in items if error]
    for error in errors:
        _stderr().print(Text(f"error: {error}", style="red"), highlight=False)
    raise typer.Exit(INPUT_FAILED if errors else OK)


def extract_files(files: Sequence[Path | str], extractor: Any) -> Iterator[tuple[str, Any, str | None]]:
    """``(source, SkillProfile, None)`` per readable file, ``(source, None, error)`` per bad one."""
    for path in files:
        try:
            yield str(path), extractor.extract(path), None
        except SkillgapError as exc:
            yield str(path), None, " ".join(str(exc).split())
        except Exception as exc:  # noqa: BLE001 - one bad file must not hide the others
            yield str(path), None, " ".join(f"{path}: unexpected {type(exc).__name__}: {exc}".split())


def _profile_table(source: str, profile: Any, error: str | None) -> Table:
    from .report.evidence import mention_snippet, where

    table = Table(title=Text(source, style="bold"), title_justify="left", expand=False)
    for column, kw in (("skill", {}), ("category", {}), ("n", {"justify": "right"}), ("how", {}), ("evidence", {"overflow": "fold", "ratio": 1})):
        table.add_column(column, **kw)
    if profile is None:
        _add_row(table, Text("could not be read", style="red"), "", "", "", Text(error or "", style="red"))
        return table
    text = profile.document.text
    for skill_id in (*profile.skill_ids, *profile.implied_ids):
        skill = profile.taxonomy[skill_id]
        mentions = [m for m in profile.mentions_of(skill_id) if not m.negated]
        stated = [m for m in mentions if m.method != "implied"]
        shown = stated or mentions
        first = shown[0]
        how = ", ".join(dict.fromkeys(m.method for m in shown))
        if not stated and first.implied_by:
            how = f"implied by {profile.taxonomy[first.implied_by].label}"
        _add_row(table, skill.label, skill.category, str(len(stated)), how, f"{mention_snippet(text, first, limit=90)} [{where(first)}]")
    if not table.row_count:
        _add_row(table, Text("no skills found", style="dim"), "", "", "", "")
    return table


# --------------------------------------------------------------------------------------------
# compare


@app.command()
@_one_line_errors
def compare(
    resume: Annotated[Path, typer.Argument(help="The candidate's résumé (PDF, DOCX, text, Markdown, HTML).", metavar="RESUME")],
    job: Annotated[Optional[Path], typer.Argument(help="A job posting file; or give --role instead.", metavar="JOB")] = None,
    role: Annotated[Optional[str], typer.Option("--role", "-r", help="A role profile id from the taxonomy, e.g. ml-engineer.", metavar="ROLE")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the report to .html, .csv, .json or .xlsx.", metavar="FILE")] = None,
    taxonomy: TaxonomyOpt = None,
    no_shipped: NoShippedOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """The gap between one résumé and a posting or role: matched, implied, transferable, missing."""
    from .gap import compare as compare_fn
    from .report import REPORT_SUFFIXES, write_gap_report

    out = _out_path(out, REPORT_SUFFIXES)
    target = _job(job, role)
    report = compare_fn(resume, target, taxonomy=_taxonomy(taxonomy, no_shipped))
    if out is not None:
        write_gap_report(report, out)
    _print_gap(report)
    if out is not None and not quiet:
        _stderr().print(f"wrote {out}", highlight=False)


def _job(job: Path | None, role: str | None) -> Any:
    """The job the user named: a posting file xor a role id."""
    if (job is None) == (role is None):
        raise typer.BadParameter("give a job posting file or --role ROLE (one of them)", param_hint="JOB / --role")
    if job is not None and not job.exists():
        raise typer.BadParameter(f"no such file: {job} (for a role profile use --role {job.name})", param_hint="JOB")
    return role if role is not None else job


def _print_gap(report: GapReport) -> None:
    from .report.evidence import mention_snippet, where
    from .report.theme import status_style

    console = _stdout()
    name = report.candidate.document.source
    console.print(
        Text.assemble(
            (f"{name}", "bold"), " vs ", (report.job, "bold"), f" · score {report.score:.1f}/100 · required ",
            (percent(report.required_coverage), "bold"), " · preferred ", (percent(report.preferred_coverage), "bold"),
        ),
        highlight=False,
    )
    text = report.candidate.document.text
    for category in dict.fromkeys(r.category for r in report.results):
        title = Text.assemble((category, "bold"), f" · {percent(report.coverage.get(category, math.nan))} covered")
        table = Table(title=title, title_justify="left", expand=False)
        for column, kw in (("status", {"no_wrap": True}), ("skill", {}), ("importance", {}), ("evidence", {"overflow": "fold", "ratio": 1})):
            table.add_column(column, **kw)
        for r in (r for r in report.results if r.category == category):
            style = status_style(r.status)
            evidence = ""
            if r.evidence:
                m = r.evidence[0]
                via = f"{'implied by' if r.status == 'implied' else 'from'} {report.candidate.taxonomy[r.via].label}: " if r.via else ""
                evidence = f"{via}{mention_snippet(text, m, limit=90)} [{where(m)}]"
            years = f" ({r.years:g}+ yrs)" if r.years else ""
            _add_row(table, Text(f"{style.symbol} {r.status}", style=style.rich), r.label, f"{r.importance}{years}", evidence)
        console.print(table)
    learn = report.learn_next()
    if learn:
        console.print("learn next: " + ", ".join(r.label for r in learn), highlight=False)
    if report.extra:
        labels = [report.candidate.taxonomy[s].label for s in report.extra]
        console.print("also has: " + ", ".join(labels), highlight=False)


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
) -> None:
    """Rank résumés against a posting or role; unreadable files become error rows (exit 1).

    With --out, each résumé's outcome is also appended to OUT.partial.jsonl as it finishes;
    the output is written at the end and that journal removed. After an interruption, run
    the same command with --resume: résumés already in the journal are not read again.
    """
    from .batch import ranking_frame
    from .report import REPORT_SUFFIXES, write_ranking
    from .resume import Journal, journal_path

    out = _out_path(out, REPORT_SUFFIXES)
    if resume and out is None:
        raise typer.BadParameter("--resume needs the --out of the interrupted run", param_hint="--resume")
    job_input, tax = _job(job, role), _taxonomy(taxonomy, no_shipped)
    journal = Journal(journal_path(out), tax, resume=resume) if out is not None else None
    finished = False
    try:
        results = rank_candidates(candidates, job_input, taxonomy=tax, quiet=quiet, n_process=jobs, timeout=timeout, journal=journal)
        ranking = ranking_frame(results)
        if out is not None:
            write_ranking(results, out, ranking=ranking)
            finished = True
    finally:
        if journal is not None:
            journal.close(finished=finished)
    _print_ranking(ranking, top)
    errors = [r.error for r in results if r.error]
    for error in errors:
        _stderr().print(Text(f"error: {error}", style="red"), highlight=False)
    if out is not None and not quiet:
        _stderr().print(f"wrote {out}", highlight=False)
    raise typer.Exit(INPUT_FAILED if errors else OK)


def rank_candidates(
    candidates: Sequence[Path | str],
    job: Any,
    *,
    taxonomy: Taxonomy,
    quiet: bool = True,
    n_process: int = 1,
    timeout: float | None = None,
    journal: Journal | None = None,
) -> list[CandidateResult]:
    """Every candidate's result (folders expanded, input order), with a progress bar on stderr;
    each recorded in ``journal`` as it finishes, and those the journal holds not read again."""
    from .batch import expand_candidates, score_candidates
    from .resume import content_hash

    inputs: list[Any] = list(expand_candidates(list(candidates)))  # counted for the progress bar
    digests = [content_hash(c) if journal is not None and isinstance(c, (str, Path)) else None for c in inputs]
    if journal is not None:
        inputs = [journal.lookup(d, str(c)) or c for c, d in zip(inputs, digests)]
    results = []
    with _progress(len(inputs), "ranking", quiet) as advance:
        for result, digest in zip(score_candidates(inputs, job, taxonomy=taxonomy, n_process=n_process, timeout=timeout), digests):
            if journal is not None:
                journal.record(digest, result)
            results.append(result)
            advance()
    return results


def _print_ranking(ranking: pd.DataFrame, top: int) -> None:
    from .report.html import display_name

    table = Table(expand=False)
    width = min(max([len(display_name(str(c))) for c in ranking["candidate"]] + [9]), 40)
    for column, kw in (
        ("#", {"justify": "right"}), ("candidate", {"min_width": width}), ("score", {"justify": "right"}), ("required", {"justify": "right"}),
        ("preferred", {"justify": "right"}), ("matched", {"justify": "right"}), ("missing required", {"overflow": "fold", "ratio": 1}),
    ):  # fmt: skip
        table.add_column(column, **kw)
    shown = ranking if top == 0 else ranking.head(top)
    for row in shown.itertuples(index=False):
        if isinstance(row.error, str) and row.error:
            _add_row(table, "–", display_name(str(row.candidate)), "", "", "", "", Text(f"error: {row.error}", style="red"))
            continue
        missing = [m for m in (row.missing_required or "").split(", ") if m]
        shown_missing = ", ".join(missing[:5]) + (f" … +{len(missing) - 5}" if len(missing) > 5 else "")
        _add_row(table, 
            str(row.rank), display_name(str(row.candidate)), f"{row.score:.1f}", percent(row.required_coverage), percent(row.preferred_coverage),
            str(row.matched), shown_missing,
        )  # fmt: skip
    console = _stdout()
    console.print(table)
    if len(shown) < len(ranking):
        console.print(f"… {len(ranking) - len(shown)} more rows (--top 0 prints all; --out writes them)", highlight=False)


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
    from .taxonomy import load_taxonomy

    try:
        tax = load_taxonomy(*paths, include_shipped=not no_shipped)
    except TaxonomyError as exc:
        _fail(exc, INPUT_FAILED)
        return
    console = _stdout()
    for source in _given_sources(tax.sources, paths):
        n_skills = sum(1 for s in tax.skills.values() if s.source == source)
        n_roles = sum(1 for r in tax.roles.values() if r.source == source)
        console.print(f"ok  {source}: {n_skills} skills, {n_roles} roles", highlight=False)
    for warning in tax.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"), highlight=False)
    console.print(f"valid: {len(tax.skills)} skills, {len(tax.roles)} roles in all", highlight=False)


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
    from .report import taxonomy_frame

    tax = _taxonomy(taxonomy, no_shipped)
    frame = taxonomy_frame(tax, category=category, role=role)
    if format is not TableFormat.table:
        _print_frame(frame, format)
        return
    title = f"role {tax.role(role).label}" if role else (f"category {category}" if category else f"{len(frame)} skills")
    table = Table(title=Text(title), title_justify="left")
    columns = ["id", "label", "area", "importance", "weight", "years"] if role else ["id", "label", "category", "kind", "aliases"]
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column == "id")
    for row in frame[columns].itertuples(index=False):
        _add_row(table, *("" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:g}" if isinstance(v, float) else str(v) for v in row))
    _stdout().print(table)
    if not role and not category:
        _stdout().print(f"roles: {', '.join(tax.roles) or 'none'}", highlight=False)


# --------------------------------------------------------------------------------------------
# helpers


def _add_row(table: Table, *cells: str | Text) -> None:
    """Add a row whose plain strings are shown as they are: text from documents is never rich markup."""
    table.add_row(*(Text(c) if isinstance(c, str) else c for c in cells))


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
