#!/usr/bin/env python3
"""Writes the encoding fixtures and manifest.tsv beside this script.

Each fixture is a two-item RSS feed whose first item's title is a known text encoded with
Python's own codecs (independent of the code under test); manifest.tsv says, per file, the
Content-Type it is served with ("-": none) and the title a reader must find. The second item
("After") checks that nothing in the first ended the document.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# name, codec for the bytes, BOM bytes, XML declaration's encoding (None: no declaration),
# HTTP Content-Type (None: none), the title as text, the title as bytes when the codec
# cannot say it (undefined windows-1252 bytes), and the title expected.
CASES = [
    ("utf8-bom-decl-latin1", "utf-8", b"\xef\xbb\xbf", "ISO-8859-1", None, "Caf\u00e9 \u2014 \u2018BOM\u2019 wins"),
    ("utf8-bom-http-latin1", "utf-8", b"\xef\xbb\xbf", None, "text/xml; charset=iso-8859-1", "Caf\u00e9 \u2014 \u2018BOM\u2019 wins"),
    ("utf16le-bom", "utf-16-le", b"\xff\xfe", "UTF-16", None, "Gr\u00fc\u00dfe aus K\u00f6ln \u2615"),
    ("utf16be-bom", "utf-16-be", b"\xfe\xff", "UTF-16", None, "Gr\u00fc\u00dfe aus K\u00f6ln \u2615"),
    ("utf16le-nobom", "utf-16-le", b"", "UTF-16LE", None, "Gr\u00fc\u00dfe aus K\u00f6ln \u2615"),
    ("utf16be-nobom", "utf-16-be", b"", "UTF-16BE", None, "Gr\u00fc\u00dfe aus K\u00f6ln \u2615"),
    ("utf16le-nobom-nodecl", "utf-16-le", b"", None, None, "Gr\u00fc\u00dfe aus K\u00f6ln \u2615"),
    ("utf32le-bom", "utf-32-le", b"\xff\xfe\x00\x00", "UTF-32", None, "\U0001F4F0 Nachrichten"),
    ("utf32be-nobom", "utf-32-be", b"", "UTF-32BE", None, "\U0001F4F0 Nachrichten"),
    ("http-over-decl-cp1251", "cp1251", b"", "ISO-8859-1", "application/rss+xml; charset=windows-1251", "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f"),
    ("http-koi8r-nodecl", "koi8_r", b"", None, "text/xml; charset=\"KOI8-R\"", "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440"),
    ("http-utf8-over-decl-latin1", "utf-8", b"", "ISO-8859-1", "application/xml; charset=utf-8", "Caf\u00e9 cr\u00e8me"),
    ("http-ascii-utf8-bytes", "utf-8", b"", None, "text/xml; charset=us-ascii", "Caf\u00e9 cr\u00e8me"),
    ("decl-latin9", "iso8859_15", b"", "ISO-8859-15", None, "Prix : 5 \u20ac, \u0153uvre"),
    ("decl-shift-jis", "shift_jis", b"", "Shift_JIS", None, "\u65e5\u672c\u8a9e\u306e\u30cb\u30e5\u30fc\u30b9"),
    ("decl-gb2312", "gb2312", b"", "GB2312", None, "\u4e2d\u6587\u65b0\u95fb"),
    ("decl-utf16-bytes-utf8", "utf-8", b"", "UTF-16", None, "na\u00efve caf\u00e9"),
    ("unknown-decl-utf8", "utf-8", b"", "x-no-such-charset", None, "\u00dcberraschung"),
    ("unknown-decl-cp1252", "cp1252", b"", "x-no-such-charset", None, "It\u2019s \u201csmart\u201d \u2013 quotes"),
    ("unknown-http-decl-latin2", "iso8859_2", b"", "ISO-8859-2", "text/xml; charset=no-such-thing", "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144"),
    ("latin1-c1-bytes", "cp1252", b"", "ISO-8859-1", None, "It\u2019s \u201csmart\u201d \u2013 quotes\u2026"),
    ("nodecl-cp1252", "cp1252", b"", None, None, "\u00c7a co\u00fbte 5 \u20ac"),
    ("cp1252-undefined-bytes", "cp1252", b"", "windows-1252", None, None),
]

# 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in windows-1252: each reads as U+FFFD.
UNDEFINED_TITLE = b"a\x81b\x8dc\x8fd\x90e\x9df \x93q\x94"
UNDEFINED_EXPECTED = "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf \u201cq\u201d"


def document(name, decl):
    head = '<?xml version="1.0" encoding="%s"?>\n' % decl if decl else ""
    return (head + '<rss version="2.0"><channel><title>Encodings</title>'
            '<link>http://enc.example/</link>\n'
            '<item><title>@TITLE@</title><link>http://enc.example/%s</link></item>\n'
            '<item><title>After</title><link>http://enc.example/%s/after</link></item>\n'
            '</channel></rss>\n' % (name, name))


def main():
    lines = ["# file\tcontent-type\texpected first title (UTF-8); made by make.py"]
    for name, codec, bom, decl, ctype, title in CASES:
        text = document(name, decl)
        before, after = text.split("@TITLE@")
        if title is None:
            body = before.encode(codec) + UNDEFINED_TITLE + after.encode(codec)
            expected = UNDEFINED_EXPECTED
        else:
            body = (before + title + after).encode(codec)
            expected = title
        with open(os.path.join(HERE, name + ".xml"), "wb") as f:
            f.write(bom + body)
        lines.append("%s.xml\t%s\t%s" % (name, ctype or "-", expected))
    with open(os.path.join(HERE, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
