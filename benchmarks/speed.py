"""Speed of doclint beside the peer tools it can install, over ../shared/corpus (a benchmark, never a test).

    bash benchmarks/install_peers.sh /tmp/doclint-peers      # once: pip and npm peers, outside the repo
    python benchmarks/speed.py [--peers /tmp/doclint-peers] [--corpus DIR] [--quick] [--json results.json]

Every tool runs as a command over the same files, one process, timed wall-clock and in CPU seconds (the CPU
figure is steadier on a shared machine). Slow peers run on an evenly spread sample of the files (the `sample`
column). Ratios are doclint's MB/s over the peer's, on the same kind of files. Then: `check --jobs 2` and
`corpus --jobs 2` against one job, the wall time of checking one 5 KB article, and doclint's peak memory on the
largest file and over the whole corpus in one process.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DOCLINT = [sys.executable, "-m", "doclint"]
# Python tools run as installed ones do, with their bytecode cached (an editable install compiles on first run).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Run:
    tool: str
    kind: str  # text, markdown or all
    files: int
    megabytes: float
    wall: float
    cpu: float
    sample: float = 1.0
    timed_out: bool = False  # stopped at the time limit: the rates are upper bounds

    @property
    def wall_rate(self) -> float:
        return self.megabytes / self.wall

    @property
    def cpu_rate(self) -> float:
        return self.megabytes / self.cpu


def corpus_files(corpus: Path) -> dict[str, list[str]]:
    text = sorted(str(p) for p in corpus.rglob("*.txt"))
    notes = {corpus / "README.md"} | {folder / "SOURCE.md" for folder in corpus.iterdir()}  # about the corpus
    markdown = sorted(str(p) for p in corpus.rglob("*.md") if p not in notes)
    return {"text": text, "markdown": markdown, "all": text + markdown}


def sample(files: list[str], fraction: float) -> list[str]:
    step = max(1, round(1 / fraction))
    return files[::step]


def timed(tool: str, kind: str, command: list[str], files: list[str], fraction: float = 1.0, cwd=None,
          limit: float | None = None) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        subprocess.run(command + files, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=limit)
        timed_out = False
    except subprocess.TimeoutExpired:
        timed_out = True
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    return Run(tool, kind, len(files), megabytes, wall, cpu, fraction, timed_out)


def peer_commands(peers: Path) -> list[tuple[str, str, list[str], float]]:
    """(tool, kind, command, sample fraction) for every installed peer."""
    venv, npm = peers / "venv" / "bin", peers / "npm" / "node_modules" / ".bin"
    textlint = [str(npm / "textlint"), "--no-color"]
    candidates = [
        ("codespell", "all", [str(venv / "codespell")], 1.0),
        ("textlint (one rule: no-todo)", "all", textlint + ["--rule", "no-todo"], 0.5),
        ("cspell", "all", [str(npm / "cspell"), "lint", "--no-progress", "--no-summary", "--no-color",
                           "--root", "/"], 0.5),  # without --root it skips files outside the working folder
        ("markdownlint-cli2", "markdown", [str(npm / "markdownlint-cli2")], 1.0),
        ("mdformat --check", "markdown", [str(venv / "mdformat"), "--check"], 1.0),
        ("proselint", "all", [str(venv / "proselint"), "check"], 0.2),
        ("textlint (prose: write-good, alex, common-misspellings)", "all",
         textlint + ["--rule", "write-good", "--rule", "alex", "--rule", "common-misspellings"], 0.05),
        ("PyMarkdown", "markdown", [str(venv / "pymarkdown"), "scan"], 0.05),
    ]
    return [c for c in candidates if Path(c[2][0]).exists()]


def latency(article: Path, runs: int = 11) -> float:
    """Median wall time of `doclint check article` as a pre-commit hook runs it: the installed `doclint` command
    (`python -m doclint` when there is none beside this Python)."""
    script = Path(sys.executable).with_name("doclint")
    command = ([str(script)] if script.exists() else DOCLINT) + ["check", str(article)]
    subprocess.run(command, stdout=subprocess.DEVNULL, cwd=ROOT, env=ENV)  # warm caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, cwd=ROOT, env=ENV)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_memory(path: str) -> float:
    """Peak resident memory (MB) of `doclint check` on one file, in a fresh process."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *DOCLINT, "check", path], capture_output=True, text=True,
                         cwd=ROOT, env=ENV)
    return int(out.stdout.strip()) / 1024


