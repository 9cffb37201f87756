"""`make lab`: JupyterLab on 127.0.0.1 only, always with a token, --allow-root only as root.

These run without a browser; the browser test starts the server through the same functions.
"""

from __future__ import annotations

import socket
import sys

import pytest

from newscorpus import lab
from newscorpus.paths import PROJECT_ROOT


def options(command: list[str]) -> dict[str, str]:
    return dict(a.lstrip("-").split("=", 1) for a in command if a.startswith("--") and "=" in a)


def test_command_serves_loopback_only_from_the_project_at_notebooks(monkeypatch):
    monkeypatch.setattr(lab.os, "geteuid", lambda: 1000)
    command = lab.lab_command(8899)
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    opts = options(command)
    assert opts["ServerApp.ip"] == "127.0.0.1"
    assert opts["ServerApp.port"] == "8899"
    assert opts["ServerApp.port_retries"] == "0"
    assert opts["ServerApp.root_dir"] == str(PROJECT_ROOT)
    assert opts["ServerApp.default_url"] == "/lab/tree/notebooks"
    assert "--allow-root" not in command
    joined = " ".join(command)
    assert "0.0.0.0" not in joined and "token=" not in joined.lower()
    assert "disable_check_xsrf" not in joined and "password" not in joined.lower()


def test_allow_root_only_as_root(monkeypatch):
    monkeypatch.setattr(lab.os, "geteuid", lambda: 0)
    assert lab.lab_command(8899).count("--allow-root") == 1


def test_token_goes_through_the_environment_and_is_never_empty():
    env = lab.lab_env("s3cret", base={"PATH": "/usr/bin"})
    assert env == {"PATH": "/usr/bin", "JUPYTER_TOKEN": "s3cret"}
    with pytest.raises(ValueError, match="token"):
        lab.lab_env("")
    url = lab.lab_url(8899, "s3cret")
    assert url == "http://127.0.0.1:8899/lab/tree/notebooks?token=s3cret"


def test_free_port_skips_a_taken_port():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        port = lab.free_port(busy)
    assert port != busy and 0 < port < 65536


def test_main_prints_the_url_with_its_token_then_starts_lab(monkeypatch, capsys):
    started = {}

    def fake_execve(path, argv, env):
        started.update(path=path, argv=argv, env=env)

    monkeypatch.setattr(lab.os, "execve", fake_execve)
    lab.main(["--no-browser", "--port", "8899"])
    out = capsys.readouterr().out
    token = started["env"]["JUPYTER_TOKEN"]
    assert len(token) >= 32
    port = options(started["argv"])["ServerApp.port"]
    assert f"http://127.0.0.1:{port}/lab/tree/notebooks?token={token}" in out
    assert options(started["argv"])["ServerApp.open_browser"] == "False"


def test_without_chromium_it_skips_with_the_install_hint_but_fails_in_ci(monkeypatch):
    from browser.conftest import _unavailable

    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium"):
        _unavailable("Chromium not found")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser test"):
        _unavailable("Chromium not found")
