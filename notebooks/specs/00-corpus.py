# %% [markdown]
# # What is in the corpus
#
# How many articles each outlet (or any group) contributes and when, how long they are, what was set aside as captions, bylines or site boilerplate before any analysis, and which input could not be used as is.

# %% tags=["parameters"]
corpus: str = "seeds"  # folder of .txt or .html articles, or a table file (absolute, or from the project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)
group_by: str = "outlet"  # outlet, folder, year, quarter, month, week, day or any column
period: str = "auto"  # time step of the attention chart: "auto" (the finest of week, month, quarter, year whose typical group-period holds 5 articles or more), or year, quarter, month, week, day
top_n: int = 20  # groups drawn separately; beyond that the rest are pooled as "other (K groups)"
include_duplicates: bool = False  # count reprinted copies
read_options: dict = {}  # table files: column names, e.g. {"text_column": "body"}

# %% [markdown]
# Load the corpus through the `newscorpus` library. The first run analyses it once (dates, quotes, sources, tone, term counts) and caches every table as Parquet; later runs and the other notebooks only read the cache. This notebook reads the articles without their text and the paragraphs part by part (their word counts, and the text of what was set aside), so a corpus of 100,000 articles is never held whole.

# %%
from newscorpus import analysis, groups, overview, parts, plots, wirecopy
from newscorpus.corpus import outlets
from newscorpus.paths import figures_folder, project_path

plots.set_theme()
data = analysis.load(project_path(corpus), **read_options)
articles = parts.article_metadata(data)  # every column but the text
paragraphs = parts.paragraph_words(data)  # word counts; the text of what was set aside
labels = groups.assign(articles, group_by, include_duplicates)
period, period_reason = groups.resolve_period(period, articles, labels)
print(f"time step of the over-time charts: {period_reason}")
out = figures_folder(corpus, figures)
data

# %% [markdown]
# ## How many articles does each group contribute, and over which dates?
#
# One row per group: articles, how many carry a publication date (stated in the text, `manifest.csv`, a table column or page metadata; never guessed from the dates they mention), the first and last date, and body words. `group_by = "folder"` groups a folder corpus by each article's sub-folder; any manifest or table column (location, label, author, topics …) works too. Articles that repeat an earlier article, word for word or nearly (a wire story reprinted with small edits), are counted once unless `include_duplicates` is set (see below).

# %%
overview.group_summary(articles, labels)

# %% [markdown]
# ## Is each outlet counted once?
#
# Exports list one outlet under several names ("Fox News", "Fox Online News", "Fox News Opinion") and label opinion pieces by their author although they sit on the outlet's site. Every analysis counts the outlet's canonical name (`outlet`); the name as listed stays in `outlet_listed` (set `group_by = "outlet_listed"` to see it). Below: the outlets listed under several names, with the names merged and their articles (rule: same name once section and medium words are dropped, or an article URL on the outlet's own site; method: `newscorpus.corpus.outlets`).

# %%
plots.text_table(outlets.merged(articles, top_n))

# %% [markdown]
# ## When was each group paying attention?
#
# Articles published per period and group (Media Cloud's "attention over time"). The top panel counts articles (the corpus's output); the bottom panel shows, for each group, the share of its own articles published in each period, so a small outlet's timing reads as clearly as a large one's. Every period from the first to the last dated article is drawn, an empty one as a zero (a white cell); undated articles are left out.

# %%
fig, table = overview.plot_attention(overview.attention(articles, labels, period, top_n))
plots.save_figure(fig, table, "00-corpus", "attention", out)

# %% [markdown]
# Each colour is one group, stacked; row labels give each group's number of dated articles (n), and groups resting on fewer than 5 articles are faded. Up to `top_n` groups are drawn separately; beyond that the smaller ones are pooled into one row named "other (K groups)". The CSV beside the figure holds every count, the group's n and the share. The last period may be partly covered by the corpus.
#
# ## How long are the articles in each group?

# %%
fig, table = overview.plot_lengths(overview.lengths(articles, labels, top_n))
plots.save_figure(fig, table, "00-corpus", "lengths", out)

# %% [markdown]
# Boxes span the middle half of each group's articles (words of body text only); the label gives the number of articles and the median.
#
# ## What is each group's text made of?

# %%
fig, table = overview.plot_composition(overview.composition(paragraphs, labels, top_n))
plots.save_figure(fig, table, "00-corpus", "composition", out)

# %% [markdown]
# Words outside the body (titles, bylines, captions, donation and licensing blurbs) are kept in the tables but skipped by every analysis; otherwise they would inflate term counts and skew tone.
#
# ## What was set aside, and by which rule?

# %%
plots.text_table(overview.set_aside(paragraphs))

