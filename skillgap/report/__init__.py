"""Reports: self-contained HTML pages, CSV / JSON / Excel tables, Jupyter views; atomic writes."""

from .atomic import atomic_path, atomic_write
from .frames import profiles_frame, requirements_frame, taxonomy_frame
from .html import gap_report_fragment, gap_report_html, profile_html, ranking_html
from .outputs import REPORT_SUFFIXES, write_frame, write_gap_report, write_ranking
from .tables import write_tables

__all__ = [
    "REPORT_SUFFIXES",
    "atomic_path",
    "atomic_write",
    "gap_report_fragment",
    "gap_report_html",
    "profile_html",
    "profiles_frame",
    "ranking_html",
    "requirements_frame",
    "taxonomy_frame",
    "write_frame",
    "write_gap_report",
    "write_ranking",
    "write_tables",
]
