"""The DOCX writer: page, fonts, headings, tables with repeated headers, page numbers."""
import shutil
import subprocess
from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from tracker.reports.document import Bullets, Heading, Paragraph, ReportDocument, Signature, Table
from tracker.reports.docx import build_docx


def sample() -> ReportDocument:
    report = ReportDocument(title="Отчёт о реализации программы в 1 полугодии 2022 года")
    report.add(
        Heading("Цель и задачи программы"),
        Paragraph("Создание условий для совершенствования компетенций педагогов."),
        Bullets(["разработать механизмы перехода в эффективный режим работы",
                 "создать условия для методического сопровождения"]),
        Table(header=["Показатель", "План", "Факт"],
              rows=[[f"Показатель {n}", "100 %", "50,4 %"] for n in range(60)] +
                   [["Итого", "", "252 из 500"]],
              caption="Таблица 1", total_row=True),
    )
    report.signature = Signature("Муниципальный координатор", "И.И. Иванова")
    return report


def open_docx(data: bytes):
    return Document(BytesIO(data))


def test_page_and_fonts_follow_the_standard():
    document = open_docx(build_docx(sample()))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 1) == 3.0 and round(section.right_margin.cm, 1) == 1.5
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "Times New Roman"  # Cyrillic falls back correctly


def test_headings_tables_and_signature():
    document = open_docx(build_docx(sample()))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Цель и задачи программы"]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Показатель", "План", "Факт"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[-1].cells] == ["Итого", "", "252 из 500"]
    assert table.rows[-1].cells[0].paragraphs[0].runs[0].bold
    assert table.rows[1].cells[0].paragraphs[0].runs[0].font.size == Pt(12)
    signature = document.tables[-1]
    assert signature.rows[0].cells[1].text == "И.И. Иванова"


def test_page_numbers_from_the_second_page():
    document = open_docx(build_docx(sample()))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


@pytest.mark.libreoffice
def test_libreoffice_opens_the_document(tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(build_docx(sample()))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "report.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


def test_a_wide_table_gets_landscape_pages_and_dates_keep_their_width():
    from docx.enum.section import WD_ORIENT

    from tracker.reports.docx import CM_PER_CHARACTER, column_widths
    wide = Table(header=[f"Колонка {n}" for n in range(8)],
                 rows=[["Очень длинное название мероприятия программы " * 3, "31.03.2022",
                        "8 из 15", "да", "нет", "—", "1", "2"]])
    report = ReportDocument(title="Отчёт")
    report.add(Paragraph("До таблицы."), wide, Paragraph("После таблицы."))
    document = open_docx(build_docx(report))
    orientations = [section.orientation for section in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert document.sections[1].page_width.cm > document.sections[1].page_height.cm
    row = document.tables[0].rows[1]._tr
    assert row.trPr.find(qn("w:cantSplit")) is not None  # a row never splits across pages
    widths = column_widths(wide, 24.0)
    assert widths[1] >= 11 * CM_PER_CHARACTER  # «31.03.2022» and a little room
    assert abs(sum(widths) - 24.0) < 0.01
