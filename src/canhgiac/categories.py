"""The detection categories (see SCAM-TYPES.md): codes, Vietnamese and English labels, advice.

Deliberately closed: there is no category for opinion, religion, journalism or "false
information" — canhgiac only handles crimes with victims.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    code: str
    label_vi: str
    label_en: str
    advice_vi: str
    advice_en: str
    is_fraud: bool = True


CATEGORIES: tuple[Category, ...] = (
    Category(
        "fraud.impersonation.bank",
        "Giả mạo ngân hàng",
        "Bank impersonation",
        "Ngân hàng không bao giờ yêu cầu cung cấp mã OTP, mật khẩu hay bấm đường link lạ. "
        "Hãy gọi tổng đài chính thức in trên thẻ.",
        "Banks never ask for OTPs, passwords or to open unknown links. Call the hotline on your card.",
    ),
    Category(
        "fraud.impersonation.authority",
        "Giả mạo cơ quan nhà nước",
        "Authority impersonation",
        "Công an, tòa án, cơ quan thuế không làm việc qua điện thoại hay yêu cầu chuyển tiền, "
        "cài ứng dụng. Hãy đến trực tiếp cơ quan để xác minh.",
        "Police, courts and tax offices never work by phone, ask for transfers or app installs.",
    ),
    Category(
        "fraud.impersonation.brand",
        "Giả mạo doanh nghiệp, thương hiệu",
        "Brand impersonation",
        "Kiểm tra đơn hàng, khuyến mãi trên ứng dụng hoặc trang chính thức của doanh nghiệp.",
        "Check orders and offers in the company's official app or website.",
    ),
    Category(
        "fraud.task_job",
        "Lừa đảo việc làm, làm nhiệm vụ",
        "Task / job scam",
        "Không có việc nhẹ lương cao. Không nạp tiền để nhận nhiệm vụ hay rút hoa hồng.",
        "There is no easy high-paid job. Never deposit money to unlock tasks or commissions.",
    ),
    Category(
        "fraud.investment",
        "Lừa đảo đầu tư",
        "Investment scam",
        "Không tham gia sàn đầu tư, tiền ảo hứa lợi nhuận cao do người lạ giới thiệu.",
        "Do not join trading platforms promising high returns introduced by strangers.",
    ),
    Category(
        "fraud.prize",
        "Lừa đảo trúng thưởng",
        "Prize scam",
        "Không nộp phí để nhận quà hay giải thưởng.",
        "Never pay a fee to receive a gift or prize.",
    ),
    Category(
        "fraud.loan",
        "Lừa đảo cho vay",
        "Loan scam",
        "Không chuyển phí hồ sơ, phí bảo hiểm trước khi được giải ngân.",
        "Never pay fees before a loan is disbursed.",
    ),
    Category(
        "loan_shark",
        "Tín dụng đen",
        "Loan-sharking",
        "Không vay qua ứng dụng, người cho vay không được cấp phép; "
        "bị đe dọa, khủng bố đòi nợ hãy báo ngay cho công an.",
        "Do not borrow from unlicensed lenders; report threats to the police.",
    ),
    Category(
        "fraud.account_takeover",
        "Chiếm đoạt tài khoản, mạo danh người quen",
        "Account takeover",
        "Gọi điện trực tiếp cho người quen để xác minh trước khi chuyển tiền.",
        "Call your acquaintance directly before transferring any money.",
    ),
    Category(
        "fraud.money_recovery",
        "Lừa đảo lấy lại tiền bị lừa",
        "Money-recovery scam",
        "Không có dịch vụ nào lấy lại tiền bị lừa qua mạng; hãy trình báo công an.",
        "No service can recover scammed money online; report to the police.",
    ),
    Category(
        "fraud.romance",
        "Lừa đảo tình cảm, thao túng tâm lý",
        "Romance / social engineering",
        "Cảnh giác với người lạ làm quen qua mạng rồi nhờ chuyển tiền.",
        "Beware of online acquaintances who ask for money.",
    ),
    Category(
        "phishing",
        "Trang giả mạo đánh cắp thông tin",
        "Phishing",
        "Không nhập tài khoản, mật khẩu, OTP vào trang lạ. Gõ địa chỉ chính thức trực tiếp.",
        "Never enter credentials or OTPs on unknown pages. Type the official address yourself.",
    ),
    Category(
        "malware",
        "Mã độc, ứng dụng độc hại",
        "Malware",
        "Không cài ứng dụng ngoài CH Play/App Store; không cài theo hướng dẫn của người lạ.",
        "Never install apps from outside official stores or on a stranger's instructions.",
    ),
    Category(
        "gambling",
        "Cờ bạc trực tuyến",
        "Illegal gambling",
        "Đánh bạc trực tuyến là vi phạm pháp luật và thường kèm lừa đảo.",
        "Online gambling is illegal in Vietnam and often fraudulent.",
    ),
    Category(
        "illegal_goods",
        "Hàng giả, hàng cấm",
        "Illegal / counterfeit goods",
        "Không mua bằng cấp, giấy tờ giả, SIM kích hoạt sẵn hay hàng giả.",
        "Do not buy forged documents, pre-activated SIMs or counterfeits.",
    ),
    Category(
        "data_trade",
        "Mua bán dữ liệu cá nhân",
        "Personal-data trade",
        "Mua bán dữ liệu cá nhân trái phép là vi phạm pháp luật.",
        "Trading personal data is illegal.",
    ),
    Category(
        "spam.ads",
        "Tin nhắn quảng cáo",
        "Advertising spam",
        "Tin quảng cáo không phải lừa đảo; có thể từ chối nhận theo hướng dẫn của nhà mạng.",
        "Advertising is not fraud; you can opt out through your carrier.",
        is_fraud=False,
    ),
    Category(
        "legit",
        "Tin hợp lệ",
        "Legitimate",
        "Không phát hiện dấu hiệu lừa đảo, nhưng vẫn không chia sẻ OTP cho bất kỳ ai.",
        "No sign of fraud, but never share an OTP with anyone.",
        is_fraud=False,
    ),
)

# Network-threat families that monitoring and feeds attach to indicators (maltrail folders).
THREAT_CATEGORIES: tuple[str, ...] = (
    "malware",
    "phishing",
    "gambling",
    "botnet",
    "c2",
    "miner",
    "ransomware",
    "suspicious",
    "malicious",
)

BY_CODE: dict[str, Category] = {c.code: c for c in CATEGORIES}
SCAM_CODES: frozenset[str] = frozenset(c.code for c in CATEGORIES if c.is_fraud)


def get_category(code: str) -> Category | None:
    return BY_CODE.get(code)
