# %% [markdown]
# # Tone of the coverage
#
# How negative or positive each outlet (or any group) writes, how that moves over time, whether quoted voices sound different from the reporter's narrative, how each group writes about the people and groups it covers, which words drive the tone, and why a given sentence scored as it did. Tone is VADER's compound score per body sentence (−1 … +1), never VADER over a whole article.

# %% tags=["parameters"]
corpus: str = "seeds"  # folder of .txt or .html articles, or a table file (absolute, or from the project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)
group_by: str = "outlet"  # outlet, folder, year, quarter, month, week, day or any column
period: str = "auto"  # time step of the tone-over-time chart: "auto" (the finest of week, month, quarter, year whose typical group-period holds 5 articles or more), or year, quarter, month, week, day
top_n: int = 20  # groups drawn separately; beyond that the largest top_n and "other (K groups)"
include_duplicates: bool = False  # count reprinted copies
articles: list = []  # article ids for the per-article arcs; [] means a typical (median-length) article of each of the n_articles largest groups
n_articles: int = 4  # how many articles the arcs show when articles is empty
targets: dict = {}  # {target: [aliases]}; {} means sentiment.default_targets: the corpus's most cited canonical sources (people, organisations)
lexicon: str = "vader"  # "vader" plain VADER; "news" designation and event words neutral (lib/newscorpus/data/news_designations.txt); "conflict" the conflict supplement; or a file of word<TAB>valence lines
n_words: int = 3  # words shown per group as carrying its difference from the corpus (removed in the robustness check)
rules: str = "vader-3.3"  # VADER rule set: "vader-3.3" (vaderSentiment 3.3.2) or "nltk" (NLTK 3.10)
threshold: float = 0.05  # |compound| at or above which a sentence counts as positive or negative
smooth: int = 5  # sentences in the moving average of the arcs
top_words: int = 15  # words in the driver chart
read_options: dict = {}  # table files: column names, e.g. {"text_column": "body"}

# %% [markdown]
# Load the analysed corpus (the first run analyses it once and caches every table; later runs only read the cache) and label each article with its group. Each body sentence has its VADER scores and whether it lies inside a direct quotation found by the sources analysis.

# %%
import pandas as pd

from newscorpus import analysis, groups, plots, sentiment
from newscorpus.paths import figures_folder, project_path

plots.set_theme()
pd.set_option("display.max_colwidth", None)  # tables show whole sentences
data = analysis.load(project_path(corpus), **read_options)
labels = groups.assign(data.articles, group_by, include_duplicates)
period, period_reason = groups.resolve_period(period, data.articles, labels)
print(f"time step of the over-time charts: {period_reason}")
scores = data.table("sentiment", **sentiment.table_options(lexicon, rules))
out = figures_folder(corpus, figures)
data

# %% [markdown]
# ## The finding in words
#
# Written from the tables below: the main differences between groups with their numbers, 95 % intervals and the articles they rest on (n), and the words that carry those differences in this corpus, with whether the order of groups holds without them (the robustness check below). A group is named only when its interval excludes the corpus-wide value; groups of fewer than 5 articles are not compared. Reprinted copies are counted once unless `include_duplicates` is set.

# %%
from newscorpus import findings

check = sentiment.group_tone_check(
    scores, data, labels, lexicon, rules, top_n, n_words, threshold=threshold
)
findings.sentiment(data, labels, scores, top_n, check=check)

# %% [markdown]
# ## How negative or positive is each group, and is that tone or vocabulary?
#
# One row per group, most negative first: its articles (n), the mean compound (each article's mean sentence score, averaged over the group's articles) with its 95 % interval, and its rank (1 = most negative). A word list scores vocabulary: words that name who someone is or report what happened can carry much of the valence, whatever the writer's stance. So each group also shows the `n_words` words of this corpus that carry most of its difference from the corpus (their valence in the group's sentences minus what the corpus rate predicts for a group of that many words, per 1,000 words), and the **robustness check**: the same means and ranks recomputed with those words and the stated list of designation and event words (`lib/newscorpus/data/news_designations.txt`) scored neutral. The note under the figure names the words removed, as found in this corpus. The whole-corpus row is the reference, never ranked.

