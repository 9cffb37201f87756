"""`find_quotes`: the `quotes` table of direct, partial and indirect quotations with speakers."""

from __future__ import annotations

import bisect
import re
from operator import itemgetter

import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.sources.articles import _Article, _articles, _gc_paused, _sentence_at
from newscorpus.sources.canonical import article_canonical
from newscorpus.sources.indirect import _THAT_RE, _indirect_rows
from newscorpus.sources.lexicon import (
    _DESCRIPTION,
    _body_mentions,
    _describe_at,
    _Lexicon,
    _lexicon,
    _outlet_mentions,
)
from newscorpus.sources.marks import _find_segments, _mask, _opens_with_mark, _Segment
from newscorpus.sources.speakers import (
    _NAME_BEFORE,
    _analyse,
    _appositive,
    _last_clause_break,
    _longest_prefix,
    _People,
    _source_type,
    _subject_before,
    _Who,
)
from newscorpus.sources.words import (
    _ADV,
    _FIRST,
    _INTRO,
    _LOWER_RE,
    _NP,
    _PARTIAL_RE,
    _VERB_ALT,
    _VERB_RE,
    QUOTE_COLUMNS,
    QUOTE_KINDS,
)

_TAIL_INVERTED = re.compile(
    r"^[\s,—–-]*(?P<verb>" + _VERB_ALT.replace(" ", r"\s+") + r")\s+(?P<np>[^,;:“”\"«»?!]+?)"
    r"(?:\s*,\s*(?!\w+ing\s)(?P<appos>[^“”\"«»]*?))?\s*(?:[.?!]\s*$|$|,?\s+(?:\w+ing\s|who\s|"
    r"in an? |on |during |at a |after |before |when |while |last |this |earlier |in \w+ |to ))"
)


_TAIL_NORMAL = re.compile(
    r"^[\s,—–-]*" + _NP + _ADV + r"\s+(?P<verb>" + _VERB_ALT.replace(" ", r"\s+") + r")(?![\w’'-])"
)


# A quote signed after its closing mark: "“…” ― Ana Ruiz" (a horizontal bar or a dash).
_TAIL_SIGNED = re.compile(r"^\s*[―—–-]\s*(?P<np>[A-Z][^,.;:“”\"«»\n]{1,60}?)\s*[,.]?\s*$")


_TAIL_OTHER = re.compile(
    r"^[\s,—–-]*(?:(?:is|was|are|were)\s+(?:an?\s+[\w\s-]{1,30}?\s+)?attributed\s+to\s+(?P<np1>[^,.;“”\"]+)"
    r"|as\s+(?P<np2>[^,.;“”\"]{1,80}?)"
    + _ADV
    + r"\s+(?P<verb2>"
    + _VERB_ALT.replace(" ", r"\s+")
    + r")(?![\w’'-])|according\s+to\s+(?P<np3>[^,.;“”\"]+))"
)


_LEAD_PARTICIPLE = re.compile(
    r"(?:,|\s)\s*(writing|saying|adding|tweeting|declaring|stating|posting|telling\s+[\w\s]{1,30}?"
    r"|asking)\s*[:,]$",
    re.IGNORECASE,
)


_LEAD_ACCORDING = re.compile(r"[Aa]ccording\s+to\s+(?P<np>[^,:“”\"]+)[,:]\s*$")


_ENDS_WITH_VERB = re.compile(
    r"(?:^|[\s,])(?:"
    + _VERB_ALT.replace(" ", r"\s+")
    + r")(?:(?:\s+[\w’'.-]+){0,3}\s*[:,]|\s*[:,]?)\s*$"
)


def _attribute_tail(tail: str, lex: _Lexicon) -> tuple[_Who | None, str | None, str | None]:
    """(speaker, verb, appositive) from the words right after a closing quotation mark."""
    m = _TAIL_SIGNED.match(tail)
    if m:
        who = _longest_prefix(m.group("np"), lex)
        if who is not None and who.kind in ("person", "organization", "outlet"):
            return who, "signed", None
    m = _TAIL_OTHER.match(tail)
    if m:
        if m.group("np1"):
            return _longest_prefix(m.group("np1"), lex), "attributed to", None
        if m.group("np2"):
            return _analyse(m.group("np2"), lex), m.group("verb2").lower(), None
        return _longest_prefix(m.group("np3"), lex), "according to", None
    m = _TAIL_INVERTED.match(tail)
    if m:
        who = _analyse(m.group("np"), lex) or _plain_np(m.group("np"), lex)
        if who is None:  # "said the base chief known as Bob": the longest reading that opens it
            who = _longest_prefix(m.group("np"), lex)
        if who is not None:
            return who, " ".join(m.group("verb").lower().split()), m.group("appos")
    m = _TAIL_NORMAL.match(tail)
    if m:
        np_text = m.group("np")
        appos = None
        if "," in np_text:
            named, rest = _subject_before(np_text, lex)  # "the mayor, Paul Ingram, said"
            if named is not None and named.kind == "person" and " " in named.speaker:
                return named, " ".join(m.group("verb").lower().split()), rest or None
            np_text, appos = np_text.split(",", 1)
        who = _analyse(np_text, lex) or _plain_np(np_text, lex)
        if who is None and appos is not None:  # "… that the border is safe, he said"
            who, appos = _analyse(appos.rsplit(",", 1)[-1], lex), None
        if who is not None:
            return who, " ".join(m.group("verb").lower().split()), appos
    return None, None, None


