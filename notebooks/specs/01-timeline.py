# %% [markdown]
# # Timeline of events
#
# When did the things the articles talk about happen, and does that differ between outlets (or periods, or any group)? Every time expression in the body text is found, normalised (TIMEX3 style) and placed on the calendar against the article's publication date, so each bar and dot can be traced to its sentence. Publication dates are taken only from the source (the text's byline or dateline, `manifest.csv`, a table column, page metadata), never guessed from the years an article mentions: in an undated article "March 2019" is placed, "last week" is not.

# %% tags=["parameters"]
corpus: str = "seeds"  # folder of .txt or .html articles, or a table file (absolute, or from the project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)
group_by: str = "outlet"  # outlet, folder, year, quarter, month, week, day or any column
granularity: str = "year"  # histogram bins: year or month
date_from: str = ""  # earliest mentioned date shown, YYYY-MM-DD (empty: automatic window)
date_to: str = ""  # latest mentioned date shown, YYYY-MM-DD (empty: automatic window)
kinds: list = ["date", "range", "duration", "relative", "set"]  # kinds of expression shown
top_n: int = 20  # groups drawn separately; beyond that the largest top_n and "other (K groups)"
include_duplicates: bool = False  # count reprinted copies
n_events: int = 25  # events in the event timeline: the days most articles mention
event_by: str = "day"  # an event is one day ("day"), or one month with its days ("month")
articles: list = []  # article ids for the per-article lanes (empty: the busiest, see n_articles)
n_articles: int = 5  # with no articles given: this many articles with the most resolved dates
read_options: dict = {}  # table files: column names, e.g. {"text_column": "body"}

# %% [markdown]
# Load the corpus through the `newscorpus` library. The first run analyses it once and caches every table; the dates table comes from that cache (only body sentences are searched: titles, captions and boilerplate are set aside by the reader).

# %%
from newscorpus import analysis, groups, plots, timeline
from newscorpus.paths import figures_folder, project_path

plots.set_theme()
data = analysis.load(project_path(corpus), **read_options)
labels = groups.assign(data.articles, group_by, include_duplicates)
out = figures_folder(corpus, figures)
data

# %% [markdown]
# ## The finding in words
#
# Written from the tables below: the main differences between groups with their numbers, 95 % intervals and the articles they rest on (n). A group is named only when its interval excludes the corpus-wide value; groups of fewer than 5 articles are not compared. Reprinted copies are counted once unless `include_duplicates` is set.

# %%
from newscorpus import findings

findings.timeline(data, labels, top_n)

# %% [markdown]
# ## How much does each group date its stories?
#
# One row per group: articles, time expressions found, how many could be placed on the calendar (`n_resolved`, and the share), resolved mentions per article, and the earliest and latest date they reach.

# %%
timeline.group_summary(data.dates, labels)

# %% [markdown]
# ## Which kinds of expression are they?
#
# Durations ("a three-year fight") and sets ("every day") name a length or a rhythm, not a moment, so most have no interval; a duration that ends now ("the past eight months") does.

# %%
timeline.kind_summary(data.dates)

# %% [markdown]
# ## Which years (or months) does each group talk about?
#
# One panel per group (the largest groups, the rest as "other"), on one time axis. Each mention adds one, spread evenly over the periods its interval covers ("2014" adds a twelfth to each month of 2014), so centuries and decades do not swamp the days. With `granularity = "month"` only mentions of a day, a week or a month count: a year is never spread over its months, and the title says how many longer mentions were left out. The axis is `date_from` to `date_to` when given; otherwise every mention when they span at most 60 years, else the central 98% of them (the title says which, and how many fell outside). A first or last year (or month) the corpus publishes in only in part is shaded and named under the axis ("partial: 3 of 28 days", the days the corpus covers of the period's, `groups.period_coverage`): its bar is low because the corpus stops there, not because attention fell.

# %%
fig, table = timeline.plot_group_histogram(
    timeline.mentions_by_group(data.dates, labels, granularity, top_n, kinds, date_from, date_to),
    granularity,
    groups.period_coverage(
        data.articles.loc[
            data.articles["article_id"].astype("str").isin(labels.index), "published"
        ],
        granularity,
    ),
)
plots.save_figure(fig, table, "01-timeline", "histogram", out)

# %% [markdown]
# Tall bars far from a group's publication dates show the history it keeps returning to; the CSV beside the figure has every group and period.
#
# ## How far back, or ahead, do the articles look?
#
# Each resolved mention at (its article's publication date, the middle of the date it mentions), counted in cells on a log colour scale. Only articles whose source states a publication date are placed; mentions of undated articles and dates outside the window are left out and counted in the title. A corpus without publication dates gets the words "no publication dates" here, not an axis.