def write_jsonl(files: list[str], target: Path) -> None:
    with target.open("w", encoding="utf-8") as out:
        for path in files:
            try:
                text = Path(path).read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                continue
            out.write(json.dumps({"id": path, "text": text}, ensure_ascii=False) + "\n")


def table(runs: list[Run], doclint_rates: dict[str, tuple[float, float]]) -> str:
    lines = ["| tool | files | sample | MB | MB/s wall | MB/s CPU | doclint × (wall) | doclint × (CPU) |",
             "|---|---|---|---|---|---|---|---|"]
    for r in runs:
        wall_ratio = doclint_rates[r.kind][0] / r.wall_rate
        cpu_ratio = doclint_rates[r.kind][1] / r.cpu_rate
        bound, at_least = ("< ", "> ") if r.timed_out else ("", "")  # stopped at the limit
        lines.append(f"| {r.tool} ({r.kind}) | {r.files} | {r.sample:.0%} | {r.megabytes:.1f} | "
                     f"{bound}{r.wall_rate:.3f} | {bound}{r.cpu_rate:.3f} | {at_least}{wall_ratio:.1f} | "
                     f"{at_least}{cpu_ratio:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--peers", type=Path, default=Path("/tmp/doclint-peers"))
    parser.add_argument("--quick", action="store_true", help="a tenth of every file list (a smoke run)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--limit", type=float, default=300, help="seconds after which a peer is stopped")
    args = parser.parse_args()
    files = corpus_files(args.corpus)
    if args.quick:
        files = {kind: sample(paths, 0.1) for kind, paths in files.items()}
    check = DOCLINT + ["check", "--exit-zero", "--jobs", "1"]
    ours = [timed("doclint", kind, check, files[kind]) for kind in ("text", "markdown", "all")]
    rates = {r.kind: (r.wall_rate, r.cpu_rate) for r in ours}
    print(table(ours, rates), flush=True)
    whole_run_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest so far: 'all'
    peers = [timed(tool, kind, command, sample(files[kind], fraction), fraction, cwd=args.peers / "npm",
                   limit=args.limit)
             for tool, kind, command, fraction in peer_commands(args.peers)]
    print("\n## doclint and its peers, one process each\n")
    print(table(ours + peers, rates))

    two = timed("doclint --jobs 2", "all", DOCLINT + ["check", "--exit-zero", "--jobs", "2"], files["all"])
    print(f"\n## Scaling\ncheck --jobs 2: {two.wall_rate:.2f} MB/s wall, {two.wall_rate / rates['all'][0]:.2f}× one job")
    corpus_runs = {}
    with tempfile.TemporaryDirectory() as temp:
        source = Path(temp) / "corpus-text.jsonl"
        write_jsonl(files["text"], source)
        megabytes = source.stat().st_size / 1e6
        for jobs in (1, 2):
            started = time.perf_counter()
            subprocess.run(DOCLINT + ["corpus", str(source), "--out", f"{temp}/out{jobs}", "--jobs", str(jobs)],
                           stdout=subprocess.DEVNULL, check=True, env=ENV)
            corpus_runs[jobs] = megabytes / (time.perf_counter() - started)
    print(f"corpus (plain-text records as JSONL, {megabytes:.1f} MB): one job {corpus_runs[1]:.2f} MB/s, "
          f"two jobs {corpus_runs[2]:.2f} MB/s, {corpus_runs[2] / corpus_runs[1]:.2f}×")

    article = min((Path(p) for p in files["text"]), key=lambda p: abs(p.stat().st_size - 5000))
    wall = latency(article)
    largest = max(files["all"], key=os.path.getsize)
    peak, budget = peak_memory(largest), 3 * os.path.getsize(largest) / 1e6 + 80
    print(f"\n## One article\ncheck of a {article.stat().st_size / 1000:.1f} KB article: {wall * 1000:.0f} ms wall "
          f"(median of 11)\npeak memory on the largest file ({os.path.getsize(largest) / 1e6:.2f} MB): "
          f"{peak:.0f} MB (budget {budget:.0f} MB); over the whole corpus in one process: {whole_run_peak:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps({
            "runs": [vars(r) | {"wall_rate": r.wall_rate, "cpu_rate": r.cpu_rate} for r in ours + peers + [two]],
            "corpus_rates": corpus_runs, "latency_seconds": wall, "peak_megabytes": peak,
            "whole_run_peak_megabytes": whole_run_peak}, indent=1))


if __name__ == "__main__":
    main()
