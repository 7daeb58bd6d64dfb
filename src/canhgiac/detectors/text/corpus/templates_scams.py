"""Templates for task, investment, prize, loan, social-engineering and illegal-trade messages.

Same syntax as ``templates_fraud``: ``[a|b]`` alternatives, ``{slot}`` fillers.
"""

from __future__ import annotations

TASK_JOB: tuple[str, ...] = (
    "[CẦN TUYỂN|Cần tuyển|TUYEN GAP] [CTV|cộng tác viên|nhân viên part-time] [Công việc|Cong viec|CV]: [đăng bài, bình luận bài viết nhóm|xử lý đơn hàng trên sàn TMĐT|nhập đơn hàng Amazon|duyệt đơn Shopee|xem quảng cáo], [làm trên điện thoại|làm tại nhà|không cần kinh nghiệm], [nhận lương cuối ngày|lương {money}/tháng|thu nhập {small}/ngày]",
    "[Bên mình|Shop mình|Công ty mình] cần tuyển [{n} bạn|vài bạn] [gõ văn bản|dịch thuật|đánh máy|viết bài] online, [lương theo bài|trả theo bài] [{small}/bài|50-100k/bài][, ai quan tâm ib mình|. Ib để nhận việc|]",
    "[Tuyển|Tuyen] [nhân viên|nhan vien] [xử lý đơn hàng|xu ly don hang] [cho sàn|cho san] [Amazon|Tiki|Shopee|Lazada] [, làm tại nhà|, lam online] [2-3h/ngày|linh hoat], [lương tháng|luong thang] [10-18 triệu|{money}], [độ tuổi 22-55|không yêu cầu bằng cấp]",
    "[Mô tả công việc|MTCV]: [Xử lý đơn đặt hàng|Xác nhận đơn|Đánh giá sản phẩm] [từ nền tảng thương mại điện tử|cho nhãn hàng] [{shop}|Amazon]. [Yêu cầu|YC]: [độ tuổi 23~60|có điện thoại thông minh]. [Lương hàng tháng|Thu nhập] [từ {money}|{small}/ngày]. [Liên hệ|Nhắn] [{group}|Zalo {phone}]",
    "[Tuyển|TUYỂN GẤP|Cần tuyển] [{n} CTV|cộng tác viên|nhân viên online] [làm tại nhà|làm online|không cần kinh nghiệm], [thu nhập|lương] [300k-1tr/ngày|{money}/tháng|500-800k/ngày], [chỉ cần điện thoại|việc nhẹ lương cao|làm 1-2h mỗi ngày]. [Liên hệ Zalo|Inbox|Nhắn Zalo] {phone}",
    "[Việc làm thêm|Viec lam them] [cho mẹ bỉm|cho sinh viên|tại nhà]: [thả tim|like|follow|xem video] [TikTok|YouTube|Shopee] [nhận|được trả] [{small}/nhiệm vụ|hoa hồng {pct}%], [rút tiền ngay|thanh toán trong ngày]. [Kết bạn|Add] [Zalo|Telegram] {phone}",
    "[Chào bạn|Xin chào], [em là nhân viên tuyển dụng|mình bên phòng nhân sự] [Shopee|Lazada|TikTok Shop|Tiki]. [Bên em|Công ty] cần [người chốt đơn|cộng tác viên đánh giá sản phẩm] [online|tại nhà], [hoa hồng|lợi nhuận] [{pct}%|{small} mỗi đơn]. [Bạn quan tâm|Nếu quan tâm] [nhắn|inbox] Telegram @{handle}",
    "[Nhiệm vụ|NV] [hôm nay|số {n}]: [nạp|chuyển] {money} [để làm nhiệm vụ|vào hệ thống], [hoàn lại|nhận về] {money2} [sau 5 phút|ngay]. [Bạn cần hoàn thành|Phải làm đủ] [3 nhiệm vụ|combo] [mới rút được tiền|để rút gốc và hoa hồng].",
    "[Tài khoản của bạn|Lệnh của bạn] [bị lỗi thao tác|bị treo] [khi chốt đơn|do sai cú pháp]. [Cần nạp thêm|Vui lòng nạp thêm] {money} [để mở khóa|để rút toàn bộ số tiền] [trong 30 phút|ngay].",
    "[Tuyển người|Tim nguoi] [gõ văn bản|nhập liệu|đánh máy] [tại nhà|online] [, trả lương theo ngày|, thu nhập {money}/tháng]. [Phí đăng ký|Đặt cọc tài liệu] {small} [hoàn lại sau|hoàn sau 1 tuần]. [LH|Liên hệ] {phone}",
    "[Cơ hội|Cơ hội việc làm] [xuất khẩu lao động|đi làm] [Nhật Bản|Hàn Quốc|Đài Loan|Úc] [lương {money}/tháng|bao ăn ở] [, không cần tiếng|, bay nhanh trong 1 tháng]. [Nộp phí hồ sơ|Đặt cọc] {money} [để giữ suất|vào STK {acct}].",
    "[Bạn đã được chọn|Chúc mừng bạn được chọn] [vào nhóm|làm] [cộng tác viên|thành viên] [hỗ trợ tăng tương tác|đánh giá khách sạn] [, mỗi ngày nhận|, thu nhập] [{small}-{money}|không giới hạn]. [Vào nhóm Telegram|Liên hệ hướng dẫn viên] {link}",
)