# %%
check

# %%
fig, table = sentiment.plot_group_tone(check)
plots.save_figure(fig, table, "04-sentiment", "groups", out)

# %%
print(sentiment.robustness_note(check))

# %% [markdown]
# The interval is taken over articles, not sentences: sentences of one article are not independent. Groups whose intervals overlap are not reliably ordered either way; a group whose rank moves in the check owed its place to the words listed beside it, not to how it writes. Faded rows rest on fewer than 5 articles.
#
# ## Plain VADER or a news-adjusted lexicon?
#
# The same groups scored with VADER's lexicon alone and with the news-adjusted lexicon (`lexicon="news"`: every designation and event word of the list scored neutral), side by side; violence is then measured on its own, as the share of each group's sentences that name it (a word of the list's "violence" or "designation" categories). The legend, the bar title and the note below name the listed words that actually occur in this corpus; where few do, the two lexicons differ little and the order of groups rests on other words (see the words beside each group above).

# %%
plain = data.table("sentiment", **sentiment.table_options("vader", rules))
lexicons = sentiment.lexicon_comparison(plain, data, labels, rules, top_n, threshold)
fig, table = sentiment.plot_lexicon_comparison(lexicons)
plots.save_figure(fig, table, "04-sentiment", "lexicons", out)

# %%
print(sentiment.robustness_note(lexicons, "rank_vader", "rank_news"))

# %% [markdown]
# Plain VADER scores stay identical to the reference implementation (vaderSentiment 3.3.2, or NLTK's with `rules="nltk"`); the news-adjusted scores differ only in the sentences that contain a listed word. The adjusted lexicon measures how a text is written, not what it reports: on 40 hand-rated conflict sentences, rated for what they report (`tests/gold/vader`), it agrees less often with the rating than plain VADER (accuracy 0.55 against 0.63, Pearson r 0.65 against 0.60), so it is offered beside plain VADER, not instead of it. Set `lexicon="news"` to draw every chart below with it.
#
# ## What share of each group's sentences is negative, neutral or positive?

# %%
fig, table = sentiment.plot_shares(sentiment.group_tone(scores, labels, threshold, top_n))
plots.save_figure(fig, table, "04-sentiment", "shares", out)

# %% [markdown]
# A sentence is negative at compound ≤ −threshold and positive at ≥ +threshold (VADER's published cut-off is 0.05); most news sentences without a lexicon word are neutral.
#
# ## How does the tone move over time?

# %%
fig, table = sentiment.plot_tone_over_time(
    sentiment.tone_over_time(scores, data.articles, labels, period, top_n)
)
plots.save_figure(fig, table, "04-sentiment", "time", out)

# %% [markdown]
# Each line is one group's mean compound per publication period, the band its 95 % interval; a period with one article has no band, a period without articles is a gap, and undated articles are left out. The grey bars at the foot of each panel are the articles behind each point (also in the CSV, `n_articles`); hollow, faded points rest on fewer than 5 articles. A first or last period the corpus covers only in part is shaded and marked "partial" (its days of data under the axes and in the CSV, `period_note`).
#
# ## Do quoted voices sound different from the reporter's narrative?

# %%
fig, table = sentiment.plot_group_voices(sentiment.group_voices(scores, labels, threshold, top_n))
plots.save_figure(fig, table, "04-sentiment", "quotes", out)

