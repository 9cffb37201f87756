# %% [markdown]
# # Who and what is mentioned
#
# The people, organisations and places each outlet (or any group) writes about, how that moves over time, and whom the coverage names without letting them speak. Names are found in the title and the body (the dateline included; bylines, captions and boilerplate left out) by a statistical tagger trained on the CoNLL-2003 English newswire data (a CRF shipped with the library: `make ner-model` retrains it), and every count is of articles naming someone, under the name's **canonical** form (`Obama` after `Barack Obama` in the same article is `Barack Obama`; `ECB` after `European Central Bank` is the bank), resolved across the corpus as the sources are (a surname or a first name alone is the full name the corpus uses for it when one full name dominates; "U.S.", "US", "America" are "United States"; "Calif." is California; an acronym becomes its expansion across the corpus only where some article uses both). Each canonical name has **one type**, the type of most of the articles naming it, checked against lexicons: a known place (countries, US states, big cities, "Capitol Hill") is never a person, a first name ("Hillary") never a place, a nationality ("Latino") never a person, a known organisation or platform ("ISIS", "Twitter") an organisation. Kinds the newswire training data never showed are typed by their form: an interjection in quoted speech ("Oh", "Yeah") is no name, a news outlet ("MSNBC", "The Hill") an organisation, "the Hill" or "Hill staffers" Capitol Hill, a law or policy ("Obamacare", "the Affordable Care Act") and a political camp ("the Left") other names, and "Wall Street" the financial industry (an organisation, off the map). Rows of tables (earnings reports: "Shr 34 cts vs 1.19 dlrs", "Nine mths") are not read, and a number word, a table abbreviation or a capitalised common word opening a sentence ("Nine pct of …", "Period ended …") is never a name.

# %% tags=["parameters"]
corpus: str = "seeds"  # folder of .txt or .html articles, or a table file (absolute, or from the project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)
group_by: str = "outlet"  # outlet, folder, year, quarter, month, week, day or any column
period: str = "auto"  # time step of the over-time charts: "auto" (the finest of week, month, quarter, year whose typical group-period holds 5 articles or more), or year, quarter, month, week, day
top_n: int = 20  # groups drawn separately; beyond that the largest top_n and "other (K groups)"
include_duplicates: bool = False  # count reprinted copies
top_names: int = 10  # names shown per group
top_over_time: int = 6  # names followed over time
top_people: int = 20  # people in the mentioned-versus-quoted chart
read_options: dict = {}  # table files: column names, e.g. {"text_column": "body"}

# %% [markdown]
# Load the analysed corpus (the first run analyses it once and caches every table) and label each article with its group. `entities` has one row per name found: its span in the article's text, its type (PER person, ORG organisation, LOC place, MISC other names such as nationalities and events) and its canonical name.

# %%
import newscorpus.entities.figures
import newscorpus.entities.views
from newscorpus import analysis, entities, groups, plots
from newscorpus.paths import figures_folder, project_path

plots.set_theme()
data = analysis.load(project_path(corpus), **read_options)
labels = groups.assign(data.articles, group_by, include_duplicates)
period, period_reason = groups.resolve_period(period, data.articles, labels)
print(f"time step of the over-time charts: {period_reason}")
names = entities.resolved_entities(data)  # names resolved across the corpus, once per cache
cited = data.table("sources")
out = figures_folder(corpus, figures)
data

# %% [markdown]
# ## The most mentioned names of the corpus, and the spellings merged under each
#
# `variants` lists the surface forms merged under each canonical name (the five most used), so a merge can be checked: a wrong one shows here first. An article's mentions of its own outlet and wire credits ("told Reuters" in a Reuters corpus, "(AP)") are left out of this table, as of the organisations panels and chart below: they say who wrote the story, not what it is about.

# %%
top = newscorpus.entities.views.top_mentioned(names, labels, top_names, data.articles)
plots.save_table(top, "07-entities", "top-names", out)
plots.text_table(top, limit=4 * top_names)

# %% [markdown]
# ## Which people does each group mention most?

# %%
fig, table = newscorpus.entities.figures.plot_mentioned_by_group(
    newscorpus.entities.views.mentioned_by_group(
        names, labels, "PER", top_names, top_n, data.articles
    ),
    "PER",
)
plots.save_figure(fig, table, "07-entities", "people-by-group", out)

# %% [markdown]
# Bars give the share of the group's articles that name each person at least once (the number at the end of the bar is the article count); the panel title gives the group's n. Groups of fewer than 5 articles are faded. The CSV gives every bar with its article and mention counts.
#
# ## Which organisations?

# %%
fig, table = newscorpus.entities.figures.plot_mentioned_by_group(
    newscorpus.entities.views.mentioned_by_group(
        names, labels, "ORG", top_names, top_n, data.articles
    ),
    "ORG",
)
plots.save_figure(fig, table, "07-entities", "organisations-by-group", out)

# %% [markdown]
# An outlet's mentions of itself are left out of its own panel: bylines, "told CNN", "CNN's poll", its own programmes ("CNN Electoral Map") and "the Times" in a Times article say who wrote the story, not what it is about; so are the news agencies' credits (Associated Press, Reuters, AFP, UPI: "(AP)", "contributed to this report"). Other outlets named stay ("CNN" in a Fox News article). Spellings of one outlet are one name through the outlet list ("Huffington Post", "HuffPost"; "AP", "Associated Press"), and "the Times" or "the Post" alone is the outlet of that short form the article names in full, else the one the corpus names most.
#
# ## Which places?

