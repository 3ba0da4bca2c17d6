"""Small generated files for the demo evidence and documents (written through storage)."""
import io

from tracker import storage


def pdf(title: str) -> bytes:
    """A one-page PDF; the text is transliterated because the base fonts have no Cyrillic."""
    text = title.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
    stream = f"BT /F1 12 Tf 50 780 Td ({text[:90]}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>stream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def docx(title: str, *paragraphs: str) -> bytes:
    from docx import Document
    document = Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx(title: str, rows: list[tuple]) -> bytes:
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.append([title])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def store(name: str, title: str) -> storage.StoredFile:
    """Generate a file of the kind the name says and store it like an upload."""
    if name.endswith(".docx"):
        data = docx(title, "Документ сформирован для демонстрации трекера.")
    elif name.endswith(".xlsx"):
        data = xlsx(title, [("Наименование", "Количество"), ("Интерактивная панель", 3),
                            ("Микроскоп цифровой", 12), ("Ноутбук", 15)])
    else:
        data = pdf(title)
    return storage.save_bytes(name, data)
