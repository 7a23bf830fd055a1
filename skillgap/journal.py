"""Resumable batches: a journal records every finished candidate as it ends.

While ``score_candidates(..., journal=PATH)`` (and so ``skillgap rank --out FILE``, whose
journal is ``FILE.partial.jsonl``) runs, each candidate's outcome is appended to the journal (one JSON line, flushed at once): the SHA-256 of the file's bytes, and
either what reading and extraction produced (the document and its mentions: the slow part)
or the error. The caller writes its final output at the end and then removes the journal (`discard`).
After an interruption, ``resume=True`` (``--resume``) skips every input whose content hash the journal holds:
its profile is rebuilt from the journal and only compared with the job again (milliseconds),
so a rerun finishes the job and writes the same output an uninterrupted run would have.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import IO, Any

from .documents.model import Document, Section
from .extract.model import Mention, SkillProfile
from .ranking import CandidateResult, Unreadable
from .taxonomy import Taxonomy

JOURNAL_SUFFIX = ".partial.jsonl"


def journal_path(out: str | Path) -> Path:
    """Where the journal of an output file lives: ``ranking.html`` -> ``ranking.html.partial.jsonl``."""
    out = Path(out)
    return out.with_name(out.name + JOURNAL_SUFFIX)


def content_hash(path: str | Path) -> str | None:
    """SHA-256 of a regular file's bytes, or None (not a file, unreadable): such inputs are always scored."""
    path = Path(path)
    try:
        if not path.is_file():
            return None
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def taxonomy_fingerprint(taxonomy: Taxonomy) -> str:
    """A hash of what extraction takes from a taxonomy (names, patterns, links), so that entries
    journalled with another taxonomy are not reused."""
    skills = [dataclasses.asdict(s) | {"source": "", "description": ""} for s in sorted(taxonomy, key=lambda s: s.id)]
    return hashlib.sha256(json.dumps(skills, sort_keys=True, default=str).encode()).hexdigest()[:16]


class Journal:
    """Append-only record of finished candidates, keyed by content hash; ``resume`` reads the old one."""

    # ``resume`` here is the flag "continue an interrupted run", never a résumé.

    def __init__(self, path: str | Path, taxonomy: Taxonomy, *, resume: bool = False) -> None:
        self.path = Path(path)
        self.taxonomy = taxonomy
        self.fingerprint = taxonomy_fingerprint(taxonomy)
        self._offsets: dict[str, int] = self._index() if resume else {}  # old entries: where they start
        self._seen: set[str] = set(self._offsets)
        self._resume = resume
        self._handle: IO[str] | None = None  # opened by the first entry: a batch that fails before any leaves the file as it was

    def _open(self) -> IO[str]:
        """The file, for adding to (``resume``) or anew."""
        handle = self.path.open("a" if self._resume else "w", encoding="utf-8")
        if self._resume and handle.tell() and not self.path.read_bytes().endswith(b"\n"):
            handle.write("\n")  # end the line a kill cut short, so the next entry is whole
        return handle

    def __len__(self) -> int:
        """How many candidates the journal holds."""
        return len(self._seen)

    def _index(self) -> dict[str, int]:
        """Byte offset of each complete entry of an existing journal (the entries stay on disk)."""
        offsets: dict[str, int] = {}
        if not self.path.is_file():
            return offsets
        with self.path.open("rb") as handle:
            while True:
                start = handle.tell()
                line = handle.readline()
                if not line:
                    return offsets
                try:
                    entry = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    continue  # the last line of a killed run may be cut short
                if isinstance(entry, dict) and entry.get("taxonomy") == self.fingerprint and "sha256" in entry:
                    offsets[entry["sha256"]] = start

    def lookup(self, digest: str | None, source: str) -> SkillProfile | Unreadable | None:
        """The journalled outcome of content ``digest`` (named ``source`` now), or None to score it."""
        if digest not in self._offsets:
            return None
        with self.path.open("rb") as handle:
            handle.seek(self._offsets[digest])  # type: ignore[index]
            entry = json.loads(handle.readline())
        if "error" in entry:
            return Unreadable(source, entry["error"])
        doc = entry["document"]
        created = date.fromisoformat(doc["created"]) if doc.get("created") else None
        document = Document(
            **{**doc, "source": source, "pages": tuple(doc["pages"]), "sections": tuple(Section(**s) for s in doc["sections"]), "warnings": tuple(doc["warnings"]), "created": created}
        )
        return SkillProfile(document=document, mentions=tuple(Mention(**m) for m in entry["mentions"]), taxonomy=self.taxonomy)

    def record(self, digest: str | None, result: CandidateResult) -> None:
        """Append one finished candidate and flush, so a kill a moment later loses nothing."""
        if digest is None or digest in self._seen:
            return
        entry: dict[str, Any] = {"sha256": digest, "taxonomy": self.fingerprint, "source": result.source}
        if result.report is None:
            entry["error"] = result.error
        else:
            profile = result.report.candidate
            entry["document"] = dataclasses.asdict(profile.document)
            created = profile.document.created
            entry["document"]["created"] = created.isoformat() if created else None
            entry["mentions"] = [dataclasses.asdict(m) for m in profile.mentions]
        if self._handle is None:
            self._handle = self._open()
        self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._handle.flush()
        self._seen.add(digest)

    def close(self, *, finished: bool) -> None:
        """Close the journal; remove it when the final output has been written."""
        if self._handle is not None:
            self._handle.close()
        if finished:
            self.path.unlink(missing_ok=True)


def discard(path: str | Path) -> None:
    """Remove a journal once the output it stands for has been written (no error if it is gone)."""
    Path(path).unlink(missing_ok=True)
