# %% [markdown]
# # Timeline of events
#
# When did the things the articles talk about happen, and does that differ between outlets (or periods, or any group)? Every time expression in the body text is found, normalised (TIMEX3 style) and placed on the calendar against the article's date, so each bar and dot can be traced to its sentence.

# %% [parameters]
corpus: str = "seeds"  # folder of .txt or .html articles, or a table file (absolute, or from the project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)
group_by: str = "outlet"  # compare by: outlet, year, quarter, month, week, or any articles column
granularity: str = "year"  # histogram bins: year or month
date_from: str = ""  # earliest mentioned date shown, YYYY-MM-DD (empty: automatic window)
date_to: str = ""  # latest mentioned date shown, YYYY-MM-DD (empty: automatic window)
kinds: list = ["date", "range", "duration", "relative", "set"]  # kinds of expression shown
top_n: int = 20  # groups drawn separately; beyond that the largest top_n and "other (K groups)"
include_duplicates: bool = False  # count reprinted copies
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

findings.timeline(data, labels)

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
# One panel per group (the largest groups, the rest as "other"), on one time axis. Each mention adds one, spread evenly over the periods its interval covers ("2014" adds a twelfth to each month of 2014), so centuries and decades do not swamp the days. The axis is `date_from` to `date_to` when given; otherwise every mention when they span at most 60 years, else the central 98% of them (the title says which, and how many fell outside).

# %%
fig, table = timeline.plot_group_histogram(
    timeline.mentions_by_group(data.dates, labels, granularity, top_n, kinds, date_from, date_to),
    granularity,
)
plots.save_figure(fig, table, "01-timeline", "histogram", out)

# %% [markdown]
# Tall bars far from a group's publication dates show the history it keeps returning to; the CSV beside the figure has every group and period.
#
# ## How far back, or ahead, do the articles look?
#
# Each resolved mention at (its article's publication date, the middle of the date it mentions), counted in cells on a log colour scale. Mentions of undated articles and dates outside the window are left out and counted in the title.

# %%
fig, table = timeline.plot_density(
    timeline.published_vs_mentioned(data.dates, data.articles, 60, kinds, date_from, date_to)
)
plots.save_figure(fig, table, "01-timeline", "density", out)

# %% [markdown]
# Cells on the dashed diagonal are dates mentioned on the day of publication; the band just below it is the recent past news reports on; cells far below are history, cells above are plans and deadlines.
#
# ## Every dated event, in chronological order
#
# The check behind every bar: the date (start of the resolved interval), the group, the article, the expression and its full sentence. The whole table is saved as `01-timeline-events.csv`.

# %%
events = timeline.events_table(data.sentences, data.dates, labels, kinds, date_from, date_to)
plots.save_table(events, "01-timeline", "events", out)
plots.text_table(events[["date", "group", "article_id", "expression", "sentence"]])

# %% [markdown]
# ## What do single articles date, and when?
#
# One lane per chosen article (`articles`; when none are given, the `n_articles` articles with the most resolved dates): a dot at the middle of each resolved interval, a bar across intervals longer than a day, and a few words of the clause it sits in.

# %%
chosen = timeline.busiest_articles(data.dates, n_articles, articles)
fig, table = timeline.plot_swimlanes(
    data.sentences, data.dates, chosen, kinds=kinds, date_from=date_from, date_to=date_to
)
plots.save_figure(fig, table, "01-timeline", "swimlanes", out)

# %% [markdown]
# Labels that would overlap are left out of the picture; the CSV beside the figure has every mention, with `labelled` saying which were drawn.