# %% [markdown]
# Bars compare the mean compound of sentences inside direct quotations with the rest, per group and over the whole corpus; `n` is the number of sentences behind each bar and, in brackets, the articles they come from (n=0: the group has no such sentence); a bar resting on fewer than 5 articles is faded.
#
# ## How does each group write about the people and groups it covers?
#
# Sentences that name a target (by any of its aliases), and their mean compound per group. With `targets` left empty: the corpus's own eight most cited sources by canonical name (people and organisations cited by at least two articles; anonymous sources, outlets and documents left out), each matched by its canonical name, the variants merged into it and, for a person, the surname. Each target has a type: a country, capital or seat of government (`lib/newscorpus/data/places.csv`) is a **place** even when the sources analysis counts it as a speaking government; the others are people or organisations as the sources table types them. The figure draws the types apart and labels each row with its type.

# %%
chosen_targets = targets or sentiment.default_targets(data.sources)
types = sentiment.target_types(chosen_targets, data.sources)
pd.DataFrame(
    {"type": types, "aliases": {t: ", ".join(a) for t, a in chosen_targets.items()}}
).rename_axis("target")

# %%
mentions = sentiment.target_mentions(data, chosen_targets)
name_words = sentiment.target_words(chosen_targets, lexicon)
target_scores = sentiment.rescore(scores, data, name_words, lexicon, rules)
fig, table = sentiment.plot_group_targets(
    sentiment.group_targets(target_scores, mentions, labels, top_n, types=types)
)
plots.save_figure(fig, table, "04-sentiment", "targets", out)

# %% [markdown]
# Each cell gives the mean compound of the group's sentences that name the target and n, the number of **articles** those sentences come from (the same unit as the fading: cells resting on fewer than 5 articles are faded; the sentences are in the CSV, `n_sentences`); a blank cell means the group never names it. Lexicon words inside the targets' own names ("united" in United States, "justice" in Department of Justice: `name_words`) are scored neutral here, so a name does not colour its own sentences. This is the tone of the sentences around a name, not sentiment towards it.
#
# ## Which words drive the tone?
#
# Every word's valence after VADER's rules (negation, boosters, capitals, "but"), summed over the corpus; the largest sums, whatever their sign. Above 100,000 sentences an evenly spaced sample of 100,000 is read.

# %%
drivers = sentiment.driver_words(data, lexicon, rules, top_words)
fig, table = sentiment.plot_driver_words(drivers)
plots.save_figure(fig, table, "04-sentiment", "drivers", out)
print(sentiment.driver_note(drivers))

# %% [markdown]
# Read the list for words VADER scores that are not sentiment in news: parts of names and institutions, designations and reported events add valence without meaning it. `lexicon="news"` scores the listed ones neutral (see the comparison above); a lexicon file giving other words valence 0 removes the others too.
#
# ## Where in an article does the tone turn?
#
# Sentence by sentence for the chosen articles (`articles`, or a typical article of each of the `n_articles` largest groups: the one whose length is closest to the group's median), with a moving average over `smooth` sentences. The figure's title states the rule; each panel names the article's group, its length and the group's median.

# %%
choice = sentiment.article_choice(data.articles, labels, articles, n_articles)
chosen = choice["article_id"].tolist()
arc = sentiment.sentiment_arc(scores[scores["article_id"].isin(chosen)], smooth)
fig, table = sentiment.plot_article_arcs(
    arc, sentiment.article_titles(data.articles, chosen), threshold, choice
)
plots.save_figure(fig, table, "04-sentiment", "arcs", out)

# %% [markdown]
# Dots are sentences (quoted ones in the second colour); the dashed lines mark the ±threshold band counted as neutral.
#
# ## Which sentences are the most negative and the most positive, and why?

# %%
top = sentiment.extremes(scores, data, 5, lexicon, rules, data.articles)
plots.text_table(top)

# %% [markdown]
# The explanation lists each word that moved the score, its valence after VADER's rules, and the rules applied.
#
# ## Why did the most negative sentence score as it did?
#
# Word by word: the valence in VADER's lexicon, the valence after the rules, and the rules. The valences, plus punctuation emphasis, normalised as x / √(x² + 15), give the compound score.

# %%
sentiment.explain(top.loc[0, "text"] if len(top) else "", lexicon, rules)
