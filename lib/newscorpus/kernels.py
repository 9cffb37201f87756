"""One Jupyter kernel per runner process, reused from notebook to notebook.

Starting a kernel and importing pandas, matplotlib, seaborn (with scipy) and the library costs a
notebook 5-8 s CPU before it reads a table, the same for five articles or 100,000. The runner
(`newscorpus.run`) pays it once per worker process instead of once per notebook: each worker
keeps one kernel and, between notebooks, puts it back as a fresh kernel would be (`reset`, run
inside the kernel): the user namespace emptied (IPython's `%reset -f`, in a new history
session, the execution count back at 1), open figures closed, matplotlib's settings as they
were when the kernel started, pandas' options at their defaults, warnings shown again on their
first occurrence, the working folder restored, garbage collected and freed memory returned to
the system. What stays is what a fresh kernel would rebuild the same: imported modules and the
caches of pure functions. `nbval` re-executes every notebook in a kernel of its own in CI and
compares the outputs, which checks that nothing else carries over.

A kernel that died (or a notebook that could not run) is shut down and the next notebook gets a
new one; every kernel is shut down when its worker process ends.
"""

from __future__ import annotations

import os
import sys
from multiprocessing import util

from newscorpus.workers import release_memory

_STATE: dict = {}  # inside a kernel: what `snapshot` saw at start
_KERNEL = None  # inside a runner worker: the kernel it keeps


# --- run inside the kernel -------------------------------------------------------------------


def snapshot() -> None:
    """In a fresh kernel: remember matplotlib's start-up settings and the working folder.

    Imports matplotlib.pyplot, as the first notebook would. The backend and interactive mode
    are left out: the inline backend sets them at the first figure and they must stay. Returns nothing; `reset` restores what it saw.
    """
    import matplotlib
    import matplotlib.pyplot  # noqa: F401

    # the inline backend, loaded at the first figure, turns interactive mode on: keep that
    kept = ("backend", "interactive")
    _STATE["rc"] = {k: v for k, v in matplotlib.rcParams.items() if k not in kept}
    _STATE["cwd"] = os.getcwd()


def reset() -> None:
    """In a kernel that ran a notebook: return it to the state `snapshot` saw.

    Raises RuntimeError outside IPython or before `snapshot`.
    """
    import warnings

    import matplotlib
    import matplotlib.pyplot as plt
    import pandas as pd
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None or "rc" not in _STATE:
        raise RuntimeError("kernels.reset runs in a kernel after kernels.snapshot")
    shell.reset(new_session=True)  # %reset -f, a new history session, execution count 1
    plt.close("all")
    matplotlib.rcParams.update(_STATE["rc"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pd.reset_option("all")
    for module in list(sys.modules.values()):  # "default" warnings are shown once per place
        registry = getattr(module, "__warningregistry__", None)
        if isinstance(registry, dict):
            registry.clear()
    os.chdir(_STATE["cwd"])
    release_memory()


# --- run in the runner's worker process ------------------------------------------------------


def _manager_class():
    """A KernelManager that remembers the clients it hands out, so they can be stopped."""
    from jupyter_client import KernelManager

    class Manager(KernelManager):
        """A kernel manager whose clients `release` stops after each notebook."""

        def client(self, **kwargs):
            """A kernel client, remembered until `release`."""
            kc = super().client(**kwargs)
            self.__dict__.setdefault("handed_out", []).append(kc)
            return kc

    return Manager


def _run(km, code: str, timeout: float) -> None:
    """Execute `code` in the kernel without storing it in its history; raise if it fails."""
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        reply = kc.execute_interactive(
            code, store_history=False, timeout=timeout, output_hook=lambda msg: None
        )
    finally:
        kc.stop_channels()
        km.__dict__.get("handed_out", []).clear()
    content = reply["content"]
    if content["status"] != "ok":
        raise RuntimeError(f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}")


def kernel(cwd: str, timeout: float):
    """The worker's kernel (a started KernelManager), ready for a notebook in a fresh state.

    `cwd`: the folder the kernel runs in (the notebooks' folder); `timeout`: seconds allowed
    for starting the kernel and for the reset. Starts a kernel on first use (or after `discard`)
    and shuts it down when the worker process ends. Raises RuntimeError when the kernel cannot
    be started or reset (the runner then reports the notebook as failed).
    """
    global _KERNEL
    if _KERNEL is not None and not _KERNEL.is_alive():
        discard()
    if _KERNEL is None:
        km = _manager_class()(kernel_name="python3")
        km.start_kernel(cwd=cwd)
        _KERNEL = km
        util.Finalize(None, _shutdown, args=(km,), exitpriority=10)  # when the worker ends
        _run(km, "__import__('newscorpus.kernels').kernels.snapshot()", timeout)
    else:
        _run(_KERNEL, "__import__('newscorpus.kernels').kernels.reset()", timeout)
    return _KERNEL


def release(km) -> None:
    """After a notebook: stop the kernel clients the notebook's executor opened."""
    for kc in km.__dict__.pop("handed_out", []):
        kc.stop_channels()


def discard() -> None:
    """Shut the worker's kernel down (a crash, or the worker ending); the next gets a new one."""
    global _KERNEL
    km, _KERNEL = _KERNEL, None
    if km is not None:
        _shutdown(km)


def _shutdown(km) -> None:
    """Stop a kernel's clients and the kernel itself (nothing if it is already gone)."""
    release(km)
    try:
        if km.has_kernel and km.is_alive():
            km.shutdown_kernel(now=True)
    finally:
        km.cleanup_resources()
