"""Reading order for one PDF page, from positioned characters (engine-neutral).

Both PDF engines hand over the same thing: a list of `Glyph`s (text and box, top-down page
coordinates) in content-stream order. From them we build *segments* (runs of glyphs on one
line with no wide gap), find column blocks by looking for a vertical gutter that no segment
crosses over a run of lines (recursively: headers above, left column, right column, footer
below), then rebuild lines inside each block. Rows whose cells share a baseline (tables,
skill grids) are kept as one line, cells separated by a tab, and a cell that wraps onto the
next line is joined back into its cell.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import NamedTuple


class Glyph(NamedTuple):
    """One character as a PDF engine reports it: text and box (x grows right, y grows down)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


class Segment:
    """A run of glyphs on one line without a wide gap: the unit column detection works on."""

    __slots__ = ("x0", "top", "x1", "bottom", "parts")

    def __init__(self, g: Glyph) -> None:
        self.x0, self.top, self.x1, self.bottom = g.x0, g.top, g.x1, g.bottom
        self.parts = [g.text]

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()

    def add(self, g: Glyph, space: bool) -> None:
        if space:
            self.parts.append(" ")
        self.parts.append(g.text)
        self.x1 = max(self.x1, g.x1)
        self.top = min(self.top, g.top)
        self.bottom = max(self.bottom, g.bottom)


# Gaps, as fractions of the glyph height (font bounding box, about 1.2 em): a word space is
# wider than WORD_GAP, or than ADVANCE_GAP past a glyph's learned advance when its box
# overhangs that advance by more than OVERHANG; a gap wider than SEGMENT_GAP ends a segment;
# rebuilt lines separate segments farther apart than CELL_GAP with a tab (table cells, dates).
WORD_GAP = 0.08
ADVANCE_GAP = 0.12
OVERHANG = 0.1
SEGMENT_GAP = 1.0
CELL_GAP = 1.5
# A column block needs at least MIN_COLUMN_SEGMENTS segments on each side of its gutter, a
# gutter at least MIN_GUTTER wide (fraction of the median glyph height; a segment reaching
# less than CUT_SLACK across does not block it), and must not be a table: at most
# TABLE_ALIGNED of the right side's segments may share a baseline with a left-side segment,
# unless prose wraps on a side. Pages with more than MAX_LAYOUT_SEGMENTS are read row by row.
MIN_COLUMN_SEGMENTS = 3
MIN_GUTTER = 0.6
CUT_SLACK = 0.5
TABLE_ALIGNED = 0.5
MAX_LAYOUT_SEGMENTS = 2000

_HYPHENATED_END = re.compile(r"[^\W\d_]-\Z")
_LOWER_START = re.compile(r"[a-z]")
_PUNCTUATION = ".,;:!?()[]{}\"'•"


