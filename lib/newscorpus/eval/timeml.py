"""TempEval-3 scores of the date extractor on TimeML files (gold TIMEX3 tags, DCT as anchor).

    python -m newscorpus.eval timeml                # TimeBank + AQUAINT in ../shared/gold/timeml
    python -m newscorpus.eval timeml --gold DIR     # every sub-folder of DIR, and combined
    python -m newscorpus.eval timeml FILE.tml [FILE.tml ...]
    python -m newscorpus.eval timeml --seeds        # against the hand-annotated seed dates

TempEval-3 rules (../shared/gold/README.md): strict = exact offsets; relaxed = any overlap,
one-to-one, largest overlap first; value accuracy = the anchored value equals gold, among
relaxed matches. `--errors FILE.csv` writes every disagreement for reading.

Prints strict and relaxed extent precision, recall and F1, then value and type accuracy over
the relaxed matches (and the attribute F1 TempEval-3 reports: accuracy x relaxed F1).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newscorpus.timeline import TIMEX3_TYPE, find_dates, find_dates_in_text

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*?)?)\s*(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


@dataclass
class Timex:
    """One time expression: document, character span, TIMEX3 type and value."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    value: str


def read_timeml(path: str | Path) -> tuple[str, str | None, list[Timex]]:
    """(plain text of <TEXT>, document creation time, gold TIMEX3s with offsets into that text)."""
    raw = Path(path).read_text(encoding="utf-8")
    doc = Path(path).name
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if m:
        v = re.search(r'value="([^"]+)"', m.group(1))
        dct = v.group(1)[:10] if v else None
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body_raw = body.group(1) if body else raw
    text_parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict]] = []
    gold: list[Timex] = []
    pos = 0
    for tag in _TAG.finditer(body_raw):
        chunk = html.unescape(body_raw[pos : tag.start()])
        text_parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, attrs, selfclosing = tag.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            gold.append(Timex(doc, start, length, "", a.get("type", ""), a.get("value", "")))
    text_parts.append(html.unescape(body_raw[pos:]))
    text = "".join(text_parts)
    for t in gold:
        t.text = text[t.start : t.end]
    return text, dct, sorted(gold, key=lambda t: t.start)


def system_timexes(
    doc: str, dates: pd.DataFrame, use_resolved: bool = True, year_pairs: bool = True
) -> list[Timex]:
    """The dates table as TIMEX3s: type from `kind` (TIME for a time of day), value resolved.

    A year range written with a dash (1987-88, 2006–2007), one `range` row in the dates table,
    becomes two DATEs as TimeML tags it (`year_pairs`; False keeps the table's one range, as
    the seed gold writes it); a duration keeps its value even when it is placed.
    """
    out = []
    for r in dates.itertuples(index=False):
        value = r.resolved if use_resolved and isinstance(r.resolved, str) else r.value
        if r.kind == "duration":  # two weeks earlier: a DURATION, even when it is placed
            value = r.value
        kind_type = TIMEX3_TYPE[r.kind]
        if kind_type == "DATE" and "T" in str(value)[4:] and not str(value).endswith("_REF"):
            kind_type = "TIME"
        pair = _YEAR_PAIR.fullmatch(str(r.text)) if r.kind == "range" and year_pairs else None
        if pair is not None and re.fullmatch(r"\d{4}/\d{4}", str(value)):
            # TimeML tags "1987-88" as two DATEs, 1987 and 88 (value 1988)
            y1, y2 = str(value).split("/")
            s0 = int(r.start)
            out.append(Timex(doc, s0, s0 + pair.end(1), pair[1], "DATE", y1))
            out.append(Timex(doc, s0 + pair.start(2), int(r.end), pair[2], "DATE", y2))
            continue
        out.append(Timex(doc, int(r.start), int(r.end), r.text, kind_type, str(value)))
    return out


_YEAR_PAIR = re.compile(r"(\d{4})[^\S\n]?[-–—/][^\S\n]?(\d{2}|\d{4})")


