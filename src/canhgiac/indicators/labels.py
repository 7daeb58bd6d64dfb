"""Vietnamese and English labels of indicator kinds, statuses and feed formats (vi, en)."""

from __future__ import annotations

from canhgiac.categories import CATEGORIES, THREAT_CATEGORIES
from canhgiac.indicators.kinds import IndicatorKind

KIND_LABELS: dict[str, tuple[str, str]] = {
    IndicatorKind.DOMAIN: ("Tên miền", "Domain"),
    IndicatorKind.URL: ("Đường link (URL)", "Link (URL)"),
    IndicatorKind.IP: ("Địa chỉ IP", "IP address"),
    IndicatorKind.CIDR: ("Dải IP", "IP range"),
    IndicatorKind.PHONE: ("Số điện thoại", "Phone number"),
    IndicatorKind.BANK_ACCOUNT: ("Tài khoản ngân hàng", "Bank account"),
    IndicatorKind.EWALLET: ("Ví điện tử", "E-wallet"),
    IndicatorKind.EMAIL: ("Thư điện tử", "E-mail"),
    IndicatorKind.SOCIAL_ACCOUNT: ("Tài khoản mạng xã hội", "Social-media account"),
    IndicatorKind.SMS_SENDER: ("Tên người gửi SMS", "SMS sender"),
    IndicatorKind.CRYPTO_WALLET: ("Ví tiền mã hóa", "Crypto wallet"),
}

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "reported": ("Bị phản ánh", "Reported"),
    "verified": ("Đã xác minh", "Verified"),
    "listed": ("Đưa vào danh sách chặn", "Listed"),
    "delisted": ("Đã gỡ", "Delisted"),
    "false_positive": ("Báo nhầm", "False positive"),
    "expired": ("Hết hạn", "Expired"),
}

DISPUTE_STATUS_LABELS: dict[str, tuple[str, str]] = {
    "open": ("Đang chờ xử lý", "Open"),
    "accepted": ("Chấp nhận", "Accepted"),
    "rejected": ("Bác bỏ", "Rejected"),
}

FEED_STATE_LABELS: dict[str, tuple[str, str]] = {
    "ok": ("Tốt", "OK"),
    "never": ("Chưa chạy", "Never run"),
    "disabled": ("Đã tắt", "Disabled"),
    "stale": ("Quá hạn", "Stale"),
    "failing": ("Đang lỗi", "Failing"),
    "empty": ("Rỗng", "Empty"),
    "shrunk": ("Giảm đột ngột", "Shrank"),
}

FEED_STATE_CLASSES = {
    "ok": "badge-ok",
    "never": "badge-off",
    "disabled": "badge-off",
    "stale": "badge-danger",
    "failing": "badge-danger",
    "empty": "badge-warn",
    "shrunk": "badge-warn",
}


def category_labels(locale: str) -> dict[str, str]:
    """Every category code we accept, labelled in the locale (network threats by code)."""
    english = locale == "en"
    labels = {c.code: (c.label_en if english else c.label_vi) for c in CATEGORIES}
    labels.update({code: code for code in THREAT_CATEGORIES})
    return labels
