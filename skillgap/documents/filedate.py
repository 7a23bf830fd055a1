"""The writing date a file's own metadata evidences: PDF ``CreationDate``, DOCX core properties.

A DOCX's last save counts when its author made it (the same name, or one a prefix of the
other) or within `SAME_SESSION_DAYS` of the creation; a later save by someone else (an
editor, a curator) says nothing of the writing, so the creation date is used then. A creation
date that python-docx stamps on every file it generates is no evidence and is skipped.
"""

from __future__ import annotations

import re
from datetime import date, datetime

#: A save this soon after creation is part of the writing, whoever made it.
SAME_SESSION_DAYS = 31
#: The creation stamp of python-docx's default template (not a writing date).
_TEMPLATE_CREATORS = ("python-docx",)
_PDF_DATE = re.compile(r"^(?:D:)?((?:19|20)\d\d)(\d\d)?(\d\d)?")

Evidence = tuple[date | None, str | None]


def pdf_date(raw: object) -> Evidence:
    """The day of a PDF ``CreationDate`` ("D:20191103020131+05'30'", local time as printed)."""
    if not isinstance(raw, str):
        return None, None
    m = _PDF_DATE.match(raw.strip())
    if m is None:
        return None, None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)), "PDF metadata CreationDate"
    except ValueError:
        return None, None


def docx_date(author: str | None, last_saved_by: str | None, created: datetime | None, modified: datetime | None) -> Evidence:
    """The writing date of a .docx from its core properties (see the module docstring)."""
    author, saver = (author or "").strip(), (last_saved_by or "").strip()
    if created is not None and author.casefold() in _TEMPLATE_CREATORS:
        created = None
    if modified is not None:
        same_person = not saver or (author and (author.casefold().startswith(saver.casefold()) or saver.casefold().startswith(author.casefold())))
        soon = created is not None and (modified - created).days <= SAME_SESSION_DAYS
        if created is None or same_person or soon:
            return modified.date(), "DOCX metadata modified (the last save, by the author)"
    if created is not None:
        return created.date(), "DOCX metadata created (saved later by someone else: a lower bound)"
    return None, None
