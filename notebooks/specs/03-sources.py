# %% [markdown]
# # Who speaks in the coverage
#
# Whom each outlet (or any group) quotes, how much of its sourcing rests on unnamed people and how that moves over time, which outlets and organisations it leans on, which sources are cited together, and every quote with its speaker, for reading. Quotes and sources are found in body paragraphs only (titles, captions and boilerplate are skipped).

# %% tags=["parameters"]
corpus: str = "seeds"  # folder of .txt or .html articles, or a table file (absolute, or from the project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)
group_by: str = "outlet"  # outlet, folder, year, quarter, month, week, day or any column
period: str = "auto"  # time step of the unnamed-sources chart: "auto" (the finest of week, month, quarter, year whose typical group-period holds 5 articles or more), or year, quarter, month, week, day
top_n: int = 20  # groups drawn separately; beyond that the largest top_n and "other (K groups)"
include_duplicates: bool = False  # count reprinted copies
top_speakers: int = 10  # speakers shown per group; the others are summed
top_cited: int = 20  # outlets and organisations in the cited-per-group chart
top_sources: int = 30  # sources in the network (the most cited)
articles: list = []  # article ids for the quote page; [] means the n_articles articles with the most quotes
n_articles: int = 3  # how many articles the quote page shows when articles is empty
extra_outlets: list = []  # more outlets: names, or dicts with name, variants ("A|B"), short_forms, medium, country
extra_organisations: list = []  # more organisations: names, [name, type] pairs, or dicts with name, variants, type, listed
read_options: dict = {}  # table files: column names, e.g. {"text_column": "body"}

# %% [markdown]
# Load the analysed corpus (the first run analyses it once and caches every table; later runs only read the cache) and label each article with its group. `quotes` has one row per attribution (direct quote, partial quote, or a claim attributed without quotation marks) and `cited` one row per source and article. Every count below is by **canonical name**: one source, one name (`Trump`, `Mr. Trump` and `Donald J. Trump` are `Donald Trump`; `SOHR` and `the monitor` are the `Syrian Observatory for Human Rights`; `Damascus` speaking is the government of Syria); the surface form stays in `speaker` and `name`. An institution every country has (`the Treasury`, `Finance Ministry`, `Central Bank`) is named by its country: the one the article gives it, else the dateline's (`TOKYO, March 3 -`), else it reads `Finance Ministry (country not given)`, so ministries of different countries are never one source. Documents (`the report`, `the statement`) are their own kind. Sources without a name are of three kinds (docs/sources.md, "Kinds of source"): `anonymous` (an unidentified individual: `a senior official`, `officials`, `people familiar with the matter`, `a source`), `role` (one person named by an office, `the president`, which becomes that person when the article names the holder, `President Barack Obama`) and `collective` (parties, categories of people and unnamed organisations: `Democrats`, `critics`, `experts`, `the administration`, `the company`); a country speaking (`the United States`, `Damascus`) is kind `country`, never an organisation. With a list column as `group_by` (Reuters' `topics`), each article is grouped by its first listed value and the figures say so; articles without a value are the group `no <column>`.

# %%
from newscorpus import analysis, groups, plots, sources
from newscorpus.paths import figures_folder, project_path

plots.set_theme()
data = analysis.load(project_path(corpus), **read_options)
labels = groups.assign(data.articles, group_by, include_duplicates)
period, period_reason = groups.resolve_period(period, data.articles, labels)
print(f"time step of the over-time charts: {period_reason}")
lists = {"extra_outlets": extra_outlets, "extra_organisations": extra_organisations}
quotes = data.table("quotes", **lists)
cited = data.table("sources", **lists)
out = figures_folder(corpus, figures)
data

# %% [markdown]
# ## The finding in words
#
# Written from the tables below: the main differences between groups with their numbers, 95 % intervals and the articles they rest on (n). A group is named only when its interval excludes the corpus-wide value; groups of fewer than 5 articles are not compared. Reprinted copies are counted once unless `include_duplicates` is set.

# %%
from newscorpus import findings

findings.sources(data, labels, cited, quotes, top_n)

# %% [markdown]
# ## The most cited sources, and the spellings merged under each name

# %%
plots.text_table(
    sources.who_is_quoted(quotes)[
        ["speaker", "speaker_kind", "n_articles", "n_quotes", "variants"]
    ],
    limit=15,
)

# %% [markdown]
# ## Who is quoted most in each group?

