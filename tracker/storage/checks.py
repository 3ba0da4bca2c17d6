"""What an uploaded file must be before it is stored: a clean name, an allowed type, content
that matches the extension, nothing active inside, a bounded size."""
import io
import unicodedata
import zipfile
from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l

from tracker.errors import DomainError
from tracker.storage import active_content

ALLOWED_EXTENSIONS = ("pdf", "docx", "xlsx", "odt", "jpg", "jpeg", "png")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
}
# What the package itself must declare, read from [Content_Types].xml or the ODF mimetype entry.
PACKAGE_MARKERS = {
    "docx": b"wordprocessingml.document.main+xml",
    "xlsx": b"spreadsheetml.sheet.main+xml",
    "odt": b"application/vnd.oasis.opendocument.text",
}
# An inner extension that makes «приказ.exe.pdf» suspicious enough to refuse.
DANGEROUS_INNER = {"exe", "com", "bat", "cmd", "scr", "pif", "msi", "dll", "js", "jse", "vbs",
                   "vbe", "wsf", "ps1", "sh", "php", "phtml", "html", "htm", "xhtml", "svg",
                   "jar", "hta", "lnk", "docm", "xlsm", "dotm", "xltm", "pptm", "reg"}
MACRO_MARKERS = (b"macroEnabled", b"vbaProject", b"vbaData")
PDF_ACTIVE = (b"/JavaScript", b"/Launch", b"/EmbeddedFile")

# Unicode categories removed from file names: controls, format characters (bidirectional
# overrides and isolates, zero-width marks), line and paragraph separators.
INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}
MAX_NAME_LENGTH = 200
MAX_ZIP_ENTRIES = 1000
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_MANIFEST_BYTES = 1024 * 1024


class UploadRejected(DomainError):
    message = _l("The file was not accepted.")


@dataclass(frozen=True)
class CheckedFile:
    original_name: str
    extension: str
    data: bytes


def max_file_bytes() -> int:
    config = current_app.config
    return int(config.get("UPLOAD_MAX_BYTES") or config["MAX_CONTENT_LENGTH"])


def visible_name(name: str) -> str:
    """The name without control and format characters: a right-to-left override or a zero-width
    mark would make «отчёт\u202egpj.exe» read as another name than it is."""
    return "".join(ch for ch in name or "" if unicodedata.category(ch) not in INVISIBLE)


def clean_name(raw: str | None) -> tuple[str, str]:
    """The display name and the lower-case extension, or UploadRejected for a hostile name."""
    if "\x00" in (raw or ""):  # a truncation attempt, not a typing accident
        raise UploadRejected(_l("The file name contains control characters."))
    name = visible_name(unicodedata.normalize("NFC", raw or "")).strip()
    if not name:
        raise UploadRejected(_l("The file has no name."))
    if "/" in name or "\\" in name or name.startswith(".") or ".." in name:
        raise UploadRejected(_l("The file name must not contain a path."))
    if len(name) > MAX_NAME_LENGTH:
        raise UploadRejected(_l("The file name is too long."))
    stem, dot, extension = name.rpartition(".")
    extension = extension.lower()
    if not dot or not stem or extension not in ALLOWED_EXTENSIONS:
        raise UploadRejected(_l("Files of this type are not accepted. Allowed: %(list)s.",
                                list="PDF, DOCX, XLSX, ODT, JPG, PNG"))
    inner = {part.strip().lower() for part in stem.split(".")[1:]}
    if inner & DANGEROUS_INNER:
        raise UploadRejected(_l("The file name has a double extension."))
    return name, extension


def check(filename: str | None, data: bytes) -> CheckedFile:
    """Refuse anything that is not what its name says, or is too big, empty or active."""
    name, extension = clean_name(filename)
    if not data:
        raise UploadRejected(_l("The file is empty."))
    if len(data) > max_file_bytes():
        raise UploadRejected(_l("The file is too large."))
    if extension == "pdf":
        _check_pdf(data)
    elif extension in ("jpg", "jpeg"):
        _require(data.startswith(b"\xff\xd8\xff"), extension)
    elif extension == "png":
        _require(data.startswith(b"\x89PNG\r\n\x1a\n"), extension)
    else:
        _check_package(data, extension)
    return CheckedFile(original_name=name, extension=extension, data=data)


def _require(condition: bool, extension: str) -> None:
    if not condition:
        raise UploadRejected(_l("The content of the file does not match its extension (%(ext)s).",
                                ext=extension.upper()))


def _check_pdf(data: bytes) -> None:
    _require(data.startswith(b"%PDF-"), "pdf")
    if any(marker in data for marker in PDF_ACTIVE):
        raise UploadRejected(active_content.PDF_REFUSED)
    problem = active_content.pdf_problem(data)
    if problem:
        raise UploadRejected(problem)


def _check_package(data: bytes, extension: str, *, nested: bool = False) -> None:
    """OOXML/ODF: a zip whose entry count and unpacked size are bounded before anything is read,
    then its structure: macros, embedded objects and outside references are refused."""
    _require(data.startswith(b"PK\x03\x04"), extension)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        _require(False, extension)
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise UploadRejected(_l("The document has too many parts."))
        unpacked = sum(entry.file_size for entry in entries)
        packed = max(sum(entry.compress_size for entry in entries), 1)
        if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_COMPRESSION_RATIO:
            raise UploadRejected(_l("The document unpacks to an unreasonable size."))
        names = {entry.filename for entry in entries}
        if any(_is_macro_part(n) for n in names):
            raise UploadRejected(active_content.MACROS)
        manifest = "mimetype" if extension == "odt" else "[Content_Types].xml"
        _require(manifest in names, extension)
        try:
            with archive.open(manifest) as handle:
                declared = handle.read(MAX_MANIFEST_BYTES)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError):
            _require(False, extension)
        if any(marker in declared for marker in MACRO_MARKERS):
            raise UploadRejected(active_content.MACROS)
        _require(PACKAGE_MARKERS[extension] in declared, extension)
        if extension == "odt":
            return
        problem, workbooks = active_content.ooxml_problem(archive, nested=nested)
        if problem:
            raise UploadRejected(problem)
        try:
            inner = [archive.read(name) for name in workbooks]
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError):
            raise UploadRejected(active_content.DAMAGED) from None
    for workbook in inner:  # a chart's data: a plain workbook itself, with nothing embedded
        try:
            _check_package(workbook, "xlsx", nested=True)
        except UploadRejected as error:
            raise UploadRejected(active_content.EMBEDDED) from error


def _is_macro_part(name: str) -> bool:
    lowered = name.lower()
    return (lowered.endswith("vbaproject.bin") or lowered.endswith("vbadata.xml")
            or lowered.startswith("basic/") or lowered.startswith("scripts/"))
