"""Make the example DOCX and PDF résumés from their Markdown sources, so the examples cover formats.

    python examples/make_formats.py [OUT_DIR]     (default: examples/resumes)

``sources/chen-wei.md`` becomes ``chen-wei.docx`` (python-docx: headings, bullets, bold runs)
and ``sources/dana-kowalski.md`` becomes ``dana-kowalski.pdf`` (a small hand-written PDF with
the standard Helvetica fonts: no PDF library needed, byte-for-byte reproducible).
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"


def blocks(markdown: str) -> list[tuple[str, str]]:
    """The Markdown as (kind, text) blocks: kind is title, heading, bullet or para."""
    out: list[tuple[str, str]] = []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        for line in chunk.splitlines():
            line = line.strip()
            if line.startswith("# "):
                out.append(("title", line[2:]))
            elif line.startswith("## "):
                out.append(("heading", line[3:]))
            elif line.startswith("- "):
                out.append(("bullet", line[2:]))
            elif out and out[-1][0] in ("para", "bullet") and not _new_block(out, chunk, line):
                out[-1] = (out[-1][0], f"{out[-1][1]} {line}")
            else:
                out.append(("para", line))
    return out


def _new_block(out: list[tuple[str, str]], chunk: str, line: str) -> bool:
    """A line starts a new paragraph when it is the first line of its blank-line-separated chunk."""
    return chunk.strip().splitlines()[0].strip() == line


def write_docx(source: Path, target: Path) -> Path:
    """The Markdown résumé as a Word document."""
    from docx import Document

    doc = Document()
    for kind, text in blocks(source.read_text(encoding="utf-8")):
        if kind == "title":
            doc.add_heading(text, level=0)
        elif kind == "heading":
            doc.add_heading(text, level=1)
        else:
            para = doc.add_paragraph(style="List Bullet" if kind == "bullet" else None)
            for i, part in enumerate(re.split(r"\*\*", text)):
                if part:
                    para.add_run(part).bold = i % 2 == 1
    doc.core_properties.author = "skillgap examples"
    doc.save(target)
    return target


#: Page geometry of the PDF (US Letter, points) and the line layout for each block kind.
PAGE_W, PAGE_H, MARGIN = 612, 792, 64
LAYOUT = {"title": ("F2", 18, 26), "heading": ("F2", 12, 22), "bullet": ("F1", 10, 14), "para": ("F1", 10, 14)}
WRAP_CHARS = 92


def write_pdf(source: Path, target: Path) -> Path:
    """The Markdown résumé as a text PDF (Helvetica, WinAnsi encoding), one or more pages."""
    pages: list[list[str]] = [[]]
    y = PAGE_H - MARGIN
    for kind, text in blocks(source.read_text(encoding="utf-8")):
        font, size, leading = LAYOUT[kind]
        text = text.replace("**", "")
        lines = textwrap.wrap(text, WRAP_CHARS - (4 if kind == "bullet" else 0)) or [""]
        if kind == "heading":
            y -= 8
        for n, line in enumerate(lines):
            if y < MARGIN + leading:
                pages.append([])
                y = PAGE_H - MARGIN
            x = MARGIN + (14 if kind == "bullet" else 0)
            if kind == "bullet" and n == 0:
                pages[-1].append(f"BT /F1 {size} Tf {MARGIN + 3} {y} Td ({_pdf_str(chr(0x2022))}) Tj ET")
            pages[-1].append(f"BT /{font} {size} Tf {x} {y} Td ({_pdf_str(line)}) Tj ET")
            y -= leading
        y -= 4
    target.write_bytes(_pdf_file(pages))
    return target


def _pdf_str(text: str) -> str:
    raw = text.encode("cp1252", errors="replace").decode("latin-1")
    return raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_file(pages: list[list[str]]) -> bytes:
    """Assemble catalog, page tree, two fonts and one content stream per page, with an xref table."""
    n = len(pages)
    page_ids = [5 + 2 * i for i in range(n)]
    objects = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {n} >>",
        3: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    }
    for pid, ops in zip(page_ids, pages):
        stream = "\n".join(ops).encode("latin-1")
        objects[pid] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {pid + 1} 0 R >>"
        )
        objects[pid + 1] = f"<< /Length {len(stream)} >>\nstream\n".encode("latin-1") + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        body = objects[num]
        out += f"{num} 0 obj\n".encode() + (body if isinstance(body, bytes) else body.encode("latin-1")) + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offsets[i]:010d} 00000 n \n".encode() for i in range(1, size))
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def main(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    made = [
        write_docx(SOURCES / "chen-wei.md", out_dir / "chen-wei.docx"),
        write_pdf(SOURCES / "dana-kowalski.md", out_dir / "dana-kowalski.pdf"),
    ]
    for path in made:
        print(f"wrote {path}")
    return made


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "resumes")
