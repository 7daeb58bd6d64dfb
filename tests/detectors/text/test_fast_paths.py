"""The detector's speed-ups must not change what it computes.

Each rewritten regular expression is checked against the plain form it replaced, and the
batch feature builder against the training path (``analyze`` + ``transform``).
"""

import random
import re

import numpy as np
import pytest

from canhgiac.detectors.text import features, links, normalize, signals
from canhgiac.detectors.text.classifier import load_text_classifier
from canhgiac.detectors.text.corpus import load_seed_corpus
from canhgiac.detectors.text.features import analyze

# Hand-made strings around the edges the rewrites move: starts and ends of the text, digits
# next to letters, "+", dots and commas, underscores, capitals, links, repeated letters.
TRICKY = [
    "",
    "0",
    "84",
    "+84",
    "0912345678",
    "+84912345678",
    "84 912 345 678",
    "a0912345678",
    "x+84912345678",
    "1+84912345678",
    "so 0912.345.678, goi ngay",
    "so 091-234-5678 hoac 1900 1234 hoac 18001090",
    "a1800 1234 b",
    "stk 0011 0040 0124 5 vcb",
    "stk 1234567890123456789012",
    "tk 1 234 567 890, 9-8-7-6-5-4-3-2-1 va 1.2.3.4.5.6.7.8.9.",
    ".123456789",
    ",123456789.",
    "123,456,789 vnd",
    "1.500.000d 2tr 300k 5 trieu 10usdt 1,5ty",
    "ma 4821 hoac 12345678 hoac 123456789",
    "abc123456 x_1234 _123456",
    "GlAY T0 UyTlN l lA Al l",
    "HeLLo lL Ll aLb Ul",
    "l.u.a d-a-o o*t*p v_a_y l'u'a",
    "ta.i kh.oan shopee.vn a.b",
    "v a y t i e n ngay a b c d",
    "xv a y t",
    "v1p l0gin nh@n ch0 s0 qu@ a$b",
    "gaaap lammm nhanhhhh",
    "https://vietcombank-xacminh.xyz/login?id=1 va www.abc.vn, (bit.ly/xY1z).",
    "http://1.2.3.4:8080/a.apk tai app.apk",
    "x.y.z..a. .b. c.d",
    "ko dc j tk ck .ko ko. _ko ko_ kob",
    "tai khoan se bi khoa vinh vien, xbi khoa, bi khoa hoc, toan bo danh ba, tat ca danh ba",
    "gui anh len facebook, gui ho so cho nguoi than, qua han 3 ngay, khoa 2 chieu, tuoctuoc",
    "chuyen khoan gap trong 24h, truoc 17h, trong vong 2 tieng, khan cap, khanh, xkhan",
    "nap tien, nop phi ho so, dat coc, chuyen coc, thanh toan truoc, dung noi voi nguoi than",
    "khong noi voi ai, giu bi mat, bi mat dieu tra, khong duoc tiet lo",
    "xnap tien xdat coc xchuyen khoan xgiu bi mat xkhong noi voi ai xdung bao ai",
]


def _sample_texts() -> list[str]:
    corpus = [row.text for row in load_seed_corpus()]
    texts = random.Random(11).sample(corpus, 600)
    folded = [normalize.normalize(t).folded for t in texts]
    return TRICKY + texts + folded + [t.upper() for t in TRICKY] + [t.lower() for t in texts]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


