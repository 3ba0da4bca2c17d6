"""A report as plain data: a title and a sequence of blocks, ready for the DOCX writer.

Report data modules build these from the records; `docx.build_docx` turns them into a file.
"""
from dataclasses import dataclass, field


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False
    centered: bool = False


@dataclass
class Bullets:
    items: list[str]
    numbered: bool = False  # «1) …», numbered within this list only


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths_cm: list[float] | None = None
    caption: str | None = None
    total_row: bool = False  # the last row is a total: set in bold


@dataclass
class Image:
    png: bytes
    width_cm: float = 16.0
    caption: str | None = None


@dataclass
class Signature:
    position: str
    name: str


Block = Heading | Paragraph | Bullets | Table | Image


@dataclass
class ReportDocument:
    title: str
    blocks: list[Block] = field(default_factory=list)
    signature: Signature | None = None
    appendix: list[Block] = field(default_factory=list)  # after the signature

    def add(self, *blocks: Block) -> "ReportDocument":
        self.blocks.extend(blocks)
        return self
