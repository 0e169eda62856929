"""Bytes that are not UTF-8: Western text stays cp1252 (as before); text in another script's
legacy encoding is found by charset-normalizer instead of read as cp1252 mojibake."""

from __future__ import annotations

import pytest

from pipeline.io.decoding import decode_bytes, decode_legacy
from pipeline.io.reading import read_inputs

RUSSIAN = "Президент России Владимир Путин встретился с председателем КНР Си Цзиньпином в Москве. "
GREEK = "Ο πρωθυπουργός της Ελλάδας συναντήθηκε με τον πρόεδρο της Κίνας στην Αθήνα. "
CHINESE = "中国国家主席习近平在莫斯科会见俄罗斯总统普京。双方讨论了合作。"
JAPANESE = "日本の首相は北京で中国の国家主席と会談した。両国は協力について話し合った。"
WESTERN = {
    "english-quote-marks": "Xi’s visit — “a success”, officials said.",
    "french": "Le président Macron a rencontré M. Xi à Pékin, où ils ont évoqué « la coopération ».",
    "german": "Der Außenminister traf sich mit dem französischen Präsidenten in München.",
    "spanish": "El presidente español se reunió con el ministro en Madrid, según fuentes.",
}


@pytest.mark.parametrize("text", list(WESTERN.values()), ids=list(WESTERN))
def test_western_text_stays_cp1252(text):
    assert decode_legacy(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize(
    "text, encoding, found",
    [
        (RUSSIAN * 2, "koi8_r", "koi8_r"),
        (RUSSIAN * 2, "cp1251", "cp1251"),
        (GREEK * 2, "cp1253", "cp1253"),
        (CHINESE * 2, "gbk", "gb18030"),
        (JAPANESE * 2, "shift_jis", "cp932"),
    ],
    ids=["cyrillic-koi8-r", "cyrillic-cp1251", "greek-cp1253", "chinese-gbk", "japanese-shift-jis"],
)
def test_another_scripts_legacy_encoding_is_detected(text, encoding, found):
    assert decode_legacy(text.encode(encoding)) == (text, found)


def test_the_warning_names_the_encoding_used(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes((RUSSIAN * 2).encode("koi8_r"))
    (article,) = read_inputs([str(path)])
    assert article.text == RUSSIAN * 2
    assert (
        "ru.txt: line 1: invalid UTF-8" in article.warnings[0] and "decoded as koi8_r" in article.warnings[0]
    )


def test_a_jsonl_line_in_a_legacy_encoding_is_decoded_on_its_own(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        b'{"id": "en", "text": "Caf\xe9 talks."}\n'
        + f'{{"id": "ru", "text": "{RUSSIAN * 2}"}}\n'.encode("cp1251")
    )
    en, ru = read_inputs([str(path)])
    assert en.text == "Café talks." and "decoded as cp1252" in en.warnings[0]
    assert ru.text == RUSSIAN * 2 and "decoded as cp1251" in ru.warnings[0]


def test_decode_bytes_keeps_its_cp1252_warning():
    text, warnings = decode_bytes(b"caf\xe9", "a.txt")
    assert text == "café" and warnings == [
        "a.txt: line 1: invalid UTF-8 (byte 0xe9 at offset 3); decoded as cp1252"
    ]
