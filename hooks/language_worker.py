"""One language of `mkdocs serve`'s preview, kept running between rebuilds (core: `build.languages.LanguageWorkers`).

    python hooks/language_worker.py ENGINE CONFIG_FILE STRICT QUIET SITE_DIR

Reads one archive snapshot per rebuild from its standard input, runs a whole build of its language as
`ENGINE build` would (in this process, so Python, the engine, the theme and the core are loaded once), and answers
with whether it succeeded and what it logged. Ends when its input closes.

Its builds keep the site folder (the engine's "dirty" build): the hook puts the previous build's files back and
has the engine leave in place what it would make again byte for byte (build/kept_files.py, build/reuse.py).
"""

from __future__ import annotations

import gc
import importlib
import io
import json
import logging
import sys
import traceback

from partnerschaftsarchiv.build.languages import hand_over, read_frame, write_frame
from partnerschaftsarchiv.build.kept_files import KEPT_FILES
from partnerschaftsarchiv.build.reuse import LAYOUTS, PAGE_CONTEXTS, RENDERED_PAGES


class KeptFolderNotice(logging.Filter):
    """The engine warns of every build that keeps the site folder, as one that may leave stale pages; here the hook
    decides what stays (and a warning would fail a strict build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_NOTICE = KeptFolderNotice()


def build_language(config_file: str, site_dir: str, strict: bool, *, keep_folder: bool = True) -> None:
    """One build of the language as this worker runs each: the site folder kept, what stays decided by the hook.
    `keep_folder=False` builds as `ENGINE build` does (a test compares the two)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger(build.__module__).addFilter(_NOTICE)  # added once, however often this runs
    config = load_config(config_file=config_file, site_dir=site_dir, strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config, dirty=keep_folder)
    finally:
        config.plugins.on_shutdown()


class _Lines(logging.Formatter):
    """MkDocs' plain console format: `WARNING -  message`."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {super().format(record)}"


def main(engine: str, config_file: str, strict: str, quiet: str, site_dir: str) -> int:
    if engine != "mkdocs":
        importlib.import_module(f"{engine}.replacement")  # ProperDocs answers every `import mkdocs` with itself

    answers, sys.stdout = sys.stdout.buffer, sys.stderr  # nothing printed may land among the answers
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(_Lines())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet == "1" else logging.INFO)
    logger.propagate = False
    # This process builds again and again: render, lay out and index again only the pages that changed, and write
    # again only the files whose bytes changed.
    RENDERED_PAGES.enabled = PAGE_CONTEXTS.enabled = LAYOUTS.enabled = KEPT_FILES.enabled = True
    while (snapshot := read_frame(sys.stdin.buffer)) is not None:
        hand_over(snapshot)
        output.seek(0)
        output.truncate()
        ok = True
        try:
            build_language(config_file, site_dir, strict == "1")
        except SystemExit as stop:  # MkDocs' Abort (a click exception) after errors it has logged
            ok = False
            output.write(f"{stop}\n")
        except Exception as error:  # noqa: BLE001  (reported to the root, which shows it)
            ok = False
            output.write(f"ERROR   -  {error}\n{traceback.format_exc()}")
        write_frame(answers, json.dumps({"ok": ok, "output": output.getvalue()}).encode("utf-8"))
        # While the editor looks at the page: collect this build's garbage, then leave what lives on (the engine,
        # the memories above) out of the collector's passes during the next build (a tenth of a build at 500).
        gc.unfreeze()
        gc.collect()
        gc.freeze()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
