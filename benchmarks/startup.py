"""How quickly commands answer: whole processes, against a bare ``import typer, pyoxigraph``.

    python benchmarks/startup.py [--rounds 9]

Each round runs the baseline and every command once, back to back, so that a machine that speeds up or
slows down meets all of them; the result is the median of each command's ratio to the baseline of its
round. ``benchmarks/run.py`` prints the same section.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

LIMIT = 4.0  # the ceiling: a command may take at most this many times the bare imports


def _seconds(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def bundled_build(work: Path) -> Path:
    """The bundled corpus built into ``work/startup-build``, as the README's first command builds it."""
    build = work / "startup-build"
    subprocess.run([sys.executable, "-m", "policygraph", "build", "--out", str(build), "--no-html"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return build


def measure(build: Path, rounds: int = 9) -> dict[str, list[float]]:
    """Seconds of each command per round, the baseline under ``"baseline"``."""
    policygraph = [sys.executable, "-m", "policygraph"]
    commands = {
        "baseline": [sys.executable, "-c", "import typer, pyoxigraph"],
        "policygraph --help": [*policygraph, "--help"],
        "policygraph query --name officials": [*policygraph, "query", "--name", "officials", "--store", str(build)],
    }
    for argv in commands.values():  # warm the file cache: the first run of a process reads its files from disk
        _seconds(argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            times[name].append(_seconds(argv))
    return times


def report(times: dict[str, list[float]]) -> list[str]:
    base = times["baseline"]
    baseline = 'python -c "import typer, pyoxigraph"'
    lines = [f"  {baseline:40s} {median(base) * 1000:7.0f} ms (the baseline)"]
    for name, seconds in times.items():
        if name == "baseline":
            continue
        ratio = median(s / b for s, b in zip(seconds, base, strict=True))
        verdict = "within" if ratio <= LIMIT else "over"
        lines.append(f"  {name:40s} {median(seconds) * 1000:7.0f} ms  ratio {ratio:4.1f} ({verdict} {LIMIT:g}x)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build = bundled_build(Path(tmp))
        print(f"command start-up on the bundled build (median of {args.rounds} interleaved rounds)")
        print("\n".join(report(measure(build, args.rounds))))


if __name__ == "__main__":
    main()