INVESTMENT: tuple[str, ...] = (
    "[Anh chị|Bạn] [muốn|có muốn] [kiếm tiền|kiếm thêm thu nhập] [từ sàn vàng quốc tế|với tiền số|trên sàn chứng khoán Mỹ] [với chuyên gia hướng dẫn 1 kèm 1|cùng đội ngũ chuyên gia], [lợi nhuận|lãi] {pct}%/[tuần|tháng|ngày]? [Tham gia nhóm|Vào nhóm|Nhóm miễn phí]: {group}",
    "[ĐẦU TƯ SIÊU LỢI NHUẬN|Đầu tư an toàn|Kiếm tiền online], [mỗi ngày lãi|lãi mỗi ngày] [3-5%|{pct}%], [rút vốn bất cứ lúc nào|rút trong 5 phút], [hơn 5000 thành viên đã tham gia|nhiều người đã thành công]. [Inbox|Nhắn tin|Tham gia] [để được hướng dẫn|{group}]",
    "[Tham gia|Vào] [nhóm kín|nhóm VIP|room] [đầu tư|phân tích] [chứng khoán|crypto|tiền ảo|vàng] [cùng chuyên gia|của chuyên gia hàng đầu], [lợi nhuận|lãi] [{pct}%/ngày|{pct}%/tuần|cam kết {pct}%] [, không rủi ro|, hoàn vốn nếu lỗ]. [Link nhóm|Đăng ký] {link}",
    "[Sàn|Nền tảng] [{exchange}|giao dịch quốc tế {exchange}] [đang có chương trình|ưu đãi] [x2 vốn|tặng {pct}% nạp đầu] [cho nhà đầu tư mới|trong hôm nay]. [Nạp USDT|Nạp tiền] [qua ví|vào ví] {wallet_addr} [để kích hoạt|để nhận bonus].",
    "[Chào anh/chị|Chào bạn], [em là trợ lý|mình là trợ lý của] [chuyên gia|thầy] {Name}. [Nhóm|Bên em] [đang tặng|tặng miễn phí] [mã cổ phiếu|tín hiệu] [tăng trần|x3] [tuần này|trong tháng]. [Kết bạn Zalo|Vào nhóm Telegram] {phone} [để nhận|để tham gia].",
    "[Đầu tư|Gửi] {money} [nhận về|lãi] {money2} [sau 7 ngày|mỗi tháng] [, rút bất cứ lúc nào|, bảo hiểm vốn 100%]. [Dự án|Quỹ] [năng lượng xanh|khai thác mỏ|nông nghiệp công nghệ cao] [được bảo trợ|uy tín]. [Liên hệ|LH] {phone}",
    "[Lệnh rút|Yêu cầu rút] {money} [của bạn|] [bị từ chối|đang bị treo] [do chưa đóng thuế thu nhập|do chưa nâng cấp VIP]. [Nộp thêm|Chuyển thêm] {pct}% [phí|thuế] [để rút|để giải phóng tài khoản].",
    "[Mua|Đầu tư] [đất nền|cổ phần|sim số] [qua app|trên sàn] {exchange} [lợi nhuận|lãi] {pct}% [trong 1 tháng|chỉ sau 30 ngày] [, cam kết mua lại|, không lo thua lỗ]. [Tải app|Mở tài khoản] tại {link}",
)

