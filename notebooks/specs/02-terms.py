# %% [markdown]
# # Terms that carry the coverage
#
# Which words and names each outlet (or any group) uses most, which terms set a group apart from the rest of the corpus, how traced terms move over time, which words travel together, and how a term reads in context, with every count behind each score.

# %% tags=["parameters"]
corpus: str = "seeds"  # folder of .txt or .html articles, or a table file (absolute, or from the project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)
group_by: str = "outlet"  # outlet, folder, year, quarter, month, week, day or any column
period: str = "auto"  # time step of the trends: "auto" (the finest of week, month, quarter, year whose typical group-period holds 5 articles or more), or year, quarter, month, week, day
top_n: int = 20  # groups drawn separately; beyond that the rest are pooled as "other (K groups)"
include_duplicates: bool = False  # count reprinted copies
top_terms: int = 10  # terms per group in the top-terms chart
ngram: int = 1  # units per term in the top-terms chart: 1 words and names, 2 or 3 phrases, 0 any
min_count: int = 3  # least count in the corpus for a term to get keyness and collocation scores
terms: list = []  # traced terms, a trailing * matches a prefix (empty: the corpus's 5 most distinctive)
kwic_term: str = ""  # any word, number or phrase shown in context (empty: the first traced term)
window: int = 8  # words of context either side in keyword in context
max_lines: int = 30  # keyword-in-context lines shown
articles: list = []  # article ids for the per-article view; empty means the n_articles using the traced terms most
n_articles: int = 8  # articles chosen when articles is empty
naming: object = None  # naming sets: {"concept": ["term", "pattern*", ...]} or a CSV path (concept, term); None: the shipped news designations plus the spellings of the corpus's top entities
read_options: dict = {}  # table files: column names, e.g. {"text_column": "body"}

# %% [markdown]
# Load the corpus's tables from the analysis cache (the first run of any notebook analyses the corpus once). Term counts come from that pass: 1- to 3-grams of body-text words per article, stopwords, punctuation and numbers left out, multiword names from the shipped list kept whole, ISIS, ISIL and Daesh folded into Islamic State.

# %%
import newscorpus.terms
from newscorpus import analysis, groups, plots
from newscorpus.paths import figures_folder, project_path

plots.set_theme()
data = analysis.load(project_path(corpus), **read_options)
labels = groups.top_n(groups.assign(data.articles, group_by, include_duplicates), top_n)
period, period_reason = groups.resolve_period(period, data.articles, labels)
print(f"time step of the over-time charts: {period_reason}")
sizes = labels.value_counts()
periods = groups.assign(data.articles, period, include_duplicates)
out = figures_folder(corpus, figures)
data

# %% [markdown]
# ## The finding in words
#
# Written from the term counts (`by_group`: every term used at least `min_count` times in the corpus, counted per group; reprinted copies once unless `include_duplicates` is set): the corpus's most distinctive words and names by the rule stated under the trends below, and the word each of the largest groups over-uses most against the rest of the corpus, with both rates, the log-likelihood and the articles it rests on (n). Groups of fewer than 5 articles are not compared.

# %%
from newscorpus import findings

by_group = newscorpus.terms.group_counts(data.parts("term_counts"), labels, min_total=min_count)
findings.terms(data, labels, by_group, min_count, top_n=None)  # labels already folded

# %% [markdown]
# ## Which lines are tables, not prose?
#
# Wire copy prints tables inline: an earnings report is "Shr 34 cts vs 1.19 dlrs / Net 807,000 vs 2,858,000 / Revs …", a market report a list of prices. A body line (paragraph) is read as a **table row** when it holds at least 2 figures (a chunk with a digit, or nil, one … twelve), figures make at least a fifth of its words, and function words (the, of, to, said …) at most one word in ten (one in twenty in a line of over 20 words; prose has one in three or four); a wire dateline opening the line is not counted, and a short heading line ("Nine mths") just above a row belongs to the table. The words of table rows are left out of every term count below and of the body words the rates divide by, so vs, cts, shr and revs do not top the charts. How many lines that is, per group:

