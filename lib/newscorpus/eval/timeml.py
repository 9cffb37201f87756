"""TempEval-3 scores of the date extractor on TimeML files (gold TIMEX3 tags, DCT as anchor).

    python -m newscorpus.eval timeml FILE.tml [FILE.tml ...]
    python -m newscorpus.eval timeml --seeds        # against the hand-annotated seed dates

Prints strict and relaxed extent precision, recall and F1, then value and type accuracy over
the relaxed matches (and the attribute F1 TempEval-3 reports: accuracy x relaxed F1).
"""

from __future__ import annotations

import argparse
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


def system_timexes(doc: str, dates: pd.DataFrame, use_resolved: bool = True) -> list[Timex]:
    """The dates table as TIMEX3s: type from `kind` (TIME for a time of day), value resolved."""
    out = []
    for r in dates.itertuples(index=False):
        value = r.resolved if use_resolved and isinstance(r.resolved, str) else r.value
        kind_type = TIMEX3_TYPE[r.kind]
        if kind_type == "DATE" and "T" in str(value)[4:] and not str(value).endswith("_REF"):
            kind_type = "TIME"
        out.append(Timex(doc, int(r.start), int(r.end), r.text, kind_type, str(value)))
    return out


def score(gold: list[Timex], system: list[Timex]) -> dict[str, float]:
    """TempEval-3 extent scores (strict: same span; relaxed: overlap) and attribute accuracy."""
    strict_g = {(t.doc, t.start, t.end) for t in gold}
    strict_s = {(t.doc, t.start, t.end) for t in system}
    by_doc: dict[str, list[Timex]] = {}
    for s in system:
        by_doc.setdefault(s.doc, []).append(s)

    def overlaps(a: Timex, b: Timex) -> bool:
        return a.start < b.end and b.start < a.end

    pairs = []
    for g in gold:
        match = next((s for s in by_doc.get(g.doc, []) if overlaps(g, s)), None)
        if match is not None:
            pairs.append((g, match))
    relaxed_s = sum(any(overlaps(s, g) for g in gold if g.doc == s.doc) for s in system)

    def prf(tp_s: int, tp_g: int) -> tuple[float, float, float]:
        p = tp_s / len(system) if system else 0.0
        r = tp_g / len(gold) if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = prf(len(strict_s & strict_g), len(strict_g & strict_s))
    rp, rr, rf = prf(relaxed_s, len(pairs))
    value_acc = sum(g.value == s.value for g, s in pairs) / len(pairs) if pairs else 0.0
    type_acc = sum(g.type == s.type for g, s in pairs) / len(pairs) if pairs else 0.0
    return {
        "n_gold": len(gold),
        "n_system": len(system),
        "n_matched": len(pairs),
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


def evaluate_files(paths: list[str | Path]) -> dict[str, float]:
    """Run the extractor on each TimeML file's text (anchored at its DCT) and score it."""
    gold: list[Timex] = []
    system: list[Timex] = []
    for path in paths:
        text, dct, g = read_timeml(path)
        gold.extend(g)
        system.extend(system_timexes(Path(path).name, find_dates_in_text(text, dct)))
    return score(gold, system)


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
    """Score `find_dates` on a corpus against a seed-style gold CSV (values before anchoring)."""
    dates = find_dates(corpus)
    system = []
    for aid, part in dates.groupby("article_id", sort=True):
        system.extend(system_timexes(aid, part, use_resolved=False))
    return score(seed_gold(gold_path), system)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """TimeML files to score, or --seeds for the hand-annotated seeds."""
    parser.add_argument("files", nargs="*", help="TimeML (.tml) files with gold TIMEX3 tags")
    parser.add_argument(
        "--seeds",
        action="store_true",
        help="also score the seed corpus against tests/gold/timeline/seeds.csv",
    )


def main(args: argparse.Namespace) -> int:
    """Print the scores; exit code 2 when there is nothing to score."""
    if not args.files and not args.seeds:
        print("give TimeML files or --seeds")
        return 2
    if args.files:
        missing = [f for f in args.files if not Path(f).is_file()]
        if missing:
            print(f"not a file: {', '.join(missing)}")
            return 2
        n = len(args.files)
        print(format_scores(evaluate_files(args.files), f"TimeML: {n} file(s)"))
    if args.seeds:
        from newscorpus import read_corpus
        from newscorpus.paths import PROJECT_ROOT, SEEDS_DIR

        gold_path = PROJECT_ROOT / "tests" / "gold" / "timeline" / "seeds.csv"
        if args.files:
            print()
        scores = evaluate_seeds(read_corpus(SEEDS_DIR), gold_path)
        print(format_scores(scores, "seeds: hand-annotated values (before anchoring)"))
    return 0
