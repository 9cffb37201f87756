"""Sentence boundaries in news paragraphs (offsets into the paragraph text)."""

from __future__ import annotations

import re

from newscorpus import resources

_LOWER_START = re.compile(r"^[\"“”'‘’(\[]*[a-z]|^\([^()]*\)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in one paragraph; a quote and its attribution stay in one sentence.

    A piece that starts lowercase (“…?” he asked) or is only a parenthesis ("(Reuters)") is
    joined to the sentence before it.
    """
    spans = list(resources.sentence_tokenizer().span_tokenize(text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _LOWER_START.match(text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