# %%
newscorpus.terms.table_summary(
    data.parts("paragraphs", columns=["article_id", "paragraph_id", "kind", "text"]), labels
)

# %% [markdown]
# ## Which terms does each group use most?
#
# House style is left out: a term used in at least 20 % of the articles of at least three quarters of the groups of 5 articles or more (with fewer groups: in half of all articles) carries nothing that sets a group or an article apart, such as "said", the month names of datelines, or "pct" and "dlrs" in wire copy. Names are never house style: a corpus's subject (Trump and Clinton in election coverage) stays however widespread. A widespread term is a name when at least half of its uses, where case is free (not the first word of a sentence, not a headline line), are capitalised, read on at most 200 uses per term in the first 3 token partitions (`name_terms`, table below); month and weekday names, wire units (mln, pct, dlrs, cts) and the agencies' names of sign-offs and datelines (Reuters, AP, UPI, AFP) stay house style although capitalised. So do an outlet's honorifics (Mr., Mrs., Ms., Sen., Gov.: one outlet's style, not its coverage), clock times (a.m., p.m., EDT) and a middle initial inside a name ("donald j"), in every group and wherever used; and a first name that mostly opens one full name ("donald" beside "trump") is counted with that name, not as a word of its own. A term more than half of whose count in a group of 3 articles or more comes from one article is left out of that group's panel: one story's subject, not the group's (`content.attrs["one_article"]`). The title names the terms left out; `newscorpus.terms.term_spread(by_group, sizes, names)` lists each term's spread.

# %%
token_columns = ["article_id", "sentence_id", "token", "norm", "is_word"]
names = newscorpus.terms.name_terms(data.parts("tokens", columns=token_columns), by_group, sizes)
own = newscorpus.terms.own_outlet_names(labels, data.articles)  # each group's own outlet name
content = newscorpus.terms.drop_own_names(
    newscorpus.terms.content_terms(by_group, sizes, names), own
)
traced = newscorpus.terms.distinctive_terms_of(
    by_group, len(labels), 5, terms, group_sizes=sizes, names=names
) or newscorpus.terms.frequent_terms(content, 5)  # too few articles: the most frequent
fig, table = newscorpus.terms.plot_group_top_terms(
    content,
    top_n=top_terms,
    ngram=ngram,
    max_groups=top_n + 1,
    group_sizes=sizes,
    left_out=content.attrs["house_style"],
    rule=newscorpus.terms.HOUSE_STYLE_RULE,
)
plots.save_figure(fig, table, "02-terms", "top-terms", out)

# %%
names[names["name"]]  # widespread terms kept as names: uses read and the share capitalised

# %% [markdown]
# Bars are rates per 10,000 body words of the group, so groups of different size compare; the label is the raw count, the panel title the group's number of articles (n); a group of fewer than 5 articles is faded. The group table (`by_group`: every term used at least `min_count` times in the corpus, in every group) feeds the keyness and collocation views below, so the per-article counts are read once.
#
# ## Which terms set each group apart from the rest of the corpus?

# %%
keyness = newscorpus.terms.group_keyness(
    by_group, min_count=min_count, top_n=25, leave_out=own, group_sizes=sizes
)
fig, table = newscorpus.terms.plot_group_keyness(
    keyness, top_n=6, max_groups=top_n + 1, group_sizes=labels.value_counts()
)
plots.save_figure(fig, table, "02-terms", "keyness", out)

