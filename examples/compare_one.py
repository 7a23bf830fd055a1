"""Compare one résumé with the ML-engineer role profile and with a job posting.

    python examples/compare_one.py [OUT_DIR]      (default: out/)

Prints the gap summary for both and the posting's requirements that are not plainly matched
(with the evidence for implied and transferable ones), and writes the posting comparison as a
self-contained HTML report.
"""

from __future__ import annotations

import sys
from pathlib import Path

import skillgap

HERE = Path(__file__).resolve().parent


def main(out_dir: Path) -> Path:
    resume = HERE / "resumes" / "ben-okafor.txt"

    role_report = skillgap.compare(resume, "ml-engineer")  # a role profile from the taxonomy
    print(role_report.summary(), end="\n\n")

    posting_report = skillgap.compare(resume, HERE / "jobs" / "ml-engineer-posting.md")
    print(posting_report.summary(), end="\n\n")

    # Why is a requirement implied, transferable or missing? Each row says, with its evidence.
    rows = posting_report.to_frame()
    print(rows[rows["status"] != "matched"][["label", "importance", "status", "via", "evidence", "section"]].head(8).to_string(index=False))

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "ben-okafor-vs-posting.html"
    posting_report.to_html(path)
    print(f"\nwrote {path}")
    return path


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
