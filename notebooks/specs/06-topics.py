# %% [markdown]
# # What stories the coverage is made of
#
# A topic model of the corpus: each topic named by its top terms and the headlines of its most typical articles, how much of each outlet's (or any group's) coverage each topic is, with 95 % intervals, which topics set a group apart, and how the topics move over time.

# %% tags=["parameters"]
corpus: str = "seeds"  # folder of .txt or .html articles, or a table file (absolute, or from the project root)
figures: str = "figures"  # folder for figures, PNG + CSV (absolute or project-relative)
group_by: str = "outlet"  # outlet, folder, year, quarter, month, week, day or any column
period: str = "auto"  # time step of the topics-over-time chart: "auto" (the finest of week, month, quarter, year whose typical group-period holds 5 articles or more), or year, quarter, month, week, day
top_n: int = 20  # groups drawn separately; beyond that the largest top_n and "other (K groups)"
include_duplicates: bool = False  # count reprinted copies
n_topics: int = 0  # topics in the model; 0 means chosen from the corpus (of 3, 5, 8, 10, 15, 20, 30, 40 leaving at least 10 articles a topic, the knee of mean NPMI coherence: where more topics stop paying)
method: str = "lsa-kmeans"  # "lsa-kmeans" (k-means on the LSA of tf-idf), "nmf" or "lda"
n_terms: int = 8  # top terms listed per topic
n_headlines: int = 3  # representative headlines per topic
n_distinctive: int = 3  # distinctive topics shown per group
time_topics: int = 8  # largest topics drawn over time
read_options: dict = {}  # table files: column names, e.g. {"text_column": "body"}

# %% [markdown]
# Load the analysed corpus and fit the topic model on its term counts (words and multiword names per article, stopwords, numbers and site furniture left out, as in 02-terms). Words of the page rather than of a story never enter a topic: the markup of embedded tweets and links (tweet, pic.twitter.com, @handles, ids), honorifics (Mr., Mrs., Ms.), transcript fillers and stage directions (um, uh, laughter, crosstalk), wire sign-offs and credits (Reuter, AFP), news function words and dateline house style (said, would; month names, mln, dlrs, pct); with 10 topics or more, the house style of 02-terms (terms in a fifth of the articles of most outlets, names kept); and an outlet's signature (a term at least 90 % of whose articles are one outlet's, used in 10 % to half of that outlet's articles: an editor's note or plug the furniture step missed). `info["left_out"]` lists what each rule took out. The model clusters the articles' tf-idf (sublinear term frequency) with scikit-learn: a consensus of 30 k-means runs on its LSA projection (4 dimensions per topic, rows of unit length; Topchy, Jain & Punch 2005); each topic is the mean tf-idf row of its articles, an article's main topic the nearest cluster centre and its topic shares soft k-means weights by distance to the centres (an article with no counted term, such as an earnings table, is placed by the words of its tokens in the model's vocabulary) (NMF with `method="nmf"`, LDA with `method="lda"`; on Reuters-21578 it lines the main topic up with the category better than NMF: `docs/accuracy.md`). It is fitted on at most 20,000 articles (a uniform sample by article-id hash) and then applied to every article part by part; the topics are cached beside the other tables, so a second run only reads them. Each article's **main topic** is its largest topic share; counts below are of articles by main topic, and every view counts the same articles as the groups: reprinted copies (`duplicate_of` set) once, unless `include_duplicates` is set.

# %%
import newscorpus.topics.figures
from newscorpus import analysis, groups, plots, topics
from newscorpus.paths import figures_folder, project_path

plots.set_theme()
data = analysis.load(project_path(corpus), **read_options)
labels = groups.assign(data.articles, group_by, include_duplicates)
period, period_reason = groups.resolve_period(period, data.articles, labels)
print(f"time step of the over-time charts: {period_reason}")
table, topic_terms, info = topics.compute(
    data, n_topics or None, n_terms=max(n_terms, 20), method=method
)
table = topics.views.counted(table, labels)  # the articles the groups count (copies once)
out = figures_folder(corpus, figures)
print(info["rule"])
print(f"{info['n_sample']:,} articles in the fit sample, {info['n_terms_in_vocabulary']:,} terms")
for rule, left in info.get("left_out", {}).items():
    print(f"left out ({rule}): {left['n_terms']:,} terms, e.g. {', '.join(left['terms'][:15])}")
info["coherence"]

