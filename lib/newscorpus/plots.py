"""One shared plot theme and the one helper that saves every figure with its data beside it."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from newscorpus.paths import FIGURES_DIR

DPI = 150
PALETTE = "colorblind"


def set_theme() -> None:
    """Apply the suite's one plotting theme (seaborn whitegrid, readable sizes, fixed fonts)."""
    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook")
    plt.rcParams.update(
        {
            "figure.figsize": (9, 5),
            "figure.dpi": 100,
            "savefig.dpi": DPI,
            "savefig.bbox": "tight",
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "xtick.labelsize": 10,
            "ytick.labelsize": 10,
            "legend.fontsize": 10,
            "svg.hashsalt": "newscorpus",
            "svg.fonttype": "none",
            "path.simplify": True,
        }
    )


def save_figure(
    fig: plt.Figure,
    data: pd.DataFrame,
    notebook: str,
    name: str,
    folder: str | os.PathLike | None = None,
) -> Path:
    """Save `fig` as `<folder>/<notebook>-<name>.png` and `data` as the CSV of the same name.

    Output is byte-stable: no timestamps or software versions in the PNG, rows written as given.
    """
    folder = Path(folder) if folder is not None else FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{notebook}-{name}"
    png = folder / f"{stem}.png"
    fig.savefig(png, dpi=DPI, metadata={"Software": None})
    data.to_csv(folder / f"{stem}.csv", index=False, lineterminator="\n")
    return png
