"""Every notebook run in JupyterLab in a real (headless) browser, as an analyst would run it.

For each notebook: open it, Run > Run All Cells, wait until every code cell has run and the
kernel is idle, assert there is no error output, and save screenshots (the notebook, and each
figure at the size JupyterLab shows it) into test-artifacts/. The explorer is then driven:
pick another article, type a term, pick another source, and each view must change.

    .venv/bin/python -m pytest tests/browser         # or: -m browser
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

# One JupyterLab and one Chromium per worker; with `-n auto --dist loadgroup` all run on one worker.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("jupyterlab")]

RUN_TIMEOUT_MS = int(os.environ.get("NEWSCORPUS_RUN_TIMEOUT_MS", 150_000))
# Every code cell has a number, or a cell failed (Run All stops there).
ALL_RAN_OR_FAILED = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
  const failed = [...panel.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
    .some(e => e.textContent.includes('Traceback'));
  return failed || (prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent)));
}"""
IDLE = '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status="idle"]'


def run_all(page, server, name: str) -> None:
    """Open a notebook, wait for its kernel, run every cell, wait until done and idle."""
    page.goto(server.notebook_url(name))
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").wait_for()
    server.wait_for_kernel(name, timeout=RUN_TIMEOUT_MS / 1000)
    page.locator(IDLE).wait_for(timeout=RUN_TIMEOUT_MS)
    select_kernel = page.locator(".jp-Dialog", has_text="Select Kernel")
    if select_kernel.count():  # as a person would: accept the notebook's own kernel
        select_kernel.locator(".jp-mod-accept").click()
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:not(.lm-mod-disabled)").filter(
        has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$"))
    ).click()
    page.wait_for_function(ALL_RAN_OR_FAILED, timeout=RUN_TIMEOUT_MS, polling=500)
    page.locator(IDLE).wait_for(timeout=RUN_TIMEOUT_MS)


def error_outputs(page) -> list[str]:
    """Text of every output that reports an error (a traceback on stderr, or an error output)."""
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    stderr = panel.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    return [t for t in stderr.all_inner_texts() if "Traceback" in t or re.search(r"\w+Error\b", t)]


def unrun_cells(page) -> list[str]:
    """The input of every code cell that has no execution count after Run All."""
    cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell")
    missing = []
    for i in range(cells.count()):
        prompt = cells.nth(i).locator(".jp-InputArea-prompt").inner_text()
        if not re.search(r"\[\d+\]", prompt):
            missing.append(cells.nth(i).locator(".jp-InputArea-editor").inner_text()[:80])
    return missing


def screenshots(page, artifacts: Path, stem: str) -> list[Path]:
    """The notebook's first screen and every figure as JupyterLab shows it."""
    for old in artifacts.glob(f"{stem}*.png"):
        old.unlink()
    saved = [artifacts / f"{stem}.png"]
    page.evaluate(
        "document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')"
        "?.scrollTo(0, 0)"
    )
    page.screenshot(path=saved[0])
    images = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedImage img")
    for i in range(images.count()):
        saved.append(whole(page, images.nth(i), artifacts / f"{stem}-figure-{i + 1}.png"))
    return saved


def whole(page, element, path: Path) -> Path:
    """Screenshot `element` at its size on screen, making the window taller when it must."""
    viewport = page.viewport_size
    height = element.evaluate("e => e.getBoundingClientRect().height")
    if height > viewport["height"] - 200:
        page.set_viewport_size({"width": viewport["width"], "height": int(height) + 300})
    element.scroll_into_view_if_needed()
    element.screenshot(path=path)
    page.set_viewport_size(viewport)
    return path


