# %% [markdown]
# # Timeline of events
#
# When did the things the articles talk about happen? Every time expression in the body text is found, normalised (TIMEX3 style) and placed on the calendar against the article's date, so each point on a chart can be traced to its sentence.

# %% [parameters]
corpus: str = "seeds"  # folder of .txt articles (absolute, or relative to project root)
figures: str = "figures"  # folder for saved figures (PNG + CSV), absolute or from project root
granularity: str = "year"  # histogram bins: "year" or "month"
date_from: str = ""  # earliest date to show, YYYY-MM-DD ("" = no limit)
date_to: str = ""  # latest date to show, YYYY-MM-DD ("" = no limit)
kinds: list = ["date", "range", "duration", "relative", "set"]  # kinds of expression to show

# %% [markdown]
# Load the corpus through the `newscorpus` library: only body sentences are searched for dates (titles, captions and boilerplate are set aside by the reader).

# %%
from newscorpus import plots, read_corpus, timeline
from newscorpus.paths import project_path

plots.set_theme()
data = read_corpus(project_path(corpus))
data

# %% [markdown]
# ## Which time expressions do the articles contain?
#
# One row per expression: its words (`text`), `kind`, its TIMEX3 `value` from the words alone (`XXXX-07` is "July" of an unknown year), the `resolved` value once anchored to the article's date, and the calendar interval `start_date`–`end_date` (empty when it cannot be placed). `start`/`end` point into the article text.

# %%
dates = timeline.find_dates(data)
dates.head(20)

# %% [markdown]
# ## How many of each kind, and how many could be placed on the calendar?
#
# Durations ("a three-year fight") and sets ("every day") name a length or a rhythm, not a moment, so most have no interval; a duration that ends now ("the past eight months") does.

# %%
timeline.kind_summary(dates)

# %% [markdown]
# ## Which date is each article anchored to?
#
# The published date from the article's text or `manifest.csv`; when there is none, a lower bound inferred from the latest explicit date the article mentions (`anchor_from = inferred`, precision of that date in `anchor_precision`). Weekdays, "yesterday" and "last week" are never resolved against an inferred anchor; an article that names no year at all gets no anchor.

# %%
timeline.anchor_dates(data)

# %% [markdown]
# ## When did the things the articles mention happen?
#
# Each resolved mention on a time axis, one row per article: a dot at the middle of its interval, a bar across intervals longer than a day, and a few words of the clause it sits in.

# %%
fig, table = timeline.plot_timeline(data, dates, kinds=kinds, date_from=date_from, date_to=date_to)
plots.save_figure(fig, table, "01-timeline", "mentions", project_path(figures))

# %% [markdown]
# Most points cluster in the months before each article was written; the long tail reaches back to the 2003 invasion and the 2006–2007 civil war.
#
# ## Which years or months are mentioned most?

# %%
fig, table = timeline.plot_histogram(
    dates, granularity, kinds=kinds, date_from=date_from, date_to=date_to
)
plots.save_figure(fig, table, "01-timeline", "histogram", project_path(figures))

# %% [markdown]
# A mention counts once in every period its interval touches, so "2006–2007" adds one to each year and "the past eight months" to each month it spans.
#
# ## How far back does each article look?

# %%
fig, table = timeline.plot_spans(data, dates, kinds=kinds, date_from=date_from, date_to=date_to)
plots.save_figure(fig, table, "01-timeline", "spans", project_path(figures))

# %% [markdown]
# Diamonds are the article dates (orange when inferred, a lower bound); the line runs from the earliest to the latest date the article talks about.
#
# ## Every dated event, in chronological order
#
# The check behind every point: the interval, the article, the expression and its sentence. The whole table is saved with the timeline figure as `01-timeline-mentions.csv`.

# %%
events = timeline.dated_events(data, dates, kinds=kinds, date_from=date_from, date_to=date_to)
events.head(20)
