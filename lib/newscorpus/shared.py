"""Values for `DataFrame.attrs` that pandas shares instead of copying.

pandas deep-copies a frame's `attrs` into every frame derived from it (`__finalize__`: each
column access, filter, sort or merge). A table carrying a list of 5,000 left-out terms or a
{group: {...}} dict then spends most of its time copying them: 02-terms on 2,000 allsides
articles spent 240 of 500 profiled seconds in `copy.deepcopy` for the top-terms chart alone.
`shared` wraps such a value in a list or dict subclass whose deep copy is itself, so every
derived frame refers to the same, never-modified value. Lists and dicts compare equal to
plain ones and read the same.
"""

from __future__ import annotations


class SharedList(list):
    """A list that `copy.deepcopy` (and so pandas' attrs propagation) returns as is."""

    def __deepcopy__(self, memo):
        return self


class SharedDict(dict):
    """A dict that `copy.deepcopy` (and so pandas' attrs propagation) returns as is."""

    def __deepcopy__(self, memo):
        return self


def shared(value):
    """`value` wrapped for `DataFrame.attrs`: a list or tuple as a `SharedList`, a dict as a
    `SharedDict` (its contents as they are: the outer copy is skipped, so are the inner ones);
    anything else unchanged. Input and output: one attrs value. Raises nothing."""
    if isinstance(value, (SharedList, SharedDict)):
        return value
    if isinstance(value, (list, tuple)):
        return SharedList(value)
    if isinstance(value, dict):
        return SharedDict(value)
    return value