# (rewritten pattern, the plain form it stands for, compare matches or only "any match")
REWRITES = [
    (features._PHONE, r"(?<![\d+])(?:\+?84|0)[ .\-]?\d{2,3}(?:[ .\-]?\d){6,7}(?!\d)", True),
    (features._HOTLINE, r"\b1[89]00[ .]?\d{3,4}[ .]?\d{0,4}\b", True),
    (
        features._MONEY,
        r"\b\d{1,3}(?:[.,]\d{3})+ ?(?:vnd|d|dong)?\b"
        r"|\b\d+(?:[.,]\d+)? ?(?:k|tr|trieu|ty|ti|usdt|usd|vnd|d|dong)\b",
        True,
    ),
    (features._LONG_DIGITS, r"\b\d(?:[ .\-]?\d){7,18}\b", True),
    (features._CODE, r"\b\d{4,8}\b", True),
    (features._DOT_IN_WORD, r"[a-z0-9]\.[a-z]", False),
    (normalize._L_FOR_I, r"(?<=[A-Z])l(?=[A-Z]|\b)|\bl(?=[A-Z]{2})", True),
    (normalize._SPLIT_HINT, r"[a-z][.\-_*·•'][a-z][.\-_*·•'][a-z]", False),
    (normalize._DOTTED_HINT, r"[a-z]\.[a-z]", False),
    (normalize._SPACED_HINT, r"\b[a-z] [a-z] [a-z] [a-z]\b", False),
    (normalize._LEET_HINT, r"[a-z][013457$@]", False),
    (
        normalize._TEEN_RE,
        r"(?<![\w.])(" + "|".join(re.escape(k) for k in normalize.TEEN_CODE) + r")(?![\w])",
        True,
    ),
    (links._HAS_DIGITS, r"\d{3}", False),
    (links._DOT_IN_WORD, r"[A-Za-z0-9]\.[A-Za-z0-9]", False),
    (links._MOBILE, r"(?<![\d+])(?:\+?84|0)[ .\-]?[35789]\d(?:[ .\-]?\d){7}(?!\d)", True),
    (signals._P_ACCOUNT_NUMBER, r"(?<![\d+.,])(?:\d[ .-]?){8,18}\d(?![\d.,])", True),
    (
        signals._P_URGENCY,
        r"\b(?:can gap|chuyen gap|rat gap|gap lam|khan(?: cap)?|ngay lap tuc|ngay hom nay|"
        r"trong (?:vong )?\d+ ?(?:h|gio|phut|tieng)\b|truoc \d{1,2} ?(?:h|gio)|"
        r"han (?:chot|cuoi)|het han|cham nhat|trong ngay|som nhat|nhanh tay|chi con|sap bi|se bi)",
        True,
    ),
    (
        signals._P_THREAT,
        r"\b(?:khoa (?:vinh vien|tai khoan|the|sim)|bi khoa(?! hoc)|tam khoa|dong bang|phong toa|"
        r"bat giu|lenh bat|khoi to|truy cuu|truy na|trieu tap|rua tien|cuong che|"
        r"xu ly theo (?:phap luat|cach)|beu|gui (?:anh|hinh|ho so) (?:\w+ ){0,3}"
        r"(?:facebook|dia phuong|nguoi than|danh ba|cong ty)|den tan nha|"
        r"(?:toan bo |tat ca )?danh ba|qua han \d+ ngay|ngung cap dien|cat dien|thu hoi sim|"
        r"khoa 2 chieu|vo hieu hoa|xoa vinh vien|ap giai|tuoc)",
        True,
    ),
    (
        signals._P_TRANSFER,
        r"\b(?:chuyen (?:khoan|tien|lai|giup|ho|gap|vao|truoc|coc)|nap (?:tien|them|usdt)|"
        r"dong phi|nop (?:phi|thue|tien|them)|phi (?:van chuyen|ship|ho so|bao hiem|nhan qua|"
        r"xac minh|thu tuc|dich vu|hai quan|thong quan|dang ky|le)|dat coc|chuyen coc|"
        r"coc (?:giu|truoc)|thanh toan (?:truoc|phi))",
        True,
    ),
    (
        signals._P_SECRECY,
        r"\b(?:khong duoc tiet lo|giu bi mat|dung (?:noi|bao) (?:voi )?(?:ai|nguoi than)|"
        r"khong noi voi ai|bi mat dieu tra)",
        True,
    ),
]


@pytest.mark.parametrize(("fast", "plain", "same_matches"), REWRITES)
def test_rewritten_patterns_match_like_their_plain_form(fast, plain, same_matches):
    reference = re.compile(plain)
    assert fast.pattern != plain
    for text in _sample_texts():
        if same_matches:
            assert _matches(fast, text) == _matches(reference, text), text
        else:
            assert bool(fast.search(text)) == bool(reference.search(text)), text


def test_gate_words_grouped_by_first_letter_find_the_same_words():
    words = {w for ws in signals._GATES.values() for w in ws} - signals._SYMBOL_GATES
    plain = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    )
    assert signals._GATE_PATTERN.pattern != plain.pattern
    for text in [*_sample_texts(), "khong noi voi ai", "mat khau", "trungthuong", "so the chap"]:
        assert signals._GATE_PATTERN.findall(text) == plain.findall(text), text


def test_literal_alternation_keeps_first_listed_word():
    words = ["khong noi", "khong", "kh", "a.b", "x"]
    grouped = re.compile(normalize.literal_alternation(words))
    text = "khong noi khong kh a.b axb x"
    assert grouped.findall(text) == ["khong noi", "khong", "kh", "a.b", "x", "x"]
    assert grouped.findall(text) == re.findall("|".join(map(re.escape, words)), text)


