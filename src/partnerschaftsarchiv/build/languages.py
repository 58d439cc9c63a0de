"""One engine process per language, side by side (one per core), each handed the archive the root validated.

Material's UI language, search language and `<html lang>` are per build, so every language is a build of its own.
The processes are started before the root validates, so their start-up runs meanwhile; they wait for the archive
on their standard input (`SNAPSHOT_ENV=stdin`), and are stopped if validation fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterable, Mapping

__all__ = ["LANGUAGE_ENV", "SNAPSHOT_ENV", "LanguageProcesses", "engine_command"]

LANGUAGE_ENV = "PARTNERSCHAFTSARCHIV_LANGUAGE"
# "stdin": the language build reads the archive the root validated from its standard input (loading/snapshot.py).
SNAPSHOT_ENV = "PARTNERSCHAFTSARCHIV_SNAPSHOT"


def engine_command(engine: str, config_file: str, strict: bool, quiet: bool) -> list[str]:
    """`python -m <engine> build …` for the engine that runs the root build (`mkdocs` or `properdocs`).

    Both take MkDocs 1.x's command line; the language builds must run the same engine as the root, or a
    ProperDocs build would silently be finished by MkDocs (or fail where MkDocs is not installed).
    """
    command = [sys.executable, "-m", engine, "build", "--config-file", config_file]
    if strict:
        command.append("--strict")
    if quiet:
        command.append("--quiet")
    return command


class LanguageProcesses:
    """The running language builds of one root build."""

    def __init__(self) -> None:
        self.runs: dict[str, subprocess.Popen] = {}
        self._senders: list[threading.Thread] = []

    def start(self, command: list[str], languages: Iterable[str], site_dir: str,
              env: Mapping[str, str] | None = None) -> None:
        """Start one build per language into `<site_dir>/<lang>/`; each waits for `send`."""
        self.stop()
        for lang in languages:
            child_env = {**os.environ, **(env or {}), LANGUAGE_ENV: lang, SNAPSHOT_ENV: "stdin"}
            out = os.path.join(site_dir, lang)
            self.runs[lang] = subprocess.Popen(command + ["--site-dir", out], env=child_env, stdin=subprocess.PIPE,
                                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def send(self, snapshot: bytes) -> None:
        """Hand the validated archive to every waiting build (in threads: a pipe holds less than a snapshot)."""

        def send(run: subprocess.Popen) -> None:
            try:
                run.stdin.buffer.write(snapshot)
                run.stdin.close()
            except (BrokenPipeError, ValueError):  # it stopped early; its own output says why
                pass

        self._senders = [threading.Thread(target=send, args=(run,), daemon=True) for run in self.runs.values()]
        for sender in self._senders:
            sender.start()

    def wait(self, report=None) -> list[str]:
        """Wait for every build, pass each line of its output to `report` marked `[lang]`; the languages that
        failed."""
        report = report or (lambda line: print(line, file=sys.stderr))
        for sender in self._senders:
            sender.join()
        runs, self.runs, self._senders = self.runs, {}, []
        failed = []
        for lang, run in runs.items():
            output = run.stdout.read()
            run.wait()
            for line in output.splitlines():
                if line.strip():
                    report(f"[{lang}] {line}")
            if run.returncode != 0:
                failed.append(lang)
        return failed

    def stop(self) -> None:
        """Stop the builds still running (the root failed after starting them)."""
        for run in self.runs.values():
            run.kill()
            run.wait()
        self.runs, self._senders = {}, []
