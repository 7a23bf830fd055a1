"""Write result tables as CSV, JSON or Excel (status cells coloured), always atomically.

The files carry the same rows and columns as the DataFrames the library returns, so a user can
move between ``report.to_frame()`` in a notebook and ``--out report.csv`` on the command line.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import SkillgapError
from .atomic import atomic_path, atomic_write
from .theme import ERROR_STYLE, STATUS_STYLES

#: Suffixes `write_tables` understands.
TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".json", ".xlsx")

#: Spreadsheet programs run cells that start with these as formulas; text from a résumé must
#: never become a formula (CSV/formula injection), so such cells get a leading apostrophe.
_FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def write_tables(path: str | Path, tables: Mapping[str, pd.DataFrame], *, meta: Mapping[str, Any] | None = None) -> Path:
    """Write named tables to ``path``; the format follows the suffix.

    ``.csv``: the first table only (CSV holds one table). ``.json``: a list of row objects when
    there is one table and no ``meta``, else one object with the ``meta`` keys and one list of
    rows per table. ``.xlsx``: a ``summary`` sheet for ``meta`` then one sheet per table, with
    ``status`` cells coloured as in the HTML report and error rows greyed.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if not tables:
        raise ValueError("write_tables needs at least one table")
    if suffix == ".csv":
        frame = next(iter(tables.values()))
        return atomic_write(target, _defused(frame).to_csv(index=False))
    if suffix == ".json":
        return atomic_write(target, _to_json(tables, meta) + "\n")
    if suffix == ".xlsx":
        with atomic_path(target) as tmp:
            _write_xlsx(tmp, tables, meta)
        return target
    raise SkillgapError(
        f"cannot write {suffix or 'a file without suffix'} tables",
        source=str(target),
        fix=f"use one of {', '.join(TABLE_SUFFIXES)}",
    )


def _defused(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot be taken for spreadsheet formulas."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(_defuse)
    return out


def _defuse(value: Any) -> Any:
    if isinstance(value, str) and (value.startswith(_FORMULA_STARTS) or (value.startswith("-") and value[1:2].strip())):
        return "'" + value
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return json.loads(frame.to_json(orient="records", force_ascii=False, date_format="iso"))


def _to_json(tables: Mapping[str, pd.DataFrame], meta: Mapping[str, Any] | None) -> str:
    if meta is None and len(tables) == 1:
        payload: Any = _records(next(iter(tables.values())))
    else:
        payload = {**_jsonable(meta or {}), **{name: _records(frame) for name, frame in tables.items()}}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _jsonable(value: Any) -> Any:
    """Meta values as JSON: mappings and sequences recursively, NaN as null."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _write_xlsx(path: Path, tables: Mapping[str, pd.DataFrame], meta: Mapping[str, Any] | None) -> None:
    """A streaming (write-only) workbook: memory and time stay linear in the number of cells."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter
    from openpyxl.styles import Font, PatternFill

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    status_fill = {
        name: (PatternFill("solid", fgColor=style.background.lstrip("#")), Font(color=style.foreground.lstrip("#"), bold=True))
        for name, style in STATUS_STYLES.items()
    }
    error_fill = PatternFill("solid", fgColor=ERROR_STYLE.background.lstrip("#"))

    def cell(sheet: Any, value: Any, *, fill: Any = None, font: Any = None) -> Any:
        out = WriteOnlyCell(sheet, value=_cell(value))
        if out.data_type == "f":  # text that looks like a formula stays text
            out.data_type = "s"
        if fill is not None:
            out.fill = fill
        if font is not None:
            out.font = font
        return out

    if meta:
        sheet = book.create_sheet("summary")
        sheet.column_dimensions["A"].width = 22
        sheet.column_dimensions["B"].width = 80
        for key, value in meta.items():
            shown = json.dumps(_jsonable(value), ensure_ascii=False) if isinstance(value, (Mapping, list, tuple)) else value
            sheet.append([cell(sheet, key, font=bold), cell(sheet, shown)])
    for name, frame in tables.items():
        sheet = book.create_sheet(name[:31])
        columns = [str(c) for c in frame.columns]
        for i, column in enumerate(frame.columns):
            width = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
            sheet.column_dimensions[get_column_letter(i + 1)].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
        sheet.append([cell(sheet, c, font=bold) for c in columns])
        status_col = columns.index("status") if "status" in columns else None
        error_col = columns.index("error") if "error" in columns else None
        for row in frame.itertuples(index=False):
            failed = error_col is not None and isinstance(row[error_col], str) and bool(row[error_col])
            cells = [cell(sheet, v, fill=error_fill if failed else None) for v in row]
            if status_col is not None and row[status_col] in status_fill:
                cells[status_col].fill, cells[status_col].font = status_fill[row[status_col]]
            sheet.append(cells)
    book.save(path)


def _cell(value: Any) -> Any:
    """A value openpyxl can store: NaN/None as empty, other non-scalars as text."""
    if isinstance(value, (str, int, float, bool)):
        return None if isinstance(value, float) and math.isnan(value) else value
    if value is None or value is pd.NA or value is pd.NaT:
        return None
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)
