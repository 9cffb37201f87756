"""Train the entity tagger shipped in lib/newscorpus/data/ner/ (`make ner-model`).

Runs `newscorpus.entities.train.main` (CoNLL-2003 English train data from
../shared/gold/conll2003, word clusters from ../shared/corpora; deterministic). Options:
`python scripts/train_ner.py --help`.
"""

import sys

from newscorpus.entities.train import main

if __name__ == "__main__":
    sys.exit(main())