# %% [markdown]
# Each row is one rule of the reader (`reason`), how often it fired and in how many articles, with the first paragraph it matched.
#
# ## How much of each group's text is site furniture?
#
# Scraped pages keep what a site repeats on every page: share widgets, "Read more", newsletter prompts, copyright lines, often flattened into the first or last paragraph. The reader finds it by repetition, not by a list: a line, or the opening or ending of the body, that recurs in at least max(3, 5 %) of one outlet's articles (outlets of 5 articles or more; the same rule over the whole corpus for every article) is set aside as boilerplate, cut at exact offsets when it is glued to the body; so is a gallery of captions each closed by a label the outlet repeats ("… Hide Caption 3 of 12"; never a table's rows, whose labels repeat with other figures: "Revs 291.8 mln vs 151.1 mln"), a sign-off the outlet repeats where it closes an article ("Reuter", beside a table too), and an inline card flattened into a sentence, from a name to a label word the outlet repeats ("Paul Davis Ryan<recent headlines> MORE"); datelines, names and figures are kept (method: `newscorpus.corpus.furniture`). Shares are of characters; `boilerplate_pct` also counts the fixed rules above.

# %%
from newscorpus.corpus import furniture

plots.text_table(furniture.furniture_share(paragraphs, groups.top_n(labels, top_n)), top_n + 2)

# %% [markdown]
# ## Which furniture phrases recur most?
#
# The phrases set aside by repetition (grouped once digits and case are normalised, so dated variants count as one), where they stood (a whole line, the opening or the ending of the body, a gallery line closed by a repeated tail, an inline card), and in how many articles and outlets.

# %%
plots.text_table(furniture.top_furniture(paragraphs, articles))

# %% [markdown]
# ## Which articles are reprints?
#
# An article is a copy when its body repeats an earlier article's, word for word or nearly: a wire story reprinted with a word changed here and there, a wire prefix ("WASHINGTON (Reuters) -") or a sign-off added, the last paragraph cut or a paragraph inserted. Copies are found with MinHash signatures of each body's 5-word shingles (site furniture left out) and locality-sensitive hashing (`datasketch`), kept when the estimated Jaccard similarity is at least 0.5: two articles that share only their first paragraph are not copies. Each copy points to the earliest article of its group (by publication date, then id) in `articles.duplicate_of`, with the estimated overlap in `articles.duplicate_similarity`. Every analysis counts each story once unless `include_duplicates` is set. One row per group with copies, with the first copy and the article it repeats:

# %%
every_article = groups.assign(articles, group_by, True)
plots.text_table(overview.duplicates(articles, every_article))

# %% [markdown]
# ## How much of each group's output is a copy?
#
# The share of each group's articles that repeat an earlier article (light), and the part of them that credits a wire service — Reuters, AFP or AP — in its text (dark); the label gives the share and the number of copies, the row the group's articles (n). Groups of fewer than 5 articles are faded. The CSV adds the copies' median similarity.

# %%
fig, table = overview.plot_copy_share(overview.copy_share(articles, every_article, top_n))
plots.save_figure(fig, table, "00-corpus", "copies", out)

# %% [markdown]
# ## Who reprints whom?
#
# Copies counted by the copy's group (down) and the group of the article it repeats (across: the earliest article of the copies' group). A cell on the diagonal is a group repeating its own story; a row spread across columns is a group reprinting many others. The 12 groups with most articles are drawn, the rest pooled as "other (K groups)"; the CSV gives each pair's count and its share of the copy group's copies.

# %%
fig, table = overview.plot_reprints(overview.reprints(articles, every_article, min(top_n, 12)))
plots.save_figure(fig, table, "00-corpus", "reprints", out)

# %% [markdown]
# ## How much of each group is wire copy?
#
# Each article's wire credit as its text states it: the first credit named — "(Reuters)" or "Reuters", "(AFP)", "AFP" or "Agence France-Presse", "(AP)", "AP" or "Associated Press", as in "LONDON (Reuters) -" or "The Associated Press contributed to this report" — not an agency the story cites as a source ("according to the AP", "told Reuters"). Every article counts, whether or not the wire's own story is in the corpus; the label says how many of the crediting articles also copy an article of the corpus (the copies above).

# %%
fig, table = wirecopy.plot_wire_credits(
    wirecopy.wire_credits(articles, every_article, top_n, credits=wirecopy.article_credits(data))
)
plots.save_figure(fig, table, "00-corpus", "wire-credits", out)

# %% [markdown]
# ## Which input could not be used as is?
#
# Files or rows that were skipped (empty, binary, no text), altered (re-encoded, repaired, line endings), flagged (duplicates), and articles an analysis could not handle. An empty table means everything was read cleanly; `data.problems` holds every row.

# %%
plots.text_table(overview.problem_summary(data.problems))

# %% [markdown]
# ## The first articles
#
# Title, outlet, byline and publication date as read from each article (or `manifest.csv`); words and sentences count body text only.

# %%
plots.text_table(overview.article_summary(articles))
