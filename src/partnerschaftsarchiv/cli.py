"""Command line (also the `partnerschaftsarchiv` script): `validate` the records, scaffold a `new` record, report
the translation `status`, `render` one language as plain files for any static engine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loading import ArchiveInvalid, LoadResult, checked_date, load_archive
from .loading.provenance import WARNING
from .project import Project
from .structure import EdtfError, RecordKind
from .workflow.report import FORMATS, format_report
from .workflow.changes import ChangesUnknown, changed_paths
from .workflow.translation_status import collect_status
from .workflow.scaffold import RecordDraft, ScaffoldError, status_choices, write_skeleton


def _load(project: Project) -> LoadResult | None:
    """The validated archive, or None after printing every error."""
    try:
        return load_archive(project.data_dir, project.root)
    except ArchiveInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return None


def _validate(args: argparse.Namespace) -> int:
    result = _load(Project.at(args.root))
    if result is None:
        return 1
    archive = result.archive
    if not args.quiet:
        for notice in result.notices:
            print(f"{notice}", file=sys.stderr)
        registries = sum(map(len, (archive.topics, archive.organizations, archive.people, archive.places,
                                   archive.sources)))
        warnings = sum(1 for notice in result.notices if notice.message.startswith(WARNING))
        todo = len(result.notices) - warnings
        print(f"OK: {len(archive.records)} records and {registries} registry entries are valid"
              + (f"; {warnings} warning{'s' if warnings != 1 else ''}" if warnings else "")
              + (f"; {todo} translation{'s' if todo != 1 else ''} to do" if todo else "") + ".")
    return 0


def _status(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    result = _load(project)
    if result is None:
        return 1
    only = None
    if args.changed:
        try:
            changed = changed_paths(project.root, args.base)
        except ChangesUnknown as error:
            print(f"error: --changed needs git and the branch {args.base!r}: {error}", file=sys.stderr)
            return 2
        # Entry paths are as validate prints them: relative to the project folder.
        only = {path for path in changed if path.startswith("data/")}
    report = collect_status(result.archive, project.translations_dir, project.languages, only)
    sys.stdout.write(format_report(report, args.format, changed_against=args.base if args.changed else None))
    return 0 if report.ok else 1


def _ask(question: str) -> str | None:
    """One answer from the terminal; an empty answer or end of input means "leave it out"."""
    try:
        return input(f"{question}: ").strip() or None
    except EOFError:
        return None


def _new(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    kind = RecordKind(args.kind)
    interactive = sys.stdin.isatty() and not args.no_input
    date_text = args.date
    while True:
        if date_text is None and interactive:
            date_text = _ask("Date / Datum / Дата (EDTF: 2017-06-04, 2017-06-04/2017-06-09, 2007-04, 2017-23, 2017)")
        if date_text is None:
            print("error: --date is required (EDTF, e.g. 2017-06-04/2017-06-09 or 2017-23 for autumn 2017)",
                  file=sys.stderr)
            return 2
        try:
            date = checked_date(date_text)  # the dates `validate` accepts, no more
            break
        except EdtfError as error:
            print(f"error: date: {error}", file=sys.stderr)
            if not interactive:
                return 2
            date_text = None
    place, status, sources = args.place, args.status, list(args.source or [])
    if interactive:
        if place is None:
            place = _ask("Place / Ort / Место (id under data/places/, e.g. berlin; empty: none)")
        if status is None:
            status = _ask(f"Status ({' | '.join(status_choices(kind))}; empty: {status_choices(kind)[0]})")
        if not sources:
            source = _ask("Source / Quelle / Источник (id under data/sources/; empty: add later)")
            sources = [source] if source else []
    draft = RecordDraft(kind, date, place, status, tuple(sources), args.slug, args.id)
    try:
        path = write_skeleton(draft, project.data_dir, project.translations_dir)
    except ScaffoldError as error:
        for line in str(error).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return 1
    print(f"created {path.relative_to(project.root).as_posix()}: replace the placeholder texts, then run "
          f"`python -m partnerschaftsarchiv validate`")
    return 0


def _render(args: argparse.Namespace) -> int:
    import os

    from .build import BuildFailed
    from .build.render import render_language
    from .exports import build_time
    from .publishing import SiteAddress

    project = Project.at(args.root)
    if args.lang not in project.languages:
        print(f"error: --lang must be one of {', '.join(project.languages)}", file=sys.stderr)
        return 2
    address = SiteAddress(os.environ.get("PARTNERSCHAFTSARCHIV_SITE_URL", ""))
    try:
        count = render_language(project, args.lang, args.out, build_time(os.environ.get("SOURCE_DATE_EPOCH")),
                                address)
    except BuildFailed as failed:
        print(str(failed), file=sys.stderr)
        return 1
    print(f"wrote {count} generated pages of '{args.lang}' to {args.out}/docs/ and {args.out}/mkdocs.yml")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="partnerschaftsarchiv", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check every record under data/; exit 1 on errors")
    validate.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    validate.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    validate.set_defaults(run=_validate)
    new = sub.add_parser("new", help="write the skeleton of a new record; never overwrites",
                         description="Write data/<kind>s/<id>.yml with every field explained. The id is derived "
                                     "from date and place: 2017-06-moskau (month or day), 2017-herbst-berlin "
                                     "(season), 2017-berlin (year), 2014-2016-berlin (years), plus --slug WORD.")
    new.add_argument("kind", choices=[k.value for k in RecordKind], help="what to add")
    new.add_argument("--date", help="EDTF date as the source gives it: 2017-06-04/2017-06-09, 2007-04, 2017-23")
    new.add_argument("--place", help="place id under data/places/, e.g. berlin")
    new.add_argument("--status", help="status as the source states it (default: the first allowed value)")
    new.add_argument("--source", action="append", help="source id under data/sources/ (repeat for several)")
    new.add_argument("--slug", help="an extra word for the id, to tell two records of one month and place apart")
    new.add_argument("--id", help="give the id instead of deriving it (e.g. 2017-05-12-berlin-arbeitstreffen)")
    new.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    new.add_argument("--no-input", action="store_true", help="never ask, even in a terminal")
    new.set_defaults(run=_new)
    status = sub.add_parser("status", help="list the texts still to translate or review; exit 1 on untranslated "
                                           "or fuzzy UI strings")
    status.add_argument("--format", choices=sorted(FORMATS), default="text",
                        help="text (default) or markdown (a pull request's job summary)")
    status.add_argument("--changed", action="store_true",
                        help="only the entries this branch changed against the main branch (git)")
    status.add_argument("--base", default="main", help="the branch --changed compares with (default: main)")
    status.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    status.set_defaults(run=_status)
    render = sub.add_parser("render", help="write one language's pages, assets and exports as plain files",
                            description="Write every generated page of one language (already translated, as "
                                        "Markdown with HTML bodies), its hand-written pages, assets and exports "
                                        "to OUT/docs/, and a plain OUT/mkdocs.yml, for any static engine.")
    render.add_argument("--lang", required=True, help="language code, e.g. de")
    render.add_argument("--out", type=Path, required=True, help="a new or empty folder")
    render.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    render.set_defaults(run=_render)
    args = parser.parse_args(argv)
    return args.run(args)
