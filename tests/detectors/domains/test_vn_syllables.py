import pytest

from canhgiac.detectors.domains.vn_syllables import marks_spell_vietnamese


@pytest.mark.parametrize(
    "text",
    ["hoàngmai", "càphê", "nạpthẻ", "thếgiớidiđộng", "nguyễnkim", "đàlạt", "khuyếnmãi", "ngọc",
     "plain-ascii", "hoàng-mai.vn"],
)  # fmt: skip
def test_vietnamese_words_spell_vietnamese(text):
    assert marks_spell_vietnamese(text)


@pytest.mark.parametrize("text", ["shọpmobaviet", "vietcọmbank", "agribạnk", "fạcebook"])
def test_marks_on_latin_words_do_not(text):
    # "sh", "bl", a final "k" or "ce" have no place in a Vietnamese syllable.
    assert not marks_spell_vietnamese(text)


def test_long_runs_are_not_words():
    assert not marks_spell_vietnamese("à" + "ba" * 40)
