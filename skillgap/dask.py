"""Deprecated alias of `skillgap.distributed` (renamed: it shadowed its own dependency's name); removed in the next release."""

import warnings

from .distributed import ClusterJob, rank, rows

warnings.warn("skillgap.dask is renamed skillgap.distributed; import from there", DeprecationWarning, stacklevel=2)

__all__ = ["ClusterJob", "rank", "rows"]
