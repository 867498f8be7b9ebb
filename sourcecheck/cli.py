"""The `sourcecheck` command: argument parsing, messages and exit codes; the flows do the work."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import sys
import time
from pathlib import Path

from sourcecheck import __version__
from sourcecheck.errors import SourcecheckError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "peace-mission-2012"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.handler(args)
    except SourcecheckError as exc:
        print(f"sourcecheck: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not bad input: still one line, with the way to the traceback
        if os.environ.get("SOURCECHECK_DEBUG"):
            raise
        print(f"sourcecheck: internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
              "(set SOURCECHECK_DEBUG=1 for the traceback)", file=sys.stderr)
        return 70
    except KeyboardInterrupt:
        print("sourcecheck: interrupted; the warehouse is unchanged by the unfinished step", file=sys.stderr)
        return 130


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
    add = sources_commands.add_parser("add", parents=[common], help="ingest source files or directories")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add.set_defaults(handler=_sources_add)

    verify = commands.add_parser("verify", parents=[common], help="verify one or more articles")
    verify.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE")
    verify.set_defaults(handler=_verify)

    query = commands.add_parser("query", parents=[common], help="run read-only SQL against the warehouse")
    query.add_argument("sql")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.set_defaults(handler=_query)

    report = commands.add_parser("report", parents=[common], help="write the reviewer report of the latest run")
    report.add_argument("--out", type=Path, default=Path("report.html"))
    report.add_argument("--run", dest="run_id", help="a run id (default: the latest run)")
    report.set_defaults(handler=_report)

    demo = commands.add_parser("demo", parents=[common], help="ingest the demo sources and verify the seed article")
    demo.add_argument("--out", type=Path, default=Path("report.html"))
    demo.set_defaults(handler=_demo)
    return parser


def _db(args: argparse.Namespace) -> Path:
    from warehouse import default_db_path

    return getattr(args, "db", None) or default_db_path()


def _sources_add(args: argparse.Namespace) -> int:
    started = time.monotonic()
    summary = _ingest(args.paths, _db(args))
    print(f"sources: {summary.documents} documents from {summary.files} files; {summary.stored} stored "
          f"({summary.passages} passages, {summary.embedded} new vectors), {summary.unchanged} unchanged"
          + (f", {summary.removed} removed" if summary.removed else "")
          + (f"; {summary.skipped} file{'s' * (summary.skipped != 1)} of other types skipped" if summary.skipped else "")
          + f" [{time.monotonic() - started:.1f} s, {_db(args)}]")
    return 0


def _ingest(paths: list[Path], db: Path):
    from flows.ingest import ingest_sources
    from sources.embeddings import preload_embedder
    from sourcecheck.settings import VerifySettings

    model = VerifySettings.from_env().embedding_model
    preload_embedder(model)
    return ingest_sources([str(p) for p in paths], str(db), model)


def _verify(args: argparse.Namespace) -> int:
    from reports.summary import summary_lines

    started = time.monotonic()
    for summary in _verify_articles(args.articles, _db(args)):
        print("\n".join(summary_lines(summary)))
    print(f"[{time.monotonic() - started:.1f} s, {_db(args)}]")
    return 0


def _verify_articles(articles: list[Path], db: Path):
    from flows.verify import verify_all
    from sourcecheck.settings import VerifySettings

    from claims.nlp import preload_nlp
    from sources.embeddings import preload_embedder

    for article in articles:
        if not article.exists():
            raise SourcecheckError(f"{article}: no such file")
    settings = VerifySettings.from_env()
    preload_embedder(settings.embedding_model)
    preload_nlp()
    return verify_all([str(a) for a in articles], str(db), settings)


def _query(args: argparse.Namespace) -> int:
    from warehouse import Warehouse

    with Warehouse.open(_db(args), read_only=True) as wh:
        names, rows = wh.query(args.sql)
    sys.stdout.write(_format(names, rows, args.format))
    return 0


def _format(names: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        records = [{n: _json_safe(v) for n, v in zip(names, r)} for r in rows]
        return json.dumps(records, default=_json_value, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(names)
        writer.writerows([[_cell(v) for v in r] for r in rows])
        return buffer.getvalue()
    cells = [[_cell(v, 60) for v in r] for r in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _cell(value, limit: int | None = None) -> str:
    text = "" if value is None else json.dumps(value, default=_json_value, ensure_ascii=False) \
        if isinstance(value, (list, dict)) else str(value)
    text = " ".join(text.split())
    if limit is not None:  # a terminal: source text must not carry escape codes to it
        text = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


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
    from reports.html import write_report
    from warehouse import Warehouse

    with Warehouse.open(_db(args), read_only=True) as wh:
        run_id = args.run_id or wh.latest_run_id()
        if run_id is None:
            raise SourcecheckError(f"{_db(args)}: no verification run yet (run `sourcecheck verify ARTICLE`)")
        out = write_report(wh, run_id, args.out)
    print(f"report: {out} (run {run_id})")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from reports.summary import summary_lines

    if not EXAMPLES.is_dir():
        raise SourcecheckError(f"{EXAMPLES}: demo material not found (run the demo from a clone of the repository)")
    started = time.monotonic()
    db = _db(args)
    ingested = _ingest([EXAMPLES / "sources"], db)
    [summary] = _verify_articles([EXAMPLES / "article.md"], db)
    from reports.html import write_report
    from warehouse import Warehouse

    with Warehouse.open(db, read_only=True) as wh:
        write_report(wh, summary.run_id, args.out)
    print("sourcecheck demo: the SCO Peace Mission 2012 article against illustrative sources")
    print("(the demo's source documents were written for the demo and are not real reporting)")
    print(f"sources: {ingested.documents} documents, {ingested.stored} stored, {ingested.unchanged} unchanged")
    print("\n".join(summary_lines(summary)))
    print(f"warehouse: {db}   report: {args.out}   [{time.monotonic() - started:.1f} s]")
    print('try: sourcecheck query "SELECT status, count(*) FROM claim_status GROUP BY status"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
