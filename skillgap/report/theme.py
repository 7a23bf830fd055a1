"""The one place that decides how results look: each status's colour, symbol and rich style; percentages.

The HTML report, the Jupyter views, the Excel cells and the terminal tables all read these,
so a status looks the same everywhere. Each status also has a symbol, so the meaning never
depends on colour alone (colour-blind readers, black-and-white prints).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class StatusStyle:
    """How one status is drawn: cell background, text colour on it, a symbol and a rich style."""

    background: str
    foreground: str
    symbol: str
    rich: str


#: Status order is also the legend order: best to worst.
STATUS_STYLES = MappingProxyType(
    {
        "matched": StatusStyle("#1a9850", "#ffffff", "✓", "bold green"),
        "alternative": StatusStyle("#1a9850", "#ffffff", "∨", "bold green"),  # another skill of a choice: as good as matched
        "short": StatusStyle("#d9ef8b", "#2d3a0a", "◔", "green"),  # there, with fewer years than asked
        "implied": StatusStyle("#91cf60", "#1b3a0f", "≈", "green"),
        "transferable": StatusStyle("#fdae61", "#4a2600", "⇄", "yellow"),
        "missing": StatusStyle("#d73027", "#ffffff", "✗", "bold red"),
    }
)

#: Rows of inputs that could not be read.
ERROR_STYLE = StatusStyle("#bdbdbd", "#222222", "!", "magenta")


def status_style(status: str) -> StatusStyle:
    """The style of a status; unknown statuses (from a newer library) get the error style."""
    return STATUS_STYLES.get(status, ERROR_STYLE)


def percent(value: float | None) -> str:
    """A share as a whole percentage (``0.375`` -> ``38%``); a dash when there is nothing to measure (NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.0%}"