# %%
fig, table = sources.plot_quoted_by_group(
    sources.quoted_by_group(quotes, labels, top_speakers, top_n)
)
plots.save_figure(fig, table, "03-sources", "who-is-quoted", out)

# %% [markdown]
# Bars count the articles quoting each canonical speaker (direct and partial quotes), ranked by articles then quotes, and each bar reads "13 quotes in 1 article", so one long interview does not top a panel; each panel's title gives the group's n (its articles) and, below, the quotes of all its other speakers; a group of fewer than 5 articles is faded. The CSV holds the words quoted, the articles, the group's n and the spellings merged (`variants`) for every bar. Percentages and poll respondents ("52 percent said", "many voters") are findings, not speakers, and are never counted.
#
# ## How much rests on unnamed sources, and is it changing?

# %%
fig, table = sources.plot_anonymous_share(
    sources.anonymous_share(cited, data.articles, labels, period, top_n)
)
plots.save_figure(fig, table, "03-sources", "unnamed-sources", out)

# %% [markdown]
# The share of each group's articles that cite at least one unnamed source ("officials said", "a senior adviser", or someone who spoke on condition of anonymity): the unit is the article, so one source-heavy article counts once. Offices the article does not resolve ("the governor"), collective actors ("Democrats", "critics", "the administration"), documents ("the e-mail") and phrases naming no person are not unnamed sources; each bar says how many unnamed sources (each once per article), roles and collective actors its articles cite (CSV: `n_anonymous`, `n_role`, `n_collective`, beside `n_articles_unnamed` and `n_people`). Each group is labelled with its n (articles) and has one colour in both panels (groups not drawn as lines are grey); bars and points resting on fewer than 5 articles are faded and hollow, and every point is labelled with the articles it rests on (n) while the axis holds 24 periods or fewer; the black line is the whole corpus (drawn only beside two groups or more, never counted as a group). Every period is on the axis (a period without articles is a gap); the per-period panel draws the 8 largest groups and the whole corpus; a first or last period the corpus covers only in part is shaded and labelled "partial: N of M days" (the CSV's `period_note`). The CSV gives the counts behind each point: a period with few articles moves a lot.
#
# ## Which outlets and organisations does each group cite?

# %%
fig, table = sources.plot_cited_by_group(sources.cited_by_group(cited, labels, top_cited, top_n))
plots.save_figure(fig, table, "03-sources", "cited-by-group", out)

# %% [markdown]
# Each cell counts the group's articles that cite the outlet or organisation — quote it, attribute a claim, figures or a report to it ("according to X", "X said", "told X", "X's report found", "a statement from X"), or quote one of its people — never a bare mention ("Pompeo to lead the CIA") (by canonical name; organisations are found by their form as well as by the list: `FBI`, `Congressional Budget Office`, `WikiLeaks`); the shade is that count as a share of the group's articles (its scale set by the groups of 5 articles or more; a smaller group's column is veiled), each column names its group's n, and the name's colour its kind (organisation or outlet). An article's own outlet is never counted in its own articles, under any spelling or kind ("told HuffPost", "HuffPost Pollster" in HuffPost's articles), and a country is never an organisation; the CSV lists the spellings merged under each name.
#
# ## Which sources are cited together?

# %%
fig, table = sources.plot_source_network(cited, top_sources)
plots.save_figure(fig, table, "03-sources", "network", out)

# %% [markdown]
# The most cited people, organisations and outlets (canonical names) on a circle, linked by the number of articles citing both; a name is never linked with its own fragment ("Trump" and "Donald Trump" are one node). The CSV lists every link among them.
#
# ## The quotes, for reading

# %%
chosen = articles or sources.top_articles(quotes, n_articles)
print(
    "Articles shown: "
    + (
        "as chosen (parameter articles)"
        if articles
        else f"the {n_articles} with the most direct and partial quotes"
    )
)
plots.text_table(
    sources.quote_table(quotes, labels=labels, articles=chosen, article_info=data.articles),
    limit=30,
)

# %% [markdown]
# Every direct and partial quote of the chosen articles (by title, outlet and date), in full, with its speaker, canonical name, role and verb (partial quotes show the attributed claim with the quoted words in their marks). The page below draws them; its CSV holds every quote of the corpus.

# %%
fig, table = sources.plot_quote_table(
    quotes, max_rows=36, articles=chosen, article_info=data.articles
)
plots.save_figure(fig, table, "03-sources", "quotes", out)