def _relaxed_pairs(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one relaxed matches: overlapping pairs taken largest overlap first (TempEval-3)."""
    by_doc: dict[str, list[Timex]] = {}
    for s in system:
        by_doc.setdefault(s.doc, []).append(s)
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(by_doc.get(g.doc, [])):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                candidates.append((-overlap, g.doc, g.start, s.start, gi, si, s))
    candidates.sort(key=lambda c: c[:4])
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, _, _, _, gi, _, s in candidates:
        if gi in used_g or id(s) in used_s:
            continue
        used_g.add(gi)
        used_s.add(id(s))
        pairs.append((gold[gi], s))
    return pairs


def score(gold: list[Timex], system: list[Timex]) -> dict[str, float]:
    """TempEval-3 scores of `system` against `gold` (both lists of Timex over the same documents).

    Strict extent: same document and exact offsets. Relaxed extent: any overlap, one-to-one,
    largest overlap first. Value and type accuracy: share of relaxed matches whose value (type)
    equals the gold one; value F1 = value accuracy x relaxed F1 (as TempEval-3 reports it).
    Returns counts (n_gold, n_system, n_matched, n_strict) and the P/R/F1 and accuracies.
    """
    strict_g = {(t.doc, t.start, t.end) for t in gold}
    strict_s = {(t.doc, t.start, t.end) for t in system}
    n_strict = len(strict_g & strict_s)
    pairs = _relaxed_pairs(gold, system)

    def prf(tp: int) -> tuple[float, float, float]:
        p = tp / len(system) if system else 0.0
        r = tp / len(gold) if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = prf(n_strict)
    rp, rr, rf = prf(len(pairs))
    value_acc = sum(g.value == s.value for g, s in pairs) / len(pairs) if pairs else 0.0
    type_acc = sum(g.type == s.type for g, s in pairs) / len(pairs) if pairs else 0.0
    return {
        "n_gold": len(gold),
        "n_system": len(system),
        "n_matched": len(pairs),
        "n_strict": n_strict,
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "value_accuracy": value_acc,
        "type_accuracy": type_acc,
        "value_f1": value_acc * rf,
        "type_f1": type_acc * rf,
    }


def errors(gold: list[Timex], system: list[Timex]) -> pd.DataFrame:
    """Every disagreement, for reading: missed and spurious expressions, wrong spans and values.

    Columns: doc, error (`missed`, `spurious`, `span`, `value`), gold_text, gold_value,
    system_text, system_value.
    """
    pairs = _relaxed_pairs(gold, system)
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    rows = [(g.doc, "missed", g.text, g.value, "", "") for g in gold if id(g) not in matched_g]
    rows += [(s.doc, "spurious", "", "", s.text, s.value) for s in system if id(s) not in matched_s]
    for g, s in pairs:
        if (g.start, g.end) != (s.start, s.end):
            rows.append((g.doc, "span", g.text, g.value, s.text, s.value))
        if g.value != s.value:
            rows.append((g.doc, "value", g.text, g.value, s.text, s.value))
    cols = ["doc", "error", "gold_text", "gold_value", "system_text", "system_value"]
    return pd.DataFrame(rows, columns=cols).astype("str")


def format_scores(scores: dict[str, float], title: str) -> str:
    """The scores as a small plain-text table."""
    lines = [
        title,
        f"gold {scores['n_gold']}   system {scores['n_system']}   "
        f"relaxed matches {scores['n_matched']}",
        f"{'':<16}{'P':>7}{'R':>7}{'F1':>7}",
        f"{'strict extent':<16}{scores['strict_p']:7.3f}{scores['strict_r']:7.3f}"
        f"{scores['strict_f1']:7.3f}",
        f"{'relaxed extent':<16}{scores['relaxed_p']:7.3f}{scores['relaxed_r']:7.3f}"
        f"{scores['relaxed_f1']:7.3f}",
        f"value accuracy  {scores['value_accuracy']:.3f}   (value F1 {scores['value_f1']:.3f})",
        f"type accuracy   {scores['type_accuracy']:.3f}   (type F1 {scores['type_f1']:.3f})",
    ]
    return "\n".join(lines)


def system_and_gold(paths: list[str | Path]) -> tuple[list[Timex], list[Timex]]:
    """(gold, system) TIMEX3s of TimeML files: the extractor run on each `<TEXT>`, DCT as anchor."""
    gold: list[Timex] = []
    system: list[Timex] = []
    for path in paths:
        text, dct, g = read_timeml(path)
        gold.extend(g)
        # TimeML tags a dateline's date too ("WASHINGTON, August 8 (Xinhua) --")
        found = find_dates_in_text(text, dct, datelines=True)
        system.extend(system_timexes(Path(path).name, found))
    return gold, system


def evaluate_files(paths: list[str | Path]) -> dict[str, float]:
    """Run the extractor on each TimeML file's text (anchored at its DCT) and score it."""
    return score(*system_and_gold(paths))


def shared_gold_dir() -> Path:
    """Where the TimeML development gold is looked for: ../shared/gold/timeml next to the repo."""
    from newscorpus.paths import PROJECT_ROOT

    return PROJECT_ROOT.parent / "shared" / "gold" / "timeml"


SPLITS = ("all", "dev", "heldout", "dev3", "untouched")


def split_of(name: str) -> str:
    """`heldout` for a deterministic third of the documents, `dev` for the rest (round 2).

    The split depends on the file name alone (first byte of its SHA-1, modulo 3, is 0), so it is
    the same on every machine and for every run; rules are tuned on `dev` only.
    """
    return "heldout" if hashlib.sha1(Path(name).name.encode()).digest()[0] % 3 == 0 else "dev"


def split3_of(files: list[Path]) -> dict[Path, str]:
    """Round 3's split: `untouched` for every third document of a folder, `dev3` for the rest.

    Within each folder the files are sorted by name and the third, sixth, ninth ... (0-based
    position modulo 3 is 2) are `untouched`; it depends on the names alone. Returns a split name
    for every file in `files`.
    """
    out: dict[Path, str] = {}
    folders: dict[Path, list[Path]] = {}
    for f in files:
        folders.setdefault(Path(f).parent, []).append(Path(f))
    for group in folders.values():
        for i, f in enumerate(sorted(group, key=lambda f: f.name)):
            out[f] = "untouched" if i % 3 == 2 else "dev3"
    return out


def select_split(files: list[Path], split: str = "all") -> list[Path]:
    """The files of one split: `all`; `dev`, `heldout` (round 2, `split_of`); `dev3`, `untouched`
    (round 3, `split3_of`, positions within `files`' folders).

    Raises ValueError for another `split`.
    """
    if split not in SPLITS:
        raise ValueError(f"split={split!r}: expected one of {', '.join(SPLITS)}")
    if split == "all":
        return list(files)
    if split in ("dev3", "untouched"):
        of = split3_of(files)
        return [f for f in files if of[Path(f)] == split]
    return [f for f in files if split_of(f.name) == split]


def evaluate_splits(gold_dir: str | Path) -> pd.DataFrame:
    """Combined scores of round 3's `dev3` and `untouched` documents and of `all` (`split3_of`).

    One row per split: `split`, `files` and every key of `score`; the extractor runs once per
    file. Raises FileNotFoundError when `gold_dir` holds no `*/*.tml`.
    """
    files = sorted(Path(gold_dir).glob("*/*.tml"))
    if not files:
        raise FileNotFoundError(f"no TimeML folders (*/*.tml) under {gold_dir}")
    of = split3_of(files)
    per_file = {f: system_and_gold([f]) for f in files}
    rows = []
    for split in ("dev3", "untouched", "all"):
        chosen = [f for f in files if split == "all" or of[f] == split]
        gold = [t for f in chosen for t in per_file[f][0]]
        system = [t for f in chosen for t in per_file[f][1]]
        rows.append({"split": split, "files": len(chosen), **score(gold, system)})
    return pd.DataFrame(rows)


def format_splits(table: pd.DataFrame) -> str:
    """The per-split scores as a plain-text table."""
    lines = [
        f"{'split':<10}{'files':>6}{'gold':>6}{'system':>7}   strict F1  relaxed F1  value acc"
    ]
    for r in table.itertuples(index=False):
        lines.append(
            f"{r.split:<10}{r.files:>6}{r.n_gold:>6}{r.n_system:>7}"
            f"{r.strict_f1:>12.3f}{r.relaxed_f1:>12.3f}{r.value_accuracy:>11.3f}"
        )
    return "\n".join(lines)


def evaluate_corpora(gold_dir: str | Path, split: str = "all") -> pd.DataFrame:
    """Scores per sub-folder of `gold_dir` (TimeBank, AQUAINT) and for all of them together.

    `split` keeps only the `dev` or `heldout` documents (`split_of`); `all` keeps every one.
    One row per corpus (`corpus`, `files` and every key of `score`), the combined row last.
    Raises FileNotFoundError when `gold_dir` holds no `*/*.tml`, ValueError for a bad `split`.
    """
    folders = sorted(d for d in Path(gold_dir).iterdir() if d.is_dir() and any(d.glob("*.tml")))
    if not folders:
        raise FileNotFoundError(f"no TimeML folders (*/*.tml) under {gold_dir}")
    rows = []
    all_gold: list[Timex] = []
    all_system: list[Timex] = []
    n_files = 0
    for folder in folders:
        files = select_split(sorted(folder.glob("*.tml")), split)
        gold, system = system_and_gold(files)
        rows.append({"corpus": folder.name, "files": len(files), **score(gold, system)})
        all_gold += gold
        all_system += system
        n_files += len(files)
    rows.append({"corpus": "combined", "files": n_files, **score(all_gold, all_system)})
    return pd.DataFrame(rows)


def format_corpora(table: pd.DataFrame) -> str:
    """The per-corpus scores as a plain-text table."""
    head = f"{'corpus':<10}{'files':>6}{'gold':>6}{'system':>7}"
    head += "   strict P     R    F1   relaxed P     R    F1   value acc  type acc"
    lines = [head]
    for r in table.itertuples(index=False):
        lines.append(
            f"{r.corpus:<10}{r.files:>6}{r.n_gold:>6}{r.n_system:>7}"
            f"{r.strict_p:>11.3f}{r.strict_r:>6.3f}{r.strict_f1:>6.3f}"
            f"{r.relaxed_p:>12.3f}{r.relaxed_r:>6.3f}{r.relaxed_f1:>6.3f}"
            f"{r.value_accuracy:>12.3f}{r.type_accuracy:>10.3f}"
        )
    return "\n".join(lines)


def seed_gold(path: str | Path) -> list[Timex]:
    """The hand-annotated seed dates (CSV: article_id, text, start, end, kind, value) as TIMEX3s."""
    g = pd.read_csv(path, dtype={"value": "str"}, keep_default_na=False)
    return [
        Timex(a, int(s), int(e), t, TIMEX3_TYPE[k], v)
        for a, s, e, t, k, v in zip(
            g["article_id"], g["start"], g["end"], g["text"], g["kind"], g["value"], strict=True
        )
    ]


def evaluate_seeds(corpus, gold_path: str | Path) -> dict[str, float]:
    """Score `find_dates` on a corpus against a seed-style gold CSV (values before anchoring;
    a year range "2006–2007" stays one expression, as the dates table and the seed gold have
    it)."""
    dates = find_dates(corpus)
    system = []
    for aid, part in dates.groupby("article_id", sort=True):
        system.extend(system_timexes(aid, part, use_resolved=False, year_pairs=False))
    return score(seed_gold(gold_path), system)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """TimeML files to score, --gold DIR (default ../shared/gold/timeml), or --seeds."""
    parser.add_argument("files", nargs="*", help="TimeML (.tml) files with gold TIMEX3 tags")
    parser.add_argument(
        "--gold",
        metavar="DIR",
        help="folder of TimeML corpora (sub-folders of .tml files), scored per corpus and "
        "combined; the default when no files are given is ../shared/gold/timeml",
    )
    parser.add_argument(
        "--seeds",
        action="store_true",
        help="also score the seed corpus against tests/gold/timeline/seeds.csv",
    )
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="all",
        help="with a gold folder: score only some documents: dev3 or untouched (round 3: every "
        "third file by sorted name per folder is untouched), dev or heldout (round 2: a hash of "
        "the file name); default all, followed by the round-3 dev3 / untouched / all summary",
    )
    parser.add_argument(
        "--errors", metavar="CSV", help="write every disagreement (missed, spurious, span, value)"
    )