# %% [markdown]
# Each group is compared with all other articles by Dunning's log-likelihood (Rayson & Garside 2000): bars to the right are terms the group uses more than the rest, bars to the left terms it uses less; beyond the dashed lines the difference is significant at p < 0.001. A key term must rest on several articles: a term a group over-uses is kept only when at least 3 of the group's articles use it (all of them in a group of fewer than 3), a term it under-uses only when at least 3 articles of the rest use it, and never when one article holds more than half of the count behind it (one list repeating "property damage", one map legend), so one live blog's pet word is never a group's key term; the label gives the articles using it. A group's own outlet name (its canonical name and the variants of the shipped outlet list, alone or inside a phrase: "politico", "told politico") is left out of that group's key and top terms, and the panel title names what was left out: an outlet names itself by construction.
#
# ## What counts lie behind those scores?
#
# The five terms each group over-uses most, with the count and rate per 10,000 words in the group and in the rest, the log ratio (1 = twice as frequent) and the group's articles using the term (`n_articles`).

# %%
newscorpus.terms.top_keyness(keyness, top_n=5)

# %% [markdown]
# ## How do the traced terms move over time?
#
# The traced terms are those in `terms`, or else the corpus's five most **distinctive** words and names: the rule ranks each word or name used in at least 3 articles by its count times log(articles in the corpus / articles using it) (corpus tf-idf), leaving out words every news story uses (said, mr, would …), house style (above), terms spread evenly across the groups (Gries's deviation of proportions `dp` < 0.3: each group's share of the term is close to its share of the corpus's words, as "pct" and "dlrs" are in wire copy) and, with three groups or more, terms one group uses more than half of the time (its house style or page furniture, shown in the keyness chart instead). A word every article uses scores zero however frequent it is, so the traced terms are the frequent words and names that belong to part of the corpus (a candidate, an event, a place). A corpus too small for any distinctive term (none used in 3 articles or more) traces its five most frequent words and names instead (house style and outlet names left out, `terms.frequent_terms`). The scores behind the choice:

# %%
newscorpus.terms.corpus_tf_idf(by_group, len(labels), sizes, names).head(10)

# %%
fig, table = newscorpus.terms.plot_term_trends(
    newscorpus.terms.term_trends(data.parts("term_counts"), periods, traced),
    coverage=groups.period_coverage(data.articles["published"], period),
)
plots.save_figure(fig, table, "02-terms", "trends", out)

# %% [markdown]
# Each point is a term's rate per 10,000 body words of all articles published in that period; the legend gives the total count. A ringed point is one more than half of whose count is one article's: that peak is one story, not the period's coverage (the CSV's `max_count`). The bars below give the articles behind each period's points (n); a period with fewer than 5 articles has hollow points and a faded bar, and swings more. Every period from the first to the last is on the axis: a period without articles breaks the lines. A first or last period the corpus covers only in part is shaded and marked "partial" (its days of data under the axis and in the CSV, `period_note`).
#
# ## Which words travel together?
#
# Pairs of adjacent words or names inside a sentence, scored from the same counts by log-likelihood against how often each word occurs alone (names on the shipped list are already one unit); PMI favours rare, exclusive pairs.

# %%
newscorpus.terms.collocations_from_counts(by_group, min_count=min_count, top_n=15)

# %% [markdown]
# ## How is a term used?
#
# The term is `kwic_term` (any word, number or phrase: `2019`, `of the`), or else the first traced term. Lines come from the articles that use the term most (a third as many articles as `max_lines`, so every line drawn comes from one of them; or from `articles` when given), at most three per article, the article using it most first; each line names its article by title, outlet and date.

