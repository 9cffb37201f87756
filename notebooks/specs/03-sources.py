# %% [markdown]
# # Who speaks in the coverage
#
# Whose voices each article carries and what they say, which outlets and organisations it leans on, and how much rests on unnamed sources; every quote links back to its sentence.

# %% [parameters]
corpus: str = "seeds"  # folder of .txt articles (absolute, or relative to project root)
figures: str = "figures"  # folder for saved figures (PNG + CSV), absolute or from project root
extra_outlets: list | None = None  # more outlets: names, or {"name", "variants": "A|B", …}
extra_organisations: list | None = None  # more organisations: names, or (name, type) pairs
min_quotes: int = 1  # speakers with fewer quotes are left out of the who-is-quoted chart

# %% [markdown]
# Load the corpus through the `newscorpus` library: quotes and sources are found in body paragraphs only (titles, deks, captions and boilerplate are skipped).

# %%
from newscorpus import plots, read_corpus, sources
from newscorpus.paths import project_path

plots.set_theme()
data = read_corpus(project_path(corpus))
data

# %% [markdown]
# ## What is quoted, and who says it?
#
# One row per quotation: `direct` quotes stand as sentences, `partial` quotes are a few attributed words inside the writer's sentence, `indirect` rows are claims attributed without quotation marks ("officials said", "according to the report"). `start`/`end` point at the quoted words in the article text. The first rows:

# %%
quotes = sources.find_quotes(data, extra_outlets, extra_organisations)
quotes[["article_id", "sentence_id", "kind", "speaker", "speaker_role", "verb", "quote"]].head(20)

# %% [markdown]
# ## Who is quoted most, and at what length?

# %%
fig, table = sources.plot_who_is_quoted(quotes, min_quotes)
plots.save_figure(fig, table, "03-sources", "who-is-quoted", project_path(figures))

# %% [markdown]
# Bars count direct and partial quotes (left) and the words inside their quotation marks (right); colour gives the kind of source an analyst can group by.
#
# ## Which sources does each article cite?
#
# One row per source and article: outlets (named, or described as "the American newspaper" when the article makes clear which), organisations, named people with their roles, anonymous sources and documents, with how often each is mentioned, quoted and cited indirectly. The article's own publisher is not counted.

# %%
cited = sources.find_sources(data, quotes, extra_outlets, extra_organisations)
cited.head(20)

# %% [markdown]
# ## How many sources does each article use, and how many are anonymous?

# %%
fig, table = sources.plot_sources_per_article(cited)
plots.save_figure(fig, table, "03-sources", "sources-per-article", project_path(figures))

# %% [markdown]
# Each bar stacks an article's distinct sources by kind; the label gives the share that are unnamed ("officials said", "one Syrian official").
#
# ## Which articles rely on the same sources?

# %%
fig, table = sources.plot_source_network(cited)
plots.save_figure(fig, table, "03-sources", "network", project_path(figures))

# %% [markdown]
# Articles (left) are linked to the sources they cite (right); a source with several links is shared across the coverage. The CSV lists every link with its weight (mentions + quotes + indirect citations).
#
# ## Every quote, for reading

# %%
fig, table = sources.plot_quote_table(quotes)
plots.save_figure(fig, table, "03-sources", "quotes", project_path(figures))

# %% [markdown]
# The page shows the first quotes with speaker, role and verb; the CSV beside it holds every direct and partial quote in full, with its article and sentence.
