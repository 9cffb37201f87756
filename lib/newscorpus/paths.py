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
