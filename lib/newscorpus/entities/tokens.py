"""Word tokens for the entity tagger, with character offsets (CoNLL-2003 / Penn Treebank style).

`tokenize(text)` splits one line or sentence into `(token, start, end)` the way CoNLL-2003 text
is tokenised: punctuation apart, the clitics `'s` and `n't` apart (`Germany's` -> `Germany`,
`'s`), dotted acronyms (`U.S.`), titles and company suffixes with their period (`Mr.`, `Inc.`),
numbers with their inner separators (`1,234.5`, `1996-08-30`) and hyphenated words (`all-rounder`)
kept whole. One compiled regular expression; a clitic is split only in the rare token that has an
apostrophe.
"""

from __future__ import annotations

import re

_ABBREV = (
    "Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Cmdr|Sgt|Maj|Adm|Rev|Fr|Mt|Ft|"
    "Corp|Inc|Ltd|Co|Cos|Bros|Plc|No|Nos|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    "Ave|Blvd|Dept|Univ|Assn|Calif|Conn|Fla|Ill|Mass|Mich|Minn|Penn|Tenn|Tex|Va|Wash|Wis"
)
TOKEN = re.compile(
    rf"""
    (?:[A-Za-z]\.){{2,}}(?![A-Za-z])            # U.S., U.N., a.m.
    |(?:{_ABBREV})\.(?![A-Za-z])                # Mr., Inc., Jan.
    |[A-Z]\.(?=\s+[A-Z])                        # an initial: John F. Kennedy
    |[$£€]?\d+(?:[.,:/-]\d+)*(?:-[^\W\d_]+)*%?  # 1,234.5  1996-08-30  10-year  5%
    |['’][sSdDmM](?![^\W_])                     # 's 'd 'm (a spaced clitic)
    |n['’]t(?![^\W_])                           # n't
    |[^\W_]+(?:[-&'’.][^\W_]+)*                 # words: all-rounder, O'Neill, AT&T
    |\.\.\.|--|``|''
    |\S
    """,
    re.VERBOSE,
)
_CLITIC = re.compile(r"(?i)^(.+?)(n['’]t|['’](?:s|d|m|ll|re|ve))$")


def tokenize(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Tokens of `text` as `(token, start, end)` with `offset` added to both positions.

    Raises nothing; an empty text gives an empty list. Method: Penn Treebank conventions as
    used by CoNLL-2003 (Tjong Kim Sang & De Meulder 2003), applied by one regular expression."""
    out = [(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]
    if "'" not in text and "’" not in text:
        return out
    split = []
    for tok, s, e in out:
        if ("'" in tok or "’" in tok) and len(tok) > 2:
            c = _CLITIC.match(tok)
            if c and c.group(1)[-1:].isalpha():
                cut = len(c.group(1))
                split.append((tok[:cut], s, s + cut))
                split.append((tok[cut:], s + cut, e))
                continue
        split.append((tok, s, e))
    return split
