"""Do posting sections separate required from preferred skills? Measured on the gold postings.

For each gold posting (``gold/postings.jsonl``), every gold skill that the text names (its
vocabulary name or a synonym, whole words, case-insensitive) is looked up in the sections
`read_document` found. Prints, for preferred skills, how many have a mention inside a
``preferred`` section, and for required skills, how many have a mention inside
``requirements`` / ``responsibilities`` and how many have mentions only inside ``preferred``
(those would be mislabelled by a section-only rule).

    PYTHONPATH=. python benchmarks/posting_sections.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

from skillgap import read_document

DEFAULT_DATA = Path(os.environ.get("SKILLGAP_SHARED_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    synonyms = {}
    for line in (args.data / "gold" / "vocab.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names = [n.strip().casefold() for n in line.split("|") if n.strip()]
            synonyms[names[0]] = names
    counts = dict.fromkeys(("pref", "pref_in_pref", "req", "req_in_req", "req_only_pref", "with_sections"), 0)
    rows = [json.loads(line) for line in (args.data / "gold" / "postings.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        doc = read_document(args.data / "gold" / row["doc"], kind="posting")
        counts["with_sections"] += bool(doc.sections)
        lowered = doc.text.casefold()
        for group, skills in (("req", row["required"]), ("pref", row["preferred"])):
            for skill in skills:
                pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in synonyms[skill.casefold()]))
                found = {(doc.section_at(m.start()).name if doc.section_at(m.start()) else None) for m in pattern.finditer(lowered)}
                if not found:
                    continue
                counts[group] += 1
                if group == "pref":
                    counts["pref_in_pref"] += "preferred" in found
                else:
                    counts["req_in_req"] += bool(found & {"requirements", "responsibilities"})
                    counts["req_only_pref"] += found == {"preferred"}
    c = counts
    print(f"{len(rows)} gold postings, {c['with_sections']} with at least one section found")
    print(f"preferred skills named in the text: {c['pref']}; with a mention in a 'preferred' section: {c['pref_in_pref']} ({c['pref_in_pref'] / max(1, c['pref']):.0%})")
    print(
        f"required skills named in the text: {c['req']}; with a mention in 'requirements'/'responsibilities': {c['req_in_req']} "
        f"({c['req_in_req'] / max(1, c['req']):.0%}); mentioned only in 'preferred': {c['req_only_pref']}"
    )


if __name__ == "__main__":
    main()
