"""DOCX writer for reports: A4, Times New Roman 14 pt (tables 12 pt), margins and page numbers
after ГОСТ Р 7.0.97-2016, table headers repeated on every page, rows never split across pages,
a table of 7 or more columns on landscape pages, no column narrower than its longest date or
number (LibreOffice's Liberation Serif is metric-compatible with Times New Roman, so it lays a
report out as Word does).

A function of plain data (`ReportDocument`), tested without a request or a database.
Table body rows are written as XML, one parse per row (see `_row_xml`); python-docx's
`table.cell(r, c)` per cell would be ~20× slower still.
"""
import re
from io import BytesIO
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from tracker.reports.document import Bullets, Heading, Image, Paragraph, ReportDocument, Table

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
MARGINS_CM = {"left": 3.0, "right": 1.5, "top": 2.0, "bottom": 2.0}
FIRST_LINE_INDENT_CM = 1.25


def build_docx(report: ReportDocument) -> bytes:
    document = Document()
    _page_setup(document)
    _styles(document)
    _title(document, report.title)
    writers = {Heading: _heading, Paragraph: _paragraph, Bullets: _bullets, Table: _table,
               Image: _image}
    for block in report.blocks:
        writers[type(block)](document, block)
    if report.signature:
        _signature(document, report.signature)
    for block in report.appendix:
        writers[type(block)](document, block)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_font(style_or_run, size_pt: int, bold: bool | None = None) -> None:
    font = style_or_run.font
    font.name = FONT
    font.size = Pt(size_pt)
    if bold is not None:
        font.bold = bold
    properties = style_or_run.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side, size in MARGINS_CM.items():
        setattr(section, f"{side}_margin", Cm(size))
    section.different_first_page_header_footer = True  # no number on the first page
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(paragraph.add_run())


def _page_number_field(run) -> None:
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    _set_font(run, TABLE_PT)


