"""Names that claim to be a Vietnamese government service outside .gov.vn.

Vietnamese public services live under .gov.vn, plus the few official hosts the brand
registry lists; the scorer never flags either. A name anywhere else that spells a service
(dịch vụ công, VNeID, VssID, Bộ Công an, cục thuế, BHXH, chính phủ) or glues "gov" to
"vn"/"viet" (``vietgov22.cc``, ``dichvuconggovn.com``) is claiming to be the state. Since
2023 such fake portals push "VNeID level 2" upgrades, tax-refund and power-bill apps.

Words that also start ordinary Vietnamese compounds are held back there: "dịch vụ công
chứng" (notary), "dịch vụ công ty" (company services) and "chinh phục" (to conquer) are
not the state.

Ministries, agencies and their best-known services whose names Vietnamese newspapers,
magazines and private look-up sites also carry on .vn ("Bộ Công Thương", "quản lý thị
trường", "đăng kiểm", "phạt nguội") count only outside .vn: there only a fake portal uses
them (``bocongthuong-online.com``, ``dangkiemvn.com``, ``tracuuphatnguoi.com``), and so
do the police's name ("công an", "cảnh sát") where a word starts and "cổng thông tin", what
every state portal calls itself (``congthongtinvietnam.com``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from canhgiac.detectors.domains.wordtrie import Joined

# "công" starting another word: công chứng, công ty, công nghệ/nghiệp, công trình, công
# việc, công tác, công nhân, cộng đồng, công ích, công cụ, công suất, công thức, công khai,
# công viên, công thương, công trung.
_CONG_COMPOUNDS = "chung|ty|ngh|trinh|viec|tac|nhan|dong|ich|cu|suat|thuc|khai|vien|thuong|trung"

# Pattern over the folded stem -> brand key of the service it names (None: the state).
_SERVICES: tuple[tuple[str, str | None], ...] = (
    (rf"dichvucong(?!{_CONG_COMPOUNDS})", "dichvucong"),
    ("congdichvu", "dichvucong"),
    ("dvcqg", "dichvucong"),
    ("dvcquocgia", "dichvucong"),
    ("vneid", "vneid"),
    ("(?:viet|vn)-?eid(?![a-z])", "vneid"),  # vieteid, vn-eid
    ("vssid", "bhxh"),
    ("baohiemxahoi", "bhxh"),
    ("bhxh", "bhxh"),
    ("bocongan", "bocongan"),
    ("cucthue", "thue"),
    ("chinhphu(?!c|o)", "chinhphu"),  # not chinh phục, Chính Phương
    ("dancuquocgia", "bocongan"),  # the national population database
    # The tax office's eTax Mobile app next to Vietnamese words: vn-etaxmobi, etaxx-dvc.
    ("etax[a-z0-9-]{0,3}(?:dvc|vn|mobi)|(?:dvc|vn)[a-z0-9-]{0,3}etax", "thue"),
    # "gov" glued to Vietnam or to a Vietnamese agency's initials (bca: Bộ Công an, dvc:
    # dịch vụ công, gdt/tct: tax office): vietgov, vn-gov, bcaddgov, govvn, egovn. Dots are
    # excluded, so gov.vn itself never matches.
    ("(?:viet|vit|vn|bca|dvc|gdt|tct)[a-z0-9-]{0,3}gov", None),
    ("gov[a-z0-9-]{0,3}(?:vn|viet)", None),
    ("govn(?![a-z])", None),
)
# Claims that count only on names outside .vn (see the module's note).
_SERVICES_ELSEWHERE: tuple[tuple[str, str | None], ...] = (
    ("bocongthuong", None),  # Ministry of Industry and Trade: e-commerce registration
    ("quanlythitruong", None),  # its market surveillance force
    ("bogiaothong|bogtvt", None),  # Ministry of Transport
    ("(?<![a-z])botaichinh", None),  # Ministry of Finance; not "robotaichinh" (robo-advisor)
    ("nganhangnhanuoc", "sbv"),  # the State Bank
    # Vehicle inspection; "đang kiếm" (earning, looking for: dangkiemtien) is not.
    ("cucdangkiem|dangkiem(?:vn|viet|xe|oto|online|(?![a-z]))", "dangkiem"),
    ("phatnguoi", "csgt"),  # camera traffic fines
    # The police where a word starts (congan-hanoi, canhsat113); the police newspapers are
    # on .vn (congan.com.vn), and "bocongan" is a claim anywhere.
    ("(?<![a-z])(?:congan|canhsat)", "bocongan"),
    # "Cổng thông tin (điện tử)", what every state portal calls itself; on .vn also the
    # name of firms' and schools' own sites.
    ("congthongtin", None),
)
GOVERNMENT_NAME = re.compile("|".join(f"({pattern})" for pattern, _ in _SERVICES))
GOVERNMENT_NAME_ELSEWHERE = re.compile(
    "|".join(f"({pattern})" for pattern, _ in _SERVICES_ELSEWHERE)
)
# Every match of either pattern contains one of these: ``str.find`` locates the few
# candidate names far faster than the full pattern scans a whole batch.
_LITERALS = (
    "gov", "dvc", "eid", "etax", "dichvucong", "congdichvu", "vssid", "baohiemxahoi", "bhxh",
    "bocongan", "cucthue", "chinhphu", "dancuquocgia",
    "bocongthuong", "quanlythitruong", "bogiaothong", "bogtvt", "botaichinh",
    "nganhangnhanuoc", "dangkiem", "phatnguoi", "congan", "canhsat", "congthongtin",
)  # fmt: skip


def government_claims(
    joined_stems: Joined, elsewhere: Sequence[bool] | None = None
) -> dict[int, str | None]:
    """Row -> brand key (None: the state in general) of every stem claiming to be a service.

    ``joined_stems`` are the batch's folded stems (hosts without their public suffix) joined
    by ``wordtrie.join_rows``; ``elsewhere`` tells per row whether the name is outside .vn
    (all rows when not given), where the ministries' names count too. The first service
    named in a stem wins. Official hosts must be dropped by the caller.
    """
    text, starts = joined_stems.text, joined_stems.starts
    positions: list[int] = []
    for literal in _LITERALS:
        pos = text.find(literal)
        while pos >= 0:
            positions.append(pos)
            pos = text.find(literal, pos + 1)
    if not positions:
        return {}
    claims: dict[int, str | None] = {}
    for row in sorted(set(np.searchsorted(starts, positions, side="right").tolist())):
        begin = int(starts[row - 1])
        end = text.find("\n", begin)
        end = end if end >= 0 else len(text)
        match = GOVERNMENT_NAME.search(text, begin, end)
        if match is not None:
            claims[row - 1] = _SERVICES[(match.lastindex or 1) - 1][1]
            continue
        if elsewhere is None or elsewhere[row - 1]:
            match = GOVERNMENT_NAME_ELSEWHERE.search(text, begin, end)
            if match is not None:
                claims[row - 1] = _SERVICES_ELSEWHERE[(match.lastindex or 1) - 1][1]
    return claims