PRIZE: tuple[str, ...] = (
    "[Chúc mừng|CHUC MUNG] [thuê bao|số điện thoại|quý khách] {phone} [đã trúng thưởng|trúng giải] [{prize}|một {prize}] [trong chương trình|từ chương trình] [tri ân khách hàng|quay số may mắn] của [{shop}|{carrier}|{bank}]. [Để nhận thưởng|Nhận giải] [vui lòng nộp phí|chuyển phí] [vận chuyển|hồ sơ|thuế] {money} [vào STK {acct}|qua {link}].",
    "[Bạn|Quý khách] [là khách hàng may mắn|được chọn] [nhận|trúng] [{prize}|quà tặng {money}] [nhân dịp|mừng] [sinh nhật {shop}|Tết Nguyên Đán|kỷ niệm 20 năm]. [Truy cập|Xác nhận tại] {link} [để nhận quà|và điền thông tin] [trước {date}|trong hôm nay].",
    "[{shop}|{shopshort}] [tri ân|tặng quà]: [Bạn|Quý khách] [được tặng|nhận] [{prize}|phần quà trị giá {money}]. [Phí nhận quà|Chỉ cần thanh toán phí ship] {small}. [Liên hệ|LH] {phone}",
    "[Kết quả|KQ] [quay thưởng|bốc thăm] [tháng này|đợt {n}]: [số của bạn|TK của bạn] [đã trúng|trúng] {money}. [Gọi|Liên hệ] [tổng đài|ban tổ chức] {phone} [để làm thủ tục nhận giải|nhận giải trước {date}].",
    "[Tin vui|CHÚC MỪNG]! [Zalo|Facebook|TikTok] [của bạn|] [được chọn nhận|trúng] [iPhone 16 Pro Max|xe SH|{money}] [trong sự kiện|nhân dịp] [sinh nhật|tri ân người dùng]. [Nhận ngay|Click] {link}",
)

LOAN: tuple[str, ...] = (
    "[Vay tiền|Hỗ trợ vay|Cho vay] [nhanh|online|tiêu dùng] [{money}|tới 100 triệu] [chỉ cần CCCD|không thế chấp|không thẩm định|nợ xấu vẫn vay được], [giải ngân trong|duyệt trong] [15 phút|30 phút|ngày]. [Liên hệ Zalo|LH|Inbox] {phone}",
    "[Hồ sơ vay|Khoản vay] {money} [của anh/chị|] [đã được duyệt|đã được phê duyệt]. [Để giải ngân|Trước khi giải ngân] [vui lòng|anh/chị] [đóng phí bảo hiểm khoản vay|nộp phí hồ sơ|chứng minh thu nhập bằng cách chuyển] {small} vào [STK|tài khoản] {acct} {bankshort} {NAME}.",
    "[Tài khoản nhận tiền|Số tài khoản] [bạn cung cấp|của bạn] [bị sai|không khớp] [nên khoản vay bị đóng băng|, hệ thống đã khóa lệnh giải ngân]. [Cần nộp|Vui lòng chuyển] {money} [để mở khóa|phí sửa thông tin] [trong 2h|ngay hôm nay].",
    "[Vay|Hỗ trợ tài chính] [sinh viên|công nhân|người lao động] [lãi suất 0%|lãi thấp] [, không cần gặp mặt|, duyệt hồ sơ online]. [Tải app|Đăng ký] {link} [nhận tiền ngay|để vay].",
    "[Bên em|Công ty tài chính] [hỗ trợ|giải ngân] [khoản vay|vay] [theo hạn mức thẻ tín dụng|theo sim chính chủ|theo cà vẹt xe] [đến {money}|nhanh]. [Phí dịch vụ|Phí] {small} [đóng trước|thu trước khi giải ngân]. [Zalo|LH] {phone}",
)

