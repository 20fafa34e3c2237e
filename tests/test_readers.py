"""Readers: every format and encoding gives the right text and metadata, or a one-line ReadError."""

from __future__ import annotations

import os
import random

import pytest

from pledgewatch.io.readers import (
    ReadError,
    decode_text,
    join_pages,
    read_document,
    split_front_matter,
)

PLEDGE = "The Ministry of Education will build 40 new schools by December 2026."


def _blank_pdf(path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.write(str(path))


def text_pdf_bytes(lines: list[str], title: str = "Pledge") -> bytes:
    """A minimal one-page PDF with a real text layer (Helvetica, one line per entry)."""
    return pages_pdf_bytes([lines], title)


def pages_pdf_bytes(pages: list[list[str]], title: str = "Pledge") -> bytes:
    """A minimal PDF with one page per entry of ``pages``, each with a real text layer (one line per entry)."""
    n = len(pages)
    font, info = 3 + 2 * n, 4 + 2 * n
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * k} 0 R' for k in range(n))}] /Count {n} >>",
    ]
    for k, lines in enumerate(pages):
        content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * k} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    objects += [
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title}) /CreationDate (D:20240305120000Z) >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8", "Le ministère s’engage à construire 40 écoles d’ici 2026."),
        ("utf-8-sig", "Le ministère s’engage à construire 40 écoles d’ici 2026."),
        ("utf-16", "The Ministry — “we will build 40 schools” — by 2026."),
        ("latin-1", "El Gobierno se compromete a construir 40 escuelas en España antes de 2026."),
        ("latin-1", "Le ministère de l'Éducation s'engage à construire 40 écoles d'ici décembre 2026."),
        ("cp1252", "The Ministry’s plan – announced on Tuesday – will deliver 40 schools by 2026."),
        ("cp1251", "Министерство обязуется построить 40 школ к декабрю 2026 года, заявил министр."),
    ],
)
def test_decode_text_round_trips(encoding, text):
    decoded, _ = decode_text(text.encode(encoding))
    assert decoded == text


def test_decode_normalises_line_ends_and_bom():
    assert decode_text(b"\xef\xbb\xbfone\r\ntwo\rthree") == ("one\ntwo\nthree", "utf-8")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes_are_not_text(seed):
    rng = random.Random(seed)
    with pytest.raises(ReadError, match="^not text"):
        decode_text(bytes(rng.randint(0, 255) for _ in range(4000)))


def test_binary_with_nul_bytes_is_not_text():
    with pytest.raises(ReadError, match=r"^not text \(binary data\)$"):
        decode_text(bytes(range(256)) * 20)


def test_txt_empty_and_whitespace(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n\t")
    assert read_document(tmp_path / "empty.txt").text == ""
    assert read_document(tmp_path / "blank.txt").text.strip() == ""


def test_markdown_front_matter_stripped(tmp_path):
    path = tmp_path / "statement.md"
    path.write_text(f'---\ntitle: "Pledge day"\ndate: 2024-03-05\ntags:\n  - a\n---\n# Heading\n\n{PLEDGE}\n')
    result = read_document(path)
    assert result.title == "Pledge day"
    assert result.date == "2024-03-05"
    assert result.text == f"# Heading\n\n{PLEDGE}\n"
    start = result.text.index("Ministry")
    assert result.text[start : start + 8] == "Ministry"


def test_markdown_without_front_matter_is_unchanged():
    assert split_front_matter("# Title\n---\nbody") == ({}, "# Title\n---\nbody")


def test_html_main_text_title_and_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Ministry pledges schools</title>"
        "<meta property='article:published_time' content='2024-03-05T10:00:00Z'>"
        "<style>p { color: red }</style><script>var tracking = 'SCRIPT TEXT';</script></head>"
        "<body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article>"
        f"<h1>Ministry pledges schools</h1><p>{PLEDGE}</p>"
        "<p>The government also committed to hire 2,000 teachers within two years.</p>"
        "<script>alert('SCRIPT TEXT')</script></article><footer>Copyright FOOTER</footer></body></html>"
    )
    result = read_document(path)
    assert PLEDGE in result.text
    assert "SCRIPT TEXT" not in result.text and "color" not in result.text
    assert "FOOTER" not in result.text
    assert result.title == "Ministry pledges schools"
    assert result.date == "2024-03-05"
    assert result.warning is None


def test_html_ten_thousand_nested_elements(tmp_path):
    path = tmp_path / "deep.htm"
    path.write_text(
        "<html><head><title>Deep</title><script>var x = 'SCRIPT TEXT';</script>"
        "<meta name='date' content='2024-03-05'></head><body><nav>Home | About</nav>"
        + "<div>" * 10_000
        + f"<p>{PLEDGE}</p>"
        + "</div>" * 10_000
        + "</body></html>"
    )
    result = read_document(path)
    assert result.text == PLEDGE
    assert result.title == "Deep" and result.date == "2024-03-05"
    assert "streaming extractor" in result.warning