def _styles(document) -> None:
    normal = document.styles["Normal"]
    _set_font(normal, BODY_PT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    for name, level in (("Heading 1", 1), ("Heading 2", 2), ("Heading 3", 3)):
        style = document.styles[name]
        _set_font(style, BODY_PT, bold=True)
        style.font.italic = level == 3
        style.font.color.rgb = None
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.alignment = (WD_ALIGN_PARAGRAPH.CENTER if level == 1
                                            else WD_ALIGN_PARAGRAPH.LEFT)


def _title(document, title: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(12)
    run = paragraph.add_run(title)
    run.bold = True


STYLE_NAMES = ("Heading 1", "Heading 2", "Heading 3", "List Bullet", "Table Grid")


def _style_id(document, name: str) -> str:
    """A style's id, looked up once per document: python-docx scans every style on each lookup
    (by name or by object), which dominates the time of a report with many headings."""
    ids = getattr(document, "_tracker_style_ids", None)
    if ids is None:
        ids = {each: document.styles[each].style_id for each in STYLE_NAMES}
        document._tracker_style_ids = ids
    return ids[name]


def _styled_paragraph(document, style: str, text: str = ""):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = _style_id(document, style)
    return paragraph


def _heading(document, block: Heading) -> None:
    _styled_paragraph(document, f"Heading {min(max(block.level, 1), 3)}", block.text)


def _paragraph(document, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    if block.centered:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(FIRST_LINE_INDENT_CM)
    run = paragraph.add_run(block.text)
    run.bold, run.italic = block.bold, block.italic


def _bullets(document, block: Bullets) -> None:
    for number, item in enumerate(block.items, start=1):
        if block.numbered:  # numbered by hand: Word's list numbering runs on across lists
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(FIRST_LINE_INDENT_CM)
            item = f"{number}) {item}"
        else:
            paragraph = _styled_paragraph(document, "List Bullet")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.add_run(item)


LANDSCAPE_FROM_COLUMNS = 7


def _table(document, block: Table) -> None:
    wide = len(block.header) >= LANDSCAPE_FROM_COLUMNS
    if wide:
        _new_section(document, landscape=True)
    _write_table(document, block, LANDSCAPE_TEXT_WIDTH_CM if wide else TEXT_WIDTH_CM)
    if wide:
        _new_section(document, landscape=False)


def _new_section(document, *, landscape: bool) -> None:
    """A new page in the other orientation (margins and page numbers carry over)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long_side, short_side = Cm(29.7), Cm(21.0)
    section.page_width, section.page_height = ((long_side, short_side) if landscape
                                               else (short_side, long_side))
    section.different_first_page_header_footer = False


def _write_table(document, block: Table, text_width_cm: float) -> None:
    if block.caption:
        caption = document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        caption.paragraph_format.keep_with_next = True
        caption.add_run(block.caption).italic = True
    widths = [Cm(width) for width in (block.widths_cm or column_widths(block, text_width_cm))]
    table = document.add_table(rows=1, cols=len(block.header))
    table._tbl.tblPr.style = _style_id(document, "Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
        column.w = width  # LibreOffice lays out by the grid, Word by the cells: set both
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, text, width in zip(header.cells, block.header, widths):
        cell.width = width
        _cell_text(cell, text, bold=True, centered=True)
    twips = [width.twips for width in widths]
    last = len(block.rows) - 1
    for index, values in enumerate(block.rows):
        table._tbl.append(parse_xml(_row_xml(values, twips,
                                             bold=block.total_row and index == last)))
    document.add_paragraph()


TEXT_WIDTH_CM = 21.0 - MARGINS_CM["left"] - MARGINS_CM["right"]
LANDSCAPE_TEXT_WIDTH_CM = 29.7 - MARGINS_CM["left"] - MARGINS_CM["right"]
CM_PER_CHARACTER = 0.24  # a character of 12 pt Times New Roman, with the cell's padding
# a word that must not wrap inside: a date, a number with its unit, «8 из 15»
_UNBREAKABLE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}|\d[\d\s\u00a0,.]*(?:%|\u00a0%)?")


MIN_WEIGHT, MAX_WEIGHT = 7, 28  # in characters: «№ п/п» stays legible, names do not crowd


def column_widths(block: Table, text_width_cm: float = TEXT_WIDTH_CM) -> list[float]:
    """Widths in proportion to each column's text, within bounds, filling the text width: the
    longest line of its cells, or its header (which wraps: its longest word, a quarter of it).
    No column is narrower than its longest date or number (they never wrap); the others give
    way to them."""
    weights, floors = [], []
    for index, title in enumerate(block.header):
        title = str(title)
        longest = max([len(word) for word in title.split()] + [len(title) // 4])
        unbreakable = 0
        for row in block.rows[:200]:
            for line in str(row[index] or "").splitlines():
                longest = max(longest, len(line))
                unbreakable = max([unbreakable] + [len(m.group(0).strip())
                                                   for m in _UNBREAKABLE.finditer(line)])
        weights.append(min(max(longest, MIN_WEIGHT), MAX_WEIGHT))
        floors.append((unbreakable + 1) * CM_PER_CHARACTER if unbreakable else 0.0)
    return _fit(weights, floors, text_width_cm)


def _fit(weights: list[int], floors: list[float], width: float) -> list[float]:
    """Shares of `width` by weight; a column below its floor gets the floor, the others share
    what is left (repeated until none is below its floor)."""
    pinned: set[int] = set()
    while True:
        left = width - sum(floors[i] for i in pinned)
        free = [i for i in range(len(weights)) if i not in pinned]
        free_weight = sum(weights[i] for i in free) or 1
        widths = [floors[i] if i in pinned else max(left, 0) * weights[i] / free_weight
                  for i in range(len(weights))]
        short = {i for i in free if widths[i] < floors[i]}
        if not short or len(pinned | short) == len(weights):
            return [max(w, f) for w, f in zip(widths, floors)]
        pinned |= short


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML


def _row_xml(values, twips: list[int], *, bold: bool) -> str:
    """A body row as WordprocessingML, parsed once: python-docx's per-cell calls (width, run,
    font) dominate the time of large reports, this makes a 300-school report several times
    faster. Line breaks in a value become <w:br/>."""
    properties = ("<w:b/>" if bold else "") + f'<w:sz w:val="{TABLE_PT * 2}"/>' \
        f'<w:szCs w:val="{TABLE_PT * 2}"/>'
    cells = []
    for text, width in zip(values, twips):
        lines = _CONTROL.sub("", "" if text is None else str(text)).split("\n")
        body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>'
                              for line in lines)
        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                     f"<w:p><w:r><w:rPr>{properties}</w:rPr>{body}</w:r></w:p></w:tc>")
    return f'<w:tr {nsdecls("w")}><w:trPr><w:cantSplit/></w:trPr>{"".join(cells)}</w:tr>'


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _cell_text(cell, text: str, *, bold: bool = False, centered: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if centered:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run("" if text is None else str(text))
    run.font.size = Pt(TABLE_PT)
    run.bold = bold


def _image(document, block: Image) -> None:
    document.add_picture(BytesIO(block.png), width=Cm(block.width_cm))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if block.caption:
        caption = document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.add_run(block.caption).italic = True


def _signature(document, signature) -> None:
    document.add_paragraph()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run(signature.position)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    right.paragraphs[0].add_run(signature.name)
