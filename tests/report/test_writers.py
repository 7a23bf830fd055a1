"""Atomic writes and the CSV / JSON / Excel table writers."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from skillgap.errors import SkillgapError
from skillgap.report import atomic_path, atomic_write, write_tables
from skillgap.report.theme import ERROR_STYLE, STATUS_STYLES


def test_atomic_write_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    atomic_write(target, "new ünïcode")
    assert target.read_text(encoding="utf-8") == "new ünïcode"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("complete old report", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk full"):
        with atomic_path(target) as tmp:
            tmp.write_text("half a rep", encoding="utf-8")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "complete old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_missing_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SkillgapError, match=r"the output folder does not exist \(fix: create .*nope first\)"):
        atomic_write(tmp_path / "nope" / "x.csv", "a")


FRAME = pd.DataFrame(
    {
        "skill_id": ["python", "pytorch", "kotlin", "aws"],
        "status": ["matched", "implied", "transferable", "missing"],
        "credit": [1.0, 0.5, 0.25, 0.0],
        "evidence": ["Python, SQL", "=HYPERLINK(\"http://x\")", "-2+3", None],
        "page": pd.array([1, 2, 1, None], dtype="Int64"),
    }
)


def test_csv_is_the_frame_with_formula_text_defused(tmp_path: Path) -> None:
    path = write_tables(tmp_path / "r.csv", {"requirements": FRAME, "other": FRAME.head(1)})
    back = pd.read_csv(path, keep_default_na=False)
    assert list(back.columns) == list(FRAME.columns)
    assert back["evidence"].tolist() == ["Python, SQL", "'=HYPERLINK(\"http://x\")", "'-2+3", ""]
    assert back["status"].tolist() == FRAME["status"].tolist()
    assert back["page"].tolist() == ["1", "2", "1", ""]


def test_json_single_table_is_a_list_of_rows(tmp_path: Path) -> None:
    rows = json.loads(write_tables(tmp_path / "r.json", {"requirements": FRAME}).read_text(encoding="utf-8"))
    assert rows[1] == {"skill_id": "pytorch", "status": "implied", "credit": 0.5, "evidence": "=HYPERLINK(\"http://x\")", "page": 2}
    assert rows[3]["evidence"] is None and rows[3]["page"] is None


def test_json_with_meta_is_one_object(tmp_path: Path) -> None:
    meta = {"job": "Tiny ML", "score": 62.5, "preferred_coverage": float("nan"), "coverage": {"Programming": 0.5}}
    doc = json.loads(write_tables(tmp_path / "r.json", {"requirements": FRAME}, meta=meta).read_text(encoding="utf-8"))
    assert list(doc) == ["job", "score", "preferred_coverage", "coverage", "requirements"]
    assert doc["preferred_coverage"] is None
    assert doc["coverage"] == {"Programming": 0.5}
    assert [r["skill_id"] for r in doc["requirements"]] == ["python", "pytorch", "kotlin", "aws"]


def test_excel_colours_status_cells_and_never_stores_formulas(tmp_path: Path) -> None:
    ranking = pd.DataFrame({"candidate": ["a.pdf", "b.pdf"], "score": [50.0, float("nan")], "error": [None, "b.pdf: encrypted"]})
    path = write_tables(tmp_path / "r.xlsx", {"requirements": FRAME, "ranking": ranking}, meta={"job": "Tiny ML", "score": 62.5})
    book = load_workbook(path)
    assert book.sheetnames == ["summary", "requirements", "ranking"]
    assert [[c.value for c in row] for row in book["summary"].iter_rows()] == [["job", "Tiny ML"], ["score", 62.5]]
    sheet = book["requirements"]
    assert [c.value for c in sheet[1]] == ["skill_id", "status", "credit", "evidence", "page"]
    for row, status in zip(sheet.iter_rows(min_row=2), FRAME["status"]):
        assert row[1].value == status
        assert row[1].fill.fgColor.rgb == "00" + STATUS_STYLES[status].background.lstrip("#")
    formula_cell = sheet.cell(row=3, column=4)
    assert formula_cell.value == "=HYPERLINK(\"http://x\")" and formula_cell.data_type == "s"
    assert sheet.cell(row=5, column=4).value is None and sheet.cell(row=5, column=5).value is None
    rank_sheet = book["ranking"]
    assert rank_sheet.cell(row=3, column=3).value == "b.pdf: encrypted"
    assert rank_sheet.cell(row=3, column=1).fill.fgColor.rgb == "00" + ERROR_STYLE.background.lstrip("#")
    assert rank_sheet.cell(row=2, column=1).fill.fgColor.rgb != "00" + ERROR_STYLE.background.lstrip("#")


def test_unknown_suffix_says_which_ones_work(tmp_path: Path) -> None:
    with pytest.raises(SkillgapError, match=r"cannot write \.txt tables \(fix: use one of \.csv, \.json, \.xlsx\)"):
        write_tables(tmp_path / "r.txt", {"t": FRAME})
    assert list(tmp_path.iterdir()) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
