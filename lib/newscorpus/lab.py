"""Start JupyterLab for exploring the suite: `make lab` runs `python -m newscorpus.lab`.

    python -m newscorpus.lab [--port 8888] [--no-browser]

JupyterLab listens on 127.0.0.1 only, always with token authentication (a fresh random token
per start, handed to Jupyter through the environment so it does not show in `ps`), with the
project root as its root folder and the browser opened at `notebooks/`. The URL, token included,
is printed before the server starts. `--allow-root` is added only when running as root.
The browser test starts JupyterLab through `lab_command` and `lab_env`, so it runs exactly this.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
from pathlib import Path

from newscorpus.paths import PROJECT_ROOT

HOST = "127.0.0.1"
DEFAULT_PORT = 8888
OPEN_AT = "notebooks"


def free_port(preferred: int | None = None, host: str = HOST) -> int:
    """`preferred` when it is free on `host`, else a port the operating system says is free."""
    for port in ([preferred] if preferred else []) + [0]:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((host, port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise OSError(f"no free port on {host}")


def lab_command(
    port: int,
    root_dir: str | os.PathLike = PROJECT_ROOT,
    open_at: str = OPEN_AT,
    open_browser: bool = True,
) -> list[str]:
    """The command line that starts JupyterLab from this Python on 127.0.0.1:`port`."""
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # the printed URL must be the one that is served
        f"--ServerApp.root_dir={Path(root_dir).resolve()}",
        f"--ServerApp.default_url=/lab/tree/{open_at}",
        f"--ServerApp.open_browser={open_browser}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def lab_env(token: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for `lab_command`: `base` (default os.environ) plus the access token."""
    if not token:
        raise ValueError("token: empty (JupyterLab is never started without a token)")
    env = dict(os.environ if base is None else base)
    env["JUPYTER_TOKEN"] = token
    return env


def lab_url(port: int, token: str, open_at: str = OPEN_AT) -> str:
    """The address to open in a browser, token included."""
    return f"http://{HOST}:{port}/lab/tree/{open_at}?token={token}"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: print the URL, then replace this process with JupyterLab."""
    parser = argparse.ArgumentParser(
        prog="python -m newscorpus.lab", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="port (a free one if it is taken)"
    )
    parser.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    args = parser.parse_args(argv)
    port = free_port(args.port)
    token = secrets.token_hex(24)
    command = lab_command(port, open_browser=not args.no_browser)
    print(f"JupyterLab on {HOST} only, serving {PROJECT_ROOT}; open:", flush=True)
    print(f"    {lab_url(port, token)}", flush=True)
    print("Stop it with Ctrl-C.", flush=True)
    os.execve(command[0], command, lab_env(token))
    return 0  # not reached: execve does not return


if __name__ == "__main__":
    sys.exit(main())
