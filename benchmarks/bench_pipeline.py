"""The analysis pass against the whole runner: CPU, wall time and peak memory, per corpus size.

    python benchmarks/bench_pipeline.py --articles 1000,10000      # what `make bench` runs
    make bench ARTICLES=100000

For each size, a corpus of generated seed-sized articles with a manifest (outlets and months)
is written once, then measured as separate processes: the analysis pass alone
(`analysis.analyse`), the runner with a cold cache (the pass plus every notebook), and the
runner again on the warm cache (notebooks only). CPU is user + system time of every process
involved; peak memory is the largest sum of resident memory over the process tree, sampled
every 0.1 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from common import make_corpus

PYTHON = sys.executable


def measure(command: list[str], env: dict[str, str]) -> dict:
    """Run `command`; return wall seconds, CPU seconds of its process tree and peak summed RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = psutil.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [proc, *proc.children(recursive=True)]
                total = 0
                for p in tree:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                peak = max(peak, total)
            except psutil.Error:
                pass
            time.sleep(0.1)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    done.set()
    watcher.join()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{err.decode()[-2000:]}")
    return {"wall": wall, "cpu": cpu, "peak_gib": peak / 2**30}


def row(label: str, n: int, m: dict) -> str:
    per = m["cpu"] / n * 1000
    return (
        f"{label:<34} {m['cpu']:9.1f} s CPU {m['wall']:8.1f} s wall {per:7.2f} ms CPU/article"
        f"  peak {m['peak_gib']:6.2f} GiB"
    )


def bench(n: int, workers: int | None) -> None:
    """Measure one corpus size and print the three rows and the runner/pass CPU ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        folder = make_corpus(tmp / f"generated-{n}", n=n, manifest=True)
        print(
            f"\n{n:,} generated articles with a manifest (written in {time.perf_counter() - t0:.0f} s)"
        )
        env = dict(os.environ, NEWSCORPUS_CACHE=str(tmp / "cache-pass"))
        w = [] if workers is None else [f", workers={workers}"]
        code = (
            "from newscorpus import analysis; "
            f"analysis.analyse({str(folder)!r}, progress=False{''.join(w)})"
        )
        alone = measure([PYTHON, "-c", code], env)
        print(row("analysis pass alone", n, alone))
        env = dict(os.environ, NEWSCORPUS_CACHE=str(tmp / "cache-runner"))
        command = [
            PYTHON,
            "-m",
            "newscorpus.run",
            "--corpus",
            str(folder),
            "--out",
            str(tmp / "out"),
            "--quiet",
        ]
        if workers is not None:
            command += ["--workers", str(workers)]
        cold = measure(command, env)
        print(row("runner, cold cache (pass + 6 nbs)", n, cold))
        warm = measure(command, env)
        print(row("runner, warm cache (notebooks)", n, warm))
        print(f"runner CPU / analysis-pass CPU: {cold['cpu'] / alone['cpu']:.2f}x (target ≤ 1.5x)")
        sizes = sorted(p.stat().st_size for p in (tmp / "out" / "figures").glob("*.png"))
        print(
            f"figures: {len(sizes)} PNGs, largest {sizes[-1] / 1e6:.2f} MB"
            if sizes
            else "no figures"
        )


def main() -> int:
    """Parse --articles (comma-separated sizes) and run each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", default="1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--workers", type=int, help="processes (default: every core)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB")
    for n in (int(x.replace("_", "")) for x in args.articles.split(",") if x.strip()):
        bench(n, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
