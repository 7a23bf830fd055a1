"""Robustness: read mutated copies of the dev PDFs and DOCX CVs; count anything but DocumentError.

Every 4th résumé PDF and every 6th annotated DOCX CV is mutated ``--per-file`` times (in turn:
truncated at a random point, up to 50 random bytes overwritten, a random range of up to 2,000
bytes zeroed) and read with both PDF engines (DOCX once). Prints how many reads succeeded, how
many raised `DocumentError`, and every other exception type with a count (there should be none).

    PYTHONPATH=. python benchmarks/mutate_documents.py [--seed 1] [--per-file 30]
"""

from __future__ import annotations

import argparse
import collections
import os
import random
from pathlib import Path

from skillgap import DocumentError, read_document
from skillgap.documents.pdf import ENGINES

DEFAULT_DATA = Path(os.environ.get("SKILLGAP_SHARED_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


def mutate(data: bytes, step: int, rng: random.Random) -> bytes:
    out = bytearray(data)
    if step % 3 == 0:
        return bytes(out[: rng.randint(1, len(out) - 1)])
    if step % 3 == 1:
        for _ in range(rng.randint(1, 50)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    start, size = rng.randrange(len(out)), rng.randint(1, 2000)
    out[start : start + size] = bytes(len(out[start : start + size]))
    return bytes(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-file", type=int, default=30)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    files = sorted((args.data / "resumes_pdf").glob("*.pdf"))[::4] + sorted((args.data / "pairs" / "vanetik_vacancy_resume" / "CV").glob("*.docx"))[::6]
    ok = errors = 0
    other: collections.Counter[str] = collections.Counter()
    for path in files:
        data = path.read_bytes()
        for step in range(args.per_file):
            mutated = mutate(data, step, rng)
            for engine in ENGINES if path.suffix == ".pdf" else ENGINES[:1]:
                try:
                    read_document(mutated, name=path.name, engine=engine)
                    ok += 1
                except DocumentError:
                    errors += 1
                except Exception as exc:  # noqa: BLE001 - this script exists to find these
                    other[f"{engine}: {type(exc).__name__}: {str(exc)[:80]}"] += 1
    print(f"{len(files)} files, seed {args.seed}: {ok} read, {errors} DocumentError, {sum(other.values())} other exceptions")
    for what, count in other.most_common():
        print(f"  {count:4}  {what}")


if __name__ == "__main__":
    main()
