# %% [markdown]
# # Tone of the coverage
#
# How negative or positive the coverage is, where in each article the tone turns, whether quoted voices sound different from the reporter's narrative, how each group is written about, and which words make a sentence score as it does.

# %% [parameters]
corpus: str = "seeds"  # folder of .txt articles (absolute, or relative to project root)
figures: str = "figures"  # folder for saved figures (PNG + CSV), absolute or from project root
targets: dict = {}  # {target: [aliases]}; {} means the defaults, sentiment.DEFAULT_TARGETS
lexicon: str = ""  # extra valences: "" none, "conflict" shipped supplement, or a file path
threshold: float = 0.05  # |compound| at or above which a sentence is positive / negative
smooth: int = 5  # sentences in the moving average of the sentiment arcs
top_n: int = 15  # words in the top-driver chart

# %% [markdown]
# Load the corpus, and find its quotations (the sources module), so that each sentence can be marked as quoted speech or narrative.

# %%
from newscorpus import plots, read_corpus, sentiment, sources
from newscorpus.paths import project_path

plots.set_theme()
data = read_corpus(project_path(corpus))
quotes = sources.find_quotes(data)
data

# %% [markdown]
# ## How does VADER score each sentence?
#
# One row per body sentence: the shares of negative, neutral and positive words (`neg`, `neu`, `pos`), the `compound` score from −1 to +1, and whether the sentence lies in a direct quotation (`in_quote`). Scores are the same as NLTK's `polarity_scores`.

# %%
scores = sentiment.score_sentences(data, quotes=quotes, lexicon=lexicon)
scores.head(12)

# %% [markdown]
# ## What is the tone of each article?
#
# Aggregated from its sentences, never scored as one text: mean and median compound, the shares of positive, neutral and negative sentences, and a GDELT-style `tone` (percent positive words minus percent negative words) with its `polarity`.

# %%
sentiment.article_tone(scores, threshold)

# %% [markdown]
# ## How are the sentence scores spread within each article?

# %%
fig, table = sentiment.plot_distribution(scores, data, threshold)
plots.save_figure(fig, table, "04-sentiment", "distribution", project_path(figures))

# %% [markdown]
# Each dot is a sentence (coloured when quoted); dashed lines mark the ±threshold band VADER calls neutral. Most sentences of conflict reporting fall on the negative side.
#
# ## Where in each article does the tone turn?

# %%
fig, table = sentiment.plot_arcs(sentiment.sentiment_arc(scores, smooth), data)
plots.save_figure(fig, table, "04-sentiment", "arcs", project_path(figures))

# %% [markdown]
# The moving average of sentence scores from the first body sentence (0) to the last (1) shows where an article dwells on violence and where on recovery or politics.
#
# ## Do quoted voices sound different from the reporter's narrative?

# %%
fig, table = sentiment.plot_voices(sentiment.voice_tone(scores, threshold), data)
plots.save_figure(fig, table, "04-sentiment", "quotes", project_path(figures))

# %% [markdown]
# Bars compare the mean compound of sentences inside direct quotations with the rest; `n` is the number of sentences behind each bar.
#
# ## How is each group written about?
#
# Sentences that mention a target group (by any of its aliases), and their mean compound per article.

# %%
mentions = sentiment.target_mentions(data, targets)
fig, table = sentiment.plot_targets(sentiment.target_tone(scores, mentions, targets), data)
plots.save_figure(fig, table, "04-sentiment", "targets", project_path(figures))

# %% [markdown]
# Each cell gives the mean compound of the sentences that name the group and how many there are; an empty cell means the article does not name it. Few sentences make a mean fragile.
#
# ## Which words drive each article's tone?
#
# Every word's valence after VADER's rules (negation, boosters, capitals, "but"), summed per article; the largest sums, whatever their sign.

# %%
contributions = sentiment.word_contributions(data, lexicon)
sentiment.top_drivers(contributions, top_n=4)

# %% [markdown]
# ## Which words drive the tone of the whole corpus?

# %%
fig, table = sentiment.plot_drivers(contributions, top_n)
plots.save_figure(fig, table, "04-sentiment", "drivers", project_path(figures))

# %% [markdown]
# A few words of violence (attacks, killed) carry most of the negative weight, while institutional words such as "security" and "intelligence" add positive valence that is not sentiment at all.
#
# ## Which sentences are the most negative and the most positive, and why?

# %%
top = sentiment.extremes(scores, data, n=5, lexicon=lexicon)
top

# %% [markdown]
# The explanation lists each word that moved the score, its valence after VADER's rules, and the rules applied.
#
# ## Why did the most negative sentence score as it did?
#
# Word by word: the valence in VADER's lexicon, the valence after the rules, and the rules. The valences, plus punctuation emphasis, normalised as x / √(x² + 15), give the compound score.

# %%
sentiment.explain(top.loc[0, "text"], lexicon)

# %% [markdown]
# ## What does the conflict supplement change?
#
# VADER lacks many conflict words (militant, insurgent, ambush, bombing) and scores "security" +1.4. Article tone with VADER's lexicon alone and with the shipped conflict supplement, side by side.

# %%
sentiment.compare_lexicons(data, "conflict", quotes=quotes, threshold=threshold)

# %% [markdown]
# ## Which sentences does the supplement change most?

# %%
sentiment.changed_sentences(data, "conflict", n=8)

# %% [markdown]
# With the supplement, "security forces" and "intelligence" no longer lift a sentence, and insurgents, ambushes and bombings count as negative: the coverage reads more negative, sentence by sentence.
