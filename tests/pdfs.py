"""Build small, real PDF files for tests: a text layer, a scan-like page, encrypted, truncated."""
from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _assemble(objects: list[bytes], info: dict[str, str] | None) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    if info:
        entries = " ".join(f"/{key} ({_escape(value)})" for key, value in info.items())
        objects = [*objects, f"<< {entries} >>".encode("latin-1")]
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    info_ref = f" /Info {len(objects)} 0 R" if info else ""
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _page_objects(content: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]


def text_pdf(lines: list[str], info: dict[str, str] | None = None) -> bytes:
    """A one-page PDF whose text layer holds ``lines``."""
    body = " T* ".join(f"({_escape(line)}) Tj" for line in lines)
    content = f"BT /F1 11 Tf 14 TL 56 740 Td {body} ET".encode("latin-1")
    return _assemble(_page_objects(content), info)


def image_only_pdf() -> bytes:
    """A page with drawing but no text, as a scan without OCR has."""
    return _assemble(_page_objects(b"0.5 g 56 400 500 300 re f"), {"Title": "Scanned report"})


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(["Secret: 12 people were killed."]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = text_pdf(["At least 40 civilians were killed in Idlib."] * 20)
    return data[: len(data) // 3]