# A plain noun phrase the lexicon does not know, as the subject of a speech verb right after a
# quote: "the note says", "the designer said", "his friend Ana Ruiz told" (the name after it).
_PLAIN_NP = re.compile(
    r"^(?i:the|a|an|his|her|their|its|one|another)\s+(?P<noun>(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*)"
    r"(?:\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'-]+){0,3}))?$"
)
_NOT_SPEAKER_NOUNS = frozenset("day week month year time way thing point end".split())


_NAMING_VERBS = frozenset(
    "called calling calls dubbed dubbing labeled labelled labeling branded branding termed".split()
)
_FIRST_VERB = re.compile(r"\s(?:[a-z]+ed|put|sent|took|went|made|got|held|gave)\b")


def _plain_subject(clause: str, lex: _Lexicon) -> _Who | None:
    """A plain noun phrase opening `clause` up to its first past-tense verb ("The town
    released …", "His chief aide doubled down …"), read by `_plain_np`; else None."""
    clause = clause.strip()
    m = _FIRST_VERB.search(clause)
    return _plain_np(clause[: m.start()], lex) if m else None


def _verb_first(after: str, lex: _Lexicon) -> _Who | None:
    """The speaker after a verb that opens its clause: "Continued Stone:", "Said the mayor:"."""
    after = after.strip(" :,")
    if not after or len(after.split()) > 8:
        return None
    return _analyse(after, lex) or _plain_np(after, lex) or _longest_prefix(after, lex)


def _plain_np(np_text: str, lex: _Lexicon) -> _Who | None:
    """A speaker from a noun phrase `_analyse` does not read (see `_PLAIN_NP`), or None."""
    m = _PLAIN_NP.match(" ".join(np_text.split()))
    if m is None or m.group("noun").split()[-1] in _NOT_SPEAKER_NOUNS:
        return None
    if m.group("name"):
        who = _analyse(m.group("name"), lex)
        return who if who is not None and who.kind == "person" else None
    return _Who(m.group(0), "anonymous")


