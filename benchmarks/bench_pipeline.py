"""The analysis pass against the whole runner: CPU, wall time and peak memory, per corpus size.

    python benchmarks/bench_pipeline.py --articles 1000,10000      # what `make bench` runs
    make bench ARTICLES=100000

    python benchmarks/bench_pipeline.py --articles 10000 --dask 1,2   # + local Dask workers
    python benchmarks/bench_pipeline.py --articles 100000 --corpora /tmp/corpora  # reuse corpora

For each size, a corpus of generated seed-sized articles with a manifest (outlets and months)
is written once (under `--corpora` or $NEWSCORPUS_BENCH_CORPORA it is kept and reused), then
measured as separate processes: the analysis pass alone (`analysis.analyse`) with its stages
(read, each analysis: CPU summed over workers, from stats.json, and a worker's peak memory
once the stage is done), the runner with a cold cache (the pass plus every notebook) and again
on the warm cache (notebooks only; sizes up to 20,000 unless --runner), and with --dask the
pass on a `distributed.LocalCluster` of 1, 2, … worker processes. CPU is user + system time of
every process involved; peak memory is the largest sum of resident memory over the process
tree, sampled every 0.1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from common import make_corpus

PYTHON = sys.executable
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def measure(command: list[str], env: dict[str, str]) -> dict:
    """Run `command`; return wall seconds, CPU seconds of its process tree, its peak summed
    RSS and its peak summed PSS (proportional set size: a page shared by forked processes is
    counted once in all, where RSS counts it in each; what the machine really holds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = psutil.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.is_set():
            try:
                tree = [proc, *proc.children(recursive=True)]
                total = total_pss = 0
                for p in tree:
                    try:
                        total += p.memory_info().rss
                        total_pss += p.memory_full_info().pss
                    except psutil.Error:
                        pass
                peak = max(peak, total)
                peak_pss = max(peak_pss, total_pss)
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
    return {"wall": wall, "cpu": cpu, "peak_gib": peak / 2**30, "peak_pss_gib": peak_pss / 2**30}


def row(label: str, n: int, m: dict) -> str:
    per = m["cpu"] / n * 1000
    return (
        f"{label:<34} {m['cpu']:9.1f} s CPU {m['wall']:8.1f} s wall {per:7.2f} ms CPU/article"
        f"  peak {m['peak_gib']:6.2f} GiB RSS {m['peak_pss_gib']:6.2f} GiB PSS"
    )


def corpus_of(n: int, corpora: Path) -> Path:
    """The generated corpus of `n` articles under `corpora`, written once (complete or not)."""
    folder = corpora / f"generated-{n}"
    done = folder / ".complete"
    if not done.exists():
        t0 = time.perf_counter()
        make_corpus(folder, n=n, manifest=True)
        done.write_text("ok\n")
        print(f"  (corpus written in {time.perf_counter() - t0:.0f} s)")
    return folder


def stages(n: int, cache: Path) -> None:
    """Print the pass's stages from its stats.json: CPU summed over workers, worker peak."""
    (stats_file,) = cache.glob("*/stats.json")
    stats = json.loads(stats_file.read_text())
    cpu = {"read": stats["read_cpu_s"], **stats["analysis_cpu_s"]}
    peak = stats.get("worker_peak_mib", {})
    for stage, seconds in cpu.items():
        print(
            f"  stage {stage:<14} {seconds:9.1f} s CPU {seconds / n * 1000:7.2f} ms/article"
            f"  worker peak after it {peak.get(stage, float('nan')) / 1024:5.2f} GiB"
        )
    print(f"  ({stats['partitions']} partitions)")


def dask_pass(n: int, folder: Path, tmp: Path, n_workers: int) -> None:
    """The pass on a LocalCluster of `n_workers` single-threaded worker processes."""
    cache = tmp / f"cache-dask-{n_workers}"
    code = (
        "import distributed; from newscorpus import analysis\n"
        f"with distributed.LocalCluster(n_workers={n_workers}, threads_per_worker=1, "
        "processes=True, dashboard_address=None) as c:\n"
        f"    analysis.analyse({str(folder)!r}, cache={str(cache)!r}, progress=False, "
        "scheduler=c.scheduler_address)"
    )
    m = measure([PYTHON, "-c", code], dict(os.environ))
    print(row(f"pass on Dask, {n_workers} worker(s)", n, m) + f"  {n / m['wall']:6.1f} articles/s")
    shutil.rmtree(cache, ignore_errors=True)


def bench(
    n: int,
    workers: int | None,
    corpora: Path | None,
    runner: bool,
    dask: list[int],
    per_notebook: bool = False,
) -> None:
    """Measure one corpus size: the pass and its stages, the runner, the pass on Dask."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print(f"\n{n:,} generated articles with a manifest")
        folder = corpus_of(n, corpora or tmp)
        env = dict(os.environ, NEWSCORPUS_CACHE=str(tmp / "cache-pass"))
        w = [] if workers is None else [f", workers={workers}"]
        code = (
            "from newscorpus import analysis; "
            f"analysis.analyse({str(folder)!r}, progress=False{''.join(w)})"
        )
        alone = measure([PYTHON, "-c", code], env)
        print(row("analysis pass alone", n, alone))
        stages(n, tmp / "cache-pass")
        shutil.rmtree(tmp / "cache-pass", ignore_errors=True)
        for k in dask:
            dask_pass(n, folder, tmp, k)
        if not runner:
            return
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
        n_nbs = len(list(NOTEBOOKS.glob("[0-9]*.ipynb")))
        print(row(f"runner, cold cache (pass + {n_nbs} nbs)", n, cold))
        warm = measure(command, env)
        print(row("runner, warm cache (notebooks)", n, warm))
        print(f"runner CPU / analysis-pass CPU: {cold['cpu'] / alone['cpu']:.2f}x (target ≤ 1.5x)")
        print(
            f"notebooks (warm) CPU / analysis-pass CPU: {warm['cpu'] / alone['cpu']:.2f}x "
            "(target ≤ 0.5x)"
        )
        if per_notebook:
            for notebook in sorted(NOTEBOOKS.glob("[0-9]*.ipynb")):
                one = measure([*command, "--only", notebook.stem, "--workers", "1"], env)
                print(row(f"  {notebook.stem}, warm, alone", n, one))
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
    parser.add_argument(
        "--corpora",
        type=Path,
        default=os.environ.get("NEWSCORPUS_BENCH_CORPORA") or None,
        help="keep generated corpora here and reuse them (default: a temporary folder)",
    )
    parser.add_argument(
        "--runner",
        choices=("auto", "yes", "no"),
        default="auto",
        help="also run the whole runner (auto: for sizes up to 20,000)",
    )
    parser.add_argument("--dask", default="", help="local Dask worker counts, e.g. 1,2")
    parser.add_argument(
        "--per-notebook",
        action="store_true",
        help="also run each notebook alone on the warm cache (its CPU and peak memory)",
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB")
    dask = [int(x) for x in args.dask.split(",") if x.strip()]
    for n in (int(x.replace("_", "")) for x in args.articles.split(",") if x.strip()):
        runner = args.runner == "yes" or (args.runner == "auto" and n <= 20_000)
        bench(n, args.workers, args.corpora, runner, dask, args.per_notebook)
    return 0


if __name__ == "__main__":
    sys.exit(main())