def test_diacritics_folded_piece_by_piece_like_in_one_pass():
    texts = [*_sample_texts(), "  Lừa  đảo ", "Đ" * 60 + " ừ", "ĐĐ ĐĐ ĐĐ", " "]
    for text in texts:
        assert normalize.fold_diacritics(text) == text.translate(normalize._FOLD), text


def test_piece_by_piece_steps_match_the_whole_text_steps():
    texts = [
        *_sample_texts(),
        "  ko  dc ",
        "gaaap\tko\nj tk",
        "ko" * 30 + " ko",
        "a_b%c!!",
        "kooo dccc tkkk",
    ]
    for text in texts:
        low = normalize.fold_diacritics(text.lower())
        assert normalize.normalize(text).folded == _whole_text_normalize(text), text
        assert (
            features.words_of(low)
            == features._TOKEN.findall(features.feature_text(low))[: features.MAX_TOKENS]
        )


def _whole_text_normalize(text: str) -> str:
    """``normalize(text).folded`` as written before the piece caches."""
    nfc = normalize.clean_unicode(text[: normalize.MAX_TEXT_CHARS])
    cased = normalize._L_FOR_I.sub("I", nfc)
    folded = cased.lower().translate(normalize._FOLD)
    folded = normalize.expand_teen_code(normalize.deobfuscate(folded))
    return re.sub(r"\s+", " ", folded).strip()


def _brands_word_by_word(folded: str, registry) -> list[str]:
    """Brand mentions found by visiting every word (the plain form of the look-up)."""
    phrases, heads, _, _ = links._mention_table(registry)
    words = links._WORDS.findall(folded)
    found: dict[str, str] = {}
    skip_until = 0
    for i, word in enumerate(words):
        entry = heads.get(word)
        if entry is None or i < skip_until:
            continue
        one_word, follow = entry
        brand = None
        sizes = follow.get(words[i + 1]) if follow and i + 1 < len(words) else None
        for n in sizes or ():
            if n <= len(words) - i:
                brand = phrases.get(" ".join(words[i : i + n]))
                if brand is not None:
                    skip_until = i + n
                    break
        if brand is None and one_word:
            brand = phrases[word]
        if brand is not None:
            found.setdefault(brand.key, brand.key)
    return list(found)


def test_brand_mentions_match_a_word_by_word_scan():
    registry = load_text_classifier().registry
    texts = [
        *_sample_texts(),
        "vietcombank vcb mb bank mbbank tp bank ngan hang tmcp ngoai thuong viet nam",
        "tai khoan cua ban tai viettel post va bao viet",
        "vietcombank",
        "mb",
    ]
    for text in texts:
        folded = normalize.normalize(text).folded
        fast = [b.key for b in links.brands_mentioned(folded, registry)]
        assert fast == _brands_word_by_word(folded, registry), text


def test_links_are_replaced_piece_by_piece_like_in_one_pass():
    for text in _sample_texts():
        assert features._replace_links(text) == features._URL.sub(features._url_token, text)


def test_batch_features_equal_the_training_path():
    classifier = load_text_classifier()
    space = classifier.space
    texts = _sample_texts()
    folded = [normalize.normalize(t).folded for t in texts]
    signal_rows = [{"url": 1.0, "threat": 1.0} if i % 3 else {} for i in range(len(texts))]
    signal_rows[0] = {"urgency": 1.0, "not_a_signal": 1.0, "otp_request": 0.0}
    fast = space.transform_folded(folded, signal_rows)
    slow = space.transform([analyze(f) for f in folded], signal_rows)
    assert fast.shape == slow.shape == (len(texts), space.n_features)
    assert np.array_equal(fast.indptr, slow.indptr)
    assert np.array_equal(fast.indices, slow.indices)
    assert np.array_equal(fast.data, slow.data)
    assert (
        fast[0].nnz >= 1 and space.signal_names.index("urgency") + space.n_text in fast[0].indices
    )
    for row, f in enumerate(folded[:50]):
        start, end = fast.indptr[row], fast.indptr[row + 1]
        text_ids = [i for i in fast.indices[start:end].tolist() if i < space.n_text]
        assert text_ids == space.ids_of(f)
        assert text_ids == sorted(
            {space.vocabulary[t] for t in analyze(f) if t in space.vocabulary}
        )
    # Each row: sorted, distinct columns; the text part has unit length.
    for row in range(fast.shape[0]):
        columns = fast.indices[fast.indptr[row] : fast.indptr[row + 1]]
        assert np.all(np.diff(columns) > 0)
        text_part = fast.data[fast.indptr[row] : fast.indptr[row + 1]][columns < space.n_text]
        if text_part.size:
            assert abs(float(np.sum(text_part.astype(np.float64) ** 2)) - 1.0) < 1e-5
