"""Where the analysis pass's partition jobs run: in this process, a process pool or a Dask
cluster; and how many articles a partition gets."""

from __future__ import annotations

import os
import resource
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed

PARTITION_SIZE = 2000
WORKERS_ENV = "NEWSCORPUS_WORKERS"


def default_workers() -> int:
    """How many processes a step may start when the caller names none: the environment's
    $NEWSCORPUS_WORKERS (the runner sets 1 in the kernels it runs side by side, so two
    notebooks do not each fork a pool), else every core. Raises ValueError for a value that
    is not a whole number of at least 1."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    if not value:
        return os.cpu_count() or 1
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"${WORKERS_ENV}={value!r}: expected a whole number of processes ≥ 1")
    return int(value)


def release_memory() -> None:
    """Return memory this process has freed to the system: Arrow's pool and glibc's heap
    (`malloc_trim`; other C libraries have none, and nothing is done). A long-lived process
    (the runner after the pass, a kernel between notebooks) otherwise keeps its high-water mark.
    """
    import ctypes
    import gc

    import pyarrow

    gc.collect()
    pyarrow.default_memory_pool().release_unused()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (AttributeError, OSError):
        pass


def peak_mib() -> float:
    """This process's peak resident memory so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _progress(total: int, desc: str, enabled: bool):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=" articles", unit_scale=False, file=sys.stderr)


def execute(
    jobs: list[dict],
    sizes: list[int],
    workers: int,
    scheduler: str | None,
    progress: bool,
    desc: str,
    fn,
) -> list[dict]:
    """Run partition jobs (in-process, a process pool, or a Dask cluster); results in order.

    `fn` is the job function (a top-level function, so processes can receive it)."""
    bar = _progress(sum(sizes), desc, progress)
    results: list[dict | None] = [None] * len(jobs)

    def done(i: int, result: dict) -> None:
        results[i] = result
        if bar is not None:
            bar.update(sizes[i])

    try:
        if scheduler:
            _on_cluster(scheduler, jobs, done, fn)
        elif workers > 1 and len(jobs) > 1:
            with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
                futures = {pool.submit(fn, job): i for i, job in enumerate(jobs)}
                for future in as_completed(futures):
                    done(futures[future], future.result())
        else:
            for i, job in enumerate(jobs):
                done(i, fn(job))
    finally:
        if bar is not None:
            bar.close()
    return results


def _on_cluster(scheduler: str, jobs: list[dict], done, fn) -> None:
    """Send each partition job to an existing Dask cluster.

    A job names its input and output by path, so every worker must see the corpus and the
    cache folder at the same paths (a shared file system).
    """
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - dask is in requirements.txt
        raise RuntimeError("scheduler= needs the dask and distributed packages") from exc
    with Client(scheduler, set_as_default=False) as client:
        futures = [client.submit(fn, job, pure=False) for job in jobs]
        for i, future in enumerate(futures):  # in order: the client is not the default one
            done(i, future.result())


def balanced_size(n: int, slots: int) -> int:
    """Articles per partition: at most PARTITION_SIZE, in rounds that keep every slot busy.

    10,000 articles on 2 workers: 6 partitions of 1,667 (3 full rounds), not 5 of 2,000.
    """
    rounds = max(1, -(-n // (slots * PARTITION_SIZE)))
    return max(1, -(-n // (slots * rounds)))


def cluster_slots(scheduler: str) -> int:
    """How many tasks a Dask cluster runs at once (its worker threads)."""
    from distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        return max(1, sum(client.nthreads().values()))
