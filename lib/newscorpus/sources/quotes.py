"""`find_quotes`: the `quotes` table of direct, partial and indirect quotations with speakers."""

from __future__ import annotations

import bisect
import re
from operator import itemgetter

import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.sources.articles import Article, gc_paused, iter_articles, sentence_at
from newscorpus.sources.indirect import indirect_rows
from newscorpus.sources.lexicon import (
    Lexicon,
    build_lexicon,
)
from newscorpus.sources.marks import Segment, find_segments, mask_segments, opens_with_mark
from newscorpus.sources.quote_headlines import headline_rows
from newscorpus.sources.quote_names import name_speakers
from newscorpus.sources.quote_spans import (
    MARK_CHARS,
    PARTICIPLE_START,
    claim_end,
    group_rows,
    quote_row,
    reports_alone,
    subhead,
)
from newscorpus.sources.quote_subjects import (
    LEADING,
    attribute_tail,
    colon_subject,
    opening_subject,
    plain_subject,
    sentence_subject,
    verb_first,
)
from newscorpus.sources.quote_written import among_lead, chant_lead, written_lead
from newscorpus.sources.speakers import (
    People,
    Who,
    appositive_role,
    last_clause_break,
    longest_prefix,
    subject_before,
)
from newscorpus.sources.words import (
    INTRO,
    PARTIAL_RE,
    QUOTE_COLUMNS,
    QUOTE_KINDS,
    VERB_ALT,
    VERB_RE,
)

_LEAD_PARTICIPLE = re.compile(
    r"(?:,|\s)\s*(writing|saying|adding|tweeting|declaring|stating|posting|telling\s+[\w\s]{1,30}?"
    r"|asking)\s*[:,]$",
    re.IGNORECASE,
)


_AND_END = re.compile(r"(?:^|\s|,)and(?:\s+(?:then|also|later|quickly))?\s*$")
_VERB_AT_END = re.compile(r"(?<![\w’'-])(?:" + VERB_ALT.replace(" ", r"\s+") + r")\s*$")


_LEAD_ACCORDING = re.compile(r"[Aa]ccording\s+to\s+(?P<np>[^,:“”\"]+)[,:]\s*$")


_ENDS_WITH_VERB = re.compile(
    r"(?:^|[\s,])(?:"
    + VERB_ALT.replace(" ", r"\s+")
    + r")(?:(?:\s+[\w’'.-]+){0,3}\s*[:,]|\s*[:,]?)\s*$"
)


# Any past-tense verb (and particle) right before a comma or colon and a capitalised quote
# introduces it: "Mrs. Clinton then boomed, “Today …”", "he blurted out: “No!”".
_ED_LEAD = re.compile(
    r"(?<=\s)(?!(?:en)?titled|named|called|labell?ed)([a-z]{3,}ed)(?:\s+(?:in|out|up|back|aloud|on))?\s*[,:]$"
)


_NAMING_VERBS = frozenset(
    "called calling calls dubbed dubbing labeled labelled labeling branded branding termed".split()
)


def _article_rows(art: Article, lex: Lexicon, titles: list | None = None) -> list[dict]:
    """The rows of one article's quotes: segments classified and attributed in order, speakers
    carried to unattributed quotes, one row per attribution, the quotes of the title and dek
    (`titles`: paragraph id, sentence id, start, end of each; see `_title_rows`), speakers
    named (`name_speakers`)."""
    text = art.text
    para_spans = [(s, e) for _, s, e in art.paras]
    segments = find_segments(text, para_spans)
    masked = mask_segments(text, segments)
    starts = [s[2] for s in art.sents]
    ends = [s[3] for s in art.sents]
    pidx = [s[1] for s in art.sents]
    if ends == sorted(ends) and pidx == sorted(pidx):
        art.ends = ends
    people = People(art, masked, lex)
    rows = _attribute_in_order(art, segments, starts, masked, para_spans, people, lex)
    quoted = _carry_speakers([s for s in segments if s.kind], art, masked, para_spans, people, lex)
    rows.extend(group_rows(quoted, art, starts, para_spans))
    for title in titles or ():
        rows.extend(_title_rows(art, title, lex))
    return name_speakers(art, rows, people, lex, masked)


def _title_rows(art: Article, title: tuple, lex: Lexicon) -> list[dict]:
    """Rows (`quote_row`'s keys) of the quotes in the article's title line (`headline_rows`):
    "Senator Lee: ‘We Will Not Back Down’" quotes Lee."""
    pid, sid, t0, t1 = title
    found = headline_rows(art.text[t0:t1], t0, art.text[art.paras[0][1] :], lex)
    return [
        {
            "article_id": art.article_id,
            "paragraph_id": pid,
            "sentence_id": sid,
            "kind": kind,
            "quote": art.text[start:end].replace("\n", " "),
            "who": who,
            "verb": verb,
            "start": start,
            "end": end,
        }
        for start, end, kind, who, verb in found
    ]


def _titles(corpus: Corpus) -> dict[str, list[tuple[int, int, int, int]]]:
    """{article_id: [(paragraph id, sentence id or -1, start, end), …]} of each article's
    title line and dek (paragraphs of kind `title` or `dek`, written in headline style), in
    one vectorised pass."""
    paras = corpus.paragraphs
    cols = ["article_id", "paragraph_id", "start", "end"]
    title = paras.loc[paras["kind"].isin(["title", "dek"]).to_numpy(), cols]
    if not len(title):
        return {}
    sents = corpus.sentences[["article_id", "paragraph_id", "sentence_id"]]
    first = sents.drop_duplicates(["article_id", "paragraph_id"])
    title = title.merge(first, on=["article_id", "paragraph_id"], how="left")
    sid = title["sentence_id"].fillna(-1).astype("int64").tolist()
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    for a, p, s, b, e in zip(
        title["article_id"], title["paragraph_id"], sid, title["start"], title["end"], strict=True
    ):
        out.setdefault(a, []).append((int(p), s, int(b), int(e)))
    return out


def _attribute_in_order(
    art: Article,
    segments: list[Segment],
    starts: list[int],
    masked: str,
    para_spans: list,
    people: People,
    lex: Lexicon,
) -> list[dict]:
    """Classify and attribute the quoted segments (`_classify`) and read the indirect quotes
    of the sentences holding a cue word (`indirect_rows`), in document order so speakers
    found earlier resolve later pronouns; returns the indirect rows (`quote_row`'s keys)."""
    text = art.text
    by_para: dict[int, list[Segment]] = {}
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
            for who, verb, (q0, q1) in indirect_rows(sent, lex):
                anchor = s_start + len(sent.rstrip()) - 1
                if who.kind == "pronoun":  # resolve() returns anything else as it is
                    who = people.resolve(who, anchor, pidx)
                if who.kind == "pronoun":
                    continue
                if who.kind in ("person", "anonymous", "organization"):
                    people.add(anchor, who)
                end, kind = _into_quote(text, by_para.get(pidx, ()), s_start + q1, s_end)
                rows.append(quote_row(art, starts, s_start + q0, end, kind, who, verb, para_spans))
            continue
        seg = item
        siblings = by_para[seg.para]
        idx = next(k for k, o in enumerate(siblings) if o is seg)
        if _classify(seg, idx, siblings, art, starts, masked, text, para_spans, people, lex):
            quoted_sents.add(sentence_at(art, starts, seg.open_pos)[0])
            quoted_sents.add(sentence_at(art, starts, max(seg.close_pos - 1, seg.open_pos))[0])
            if seg.via == "tail" and text[seg.end - 1 : seg.end] in ("?", "!"):
                # `“Stop!” X said.` when split after the mark: the attribution's sentence
                after = min(seg.close_pos + 2, len(text) - 1)
                quoted_sents.add(sentence_at(art, starts, after)[0])
    return rows