# %%
fig, table = timeline.plot_density(
    timeline.published_vs_mentioned(
        data.dates[data.dates["article_id"].astype("str").isin(labels.index)],
        data.articles[data.articles["article_id"].astype("str").isin(labels.index)],
        60,
        kinds,
        date_from,
        date_to,
    )
)
plots.save_figure(fig, table, "01-timeline", "density", out)

# %% [markdown]
# Cells on the dashed diagonal are dates mentioned on the day of publication; the band just below it is the recent past news reports on; cells far below are history, cells above are plans and deadlines.
#
# ## Which events does the corpus date?
#
# Mentions of the same day (with `event_by = "month"`: the same month) across articles are one event. Each is named by the clause around its most representative mention, in the source's words, and counts the articles and the groups of `group_by` (outlets, folders, ...) that mention it (n); reprinted copies are left out unless `include_duplicates` is set. A day must be named in at least two articles (when none is, the days named once are shown and the title says so). The `n_events` events most articles mention are drawn in date order; events resting on fewer than 5 articles are drawn hollow. Years, quarters and longer periods are not single events, and "today", a clock time alone or the date of a dateline ("NEW YORK, March 2 -") only restates an article's own day, so none of them makes an event.
#
# Two more rules keep unrelated stories apart. **The news cycle is no event**: a day within two days of the mentioning article's own publication ("yesterday", "on Monday", "March 2" in an article of March 3) joins an event only when its article shares content with another article naming that day (at least two salient words of the sentences and titles, words found in at most 0.5 % of the articles); otherwise every news day would gather that day's unrelated stories. **Bookkeeping dates are no event**: a written-out date in financial-calendar language — a period's end or start ("year ended December 31", "in the year starting April 1", "six months to June 30"), a payment, record, maturity, expiry, effective or issue date ("The payment date is April 30", "payable April 1 to holders of record March 15", "effective April 1"), a shareholders' meeting or filing deadline — is left out. The title says how many mentions each rule left out. On a corpus of one group the points show their number of articles only.

# %%
corpus_events = timeline.corpus_events(
    data,
    data.dates,
    data.articles,
    n_events,
    kinds,
    date_from,
    date_to,
    event_by,
    groups=labels,
    group_by=group_by,
)
fig, table = timeline.plot_events(corpus_events)
plots.save_figure(fig, table, "01-timeline", "event-timeline", out)

# %% [markdown]
# The CSV beside the figure has each event's phrase, the article it comes from (title, outlet, date) and the outlets that mention it most.
#
# ## Every dated mention, in chronological order
#
# The check behind every bar: the date (start of the resolved interval), the group, the article (title, outlet and date), the expression and its full sentence. The first 10,000 rows (`plots.MAX_CSV_ROWS`, earliest first) are saved as `01-timeline-mentions.csv`, so the file stays small on a large corpus; `python -m newscorpus export` writes every dated mention (the `dates` table).

# %%
mentions = timeline.events_table(
    data, data.dates, labels, kinds, date_from, date_to, data.articles, plots.MAX_CSV_ROWS
)
plots.save_table(mentions, "01-timeline", "mentions", out)
print(
    f"01-timeline-mentions.csv: {len(mentions):,} of {mentions.attrs['n_mentions']:,} dated mentions"
)
plots.text_table(mentions[["date", "group", "article", "expression", "sentence"]])

# %% [markdown]
# ## What do single articles date, and when?
#
# One lane per chosen article, named by its title, outlet and date (its group, e.g. its folder, when the source names no outlet; "undated" when it states no date). The rule: the articles listed in `articles`; when none are given, the `n_articles` articles with the most resolved dates (ties by id). A dot at the middle of each resolved interval, a bar across intervals longer than a day, and the words of the clause it sits in as a label.

# %%
chosen = timeline.busiest_articles(data.dates, n_articles, articles)
fig, table = timeline.plot_swimlanes(
    data.table("sentences", articles=chosen),
    data.dates,
    chosen,
    kinds=kinds,
    date_from=date_from,
    date_to=date_to,
    titles=data.articles,
    groups=labels,
)
plots.save_figure(fig, table, "01-timeline", "swimlanes", out)

# %% [markdown]
# Labels that would overlap are left out of the picture; the CSV beside the figure has every mention, with `labelled` saying which were drawn.
