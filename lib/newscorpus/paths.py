"""Every path the suite uses, built in one place from the project root."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
PROJECT_ROOT = PACKAGE_DIR.parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
FIGURES_DIR = PROJECT_ROOT / "figures"


def project_path(path: str | Path) -> Path:
    """An absolute path as given; a relative one taken from the project root (not the cwd)."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


RESULTS_DIR = PROJECT_ROOT / "results"


def figures_folder(corpus: str | Path, figures: str | Path = "figures") -> Path:
    """Where a notebook saves its figures, so a run on another corpus never touches `figures/`.

    Input: the notebook's `corpus` and `figures` parameters. Output: `figures` taken from the
    project root, except that the default "figures" for a corpus other than the seeds becomes
    `results/<corpus name>/figures`.
    """
    folder = project_path(figures)
    corpus_path = project_path(corpus).resolve()
    if folder == FIGURES_DIR and corpus_path != SEEDS_DIR.resolve():
        name = corpus_path.stem if corpus_path.is_file() else corpus_path.name
        return RESULTS_DIR / name / "figures"
    return folder