LOAN_SHARK: tuple[str, ...] = (
    "[Thông báo cuối|TB lần cuối|CANH BAO]: [Khoản vay|Khoan vay] {money} [trên ứng dụng|tren app] [{exchange}|TienNhanh|VayNhanh] [của bạn|cua ban] [đã quá hạn|da qua han] {n} [ngày|ngay]. [Nếu hôm nay không thanh toán|Khong thanh toan hom nay] [chúng tôi sẽ gửi thông tin tới toàn bộ danh bạ của bạn|se gui anh cua ban cho danh ba|chung toi se lien he gia dinh va dong nghiep].",
    "[Cho vay|Vay] [góp ngày|bốc họ|tín chấp] [{money}|từ 5-50 triệu] [, góp {small}/ngày|, góp trong 30 ngày|, lãi ngày], [không cần thế chấp|chỉ cần CMND + hộ khẩu|có mặt sau 30 phút]. [LH|Liên hệ|Gọi] {phone} [({Name})|]",
    "[Mày|Anh|Chị|Thằng {first}] [vay|nợ] [app|bọn tao] {money} [quá hạn|đã quá hạn {n} ngày]. [Trả ngay|Không trả trong hôm nay] [thì tao|bọn tao sẽ] [gửi ảnh lên Facebook|gửi hồ sơ về địa phương|gọi cho toàn bộ danh bạ|đến tận nhà làm việc].",
    "[Thông báo thu hồi nợ|THU HỒI NỢ]: {Name} [nợ|vay] {money} [không trả|quá hạn]. [Người thân|Bạn bè] [của {Name}|] [liên hệ|nhắc] [trả nợ|thanh toán] {phone} [, nếu không sẽ bêu riếu|, nếu không sẽ xử lý theo cách khác].",
    "[Em|Tôi] [chuyển nhầm|lỡ chuyển nhầm] {money} vào tài khoản [của anh/chị|của bạn]. [Anh/chị|Bạn] [chuyển lại|trả lại] [giúp em vào|vào] [STK|tài khoản] {acct} [nhé|ạ] [, không là em báo công an|, cảm ơn].",
    "[Khoản vay|Hợp đồng vay] {code} [của bạn|] [đã quá hạn|quá hạn]. [Lãi phạt|Phí phạt] {small}/ngày. [Nếu không thanh toán|Không trả] [trước {time}|hôm nay], [chúng tôi|bên em] sẽ [gửi thông tin cho người thân|đăng ảnh bạn lên mạng|liên hệ cơ quan nơi bạn làm].",
)

ACCOUNT_TAKEOVER: tuple[str, ...] = (
    "[Ơi|Ê|Bạn ơi|Em ơi|Anh ơi|Chị ơi], [đang bận không|có đó không|đang ở đâu đó]? [Cho mình|Cho em|Cho chị] [mượn|vay tạm] {money} [chuyển gấp|để đóng tiền hàng|đang cần gấp], [mai|tối nay|chiều nay] [trả liền|mình gửi lại] [nhé|nha]. [Chuyển vào|STK] {acct} {bankshort} {NAME}",
    "[Mình|Em|Anh] [đang ở ngoài|đang kẹt ở ngân hàng|bị lỗi app], [chuyển giúp|chuyển hộ|ck hộ] [mình|em|anh] {money} vào [tài khoản|STK] {acct} {NAME} [được không|nhé], [lát|tối] [về|xong việc] [trả|gửi lại] [ngay|liền].",
    "[Bạn ơi|Ơi|Chị ơi], [mình bị gửi nhầm mã|em lỡ đăng ký bằng số bạn], [gửi lại giúp|chụp giúp] [mình|em] [mã 6 số|mã xác nhận|mã OTP] vừa nhắn về máy [với|nhé] [, gấp lắm|, cảm ơn].",
    "[Ê|Alo], [mình|tao] [đổi số mới|mất điện thoại] [rồi|], [đang cần|cần] {money} [gấp|đóng viện phí cho mẹ], [chuyển vào|ck vô] {acct} {bankshort} [giúp|dùm] [nha|với], [mai trả|tuần sau trả].",
    "[Cháu|Con] [ơi|] [bà|ông|mẹ|bố] [đang ở viện|bị tai nạn], [cần tiền gấp|cần {money} gấp]. [Chuyển|Gửi] vào [tài khoản của bác sĩ|STK] {acct} {NAME} [ngay|giúp] [nhé|], [đừng gọi lại|đừng nói ai], [đang bận làm thủ tục|điện thoại sắp hết pin].",
)

