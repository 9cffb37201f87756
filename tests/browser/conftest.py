"""Fixtures for the end-to-end test: JupyterLab started as `make lab` does, and headless Chromium.

The Lab server serves a temporary copy of `notebooks/` (so the committed notebooks are never
changed) with figures written to a temporary folder, on a free loopback port. Chromium is
Debian's `chromium` package driven by Playwright; Playwright never downloads a browser here.
In CI (env CI set) a missing Chromium fails the test; elsewhere it skips with the install hint.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

from newscorpus import lab
from newscorpus.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from newscorpus.run import list_notebooks

ARTIFACTS_DIR = PROJECT_ROOT / "test-artifacts"
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
INSTALL_HINT = "install Debian's Chromium with `apt-get install -y chromium`"
# JupyterLab user settings for the test only: every cell kept in the page (no virtual scrolling),
# the notebook's kernel started without the "Select Kernel" dialog, no news or update checks.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none",
        "autoStartDefaultKernel": True,
    },
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: end-to-end test in JupyterLab with headless Chromium (slow)"
    )


def pytest_generate_tests(metafunc):
    if "notebook_name" in metafunc.fixturenames:
        metafunc.parametrize("notebook_name", notebook_names())


def in_ci() -> bool:
    """True when running in CI, where the browser test must run, never skip."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def _unavailable(reason: str):
    if in_ci():
        pytest.fail(f"{reason}; CI must run the browser test: {INSTALL_HINT}")
    pytest.skip(f"{reason}: {INSTALL_HINT}")


def chromium_path() -> str | None:
    """The system Chromium: $CHROMIUM, else Debian's /usr/bin/chromium, else one on PATH."""
    candidates = [os.environ.get("CHROMIUM", ""), *CHROMIUM_PATHS, shutil.which("chromium") or ""]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of the Chromium executable (skips, or fails in CI, when there is none)."""
    path = chromium_path()
    if path is None:
        _unavailable("Chromium not found")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -r requirements.txt)")
    return path


def notebook_names() -> list[str]:
    """File names of the numbered notebooks, as the runner finds them."""
    return [p.name for p in list_notebooks(NOTEBOOKS_DIR)]


def _copy_notebooks(root: Path) -> None:
    """Copy the notebooks into `root/notebooks` without outputs, figures going to `root/figures`.

    Outputs are cleared so that every execution count seen later comes from this run. A cell
    after the parameters cell sets `figures`, as papermill's injected parameters would.
    """
    target = root / "notebooks"
    target.mkdir(parents=True)
    for name in notebook_names():
        nb = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
        nb.metadata.pop("widgets", None)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        for index, cell in enumerate(nb.cells):
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                injected = nbformat.v4.new_code_cell(f"figures = {str(root / 'figures')!r}")
                injected.metadata["tags"] = ["injected-parameters"]
                injected.pop("id", None)  # the notebooks are nbformat 4.4, without cell ids
                nb.cells.insert(index + 1, injected)
                break
        nbformat.write(nb, target / name)


def _get(url: str, timeout: float = 5) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


class LabServer:
    """A running JupyterLab: its base URL, token, root folder and log."""

    def __init__(self, process: subprocess.Popen, port: int, token: str, root: Path, log: Path):
        self.process, self.port, self.token, self.root, self.log = process, port, token, root, log
        self.base = f"http://{lab.HOST}:{port}"

    def notebook_url(self, name: str) -> str:
        """Open `notebooks/<name>` in a workspace of its own (no tabs left from other tests)."""
        workspace = Path(name).stem
        return f"{self.base}/lab/workspaces/{workspace}/tree/notebooks/{name}?token={self.token}"

    def sessions(self) -> list[dict]:
        """The server's sessions (notebook path, kernel and its state)."""
        request = urllib.request.Request(f"{self.base}/api/sessions?token={self.token}")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def wait_for_kernel(self, name: str, timeout: float = 120) -> None:
        """Wait until the kernel of `notebooks/<name>` has started and is idle."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for session in self.sessions():
                kernel = session.get("kernel") or {}
                if (
                    session.get("path", "").endswith(name)
                    and kernel.get("execution_state") == "idle"
                ):
                    return
            time.sleep(0.3)
        raise TimeoutError(f"no idle kernel for {name} after {timeout} s:\n{self.log_tail()}")

    def shutdown_sessions(self) -> None:
        """Shut down every kernel the browser started (frees memory between notebooks)."""
        for session in self.sessions():
            delete = urllib.request.Request(
                f"{self.base}/api/sessions/{session['id']}?token={self.token}", method="DELETE"
            )
            urllib.request.urlopen(delete, timeout=30).close()

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory, chromium):
    """JupyterLab started exactly as `make lab` starts it, on a free loopback port."""
    root = tmp_path_factory.mktemp("lab-root")
    _copy_notebooks(root)
    home = tmp_path_factory.mktemp("lab-home")
    settings = home / "settings"
    for relative, values in LAB_SETTINGS.items():
        path = settings / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    token = secrets.token_hex(24)
    port = lab.free_port()
    env = lab.lab_env(token)
    env.update(
        {
            "JUPYTER_CONFIG_DIR": str(home / "config"),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        }
    )
    log = home / "lab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            lab.lab_command(port, root_dir=root, open_browser=False),
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=root,
        )
    server = LabServer(process, port, token, root, log)
    try:
        deadline = time.monotonic() + 90
        while _get(f"{server.base}/api/status?token={token}") != 200:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab exited with {process.returncode}:\n{server.log_tail()}")
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within 90 s:\n{server.log_tail()}")
            time.sleep(0.3)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory, chromium):
    """Headless system Chromium with a fresh profile folder, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
            device_scale_factor=1,
        )
        context.set_default_timeout(60_000)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots (gitignored)."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR
