"""Tables for analysts: selected dates, kind summary, dated events, counts per period, spans."""

from __future__ import annotations

import re

import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.parts import sentences_at
from newscorpus.timeline.grammar import GRANULARITIES, KINDS
from newscorpus.timeline.resolve import anchor_dates
from newscorpus.timeline.scan import in_dateline

# --------------------------------------------------------------------------- tables for analysts


def check_choice(name: str, value, allowed) -> None:
    """ValueError naming the parameter `name` and the allowed values when `value` is not one
    of `allowed`."""
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not one of {', '.join(map(repr, allowed))}")


def select_dates(
    dates: pd.DataFrame,
    kinds: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> pd.DataFrame:
    """Resolved rows of the given kinds whose interval overlaps [date_from, date_to] (ISO dates)."""
    kinds = list(KINDS if kinds is None else kinds)
    for k in kinds:
        check_choice("kinds", k, KINDS)
    out = dates[dates["kind"].isin(kinds) & dates["start_date"].notna()]
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value:
            try:
                pd.Timestamp(value)
            except ValueError as exc:
                raise ValueError(f"{name}={value!r} is not a date (expected YYYY-MM-DD)") from exc
    if date_from:
        out = out[out["end_date"] >= pd.Timestamp(date_from)]
    if date_to:
        out = out[out["start_date"] <= pd.Timestamp(date_to)]
    return out.reset_index(drop=True)


def kind_summary(dates: pd.DataFrame) -> pd.DataFrame:
    """Per kind: expressions found, how many were placed on the calendar, and examples."""
    rows = []
    for kind in KINDS:
        part = dates[dates["kind"] == kind]
        examples = list(dict.fromkeys(part["text"].str.lower()))[:4]
        rows.append(
            {
                "kind": kind,
                "n_expressions": len(part),
                "n_resolved": int(part["start_date"].notna().sum()),
                "examples": ", ".join(examples),
            }
        )
    return pd.DataFrame(rows).astype({"kind": "str", "examples": "str"})


_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is was were be been has have had it"
    " its their they them this that these those there which who what when where while after"
    " before during since until than then also say said says according into over about"
    " some many more most other all any each his her he she we our us not no only still even"
    " just up out would could will can may might do did does being so if how between".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# Where a clause ends: a semicolon, colon, dash, bracket, quotation mark, ", " before a
# conjunction or relative word, or before an attribution (", officials said").
_CLAUSE_END = re.compile(
    r"[;:—–()“”\"]|,\s+(?=(?:and|but|while|which|who|where|when|as|after|before|although"
    r"|though|because|since|until|according)\b)"
    r"|,\s+(?=(?:[\w.’'-]+\s+){0,3}(?:said|says|told|added|reported|wrote)\b)"
)


_MARKUP = re.compile(r"<[^<>\n]{0,300}>|<[/A-Za-z][^<>\n]{0,300}$|^[^<>\n]{0,300}>")


def _cut_left(text: str, width: int) -> str:
    """The last words of `text` that fit in `width` characters, "…" first when cut."""
    text = text.strip()
    if len(text) <= width:
        return text
    tail = text[len(text) - width + 1 :]
    space = tail.find(" ")
    if space < 0:
        return ""
    return "…" + tail[space + 1 :].lstrip(" ,;:-–—")


def _cut_right(text: str, width: int) -> str:
    """The first words of `text` that fit in `width` characters, "…" last when cut."""
    text = text.strip()
    if len(text) <= width:
        return text
    head = text[: width - 1]
    space = head.rfind(" ")
    if text[width - 1 : width] == " ":
        space = width - 1
    if space < 0:
        return ""
    return head[:space].rstrip(" ,;:-–—") + "…"


def event_phrase(sentence: str, start: int, end: int, width: int = 90) -> str:
    """The words of the source around a date: its clause, cut at word boundaries.

    Input: the sentence and the expression's offsets in it; `width` the most characters kept.
    Output: the clause holding the expression (from the last clause boundary before it to the
    next after it: a semicolon, colon, dash, bracket, quotation mark, or a comma before a
    conjunction), or the whole sentence when the clause is little more than the date; cut to
    `width` characters at word boundaries around the expression, "…" marking a cut. The
    expression itself is always kept. Whitespace is collapsed; trailing punctuation dropped.
    """
    # markup left in the text (<tweet tweet-date="...">) is no words of the source: blanked
    sentence = _MARKUP.sub(lambda m: " " * len(m.group()), str(sentence))
    left_end = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)]
    lo = left_end[-1] if left_end else 0
    right = _CLAUSE_END.search(sentence, end)
    hi = right.start() if right else len(sentence)
    if len(_WORD.findall(sentence[lo:start] + " " + sentence[end:hi])) < 3:
        lo, hi = 0, len(sentence)  # the clause is the date alone: use the sentence
    left = " ".join(sentence[lo:start].split())
    expression = " ".join(sentence[start:end].split())
    right_text = " ".join(sentence[end:hi].split())
    room = max(width - len(expression) - 2, 10)
    # the words before the date carry the event ("rebels seized the town on"): more room
    keep_left = min(len(left), max(room - min(len(right_text), room // 3), room // 2))
    keep_right = room - keep_left
    left_part = _cut_left(left, keep_left) if left else ""
    right_part = _cut_right(right_text, keep_right) if right_text else ""
    gap_left = " " if left_part and sentence[start - 1 : start].isspace() else ""
    phrase = f"{left_part}{gap_left}{expression}"
    if right_part:
        glue = "" if right_part[:1] in ",.;:)'’”" else " "
        phrase += glue + right_part
    return phrase.strip(" ,;:.—–-'\"“”‘’()").strip()


def dated_events(
    corpus: Corpus,
    dates: pd.DataFrame,
    kinds: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    width: int = 90,
) -> pd.DataFrame:
    """Resolved mentions in chronological order: date, article, event phrase, expression, sentence.

    `corpus` is a Corpus or its `sentences` table (article_id, sentence_id, text, start).
    `event` is the clause around the date in the source's words (`event_phrase`, at most
    `width` characters, cut at word boundaries).
    """
    chosen = select_dates(dates, kinds, date_from, date_to)
    table = corpus if isinstance(corpus, pd.DataFrame) else corpus.sentences
    sentences = table.set_index(["article_id", "sentence_id"])
    keys = list(zip(chosen["article_id"], chosen["sentence_id"], strict=True))
    sent_text = sentences.loc[keys, "text"].tolist() if keys else []
    sent_start = sentences.loc[keys, "start"].tolist() if keys else []
    labels = [
        event_phrase(t, s - s0, e - s0, width)
        for t, s, e, s0 in zip(sent_text, chosen["start"], chosen["end"], sent_start, strict=True)
    ]
    out = pd.DataFrame(
        {
            "start_date": chosen["start_date"],
            "end_date": chosen["end_date"],
            "article_id": chosen["article_id"],
            "sentence_id": chosen["sentence_id"],
            "expression": chosen["text"],
            "value": chosen["resolved"],
            "kind": chosen["kind"],
            "event": pd.Series(labels, index=chosen.index, dtype="str"),
            "sentence": pd.Series(sent_text, index=chosen.index, dtype="str"),
            "start": chosen["start"],
        }
    )
    out = out.sort_values(["start_date", "end_date", "article_id", "start"], kind="stable")
    return out.drop(columns="start").reset_index(drop=True)


def mention_counts(dates: pd.DataFrame, granularity: str = "year", **select) -> pd.DataFrame:
    """Mentions per period (year or month) and kind; a mention counts in every period it spans."""
    check_choice("granularity", granularity, GRANULARITIES)
    chosen = select_dates(dates, **select)
    freq = "Y" if granularity == "year" else "M"
    records = []
    for lo, hi, kind in zip(chosen["start_date"], chosen["end_date"], chosen["kind"], strict=True):
        for period in pd.period_range(lo.to_period(freq), hi.to_period(freq), freq=freq):
            records.append((str(period), kind))
    out = pd.DataFrame(records, columns=["period", "kind"])
    out = out.value_counts().rename("n_mentions").reset_index()
    out["kind"] = pd.Categorical(out["kind"], categories=KINDS)
    out = out.sort_values(["period", "kind"]).reset_index(drop=True)
    out["kind"] = out["kind"].astype("str")
    return out.astype({"n_mentions": "int64"})


def article_spans(corpus: Corpus, dates: pd.DataFrame, **select) -> pd.DataFrame:
    """Per article: its anchor date and where it came from, and the span of dates it talks about."""
    chosen = select_dates(dates, **select)
    anchors = anchor_dates(corpus)
    spans = chosen.groupby("article_id").agg(
        earliest=("start_date", "min"),
        latest=("end_date", "max"),
        n_mentions=("start_date", "size"),
    )
    out = anchors.merge(spans, on="article_id", how="left")
    out["n_mentions"] = out["n_mentions"].fillna(0).astype("int64")
    return out.sort_values("article_id").reset_index(drop=True)


# --------------------------------------------------------------------------- corpus events

EVENT_GRANULARITIES = ["day", "month"]
EVENT_COLUMNS = [
    "date",
    "end",
    "value",
    "granularity",
    "n_articles",
    "n_outlets",
    "n_groups",
    "n_mentions",
    "label",
    "expression",
    "article_id",
    "article",
    "outlets",
    "groups",
]
# Mentions that only restate the article's own day ("today", "this morning", a clock time
# alone) would make every publication day an event: left out of the event timeline.
_OWN_DAY = re.compile(r"(?i)(?:today|tonight|now|this (?:morning|afternoon|evening))")
_MAX_LABEL_CANDIDATES = 200  # mentions of one event read to pick its label
# Bookkeeping dates, not events: financial-calendar language. The end of a reporting period
# ("year ended December 31", "qtr ending Jan 31", "in the year starting April 1", "fiscal
# 1986/87 to March 31", "as of Dec 31", "at the end of March"), payment, record, settlement,
# maturity and expiry dates ("record March 31", "payable April 15", "The payment date is April
# 30", "holders of record March 15", "due June 1", "expires April 10"), and meeting and filing
# deadlines of companies ("annual meeting April 28", "deadline for filing is May 1"). On
# business wire they are shared by hundreds of unrelated companies and would top the event
# timeline. Matched on the words right before the date (`_ROUTINE`) or right after it
# (`_ROUTINE_AFTER`: "March 31 year-end", "April 1 record date", "June 30 fiscal year").
_PERIOD = (
    r"(?:year|yr|fiscal|financial|period|quarter|qtr|half|months?|weeks?|season|crop year"
    r"|marketing year|accounting year|business year|tax year)"
)
_ROUTINE = re.compile(
    r"(?i)(?:"
    # a period's end or record, payment, maturity date after its verb or noun
    r"\b(?:ended|ending|ends?|record(?:\s+date)?|payable|pay|paid|(?:pay|payment)(?:\s+date)?"
    r"|stocks|inventories"
    r"|distribution(?:\s+date)?|distributed|redeem(?:ed|able)?|redemption(?:\s+date)?"
    r"|settle(?:d|s|ment)?(?:\s+date)?|value\s+date|coupon(?:\s+date)?|closing\s+date"
    r"|due|repaid|repayable|repayment|matures?|matured|maturing|maturity|expire[ds]?|expiring|expiry|expiration(?:\s+date)?"
    r"|deadline|cut-?off(?:\s+date)?|ex-dividend|ex-div"
    # the day a price, rate or rule applies from, and the market calendar of an issue
    r"|effective|with\s+effect\s+from|takes?\s+effect(?:\s+on)?|as\s+from|starting"
    r"|beginning|commencing|auction(?:ed|s)?|issued|priced|pricing(?:\s+will\s+take\s+place)?"
    r"|subscriptions?\s+(?:open|close)s?|delivery|resale(?:\s+to\s+the\s+market)?|(?:interest\s+)?payment\s+date"
    r"|(?:is|are|be)\s+expected\s+to\s+be\s+(?:around|about))"
    r"(?:\s+(?:is|was|will\s+be|has\s+been|set\s+for|of))?"
    # a reporting period from or to the date ("the year starting April 1", "fiscal 1987 to
    # March 31", "six months to June 30")
    rf"|\b{_PERIOD}(?:\s+[\w/.'’-]+){{0,3}}?\s+(?:starting|beginning|begins|began|start(?:s|ed)?"
    r"|from|to|through|thru|till|until)"
    # a balance-sheet date: "as of", "as at", "at the end of", "year-end", "at December 31"
    r"|\bas\s+(?:of|at)|\bat\s+the\s+end\s+of|\byear[- ]end(?:ed)?|\bprevailing\s+(?:at|on)"
    # shareholders, meetings and filings: "holders of record", "annual meeting (on)", "filed by"
    r"|\b(?:holders|shareholders|stockholders)(?:\s+of\s+record)?"
    r"|\b(?:annual|special|general|shareholders'?|stockholders'?)\s+meeting"
    r"|\bmeeting\s+of\s+(?:shareholders|stockholders)"
    r"|\b(?:file|filed|filing|submit|submitted|lodged?|tender(?:ed)?)(?:\s+[\w-]+){0,2}\s+by"
    # a reporting period named just before the date: "4th qtr Jan 31", "the end of the
    # Japanese fiscal year on March 31", "crop year on April 30", "fiscal 1986/87"
    r"|\b(?:(?:fiscal|financial|crop|marketing|accounting|business|tax|calendar)\s+year"
    r"|fiscal(?:\s+[\d/]+)?|qtr|quarter|half-year|half|period|year-end)"
    r"(?:\s+(?:ended|ending|ends?|to|on|at|of|in|through|thru|until))?"
    r")[\s,:]*(?:on\s+|of\s+|by\s+|at\s+)?(?:the\s+)?$"
)
_ROUTINE_AFTER = re.compile(
    r"(?i)^,?\s*(?:\d{4},?\s*)?(?:\(\w+\)\s*)?"
    r"(?:record(?:\s+date)?\b|payment\s+date|year[- ]?end|fiscal|financial\s+year"
    r"|(?:year|quarter|qtr|half|period)\s+(?:end|ended|ending)"
    r"|(?:exchange|conversion)\s+rates?\b|end\b|close\b"
    r"|(?:is|was|will\s+be)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:payment|record|interest)\s+date"
    r"|annual\s+meeting|shareholders'?\s+meeting|stockholders'?\s+meeting"
    r"|to\s+(?:share|stock)?holders\s+of\s+record|ex-dividend|ex-div|deadline)"
)
# How far a mention may be from its article's publication day and still be the news cycle
# ("yesterday", "on Monday", "March 2" in an article of March 3) rather than an event.
# A quarter's last day after "at", "to", "through", "by" ("allowance for losses at June 30,
# 1986", "the six months to Sept 30") is a balance-sheet or reporting date.
_QUARTER_END = re.compile(r"-(?:03-31|06-30|09-30|12-31)$")
_BALANCE_AT = re.compile(
    r"(?i)\b(?:at|to|through|thru|till|until|by|from|dated)[\s,:]*(?:the\s+)?$"
)
NEWS_CYCLE_DAYS = 2
_MIN_SHARED_TERMS = 2  # salient terms two articles must share to group their news-cycle days
_SALIENT_LIFT = 5.0  # or a term this many times more frequent among the event's articles
_SALIENT_SHARE = 0.005  # a term in more of the mentioning articles than this is not salient
_MIN_SHARED_SPLIT = 2  # salient terms two articles must share to name one event of a day
_STRONG_ARTICLES = 5  # a term in this many of a day's articles (and a third) joins them alone
_MAX_TERM_ARTICLES = 20  # a term pairs an article with at most this many others of its event


def _routine(chosen: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """True for written-out dates (with a digit: "April 1", not "yesterday") whose
    surrounding words make them a bookkeeping date: the 60
    characters before match `_ROUTINE`, the 40 after match `_ROUTINE_AFTER`, or a quarter's
    last day (March 31, June 30, September 30, December 31) follows "at", "to", "through",
    "by" (`_BALANCE_AT`)."""
    if "text" not in articles.columns or chosen.empty:
        return pd.Series(False, index=chosen.index)
    text = dict(zip(articles["article_id"].astype("str"), articles["text"], strict=False))
    ids = chosen["article_id"].astype("str")
    before, after = [], []
    for aid, start, end in zip(ids, chosen["start"], chosen["end"], strict=True):
        body = str(text.get(aid, ""))
        before.append(" ".join(body[max(int(start) - 60, 0) : int(start)].split()) + " ")
        after.append(" ".join(body[int(end) : int(end) + 40].split()))
    before = pd.Series(before, index=chosen.index, dtype="str")
    hit = before.str.contains(_ROUTINE)
    quarter_end = chosen["resolved"].astype("str").str[:10].str.contains(_QUARTER_END)
    hit |= quarter_end.fillna(False) & before.str.contains(_BALANCE_AT)
    hit |= pd.Series(after, index=chosen.index, dtype="str").str.contains(_ROUTINE_AFTER)
    # only a written-out date is a bookkeeping date: "the strike ended yesterday" is news
    written = chosen["text"].astype("str").str.contains(r"\d", regex=True)
    return (hit & written).astype("bool")


_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday"
    " friday saturday sunday today yesterday tomorrow tonight week weekend month year day"
    " morning afternoon evening night earlier later last next ago".split()
)


def _content_links(chosen: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame):
    """Pairs of articles naming one event that share content beyond the date.

    Input: candidate mentions (article_id, sentence_id, text, event), the sentences table and
    the articles table (title used when present). Terms of an (event, article) are the words
    of the sentences holding the article's mentions of it and of its title, less date words,
    the words of `_STOP` and the words of the event's own expressions ("Christmas", "Election
    Day": every article naming the day shares them). A term counts when rare (in at most
    `_SALIENT_SHARE` of the articles with a candidate mention, or at most 5) or
    over-represented among the event's articles (its share there `_SALIENT_LIFT` times its
    share in all candidate articles, and in at least two of them). Two articles are linked
    when they share at least `_MIN_SHARED_TERMS` such terms; a term held by more than
    `_MAX_TERM_ARTICLES` articles of an event pairs each of them only with its first
    `_MAX_TERM_ARTICLES` (bounded work at any corpus size); a plural "s" is dropped
    ("crowds", "crowd"). Output: DataFrame (event, article_id, article_id_other, shared: the
    number of terms they share, strong: how many of them are terms of the day itself — lifted,
    in at least `_STRONG_ARTICLES` and a third of its articles) of the pairs sharing any, both directions.
    """
    empty = pd.DataFrame(columns=["event", "article_id", "article_id_other", "shared", "strong"])
    if chosen.empty:
        return empty
    keys = chosen[["event", "article_id", "sentence_id"]].astype({"article_id": "str"})
    text = sentences[["article_id", "sentence_id", "text"]].astype({"article_id": "str"})
    found = keys.drop_duplicates().merge(text, on=["article_id", "sentence_id"], how="left")
    parts = [found[["event", "article_id", "text"]]]
    if "title" in articles.columns:
        titles = articles[["article_id", "title"]].astype({"article_id": "str"})
        titles = (
            keys[["event", "article_id"]]
            .drop_duplicates()
            .merge(titles.rename(columns={"title": "text"}), on="article_id", how="left")
        )
        parts.append(titles)
    words = pd.concat(parts, ignore_index=True)
    words["term"] = words["text"].fillna("").astype("str").str.lower().str.findall(_CONTENT)
    words = words[["event", "article_id", "term"]].explode("term").dropna(subset="term")
    words = words[~words["term"].isin(_STOP | _DATE_WORDS)]
    words = words.assign(term=words["term"].str.replace(_PLURAL, "", regex=True)).drop_duplicates()
    # the words of the date expressions themselves ("Christmas", "Election Day") are no content
    own = chosen[["event", "text"]].astype("str")
    own = own.assign(term=own["text"].str.lower().str.findall(_CONTENT)).explode("term")
    own = own[["event", "term"]].dropna()
    own = own.assign(term=own["term"].str.replace(_PLURAL, "", regex=True))
    own = own.drop_duplicates().assign(own=True)
    words = words.merge(own, on=["event", "term"], how="left")
    words = words[words["own"].isna()].drop(columns="own")
    n_articles = keys["article_id"].nunique()
    df = words.drop_duplicates(["article_id", "term"])["term"].value_counts()
    rare = words["term"].map(df) <= max(5, _SALIENT_SHARE * n_articles)
    # or over-represented among the event's articles ("Iowa" on the day of the Iowa caucuses
    # in a corpus of the campaign): its share there at least _SALIENT_LIFT times the corpus's
    per_event = words.groupby(["event", "term"])["article_id"].transform("nunique")
    n_event = words["event"].map(keys.groupby("event")["article_id"].nunique())
    lift = (per_event / n_event) / (words["term"].map(df) / n_articles)
    lifted = (per_event >= 2) & (lift >= _SALIENT_LIFT)
    # a term of the day itself: in a third of its articles, at least _STRONG_ARTICLES of them
    # ("attacks" on 9/11; not "coronavirus" or "holiday" shared by 3 unrelated stories)
    strong = lifted & (per_event >= _STRONG_ARTICLES) & (per_event * 3 >= n_event)
    words = words.assign(strong=strong)[rare | lifted]
    words = words.sort_values(["event", "term", "article_id"], kind="stable")
    hubs = words[words.groupby(["event", "term"]).cumcount() < _MAX_TERM_ARTICLES]
    pairs = words.merge(hubs.drop(columns="strong"), on=["event", "term"], suffixes=("", "_other"))
    pairs = pairs[pairs["article_id"] != pairs["article_id_other"]]
    by = pairs.groupby(["event", "article_id", "article_id_other"])
    linked = pd.DataFrame({"shared": by.size(), "strong": by["strong"].sum()}).reset_index()
    if linked.empty:
        return empty
    back = linked.rename(
        columns={"article_id": "article_id_other", "article_id_other": "article_id"}
    )
    both = pd.concat([linked, back], ignore_index=True)
    pair = ["event", "article_id", "article_id_other"]
    return both.groupby(pair, as_index=False)[["shared", "strong"]].max()


def _news_cycle(chosen: pd.DataFrame, links: pd.DataFrame):
    """Mentions of a day within NEWS_CYCLE_DAYS of their article's own publication day that
    share no content with another article naming the same event.

    Input: candidate mentions (article_id, start_date, end_date, anchor, event) and the
    article pairs that share content (`_content_links`). A mention is news cycle when its
    interval is one day and that day is at most NEWS_CYCLE_DAYS from the article's anchor
    (publication) day. It stays in its event only when its article is linked to another
    article naming the same event by at least `_MIN_SHARED_TERMS` terms. Output: (drop, near) boolean Series on `chosen`'s index:
    the mentions to leave out, and every news-cycle mention.
    """
    false = pd.Series(False, index=chosen.index)
    if chosen.empty or "anchor" not in chosen.columns:
        return false, false
    day = pd.to_datetime(chosen["start_date"])
    one_day = day.notna() & (day == pd.to_datetime(chosen["end_date"]))
    anchor = pd.to_datetime(chosen["anchor"]).dt.normalize()
    gap = (day.dt.normalize() - anchor).abs()
    near = (one_day & anchor.notna() & (gap <= pd.Timedelta(days=NEWS_CYCLE_DAYS))).fillna(False)
    near = near.astype("bool")
    if not near.any():
        return false, near
    links = links[links["shared"] >= _MIN_SHARED_TERMS]
    linked = set(zip(links["event"], links["article_id"], strict=True))
    pair = zip(chosen["event"], chosen["article_id"].astype("str"), strict=True)
    has_partner = pd.Series([k in linked for k in pair], index=chosen.index, dtype="bool")
    return near & ~has_partner, near


HISTORY_DAYS = 5 * 365  # a day this long before every article naming it is history, not news


def _historical(chosen: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """True for mentions of a day (or month) named only by articles published at least
    HISTORY_DAYS after it: "Sept. 11, 2001" and "9/11" in 2016 articles are one event even
    when the stories around them share no words (`_split_by_content` is for news days).
    False where a publication date is missing."""
    if "published" not in articles.columns or chosen.empty:
        return pd.Series(False, index=chosen.index)
    ids = articles["article_id"].astype("str")
    pub = pd.to_datetime(articles["published"], errors="coerce", utc=True).dt.tz_localize(None)
    pub = pd.Series(pub.to_numpy(), index=ids.to_numpy())
    pub = pub[~pub.index.duplicated()]
    event = chosen["event"].astype("str")
    day = pd.to_datetime(event.str[:10], errors="coerce")
    when = pd.Series(chosen["article_id"].astype("str").map(pub).to_numpy(), index=chosen.index)
    far = ((when - day).dt.days >= HISTORY_DAYS).fillna(False).astype(bool)
    return far.groupby(event).transform("all").astype(bool) & far


def _split_by_content(chosen: pd.DataFrame, links: pd.DataFrame) -> pd.Series:
    """The event key of each mention once a day's articles are split by what they report.

    Input: mentions (article_id, event) and the linked article pairs of `_content_links`.
    Articles naming one day are one event only when they are connected by pairs sharing
    content (at least `_MIN_SHARED_SPLIT` salient terms, or one term of the day itself:
    "attacks" on 9/11; connected components, scipy); an article linked to none is an event of its own,
    so unrelated stories that happen to name the same day (a diagnosis, arrests, a drug
    price on 2020-06-29) are counted apart. Output: Series on `chosen`'s index, the day (or
    month) followed by "|" and the first article id of its component.
    """
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if chosen.empty:
        return chosen["event"].astype("str")
    nodes = chosen[["event", "article_id"]].astype("str").drop_duplicates()
    nodes = nodes.sort_values(["event", "article_id"], kind="stable").reset_index(drop=True)
    index = pd.Series(nodes.index, index=pd.MultiIndex.from_frame(nodes))
    rows = cols = np.zeros(0, dtype="int64")
    links = links[(links["shared"] >= _MIN_SHARED_SPLIT) | (links["strong"] >= 1)]
    if not links.empty:
        pairs = links[["event", "article_id", "article_id_other"]].astype("str")
        a = pd.MultiIndex.from_frame(pairs[["event", "article_id"]])
        b = pd.MultiIndex.from_frame(
            pairs[["event", "article_id_other"]].rename(columns={"article_id_other": "article_id"})
        )
        ok = a.isin(index.index) & b.isin(index.index)
        rows, cols = index.loc[a[ok]].to_numpy(), index.loc[b[ok]].to_numpy()
    n = len(nodes)
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    nodes["comp"] = comp
    first = nodes.groupby("comp")["article_id"].transform("min")
    nodes["key"] = nodes["event"] + "|" + first
    key = dict(
        zip(zip(nodes["event"], nodes["article_id"], strict=True), nodes["key"], strict=True)
    )
    pair = zip(chosen["event"].astype("str"), chosen["article_id"].astype("str"), strict=True)
    return pd.Series([key[k] for k in pair], index=chosen.index, dtype="str")


_CONTENT = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_PLURAL = re.compile(r"(?<=[^s])s$")


def _event_keys(resolved: pd.Series, granularity: str) -> pd.Series:
    """The event an expression's resolved value belongs to: its day (YYYY-MM-DD), or with
    granularity "month" its month (days join their month); NA for anything else."""
    text = resolved.astype("str")
    day = text.str.extract(r"^(\d{4}-\d\d-\d\d)(?:T|$)", expand=False)
    if granularity == "month":
        month = text.str.extract(r"^(\d{4}-\d\d)$", expand=False)
        return day.str[:7].fillna(month)
    return day


def _representative(phrases: list[str], article_ids: list[str], expressions: list[str]) -> int:
    """Position of the phrase sharing the most content words with the other articles' phrases.

    The words of the date itself are left out (every mention shares them). Each phrase scores
    the number of other articles using each of its content words, over the square root of its
    number of words, counted as at least 4 (so neither a long phrase nor a bare "he said in
    July" wins by its length).
    """
    words = []
    for p, e in zip(phrases, expressions, strict=True):
        own = {w.lower() for w in _CONTENT.findall(e)}
        words.append({w.lower() for w in _CONTENT.findall(p) if w.lower() not in _STOP} - own)
    by_article: dict[str, set[str]] = {}
    for aid, ws in zip(article_ids, words, strict=True):
        by_article.setdefault(aid, set()).update(ws)
    df: dict[str, int] = {}
    for ws in by_article.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    best, best_score = 0, -1.0
    for i, ws in enumerate(words):
        if not ws:
            continue
        shared = sum(df[w] - 1 for w in ws)
        score = shared / max(len(ws), 4) ** 0.5
        if score > best_score:
            best, best_score = i, score
    return best


def corpus_events(
    sentences: pd.DataFrame,
    dates: pd.DataFrame,
    articles: pd.DataFrame,
    top: int = 20,
    kinds: list[str] | None = None,
    date_from: str = "",
    date_to: str = "",
    granularity: str = "day",
    width: int = 90,
    min_articles: int = 2,
    groups: pd.Series | None = None,
    group_by: str = "group",
) -> pd.DataFrame:
    """The corpus's events: mentions of one day (or month) across articles, grouped and named.

    Input: the `sentences` table (article_id, sentence_id, text, start) or an analysed corpus
    (`analysis.load`: only the dated sentences are read, part by part), the `dates` table and
    `articles` (article_id, and title, outlet, published when present). Resolved mentions whose
    value is a day (`2019-03-07`, also `2019-03-07T12:00`) are grouped by that day; with
    `granularity="month"`, mentions of a month (`2019-03`) and the days in it are grouped by
    month. Weeks, quarters, years and longer periods are no single event and are left out, as
    are mentions of the article's own day ("today", "this morning", a clock time alone, the
    date of a dateline: "NEW YORK, March 2 -"), bookkeeping dates (when `articles` has
    `text`: financial-calendar language around a written-out date, `_routine` — a period's
    end or start, a record, payment, maturity, expiry, effective or issue date, a meeting or
    filing deadline: "year ended December 31", "in the year starting April 1", "The payment
    date is April 30", "payable April 1 to holders of record March 15"), and news-cycle
    mentions (`_news_cycle`: a day within NEWS_CYCLE_DAYS of the article's own publication day —
    "yesterday", "on Monday", "March 2" in an article of March 3 — whose article shares no
    salient terms with another article naming the same day; unrelated stories of one news
    day are no event). Each event is named by a phrase from
    the source (`event_phrase` of the mention whose clause shares most words with the other
    articles' clauses: the most representative mention, not a bag of keywords), and counts
    the articles, outlets and mentions behind it. Only days named in at least `min_articles`
    articles are events (when none is, every day named once is shown instead, and attrs say
    so). The `top` events by number of articles (then mentions, then earliest) are kept. Output: one row per event in date order, columns
    date, end (YYYY-MM-DD of the interval), value, granularity (day/month), n_articles,
    n_outlets (distinct non-missing outlets), n_mentions, label, expression (as written in
    the labelling mention), article_id and article ("Title — Outlet, date") of the labelling
    mention, outlets (up to 5 outlets with most articles, "; "-joined), n_groups and groups
    (likewise for the groups of `groups`: labels indexed by article_id from `groups.assign`,
    e.g. folders with `group_by="folder"`; articles without a label — duplicates left out — are
    not counted; without `groups` they are the outlets). attrs: n_events (events
    with at least `min_articles` articles), n_mentions (all mentions grouped), top,
    min_articles (the threshold used: 1 after the fallback), n_routine (bookkeeping mentions
    left out), n_news_cycle (news-cycle mentions left out), n_news_cycle_kept (news-cycle
    mentions kept as their articles share content), corpus_outlets (distinct outlets in
    `articles`), corpus_groups (distinct groups in `groups`, else corpus_outlets),
    group_by (the word for a group: `group_by`, "outlet" without `groups`). Raises ValueError
    for an unknown
    kind, date or granularity, or top < 1.
    """
    from newscorpus.plots import article_label  # drawing helpers stay out of the import path

    check_choice("granularity", granularity, EVENT_GRANULARITIES)
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError(f"top={top!r}: expected a whole number of at least 1")
    if not isinstance(sentences, pd.DataFrame):  # an analysed corpus: the dated sentences only
        sentences = sentences_at(sentences, dates)
    chosen, left_out, outlet_of = _event_mentions(
        sentences, dates, articles, kinds, date_from, date_to, granularity
    )
    if groups is not None:
        label = groups.dropna().astype("str")
        label.index = label.index.astype("str")
        aid = chosen["article_id"].astype("str")
        chosen = chosen[aid.isin(label.index).to_numpy()]
        chosen = chosen.assign(group=chosen["article_id"].astype("str").map(label))
        corpus_groups = int(label.nunique())
    else:
        chosen = chosen.assign(group=chosen["outlet"])
        corpus_groups = int(outlet_of.dropna().nunique())
    table, n_events, min_articles = _count_events(chosen, top, min_articles)
    labels_of = article_label(articles) if len(articles) else pd.Series(dtype="str")
    by_event, outlets_of, groups_of = _label_candidates(chosen, table, sentences, width)
    rows = [
        _event_row(r, by_event[r.event], outlets_of[r.event], groups_of[r.event], labels_of)
        for r in table.itertuples(index=False)
    ]
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    for col in ("n_articles", "n_outlets", "n_groups", "n_mentions"):
        out[col] = out[col].astype("int64")
    for col in [c for c in EVENT_COLUMNS if not c.startswith("n_")]:
        out[col] = out[col].astype("str")
    out.attrs.update(
        n_events=n_events,
        n_mentions=len(chosen),
        top=top,
        min_articles=min_articles,
        **left_out,
        corpus_outlets=int(outlet_of.dropna().nunique()),
        corpus_groups=corpus_groups,
        group_by="outlet" if groups is None else group_by,
    )
    return out


def _event_mentions(
    sentences: pd.DataFrame,
    dates: pd.DataFrame,
    articles: pd.DataFrame,
    kinds: list[str] | None,
    date_from: str,
    date_to: str,
    granularity: str,
) -> tuple[pd.DataFrame, dict, pd.Series]:
    """The mentions that can make an event, with their `event` key (day or month) and outlet.

    Left out: the article's own day, periods that are no single day or month, datelines,
    bookkeeping dates (`_routine`) and unrelated news-cycle mentions (`_news_cycle`). Returns
    (mentions, counts left out {n_routine, n_news_cycle, n_news_cycle_kept}, outlet per
    article_id)."""
    chosen = select_dates(dates, kinds, date_from or None, date_to or None)
    own_day = chosen["text"].astype("str").str.fullmatch(_OWN_DAY.pattern) | chosen["value"].astype(
        "str"
    ).str.startswith("XXXX-XX-XXT")
    chosen = chosen[~own_day.fillna(False)]
    keys = _event_keys(chosen["resolved"], granularity)
    chosen = chosen.assign(event=keys)[keys.notna()]
    chosen = chosen[~in_dateline(chosen, sentences)]
    routine = _routine(chosen, articles)
    n_routine = int(routine.sum())
    chosen = chosen[~routine]
    links = _content_links(chosen, sentences, articles)
    cycle, near = _news_cycle(chosen, links)
    n_news_cycle, n_news_cycle_kept = int(cycle.sum()), int((near & ~cycle).sum())
    chosen = chosen[~cycle]
    split = _split_by_content(chosen, links)  # a historical day is one event whoever names it
    chosen = chosen.assign(event=split.where(~_historical(chosen, articles), chosen["event"]))
    outlet_of = (
        articles.set_index(articles["article_id"].astype("str"))["outlet"]
        if "outlet" in articles.columns
        else pd.Series(dtype="str")
    )
    chosen = chosen.assign(outlet=chosen["article_id"].astype("str").map(outlet_of))
    left_out = {
        "n_routine": n_routine,
        "n_news_cycle": n_news_cycle,
        "n_news_cycle_kept": n_news_cycle_kept,
    }
    return chosen, left_out, outlet_of


def _count_events(
    chosen: pd.DataFrame, top: int, min_articles: int
) -> tuple[pd.DataFrame, int, int]:
    """(events: event, n_articles, n_outlets, n_groups, n_mentions of the `top` events in key order,
    the number of events with at least `min_articles` articles, the threshold used: 1 when
    no event reaches `min_articles`)."""
    by = chosen.groupby("event", sort=True)
    table = pd.DataFrame(
        {
            "n_articles": by["article_id"].nunique(),
            "n_outlets": by["outlet"].nunique(),
            "n_groups": by["group"].nunique(),
            "n_mentions": by.size(),
        }
    ).reset_index()
    if min_articles > 1 and (table["n_articles"] >= min_articles).any():
        table = table[table["n_articles"] >= min_articles]
    else:
        min_articles = 1
    n_events = len(table)
    table = table.sort_values(
        ["n_articles", "n_mentions", "event"], ascending=[False, False, True], kind="stable"
    ).head(top)
    return table.sort_values("event").reset_index(drop=True), n_events, min_articles


def _label_candidates(
    chosen: pd.DataFrame, table: pd.DataFrame, sentences: pd.DataFrame, width: int
) -> tuple[dict, dict, dict]:
    """({event: its candidate labelling mentions with their `phrase`}, {event: the outlets
    of its first mentions}, {event: their groups}): one mention per article (its first), so a long article cannot
    outvote the others, at most _MAX_LABEL_CANDIDATES per event."""
    mentions = chosen[chosen["event"].isin(set(table["event"]))]
    mentions = mentions.sort_values(["event", "article_id", "start"], kind="stable")
    first = mentions.drop_duplicates(["event", "article_id"])
    part = first.groupby("event", sort=False).head(_MAX_LABEL_CANDIDATES)
    # only the sentences these mentions sit in are looked up, not the whole table
    text = sentences[["article_id", "sentence_id", "text", "start"]].rename(
        columns={"text": "sentence", "start": "sentence_start"}
    )
    part = part.merge(text, on=["article_id", "sentence_id"], how="left")
    part["phrase"] = [
        event_phrase(t, s - s0, e - s0, width)
        for t, s0, s, e in zip(
            part["sentence"].fillna(""),
            part["sentence_start"].fillna(0).astype("int64"),
            part["start"],
            part["end"],
            strict=True,
        )
    ]
    by_event = dict(list(part.groupby("event", sort=False)))
    outlets_of = dict(list(first.groupby("event", sort=False)["outlet"]))
    groups_of = dict(list(first.groupby("event", sort=False)["group"]))
    return by_event, outlets_of, groups_of


def _top_names(names: pd.Series, k: int = 5) -> str:
    """The `k` names with most articles (ties alphabetical), "; "-joined."""
    counts = names.dropna().astype("str").value_counts().sort_index()
    return "; ".join(counts.sort_values(ascending=False, kind="stable").index[:k])


def _event_row(
    r, cand: pd.DataFrame, outlets: pd.Series, groups: pd.Series, labels_of: pd.Series
) -> dict:
    """One row of `corpus_events` for the counted event `r`, labelled by its most
    representative candidate mention (`_representative`)."""
    pick = _representative(
        cand["phrase"].tolist(),
        cand["article_id"].astype("str").tolist(),
        cand["text"].astype("str").tolist(),
    )
    aid = str(cand["article_id"].iloc[pick])
    value = r.event.split("|")[0]  # the day or month, less its content cluster
    lo = pd.Timestamp(value if len(value) == 10 else value + "-01")
    hi = lo if len(value) == 10 else lo + pd.offsets.MonthEnd(0)
    return {
        "date": f"{lo:%Y-%m-%d}",
        "end": f"{hi:%Y-%m-%d}",
        "value": value,
        "granularity": "day" if len(value) == 10 else "month",
        "n_articles": int(r.n_articles),
        "n_outlets": int(r.n_outlets),
        "n_groups": int(r.n_groups),
        "n_mentions": int(r.n_mentions),
        "label": cand["phrase"].iloc[pick],
        "expression": str(cand["text"].iloc[pick]),
        "article_id": aid,
        "article": str(labels_of.get(aid, aid)),
        "outlets": _top_names(outlets),
        "groups": _top_names(groups),
    }