# %%
focus = kwic_term or " ".join(traced[:1])
shown = newscorpus.terms.find_articles(data, focus, -(-max_lines // 3), articles)
sample = newscorpus.terms.sample_corpus(data, shown["article_id"])
lines = newscorpus.terms.kwic(sample, focus, window, max_per_article=3, order=shown["article_id"])
rule = (
    f"the {len(shown)} articles asked for (`articles`)"
    if articles
    else f"the {len(shown)} articles using it most, most uses first (ties by id)"
)
fig, table = newscorpus.terms.plot_kwic(
    lines,
    focus,
    max_lines,
    plots.article_label(sample.articles, width=50),
    chosen=f"{rule}, at most 3 lines each",
)
plots.save_figure(fig, table, "02-terms", "kwic", out)

# %% [markdown]
# The same lines with their whole context, cut only at the edge of the paragraph; the CSV gives the character offsets of each match in its article.

# %%
plots.text_table(table[["article", "left", "term", "right"]], limit=max_lines)

# %% [markdown]
# ## How does each group name the same thing?
#
# A naming set is one referent and the words that name it: the shipped news designations (militant, terrorist, insurgent, rebel or fighter; regime, government or authorities; protesters or rioters; migrants, refugees or illegal immigrants …; `lib/newscorpus/data/naming.csv`) and, for the corpus's most mentioned people, organisations and places (the `entities` table, names resolved within each article and across the corpus as in notebook 07), the names the articles actually use for each ("Hillary", "Clinton", "Hillary Clinton"; "U.S.", "America", "United States"; a surname or first name shared with another often-named person left out), or the sets given in `naming`. A variant is a counted term (a word, a phrase of up to three units, or a name kept whole; `militant*` matches militant and militants), and one inside a longer variant of its set, or inside another name of the corpus (an entity or outlet named in two articles or more), is counted without it ("war" apart from "civil war", "washington" apart from "Washington Times" and "George Washington"). For each group: the set's rate per 10,000 body words with its exact 95 % interval, a log-likelihood test of whether that rate differs across groups, and which variant the group prefers (each variant's share of the set's uses in the group against the rest, G² and log ratio; a G² test of the group × variant table says whether the mix differs at all).

# %%
from newscorpus.entities import resolved_entities

named_entities = resolved_entities(data, columns=["article_id", "text", "type", "canonical"])
sets = newscorpus.terms.naming_sets(
    naming if not isinstance(naming, str) or not naming else str(project_path(naming)),
    sources=data.table("sources", columns=["article_id", "name", "canonical", "kind"]),
    aliases=newscorpus.terms.read_source_aliases(data),
    entities=named_entities,
)
# a variant's uses inside another name ("washington" in "Washington Times") are not counted
longer = newscorpus.terms.longer_names(named_entities, data.articles["outlet"].dropna().unique())
named = newscorpus.terms.naming_counts(data.parts("term_counts"), labels, sets, longer=longer)
naming_tests = newscorpus.terms.naming_tests(named)
fig, table = newscorpus.terms.plot_naming(named, naming_tests, group_sizes=sizes)
plots.save_figure(fig, named, "02-terms", "naming", out)
naming_tests.sort_values("count", ascending=False)

# %% [markdown]
# Each panel is one set: a bar per group (the largest `top_n`, the rest pooled as "other") and, below the line, all articles, split into the share of each variant; the label gives the set's rate per 10,000 body words [95 % interval] and its count. The panel title gives the p-values of the two G² tests (rate across groups; variant mix across groups); the CSV (`02-terms-naming.csv`) holds every set, variant and group with counts, rates and intervals. The variant each group prefers, where the preference is significant (G² ≥ 3.84, p < 0.05):

# %%
preferred = newscorpus.terms.naming_keyness(named)
preferred[preferred["preferred"]].sort_values(
    ["concept", "log_likelihood"], ascending=[True, False]
)

# %% [markdown]
# ## Which articles are read one by one?
#
# The articles named in `articles`, or else the `n_articles` articles where the traced terms occur most often.

# %%
chosen = newscorpus.terms.articles_using(
    data.parts("term_counts"), traced, n_articles, articles, data.articles
)
chosen

# %% [markdown]
# ## Where in each chosen article do the traced terms occur?

# %%
sample = newscorpus.terms.sample_corpus(data, chosen["article_id"])
fig, table = newscorpus.terms.plot_dispersion(
    newscorpus.terms.dispersion(sample, traced),
    chosen["article_id"],
    traced,
    labels=plots.article_label(sample.articles, width=40),
)
plots.save_figure(fig, table, "02-terms", "dispersion", out)

# %% [markdown]
# Each tick is one occurrence, placed by its word position from the first (0) to the last (1) word of the article's body: terms bunched at the top of an article frame the story, terms spread through it carry it.
