"""Human-readable reasons (Vietnamese first, then English) and a category guess for a name."""

from __future__ import annotations

from canhgiac.detectors.domains.feature_batch import NameSignals
from canhgiac.detectors.domains.lures import GROUPS_BY_KEY

# Lure groups that say more about the scam than the brand does ("vaytinchap-tpbank" is a
# loan scam using TPBank's name), in priority order.
_LURE_CATEGORY_ORDER = ("loan", "task", "investment", "prize", "gambling", "authority", "account")
_WEAK_GAMBLING = frozenset({"vip", "club", "win", "88"})
_SECTOR_CATEGORY = {
    "bank": "fraud.impersonation.bank",
    "ewallet": "fraud.impersonation.bank",
    "government": "fraud.impersonation.authority",
}
_HOW = {
    "exact": (
        "tên thương hiệu trên tên miền không chính thức",
        "brand name on an unofficial domain",
    ),
    "contains": ("tên miền chứa tên thương hiệu", "name contains the brand"),
    # One edit, or two for names of ten letters or more (brand_match.FAR_TYPO_LENGTH).
    "typo": ("viết sai tên thương hiệu", "misspelling of the brand"),
    "digit_swap": ("thay chữ cái bằng chữ số", "digits standing in for letters"),
}
_RULE_TEXT = {
    "brand_subdomain_fake_suffix": (
        "Tên thương hiệu đặt ở tên miền con, kèm nhãn giả đuôi tên miền",
        "brand placed in a sub-domain with a fake suffix label",
    ),
    "brand_lookalike_letters": (
        "Dùng chữ có dấu hoặc ký tự trông giống chữ Latin để giả tên thương hiệu",
        "look-alike letters imitating the brand",
    ),
    "gambling_words": (
        "Có từ ngữ cờ bạc tiếng Việt không có nghĩa vô hại (chẵn lẻ, nhà cái, nổ hũ…) hoặc tên "
        "nhà cái cá cược",
        "Vietnamese gambling words with no innocent reading, or a betting-site brand",
    ),
    "latin_lookalike_letters": (
        "Dấu tiếng Việt đặt lên một từ không phải tiếng Việt (shọp) để né danh sách chặn",
        "Vietnamese marks on a word that is not Vietnamese (shọp), to slip past block lists",
    ),
    "local_brand_elsewhere": (
        "Đúng tên thương hiệu Việt Nam nhưng trên đuôi tên miền thương hiệu không dùng",
        "exact name of a Vietnamese brand on a suffix the brand does not use",
    ),
    "bank_name_in_name": (
        "Tên ngân hàng Việt Nam nằm trong một tên miền không phải của ngân hàng",
        "name of a Vietnamese bank inside a domain name that is not the bank's",
    ),
    "brand_name_in_name": (
        "Tên ví điện tử, sàn thương mại điện tử hay nhà phát hành game Việt Nam nằm trong một "
        "tên miền không phải của họ",
        "name of a Vietnamese e-wallet, online shop or game publisher inside a domain name "
        "that is not theirs",
    ),
    "government_service_elsewhere": (
        "Mang tên dịch vụ công hoặc cơ quan nhà nước nhưng không thuộc .gov.vn",
        "names a Vietnamese government service or authority but is not under .gov.vn",
    ),
    "vietnamese_lure_elsewhere": (
        "Từ ngữ dụ dỗ tiếng Việt trên tên miền không thuộc .vn",
        "Vietnamese lure words on a name outside .vn",
    ),
    "brand_typo_own_suffix": (
        "Viết sai tên thương hiệu, trên chính đuôi tên miền của thương hiệu",
        "the brand's name misspelt, on the brand's own suffix",
    ),
    "vietnam_number_name": (
        'Tên chỉ gồm một con số và "vn", kiểu tên các trang cá cược đổi tên liên tục',
        'a name of only a number and "vn", how betting sites name their mirrors',
    ),
    "brand_with_lure": (
        "Tên thương hiệu đi kèm từ dụ dỗ",
        "brand name combined with lure words",
    ),
}


def _gambling_words(sig: NameSignals) -> list[str]:
    return [w for w in sig.lures.get("gambling", []) if w not in _WEAK_GAMBLING]


def category_for(sig: NameSignals, sectors: dict[str, str]) -> str | None:
    """Best guess of the scam category from what was found in the name."""
    for key in ("loan", "task", "investment", "prize"):
        if key in sig.lures:
            return GROUPS_BY_KEY[key].category
    if sig.brand is not None:
        return _SECTOR_CATEGORY.get(sectors.get(sig.brand.brand, ""), "fraud.impersonation.brand")
    if _gambling_words(sig) or sig.gambling_numbers:
        return "gambling"
    if "authority" in sig.lures:
        return GROUPS_BY_KEY["authority"].category
    if "account" in sig.lures or sig.official_embedded or sig.idn_lookalike:
        return "phishing"
    return None


def reasons_for(
    sig: NameSignals,
    rules: list[str],
    suspicious: bool,
    model_flagged: bool,
    score: float,
    brand_names: dict[str, str],
) -> list[str]:
    out: list[str] = []
    if sig.official_embedded:
        d = sig.official_embedded
        out.append(
            f"Chứa tên miền chính thức {d} bên trong một tên miền khác "
            f"/ contains the official domain {d} inside another name"
        )
    if sig.brand is not None:
        name = brand_names.get(sig.brand.brand, sig.brand.brand)
        vi, en = _HOW.get(sig.brand.how, _HOW["contains"])
        where_vi = " (ở tên miền con)" if sig.brand.where in ("subdomain", "both") else ""
        where_en = " (in a sub-domain)" if where_vi else ""
        out.append(f"Giống thương hiệu {name}: {vi}{where_vi} / imitates {name}: {en}{where_en}")
    for rule in rules:
        if rule in _RULE_TEXT:
            vi, en = _RULE_TEXT[rule]
            out.append(f"{vi} / {en}")
    for key in _LURE_CATEGORY_ORDER:
        words = sig.lures.get(key)
        if key == "gambling":
            words = _gambling_words(sig)
        if words:
            group = GROUPS_BY_KEY[key]
            shown = ", ".join(dict.fromkeys(words))
            out.append(f"Có {group.label_vi}: {shown} / {group.label_en}: {shown}")
    if sig.gambling_numbers:
        out.append("Mẫu tên cờ bạc (số kèm bet/vip/club) / gambling-style name pattern")
    if sig.fake_suffix:
        out.append(
            "Nhãn giả đuôi tên miền (vn-, com-, .com.vn. ở giữa) / fake suffix label inside the name"
        )
    if sig.idn_lookalike:
        out.append(
            "Tên miền quốc tế hoá dùng chữ có dấu hoặc ký tự giống chữ Latin "
            "/ internationalised name with look-alike letters"
        )
    if sig.shared_hosting:
        out.append(
            f"Trang trên dịch vụ lưu trữ dùng chung {sig.shared_hosting} "
            f"/ hosted on the shared service {sig.shared_hosting}"
        )
    if sig.suspicious_suffix and (suspicious or out):
        s = sig.suspicious_suffix
        out.append(f"Đuôi .{s} rẻ, hay bị lạm dụng / cheap, often-abused suffix .{s}")
    if model_flagged:
        out.append(
            f"Mô hình ký tự đánh giá tên giống tên lừa đảo (điểm {score:.2f}) "
            f"/ character model: the name resembles scam names (score {score:.2f})"
        )
    return out
