"""Spans of the `quotes` table's rows: claims holding partial quotes, one row per attribution.

`group_rows` joins the quoted segments of one attribution into one row and gives a partial
quote the claim around it (`_claim`, `claim_end`); `_same_attribution` decides which segments
go together. Rules written for this package, scored against PolNeAR's content spans (see
`newscorpus.eval.quotes`). Split out of `quotes.py`.
"""

from __future__ import annotations

import re

from newscorpus.sources.articles import Article, sentence_at
from newscorpus.sources.indirect import THAT_RE
from newscorpus.sources.marks import Segment, opens_with_mark

_CLAIM_END = re.compile(
    r"\s*(?:;|,\s+(?:but|while|although|though|whereas|according)\b|\s+(?:[—–]|-{1,2})\s|\s*\()"
    # the reported clause goes on with a second verb of the subject: `called it a “mess” and
    # vowed to block it`, `“…” and he left`: the claim ends at the closing mark
    r"|,?\s+but\s+(?=[a-z]{2,}ing\s)"  # `said she was “ready” but warning that …`
    r"|,?\s+(?:and|but)\s+(?=(?:also\s+|then\s+|later\s+|even\s+|[a-z]{3,}ly\s+)?(?:[a-z]{2,}ed|said|says"
    r"|told|tells|took|takes|made|makes|won|wins|held|gave|went|got|wrote|writes|argues|calls"
    r"|vows|adds|urges|warns|insists|asks|claims|promises|pledges|accuses|he|she|they|we|I)\s)"
    # or with a time adverbial: `called her rival “Little Napoleon” on Friday`
    r"|\s+(?=(?:(?:on|last|this|earlier|late|later|early)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri"
    r"|Satur|Sun)day|week|month|year|night|morning|afternoon|evening)\b)"
)
_CLAUSE_GOES_ON = re.compile(r" (?!said|says|told|added|asked)[a-z]")
_GOES_ON_AFTER_COMMA = re.compile(
    r"[\s\u00a0]+(?:because|since|while|when|if|although|though|unless|until|before|after"
    r"|compared|to|for|in|on|with|despite|and|but|where|who|of)\s"
)
PARTICIPLE_START = re.compile(r"(?:,|\sand)\s*$")
MARK_CHARS = '“”"«»„'
# Where the next attribution of the sentence starts: "and describing the gesture as …".
_CLAIM_NEXT = re.compile(r",?\s+and\s+(?=\w+ing\s)")


def reports_alone(verb: str) -> bool:
    """A verb that reports on its own after "and" or a comma ("and said", ", saying"), not a
    bare infinitive inside the claim ("… sit Putin down and tell him “…”")."""
    verb = verb.lower()
    return verb.endswith(("ing", "ed", "s")) or verb in ("said", "told", "wrote", "thought")


def _claim(text: str, art: Article, starts: list[int], first: Segment, last: Segment, limit: int):
    """(start, end, kind) of the claim a speech verb attributes, holding partial quotes.

    From after the verb (and a `that`, or `to`/`on` + two words) to the end of the clause
    holding the last quote (a `;`, `, but`, a dash, a bracket or the sentence end; a final
    full stop outside the marks is left out). Kind `partial` when the claim begins or ends
    with quoted words, as in `said the plan was “dead on arrival.”`; else `indirect` (`said he
    was “very close” to the investigation`): quoted words inside a claim of the writer's own.
    The claim stops before `limit` (the next quote of the paragraph).
    """
    sent_end = min(sentence_at(art, starts, max(last.close_pos, last.open_pos))[3], limit)
    start = first.ref
    m = THAT_RE.match(text, start)
    if m and m.end() <= first.open_pos:
        # PolNeAR's content keeps "that": `said that “…”` is a claim in the writer's words
        that = m.group().rfind("that")
        start = m.start() + that if that >= 0 else m.end()
    if text[first.ref : first.open_pos].strip() == "to":  # `vowed to “take our fight”`
        start = first.ref + text[first.ref : first.open_pos].index("to")
    while start < first.open_pos and text[start].isspace():
        start += 1
    end = claim_end(text, last, sent_end)
    claim = text[start:end]
    quoted_edge = claim[:1] in MARK_CHARS or claim.startswith(("''", "``"))
    quoted_edge = quoted_edge or claim[-1:] in MARK_CHARS or claim.endswith("''")
    return start, end, "partial" if quoted_edge else "indirect"


