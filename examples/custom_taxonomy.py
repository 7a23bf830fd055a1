"""Use your own skills and role profile on top of the shipped taxonomy.

    python examples/custom_taxonomy.py

``examples/taxonomy/`` adds four retail skills and a "Store Team Lead" role that mixes them with
shipped skills (communication, Excel, ...). The shipped taxonomy alone knows none of them.
"""

from __future__ import annotations

from pathlib import Path

import skillgap

HERE = Path(__file__).resolve().parent


def main() -> skillgap.GapReport:
    taxonomy = skillgap.load_taxonomy(HERE / "taxonomy", include_shipped=True)
    role = taxonomy.role("store-team-lead")
    print(f"{role.label}: {len(role.requirements)} requirements in {', '.join(role.areas)}")

    report = skillgap.compare(HERE / "resumes" / "dana-kowalski.pdf", role, taxonomy=taxonomy)
    print(report.summary())
    print(report.to_frame()[["label", "category", "importance", "status", "evidence"]].to_string(index=False))
    return report


if __name__ == "__main__":
    main()
