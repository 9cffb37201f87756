# %% [markdown]
# # What is in the corpus
#
# Which articles the corpus holds, who wrote and published them, how long they are, and which lines were set aside as captions, bylines or site boilerplate before any analysis.

# %% [parameters]
corpus: str = "seeds"  # folder of .txt articles (absolute, or relative to project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)

# %% [markdown]
# Load the corpus through the `newscorpus` library: every table the other notebooks use comes from here.

# %%
from newscorpus import overview, plots, read_corpus
from newscorpus.paths import project_path

plots.set_theme()
data = read_corpus(project_path(corpus))
data

# %% [markdown]
# ## Which articles are there?
#
# Title, outlet, byline and publication date as stated in each article (or in `manifest.csv`); words and sentences count body text only.

# %%
overview.article_summary(data)

# %% [markdown]
# ## What was set aside before analysis, and why?
#
# Titles, deks, bylines, photo captions and site boilerplate are kept in the tables but marked, so analyses skip them. `reason` names the rule that matched.

# %%
overview.set_aside(data)

# %% [markdown]
# ## Which input could not be used as is?
#
# Files that were skipped (empty, binary, not `.txt`) or altered (re-encoded, line endings, duplicates). An empty table means every file was read cleanly.

# %%
data.problems

# %% [markdown]
# ## How long is each article?

# %%
fig, table = overview.plot_lengths(data)
plots.save_figure(fig, table, "00-corpus", "lengths", project_path(figures))
# %% [markdown]
# The bars count words of body text only; the label gives the number of sentences.
#
# ## What is each article made of?

# %%
fig, table = overview.plot_composition(data)
plots.save_figure(fig, table, "00-corpus", "composition", project_path(figures))

# %% [markdown]
# Words outside the body (captions repeated two or three times, donation and licensing blurbs) would otherwise inflate term counts and skew sentiment.