def _into_quote(text: str, segments, end: int, sent_end: int) -> tuple[int, str]:
    """(end, kind) of an indirect claim ending at `end`: a claim that runs into quoted words
    the quote pass left unattributed (`argue that Clinton should “lead by example.”`: the
    masked sentence stops at the marks) takes them and the rest of its clause (`claim_end`),
    and is a partial quote when it then ends with a closing mark; else (end, "indirect")."""
    for seg in segments:
        if seg.open_pos >= end and not seg.kind and seg.close_pos < sent_end:
            if text[end : seg.open_pos].strip():
                return end, "indirect"
            end = claim_end(text, seg, sent_end)
            return end, "partial" if text[end - 1 : end] in MARK_CHARS else "indirect"
    return end, "indirect"


def _carry_speakers(
    quoted: list[Segment],
    art: Article,
    masked: str,
    para_spans: list,
    people: People,
    lex: Lexicon,
) -> list[Segment]:
    """Give quotes without an attribution a speaker: the quote next to them in the paragraph
    or the one they continue, a signature line after them, the paragraph before them, else the
    person last named; single-mark quotes left without one (headlines) are dropped."""
    text = art.text
    # Quotes without attribution keep the speaker of the quote next to them.
    for idx, seg in enumerate(quoted):
        if seg.who is not None or seg.kind != "direct" or subhead(seg, text, para_spans):
            continue
        same = [
            o for o in quoted if o.para == seg.para and o.who is not None and o.kind == "direct"
        ]
        # `The plans are “reckless,” said X, an economist. “It leaves me speechless.”`: a
        # partial quote attributed after its marks also speaks on through the paragraph.
        before = [
            o
            for o in quoted
            if o.para == seg.para
            and o.who is not None
            and o.open_pos < seg.open_pos
            and (o.kind == "direct" or o.kind == "partial" and o.via == "tail")
        ]
        if before or same:
            src = (before or same)[-1] if before else same[0]
            seg.who, seg.verb, seg.via = src.who, src.verb, "carried"
            continue
        prev = quoted[idx - 1] if idx else None
        if (
            prev is not None
            and prev.para == seg.para - 1
            and prev.who is not None
            and (prev.continues or opens_with_mark(text, para_spans[seg.para][0]))
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
                who = longest_prefix(m.group("np"), lex)
                if who is not None and who.kind in ("person", "organization", "outlet"):
                    seg.who, seg.verb, seg.via, seg.ref = who, "signed", "before", ns
                    continue
            m = _NEXT_LINE.match(text, ns, ne)
            if (
                m
                and len(text[ns:ne].split()) <= 30
                and not VERB_RE.search(text, ns, ne)
                and not _ALNUM_AFTER.search(text, seg.close_pos + 1, para_spans[seg.para][1])
            ):
                who = longest_prefix(m.group("np"), lex)
                if who is not None and who.kind == "person" and " " in who.speaker:
                    seg.who, seg.verb, seg.via, seg.ref = who, "signed", "before", ns
    for seg in quoted:  # a quote paragraph after "X issued a statement …" / "X said …"
        if (
            seg.who is None
            and seg.kind == "direct"
            and not subhead(seg, text, para_spans)
            and seg.open_pos == para_spans[seg.para][0]
        ):
            who, verb, anchor = _paragraph_before(art, seg, masked, lex)
            if who is not None and who.kind == "pronoun":
                who = people.resolve(who, anchor, seg.para - 1)
            if who is not None and who.kind != "pronoun":
                seg.who, seg.verb, seg.via, seg.ref = who, verb, "before", anchor
    # Single marks with no attribution at all are headlines ('Carnage on the road' in Nice).
    quoted = [seg for seg in quoted if seg.who is not None or not seg.single]
    for idx, seg in enumerate(quoted):  # no attribution near: the person last named or quoted
        if seg.who is None and seg.kind == "direct":
            prev = quoted[idx - 1] if idx else None
            if (
                prev is not None
                and prev.via in ("nearest", "carried")
                and prev.para == seg.para - 1
                and seg.open_pos == para_spans[seg.para][0]
                and not _ALNUM_AFTER.search(text, prev.close_pos + 1, para_spans[prev.para][1])
            ):  # a run of bare quote paragraphs: one quotation, one speaker
                seg.who, seg.verb, seg.via = prev.who, prev.verb, "carried"
                continue
            who = people.resolve(Who("he", "pronoun"), seg.open_pos, seg.para, False)
            if who is not None and who.kind == "person":
                seg.who, seg.verb, seg.via = who, None, "nearest"
    return quoted


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
    r"|known\s+as|refer(?:s|red|ring)?\s+to(?:\s+[\w’'-]+){0,3}\s+as|billed\s+as"
    r"|(?<=[a-z] )(?:called|titled|entitled|named))\s*,?\s*(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
_NAMING_VERB_CUE = re.compile(
    r"(?:dubbed|nicknamed|labell?ed|termed|branded|refer(?:s|red|ring)?\s+to)\b", re.IGNORECASE
)
_NAMER_KINDS = ("person", "anonymous", "organization", "outlet", "pronoun")
_SIGNATURE = re.compile(r"[-—–―]\s*(?P<np>[A-Z][^,.\n]{1,60})(?:[,.]|$)")
# A quote paragraph whose speaker is named on the next line, with a description and maybe a
# topic: "Jane Roe, a fellow at an institute, on the race."; a short line without quotes.
_NEXT_LINE = re.compile(r"(?P<np>[A-Z][^,.\n“”\"«»]{1,50}),\s+[^“”\"«»\n]{2,160}$")
_ALNUM_AFTER = re.compile(r"\w")


def _paragraph_before(art: Article, seg: Segment, masked: str, lex: Lexicon):
    """(speaker, verb, position) from the last sentence of the paragraph before a quote that
    opens its paragraph without an attribution: "X issued a statement apologizing …", "X said
    the talks had failed." — (None, None, 0) when it has no speech verb or statement."""
    prev = _sentences_before(art, seg.open_pos, seg.para - 1) if seg.para else []
    if not prev or prev[-1][1] != seg.para - 1:
        return None, None, 0
    start = prev[-1][2]
    sent = masked[start : prev[-1][3]].rstrip()
    m = VERB_RE.search(sent)
    if m:
        who, _ = subject_before(sent[: m.start()], lex)
        return who, " ".join(m.group(1).lower().split()), start + m.start()
    if "statement" in sent:
        return sentence_subject(sent, lex), "statement", start
    return None, None, 0


def _sentences_before(art: Article, pos: int, min_para: int) -> list:
    """`[s for s in art.sents if s[3] <= pos and s[1] >= min_para]`, or its last item only.

    Only the last sentence is used; when sentence ends and paragraph indexes both rise through
    the article (they do for read_corpus output), bisect finds it.
    """
    ends = art.ends
    if ends is None:
        return [s for s in art.sents if s[3] <= pos and s[1] >= min_para]
    j = bisect.bisect_right(ends, pos)
    return [art.sents[j - 1]] if j and art.sents[j - 1][1] >= min_para else []


def _context(
    seg, idx, siblings, art, starts, masked, text, para_spans
) -> tuple[int, int, str, str]:
    """(sentence start, lead start, lead, tail) of quote `seg`, the `idx`-th of its paragraph's
    quotes `siblings`: the lead is the masked text of its sentence before it (after the quote
    before it), the tail the text after it up to its sentence's end or the next quote."""
    _, _, s_start, _ = sentence_at(art, starts, seg.open_pos)
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
    close_sent = sentence_at(art, starts, min(seg.close_pos, p_end - 1))
    tail = text[seg.close_pos + 1 : min(close_sent[3], next_open)] if seg.close_pos < p_end else ""
    if not tail.strip() and text[seg.end - 1 : seg.end] in "?!" and close_sent[3] < next_open:
        # `“Why not?” she asked.` split after the question mark: the attribution opens the
        # next sentence of the paragraph.
        tail = text[seg.close_pos + 1 : min(close_sent[3] + 200, next_open, p_end)]
    return s_start, max(s_start, prev_close), lead, tail


def _lead_attribution(lead: str, standalone: bool, verb, appos, lex: Lexicon, sentence: str = ""):
    """(speaker, verb, appositive) from the words before a quote in its sentence: "according
    to X,", "X said:", "Continued Stone:", "X took to Twitter, writing:", "X said, adding:",
    "X's statement:"; a verb after "and" has the sentence's subject ("X tweeted that … and
    asked, “…”"; `sentence`: the masked sentence up to the quote). `verb` and `appos` are
    returned as given when no rule reads a verb or an appositive."""
    lead_stripped = lead.strip(" \u00a0")
    who = None
    m = _LEAD_ACCORDING.search(lead)
    if m:
        return longest_prefix(m.group("np"), lex), "according to", appos
    verbs = list(VERB_RE.finditer(lead_stripped)) if standalone else []
    m = verbs[-1] if verbs else None
    # "X said:", "X told Reuters," — the verb near the end of the lead, X before it.
    if m and len(lead_stripped) - m.end() <= 40 and m.start() > 0:
        before = lead_stripped[: m.start()]
        if _AND_END.search(before) and sentence:  # "X tweeted that … and asked, “…”"
            cut = len(sentence) - len(lead) + len(lead) - len(lead.lstrip(" \u00a0")) + m.start()
            who = sentence_subject(sentence[: max(cut, 0)], lex)
            if who is None:
                who, appos = subject_before(before, lex)
        else:
            who, appos = subject_before(before, lex)
        verb = " ".join(m.group(1).lower().split())
    elif m and m.start() == 0 and lead_stripped.endswith(":"):
        who = verb_first(lead_stripped[m.end() :], lex)  # "Continued Stone:"
        verb = " ".join(m.group(1).lower().split())
    elif m is None and _LEAD_PARTICIPLE.search(lead_stripped):
        # "X took to Twitter, writing:": the subject of the clause, not "Twitter"
        p = _LEAD_PARTICIPLE.search(lead_stripped)
        clause = lead_stripped[: p.start()]
        said = _VERB_AT_END.search(clause)
        if said is not None:  # "X said, adding:": the subject of the speech verb
            who, appos = subject_before(clause[: said.start()], lex)
        else:
            who = opening_subject(clause[last_clause_break(clause) + 1 :].strip(), lex)
        verb = p.group(1).lower()
    elif m is None and _ED_LEAD.search(lead_stripped):
        e = _ED_LEAD.search(lead_stripped)
        who, appos = subject_before(lead_stripped[: e.start()], lex)
        verb = e.group(1)
    elif m is None and lead_stripped.endswith(":"):
        who, verb = colon_subject(lead_stripped, lex), ":"
    return who, verb, appos


def _sentence_before(art: Article, seg: Segment, masked: str, lex: Lexicon):
    """(speaker, appositive or False, verb, anchor, ref) from the sentence before a quote
    that stands alone, when that sentence is in its paragraph or ends in a colon ("X said:"
    ¶ “…”; "Stated Stone:"; "X issued the following statement:"); None when it has no
    speech verb and no colon. An appositive of False leaves the caller's as it is."""
    prev = _sentences_before(art, seg.open_pos, seg.para - 1)
    sent = masked[prev[-1][2] : prev[-1][3]].rstrip() if prev else ""
    if not sent or not (sent.endswith(":") or prev[-1][1] == seg.para):
        return None
    m = VERB_RE.search(sent)
    if m:
        who, appos = subject_before(sent[: m.start()], lex)
        if who is None and not sent[: m.start()].strip():
            who = verb_first(sent[m.end() :], lex)  # "Stated Stone:" ¶ “…”
        verb = " ".join(m.group(1).lower().split())
        return who, appos, verb, prev[-1][2] + m.start(), prev[-1][2]
    if sent.endswith(":"):  # "X issued the following statement:"
        return colon_subject(sent, lex), False, ":", prev[-1][2], prev[-1][2]
    return None


def _partial_speaker(sentence: str, s_start: int, n_words: int, appos, tail: str, lex: Lexicon):
    """(speaker, appositive, verb, anchor, ref) of a partial quote: the speech verb of its own
    sentence before it (`sentence`, masked, starting at `s_start`), with its subject; None
    when the sentence has none near enough. `appos` is returned as given unless a subject is
    read; a participle opening the sentence takes the subject after the quote (`tail`)."""
    finite = [m for m in PARTIAL_RE.finditer(sentence)]
    if not finite or not (n_words > 2 or len(sentence[finite[-1].end() :].split()) <= 8):
        return None
    # The verb nearest the quote with a subject before it ("While not all Trump says is true,
    # Jamieson said Trump is “…”"; "attacks" may be a noun); a participle takes the
    # sentence's subject ("X won, declaring it “…”").
    who = None
    for m in finite:
        if m.group(1).endswith("ing"):
            continue
        who, appos = subject_before(sentence[: m.start()], lex)
        if who is not None:
            break
    if who is None:
        m = finite[0]
        who = sentence_subject(sentence[: m.start()], lex)
        if who is None:  # "The town released a statement saying …": the town
            who = plain_subject(sentence[: m.start()], lex)
        if who is None and not sentence[: m.start()].strip() and m.group(1).endswith("ing"):
            # "Calling her rival “…,” Ms. Ortiz left": the subject after the fronted clause
            who = opening_subject(tail.strip(" ,"), lex) if tail.strip(" ,") else None
    verb = " ".join(m.group(1).lower().split())
    # The claim starts after the verb, or after a participle nearer the quote ("…, saying they
    # had no “…”").
    near = [
        v
        for v in finite
        if v.start() > m.start()
        and reports_alone(v.group(1))
        and (
            PARTICIPLE_START.search(sentence, 0, v.start())
            # right after a quote, blanked out with its comma: `“…,” adding that …`
            or v.group(1).endswith("ing")
            and sentence.endswith("  ", 0, v.start())
        )
    ]
    return who, appos, verb, s_start + m.start(), s_start + (near[-1] if near else m).end()


# Quoted words cast as what someone calls a thing: "identified the judge as “Spanish,”",
# "pounding Trump as a “con artist”", "referring to the US as the “Great Satan.”".
_AS_QUOTE = re.compile(
    r"(?<![\w’'-])(?P<before>[\w’'-]+)\s+as\s+(?:(?:an?|the|being|his|her|their|its|our|my)\s+)?"
    r"(?:(?:mere|simple|so-called|new|real|true|very)\s+)?$",
    re.IGNORECASE,
)
_NOT_CAST = frozenset(
    "such known billed well so same just much many far long soon served serve serves serving "
    "worked works work acted acts act is was are were be been being it".split()
)


def _cast_as(masked: str, s_start: int, seg: Segment, text: str, lex: Lexicon):
    """(speaker, object start) of a short quote cast by "as" after an object ("X identified
    the judge as “Spanish”"): the subject opening the sentence, and where the object begins
    (`_object_start`; the claim runs from there); None for "such as", "known as", "served
    as", a participle before "as", a comparison ("as “…” as"), fronted material, or a
    sentence without a subject read as a speaker."""
    m = _AS_QUOTE.search(masked, max(s_start, seg.open_pos - 60), seg.open_pos)
    if m is None or m.start() - s_start < 6:
        return None
    before = m.group("before").lower()
    if before in _NOT_CAST or before.endswith(("ed", "ing")):  # "pitched as", "marked as"
        return None
    if re.match(r"\s+as\b", text[seg.close_pos + 1 : seg.close_pos + 5]):
        return None
    clause = masked[s_start : m.end("before")]
    if "," in clause or clause.split()[0].lower() in INTRO | LEADING:
        return None  # fronted material: the subject is not where the sentence opens
    who = opening_subject(clause, lex)
    if who is None or who.kind not in ("person", "anonymous", "organization", "outlet", "pronoun"):
        return None
    return who, s_start + _object_start(clause)


_OBJ_DET = frozenset("the a an his her their its our my this that these those".split())
_OBJ_PRONOUN = frozenset("him her them it herself himself themselves itself us me".split())


def _object_start(clause: str) -> int:
    """Where the object before a closing "as" begins in `clause`: at a determiner among its
    last four words ("identified the judge"), else over the capitalised words or object
    pronoun that end it ("admires President Ana Ruiz", "presents herself"); else its end."""
    words = list(re.finditer(r"\S+", clause))
    for w in reversed(words[-4:]):
        if w.group().lower() in _OBJ_DET:
            return w.start()
    start = len(clause.rstrip())
    for w in reversed(words[1:]):
        if not (w.group()[:1].isupper() or w.group().lower() in _OBJ_PRONOUN):
            break
        start = w.start()
    return start


_SENTENCE_END = re.compile(r"[.?!;]\s|[“”\"]")


_LOWER_WORDS = re.compile(r"[\s,;]+")


def _goes_on(prev, seg: Segment, lead: str, tail: str, n_words: int) -> bool:
    """Whether quote `seg`, with no attribution of its own, goes on the words of the quote
    `prev` before it in its paragraph, attributed after its marks: `seg` holds four words or
    more and ends its sentence, and the words before it are few and name no one (`“A,” he
    said. But “b …”`, `… said X. Unless rivals quit, “b …”`)."""
    if prev is None or prev.kind != "direct" or prev.via != "tail" or prev.who is None:
        return False
    words = [w for w in _LOWER_WORDS.split(lead) if w]
    if n_words < 4 or not words or len(words) > 12 or tail.strip(" \u00a0.,;!?"):
        return False
    return not any(w[:1].isupper() for w in words[1:])


def _continue_from(seg: Segment, prev: Segment, s_start: int) -> bool:
    """Make quote `seg` go on the words and attribution of the quote `prev`; True."""
    seg.kind, seg.who, seg.verb, seg.via = "direct", prev.who, prev.verb, "lead"
    seg.anchor, seg.sent, seg.ref = prev.anchor, s_start, prev.ref
    return True


def _classify(seg, idx, siblings, art, starts, masked, text, para_spans, people, lex) -> bool:
    """Decide direct / partial / not a quote, and find the attribution; True when a quote."""
    s_start, lead_start, lead, tail = _context(
        seg, idx, siblings, art, starts, masked, text, para_spans
    )
    lead_stripped = lead.strip(" \u00a0")
    prev = siblings[idx - 1] if idx else None
    if (
        prev is not None
        and prev.kind == "direct"
        and prev.via == "tail"
        and prev.who is not None
        and text[prev.end - 1 : prev.end] == ","
        and lead_stripped.endswith(",")
        and not _SENTENCE_END.search(text, prev.close_pos + 1, seg.open_pos)
    ):  # `“A,” he said of the plan, “b …”`: the quote goes on after its attribution
        return _continue_from(seg, prev, s_start)
    standalone = (
        not lead_stripped
        or lead_stripped.endswith(":")
        or bool(_ENDS_WITH_VERB.search(lead_stripped[-80:]))
        or bool(_LEAD_ACCORDING.search(lead))
        or text[seg.start : seg.start + 1].isupper()
        and bool(_ED_LEAD.search(lead_stripped))
    )
    content = text[seg.start : seg.end]
    adjacent = standalone or content[-1:] in ",.?!" or tail.lstrip(" ").startswith(",")
    who, verb, appos = attribute_tail(tail[:200], lex) if adjacent else (None, None, None)
    anchor, via, ref = seg.close_pos, "tail", seg.close_pos + 1
    written = None
    if who is None and lead_stripped:
        written = written_lead(lead_stripped, lex) or chant_lead(lead_stripped, lex)
    if written is not None:  # "a banner that read, “…”", "with the subject line, “…”"
        (who, verb), appos, standalone = written, None, True
        anchor, via, ref = seg.open_pos, "lead", lead_start
    elif who is None and lead_stripped:
        sentence = masked[s_start : seg.open_pos]
        who, verb, appos = _lead_attribution(lead, standalone, verb, appos, lex, sentence)
        anchor, via, ref = seg.open_pos, "lead", lead_start
    if standalone:
        seg.kind = "direct"
        found = _sentence_before(art, seg, masked, lex) if who is None else None
        if found is not None:
            who, new_appos, verb, anchor, ref = found
            appos, via = appos if new_appos is False else new_appos, "before"
    else:
        n_words = len(text[seg.start : seg.end].split())
        found = None
        among = among_lead(masked[s_start : seg.open_pos], lex) if who is None else None
        if among is not None:  # "Among his takeaways: campaigns get “too nasty.”"
            found = among[0], appos, ":", s_start, s_start + among[1]
        elif who is None:
            sentence = masked[s_start : seg.open_pos]
            found = _partial_speaker(sentence, s_start, n_words, appos, tail, lex)
        if found is not None:
            who, appos, verb, anchor, ref = found
            via = "partial"
        if who is None and n_words <= 8:
            cast = _cast_as(masked, s_start, seg, text, lex)
            if cast is not None:  # "Reid has been pounding Trump as a “con artist”"
                (who, ref), verb, anchor, via = cast, "as", seg.open_pos, "cast"
        cue = _NAMING_CUE.search(masked, s_start, seg.open_pos) if who is None else None
        if cue is not None and n_words <= 8:
            # A name or term after a naming cue ("dubbed “Blue Wave”", "a so-called “safe
            # harbor” rule"): a partial quote of whoever coined it (PolNeAR annotates it, often
            # without a source); a naming verb's subject coined it ("Critics, referring to her
            # as the “Iron Lady”", "Aides nicknamed the plan “…”"), else no speaker.
            namer = None
            if _NAMING_VERB_CUE.match(cue.group()):
                clause = masked[s_start : cue.start()]
                namer = opening_subject(clause, lex) if clause.strip() else None
                if namer is not None and namer.kind not in _NAMER_KINDS:
                    namer = None
            if namer is not None and namer.kind == "pronoun":
                namer = people.resolve(namer, seg.open_pos, seg.para)
            seg.kind, seg.who, seg.verb, seg.anchor, seg.sent = (
                "partial",
                namer,
                "named",
                0,
                s_start,
            )
            seg.via, seg.ref = "", -1
            if namer is not None:
                seg.anchor, seg.via, seg.ref = seg.open_pos, "lead", lead_start
            return True
        if who is None and _goes_on(prev, seg, lead_stripped, tail, n_words):
            return _continue_from(seg, prev, s_start)  # `“A,” he said. But “b …”`
        if who is None:
            return False  # scare quotes, titles, names in quotes
        seg.kind = "partial"
    if who is not None and appos and who.kind == "person":
        role, org = appositive_role(appos, lex)
        who.role = role or who.role
        who.organisation = org or who.organisation
    if who is not None and who.kind == "pronoun":  # resolve() returns anything else as it is
        who = people.resolve(who, anchor, seg.para)
    if (
        written is None
        and _is_title(content)
        and not (via == "partial" and verb in _NAMING_VERBS)  # called him “Little Marco”
        and via != "cast"  # identified the judge as “Spanish”
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


def find_quotes(
    corpus: Corpus,
    extra_outlets: list | pd.DataFrame | None = None,
    extra_organisations: list | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The `quotes` table: direct, partial and indirect quotations with their speakers."""
    lex = build_lexicon(extra_outlets, extra_organisations)
    rows = []
    with gc_paused():
        titles = _titles(corpus)
        for art in iter_articles(corpus, lex):
            rows.extend(_article_rows(art, lex, titles.get(art.article_id)))
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