def _article_rows(art: _Article, lex: _Lexicon) -> list[dict]:
    text = art.text
    para_spans = [(s, e) for _, s, e in art.paras]
    segments = _find_segments(text, para_spans)
    masked = _mask(text, segments)
    starts = [s[2] for s in art.sents]
    ends = [s[3] for s in art.sents]
    pidx = [s[1] for s in art.sents]
    if ends == sorted(ends) and pidx == sorted(pidx):
        art.ends = ends
    people = _People(art, masked, lex)
    by_para: dict[int, list[_Segment]] = {}
    for seg in segments:
        by_para.setdefault(seg.para, []).append(seg)
    # Quotes and sentences in document order, so speakers found earlier can resolve pronouns.
    events = [(seg.open_pos, 0, seg) for seg in segments]
    cues = art.cues  # other sentences hold no attribution word: their events would do nothing
    events += [(s[3], 1, s) for s in art.sents if s[0] in cues]
    events.sort(key=itemgetter(0, 1))
    rows: list[dict] = []
    quoted_sents: set[int] = set()
    for _, what, item in events:
        if what == 1:
            sid, pidx, s_start, s_end = item
            if sid in quoted_sents:
                continue
            sent = masked[s_start:s_end]
            for who, verb, (q0, q1) in _indirect_rows(sent, lex):
                anchor = s_start + len(sent.rstrip()) - 1
                if who.kind == "pronoun":  # resolve() returns anything else as it is
                    who = people.resolve(who, anchor, pidx)
                if who.kind == "pronoun":
                    continue
                if who.kind in ("person", "anonymous", "organization"):
                    people.add(anchor, who)
                rows.append(
                    _row(art, starts, s_start + q0, s_start + q1, "indirect", who, verb, para_spans)
                )
            continue
        seg = item
        siblings = by_para[seg.para]
        idx = next(k for k, o in enumerate(siblings) if o is seg)
        if _classify(seg, idx, siblings, art, starts, masked, text, para_spans, people, lex):
            quoted_sents.add(_sentence_at(art, starts, seg.open_pos)[0])
            quoted_sents.add(_sentence_at(art, starts, max(seg.close_pos - 1, seg.open_pos))[0])
            if seg.via == "tail" and text[seg.end - 1 : seg.end] in ("?", "!"):
                # `“Stop!” X said.` when split after the mark: the attribution's sentence
                after = min(seg.close_pos + 2, len(text) - 1)
                quoted_sents.add(_sentence_at(art, starts, after)[0])
    quoted = [s for s in segments if s.kind]
    # 2. Quotes without attribution keep the speaker of the quote next to them.
    for idx, seg in enumerate(quoted):
        if seg.who is not None or seg.kind != "direct" or _subhead(seg, text, para_spans):
            continue
        same = [
            o for o in quoted if o.para == seg.para and o.who is not None and o.kind == "direct"
        ]
        before = [o for o in same if o.open_pos < seg.open_pos]
        if before or same:
            src = (before or same)[-1] if before else same[0]
            seg.who, seg.verb, seg.via = src.who, src.verb, "carried"
            continue
        prev = quoted[idx - 1] if idx else None
        if (
            prev is not None
            and prev.para == seg.para - 1
            and prev.who is not None
            and (prev.continues or _opens_with_mark(text, para_spans[seg.para][0]))
        ):
            seg.who, seg.verb, seg.via = prev.who, prev.verb, "carried"
    for seg in reversed(quoted):  # a quote continued over paragraphs, attributed at its end
        if seg.who is None and seg.continues:
            nxt = next((o for o in quoted if o.para == seg.para + 1), None)
            if nxt is not None and nxt.who is not None:
                seg.who, seg.verb, seg.via = nxt.who, nxt.verb, "carried"
    for seg in quoted:  # a quote paragraph signed on the next line: "- Bernie Sanders."
        if seg.who is None and seg.kind == "direct" and seg.para + 1 < len(para_spans):
            ns, ne = para_spans[seg.para + 1]
            m = _SIGNATURE.match(text, ns, ne)
            if m and not _ALNUM_AFTER.search(text, seg.close_pos + 1, para_spans[seg.para][1]):
                who = _longest_prefix(m.group("np"), lex)
                if who is not None and who.kind in ("person", "organization", "outlet"):
                    seg.who, seg.verb, seg.via, seg.ref = who, "signed", "before", ns
                    continue
            m = _NEXT_LINE.match(text, ns, ne)
            if (
                m
                and len(text[ns:ne].split()) <= 30
                and not _VERB_RE.search(text, ns, ne)
                and not _ALNUM_AFTER.search(text, seg.close_pos + 1, para_spans[seg.para][1])
            ):
                who = _longest_prefix(m.group("np"), lex)
                if who is not None and who.kind == "person" and " " in who.speaker:
                    seg.who, seg.verb, seg.via, seg.ref = who, "signed", "before", ns
    for seg in quoted:  # a quote paragraph after "X issued a statement …" / "X said …"
        if (
            seg.who is None
            and seg.kind == "direct"
            and not _subhead(seg, text, para_spans)
            and seg.open_pos == para_spans[seg.para][0]
        ):
            who, verb, anchor = _paragraph_before(art, seg, masked, lex)
            if who is not None and who.kind == "pronoun":
                who = people.resolve(who, anchor, seg.para - 1)
            if who is not None and who.kind != "pronoun":
                seg.who, seg.verb, seg.via, seg.ref = who, verb, "before", anchor
    # Single marks with no attribution at all are headlines ('Carnage on the road' in Nice).
    quoted = [seg for seg in quoted if seg.who is not None or not seg.single]
    for seg in quoted:  # no attribution anywhere near: the person last named or quoted
        if seg.who is None and seg.kind == "direct":
            who = people.resolve(_Who("he", "pronoun"), seg.open_pos, seg.para)
            if who is not None and who.kind == "person":
                seg.who, seg.verb, seg.via = who, None, "nearest"
    # 3. The parts of one attribution make one row: a quote interrupted by its attribution,
    # continued without a new one, or partial quotes hanging on one speech verb.
    groups: list[list[_Segment]] = []
    for seg in quoted:
        if groups and _same_attribution(groups[-1][-1], seg, text, para_spans):
            groups[-1].append(seg)
        else:
            groups.append([seg])
    for k, group in enumerate(groups):
        first, last = group[0], group[-1]
        if first.kind == "partial" and first.via == "tail":  # `… “better reflect it,” Mook wrote`
            s0 = _sentence_at(art, starts, first.open_pos)[2]
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
                _row(
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
            and first.via == "lead"
            and first.close_pos < para_spans[first.para][1]
            and _CLAUSE_GOES_ON.match(text, first.close_pos + 1)
        ):  # `Obama said “it gets me mad” every time he thinks of it`: a claim
            sent_end = _sentence_at(art, starts, first.close_pos)[3]
            end = _claim_end(text, first, sent_end)
            row = _row(
                art, starts, first.open_pos, end, "partial", first.who, first.verb, para_spans
            )
            rows.append(row)
            continue
        if first.via == "partial":  # the claim after the speech verb, quoted words in it
            nxt = groups[k + 1][0] if k + 1 < len(groups) else None
            limit = nxt.open_pos if nxt is not None and nxt.para == last.para else len(text)
            start, end, kind = _claim(text, art, starts, first, last, limit)
            rows.append(_row(art, starts, start, end, kind, first.who, first.verb, para_spans))
            continue
        row = _row(
            art, starts, first.start, last.end, first.kind, first.who, first.verb, para_spans
        )
        if len(group) > 1:
            row["quote"] = " … ".join(text[seg.start : seg.end] for seg in group)
        rows.append(row)
    return _finish(art, rows, people, lex, masked)


