"""Where the coverage is: the `places` table (place mentions geocoded offline) and its maps.

`find_places(corpus, entities)` is the analysis step; `places_by_group` and `plot_place_map`
draw a map per group. Gazetteer and outlines are offline (see `newscorpus.places.gazetteer`).
"""

from newscorpus.places.find import PLACE_COLUMNS, find_places, unplaced_names
from newscorpus.places.gazetteer import gazetteer, normalise, outlines
from newscorpus.places.maps import map_extent, places_by_group, plot_place_map

__all__ = [
    "PLACE_COLUMNS",
    "find_places",
    "gazetteer",
    "map_extent",
    "normalise",
    "outlines",
    "places_by_group",
    "plot_place_map",
    "unplaced_names",
]