MONEY_RECOVERY: tuple[str, ...] = (
    "[Bạn|Anh/chị] [bị lừa đảo qua mạng|bị sàn ảo chiếm đoạt|bị lừa làm nhiệm vụ]? [Chúng tôi|Văn phòng luật sư|Đội hỗ trợ nạn nhân] [hỗ trợ lấy lại tiền|thu hồi tiền bị lừa] [100%|trong 7 ngày|nhanh chóng] [, không thu phí trước|, phối hợp với cơ quan công an]. [Liên hệ|Zalo|Inbox] {phone}",
    "[Cục An ninh mạng|Cơ quan công an|Đội xử lý] [thông báo|xác nhận]: [Số tiền|Tài sản] {money} [bạn bị lừa|của bạn] [đã được thu hồi|đã được phong tỏa]. [Để nhận lại|Nhận lại tiền] [vui lòng đóng phí|nộp phí thủ tục|nộp thuế] {small} vào {acct}.",
    "[Hỗ trợ|Dịch vụ] [rút tiền|lấy lại tiền] [từ sàn ảo|bị treo|trên app lừa đảo] [uy tín|có hợp đồng] [, thành công mới lấy phí|, hacker chuyên nghiệp]. [Liên hệ|LH] [Telegram|Zalo] {phone}",
    "[Chúng tôi|Luật sư] [đã nhận được|có] [đơn trình báo|hồ sơ] [của bạn|] [về việc bị lừa {money}|]. [Cần|Vui lòng] [nộp phí|đặt cọc] {small} [để khởi động hồ sơ thu hồi|để được ưu tiên xử lý]. [Hotline|LH] {phone}",
)

ROMANCE: tuple[str, ...] = (
    "[Hi|Chào] [em|anh], [anh|em] là [kỹ sư|bác sĩ|quân nhân] [người Mỹ|người Anh|làm việc ở Syria|gốc Việt ở Úc]. [Anh|Em] [đã gửi|gửi] [quà|thùng quà] [có trang sức và {money}|cho em] [, em đóng phí hải quan|, em nộp phí thông quan] {small} [để nhận nhé|vào tài khoản {acct}].",
    "[Em yêu|Anh yêu], [anh|em] [đang bị giữ ở sân bay|bị kẹt ở hải quan], [cần|phải nộp] {money} [phí|tiền phạt] [mới được ra|để về gặp em]. [Chuyển giúp|Gửi giúp] [anh|em] vào {acct} {NAME} [nhé|, anh về sẽ trả em gấp đôi].",
    "[Thầy|Cô] [xem|thấy] [gia đình|bản mệnh] [con|của bạn] [đang bị vong theo|có hạn lớn năm nay]. [Cần làm lễ giải hạn|Phải cúng giải] [gấp|trước rằm], [phí lễ|tiền lễ] {money} [chuyển khoản|gửi vào] {acct}.",
    "[Công ty|Agency] [tuyển|casting] [người mẫu nhí|mẫu ảnh trẻ em] [cho nhãn hàng lớn|chụp catalogue], [bé nhà mình|con bạn] [đã qua vòng hồ sơ|được chọn]. [Đóng phí|Nộp phí] [hồ sơ|đào tạo] {money} [để giữ suất|trong hôm nay]. [Zalo|LH] {phone}",
    "[Học bổng|Du học] [Hàn Quốc|Nhật Bản|Canada] [100%|bao đậu visa] [không cần chứng minh tài chính|, bay nhanh]. [Đặt cọc|Nộp phí xử lý] {money} [để giữ hồ sơ|vào STK {acct}]. [LH|Liên hệ] {phone}",
    "[Chào em|Hello em], [anh thấy em|anh xem ảnh em] [dễ thương quá|rất hợp ý], [làm quen nhé|kết bạn nhé]. [Anh đang|Anh] [đầu tư|kiếm tiền] trên [sàn|app] {exchange}, [em muốn|anh] [hướng dẫn em|chỉ em] [kiếm thêm|làm giàu] [không|nha]?",
)

