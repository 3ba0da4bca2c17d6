"""Active content found by parsing a file's structure, not by searching its bytes: a byte search
misses names written with #xx escapes, objects packed into compressed object streams and XML
character references. Each function returns the reason to refuse, or None."""
import io
import xml.etree.ElementTree as ElementTree
import zipfile
from posixpath import basename, dirname, join, normpath

from flask_babel import lazy_gettext as _l

# Dictionary keys that carry a script, an embedded file or a form that runs its own code.
PDF_ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EmbeddedFile", "/EF", "/XFA",
                   "/RichMediaContent"}
# Actions (/S) that run something, fetch or send data, or open an embedded document.
PDF_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/GoToE",
                      "/RichMediaExecute", "/Rendition"}
PDF_ACTIVE_SUBTYPES = {"/FileAttachment", "/RichMedia"}
MAX_PDF_NODES = 500_000
MAX_PDF_DEPTH = 100

# Relationship types (the last segment of the type URI) that pull in code, another document or
# outside data; hyperlinks are the one external relationship a plain document needs.
MACRO_RELATIONSHIPS = {"vbaproject", "vbaprojectsignature", "wordvbadata", "keymapcustomizations"}
OUTSIDE_RELATIONSHIPS = {"attachedtemplate", "subdocument", "frame", "externallink",
                         "externallinkpath", "connections", "querytable"}
EMBEDDED_RELATIONSHIPS = {"oleobject", "package", "control", "activexcontrol",
                          "activexcontrolbinary", "afchunk"}
SAFE_EXTERNAL = {"hyperlink"}
MACRO_CONTENT_TYPES = ("macroenabled", "vbaproject", "vbadata")
EMBEDDED_CONTENT_TYPES = ("activex", "oleobject")
CHART_DATA = "package"  # a chart's own data workbook, checked as a document of its own
MAX_XML_PART_BYTES = 1024 * 1024

PDF_REFUSED = _l("PDF files with scripts, launch actions or embedded files are not accepted.")
PDF_DAMAGED = _l("The PDF file is damaged and cannot be checked; save it again as PDF.")
PDF_LOCKED = _l("Password-protected PDF files are not accepted: their content cannot be checked.")
PDF_TOO_COMPLEX = _l("The PDF file is too complex to be checked.")
MACROS = _l("Documents with macros are not accepted.")
EXTERNAL = _l("Documents that load templates, objects or data from outside are not accepted.")
EMBEDDED = _l("Documents with embedded objects or ActiveX controls are not accepted.")
DAMAGED = _l("The document is damaged and cannot be checked.")


def pdf_problem(data: bytes):
    """Open the PDF with qpdf (escapes decoded, object streams unpacked) and walk every object."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return PDF_LOCKED
    except (pikepdf.PdfError, ValueError, RuntimeError):
        return PDF_DAMAGED
    with pdf:
        budget = [MAX_PDF_NODES]
        try:
            for obj in pdf.objects:
                if _active(obj, pikepdf, budget, 0):
                    return PDF_REFUSED
        except RecursionError:
            return PDF_TOO_COMPLEX
        except (pikepdf.PdfError, ValueError, RuntimeError):
            return PDF_DAMAGED
        if budget[0] < 0:
            return PDF_TOO_COMPLEX
    return None


def _active(obj, pikepdf, budget: list[int], depth: int) -> bool:
    """True if obj or anything written inside it (not behind a reference) is active."""
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_PDF_DEPTH:
        budget[0] = -1
        return False
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        keys = set(obj.keys())
        if keys & PDF_ACTIVE_KEYS:
            return True
        if _name_in(obj.get("/S"), PDF_ACTIVE_ACTIONS, pikepdf):
            return True
        if _name_in(obj.get("/Subtype"), PDF_ACTIVE_SUBTYPES, pikepdf):
            return True
        if _name_in(obj.get("/Type"), {"/EmbeddedFile"}, pikepdf):
            return True
        children = (obj.get(key) for key in keys)
    elif isinstance(obj, pikepdf.Array):
        children = iter(obj)
    else:
        return False
    for child in children:
        nested = isinstance(child, (pikepdf.Dictionary, pikepdf.Array)) and not child.is_indirect
        if nested and _active(child, pikepdf, budget, depth + 1):
            return True
        if budget[0] < 0:
            return False
    return False


def _name_in(value, names: set[str], pikepdf) -> bool:
    return isinstance(value, pikepdf.Name) and str(value) in names


def ooxml_problem(archive: zipfile.ZipFile, *, nested: bool = False):
    """Content types, part names and every relationship of an OOXML package (DOCX, XLSX, PPTX):
    (the reason to refuse or None, the chart data workbooks inside that must be checked too)."""
    names = {entry.filename for entry in archive.infolist()}
    types = _content_types(archive)
    if types is None:
        return DAMAGED, []
    lowered_types = " ".join(types).lower()
    if any(marker in lowered_types for marker in MACRO_CONTENT_TYPES):
        return MACROS, []
    if any(marker in lowered_types for marker in EMBEDDED_CONTENT_TYPES):
        return EMBEDDED, []
    allowed_embeddings = set()
    for rels in sorted(n for n in names if n.lower().endswith(".rels")):
        relationships = _relationships(archive, rels)
        if relationships is None:
            return DAMAGED, []
        for kind, target, external in relationships:
            if external and kind not in SAFE_EXTERNAL:
                return EXTERNAL, []
            if kind == CHART_DATA and not nested and _is_chart_rels(rels) and not external:
                allowed_embeddings.add(_resolve(rels, target))
            elif kind in MACRO_RELATIONSHIPS:
                return MACROS, []
            elif kind in OUTSIDE_RELATIONSHIPS:
                return EXTERNAL, []
            elif kind in EMBEDDED_RELATIONSHIPS:
                return EMBEDDED, []
    for name in names:
        lowered = name.lower()
        if "/activex/" in lowered or ("/embeddings/" in lowered and name not in allowed_embeddings):
            return EMBEDDED, []
    if any(not name.lower().endswith(".xlsx") for name in allowed_embeddings):
        return EMBEDDED, []
    return None, sorted(allowed_embeddings & names)


def _content_types(archive: zipfile.ZipFile) -> list[str] | None:
    root = _xml(archive, "[Content_Types].xml")
    if root is None:
        return None
    return [element.get("ContentType") or "" for element in root]


def _relationships(archive: zipfile.ZipFile, name: str) -> list[tuple[str, str, bool]] | None:
    root = _xml(archive, name)
    if root is None:
        return None
    found = []
    for element in root:
        kind = (element.get("Type") or "").strip().rstrip("/").rsplit("/", 1)[-1].lower()
        mode = (element.get("TargetMode") or "").strip().lower()
        found.append((kind, element.get("Target") or "", mode == "external"))
    return found


def _xml(archive: zipfile.ZipFile, name: str):
    """A small XML part parsed without a DTD (so no entity can expand), or None."""
    try:
        with archive.open(name) as handle:
            data = handle.read(MAX_XML_PART_BYTES + 1)
    except (KeyError, zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError):
        return None
    if len(data) > MAX_XML_PART_BYTES or b"<!DOCTYPE" in data.upper():
        return None
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None


def _is_chart_rels(rels: str) -> bool:
    return basename(dirname(dirname(rels))) == "charts"


def _resolve(rels: str, target: str) -> str:
    """The part a relationship points at: relative to the folder of its source part."""
    if target.startswith("/"):
        return normpath(target.lstrip("/"))
    return normpath(join(dirname(dirname(rels)), target))

