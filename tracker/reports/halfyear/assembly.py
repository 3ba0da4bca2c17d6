"""A report assembled from sections: the document for the DOCX writer, the sections with their
warnings for the preview, and a file name."""
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from flask_babel import gettext as _

from tracker.reports.document import Heading, Paragraph, ReportDocument, Signature
from tracker.reports.halfyear.context import ReportContext, Section


@dataclass
class AssembledReport:
    title: str
    subtitle: str
    sections: list[Section]
    signature: Signature | None = None
    signature_warnings: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[tuple[str, str]]:
        """(section title, warning) for every missing piece, in the report's order."""
        found = [(section.title, text) for section in self.sections
                 for text in section.warnings]
        return found + [(_("Signature"), text) for text in self.signature_warnings]

    def document(self) -> ReportDocument:
        report = ReportDocument(title=self.title, signature=self.signature)
        report.add(Paragraph(self.subtitle, centered=True))
        for section in self.sections:
            report.add(Heading(section.title, level=1))
            report.add(*(section.blocks or [Paragraph(_("No data for the period."),
                                                      italic=True)]))
        appendices = [section for section in self.sections if section.appendix]
        for number, section in enumerate(appendices, start=1):
            report.appendix += [Heading(_("Appendix %(number)s. %(title)s", number=number,
                                          title=section.title), level=1), *section.appendix]
        return report


def with_comments(ctx: ReportContext, sections: list[Section]) -> list[Section]:
    """Close each section with the coordinator's comment on it."""
    for section in sections:
        section.blocks += ctx.comment(section.comment_field)
    return sections


TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"]))


def slug(text: str) -> str:
    """«Усть-Илимск» -> «ust-ilimsk»: Latin letters, digits and hyphens only."""
    latin = "".join(TRANSLIT.get(char, char) for char in text.lower())
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-") or "report"


def content_disposition(ascii_name: str, utf8_name: str) -> str:
    """An attachment with a plain ASCII name and the Russian one for clients that read it."""
    return (f'attachment; filename="{ascii_name}"; '
            f"filename*=UTF-8''{quote(utf8_name, safe='')}")
