"""The content of a seed-format text file as an OpenDocument text (.odt), for the
benchmark that compares ``itadesk typeset`` with LibreOffice converting the same
content to PDF (``soffice --headless --convert-to pdf``).

The same reading of the file as ``itadesk typeset`` (``pdf.typeset._blocks``):
paragraphs, ``#`` headings, ``**bold**``, tables whose cells hold ``<p>``/``<li>``/
``<br>``; A4 with the memo's margins, Sarabun 11 pt, Thai distributed
justification, tables of six or more columns on landscape pages — so both
programs lay out the same text on the same pages.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from .pdf.typeset import _blocks, cell_paragraphs, inline_runs

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3"')

_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {_NS}>
<office:font-face-decls><style:font-face style:name="Sarabun" svg:font-family="Sarabun"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:text-align="justify" style:justify-single-word="false"/>
<style:text-properties style:font-name="Sarabun" fo:font-size="11pt" style:font-name-complex="Sarabun"
 style:font-size-complex="11pt" fo:language="th" fo:country="TH" style:language-complex="th" style:country-complex="TH"/>
</style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-left="3cm" fo:margin-right="2cm" fo:margin-top="2.5cm" fo:margin-bottom="2cm"/></style:page-layout>
<style:page-layout style:name="pm2"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm"
 style:print-orientation="landscape" fo:margin-left="2cm" fo:margin-right="2cm" fo:margin-top="2cm" fo:margin-bottom="1.8cm"/>
</style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1"/>
<style:master-page style:name="Landscape" style:page-layout-name="pm2"/>
</office:master-styles>
</office:document-styles>"""

_AUTO = """<office:automatic-styles>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="1.25cm" fo:margin-bottom="4pt"
 fo:text-align="justify"/></style:style>
<style:style style:name="Cell" style:family="paragraph"><style:text-properties fo:font-size="10pt" style:font-size-complex="10pt"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:keep-with-next="always"/>
<style:text-properties fo:font-size="15pt" fo:font-weight="bold" style:font-size-complex="15pt" style:font-weight-complex="bold"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
<style:style style:name="Wide" style:family="paragraph" style:master-page-name="Landscape"/>
<style:style style:name="Tall" style:family="paragraph" style:master-page-name="Standard"/>
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
</office:automatic-styles>"""


def _runs(text: str) -> str:
    out = []
    for run in inline_runs(text):
        body = escape(run.text).replace("\n", "<text:line-break/>")
        out.append(f'<text:span text:style-name="B">{body}</text:span>' if run.bold else body)
    return "".join(out)


def _table(rows: list[list[str]]) -> str:
    ncols = max(len(r) for r in rows)
    parts = [f'<table:table table:name="T"><table:table-column table:number-columns-repeated="{ncols}"/>',
             "<table:table-header-rows>"]
    for i, row in enumerate(rows):
        parts.append("<table:table-row>")
        for cell in row + [""] * (ncols - len(row)):
            paras = "".join(f'<text:p text:style-name="Cell">{"• " if kind == "li" else ""}{_runs(t)}</text:p>'
                            for kind, t in cell_paragraphs(cell)) or '<text:p text:style-name="Cell"/>'
            parts.append(f'<table:table-cell table:style-name="C" office:value-type="string">{paras}</table:table-cell>')
        parts.append("</table:table-row>")
        if i == 0:
            parts.append("</table:table-header-rows>")
    parts.append("</table:table>")
    return "".join(parts)


def content_xml(source: str) -> str:
    body, landscape = [], False
    for kind, data in _blocks(source):
        if kind == "para":
            text = "\n".join(ln.strip() for ln in data)
            heading = re.match(r"^(#{1,6})\s+(.*)$", text)
            if heading and len(data) == 1:
                body.append(f'<text:p text:style-name="H">{_runs(heading.group(2))}</text:p>')
            else:
                body.append(f'<text:p text:style-name="Body">{_runs(text)}</text:p>')
            continue
        wide = max(len(r) for r in data) >= 6
        if wide != landscape:  # a paragraph carrying the page style starts the new orientation
            body.append(f'<text:p text:style-name="{"Wide" if wide else "Tall"}"/>')
            landscape = wide
        body.append(_table(data))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS}>{_AUTO}'
            f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')


def write_odt(source: Path, target: Path) -> Path:
    """``source`` (seed format, UTF-8) written as ``target`` (.odt)."""
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(target, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # first, stored
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("styles.xml", _STYLES, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content_xml(Path(source).read_text(encoding="utf-8")), compress_type=zipfile.ZIP_DEFLATED)
    return Path(target)
