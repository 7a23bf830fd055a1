"""Read résumés and postings (PDF, DOCX, text, HTML) into `Document`s with pages and sections."""

from .model import Document, DocumentKind, Section

__all__ = ["Document", "DocumentKind", "Section", "read_document"]


def read_document(source, *, kind=None, **options):  # placeholder until the Documents issue lands
    raise NotImplementedError("read_document is being built in the Documents issue")
