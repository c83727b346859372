"""Read a PDF printed by Chromium (`page.pdf()`): its page count and its text, with no PDF library.

Chromium's PDFs (Skia) are simple: each page has one Flate-compressed content stream; text is drawn with
`<hex glyph ids> Tj` in Type0 fonts whose /ToUnicode CMap maps glyph ids to characters. That is all this
reads; it is not a general PDF parser. Each BT...ET text block becomes one line of the result.
"""
from __future__ import annotations

import re
import zlib

OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in OBJECT.finditer(pdf)}


def _stream(body: bytes) -> bytes:
    match = STREAM.search(body)
    if not match:
        return b""
    data = match.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in body[:match.start()] else data


def _cmap(text: bytes) -> dict[int, str]:
    """A ToUnicode CMap: glyph id -> characters (bfchar and bfrange entries)."""
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = bytes.fromhex(dst.decode()).decode("utf-16-be")
            for i, gid in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[gid] = first[:-1] + chr(ord(first[-1]) + i)
    return out


def _ref(body: bytes, key: bytes) -> int | None:
    match = re.search(rb"/" + key + rb"\s+(\d+) 0 R", body)
    return int(match.group(1)) if match else None


def pages(pdf: bytes) -> list[str]:
    """The text of each page, in order."""
    objects = _objects(pdf)
    cmaps: dict[int, dict[int, str]] = {}

    def font_map(font_obj: int) -> dict[int, str]:
        if font_obj not in cmaps:
            ref = _ref(objects.get(font_obj, b""), b"ToUnicode")
            cmaps[font_obj] = _cmap(_stream(objects[ref])) if ref else {}
        return cmaps[font_obj]

    # pages in document order: follow /Kids from the root /Pages
    def walk(obj: int) -> list[int]:
        body = objects[obj]
        if re.search(rb"/Type\s*/Pages\b", body):
            kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body).group(1)
            return [p for k in re.findall(rb"(\d+) 0 R", kids) for p in walk(int(k))]
        return [obj]

    catalog = next(b for b in objects.values() if re.search(rb"/Type\s*/Catalog", b))
    result = []
    for page in walk(_ref(catalog, b"Pages")):
        body = objects[page]
        fonts_match = re.search(rb"/Font\s*<<(.*?)>>", body, re.S)
        fonts = {name.decode(): int(num) for name, num in re.findall(rb"/(\w+)\s+(\d+) 0 R", fonts_match.group(1))} \
            if fonts_match else {}
        content = _stream(objects[_ref(body, b"Contents")])
        lines, current, glyphs = [], "", {}
        for token in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\bET\b", content):
            if token.group(1):
                glyphs = font_map(fonts.get(token.group(1).decode(), -1))
            elif token.group(2) is not None:
                hexes = token.group(2).decode()
                current += "".join(glyphs.get(int(hexes[i:i + 4], 16), "") for i in range(0, len(hexes), 4))
            else:
                lines.append(current)
                current = ""
        result.append("\n".join(line for line in lines if line.strip()))
    return result


def text(pdf: bytes) -> str:
    return "\n".join(pages(pdf))


def squashed(value: str) -> str:
    """Text without any white space, to find a sentence however the printer broke its lines."""
    return re.sub(r"\s+", "", value)
