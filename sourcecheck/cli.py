"""The `sourcecheck` command: argument parsing, messages and exit codes; the flows do the work."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TextIO

from sourcecheck import __version__
from sourcecheck.core.errors import SourcecheckError, Terminated
from sourcecheck.core.languages import DETECTED
from sourcecheck.core.settings import current_settings
from sourcecheck.flows import set_quiet_offline_defaults
from sourcecheck.model.reviews import DECISIONS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "peace-mission-2012"


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    set_quiet_offline_defaults()
    _show_warnings()
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if on_main_thread else None
    try:
        return _run(args)
    finally:
        if on_main_thread:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace) -> int:
    try:
        return args.handler(args)
    except SourcecheckError as exc:
        _say(f"sourcecheck: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:   # `sourcecheck report ... | head`: the reader has what it wanted; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # so the exit's flush cannot fail again
        return 141                # 128 + SIGPIPE, what a shell reports for a writer whose reader left
    except Exception as exc:  # a bug, not bad input: still one line, with the way to the traceback
        if current_settings().debug:
            raise
        _say(f"sourcecheck: internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
             "(set SOURCECHECK_DEBUG=1 for the traceback)", file=sys.stderr)
        return 70
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, Terminated)
        _say(f"sourcecheck: {'terminated' if terminated else 'interrupted'}; the warehouse is unchanged by the "
             "unfinished step", file=sys.stderr)
        return 143 if terminated else 130   # 128 + the signal's number, as a shell reports it


class _WarningLine(logging.Handler):
    """sourcecheck's warnings (a file decoded with replacements, a duplicate skipped) as one line each on
    standard error, whichever stream is standard error at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        _say(f"sourcecheck: warning: {' '.join(record.getMessage().split())}", file=sys.stderr)


