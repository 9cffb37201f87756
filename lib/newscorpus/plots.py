"""One shared plot theme and the one helper that saves every figure with its data beside it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from newscorpus.paths import FIGURES_DIR, PROJECT_ROOT

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


@dataclass(frozen=True)
class SavedFigure:
    """Where a figure and its data were written; shown relative to the project when inside it."""

    png: Path
    csv: Path

    def __repr__(self) -> str:
        try:
            shown = self.png.relative_to(PROJECT_ROOT)
        except ValueError:
            shown = self.png
        return f"saved {shown} (data: {self.csv.name})"


def save_figure(
    fig: plt.Figure,
    data: pd.DataFrame,
    notebook: str,
    name: str,
    folder: str | os.PathLike | None = None,
) -> SavedFigure:
    """Save `fig` as `<folder>/<notebook>-<name>.png` and `data` as the CSV of the same name.

    Output is byte-stable: no timestamps or software versions in the PNG, rows written as given.
    """
    csv = save_table(data, notebook, name, folder)
    saved = SavedFigure(csv.with_suffix(".png"), csv)
    fig.savefig(saved.png, dpi=DPI, metadata={"Software": None})
    return saved


def save_table(
    table: pd.DataFrame, notebook: str, name: str, folder: str | os.PathLike | None = None
) -> Path:
    """Write `table` as `<folder>/<notebook>-<name>.csv` (rows as given, byte-stable); the path.

    For a table with no figure (a notebook's full events or quotes list); `save_figure` writes
    each figure's data the same way.
    """
    folder = Path(folder) if folder is not None else FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{notebook}-{name}.csv"
    table.to_csv(path, index=False, lineterminator="\n")
    return path


MAX_INCHES = 19.5  # 3,000 px at DPI 150 is 20 inches; leave room for bbox_inches="tight"


def bounded_size(width: float, height: float) -> tuple[float, float]:
    """A figure size in inches capped so the saved PNG stays within 3,000 px a side."""
    return min(width, MAX_INCHES), min(height, MAX_INCHES)


def no_data(ax: plt.Axes, message: str) -> None:
    """Mark an empty chart with a centred message instead of failing or drawing nothing."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])


class TextTable:
    """A table of text (sentences, quotes, contexts) shown in full and left-aligned, bounded rows.

    Notebooks display it as HTML (every cell left-aligned and wrapped, nothing cut) and as plain
    text; only the first `limit` rows are shown, with a line saying how many there are.
    """

    def __init__(self, table: pd.DataFrame, limit: int = 20):
        self.table = table
        self.limit = limit

    def _note(self) -> str:
        n = len(self.table)
        return f"first {self.limit} of {n:,} rows" if n > self.limit else f"{n:,} rows"

    def _repr_html_(self) -> str:
        body = self.table.head(self.limit).to_html(
            index=False, justify="left", escape=True, na_rep="", classes="nc-text-table"
        )
        style = (
            "<style>.nc-text-table td, .nc-text-table th {text-align: left !important; "
            "white-space: normal; vertical-align: top;}</style>"
        )
        return f"{style}{body}<p><i>{self._note()}</i></p>"

    def __repr__(self) -> str:
        head = self.table.head(self.limit).copy()
        for column in head.columns:
            if head[column].dtype == object or pd.api.types.is_string_dtype(head[column]):
                cells = [
                    ("" if v is None or v is pd.NA or v != v else str(v)) for v in head[column]
                ]
                width = max((len(c) for c in cells), default=0)
                head[column] = pd.Series(
                    [c.ljust(width) for c in cells], index=head.index, dtype=object
                )
        with pd.option_context("display.max_colwidth", None, "display.width", 200):
            shown = head.to_string(index=False, justify="left", na_rep="")
        return f"{shown}\n({self._note()})"


def text_table(table: pd.DataFrame, limit: int = 20) -> TextTable:
    """`table` for display: full text, left-aligned, at most `limit` rows (and how many in all)."""
    return TextTable(table, limit)