# %% [markdown]
# With `n_topics=0` the number of topics is chosen by a stated rule: the model is fitted with each candidate number that leaves at least 10 articles a topic (on a sub-sample of at most 3,000 articles of the fit sample) and scored by how much its topics' ten top terms co-occur in the articles (mean NPMI coherence, −1 … 1; the values above). Coherence creeps up as topics narrow (a topic of one story's few articles is very coherent), so the most coherent candidate is often simply the largest tried; the rule takes the **knee** instead (Kneedle, Satopää et al. 2011): of the candidates from a floor (the candidate nearest √(n/10), n the articles in the fit sample: 10 for 924 articles, 40 for 20,000, so a large corpus is not cut into a handful of topics) up to the most coherent, the one furthest above the straight line from the fewest topics to the most coherent, on a log scale of topics; the most coherent itself when none lies above that line. Set `n_topics` to choose yourself: more topics split stories finer. The model is fitted on each story once: reprinted copies (`duplicate_of` set, near and exact duplicates) are left out of the fit, so an article and its copy never make a topic of their own, and are then assigned topics like every article.
#
# ## What are the topics?
#
# Each topic by its top terms and the headlines of the articles that are most purely about it (the largest share of the topic among the articles whose main topic it is); n is the articles whose main topic it is. `top_outlet` and `outlet_share` give the outlet most of its articles come from. `flag` (also in the label) marks a topic that is not a story: **one outlet** when at least 90 % of its articles (5 or more) are one outlet's, an outlet with under half of the corpus (its style, furniture or embeds, or a story only it covered: read the headlines); **catch-all** (labelled "(mixed)", e.g. "T0 (mixed)", its terms still in the `terms` column) when it holds at least twice an even share of the articles (and a tenth of them) while its articles fit it more loosely than the others fit theirs (median main-topic weight): the bin for articles no topic describes, never read as a story.

# %%
named = topics.labels(table, topic_terms, data.articles, n_terms, n_headlines)
plots.save_table(named, "06-topics", "topics", out)
plots.text_table(named.drop(columns="article_ids"), limit=60)

# %%
fig, shown = newscorpus.topics.figures.plot_topics(named)
plots.save_figure(fig, shown, "06-topics", "sizes", out)

# %% [markdown]
# A topic is a weighting of terms, not a category an editor gave: read its terms and headlines together before naming it. A topic that gathers site furniture, datelines or boilerplate is a sign of text left in the articles.
#
# ## How much of each group's coverage is each topic?

# %%
prevalence = topics.prevalence(table, labels, top_n)
fig, shown = newscorpus.topics.figures.plot_prevalence(prevalence, named)
plots.save_figure(fig, shown, "06-topics", "groups", out)

# %% [markdown]
# Each cell is the share of the group's articles (n beside its name) whose main topic is the topic; the CSV gives every group and topic with its Wilson 95 % interval (`ci_low`, `ci_high`) and counts. Groups beyond the `top_n` largest are pooled as "other (K groups)"; "whole corpus" is the reference. Reprinted copies are counted once unless `include_duplicates` is set.
#
# ## Which topics set each group apart?

# %%
distinctive = topics.distinctive(prevalence, n_distinctive)
fig, shown = newscorpus.topics.figures.plot_distinctive(distinctive, prevalence, named)
plots.save_figure(fig, shown, "06-topics", "distinctive", out)

# %% [markdown]
# Up to `n_distinctive` topics per group whose share of the group's articles is higher than in the rest of the corpus, by Dunning's log-likelihood G² on the articles (main topic or not, this group or the rest), kept at p < 0.05 when at least 5 of the group's articles have it as their main topic (a topic of one or two articles is "only here" by chance), largest G² first; n beside each row is those articles; the dot is the group's share with its 95 % interval, the tick the share in the rest, the figure on the right their ratio. A group with no row has no topic significantly over-represented.
#
# ## How do the topics move over time?

# %%
over_time = topics.over_time(table, data.articles, period, include_duplicates)
fig, shown = newscorpus.topics.figures.plot_over_time(over_time, named, time_topics)
plots.save_figure(fig, shown, "06-topics", "time", out)

# %% [markdown]
# Each panel is one of the `time_topics` largest topics: the share of each period's articles whose main topic it is, with its 95 % band; the grey bars are the articles per period (a period of few articles swings more). Every period from the first to the last is on the axis; a first or last period the corpus covers only in part is shaded and marked "partial" (the CSV's `partial` and `note`). Undated articles are left out, and reprinted copies counted once unless `include_duplicates` is set.
