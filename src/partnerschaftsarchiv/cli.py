"""Command line: `python -m partnerschaftsarchiv validate` (also the `partnerschaftsarchiv` script)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loading import ArchiveInvalid, load_archive
from .project import Project


def _validate(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    try:
        result = load_archive(project.data_dir, project.root)
    except ArchiveInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return 1
    archive = result.archive
    if not args.quiet:
        for notice in result.notices:
            print(f"{notice}", file=sys.stderr)
        registries = sum(map(len, (archive.topics, archive.organizations, archive.people, archive.places,
                                   archive.sources)))
        print(f"OK: {len(archive.records)} records and {registries} registry entries are valid"
              + (f"; {len(result.notices)} translations to do" if result.notices else "") + ".")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="partnerschaftsarchiv", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check every record under data/; exit 1 on errors")
    validate.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    validate.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    validate.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    return args.run(args)
