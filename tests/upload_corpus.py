"""Generated files for the upload tests: a valid corpus with Cyrillic names and a hostile one."""
import io
import zipfile

PDF = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        + b"\x00" * 64 + b"\xff\xd9")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
EXE = (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 100
       + b"This program cannot be run in DOS mode")
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"

CONTENT_TYPES_XML = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                     'openxmlformats.org/package/2006/content-types"><Override PartName="{part}" '
                     'ContentType="application/vnd.openxmlformats-officedocument.{kind}"/></Types>')


def zip_bytes(entries: dict[str, bytes], *, first_stored: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first_stored:
            archive.writestr(zipfile.ZipInfo(first_stored), entries.pop(first_stored),
                             compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx() -> bytes:
    from docx import Document
    document = Document()
    document.add_paragraph("Справка о проведении мониторинга профессиональных затруднений")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx() -> bytes:
    from openpyxl import Workbook
    book = Workbook()
    book.active.append(["Оборудование", "Количество"])
    book.active.append(["Интерактивная панель", 3])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def odt() -> bytes:
    return zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text",
                      "content.xml": "<office:document-content>План</office:document-content>"
                      .encode(), "META-INF/manifest.xml": b"<manifest/>"},
                     first_stored="mimetype")


def valid_corpus() -> list[tuple[str, bytes]]:
    return [("Приказ о назначении ответственных № 5.pdf", PDF),
            ("Справка о мониторинге затруднений.docx", docx()),
            ("Перечень оборудования для закупки.xlsx", xlsx()),
            ("План работы «Школа – школе».odt", odt()),
            ("Фото семинара.jpg", JPEG),
            ("Схема.PNG", PNG)]


def _docx_with(extra: dict[str, bytes], content_type_kind="wordprocessingml.document.main+xml"):
    types = CONTENT_TYPES_XML.format(part="/word/document.xml", kind=content_type_kind).encode()
    return zip_bytes({"[Content_Types].xml": types, "word/document.xml": b"<w:document/>",
                      **extra})


def hostile_corpus(max_file_bytes: int) -> list[tuple[str, str, bytes]]:
    """(category, file name, content): every one must be refused and leave nothing behind."""
    plain_zip = zip_bytes({"readme.txt": "просто архив".encode()})
    bomb_ratio = zip_bytes({"[Content_Types].xml": CONTENT_TYPES_XML.format(
        part="/word/document.xml", kind="wordprocessingml.document.main+xml").encode(),
        "word/document.xml": b"\x00" * (30 * 1024 * 1024)})
    bomb_entries = zip_bytes({"[Content_Types].xml": b"wordprocessingml.document.main+xml",
                              **{f"word/part{i}.xml": b"x" for i in range(1500)}})
    return [
        ("wrong extension", "setup.exe", EXE),
        ("wrong extension", "script.js", b"alert(1)"),
        ("wrong extension", "page.html", HTML),
        ("wrong extension", "vector.svg", b"<svg onload='alert(1)'/>"),
        ("wrong extension", "archive.zip", plain_zip),
        ("wrong extension", "macro.docm", _docx_with({})),
        ("wrong extension", "macro.xlsm", _docx_with({})),
        ("wrong extension", "no_extension", PDF),
        ("double extension", "приказ.exe.pdf", PDF),
        ("double extension", "справка.html.pdf", PDF),
        ("double extension", "фото.php.jpg", JPEG),
        ("double extension", "отчёт.pdf.exe", EXE),
        ("traversal name", "../../etc/passwd.pdf", PDF),
        ("traversal name", "..\\..\\windows\\win.pdf", PDF),
        ("traversal name", "/var/www/static/evil.pdf", PDF),
        ("traversal name", ".htaccess.pdf", PDF),
        ("NUL name", "приказ\x00.pdf", PDF),
        ("NUL name", "справка.pdf\x00.exe", PDF),
        ("control characters", "при\x1bказ.pdf", PDF),
        ("long name", "я" * 300 + ".pdf", PDF),
        ("empty", "пустой.pdf", b""),
        ("empty", "пустой.docx", b""),
        ("oversized", "большой.pdf", PDF + b"0" * max_file_bytes),
        ("HTML as PDF", "приказ.pdf", HTML),
        ("EXE as PDF", "справка.pdf", EXE),
        ("HTML as DOCX", "план.docx", HTML),
        ("EXE as DOCX", "программа.docx", EXE),
        ("PNG as JPG", "фото.jpg", PNG),
        ("PDF as PNG", "схема.png", PDF),
        ("PDF as ODT", "план.odt", PDF),
        ("non-OOXML zip", "отчёт.docx", plain_zip),
        ("non-OOXML zip", "таблица.xlsx", plain_zip),
        ("XLSX as ODT", "таблица.odt", xlsx()),
        ("DOCX as XLSX", "документ.xlsx", docx()),
        ("corrupt zip", "битый.docx", b"PK\x03\x04" + b"\x00" * 200),
        ("zip bomb", "бомба.docx", bomb_ratio),
        ("zip bomb", "много частей.docx", bomb_entries),
        ("macro document", "макрос.docx", _docx_with({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})),
        ("macro document", "макрос2.docx", _docx_with(
            {}, content_type_kind="word.document.macroEnabled.main+xml")),
        ("macro document", "макрос.odt", zip_bytes({
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "Basic/Standard/Module1.xml": b"<script:module/>"}, first_stored="mimetype")),
        ("active PDF", "скрипт.pdf",
         b"%PDF-1.4\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"),
    ]
