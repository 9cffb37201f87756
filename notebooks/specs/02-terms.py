# %% [markdown]
# # Terms that carry the coverage
#
# Which words and names the articles use most, which terms set each article apart, which words travel together, and where the traced terms occur, with every count readable in context.

# %% [parameters]
corpus: str = "seeds"  # folder of .txt articles (absolute, or relative to project root)
figures: str = "figures"  # folder for saved figures (PNG + CSV), absolute or project-relative
top_n: int = 20  # terms in the top-terms chart
ngram_range: list[int] = [1, 3]  # smallest and largest n-gram counted (1 to 3 units)
extra_stopwords: list[str] = []  # words to leave out besides the shipped stopword list
alias_map: dict = {}  # extra {variant: term} folds, over the shipped map unless disabled
default_aliases: bool = True  # use the shipped map (ISIS, ISIL, Daesh -> Islamic State)
phrases: list[str] = []  # multiword names to keep whole, besides the shipped list
trace: list[str] = ["guerrilla", "desert", "sleeper cells", "caliphate", "insurgency"]  # to trace
kwic_term: str = "sleeper cells"  # word or phrase shown in context
window: int = 8  # words of context either side in keyword in context
collocation_min_count: int = 2  # least times a collocation must occur

# %% [markdown]
# Load the corpus through the `newscorpus` library and gather the counting options every section below shares.

# %%
from newscorpus import plots, read_corpus, terms
from newscorpus.paths import project_path

plots.set_theme()
data = read_corpus(project_path(corpus))
options = {
    "ngram_range": ngram_range,
    "extra_stopwords": extra_stopwords,
    "alias_map": alias_map,
    "default_aliases": default_aliases,
    "phrases": phrases,
}
data

# %% [markdown]
# ## How rich is each article's vocabulary?
#
# Word tokens and distinct words (types) of body text, type-token ratio, words per sentence and hapaxes (words used once).

# %%
terms.vocabulary(data)

# %% [markdown]
# Longer articles have lower type-token ratios by construction, so compare ratios only between articles of similar length.
#
# ## Which multiword names does the corpus itself suggest?
#
# Runs of capitalised words that co-occur far more than chance (log-likelihood, p < 0.001, at least twice). They are counted as one term, together with the shipped phrase list and `phrases`.

# %%
terms.find_phrases(data)

# %% [markdown]
# ## Which terms carry the coverage?

# %%
fig, table = terms.plot_top_terms(data, top_n=top_n, **options)
plots.save_figure(fig, table, "02-terms", "top-terms", project_path(figures))

# %% [markdown]
# Rates are per 10,000 body words; ISIS, ISIL, Daesh and Islamic State are counted as one term through the alias map, and stopwords, punctuation and numbers are left out.
#
# ## Which terms set each article apart?

# %%
fig, table = terms.plot_distinctive(data, top_n=8, **options)
plots.save_figure(fig, table, "02-terms", "distinctive", project_path(figures))

# %% [markdown]
# Each panel ranks the terms an article uses more than the rest of the corpus by log-likelihood keyness; bars past the dashed line are significant at p < 0.001.
#
# ## What counts lie behind those scores?
#
# The top three terms per article with their count and words in the article, in the rest of the corpus, and the tf-idf weight.

# %%
terms.distinctive_terms(data, top_n=3, **options)

# %% [markdown]
# ## How often does each article use the traced terms?

# %%
fig, table = terms.plot_trace_heatmap(data, trace)
plots.save_figure(fig, table, "02-terms", "trace-heatmap", project_path(figures))

# %% [markdown]
# Articles run from the oldest known publication date down, undated ones last; each cell gives the rate per 10,000 body words and the raw count.
#
# ## Where in each article do the traced terms occur?

# %%
fig, table = terms.plot_dispersion(data, trace)
plots.save_figure(fig, table, "02-terms", "dispersion", project_path(figures))

# %% [markdown]
# Each tick is one occurrence, placed by its word position from the first (0) to the last (1) word of the article's body.
#
# ## Which words travel together?

# %%
fig, table = terms.plot_collocations(
    data, min_count=collocation_min_count, top_n=15, extra_stopwords=extra_stopwords
)
plots.save_figure(fig, table, "02-terms", "collocations", project_path(figures))

# %% [markdown]
# NLTK's bigram and trigram collocation finders within sentences, ranked by log-likelihood; pairs holding a stopword are left out, and PMI favours rare exclusive pairs.
#
# ## How is a traced term used?

# %%
fig, table = terms.plot_kwic(data, kwic_term, window=window)
plots.save_figure(fig, table, "02-terms", "kwic", project_path(figures))

# %% [markdown]
# Every occurrence of the term with its words either side, cut at the edge of its paragraph; the CSV gives the character offsets to find each line in the article.