_CLAIM_END = re.compile(
    r"\s*(?:;|,\s+(?:but|while|although|though|whereas|according)\b|\s+[—–]\s|\s*\()"
    # the reported clause goes on with a second verb of the subject: `called it a “mess” and
    # vowed to block it`, `“…” and he left`: the claim ends at the closing mark
    r"|,?\s+(?:and|but)\s+(?=(?:also\s+|then\s+|later\s+|even\s+)?(?:[a-z]{2,}ed|said|says"
    r"|told|tells|took|takes|made|makes|won|wins|held|gave|went|got|wrote|writes|argues|calls"
    r"|vows|adds|urges|warns|insists|asks|claims|promises|pledges|accuses|he|she|they|we|I)\s)"
    # or with a time adverbial: `called her rival “Little Napoleon” on Friday`
    r"|\s+(?=(?:on|last|this|earlier|late|later|early)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur"
    r"|Sun)day|week|month|year|night|morning|afternoon|evening)\b)"
)
_CLAUSE_GOES_ON = re.compile(r" (?!said|says|told|added|asked)[a-z]")
_GOES_ON_AFTER_COMMA = re.compile(
    r"[\s\u00a0]+(?:because|since|while|when|if|although|though|unless|until|before|after"
    r"|compared|which|the|a|an|to|for|in|on|with|despite)\s"
)
_PARTICIPLE_START = re.compile(r"(?:,|\sand)\s*$")
_MARK_CHARS = '“”"«»„'
# Where the next attribution of the sentence starts: "and describing the gesture as …".
_CLAIM_NEXT = re.compile(r",?\s+and\s+(?=\w+ing\s)")


def _reports(verb: str) -> bool:
    """A verb that reports on its own after "and" or a comma ("and said", ", saying"), not a
    bare infinitive inside the claim ("… sit Putin down and tell him “…”")."""
    verb = verb.lower()
    return verb.endswith(("ing", "ed", "s")) or verb in ("said", "told", "wrote", "thought")


def _claim(
    text: str, art: _Article, starts: list[int], first: _Segment, last: _Segment, limit: int
):
    """(start, end, kind) of the claim a speech verb attributes, holding partial quotes.

    From after the verb (and a `that`, or `to`/`on` + two words) to the end of the clause
    holding the last quote (a `;`, `, but`, a dash, a bracket or the sentence end; a final
    full stop outside the marks is left out). Kind `partial` when the claim begins or ends
    with quoted words, as in `said the plan was “dead on arrival.”`; else `indirect` (`said he
    was “very close” to the investigation`): quoted words inside a claim of the writer's own.
    The claim stops before `limit` (the next quote of the paragraph).
    """
    sent_end = min(_sentence_at(art, starts, max(last.close_pos, last.open_pos))[3], limit)
    start = first.ref
    m = _THAT_RE.match(text, start)
    if m and m.end() <= first.open_pos:
        # PolNeAR's content keeps "that": `said that “…”` is a claim in the writer's words
        that = m.group().rfind("that")
        start = m.start() + that if that >= 0 else m.end()
    if text[first.ref : first.open_pos].strip() == "to":  # `vowed to “take our fight”`
        start = first.ref + text[first.ref : first.open_pos].index("to")
    while start < first.open_pos and text[start].isspace():
        start += 1
    end = _claim_end(text, last, sent_end)
    claim = text[start:end]
    quoted_edge = claim[:1] in _MARK_CHARS or claim.startswith(("''", "``"))
    quoted_edge = quoted_edge or claim[-1:] in _MARK_CHARS or claim.endswith("''")
    return start, end, "partial" if quoted_edge else "indirect"


def _claim_end(text: str, last: _Segment, sent_end: int) -> int:
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
    return end


def _subhead(seg: _Segment, text: str, para_spans: list) -> bool:
    """A whole line in single marks (‘A Long Road Back.’): a subhead, which takes no speaker
    from the quotes around it."""
    ps, pe = para_spans[seg.para]
    return seg.single and seg.open_pos == ps and not text[seg.close_pos + 1 : pe].strip(" .")


def _same_attribution(prev: _Segment, seg: _Segment, text: str, para_spans: list) -> bool:
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
    if same_para and prev.via == "carried" and prev.who is seg.who and seg.kind == "direct":
        return True  # `“A.” “B,” X said.`: A took X from B
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
        and (prev.continues or _opens_with_mark(text, para_spans[seg.para][0]))
    ):
        return False
    if prev.kind == "direct" and seg.kind == "direct":
        if seg.via == "carried":
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