def page_text(glyphs: Iterable[Glyph]) -> str:
    """The page's text in reading order: one line per text line, columns one after the other.

    A drawn soft hyphen (U+00AD, as some TeX fonts map "-") is a visible hyphen on a page."""
    segments = _segments([g._replace(text="-") if g.text == "\u00ad" else g for g in glyphs])
    if not segments:
        return ""
    unit = sorted(s.height for s in segments)[len(segments) // 2] or 1.0
    lines: list[str] = []
    for block in _blocks(segments, unit):
        lines.extend(_dehyphenate(_block_lines(block)))
    return "\n".join(lines)


def _same_line(a: Glyph, b: Glyph, size: float) -> bool:
    return abs((a.top + a.bottom) - (b.top + b.bottom)) / 2 < 0.5 * size


def _advances(glyphs: list[Glyph]) -> dict[tuple[str, int], float]:
    """Each glyph's advance as the page shows it: the median step to the next glyph on the same
    line when no space glyph and no visible gap lie between (by text and height in tenths).

    Some PDFs (HTML renderers) carry no space glyphs, and PDFium's boxes can be wider than the
    advance ("f"), so a word gap hides inside the box; ``x0 + advance`` shows where it ends."""
    steps: dict[tuple[str, int], list[float]] = {}
    for a, b in zip(glyphs, glyphs[1:]):
        if not a.text or a.text.isspace() or not b.text or b.text.isspace():
            continue
        size = a.bottom - a.top
        step = b.x0 - a.x0
        if 0 < step <= a.x1 - a.x0 + 0.02 * size and _same_line(a, b, size):
            steps.setdefault((a.text, round(10 * size)), []).append(step)
    return {key: sorted(values)[len(values) // 2] for key, values in steps.items()}


def _segments(glyphs: list[Glyph]) -> list[Segment]:
    """Group glyphs (stream order) into segments; whitespace glyphs only mark word breaks."""
    advances = _advances(glyphs)
    segments: list[Segment] = []
    cur: Segment | None = None
    last: Glyph | None = None
    pending_space = False
    for g in glyphs:
        if not g.text or g.text.isspace():
            pending_space = True
            if "\n" in g.text or "\r" in g.text:
                cur = None
            continue
        h = g.bottom - g.top
        if h <= 0 or g.x1 < g.x0:
            continue
        if cur is not None and last is not None:
            gap = g.x0 - last.x1
            size = max(h, last.bottom - last.top)
            if _same_line(g, last, size) and gap >= -0.6 * size and gap <= SEGMENT_GAP * size:
                space = pending_space or gap > WORD_GAP * size
                if not space and gap > 0.01 * size:
                    # A box wider than the glyph's advance (overhang) can hide a word gap.
                    advance = advances.get((last.text, round(10 * (last.bottom - last.top))))
                    if advance is not None and last.x1 - last.x0 - advance > OVERHANG * size:
                        space = g.x0 - last.x0 - advance > ADVANCE_GAP * size
                cur.add(g, space)
                last, pending_space = g, False
                continue
        cur = Segment(g)
        segments.append(cur)
        last, pending_space = g, False
    return _drop_overprints(segments)


def _drop_overprints(segments: list[Segment]) -> list[Segment]:
    """Drop a segment drawn again at (almost) the same place: fake bold and shadow effects.
    Segments are indexed by text and position in whole points, so this stays linear."""
    seen: dict[tuple[str, int, int], list[Segment]] = {}
    kept = []
    for s in segments:
        text, x, y = s.text, round(s.x0), round(s.top)
        reach = min(10, 1 + int(0.2 * s.height))
        twins = (t for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1) for t in seen.get((text, x + dx, y + dy), ()))
        if any(abs(t.x0 - s.x0) < 0.2 * s.height and abs(t.top - s.top) < 0.2 * s.height for t in twins):
            continue
        seen.setdefault((text, x, y), []).append(s)
        kept.append(s)
    return kept


def _blocks(segs: list[Segment], unit: float) -> list[list[Segment]]:
    """Split segments into blocks in reading order: above, left column, right column, below.

    A column's left edge is where at least two segments start; pages with more than
    MAX_LAYOUT_SEGMENTS segments (data dumps, not résumés) are read row by row."""
    if len(segs) < 2 * MIN_COLUMN_SEGMENTS or len(segs) > MAX_LAYOUT_SEGMENTS:
        return [segs]
    order = sorted(segs, key=lambda s: (s.center, s.x0))
    best: tuple[int, int, int, float] | None = None  # (size, start, end, cut)
    left_edge = min(s.x0 for s in segs)
    edges: dict[int, float] = {}
    counts: dict[int, int] = {}
    for seg in segs:
        key = round(seg.x0)
        counts[key] = counts.get(key, 0) + 1
        edges[key] = min(edges.get(key, seg.x0), seg.x0)
    for x in sorted(counts):
        if counts[x] < 2 or x <= left_edge + MIN_GUTTER * unit:
            continue
        cut = edges[x] - 0.1
        for start, end in _free_runs(order, cut, unit):
            if best is not None and end - start <= best[0]:
                continue
            if _is_column_block(order[start:end], cut, unit):
                best = (end - start, start, end, cut)
    if best is None:
        return [segs]
    _, start, end, cut = best
    left, right = _sides(order[start:end], cut, unit)
    out: list[list[Segment]] = []
    for part in (order[:start], left, right, order[end:]):
        if part:
            out.extend(_blocks(part, unit))
    return out


def _free_runs(order: list[Segment], cut: float, unit: float) -> list[tuple[int, int]]:
    """Index ranges of ``order`` (sorted by centre) between segments that cross x = ``cut``
    (a segment reaching less than CUT_SLACK past the cut on either side does not cross it)."""
    runs, start = [], 0
    slack = CUT_SLACK * unit
    for i, s in enumerate(order):
        if s.x0 < cut - slack and s.x1 > cut + slack:
            if i - start >= 2 * MIN_COLUMN_SEGMENTS:
                runs.append((start, i))
            start = i + 1
    if len(order) - start >= 2 * MIN_COLUMN_SEGMENTS:
        runs.append((start, len(order)))
    return runs


def _is_column_block(run: list[Segment], cut: float, unit: float) -> bool:
    """True when ``run`` splits at ``cut`` into two real columns, not one table's cells.

    Columns mostly do not share baselines; when they do (same font and leading on both sides),
    text that wraps from one line to the next on either side still marks them as columns."""
    left, right = _sides(run, cut, unit)
    if len(left) < MIN_COLUMN_SEGMENTS or len(right) < MIN_COLUMN_SEGMENTS:
        return False
    if min(s.x0 for s in right) - max(s.x1 for s in left) < MIN_GUTTER * unit:
        return False
    centers = sorted(s.center for s in left)
    aligned = sum(1 for s in right if _near(centers, s.center, 0.25 * s.height))
    return aligned <= TABLE_ALIGNED * len(right) or _wraps(left) or _wraps(right)


def _wraps(side: list[Segment]) -> bool:
    """True when prose wraps on this side: a line of four or more words spanning at least half
    the side's width is continued right below by a line starting in lower case (table cells
    are shorter)."""
    ordered = sorted(side, key=lambda s: s.center)
    width = max(s.x1 for s in side) - min(s.x0 for s in side)
    for a, b in zip(ordered, ordered[1:]):
        if (
            a.x1 - a.x0 >= 0.5 * width
            and a.text.count(" ") >= 3
            and -0.3 * a.height <= b.top - a.bottom < 0.8 * a.height
            and abs(b.x0 - a.x0) < 2 * a.height
            and _LOWER_START.match(b.text)
        ):
            return True
    return False


def _sides(run: list[Segment], cut: float, unit: float) -> tuple[list[Segment], list[Segment]]:
    """Segments left of the cut (ending before it, give or take CUT_SLACK) and the rest."""
    limit = cut + CUT_SLACK * unit
    left = [s for s in run if s.x1 <= limit]
    return left, [s for s in run if s.x1 > limit]


def _near(sorted_values: list[float], value: float, tol: float) -> list[float]:
    """The values within ``tol`` of ``value`` in a sorted list."""
    i = bisect.bisect_left(sorted_values, value - tol)
    j = bisect.bisect_right(sorted_values, value + tol)
    return sorted_values[i:j]


class _Cell:
    """Text of adjacent segments in a row, up to a gap wider than CELL_GAP."""

    __slots__ = ("x0", "x1", "top", "bottom", "text")

    def __init__(self, seg: Segment) -> None:
        self.x0, self.x1, self.top, self.bottom, self.text = seg.x0, seg.x1, seg.top, seg.bottom, seg.text


def _block_lines(block: list[Segment]) -> list[str]:
    """Rebuild text lines in a block: segments overlapping vertically form one line, by x;
    cells of a table row that wrap onto the next line are joined back into their cell."""
    rows: list[list[Segment]] = []
    for s in sorted(block, key=lambda s: (s.center, s.x0)):
        if rows:
            ref = rows[-1][0]
            if abs(s.center - ref.center) < 0.5 * min(s.height, ref.height):
                rows[-1].append(s)
                continue
        rows.append([s])
    lines: list[list[_Cell]] = []
    for row in rows:
        cells = _cells(row)
        height = max(s.height for s in row)
        if lines and _continues(lines[-1], cells, height):
            for cell in cells:
                above = next(c for c in lines[-1] if c.x0 < cell.x1 and cell.x0 < c.x1)
                above.text = f"{above.text} {cell.text}"
                above.bottom = max(above.bottom, cell.bottom)
            continue
        lines.append(cells)
    return [line for line in ("\t".join(c.text for c in cells if c.text) for cells in lines) if line]


def _cells(row: list[Segment]) -> list[_Cell]:
    """Segments of one row, by x, joined into cells (a space or nothing inside, a tab between)."""
    row.sort(key=lambda s: s.x0)
    cells = [_Cell(row[0])]
    for prev, s in zip(row, row[1:]):
        gap = s.x0 - prev.x1
        size = max(s.height, prev.height)
        if gap > CELL_GAP * size:
            cells.append(_Cell(s))
            continue
        cell = cells[-1]
        cell.text += (" " if gap > WORD_GAP * size else "") + s.text
        cell.x1, cell.top, cell.bottom = max(cell.x1, s.x1), min(cell.top, s.top), max(cell.bottom, s.bottom)
    return cells


def _continues(above: list[_Cell], cells: list[_Cell], height: float) -> bool:
    """True when ``cells`` are the wrapped second lines of some cells of the table row ``above``:
    that row has 3+ cells, this one fewer, right below it (no wider gap than within a cell),
    each under a different cell and none under the first one's left edge or further left."""
    if len(above) < 3 or not 0 < len(cells) < len(above):
        return False
    if min(c.top for c in cells) - max(c.bottom for c in above) > 0.6 * height:
        return False
    if min(c.x0 for c in cells) <= above[0].x0 + 0.1 * height:
        return False
    owners = []
    for cell in cells:
        under = [i for i, c in enumerate(above) if c.x0 < cell.x1 and cell.x0 < c.x1]
        if len(under) != 1:
            return False
        owners.append(under[0])
    return len(set(owners)) == len(owners)


def _dehyphenate(lines: list[str]) -> list[str]:
    """Join a word split by a hyphen at a line end onto the first line: "data-" + "base" becomes
    "database" when the page spells that word elsewhere, else it keeps the hyphen, which in
    ragged-right résumés is mostly part of the word ("Self-" + "confidence", "cross-functional")."""
    out = list(lines)
    words: set[str] | None = None
    for i in range(len(out) - 1):
        if _HYPHENATED_END.search(out[i]) and _LOWER_START.match(out[i + 1]):
            if words is None:
                words = {w.strip(_PUNCTUATION).casefold() for line in lines for w in line.split()}
            tail, _, rest = out[i + 1].partition(" ")
            head = out[i].rsplit(" ", 1)[-1][:-1]
            plain = (head + tail.rstrip(_PUNCTUATION)).strip(_PUNCTUATION).casefold()
            out[i] = out[i][:-1] + tail if plain in words else out[i] + tail
            out[i + 1] = rest
    return [line for line in out if line]