# %%
fig, table = newscorpus.entities.figures.plot_mentioned_by_group(
    newscorpus.entities.views.mentioned_by_group(names, labels, "LOC", top_names, top_n), "LOC"
)
plots.save_figure(fig, table, "07-entities", "places-by-group", out)

# %% [markdown]
# A dateline (`WASHINGTON (Reuters) -`) counts as a mention of its place: it says where the story was written, which is part of where the coverage is.
#
# ## Who is in the news over time?

# %%
fig, table = newscorpus.entities.figures.plot_mentions_over_time(
    newscorpus.entities.views.mentions_over_time(
        names, data.articles, labels, "PER", period, top_over_time
    ),
    "PER",
)
plots.save_figure(fig, table, "07-entities", "people-over-time", out)

# %% [markdown]
# Each line is the share of the period's dated articles naming the person (the corpus's most mentioned people). A first or last period the corpus covers only in part is shaded and labelled "partial: N of M days" (the days the corpus covers of the period's; the CSV's `period_note`): its share rests on few days. The grey bars under the lines are each period's dated articles (n, the CSV's `period_n`): a period with few articles moves a lot, and one of fewer than 5 articles has its bar faded and its points hollow.

# %%
fig, table = newscorpus.entities.figures.plot_mentions_over_time(
    newscorpus.entities.views.mentions_over_time(
        names, data.articles, labels, "ORG", period, top_over_time
    ),
    "ORG",
)
plots.save_figure(fig, table, "07-entities", "organisations-over-time", out)

# %% [markdown]
# The organisations followed are the corpus's most mentioned, without an article's mentions of its own outlet and wire credits (as in the table and panels above): in a single-outlet corpus such as Reuters' wire, "Reuters" would otherwise top every period.
#
# ## Who is mentioned, and who gets to speak?

# %%
fig, table = newscorpus.entities.figures.plot_mentioned_vs_quoted(
    newscorpus.entities.views.mentioned_vs_quoted(names, cited, labels, top_people)
)
plots.save_figure(fig, table, "07-entities", "mentioned-vs-quoted", out)

# %% [markdown]
# For the people named in the most articles: in how many of those articles they are also a source (quoted directly or reported as saying something, the `sources` table of notebook 03, matched by canonical name). A politician named in many articles but quoted in few is talked about rather than heard; `n_quoted` in the CSV counts every article quoting them.

# %% [markdown]
# ## Where the coverage is
#
# The places each article names, geocoded offline (`places` table: one row per article and place, with its country, coordinates and mentions): place names found by the tagger (and nationalities such as "Syrian", which count for their country) are looked up in GeoNames' countries, US states and cities of 15,000+ people, shipped with the library. A name several places share is read in the article's own context: "Tripoli" in a story that names Lebanon, or datelined `TRIPOLI, Lebanon`, is Tripoli, Lebanon; "Paris, Texas" in the text, or "Paris" under a Texas dateline, is Paris, Texas (a story that only talks about Texas politics keeps Paris in France); otherwise the most populous place wins, and a name its qualifier contradicts ("LONDON, Ontario", not in the gazetteer) gets no row rather than a namesake abroad. A name that is both a US state and its best-known city is the city — "New York" is New York City, "Washington" is Washington, D.C. — unless the words around that mention make it the state ("New York state", "Washington State", "the governor of New York", "New York voters", "the New York primary", "won New York", "Albany, New York"); the two are named apart (`New York City` / `New York State`, `Washington, D.C.` / `Washington State`), and every spelling of one place is one row ("U.S.", "US", "America", "United States"). A state's dot is at the centre of its largest land in the Census Bureau's outlines (New York State upstate, not in New Jersey).

# %%
import newscorpus.places

places = data.table("places")
fig, table = newscorpus.places.plot_place_map(
    newscorpus.places.places_by_group(places, labels, top_n), top_labels=top_names
)
plots.save_figure(fig, table, "07-entities", "map", out)

# %% [markdown]
# One map per group (the largest groups, at most 12) over every place any group names — the whole world's width when the places spread over it — so no place is cut off. Where half or more of the articles' places crowd into a small window (a US politics corpus: the United States), each panel has an inset zoomed on it (its window dashed on the map): the inset names the crowded places, the map the others. Dot area is the number of the group's articles naming the place, on one scale across panels, read off the legend of sizes; the most named places that do not crowd each other are labelled. A country named as a whole is not a dot: its outline is shaded by the group's articles naming it (classes on one scale, own legend; a country too small for the outlines is a square), and the panel's most named countries are listed under it; cities and US states are dots, each labelled beside its dot, never over another label. The CSV beside the map lists every place of every group with its coordinates, n_articles and n_mentions (`in_view`, `in_inset`, `labelled`). Outlines: Natural Earth 1:110m, drawn offline.
#
# What the map leaves out: place names the gazetteer does not know (regions such as "Middle East", provinces, villages, buildings) are never given a guessed position. The most frequent, and the total of place names for comparison:

# %%
plots.text_table(newscorpus.places.unplaced_names(names), limit=21)