_TITLE_NOUN = re.compile(
    r"(?:book|film|show|series|movie|song|album|novel|memoir|autobiography|program|programme"
    r"|titled|entitled|slogan|documentary|play|musical|sitcom|drama)[\s,]*$",
    re.IGNORECASE,
)
# A capitalised quote after a possessive or a preposition is a name, even with an attribution
# after it: `Sunday on Fox's “Meet the Press,” Jo Lee said …`, `a clip of “Morning Joe”`.
_TITLE_BEFORE = re.compile(
    r"(?:[’']s|(?<![\w’'-])(?:on|in|of|at|from|with|by|for|about|into|during))$", re.IGNORECASE
)
_SMALL_WORDS = frozenset("a an the of and or in on at to for from by with vs. v. de la".split())
_TITLE_WORD = re.compile(r"[^\w’'-]+")


def _is_title(content: str) -> bool:
    """Whether quoted words read as a title or a name: up to eight words, every word but
    small ones (of, the, and, …) capitalised, as in ''The Big Short'' or “Meet the Press”."""
    words = [w for w in _TITLE_WORD.sub(" ", content).split() if w]
    if not words or len(words) > 8:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words)


_NAMING_CUE = re.compile(
    r"(?<![\w’'-])(?:so-called|(?:dubbed|nicknamed|labell?ed|termed|branded)(?:\s+[\w’'-]+){0,3}"
    r"|known\s+as|referred\s+to(?:\s+[\w’'-]+){0,3}\s+as|billed\s+as)\s*,?\s*(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"[-—–―]\s*(?P<np>[A-Z][^,.\n]{1,60})(?:[,.]|$)")
# A quote paragraph whose speaker is named on the next line, with a description and maybe a
# topic: "Jane Roe, a fellow at an institute, on the race."; a short line without quotes.
_NEXT_LINE = re.compile(r"(?P<np>[A-Z][^,.\n“”\"«»]{1,50}),\s+[^“”\"«»\n]{2,160}$")
_ALNUM_AFTER = re.compile(r"\w")


def _paragraph_before(art: _Article, seg: _Segment, masked: str, lex: _Lexicon):
    """(speaker, verb, position) from the last sentence of the paragraph before a quote that
    opens its paragraph without an attribution: "X issued a statement apologizing …", "X said
    the talks had failed." — (None, None, 0) when it has no speech verb or statement."""
    prev = _sentences_before(art, seg.open_pos, seg.para - 1) if seg.para else []
    if not prev or prev[-1][1] != seg.para - 1:
        return None, None, 0
    start = prev[-1][2]
    sent = masked[start : prev[-1][3]].rstrip()
    m = _VERB_RE.search(sent)
    if m:
        who, _ = _subject_before(sent[: m.start()], lex)
        return who, " ".join(m.group(1).lower().split()), start + m.start()
    if "statement" in sent:
        return _sentence_subject(sent, lex), "statement", start
    return None, None, 0


def _colon_subject(lead: str, lex: _Lexicon) -> _Who | None:
    """Who speaks after a colon without a speech verb: the subject opening the clause.

    `Donald Trump issued the following statement:`, `Kaine has adopted the stance common among
    Catholics:`, `In response, the ministry wrote:`: the longest noun phrase at the start of
    the clause, or after one of its commas (an introductory phrase); a person, an unnamed
    source, an organisation, an outlet or a document.
    """
    clause = lead[_last_clause_break(lead[:-1]) + 1 : -1].strip()
    parts = _DASH_RE.split(clause)  # "HEADLINE - Frank Newport and Jim Harter:"
    clause = _MORE_FROM_RE.sub("", parts[-1].strip())  # "More from the report:"
    return _sentence_subject(clause, lex)


_DASH_RE = re.compile(r"\s[-—–]\s?")
_MORE_FROM_RE = re.compile(r"^(?:more\s+)?from\s+", re.IGNORECASE)
_LEADING = frozenset("from with during despite amid among following like unlike as".split())


def _sentence_subject(clause: str, lex: _Lexicon) -> _Who | None:
    """The noun phrase opening `clause`, or opening one of its first comma-separated pieces
    when the clause starts with an introductory phrase ("After the attacks, Trump …")."""
    for piece in clause.split(",")[:4]:
        words = piece.split()
        if len(words) < 2 and not (words and words[0][:1].isupper() and words[0][-1:] != "."):
            continue  # "San Bernardino, Calif., a familiar voice celebrated …"
        if words[0].lower() in _INTRO or words[0].lower() in _LEADING:
            continue
        who = _longest_prefix(piece, lex)
        if who is not None and who.kind not in ("description", "short"):
            return who
    return None


def _opening_subject(clause: str, lex: _Lexicon) -> _Who | None:
    """The capitalised name opening `clause`, up to its first lower-case word other than "of"
    ("Governor Ana Ruiz quickly took to Twitter" → Ana Ruiz), else `_sentence_subject`."""
    words = clause.split()
    j = 0
    while j < len(words) and (words[j][:1].isupper() or words[j] in ("of", "the", "de", "for")):
        j += 1
    if j:
        who = _longest_prefix(" ".join(words[:j]), lex)
        if who is not None and who.kind in ("person", "organization", "anonymous", "outlet"):
            return who
    return _sentence_subject(clause, lex)


def _sentences_before(art: _Article, pos: int, min_para: int) -> list:
    """`[s for s in art.sents if s[3] <= pos and s[1] >= min_para]`, or its last item only.

    Only the last sentence is used; when sentence ends and paragraph indexes both rise through
    the article (they do for read_corpus output), bisect finds it.
    """
    ends = art.ends
    if ends is None:
        return [s for s in art.sents if s[3] <= pos and s[1] >= min_para]
    j = bisect.bisect_right(ends, pos)
    return [art.sents[j - 1]] if j and art.sents[j - 1][1] >= min_para else []


def _classify(seg, idx, siblings, art, starts, masked, text, para_spans, people, lex) -> bool:
    """Decide direct / partial / not a quote, and find the attribution; True when a quote."""
    _, pidx, s_start, s_end = _sentence_at(art, starts, seg.open_pos)
    p_start, p_end = para_spans[seg.para]
    # max/min over the siblings before and after, with the common short cases spelled out.
    if idx == 0:
        prev_close = p_start
    elif idx == 1:
        prev_close = siblings[0].close_pos + 1
    else:
        prev_close = max(o.close_pos + 1 for o in siblings[:idx])
    n_after = len(siblings) - idx - 1
    if n_after == 0:
        next_open = p_end
    elif n_after == 1:
        next_open = siblings[-1].open_pos
    else:
        next_open = min(o.open_pos for o in siblings[idx + 1 :])
    lead = masked[max(s_start, prev_close) : seg.open_pos]
    close_sent = _sentence_at(art, starts, min(seg.close_pos, p_end - 1))
    tail = text[seg.close_pos + 1 : min(close_sent[3], next_open)] if seg.close_pos < p_end else ""
    if not tail.strip() and text[seg.end - 1 : seg.end] in "?!" and close_sent[3] < next_open:
        # `“Why not?” she asked.` split after the question mark: the attribution opens the
        # next sentence of the paragraph.
        tail = text[seg.close_pos + 1 : min(close_sent[3] + 200, next_open, p_end)]
    lead_stripped = lead.strip(" \u00a0")
    standalone = (
        not lead_stripped
        or lead_stripped.endswith(":")
        or bool(_ENDS_WITH_VERB.search(lead_stripped[-80:]))
        or bool(_LEAD_ACCORDING.search(lead))
    )
    content = text[seg.start : seg.end]
    adjacent = standalone or content[-1:] in ",.?!" or tail.lstrip(" ").startswith(",")
    who, verb, appos = _attribute_tail(tail[:200], lex) if adjacent else (None, None, None)
    anchor, via, ref = seg.close_pos, "tail", seg.close_pos + 1
    if who is None and lead_stripped:
        m = _LEAD_ACCORDING.search(lead)
        via, ref = "lead", max(s_start, prev_close)
        if m:
            who, verb = _longest_prefix(m.group("np"), lex), "according to"
        else:
            verbs = list(_VERB_RE.finditer(lead_stripped)) if standalone else []
            m = verbs[-1] if verbs else None
            # "X said:", "X told Reuters," — the verb near the end of the lead, X before it.
            if m and len(lead_stripped) - m.end() <= 40 and m.start() > 0:
                who, appos = _subject_before(lead_stripped[: m.start()], lex)
                verb = " ".join(m.group(1).lower().split())
            elif m and m.start() == 0 and lead_stripped.endswith(":"):
                who = _verb_first(lead_stripped[m.end() :], lex)  # "Continued Stone:"
                verb = " ".join(m.group(1).lower().split())
            elif m is None and _LEAD_PARTICIPLE.search(lead_stripped):
                # "X took to Twitter, writing:": the subject of the clause, not "Twitter"
                p = _LEAD_PARTICIPLE.search(lead_stripped)
                clause = lead_stripped[: p.start()]
                who = _opening_subject(clause[_last_clause_break(clause) + 1 :].strip(), lex)
                verb = p.group(1).lower()
            elif m is None and lead_stripped.endswith(":"):
                who, verb = _colon_subject(lead_stripped, lex), ":"
        anchor = seg.open_pos
    if standalone:
        seg.kind = "direct"
        if who is None:
            # Attribution in the sentence before: in the same paragraph, or ending in a colon.
            prev = _sentences_before(art, seg.open_pos, seg.para - 1)
            sent = masked[prev[-1][2] : prev[-1][3]].rstrip() if prev else ""
            if sent and (sent.endswith(":") or prev[-1][1] == seg.para):
                m = _VERB_RE.search(sent)
                if m:
                    who, appos = _subject_before(sent[: m.start()], lex)
                    if who is None and not sent[: m.start()].strip():
                        who = _verb_first(sent[m.end() :], lex)  # "Stated Stone:" ¶ “…”
                    verb = " ".join(m.group(1).lower().split())
                    anchor, via, ref = prev[-1][2] + m.start(), "before", prev[-1][2]
                elif sent.endswith(":"):  # "X issued the following statement:"
                    who, verb = _colon_subject(sent, lex), ":"
                    anchor, via, ref = prev[-1][2], "before", prev[-1][2]
    else:
        n_words = len(text[seg.start : seg.end].split())
        if who is None:
            # A partial quote: the speech verb of its own sentence, before the quote.
            sentence = masked[s_start : seg.open_pos]
            finite = [m for m in _PARTIAL_RE.finditer(sentence)]
            if finite and (n_words > 2 or len(sentence[finite[-1].end() :].split()) <= 8):
                # The verb nearest the quote with a subject before it ("While not all Trump says
                # is true, Jamieson said Trump is “…”"; "attacks" may be a noun); a participle
                # takes the sentence's subject ("X won, declaring it “…”").
                for m in finite:
                    if m.group(1).endswith("ing"):
                        continue
                    who, appos = _subject_before(sentence[: m.start()], lex)
                    if who is not None:
                        break
                if who is None:
                    m = finite[0]
                    who = _sentence_subject(sentence[: m.start()], lex)
                    if who is None:  # "The town released a statement saying …": the town
                        who = _plain_subject(sentence[: m.start()], lex)
                verb = " ".join(m.group(1).lower().split())
                anchor = s_start + m.start()
                # The claim starts after the verb, or after a participle nearer the quote
                # ("…, saying they had no “…”").
                near = [
                    v
                    for v in finite
                    if v.start() > m.start()
                    and _reports(v.group(1))
                    and _PARTICIPLE_START.search(sentence, 0, v.start())
                ]
                via, ref = "partial", s_start + (near[-1] if near else m).end()
        if who is None and n_words <= 8 and _NAMING_CUE.search(masked, s_start, seg.open_pos):
            # A name or term after a naming cue ("dubbed “Blue Wave”", "a so-called “safe
            # harbor” rule"): a partial quote of whoever coined it (PolNeAR annotates it, often
            # without a source); no speaker unless a speech verb gave one.
            seg.kind, seg.who, seg.verb, seg.anchor, seg.sent = "partial", None, "named", 0, s_start
            seg.via, seg.ref = "", -1
            return True
        if who is None:
            return False  # scare quotes, titles, names in quotes
        seg.kind = "partial"
    if who is not None and appos and who.kind == "person":
        role, org = _appositive(appos, lex)
        who.role = role or who.role
        who.organisation = org or who.organisation
    if who is not None and who.kind == "pronoun":  # resolve() returns anything else as it is
        who = people.resolve(who, anchor, seg.para)
    if (
        _is_title(content)
        and not (via == "partial" and verb in _NAMING_VERBS)  # called him “Little Marco”
        and (
            who is None
            or via not in ("tail", "lead")
            or _TITLE_NOUN.search(text, 0, seg.open_pos)
            or via == "tail"
            and _TITLE_BEFORE.search(lead_stripped[-30:])
        )
        and not (seg.kind == "partial" and _NAMING_CUE.search(masked, s_start, seg.open_pos))
    ):
        seg.kind = ""
        return False  # a title or a name: ''The Big Short'', “Meet the Press”
    seg.who, seg.verb, seg.anchor, seg.sent = who, verb, anchor, s_start
    seg.via, seg.ref = (via, ref) if who is not None else ("", -1)
    people.add(anchor, seg.who)
    return True


def _row(art, starts, start, end, kind, who, verb, para_spans) -> dict:
    sid, pidx, _, _ = _sentence_at(art, starts, start)
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


def _finish(
    art: _Article, rows: list[dict], people: _People, lex: _Lexicon, masked: str
) -> list[dict]:
    full_names: dict[str, _Who] = {}
    surnames = {
        r["who"].speaker
        for r in rows
        if r["who"] is not None and r["who"].kind == "person" and " " not in r["who"].speaker
    }
    first, last = art.paras[0][1], art.paras[-1][2]
    for surname in sorted(surnames):  # a surname alone: find the full name in the article
        i = masked.find(surname, first, last)
        while i >= 0:
            m = _NAME_BEFORE.search(masked, max(first, i - 60), i)
            if m is not None and not _VERB_RE.match(m.group()):  # not "Continued Stone"
                who = _analyse(m.group() + surname, lex, attribution=False)
                if who is not None and who.kind == "person" and " " in who.speaker:
                    full_names.setdefault(who.speaker, who)
            i = masked.find(surname, i + len(surname), last)
    index = {pid: k for k, (pid, _, _) in enumerate(art.paras)}
    any_the = False
    for r in rows:  # "the man": look for "one man" in the paragraphs just before
        who = r["who"]
        if who is not None and who.kind == "anonymous" and who.speaker[:4].lower() == "the ":
            any_the = True
            k = index[r["paragraph_id"]]
            for j in range(max(k - 3, 0), k + 1):
                people.mentions(j)
    cands = people.known()
    for _, who in cands:
        if who.kind == "person" and " " in who.speaker:
            full_names.setdefault(who.speaker, who)
    for row in rows:
        who = row["who"]
        if who is not None and who.kind == "person" and " " in who.speaker:
            full_names.setdefault(who.speaker, who)
    # One role per person: the first descriptive one (an appositive beats a bare title).
    roles: dict[str, tuple] = {}
    mentions = [w for _, w in cands] + [r["who"] for r in rows if r["who"] is not None]
    for who in mentions:
        if who.kind != "person":
            continue
        name = who.speaker
        if " " not in name:
            match = [n for n in full_names if name in n.split()]
            name = match[0] if match else name
        role, org = roles.get(name, (None, None))
        descriptive = bool(who.role and _LOWER_RE.search(who.role))
        if role is None or descriptive and not _LOWER_RE.search(role):
            role = who.role or role
        roles[name] = (role, org or who.organisation)
    anon = (
        sorted(
            [(p, w) for p, w in cands if w.kind == "anonymous" and not w.plural]
            + [
                (r["start"], r["who"])
                for r in rows
                if r["who"] is not None and r["who"].kind == "anonymous" and not r["who"].plural
            ],
            key=_FIRST,
        )
        if any_the
        else []
    )
    outlets = None
    out = []
    for row in sorted(rows, key=itemgetter("start", "end")):
        who = row.pop("who")
        if who is not None:
            who = _Who(who.speaker, who.kind, who.role, who.organisation, who.type, who.plural)
            if who.kind == "person" and " " not in who.speaker:
                match = [w for n, w in full_names.items() if who.speaker in n.split()]
                if match:
                    who.speaker = match[0].speaker
            if who.kind == "person" and who.speaker in roles:
                who.role, who.organisation = roles[who.speaker]
            if who.kind == "description":
                if outlets is None:
                    outlets = _outlet_mentions(art, lex, masked)
                ent = None
                dm = _DESCRIPTION.search(who.speaker)
                if dm:
                    before = [o for o in outlets if o[0] < row["start"]]
                    ent = _describe_at(dm, before, art.publisher)
                who = (
                    _Who(ent.name, "outlet", None, None, "media")
                    if ent
                    else _Who(who.speaker, "outlet", None, None, "media")
                )
            if who.kind == "short":
                if outlets is None:
                    outlets = _outlet_mentions(art, lex, masked)
                options = lex.short.get(who.speaker, [])
                seen = [o[2] for o in outlets if o[0] < row["start"] and o[2] in options]
                ent = seen[-1] if seen else (options[0] if len(options) == 1 else None)
                if ent is None or ent.name == art.publisher:
                    continue  # an unclear short form, or the article's own publisher
                who = _Who(ent.name, "outlet", None, None, "media")
            if who.kind in ("outlet",) and who.speaker == art.publisher:
                continue
            if who.kind == "anonymous" and who.speaker.lower().startswith("the "):
                head = who.speaker.lower().split()[-1]
                earlier = [
                    w
                    for p, w in anon
                    if p < row["start"]
                    and w.speaker.lower().split()[-1] == head
                    and w.speaker.lower().split()[0] in ("one", "a", "an", "another")
                ]
                if earlier:
                    who = _Who(
                        earlier[-1].speaker,
                        "anonymous",
                        earlier[-1].role,
                        earlier[-1].organisation,
                        earlier[-1].type,
                    )
            if who.kind == "pronoun":
                who = _Who(who.speaker, "unknown")
        row["speaker"] = who.speaker if who else None
        row["speaker_kind"] = who.kind if who else "unknown"
        row["speaker_role"] = who.role if who else None
        row["organisation"] = who.organisation if who else None
        row["source_type"] = _source_type(who, lex)
        out.append(row)
    article_canonical(out, masked, first, last, lex, lambda: _body_mentions(art, lex, masked))
    return out


def find_quotes(
    corpus: Corpus,
    extra_outlets: list | pd.DataFrame | None = None,
    extra_organisations: list | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The `quotes` table: direct, partial and indirect quotations with their speakers."""
    lex = _lexicon(extra_outlets, extra_organisations)
    rows = []
    with _gc_paused():
        for art in _articles(corpus, lex):
            rows.extend(_article_rows(art, lex))
        table = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
        del rows  # freed before the collector resumes, so it need not walk them
    table["kind"] = table["kind"].astype(pd.CategoricalDtype(QUOTE_KINDS))
    for col in ("paragraph_id", "sentence_id", "start", "end"):
        table[col] = table[col].astype("int64")
    for col in (
        "quote",
        "speaker",
        "canonical",
        "speaker_kind",
        "speaker_role",
        "organisation",
        "verb",
        "source_type",
        "article_id",
    ):
        table[col] = table[col].astype("str")
    return table.reset_index(drop=True)
