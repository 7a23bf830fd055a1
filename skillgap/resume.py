"""Deprecated alias of `skillgap.journal` (renamed: this module never held a résumé); removed in the next release."""

import warnings

from .journal import JOURNAL_SUFFIX, Journal, content_hash, discard, journal_path, taxonomy_fingerprint

warnings.warn("skillgap.resume is renamed skillgap.journal; import from there", DeprecationWarning, stacklevel=2)

__all__ = ["JOURNAL_SUFFIX", "Journal", "content_hash", "discard", "journal_path", "taxonomy_fingerprint"]
