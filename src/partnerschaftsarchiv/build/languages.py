"""One engine process per language, side by side (one per core), each handed the archive the root validated.

Material's UI language, search language and `<html lang>` are per build, so every language is a build of its own.
The processes are started before the root validates, so their start-up runs meanwhile; they wait for the archive
on their standard input (`SNAPSHOT_ENV=stdin`), and are stopped if validation fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterable, Mapping
from typing import BinaryIO

__all__ = ["LANGUAGE_ENV", "SNAPSHOT_ENV", "HANDED", "LanguageProcesses", "LanguageWorkers", "engine_command",
           "hand_over", "take_handed", "read_frame", "write_frame"]

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


# The preview: language builds that stay ------------------------------------------------------------------------

# "handed": a language worker hands the archive to the build it runs in the same process (`hand_over`).
HANDED = "handed"
_handed: list[bytes] = []


def hand_over(snapshot: bytes) -> None:
    """In a language worker: the archive the next build in this process reads (`take_handed`)."""
    _handed[:] = [snapshot]


def take_handed() -> bytes:
    if not _handed:
        raise ValueError("no archive was handed over to this language build")
    return _handed.pop()


def write_frame(stream: BinaryIO, data: bytes) -> None:
    stream.write(len(data).to_bytes(8, "big") + data)
    stream.flush()


def read_frame(stream: BinaryIO) -> bytes | None:
    """One length-prefixed message, or None at the end of the stream."""
    head = stream.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "big")
    data = stream.read(size)
    if len(data) < size:
        return None
    return data


class LanguageWorkers:
    """`serve`: one process per language that stays between rebuilds and builds again on every new archive.

    A rebuild then skips starting Python, importing the engine, the theme and the core, per language and per save.
    Every rebuild is still a whole build of the language, so no page can be left stale. Same calls as
    `LanguageProcesses`.
    """

    def __init__(self) -> None:
        self.runs: dict[str, subprocess.Popen] = {}
        self._command: list[str] = []
        self._senders: list[threading.Thread] = []
        self._pending = False

    def start(self, command: list[str], languages: Iterable[str], site_dir: str,
              env: Mapping[str, str] | None = None) -> None:
        """Start the workers, unless the same ones run already (`command` gets the language's folder appended)."""
        languages = list(languages)
        if command == self._command and list(self.runs) == languages and self._alive():
            return
        self.close()
        self._command = command
        for lang in languages:
            child_env = {**os.environ, **(env or {}), LANGUAGE_ENV: lang, SNAPSHOT_ENV: HANDED}
            self.runs[lang] = subprocess.Popen(command + [os.path.join(site_dir, lang)], env=child_env,
                                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def _alive(self) -> bool:
        return all(run.poll() is None for run in self.runs.values())

    def send(self, snapshot: bytes) -> None:
        def send(run: subprocess.Popen) -> None:
            try:
                write_frame(run.stdin, snapshot)
            except (BrokenPipeError, ValueError):  # it stopped; `wait` reports it
                pass

        self._pending = True
        self._senders = [threading.Thread(target=send, args=(run,), daemon=True) for run in self.runs.values()]
        for sender in self._senders:
            sender.start()

    def wait(self, report=None) -> list[str]:
        report = report or (lambda line: print(line, file=sys.stderr))
        for sender in self._senders:
            sender.join()
        self._senders, self._pending = [], False
        failed = []
        for lang, run in self.runs.items():
            answer = read_frame(run.stdout)
            if answer is None:  # the worker died: start afresh next time
                report(f"[{lang}] the language build stopped (exit {run.wait()})")
                failed.append(lang)
                continue
            result = json.loads(answer)
            for line in result["output"].splitlines():
                if line.strip():
                    report(f"[{lang}] {line}")
            if not result["ok"]:
                failed.append(lang)
        return failed  # a worker that died is started afresh by the next `start`

    def stop(self) -> None:
        """The root failed: workers that got an archive finish that build unseen; nothing was sent otherwise."""
        if self._pending:
            self.wait(lambda line: None)

    def close(self) -> None:
        for run in self.runs.values():
            try:
                run.stdin.close()
            except OSError:
                pass
            try:
                run.wait(timeout=10)
            except subprocess.TimeoutExpired:
                run.kill()
                run.wait()
        self.runs, self._command = {}, []