def claim_end(text: str, last: Segment, sent_end: int) -> int:
    """Where a claim whose last quote is `last` ends: right after the closing mark when the
    quoted words close on punctuation, else at the end of the clause (`;`, `, but`, a dash, a
    bracket, another participle) or of the sentence, a final stop outside the marks left out."""
    after = last.close_pos + 1
    closes = text[last.end - 1 : last.end]
    if closes in ".;?!" or closes == "," and not _GOES_ON_AFTER_COMMA.match(text, after):
        # `called him “weak,” and …`: ends there; not `a “rush to judgment,” because …`
        sent_end = min(sent_end, after)
    m = _CLAIM_END.search(text, after, sent_end) if after < sent_end else None
    if m is None and after < sent_end:
        m = _CLAIM_NEXT.search(text, after, sent_end)
    end = m.start() if m else max(sent_end, after)
    while end > after and (text[end - 1].isspace() or text[end - 1] in ".,:"):
        end -= 1
    if not text[after:end].strip(" \u00a0-—–)?!.,:;"):
        end = after  # `his “deep faith” -`, `(… “for life.”)`, `to “rip up”?`: at the mark
    return end


def subhead(seg: Segment, text: str, para_spans: list) -> bool:
    """A whole line in single marks (‘A Long Road Back.’): a subhead, which takes no speaker
    from the quotes around it."""
    ps, pe = para_spans[seg.para]
    return seg.single and seg.open_pos == ps and not text[seg.close_pos + 1 : pe].strip(" .")


# A second speech verb between two quotes of one speaker: "…,” he said, adding: “…",
# "…,” she said, and then added, “…".
_SECOND_CUE = re.compile(
    r"(?:,[”\"']*|\band|\bthen)\s+(?:then\s+)?(?:adding|added|continuing|continued|went\s+on)\b",
)


def _same_attribution(prev: Segment, seg: Segment, text: str, para_spans: list) -> bool:
    """Whether quote `seg` goes on the attribution of the quote `prev` just before it.

    Both by the same speaker, in one paragraph (or `seg` continuing `prev` in the next paragraph
    that opens with a quotation mark), and `seg` without an attribution of its own: it carries
    `prev`'s speaker, or its attribution is the one after `prev` (`“A,” X said, “B.”`, `“A,” X
    said. “B.”`); two partial quotes of one sentence hanging on one speech verb (`called the
    report “faulty” and reliant on “flawed data”`).
    """
    if prev.who is None or seg.who is None:
        return False
    same_para = seg.para == prev.para
    after = max(prev.end - 1, 0) if prev.kind == "partial" else prev.close_pos + 1
    if same_para and _SECOND_CUE.search(text, after, seg.open_pos):
        return False  # `“A,” he said, adding: “B.”`: a second attribution of its own
    if same_para and prev.via == "carried" and prev.who is seg.who and seg.kind == "direct":
        return True  # `“A.” “B,” X said.`: A took X from B
    if same_para and prev.kind == "partial" and prev.via == "tail" and seg.kind == "direct":
        # `Later, “A,” X said. “B.”`: B goes on the partial quote A and its attribution
        if seg.via == "carried" and prev.who is seg.who:
            return True
        if seg.via == "before" and prev.close_pos >= seg.ref:
            return True
    if same_para and prev.kind == "direct" and prev.via == "tail":
        # The attribution after `prev` is the one `seg` found: one attribution, whoever the
        # pronoun in it was resolved to.
        if seg.kind == "direct" and seg.via == "lead" and seg.ref == prev.ref:
            return True
        if seg.kind == "direct" and seg.via == "before" and prev.close_pos >= seg.ref:
            return True
    if same_para and prev.kind == "direct" and prev.via == "lead" and seg.via == "partial":
        # `Trump says “the game is screwed up” because “football has become soft”`
        if seg.ref <= prev.open_pos and seg.anchor <= prev.open_pos and seg.sent == prev.sent:
            return True
    if prev.who.speaker != seg.who.speaker:
        return False
    if not same_para and not (
        seg.para == prev.para + 1
        and (prev.continues or opens_with_mark(text, para_spans[seg.para][0]))
    ):
        return False
    if prev.kind == "direct" and seg.kind == "direct":
        if seg.via == "carried" or not same_para and prev.continues and seg.via == "before":
            # a quotation left open at its paragraph's end goes on in the next one, unless
            # that one has an attribution of its own (`“A. ¶ “B,” he continued.`)
            return True
        if seg.via == "before":
            return prev.via == "tail" and prev.close_pos >= seg.ref
        return seg.via == "lead" and prev.via == "tail" and same_para and seg.ref == prev.ref
    return (
        prev.kind == "partial"
        and seg.kind == "partial"
        and same_para
        and prev.via == seg.via == "partial"
        and prev.ref == seg.ref
    )


