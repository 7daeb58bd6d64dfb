"""The signals' names (fixed order = feature columns) and the reasons they give an analyst,
in Vietnamese then English; which ones speak for a scam and which reassure."""

from __future__ import annotations

# Name → (reason in Vietnamese, reason in English). Order fixes the feature columns.
SIGNALS: dict[str, tuple[str, str]] = {
    "url": ("Có đường link", "Contains a link"),
    "url_unofficial": (
        "Link không thuộc tên miền chính thức nào đã biết",
        "Link to a domain that is not a known official one",
    ),
    "url_brand_mismatch": (
        "Nhắc tên thương hiệu nhưng link không phải tên miền chính thức của nó",
        "Names a brand but links to a domain that is not the brand's",
    ),
    "url_lookalike": (
        "Tên miền giả dạng thương hiệu hoặc cơ quan nhà nước",
        "Domain imitates a brand or a government site",
    ),
    "url_cheap_tld": (
        "Link dùng đuôi tên miền rẻ, hay bị lạm dụng (.xyz, .top, .vip…)",
        "Link on a cheap, often abused top-level domain (.xyz, .top, .vip…)",
    ),
    "url_shortener": (
        "Link rút gọn che giấu địa chỉ thật",
        "Shortened link hides the real address",
    ),
    "url_ip": ("Link trỏ thẳng tới địa chỉ IP", "Link points at a bare IP address"),
    "url_platform": (
        "Link tới nhóm/kênh trên mạng xã hội (Zalo, Telegram, Facebook…)",
        "Link to a group or channel on a social platform (Zalo, Telegram, Facebook…)",
    ),
    "url_official": ("Mọi link đều thuộc tên miền chính thức", "All links are on official domains"),
    "apk": (
        "Yêu cầu cài ứng dụng hoặc tệp APK ngoài kho chính thức",
        "Asks to install an app or APK from outside the official stores",
    ),
    "remote_access": (
        "Yêu cầu cài phần mềm điều khiển từ xa",
        "Asks to install remote-control software",
    ),
    "otp_request": ("Yêu cầu cung cấp mã OTP", "Asks for a one-time code (OTP)"),
    "credential_request": (
        "Yêu cầu mật khẩu, số thẻ hoặc thông tin đăng nhập",
        "Asks for passwords, card numbers or login details",
    ),
    "identity_request": (
        "Yêu cầu ảnh CCCD, khuôn mặt hoặc thông tin cá nhân",
        "Asks for ID-card photos, face video or personal data",
    ),
    "transfer_request": (
        "Yêu cầu chuyển tiền, nạp tiền hoặc đóng phí",
        "Asks for a transfer, deposit or fee",
    ),
    "bank_account_with_name": (
        "Số tài khoản ngân hàng kèm tên người nhận cá nhân",
        "Bank account number with a personal recipient name",
    ),
    "bank_account": ("Có số tài khoản ngân hàng", "Contains a bank account number"),
    "offchannel_contact": (
        "Dẫn sang Zalo/Telegram hoặc số điện thoại cá nhân để liên hệ",
        "Moves the conversation to Zalo/Telegram or a personal number",
    ),
    "urgency": (
        "Tạo áp lực thời gian (gấp, trong 24h, trước 17h…)",
        "Creates time pressure (urgent, within 24h, before 5 pm…)",
    ),
    "threat": (
        "Đe dọa: khóa tài khoản, bắt giữ, truy cứu, bêu riếu…",
        "Threatens: account lock, arrest, prosecution, public shaming…",
    ),
    "too_good": (
        "Hứa hẹn lợi nhuận, thu nhập hoặc quà quá hấp dẫn",
        "Promises unrealistic profit, income or gifts",
    ),
    "secrecy": ("Yêu cầu giữ bí mật, không báo người thân", "Asks to keep it secret from family"),
    "otp_notice": ("Tin báo mã OTP thông thường", "An ordinary one-time-code notice"),
    "safety_warning": (
        "Có lời khuyên không chia sẻ OTP/mật khẩu",
        "Contains advice never to share codes or passwords",
    ),
    "balance_notice": ("Tin báo biến động số dư", "A balance-change notice"),
    "ads_marker": (
        "Có dấu hiệu tin quảng cáo hợp lệ ((QC), cú pháp từ chối TC…)",
        "Marked as lawful advertising ((QC), opt-out syntax…)",
    ),
    "sender_official": (
        "Gửi từ brandname chính thức của tổ chức",
        "Sent from an organisation's official brandname",
    ),
    "sender_brandname": ("Gửi từ một brandname (tên chữ)", "Sent from an alphanumeric brandname"),
    "sender_shortcode": ("Gửi từ đầu số ngắn", "Sent from a short code"),
    "sender_personal": ("Gửi từ số điện thoại cá nhân", "Sent from a personal phone number"),
}
SIGNAL_NAMES: tuple[str, ...] = tuple(SIGNALS)
# Signals that point towards a scam: only these become reasons for a scam verdict.
SCAM_SIGNALS: frozenset[str] = frozenset(
    {
        "url_unofficial",
        "url_brand_mismatch",
        "url_lookalike",
        "url_cheap_tld",
        "url_shortener",
        "url_ip",
        "url_platform",
        "apk",
        "remote_access",
        "otp_request",
        "credential_request",
        "identity_request",
        "transfer_request",
        "bank_account_with_name",
        "offchannel_contact",
        "urgency",
        "threat",
        "too_good",
        "secrecy",
        "sender_personal",
    }
)
REASSURING_SIGNALS: frozenset[str] = frozenset(
    {
        "url_official",
        "otp_notice",
        "safety_warning",
        "balance_notice",
        "ads_marker",
        "sender_official",
    }
)