def _show_warnings() -> None:
    logger = logging.getLogger("sourcecheck")
    if not any(isinstance(h, _WarningLine) for h in logger.handlers):
        logger.addHandler(_WarningLine(logging.WARNING))
    logger.setLevel(logging.WARNING)
    logger.propagate = False   # Prefect's handlers on the root logger would print it again


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="warehouse file (default: $SOURCECHECK_DB or ./warehouse.duckdb)")
    parser = argparse.ArgumentParser(prog="sourcecheck", parents=[common],
                                     description="Verify the sourced claims of articles against a store of sources.")
    parser.add_argument("--version", action="version", version=f"sourcecheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sources = commands.add_parser("sources", parents=[common], help="manage the source store")
    sources_commands = sources.add_subparsers(dest="sources_command", required=True, metavar="COMMAND")
    add = sources_commands.add_parser(
        "add", parents=[common], help="ingest source files or directories",
        description="Ingest sources: Markdown or text with front matter (.md, .txt), JSONL records (.jsonl), saved "
                    "web pages (.html, .htm), RSS and Atom feeds (.rss, .atom, .xml) and web archives (.warc, "
                    ".warc.gz); folders are read recursively.")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add.add_argument("--skip-unreadable", action="store_true",
                     help="leave out folders that cannot be read, with a warning each (default: refuse them)")
    add.add_argument("--outlet", help="the outlet of every document read, over what the files say (a folder of "
                                      "one outlet's saved pages)")
    add.add_argument("--language", choices=DETECTED,
                     help="the language of every document read, over what the files say and its detection")
    add.set_defaults(handler=_sources_add)

    verify = commands.add_parser("verify", parents=[common], help="verify one or more articles")
    verify.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE")
    verify.add_argument("--changed", action="store_true",
                        help="skip articles whose content, sources, models and settings are unchanged since their "
                             "latest run")
    verify.add_argument("--dask", metavar="ADDRESS", default=current_settings().dask or None,
                        help="verify on the Dask cluster at this scheduler address (tcp://host:8786; default "
                             "$SOURCECHECK_DASK); this process still writes the warehouse")
    verify.set_defaults(handler=_verify)

    serve = commands.add_parser(
        "serve", parents=[common], help="run the scheduled ingest and verify deployments of sourcecheck.toml",
        description="Register the deployments and their cron schedules with the Prefect server at $PREFECT_API_URL "
                    "and run their flows until interrupted (start the server with "
                    "`prefect server start --host 127.0.0.1`).")
    serve.add_argument("--config", type=Path, default=Path("sourcecheck.toml"),
                       help="the schedule file (default: ./sourcecheck.toml)")
    serve.set_defaults(handler=_serve)

    export = commands.add_parser("export", parents=[common],
                                 help="write the warehouse's tables as hive-partitioned Parquet")
    export.add_argument("directory", type=Path, metavar="DIR", help="a new or empty folder")
    export.set_defaults(handler=_export)

    backup = commands.add_parser("backup", parents=[common],
                                 help="copy a consistent snapshot of the warehouse to a new DuckDB file")
    backup.add_argument("dest", type=Path, metavar="DEST", help="the backup file to create (restore: copy it back)")
    backup.set_defaults(handler=_backup)

    query = commands.add_parser("query", parents=[common], help="run read-only SQL against the warehouse")
    query.add_argument("sql")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.add_argument("--timeout", type=float, metavar="SECONDS", help="stop the query after this long (default 300)")
    query.add_argument("--limit", type=int, metavar="ROWS",
                       help="refuse a result of more rows than this (default 1,000,000)")
    query.set_defaults(handler=_query)

    report = commands.add_parser("report", parents=[common], help="write the reviewer report of the latest run")
    report.add_argument("--out", type=Path, help="the file to write (default: report.html; for markdown, "
                                                  "standard output)")
    report.add_argument("--format", choices=["html", "markdown"], default="html",
                        help="html: the full report; markdown: the flagged list, for an editorial ticket")
    report.add_argument("--run", dest="run_id", help="a run id (default: the latest run)")
    report.set_defaults(handler=_report)

    bench = commands.add_parser("bench", help="measure accuracy on labelled data (JSON out)")
    bench_commands = bench.add_subparsers(dest="bench_command", required=True, metavar="COMMAND")
    wice = bench_commands.add_parser("wice", help="claims against their cited pages (WiCE format), full pipeline")
    wice.add_argument("file", type=Path, metavar="FILE")
    wice.add_argument("--fold", choices=["all", "even", "odd"], default="all",
                      help="rows to use: the shipped model was calibrated on the even rows of WiCE dev")
    wice.add_argument("-k", type=int, default=5, help="passages of the cited page scored per claim (default 5)")
    wice.add_argument("--out", type=Path, help="also write the JSON here")
    wice.set_defaults(handler=_bench_wice)
    pairs = bench_commands.add_parser("pairs", help="the NLI model on premise/hypothesis/label rows")
    pairs.add_argument("file", type=Path, metavar="FILE")
    pairs.add_argument("--dataset", action="append", help="only rows of this dataset (repeatable)")
    pairs.add_argument("--every", type=int, default=1, help="score every n-th row (a quicker sample)")
    pairs.add_argument("--out", type=Path, help="also write the JSON here")
    pairs.set_defaults(handler=_bench_pairs)

    demo = commands.add_parser("demo", parents=[common], help="ingest the demo sources and verify the seed article")
    demo.add_argument("--out", type=Path, default=Path("report.html"))
    demo.set_defaults(handler=_demo)

    review = commands.add_parser(
        "review", parents=[common], help="list flagged claims awaiting review, or record a decision on one",
        description="Without CLAIM_ID: list the flags of the latest run of each article that await a decision. "
                    "With CLAIM_ID alone: show the claim, its evidence and its decisions. With --decision: record "
                    "it; a decision holds until the claim or its evidence changes.")
    review.add_argument("claim", nargs="?", metavar="CLAIM_ID", help="a claim id or a unique prefix of one")
    review.add_argument("--decision", choices=DECISIONS, help="confirm the flag, or dismiss it")
    review.add_argument("--note", default="", help="why (shown in the report)")
    review.add_argument("--reviewer", help="who decides (default: your login name)")
    review.add_argument("--all", action="store_true", help="list decided flags too")
    review.set_defaults(handler=_review)
    return parser


def _db(args: argparse.Namespace) -> Path:
    from sourcecheck.warehouse import default_db_path

    return getattr(args, "db", None) or default_db_path()


def _sources_add(args: argparse.Namespace) -> int:
    started = time.monotonic()
    overrides = {key: value for key in ("outlet", "language") if (value := getattr(args, key))}
    if "outlet" in overrides and not overrides["outlet"].strip():
        raise SourcecheckError("--outlet: expected an outlet name, got only spaces")
    summary = _ingest(args.paths, _db(args), args.skip_unreadable, overrides)
    records = summary.skipped_records
    _say(f"sources: {summary.documents} documents from {summary.files} files; {summary.stored} stored "
          f"({summary.passages} passages, {summary.embedded} new vectors), {summary.unchanged} unchanged"
          + (f", {summary.removed} removed" if summary.removed else "")
          + (f", {summary.duplicates} duplicate{'s' * (summary.duplicates != 1)} not stored twice"
             if summary.duplicates else "")
          + (f"; {summary.skipped} file{'s' * (summary.skipped != 1)} of other types skipped"
             if summary.skipped else "")
          + ("; left out of feeds and archives: " + ", ".join(
              f"{n} {_LEFT_OUT[why][n != 1]}" for why, n in sorted(records.items())) if records else "")
          + f" [{time.monotonic() - started:.1f} s, {_db(args)}]")
    return 0


# how the summary names the records of feeds and archives left out (sources/pages.py counts them), one and many
_LEFT_OUT = {"duplicate": ("duplicate", "duplicates"),
             "not an HTML page": ("record other than an HTML page", "records other than HTML pages"),
             "not an article": ("page with no article", "pages with no article")}


def _ingest(paths: list[Path], db: Path, skip_unreadable: bool = False, overrides: dict[str, str] | None = None):
    from sourcecheck.flows import local_run_settings
    from sourcecheck.flows.ingest import ingest_sources
    from sourcecheck.pipeline.settings import VerifySettings
    from sourcecheck.sources.embeddings import preload_embedder

    settings = VerifySettings.from_env()
    preload_embedder(settings.embedding_model)
    with local_run_settings():
        return ingest_sources([str(p) for p in paths], str(db), settings.embedding_model, settings.crosslingual_model,
                              skip_unreadable, overrides)


def _verify(args: argparse.Namespace) -> int:
    from sourcecheck.reports.summary import summary_lines

    started = time.monotonic()
    outcome = _verify_articles(args.articles, _db(args), args.changed, args.dask)
    for run in outcome.runs:
        _say(*summary_lines(run.summary))
        if run.claims_reused:
            _say(f"  {run.claims_scored} claims scored, {run.claims_reused} unchanged (scores reused)")
    for path in outcome.unchanged:
        _say(f"{path}: unchanged since its latest run (article, sources, models and settings); skipped")
    _say(f"[{time.monotonic() - started:.1f} s, {_db(args)}]")
    return 0


def _verify_articles(articles: list[Path], db: Path, only_changed: bool = False, dask_address: str | None = None):
    from sourcecheck.pipeline.plan import unchanged_outcome
    from sourcecheck.pipeline.settings import VerifySettings

    for article in articles:
        if not article.exists():
            raise SourcecheckError(f"{article}: no such file")
    settings = VerifySettings.from_env()
    # nothing changed: answer before importing Prefect or loading a model (a flow run costs seconds)
    if only_changed and (outcome := unchanged_outcome([str(a) for a in articles], str(db), settings)):
        return outcome
    from sourcecheck.claims.nlp import preload_nlp
    from sourcecheck.flows.verify import run_verification
    from sourcecheck.sources.embeddings import preload_embedder

    if not dask_address:  # on a cluster the workers load the models
        preload_embedder(settings.embedding_model)
        preload_nlp()
    return run_verification([str(a) for a in articles], str(db), settings, only_changed, dask_address)


def _serve(args: argparse.Namespace) -> int:
    from prefect.settings import PREFECT_API_URL

    from sourcecheck.pipeline.config import load_config

    config = load_config(args.config)
    if not PREFECT_API_URL.value():
        raise SourcecheckError("serve: no Prefect server configured; start one with `prefect server start --host "
                               "127.0.0.1` and set PREFECT_API_URL=http://127.0.0.1:4200/api")
    from prefect import serve

    from sourcecheck.flows.schedules import cron_of, deployments

    db = str(getattr(args, "db", None) or config.db or _db(args))
    built = deployments(config, db)
    _say(f"serve: {', '.join(f'{d.name} ({cron_of(d)})' for d in built)} on "
          f"{PREFECT_API_URL.value()}, warehouse {db}; Ctrl-C stops")
    serve(*built, print_starting_message=False)
    return 0


def _export(args: argparse.Namespace) -> int:
    from sourcecheck.pipeline.export import export_warehouse

    started = time.monotonic()
    counts = export_warehouse(_db(args), args.directory)
    _say(f"export: {len(counts)} tables, {sum(counts.values())} rows as Parquet in {args.directory} "
          f"[{time.monotonic() - started:.1f} s]")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from sourcecheck.warehouse.backup import backup_warehouse

    started = time.monotonic()
    size = backup_warehouse(_db(args), args.dest)
    _say(f"backup: {_db(args)} copied to {args.dest} ({size / 1e6:.1f} MB) [{time.monotonic() - started:.1f} s]")
    return 0


def _query(args: argparse.Namespace) -> int:
    from sourcecheck.warehouse import Warehouse

    given = {"timeout": args.timeout, "row_limit": args.limit}   # the defaults live with the guard
    limits = {name: value for name, value in given.items() if value is not None}
    if any(value <= 0 for value in limits.values()):
        raise SourcecheckError("query: --timeout and --limit must be above 0")
    with Warehouse.open(_db(args), read_only=True, user_sql=True) as wh:
        names, rows = wh.query(args.sql, **limits)
    sys.stdout.write(_format(names, rows, args.format))
    return 0


def _format(names: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        records = [{n: _json_safe(v) for n, v in zip(names, r, strict=True)} for r in rows]
        return json.dumps(records, default=_json_value, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(names)
        writer.writerows([[_cell(v) for v in r] for r in rows])
        return buffer.getvalue()
    cells = [[_cell(v, 60) for v in r] for r in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _cell(value, limit: int | None = None) -> str:
    text = "" if value is None else json.dumps(value, default=_json_value, ensure_ascii=False) \
        if isinstance(value, (list, dict)) else str(value)
    text = " ".join(text.split())
    if limit is not None:
        text = _printable(text)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _say(*lines: str, file: TextIO | None = None) -> None:
    """Every message and summary goes out through here, one line each with its control characters escaped: a
    file name, title or outlet can hold a newline or terminal escape codes (ESC, BEL)."""
    for line in lines:
        print(_printable(line), file=file or sys.stdout)


def _printable(text: str) -> str:
    """For a terminal: source text must not carry escape codes to it. Letters of any script stay as they are;
    control and format characters (C0, C1, bidi overrides) are written as escapes."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
                   if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}" for ch in text)


def _json_value(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _json_safe(value):
    """NaN and infinities are not JSON: they become null."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    return value


def _report(args: argparse.Namespace) -> int:
    from sourcecheck.reports.files import write_atomically
    from sourcecheck.reports.html import write_report
    from sourcecheck.reports.markdown import flagged_markdown
    from sourcecheck.reports.run_review import load_run_review
    from sourcecheck.warehouse import Warehouse

    with Warehouse.open(_db(args), read_only=True) as wh:
        run_id = args.run_id or wh.latest_run_id()
        if run_id is None:
            raise SourcecheckError(f"{_db(args)}: no verification run yet (run `sourcecheck verify ARTICLE`)")
        if args.format == "html":
            out = write_report(wh, run_id, args.out or Path("report.html"))
        elif args.out:
            out = write_atomically(args.out, flagged_markdown(load_run_review(wh, run_id)))
        else:  # the flagged list alone on standard output, to pipe into a ticket
            sys.stdout.write(flagged_markdown(load_run_review(wh, run_id)))
            return 0
    _say(f"report: {out} (run {run_id})")
    return 0


def _bench_wice(args: argparse.Namespace) -> int:
    from sourcecheck.evaluation.wice import run_wice_bench
    from sourcecheck.pipeline.settings import VerifySettings, verdict_rule_for
    from sourcecheck.scoring.registry import load_scorer

    _require_file(args.file)
    settings = VerifySettings.from_env()
    scorer = load_scorer(settings.scorer)
    return _print_json(run_wice_bench(args.file, scorer, settings.embedding_model, verdict_rule_for(scorer),
                                      args.fold, args.k, getattr(scorer, "partial_min", None)), args.out)


def _bench_pairs(args: argparse.Namespace) -> int:
    from sourcecheck.evaluation.pairs import run_pairs_bench
    from sourcecheck.scoring.entailment import configured_model, load_entailment_model

    _require_file(args.file)
    if args.every < 1:
        raise SourcecheckError("--every must be at least 1")
    model = load_entailment_model(*configured_model())
    return _print_json(run_pairs_bench(args.file, model, set(args.dataset) if args.dataset else None, args.every),
                       args.out)


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise SourcecheckError(f"{path}: no such file")


def _print_json(result: dict, out: Path | None) -> int:
    text = json.dumps(result, indent=1, ensure_ascii=False) + "\n"
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from sourcecheck.reports.summary import summary_lines

    if not EXAMPLES.is_dir():
        raise SourcecheckError(f"{EXAMPLES}: demo material not found (run the demo from a clone of the repository)")
    started = time.monotonic()
    db = _db(args)
    ingested = _ingest([EXAMPLES / "sources"], db)
    [run] = _verify_articles([EXAMPLES / "article.md"], db).runs
    summary = run.summary
    from sourcecheck.reports.html import write_report
    from sourcecheck.warehouse import Warehouse

    with Warehouse.open(db, read_only=True) as wh:
        write_report(wh, summary.run_id, args.out)
    _say("sourcecheck demo: the SCO Peace Mission 2012 article against illustrative sources",
         "(the demo's source documents were written for the demo and are not real reporting)",
         f"sources: {ingested.documents} documents, {ingested.stored} stored, {ingested.unchanged} unchanged",
         *summary_lines(summary),
         f"warehouse: {db}   report: {args.out}   [{time.monotonic() - started:.1f} s]",
         'try: sourcecheck query "SELECT status, count(*) FROM claim_status GROUP BY status"',
         "     sourcecheck review    (the flags awaiting a decision)")
    return 0


def _review(args: argparse.Namespace) -> int:
    from sourcecheck.reports.review import decide, find_claim, flag_lines, latest_reviews
    from sourcecheck.warehouse import Warehouse
    from sourcecheck.warehouse.runs import login_name

    if args.claim is None and (args.decision or args.note or args.reviewer):
        raise SourcecheckError("review: give the CLAIM_ID the decision is about (`sourcecheck review` lists them)")
    if args.claim is not None and args.all:
        raise SourcecheckError("review: --all lists flags; it takes no CLAIM_ID")
    if args.note and not args.decision:
        raise SourcecheckError("review: --note goes with a --decision (confirm or dismiss)")
    if args.decision is None:
        with Warehouse.open(_db(args), read_only=True) as wh:
            reviews = latest_reviews(wh)
            if args.claim is None:
                return _list_flags(reviews, args.all)
            review, claim = find_claim(reviews, args.claim)
            lines = flag_lines(review, claim, wh.decisions_of([claim.claim_id]))
        _say(*lines)
        return 0
    with Warehouse.open(_db(args)) as wh, wh.transaction():
        review, claim = find_claim(latest_reviews(wh), args.claim)
        record = decide(wh, review, claim, args.decision, args.note.strip(), args.reviewer or login_name())
    verb = {"confirm": "confirmed", "dismiss": "dismissed"}[record.decision]
    _say(f"review: flag {verb} on claim {record.claim_id[:8]} ({record.status}) by {record.reviewer}"
         f"{f': {record.note}' if record.note else ''}; it holds until the claim or its evidence changes")
    return 0


def _list_flags(reviews, include_decided: bool) -> int:
    from sourcecheck.reports.run_review import REVIEW_WORDS

    rows, awaiting, flagged = [], 0, 0
    for review in reviews:
        for c in review.flagged:
            flagged += 1
            awaiting += c.review_state == "pending"
            if include_decided or c.review_state == "pending":
                rows.append((c.claim_id[:8], c.claim["status"], REVIEW_WORDS[c.review_state],
                             ", ".join(c.claim["cited_outlets"]) or "-", c.claim["claim_text"]))
    if rows:
        sys.stdout.write(_format(["claim", "status", "review", "cited", "claim_text"], rows, "table"))
    _say(f"{awaiting} of {flagged} flags await review in {len(reviews)} article{'s' * (len(reviews) != 1)}; "
          "decide with: sourcecheck review CLAIM_ID --decision confirm|dismiss --note \"...\"")
    return 0


if __name__ == "__main__":
    sys.exit(main())