GAMBLING: tuple[str, ...] = (
    "[t.ặng|tặng|tang] [ta.i kh.oan|tài khoản|tk] [m.ới|mới] {small}, [n.ạp|nạp] 100 [nhận|nhan] 200 [tại|tai] {link}",
    "[{casino}|Nhà cái {casino}] [uy tín số 1|hàng đầu châu Á] [, tặng|- tặng|tặng ngay] [{pct}% nạp đầu|{small} cho thành viên mới|code {small}]. [Nổ hũ|Tài xỉu|Bắn cá|Đá gà|Casino|Game bài] [rút tiền 1-1|rút nhanh 3 phút]. [Đăng ký|Truy cập] {link}",
    "[Soi cầu|Cầu lô|Lô đề] [chuẩn|víp|bạch thủ] [hôm nay|ngày {date}] [, ăn chắc|, bao ăn|, không trúng hoàn tiền]. [Nhắn|Zalo|LH] {phone} [để nhận số|nhận cầu].",
    "[Cá cược|Cá độ] [bóng đá|thể thao] [Ngoại hạng Anh|Euro|World Cup|C1] [kèo thơm|tỷ lệ cao] [tại|cùng] {casino} [, hoàn trả {pct}% mỗi ngày|, nạp rút siêu tốc]. {link}",
    "[{casino}|{casino} CLUB] [- Cổng game|cổng game bài] [đổi thưởng|uy tín]: [tặng|nhận] [giftcode|code] {small} [khi tải app|cho tân thủ]. [Tải|Link tải] {link}",
    "[Đá gà|Đá gà trực tiếp|Đá gà Thomo] [hôm nay|mỗi ngày] [, cược|, kèo] [từ 10k|hấp dẫn] [tại|trên] {casino}. [Nạp|Nạp đầu] [tặng|thưởng] {pct}%. [Liên hệ|Tele] {phone}",
)

ILLEGAL_GOODS: tuple[str, ...] = (
    "[Nhận làm|Làm] [bằng đại học|bằng cấp 3|bằng lái xe|chứng chỉ tiếng Anh|bằng trung cấp] [thật 100%|có hồ sơ gốc|dập nổi] [, giao hàng toàn quốc|, không cần thi|, bao công chứng]. [Liên hệ|LH|Zalo] {phone}",
    "[Bán|Cung cấp] [sim|SIM] [kích hoạt sẵn|đã đăng ký sẵn thông tin|rác] [số lượng lớn|giá sỉ], [dùng để|chuyên] [chạy quảng cáo|nhận OTP|tạo tài khoản]. [LH|Zalo] {phone}",
    "[Hàng|Đồng hồ|Túi] [fake|super fake|replica 1:1] [{luxury}|các hãng] [giống auth 99%|chuẩn auth], [giá chỉ|chỉ] {money}. [Ship COD|Giao toàn quốc]. [Zalo|Inbox] {phone}",
    "[Bán|Có sẵn] [thuốc|thuốc kích dục|thuốc phá thai|súng hơi|pháo nổ|pháo hoa nổ] [không cần đơn|hàng xách tay|giá rẻ], [giao kín đáo|ship hỏa tốc]. [LH|Tele] {phone}",
    "[Làm giả|Nhận làm] [CCCD|căn cước|hộ chiếu|giấy khám sức khỏe|sổ hồng] [lấy nhanh|trong ngày] [, qua được máy quét|, giống thật]. [Liên hệ|Zalo] {phone}",
)

DATA_TRADE: tuple[str, ...] = (
    "[Bán|Cung cấp] [data|dữ liệu] [khách hàng|khách hàng tiềm năng] [{sector}|chủ doanh nghiệp|bất động sản|bảo hiểm] [mới nhất {year}|cập nhật hàng tháng] [, có số điện thoại và địa chỉ|, lọc theo tỉnh]. [Giá|Chỉ] {money}/[10.000 số|file]. [Zalo|LH] {phone}",
    "[Có|Cung cấp] [data CCCD|ảnh CCCD hai mặt|thông tin CCCD kèm ảnh chân dung] [số lượng lớn|giá tốt] [, dùng mở tài khoản|, đăng ký sim]. [Tele|Telegram] @{handle}",
    "[Danh sách|List] [số điện thoại|SĐT] [{sector}|phụ huynh học sinh|người mua nhà] [tại {province}|toàn quốc] [, {n} nghìn số|, chuẩn 95%]. [Inbox|LH] {phone} [để mua|nhận file mẫu]",
    "[Mua bán|Thu mua] [tài khoản ngân hàng|tài khoản Facebook cổ|tài khoản Zalo] [giá cao|số lượng lớn] [, có CCCD chính chủ|, đã xác minh]. [LH|Zalo] {phone}",
)