def test_html_in_legacy_encoding_with_meta_charset(tmp_path):
    path = tmp_path / "legacy.html"
    body = "<p>El Gobierno se compromete a construir 40 escuelas en España antes de diciembre de 2026.</p>" * 3
    path.write_bytes(
        f"<html><head><meta charset='iso-8859-1'><title>España</title></head><body><article>{body}"
        "</article></body></html>".encode("latin-1")
    )
    result = read_document(path)
    assert "España" in result.text


def test_pdf_text_layer_title_and_date(tmp_path):
    path = tmp_path / "statement.pdf"
    path.write_bytes(text_pdf_bytes([PLEDGE, "It also commits to hire 2,000 teachers."]))
    result = read_document(path)
    assert result.text == f"{PLEDGE}\nIt also commits to hire 2,000 teachers."
    assert result.title == "Pledge" and result.date == "2024-03-05"


def test_pdf_pages_lose_running_heads_and_keep_sentences_whole(tmp_path):
    head = "Fact Sheet: United States-Japan Agreement"
    path = tmp_path / "fact-sheet.pdf"
    path.write_bytes(pages_pdf_bytes([
        [head, "The United States will suspend the tariffs announced on 9 October", "Page 1 of 3"],
        [head, "until 10 November 2026.", "Japan will purchase more soybeans.", "Page 2 of 3"],
        [head, "Japan will open its rice market.", "Page 3 of 3"],
    ]))
    text = read_document(path).text
    assert text == (f"{head}\nThe United States will suspend the tariffs announced on 9 October\nuntil 10 November "
                    "2026.\nJapan will purchase more soybeans.\n\nJapan will open its rice market.")


@pytest.mark.parametrize(
    "pages, text",
    [
        # a page number alone on a line, at the foot or the head, is dropped
        (["The Parties shall meet annually.\n\n- 1 -", "3\nEach Party shall notify the other."],
         "The Parties shall meet annually.\n\nEach Party shall notify the other."),
        # a line that recurs on one page only is text, not a running head
        (["Joint Statement\nThe two sides agreed to meet.", "The two sides will\nhold talks in May."],
         "Joint Statement\nThe two sides agreed to meet.\n\nThe two sides will\nhold talks in May."),
        # a recurring foot with its own page number, on most pages
        (["We will cut the deficit\nMinistry of Finance | 1", "by 2027.\nMinistry of Finance | 2",
          "We will publish the data.\nMinistry of Finance | 3"],
         "We will cut the deficit\nby 2027.\n\nWe will publish the data."),
        # blank pages vanish
        (["We will act.", "\n\n", "They will too."], "We will act.\n\nThey will too."),
    ],
)
def test_join_pages(pages, text):
    assert join_pages(pages) == text


def test_pdf_ligatures_are_spelled_out():
    assert join_pages(["The Ministry will pub\u00adlish its \ufb01nancial \ufb02ows."]) == \
        "The Ministry will publish its financial flows."


def test_pdf_without_text_layer(tmp_path):
    _blank_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ReadError, match="^no text layer$"):
        read_document(tmp_path / "scan.pdf")


def test_truncated_pdf(tmp_path):
    data = text_pdf_bytes([PLEDGE])
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="^truncated PDF"):
        read_document(tmp_path / "cut.pdf")


def test_pdf_suffix_on_other_bytes(tmp_path):
    (tmp_path / "fake.pdf").write_text("not a pdf at all")
    with pytest.raises(ReadError, match="^not a PDF"):
        read_document(tmp_path / "fake.pdf")


def test_unsupported_suffix(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(ReadError, match="unsupported file type '.png'"):
        read_document(tmp_path / "image.png")


def test_os_failures_are_one_line(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "l1.txt").symlink_to(tmp_path / "l2.txt")
    (tmp_path / "l2.txt").symlink_to(tmp_path / "l1.txt")
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(ReadError, match="broken symlink"):
        read_document(tmp_path / "dangling.txt")
    with pytest.raises(ReadError, match="^symlink loop$"):
        read_document(tmp_path / "l1.txt")
    with pytest.raises(ReadError, match="^is a directory$"):
        read_document(tmp_path / "folder.txt")


def test_permission_denied(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(PLEDGE)
    path.chmod(0)
    try:
        if os.geteuid() == 0:
            # root reads mode-000 files, so the honest expectation is success; the
            # error path is covered by the dangling-symlink and directory cases above.
            assert read_document(path).text == PLEDGE
        else:
            with pytest.raises(ReadError, match="^permission denied$"):
                read_document(path)
    finally:
        path.chmod(0o644)


def test_name_with_spaces_and_non_ascii(tmp_path):
    path = tmp_path / "Déclaration du ministère 2024.txt"
    path.write_text(PLEDGE, encoding="utf-8")
    assert read_document(path).text == PLEDGE
