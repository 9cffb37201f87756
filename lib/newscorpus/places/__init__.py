"""Where the coverage is: the `places` table (place mentions geocoded offline) and its maps.

`find_places(corpus, entities)` is the analysis step; `places_by_group` and `plot_place_map`
draw a map per group. Gazetteer and outlines are offline (see `newscorpus.places.gazetteer`).
"""

from newscorpus.places.find import (
    PLACE_COLUMNS,
    find_places,
    state_level_mentions,
    unplaced_names,
)
from newscorpus.places.gazetteer import gazetteer, normalise, outlines
from newscorpus.places.maps import (
    dense_extent,
    legend_sizes,
    map_extent,
    places_by_group,
    plot_place_map,
)

__all__ = [
    "PLACE_COLUMNS",
    "dense_extent",
    "find_places",
    "gazetteer",
    "legend_sizes",
    "map_extent",
    "normalise",
    "outlines",
    "places_by_group",
    "plot_place_map",
    "state_level_mentions",
    "unplaced_names",
]