def main(args: argparse.Namespace) -> int:
    """Print the scores; exit code 2 when there is nothing to score."""
    gold_dir = args.gold
    if not args.files and not args.seeds and gold_dir is None:
        gold_dir = shared_gold_dir()
        if not gold_dir.is_dir():
            print(f"give TimeML files, --gold DIR or --seeds (no {gold_dir})")
            return 2
    if args.files:
        missing = [f for f in args.files if not Path(f).is_file()]
        if missing:
            print(f"not a file: {', '.join(missing)}")
            return 2
        n = len(args.files)
        gold, system = system_and_gold(args.files)
        print(format_scores(score(gold, system), f"TimeML: {n} file(s)"))
        if args.errors:
            errors(gold, system).to_csv(args.errors, index=False)
    if gold_dir is not None:
        if not Path(gold_dir).is_dir():
            print(f"not a folder: {gold_dir}")
            return 2
        split = getattr(args, "split", "all")
        label = "" if split == "all" else f", {split} documents only"
        print(f"TimeML corpora in {gold_dir} (TempEval-3 scoring, DCT as anchor{label})")
        print(format_corpora(evaluate_corpora(gold_dir, split)))
        if split == "all":
            print()
            print("Round 3 split (every third document by sorted name per corpus is untouched)")
            print(format_splits(evaluate_splits(gold_dir)))
        if args.errors and not args.files:
            files = select_split(sorted(Path(gold_dir).glob("*/*.tml")), split)
            errors(*system_and_gold(files)).to_csv(args.errors, index=False)
    if args.seeds:
        from newscorpus import read_corpus
        from newscorpus.paths import PROJECT_ROOT, SEEDS_DIR

        gold_path = PROJECT_ROOT / "tests" / "gold" / "timeline" / "seeds.csv"
        if args.files or gold_dir is not None:
            print()
        scores = evaluate_seeds(read_corpus(SEEDS_DIR), gold_path)
        print(format_scores(scores, "seeds: hand-annotated values (before anchoring)"))
    return 0
