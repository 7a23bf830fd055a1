"""Tiny PDF writers for tests: text pages through PDFium, and hand-built encrypted files."""

from __future__ import annotations

import ctypes
import hashlib
import io
from collections.abc import Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as raw

#: One text run: (x, y from the top, text, font size).
Run = tuple[float, float, str, float]


def text_pdf(pages: Sequence[Sequence[Run]], *, width: float = 612, height: float = 792) -> bytes:
    """A PDF whose pages hold the given Helvetica text runs (an empty page has no text layer)."""
    doc = pdfium.PdfDocument.new()
    for runs in pages:
        page = doc.new_page(width, height)
        for x, y, text, size in runs:
            obj = raw.FPDFPageObj_NewTextObj(doc, b"Helvetica", ctypes.c_float(size))
            raw.FPDFText_SetText(obj, _wide(text))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, height - y - size)
            raw.FPDFPage_InsertObject(page, obj)
        raw.FPDFPage_GenerateContent(page)
        page.close()
    return _saved(doc)


def _saved(doc: pdfium.PdfDocument) -> bytes:
    """The document's bytes; the document is closed."""
    out = io.BytesIO()
    doc.save(out)
    doc.close()
    return out.getvalue()


def _wide(text: str) -> ctypes.Array:
    """UTF-16LE, NUL-terminated, as FPDFText_SetText wants (FPDF_WIDESTRING)."""
    data = (text + "\0").encode("utf-16-le")
    return ctypes.cast(ctypes.create_string_buffer(data, len(data)), ctypes.POINTER(ctypes.c_ushort))


def two_column_pdf(left: Sequence[str], right: Sequence[str], *, header: str = "") -> bytes:
    """One page: an optional full-width header line, then two columns of lines (left at x=50,
    right at x=330) with different line spacing, as in a résumé with a side bar."""
    runs: list[Run] = []
    y = 50.0
    if header:
        runs.append((50, y, header, 16))
        y += 40
    runs += [(50, y + 14 * i, line, 10) for i, line in enumerate(left)]
    runs += [(330, y + 3 + 17 * i, line, 9) for i, line in enumerate(right)]
    return text_pdf([runs])


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def encrypted_pdf(text: str, user_password: str) -> bytes:
    """A one-page PDF encrypted with the standard security handler (RC4 40-bit, revision 2)."""
    owner = _rc4(hashlib.md5((user_password.encode() + _PAD)[:32]).digest()[:5], (user_password.encode() + _PAD)[:32])
    file_id = b"0123456789abcdef"
    perms = -4
    key = hashlib.md5((user_password.encode() + _PAD)[:32] + owner + perms.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
    user = _rc4(key, _PAD)

    def obj_key(num: int) -> bytes:
        return hashlib.md5(key + num.to_bytes(3, "little") + b"\x00\x00").digest()[:10]

    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    stream = _rc4(obj_key(4), content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <" + user.hex().encode() + b"> /P %d >>" % perms,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, file_id.hex().encode(), file_id.hex().encode(), xref)
    return bytes(out)


def rotated_text_pdf(upright: str, rotated: str) -> bytes:
    """One page: a horizontal line of text and a line turned 90 degrees (a vertical side label)."""
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(612, 792)
    for text, matrix in ((upright, (1, 0, 0, 1, 72, 700)), (rotated, (0, 1, -1, 0, 500, 300))):
        obj = raw.FPDFPageObj_NewTextObj(doc, b"Helvetica", ctypes.c_float(12))
        raw.FPDFText_SetText(obj, _wide(text))
        raw.FPDFPageObj_Transform(obj, *matrix)
        raw.FPDFPage_InsertObject(page, obj)
    raw.FPDFPage_GenerateContent(page)
    page.close()
    return _saved(doc)
