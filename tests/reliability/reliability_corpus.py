"""Generators of broken and hostile input files, built in a temporary folder at test time.

Nothing here is committed as a file: the broken PDFs are derived (seeded) from the real dev
résumés, the hostile files are written by hand-rolled minimal PDF / DOCX writers below.
"""

from __future__ import annotations

import os
import random
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from tests.documents.pdfgen import encrypted_pdf as encrypted_text_pdf

MUTATIONS = ("truncate", "flip", "splice", "zero")


@dataclass(frozen=True)
class Hostile:
    """One hostile file and what reading it must give: ``error``, ``limit`` or ``any`` (a Document or an error)."""

    path: Path
    expect: str


# --------------------------------------------------------------------------------------------
# Broken PDFs derived from real ones


def mutate(data: bytes, other: bytes, how: str, rng: random.Random) -> bytes:
    """One seeded corruption of a PDF's bytes."""
    n = len(data)
    if how == "truncate":
        return data[: rng.randrange(1, n)]
    if how == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 64)):
            out[rng.randrange(n)] ^= 1 << rng.randrange(8)
        return bytes(out)
    if how == "splice":
        return data[: rng.randrange(1, n)] + other[rng.randrange(len(other)) :]
    if how == "zero":
        out = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            start = rng.randrange(n)
            out[start : start + rng.randint(1, 4096)] = bytes(min(n - start, rng.randint(1, 4096)))
        return bytes(out[:n])
    raise ValueError(how)


def build_broken_pdfs(source_dir: Path, out_dir: Path, count: int, *, seed: int = 7) -> list[Path]:
    """``count`` corrupted copies of the PDFs in ``source_dir`` (each mutation in turn), seeded."""
    originals = sorted(source_dir.glob("*.pdf"))
    blobs = [p.read_bytes() for p in originals]
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        k = rng.randrange(len(blobs))
        how = MUTATIONS[i % len(MUTATIONS)]
        path = out_dir / f"{i:04d}-{how}-{originals[k].stem[:40]}.pdf"
        path.write_bytes(mutate(blobs[k], blobs[rng.randrange(len(blobs))], how, rng))
        paths.append(path)
    return paths


# --------------------------------------------------------------------------------------------
# A minimal PDF writer (enough for hostile files; every offset in the xref is exact)

def _stream(data: bytes, *, compress: bool = False, extra: bytes = b"") -> bytes:
    if compress:
        data, extra = zlib.compress(data), extra + b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)


_FILE_ID = (b"0" * 16).hex().encode()


def write_pdf(objects: list[bytes]) -> bytes:
    """A PDF whose object ``i + 1`` is ``objects[i]`` (object 1 must be the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (num, body)
    size = len(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (size, _FILE_ID, _FILE_ID, xref)
    return bytes(out)


def _text_ops(lines: list[str], top: int) -> bytes:
    ops = [b"BT /F1 10 Tf 12 TL 50 %d Td" % top]
    ops += [b"(%s) '" % line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1") for line in lines]
    return b"\n".join([*ops, b"ET"])


def text_pdf(pages: list[list[str]], *, box: tuple[int, int] = (612, 792), compress: bool = False, resources: bytes = b"") -> bytes:
    """A PDF with one page per list of text lines (Helvetica, top-left down)."""
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> %s>> /Contents %d 0 R >>"
            % (box[0], box[1], resources, 5 + 2 * i)
        )
        objects.append(_stream(_text_ops(lines, box[1] - 50), compress=compress))
    return write_pdf(objects)


RESUME_LINES = [
    "Jane Doe - Data Engineer",
    "SKILLS",
    "Python, SQL, Apache Spark, Docker, Kubernetes, AWS",
    "EXPERIENCE",
    "Built batch pipelines in Python and SQL on AWS for five years.",
]


def encrypted_pdf() -> bytes:
    """Text behind a user password ("secret"): readers must ask for the password."""
    return encrypted_text_pdf(" ".join(RESUME_LINES), "secret")


def image_only_pdf(pages: int = 3) -> bytes:
    """Pages that each paint one grey image and hold no text (a scan without OCR)."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages))
    pixels = bytes((x * 7 + y * 13) % 256 for y in range(64) for x in range(64))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        _stream(pixels, extra=b" /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8"),
    ]
    for i in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objects.append(_stream(b"q 500 0 0 700 56 46 cm /Im1 Do Q"))
    return write_pdf(objects)


