# %% [markdown]
# # Explore an article and its findings
#
# Read any article with every finding marked on its text (quotations by speaker, time expressions, sentence sentiment, set-aside lines), look up a term in context, and follow a source across the corpus; in JupyterLab the last cell makes all three interactive.

# %% tags=["parameters"]
corpus: str = "seeds"  # folder of .txt or .html articles, or a table file (absolute, or from the project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)
article: str = ""  # article_id to show first (empty: the first article)
term: str = ""  # word or phrase for keyword in context and dispersion (empty: the most frequent)
source: str = ""  # source or speaker to follow (empty: the most quoted)
window: int = 8  # words of context on each side of the term
read_options: dict = {}  # table files: column names, e.g. {"text_column": "body"}

# %% [markdown]
# Load the analysed corpus: every table of findings comes from the analysis pass's cache, nothing is recomputed here.

# %%
from newscorpus import analysis, explore, plots
from newscorpus.paths import figures_folder, project_path

plots.set_theme()
data = analysis.load(project_path(corpus), **read_options)
findings = explore.from_analysis(data, term)
out = figures_folder(corpus, figures)
findings

# %% [markdown]
# ## Which findings can be marked on the text?
#
# One row per layer, with the library function it comes from and how many rows it found.

# %%
explore.layer_summary(findings)

# %% [markdown]
# ## What does an article look like with its findings marked?
#
# Hover over a quotation for its speaker and role, over an underlined time expression for its resolved value, and over a sentence for its sentiment scores.

# %%
explore.show_article(findings, article)

# %% [markdown]
# Quotations are coloured by speaker, sentences shaded red (negative) to blue (positive), and captions and boilerplate greyed: they are kept in the text but skipped by the analyses.
#
# ## In what context is the term used?

# %%
plots.text_table(explore.term_contexts(findings, findings.term, window))

# %% [markdown]
# Each row is one occurrence, with `window` words on either side.
#
# ## Where along each article does the term occur?

# %%
fig, table = explore.plot_dispersion(findings, findings.term)
plots.save_figure(fig, table, "05-explore", "dispersion", out)

# %% [markdown]
# Each tick is one occurrence; clusters show where an article dwells on the term, and the count per article is in brackets. Only articles that use the term are drawn, at most 30, most occurrences first.
#
# ## Who is quoted or mentioned, and where?

# %%
explore.source_findings(findings, source or (explore.source_names(findings) + [""])[0]).head(20)

# %% [markdown]
# Quotes attributed to the source, and every body sentence naming it, in corpus order.
#
# ## Explore interactively
#
# Find an article by words of its id, title or outlet (press Enter) and pick it, type a term and press Enter, or pick a source: the views below update. The widgets need a running kernel in JupyterLab; a saved copy of this notebook shows only the static views above.

# %%
explore.explorer(findings, article=article, term=findings.term, source=source, window=window)
