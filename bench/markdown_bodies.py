"""Benchmark: rendering record bodies of pathological Markdown, 100 KB each.

    python bench/markdown_bodies.py [--size 100000] [--timeout 60] [--shipped]

Each case is one body of `--size` characters built from a hostile pattern (runs of brackets, nested lists and
quotes, emphasis and code markers, thousands of links). It is measured twice: as one unbounded text (which the loader
refuses, see loading/markdown_limits.py) and cut into paragraphs within the loader's bounds (which it accepts, so
those must render in linear time). `--shipped` renders with Python-Markdown as shipped (the same extensions, none of
the archive's changes), the state before the archive bounded its link parsing. A case that runs over `--timeout`
seconds of CPU time is stopped and reported as such. One render per case: the numbers are CPU seconds of the
process (steadier than wall time on a shared machine).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from partnerschaftsarchiv.loading.markdown_limits import (  # noqa: E402
    MAX_BRACKETS, MAX_NESTING, MAX_PARAGRAPH, markdown_problem,
)
from partnerschaftsarchiv.rendering.markdown_text import SafeMarkdown  # noqa: E402

# name → (a unit repeated to fill a paragraph, or a function of the size for nesting)
UNITS = {
    "open brackets": "[",
    "closed bracket nests": "[[[[[[[[a]]]]]]]] ",
    "unclosed link addresses": "[a](",
    "links": "[a](https://example.org/) ",
    "link with nested address": "[a](((((",
    "emphasis alternating": "*a_",
    "strong runs": "**a ",
    "code markers": "`a ``b ",
    "autolink starts": "<http://a ",
    "plain words": "Wort ",
}


def nested_lists(depth: int, size: int) -> str:
    return "".join("    " * (i % depth) + "- Ebene\n" for i in range(size // 8))


def nested_quotes(depth: int, size: int) -> str:
    """Quotes `depth` levels deep, a blank line after each (one paragraph would outgrow the paragraph bound)."""
    return "".join("".join(">" * (1 + level) + " Zitat\n" for level in range(depth)) + "\n"
                   for _ in range(size // (depth * 12)))


def deepest_lists(size: int) -> str:
    """One list nested as deep as `size` characters allow."""
    lines, total = [], 0
    while total < size:
        lines.append("    " * len(lines) + "- x\n")
        total += len(lines[-1])
    return "".join(lines)


def unbounded(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def bounded(unit: str, size: int) -> str:
    """Paragraphs as long as the bounds allow, as many as fill `size`."""
    per_paragraph = min((MAX_PARAGRAPH - 10) // len(unit),
                        MAX_BRACKETS // max(1, unit.count("[") + unit.count("]")) if "[" in unit or "]" in unit
                        else 10**9)
    paragraph = (unit * per_paragraph).rstrip()
    text = "\n\n".join([paragraph] * (size // (len(paragraph) + 2) + 1))[:size]
    return text[: text.rfind("\n\n")] if len(text) == size else text


def cases(size: int) -> list[tuple[str, str, str]]:
    result = []
    for name, unit in UNITS.items():
        result.append((name, "one paragraph", unbounded(unit, size)))
        result.append((name, "bounded paragraphs", bounded(unit, size)))
    deepest = deepest_lists(size)
    result.append(("nested lists", f"{deepest.count(chr(10))} levels", deepest))
    result.append(("nested lists", f"{MAX_NESTING} levels", nested_lists(MAX_NESTING, size)[:size].rsplit("\n", 1)[0]))
    result.append(("nested quotes", f"{size // 2} levels", ">" * (size // 2) + " x\n"))
    result.append(("nested quotes", f"{MAX_NESTING} levels", nested_quotes(MAX_NESTING, size)[:size].rsplit("\n", 1)[0]))
    return result


class _Timeout(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _Timeout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--shipped", action="store_true", help="Python-Markdown as shipped, for comparison")
    args = parser.parse_args()
    if args.shipped:
        import markdown

        shipped = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        render = lambda text: shipped.reset().convert(text)  # noqa: E731
    else:
        render = SafeMarkdown().render
    signal.signal(signal.SIGPROF, _alarm)
    print(f"| pattern | shape | characters | loader | seconds ({'shipped' if args.shipped else 'archive'}) |")
    print("| --- | --- | ---: | --- | ---: |")
    for name, shape, text in cases(args.size):
        verdict = "refused" if markdown_problem(text) else "accepted"
        signal.setitimer(signal.ITIMER_PROF, args.timeout)
        start = time.process_time()
        try:
            render(text)
            seconds = f"{time.process_time() - start:.3f}"
        except _Timeout:
            seconds = f"> {args.timeout} (stopped)"
        except RecursionError:
            seconds = f"RecursionError after {time.process_time() - start:.1f}"
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        print(f"| {name} | {shape} | {len(text):,} | {verdict} | {seconds} |", flush=True)


if __name__ == "__main__":
    main()