def test_notebook_runs_in_jupyterlab(notebook_name, lab_server, browser_context, artifacts):
    name = notebook_name
    page = browser_context.new_page()
    try:
        try:
            run_all(page, lab_server, name)
        except Exception:
            page.screenshot(path=artifacts / f"{Path(name).stem}-failed.png")
            raise
        errors = error_outputs(page)
        assert not errors, f"{name}: error output in JupyterLab:\n" + "\n---\n".join(errors)
        assert not unrun_cells(page), f"{name}: cells that did not run: {unrun_cells(page)}"
        saved = screenshots(page, artifacts, Path(name).stem)
        assert all(p.stat().st_size > 0 for p in saved)
        if name.startswith("05-explore"):
            drive_explorer(page, artifacts)
    finally:
        page.close()
        lab_server.shutdown_sessions()
    # the committed notebook was not touched: the server only ever saw a copy
    assert (lab_server.root / "notebooks" / name).exists()


def drive_explorer(page, artifacts: Path) -> None:
    """Pick another article, type a term, pick another source: each view must update."""
    static = page.locator(".jp-OutputArea-output .nc-article").first  # the plain HTML output
    assert static.locator(".nc-sentence").count() and static.locator(".nc-date").count()
    static.screenshot(path=artifacts / "05-explore-static-article.png")
    explorer = page.locator(".nc-explorer")
    explorer.wait_for()
    article = explorer.locator(".nc-article-view .nc-article")
    first_id = article.get_attribute("data-article-id")
    first_marks = explorer.locator(".nc-article-view .nc-quote, .nc-article-view .nc-date")
    first_text = first_marks.all_inner_texts()
    assert first_text, "the first article shows no marked quotations or time expressions"

    select = explorer.locator(".widget-dropdown select").first
    select.select_option(index=1)
    page.wait_for_function(
        """([first]) => {
          const shown = document.querySelector('.nc-explorer .nc-article-view .nc-article');
          return shown && shown.dataset.articleId !== first;
        }""",
        arg=[first_id],
    )
    second_text = explorer.locator(
        ".nc-article-view .nc-quote, .nc-article-view .nc-date"
    ).all_inner_texts()
    assert second_text and second_text != first_text, "the highlighted text did not change"
    page.locator(".nc-explorer .nc-article-view").screenshot(
        path=artifacts / "05-explore-explorer-article.png"
    )

    search = explorer.locator(".nc-search input")  # find an article by words of its title
    search.fill("caliphate")
    search.press("Enter")
    page.wait_for_function(
        """() => {
          const shown = document.querySelector('.nc-explorer .nc-article-view .nc-article');
          return shown && shown.dataset.articleId === '003_c0c95c97cb16ca2e';
        }"""
    )

    kwic = explorer.locator(".nc-kwic-view")
    before = kwic.inner_text()
    term = explorer.locator(".nc-term input")
    term.fill("Raqqa")
    term.press("Enter")
    page.wait_for_function(
        """([before]) => {
          const view = document.querySelector('.nc-explorer .nc-kwic-view');
          return view && view.innerText !== before && view.querySelector('table.nc-kwic');
        }""",
        arg=[before],
    )
    terms = kwic.locator("table.nc-kwic tbody tr td:nth-child(3)").all_inner_texts()
    assert terms and all(t.strip().lower() == "raqqa" for t in terms), terms
    explorer.locator(".nc-dispersion-view").scroll_into_view_if_needed()
    page.locator(".nc-explorer .nc-kwic-view").screenshot(
        path=artifacts / "05-explore-explorer-kwic.png"
    )
    page.locator(".nc-explorer .nc-dispersion-view").screenshot(
        path=artifacts / "05-explore-explorer-dispersion.png"
    )

    sources = explorer.locator(".widget-dropdown select").nth(1)
    if sources.locator("option").count() > 1:
        view = explorer.locator(".nc-source-view")
        before = view.inner_text()
        sources.select_option(index=1)
        page.wait_for_function(
            """([before]) => {
              const view = document.querySelector('.nc-explorer .nc-source-view');
              return view && view.innerText !== before;
            }""",
            arg=[before],
        )
        view.screenshot(path=artifacts / "05-explore-explorer-sources.png")
    whole(page, explorer, artifacts / "05-explore-explorer.png")