def many_pages_pdf(pages: int = 5000) -> bytes:
    """A small file with thousands of pages of a line each."""
    return text_pdf([[f"Page {i + 1}: Python and SQL"] for i in range(pages)])


def huge_page_pdf(lines: int = 12_000) -> bytes:
    """One 200 x 200 inch page holding about 2.4 million characters (compressed to a small file)."""
    line = "Python SQL Kubernetes machine learning Docker " * 4 + "Terraform AWS"
    return text_pdf([[line] * lines], box=(14_400, 14_400), compress=True)


def nested_pdf(depth: int = 100_000) -> bytes:
    """A readable page whose resources hold arrays and dictionaries nested ``depth`` deep."""
    arrays = b"[" * depth + b"]" * depth
    dicts = b"<< /A " * (depth // 10) + b"1" + b" >>" * (depth // 10)
    return text_pdf([RESUME_LINES], resources=b"/Nest %s /Deep %s " % (arrays, dicts))


def reference_chain_pdf(depth: int = 20_000) -> bytes:
    """A page whose resources point into a chain of ``depth`` indirect arrays, each holding the next."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /Chain 6 0 R >> /Contents 5 0 R >>",
        _stream(_text_ops(RESUME_LINES, 742)),
    ]
    objects += [b"[%d 0 R]" % (7 + i) for i in range(depth)] + [b"[1]"]
    return write_pdf(objects)


# --------------------------------------------------------------------------------------------
# DOCX and text

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Python'
_DOC_TAIL = b"</w:t></w:r></w:p></w:body></w:document>"


def docx_bomb(path: Path, inflated_mb: int = 200) -> None:
    """A DOCX whose document.xml inflates to ``inflated_mb`` MB of spaces (~200 KB on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(_DOC_HEAD)
            chunk = b" " * (1 << 20)
            for _ in range(inflated_mb):
                part.write(chunk)
            part.write(_DOC_TAIL)


def docx_without_document(path: Path) -> None:
    """A zip with the DOCX content types and relationships but no word/document.xml."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/styles.xml", "<w:styles/>")


def docx_bad_xml(path: Path) -> None:
    """A DOCX whose document.xml is not XML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", b"<w:document><w:body><w:p>Python</w:body")


def build_hostile_files(out_dir: Path, *, seed: int = 11) -> dict[str, Hostile]:
    """Every hostile case of the reliability brief, by name."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Hostile] = {}

    def add(name: str, data: bytes | None, expect: str) -> None:
        path = out_dir / name
        if data is not None:
            path.write_bytes(data)
        cases[name] = Hostile(path, expect)

    add("encrypted.pdf", encrypted_pdf(), "error")
    add("image-only.pdf", image_only_pdf(), "error")
    add("5000-pages.pdf", many_pages_pdf(), "limit")
    add("huge-page.pdf", huge_page_pdf(), "any")
    add("nested-objects.pdf", nested_pdf(), "any")
    add("reference-chain.pdf", reference_chain_pdf(), "any")
    add("empty.pdf", b"", "error")
    add("header-only.pdf", b"%PDF-1.7\n", "error")
    add("not-a-zip.docx", b"This is not a zip archive.\n" * 20, "error")
    docx_bomb(out_dir / "zip-bomb.docx")
    add("zip-bomb.docx", None, "error")
    docx_without_document(out_dir / "no-document-part.docx")
    add("no-document-part.docx", None, "error")
    docx_bad_xml(out_dir / "bad-xml.docx")
    add("bad-xml.docx", None, "error")
    os.mkfifo(out_dir / "fifo.pdf")  # nobody writes: a reader that opens it blocks forever
    add("fifo.pdf", None, "error")
    cases["dev-zero"] = Hostile(Path("/dev/zero"), "error")  # endless bytes, size 0 by stat
    add("binary-garbage.txt", rng.randbytes(200_000), "error")
    add("binary-garbage", rng.randbytes(200_000), "error")
    add("empty.txt", b"", "error")
    add("whitespace.txt", b" \n\t\r\n" * 1000, "error")
    add("nul-bytes.txt", ("Skills: Python,\x00 SQL\x00 and Docker\n" * 2000).encode(), "any")
    add("cp1252.txt", "Résumé — “Python” and SQL, café owner\n".encode("cp1252") * 200, "any")
    add("one-10mb-line.txt", b"python " * 1_500_000, "any")
    add("million-tokens.txt", b"\n".join(b"skill " * 20 for _ in range(50_000)), "any")
    return cases