def quote_row(art, starts, start, end, kind, who, verb, para_spans) -> dict:
    """One quote row (the `quotes` table's keys: article, paragraph and sentence ids, kind,
    start, end, speaker `who`, verb) for the quote at `start`..`end` of article `art`."""
    sid, pidx, _, _ = sentence_at(art, starts, start)
    return {
        "article_id": art.article_id,
        "paragraph_id": art.paras[pidx][0],
        "sentence_id": sid,
        "kind": kind,
        "quote": art.text[start:end].replace("\n", " "),  # a hard-wrapped line break
        "who": who,
        "verb": verb,
        "start": start,
        "end": end,
    }


def group_rows(
    quoted: list[Segment], art: Article, starts: list[int], para_spans: list
) -> list[dict]:
    """The rows of the attributed quotes `quoted` (in document order): the parts of one
    attribution make one row (`“A,” X said, “B.”`: quote `A … B`); a partial quote spans the
    claim around it (`_claim`, `claim_end`); keys as `quote_row`'s."""
    text = art.text
    rows: list[dict] = []
    # The parts of one attribution make one row: a quote interrupted by its attribution,
    # continued without a new one, or partial quotes hanging on one speech verb.
    groups: list[list[Segment]] = []
    for seg in quoted:
        if groups and _same_attribution(groups[-1][-1], seg, text, para_spans):
            groups[-1].append(seg)
        else:
            groups.append([seg])
    for k, group in enumerate(groups):
        first, last = group[0], group[-1]
        if first.kind == "partial" and first.via == "tail":  # `… “better reflect it,” Mook wrote`
            s0 = sentence_at(art, starts, first.open_pos)[2]
            s0 = max(
                s0,
                max(
                    (
                        o.close_pos + 1
                        for o in quoted
                        if o.close_pos < first.open_pos and o.para == first.para
                    ),
                    default=s0,
                ),
            )
            while s0 < first.open_pos and text[s0] in " \u00a0\n":
                s0 += 1
            rows.append(
                quote_row(
                    art,
                    starts,
                    s0,
                    last.close_pos + 1,
                    "partial",
                    first.who,
                    first.verb,
                    para_spans,
                )
            )
            continue
        if (
            len(group) == 1
            and first.kind == "direct"
            and (first.via == "lead" or first.open_pos == first.sent)
            and first.close_pos < para_spans[first.para][1]
            and text[first.end - 1 : first.end].isalnum()
            and _CLAUSE_GOES_ON.match(text, first.close_pos + 1)
        ):  # `Obama said “it gets me mad” every time he thinks of it`, `“A big truck” plowed
            # through the barriers, he said`: a claim
            sent_end = sentence_at(art, starts, first.close_pos)[3]
            end = claim_end(text, first, sent_end)
            row = quote_row(
                art, starts, first.open_pos, end, "partial", first.who, first.verb, para_spans
            )
            rows.append(row)
            continue
        if first.via == "cast":  # `identified the judge as “Spanish”`: object to the mark
            end = last.close_pos + 1
            row = quote_row(
                art, starts, first.ref, end, "partial", first.who, first.verb, para_spans
            )
            rows.append(row)
            continue
        if first.via == "partial":  # the claim after the speech verb, quoted words in it
            nxt = groups[k + 1][0] if k + 1 < len(groups) else None
            limit = nxt.open_pos if nxt is not None and nxt.para == last.para else len(text)
            start, end, kind = _claim(text, art, starts, first, last, limit)
            rows.append(quote_row(art, starts, start, end, kind, first.who, first.verb, para_spans))
            continue
        row = quote_row(
            art, starts, first.start, last.end, first.kind, first.who, first.verb, para_spans
        )
        if len(group) > 1:
            row["quote"] = " … ".join(text[seg.start : seg.end] for seg in group)
        rows.append(row)
    return rows
