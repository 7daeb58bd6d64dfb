"""Templates for genuine messages (``legit``) and lawful advertising (``spam.ads``).

These matter as much as the scams: the detector must never call a real OTP, balance alert,
carrier notice, delivery notice or promotion a scam, even when it uses the same words
("OTP", "tài khoản", "khuyến mãi", "xác thực sinh trắc học").
"""

from __future__ import annotations

LEGIT_OTP: tuple[str, ...] = (
    "[De xac nhan|Để xác nhận] ban su dung {site}, [hay dien|hãy nhập] ma xac nhan {otp} [vao may tinh hoac dien thoai cua ban|vào ứng dụng] [trong vong 3 phut|trong 5 phút].",
    "[Ma|Mã] {otp} [la ma dat lai mat khau|là mã đặt lại mật khẩu] [{app}|tài khoản {site}] [cua ban|của bạn]. [Neu ban khong yeu cau, hay bo qua tin nhan nay.|Nếu không phải bạn, hãy đổi mật khẩu ngay.]",
    "[{bankshort}|{bank}]: [Mã OTP|Ma OTP|OTP] [của Quý khách|cua Quy khach|] [là|la] {otp} [để|de] [xác thực giao dịch|thanh toán|chuyển tiền] {money} [tại|den] [{merchant}|TK {masked}]. [Tuyệt đối không cung cấp|KHONG chia se|Không cung cấp] [mã này|OTP] cho [bất kỳ ai|người khác|bat ky ai, ke ca nhan vien ngan hang].",
    "{otp} [là mã xác minh|la ma xac minh|is your verification code] [{app}|tài khoản {app} của bạn]. [Không chia sẻ mã này với ai.|Mã có hiệu lực trong 5 phút.|]",
    "[Mã xác thực|Ma xac thuc|Mã kích hoạt] [{app}|{wallet}] [của bạn|] [là|la|:] {otp}. [Hiệu lực|Hieu luc] [3 phút|5 phut|60 giây]. [Vì an toàn, không chia sẻ mã này|Khong cung cap ma nay cho bat ky ai|{app} không bao giờ hỏi mã này].",
    "[{wallet}|Ví {wallet}]: [Mã OTP|OTP] [để|de] [đăng nhập|liên kết ngân hàng|xác nhận thanh toán] [là|la] {otp}. [Cảnh giác|Canh giac]: {wallet} [không bao giờ|khong bao gio] [yêu cầu|yeu cau] [cung cấp OTP|OTP qua điện thoại].",
    "[Smart OTP|OTP] [{bankshort}|{bank}] [cho giao dịch|GD] [{code}|đăng nhập trên thiết bị mới] [:|là] {otp}. [Nếu không phải Quý khách thực hiện, gọi|Hotline|Neu khong phai Quy khach, goi ngay] {hotline}.",
    "[Ma dang nhap|Mã đăng nhập|Login code] [{app}|Dịch vụ công|VNeID] [:|là] {otp}. [Khong chia se voi bat ky ai.|Không chia sẻ.|]",
    "[Your|Mã] {app} [code is|code:|xác nhận:] {otp}. [Don't share it.|Do not share this code.|]",
)

LEGIT_BANK: tuple[str, ...] = (
    "[So du TK|SD TK] {bankshort} {acct} [thay doi|+/-] [+|-]{money_plain}VND [luc|lúc] {time} {date}. [So du|SD] {money_plain2}VND. Ref {code}.{NAME} [chuyen tien|CK|tra tien hang]",
    "{bankshort}: {date} {time} [TK|Tai khoan] {acct} [PS|GD]: [+|-]{money_plain}VND [SD|So du]: {money_plain2}VND [ND|Noi dung]: [{NAME} chuyen khoan|Thanh toan hoa don dien|Rut tien ATM|Phi SMS Banking]",
    "[{bankshort}|{bank}]: [TK|Tai khoan|Số dư TK] {masked} [+|-]{money_plain}VND [luc|lúc] {time} {date}. [SD|So du|Số dư]: {money_plain2}VND. [ND|Ref|Nội dung]: [{NAME} chuyen tien|{NAME} CK tien hang|Thanh toan QR {merchant}|luong thang {month}|tra no]",
    "[{bankshort}|{bank}] [thông báo|TB]: [Thẻ|The] [tín dụng|ATM] [đuôi|cuoi] {last4} [đã thanh toán|giao dich] {money} [tại|tai] {merchant} [lúc|luc] {time}. [Số dư khả dụng|Han muc con lai] {money2}.",
    "[{bank}|{bankshort}]: [Sao kê thẻ tín dụng|Sao ke the tin dung] [kỳ|ky] {month} [đã sẵn sàng|da san sang]. [Số tiền thanh toán tối thiểu|Thanh toan toi thieu] {money}, [hạn|han] {date}. [Thanh toán qua ứng dụng|Thanh toan qua app] {bank}.",
    "[{bank}|{bankshort}] [cảnh báo|CANH BAO|khuyến cáo]: [{bank}|Ngân hàng] [KHÔNG BAO GIỜ|khong bao gio|không] [yêu cầu|yeu cau] [khách hàng|KH|Quý khách] [cung cấp|cung cap] [OTP, mật khẩu|mã OTP, mật khẩu, số thẻ|thong tin the, OTP] [qua điện thoại, tin nhắn|hay truy cập đường link lạ|qua mang xa hoi]. [Mọi thắc mắc|Lien he|Hotline] {hotline}.",
    "[{bank}|{bankshort}]: [Theo quy định của NHNN|Theo Quyết định 2345/QĐ-NHNN], [từ 01/07/2024|tu 01/07/2024] [giao dịch chuyển tiền trên 10 triệu|GD tren 10 trieu] [cần xác thực sinh trắc học|phai xac thuc khuon mat]. [Quý khách thực hiện trên ứng dụng|Thuc hien tren app] {bank} [chính thức|chinh thuc] [hoặc tại quầy|]. [Ngân hàng không gửi đường link|KHONG bam link la]. [Hotline|HL] {hotline}",
    "[{bank}|{bankshort}] [trân trọng thông báo|thông báo]: [Khoản vay|Khoan vay] [của Quý khách|] [đến hạn thanh toán|den han] [ngày|ngay] {date}, [số tiền|so tien] {money}. [Vui lòng nộp tiền vào TK|Quy khach vui long dam bao so du TK] {masked}. [Chi tiết|LH] {hotline}",
    "[{bank}|{bankshort}]: [Quý khách đã đăng nhập|Dang nhap] [{bank} Digital|ứng dụng {bank}] [thành công|thanh cong] [lúc|luc] {time} {date} [trên thiết bị|tren] [iPhone|Samsung Galaxy|Oppo]. [Nếu không phải Quý khách, gọi ngay|Neu khong phai Quy khach, goi] {hotline}.",
    "[{bank}|{bankshort}]: [Sổ tiết kiệm|So tiet kiem|Tien gui] [số|] {code} [đã đến hạn và được tự động tái tục|da tat toan] [ngày|ngay] {date}. [Lãi|Lai] {money}. [Chi tiết|Chi tiet] [tại|tai] {official}",
)

LEGIT_CARRIER: tuple[str, ...] = (
    "[Tai khoan|TK] [cua Quy khach|cua TB] [da duoc nap|vua duoc nap] {money} [tu so|tu TB] {phone} [luc|vao luc] {time} {date}, [ma giao dich|ma GD] {code}.",
    "[Quý khách|Quy khach] [đã ứng thành công|da ung thanh cong] {money} [từ dịch vụ Ứng tiền|tu DV Ung tien]. [Phí dịch vụ|Phi DV] {small} [sẽ được trừ vào lần nạp tiếp theo|tru vao lan nap tiep theo].",
    "[Tai khoan cua Quy khach sap het|TK goc sap het], [soan UT gui|bam] [9778|*911#] [de ung|ung ngay] {small}, [su dung trong 24 gio|hoan tra khi nap the]. [Chi tiet|CT] {hotline}",
    "[SĐT|SDT] {phone} [vừa gửi cho bạn|vua gui cho ban] [một tin nhắn thoại|1 voicesticker|mot tin nhan] [qua|thong qua] [ứng dụng Mocha|ung dung Mocha] [của|cua] Viettel. [Để xem, tải ứng dụng tại|De xem, tai Mocha tai] mocha.com.vn",
    "[{carrier}|TB {carrier}|{carrier} thông báo]: [Tài khoản gốc|TK goc] [của Quý khách|] [còn|con] {fee} [, hạn sử dụng đến|, HSD] {date}. [Nạp thẻ|Nap the] [để duy trì liên lạc|de duy tri lien lac]. [CSKH|Chi tiet LH] {hotline}",
    "[{carrier}|{carrier}:] [Gói cước|Goi cuoc] [{package}|{package} của Quý khách] [đã được gia hạn thành công|da duoc gia han|sẽ hết hạn vào] [ngày|] {date}. [Cước|Gia] {fee}/[tháng|30 ngày]. [Hủy gia hạn|Huy] [soạn|soan] HUY {package} [gửi|gui] {shortcode}.",
    "[{carrier}|{carrier}:] [Quý khách đã nạp thành công|Nap the thanh cong] {fee} [vào tài khoản|vao TK]. [TK chính|TKC] [: {money2}|còn {money2}], [HSD|han] {date}.",
    "[{carrier}|{carrier}:] [Quý khách đã sử dụng hết|Ban da dung het] [{pct}%|100%] [dung lượng data tốc độ cao|data] [của gói|goi] {package}. [Mua thêm|Mua them] [soạn|soan] MUA [gửi|gui] {shortcode}. [Tra cứu|TC] {ussd}",
    "[{carrier}|{carrier}:] [Từ ngày|Tu ngay] {date}, [{carrier} ngừng hỗ trợ mạng 2G|{carrier} dung mang 2G]. [Quý khách dùng máy 2G|May chi ho tro 2G] [vui lòng ra cửa hàng {carrier} gần nhất|den cua hang {carrier}] [để được hỗ trợ đổi máy 4G|de doi may 4G mien phi]. [Chi tiết|CT] {official_carrier}",
    "[{carrier}|{carrier}:] [Hóa đơn cước|Cuoc] [tháng|thang] {month} [của thuê bao|TB] {phone_masked} [là|la] {money}. [Thanh toán qua|Thanh toan qua] [ứng dụng My {carrier}|app|{official_carrier}] [trước|truoc] {date}.",
    "[Thuê bao|TB] {phone_masked} [vừa gọi cho Quý khách|da goi cho Quy khach] [lúc|luc] {time} {date}. [Dịch vụ|DV] [thông báo cuộc gọi nhỡ|MCA] [của|cua] {carrier}.",
)

LEGIT_DELIVERY: tuple[str, ...] = (
    "[{courier}|{couriershort}]: [Đơn hàng|Don hang|Kiện hàng] {code} [của bạn|] [đang được giao|dang giao|sẽ được giao hôm nay]. [Shipper|NV giao hàng] {Name} [- {phone}|SĐT {phone}] [sẽ liên hệ|se goi] [trước khi giao|truoc khi den]. [Tra cứu|Tra cuu] {official}",
    "[{shop}|{shopshort}]: [Đơn hàng|Don hang] {code} [đã được giao thành công|da giao thanh cong]. [Cảm ơn bạn đã mua sắm|Vui lòng kiểm tra và xác nhận Đã nhận hàng trên ứng dụng|Đánh giá sản phẩm để nhận xu].",
    "[Alo|Chào] [anh|chị|bạn] [, em|em] [shipper|giao hàng] [{couriershort}|{shopshort}] [đây|ạ], [em đang|chút nữa em] [ở dưới nhà|tới] [giao đơn|đơn] [{money}|COD {money}] [, anh/chị xuống nhận giúp em|, chị có nhà không ạ|nhé].",
    "[{courier}|{couriershort}]: [Bưu phẩm|Buu pham] {code} [giao không thành công|giao khong thanh cong] [do không liên lạc được người nhận|vì người nhận vắng nhà]. [Sẽ giao lại|Giao lai] [vào|] [ngày mai|{date}]. [Mọi thắc mắc|Hotline] {hotline}",
    "[{shop}|{shopshort}]: [Đơn hàng|Don] {code} [đã được xác nhận|da xac nhan] [và đang được chuẩn bị|, dự kiến giao] [{date}|trong 2-3 ngày]. [Theo dõi đơn trên ứng dụng|Xem chi tiet tren app] {shop}.",
    "[{shop}|{shopshort}]: [Yêu cầu hoàn tiền|Yeu cau tra hang] [cho đơn|don] {code} [đã được chấp nhận|da duoc chap nhan]. {money} [sẽ được hoàn về|se hoan ve] [{wallet}|phương thức thanh toán ban đầu] [trong 3-5 ngày làm việc|trong 24h].",
)

LEGIT_APPOINTMENT: tuple[str, ...] = (
    "[Bệnh viện|BV|Phòng khám] [{hospital}|Đa khoa {province}] [nhắc lịch|nhac lich|xin nhắc] [khám|tái khám|tiêm chủng] [của|cua] [{Name}|bé {first}] [vào|luc] {time} [ngày|ngay] {date}. [Vui lòng mang theo CCCD và thẻ BHYT|Mang theo so tiem|Đến trước 15 phút]. [Hủy lịch|LH] {hotline}",
    "[Nha khoa|Nha khoa Kim|Nha khoa Paris] [xác nhận|xac nhan] [lịch hẹn|lich hen] [của|] [anh/chị|{Name}] [lúc|luc] {time} [ngày|ngay] {date} [tại|tai] [cơ sở|chi nhanh] {district}. [Cần đổi lịch xin gọi|Doi lich goi] {hotline}",
    "[Trường|Truong] [THCS|Tiểu học|THPT|Mầm non] {school} [thông báo|TB]: [Họp phụ huynh|Hop PH] [lớp|] {klass} [vào|luc] {time} [ngày|ngay] {date}. [Kính mời phụ huynh tham dự đầy đủ|De nghi PH di day du].",
    "[UBND|Công an] [phường|xã] {district} [thông báo|TB]: [Lịch|Lich] [cấp CCCD|trả thẻ căn cước|tiêm phòng dại cho chó mèo] [vào|] [sáng|chiều] {date} [tại|tai] [trụ sở|nhà văn hóa tổ dân phố]. [Người dân mang theo giấy hẹn|Mang theo giay hen].",
    "[Salon|Spa|Gara|Trung tâm bảo hành] {shopname} [nhắc|nhac] [lịch hẹn|lich] [của anh/chị|] [vào|] {time} {date}. [Hẹn gặp lại|Cam on quy khach].",
    "[EVN|Điện lực {province}|EVN{region}] [thông báo|TB]: [Tiền điện|Tien dien] [tháng|ky] {month} [của|] [mã KH|KH] PE{code} [là|la] {money}. [Quý khách thanh toán trước|Thanh toan truoc] {date} [qua ứng dụng ngân hàng hoặc|qua app] [EVNCSKH|{official}]. [Trân trọng|Cam on].",
    "[Cục Thuế|Chi cục Thuế {district}|Cơ quan BHXH] [nhắc|thông báo]: [Hạn nộp|Han nop] [quyết toán thuế TNCN|tờ khai thuế|hồ sơ] [năm|] {year} [là|la] {date}. [Thực hiện trên|Nộp qua] [thuedientu.gdt.gov.vn|eTax Mobile|dichvucong.gov.vn]. [Không cung cấp thông tin qua điện thoại|].",
)

LEGIT_PERSONAL: tuple[str, ...] = (
    "[Thanks|Cảm ơn] [em|anh|chị], [nhờ em nhắn|em nhắn giúp] [chị|anh] {first} [gửi anh tài liệu|gửi file báo cáo|chuyển giúp hồ sơ] [để anh chuẩn bị|cho kịp] [khóa học|buổi họp|báo cáo] [nhé|nha].",
    "[Có cần|Co can] [t|tao|em|mình] [chuyển giúp|gửi giúp|mua giúp] [ko|không] [c|chị|a|anh] [ơi|]?",
    "[Đã để|Da de] [tý|ty] [e|em] [inbox|nhắn] [cho|] [a|anh|c|chị] [rồi|]. [Xem nhé|Check đi].",
    "{phone} [cô|chú|anh|chị] {first}",
    "[Vợ chồng tôi|Nhà mình|Em] [đang cần mua|muốn mua|cần thuê] [xe ô tô cũ|căn hộ|nhà trọ|xe máy], [ai có nhu cầu bán|ai có] [liên hệ giúp|nhắn giúp] {phone}[, cảm ơn|]",
    "[Giao dịch thành công|Nạp thành công]. [Bạn đã được cộng|Tài khoản đã cộng] {small} [vào tài khoản|vào ví]! [Liên hệ hotline|Hotline] {hotline} [nếu cần hỗ trợ|]",
    "[Số|So] [của|cua] [anh|chị|cô|bác] {first} [đây|day|nè]: {phone}[, em gọi thử nhé|]",
    "[Em|Anh|Mình] [nhầm số|gửi nhầm tin] [ạ|rồi, xin lỗi nhé|nha], [số đúng là|so dung la] {phone}",
    "[Bác|Chị|Anh] [nhắn giúp em|gửi em|cho em xin] [số tài khoản|STK] [nhé|ạ], [em chuyển tiền|em gửi tiền] [đặt cọc phòng|học phí|tiền hàng] [luôn|trong hôm nay].",
    "[Em|Con] [đã nhận|nhận được] [tiền|khoản] {money} [rồi|rồi ạ], [cảm ơn|cám ơn] [anh|chị|mẹ|bác] [nhiều|nhé].",
    "[Tối|Chiều|Sáng mai] [gặp|gap] [nhau|anh|em] [ở|tai] [quán cũ|cổng trường|{street}] [nhé|nha] [, {time}|]",
    "[Lâu|Lau] [không|ko] [gặp|gap] [nhau|mày], [dạo này|dao nay] [thế nào|sao roi]? [Cuối tuần|Hom nao] [cafe|nhậu|ăn lẩu] [đi|nhé].",
    "[Mẹ ơi|Me oi|Bố ơi|Chị ơi|Anh ơi], [tối nay|chiều nay|mai] [con|em] [về muộn|ăn cơm ở ngoài|đi học thêm|về quê] [nhé|nha|ạ], [không phải chờ cơm|đừng lo].",
    "[Ê|Ơi|Mày|Bạn ơi], [tối nay|mai|cuối tuần] [đi cafe|đi nhậu|đá bóng|đi ăn lẩu] [không|ko|k]? [Chỗ cũ|Quán quen|Sân {district}] [lúc|] {time} [nha|nhé|nhá].",
    "[Em|Anh|Chị] [chuyển|ck|gửi] [tiền nhà|tiền điện|tiền học cho con|tiền góp quà sinh nhật|tiền hụi] [tháng này|] [rồi|xong rồi] [nhé|nha|đó], [{money}|] [kiểm tra giúp|check giúp] [em|anh|chị].",
    "[Con|Em] [ơi|] [mẹ|chị] [gửi|để] [chìa khóa|đồ ăn|quần áo] [ở|bên] [nhà bác {first}|bảo vệ|tủ giày], [về|đi học về] [lấy nhé|nhớ lấy].",
    "[Chúc mừng sinh nhật|CMSN|Happy birthday] [{first}|bạn|em|chị] [nhé|nha]! [Chúc|Chuc] [tuổi mới|năm mới] [nhiều sức khỏe|vui vẻ, thành công|luôn xinh đẹp] [❤️|🎂|!]",
    "[Anh|Em] [đến|tới|đang trên đường tới] [nơi|công ty|trường] [rồi|], [{n} phút nữa|tầm {time}] [tới|xuống] [nhé|nha]. [Đợi chút|Chờ tí].",
    "[Họp|Hop] [nhóm|team|lớp] [dời|chuyển] [sang|qua] {time} [ngày mai|thứ {weekday}] [nhé mọi người|nha cả nhà]. [Nhớ mang|Mang theo] [laptop|tài liệu|báo cáo].",
    "[Ông bà|Cả nhà] [khỏe không|dạo này sao rồi]? [Tết này|Cuối tuần này] [tụi con|con] [về|về thăm] [nhé|ạ]. [Mẹ cần mua gì|Nhà cần gì] [nhắn con|thì bảo con] [nhé|ạ].",
    "[Mẹ|Bố] [chuyển|gửi] [con|] {money} [tiền học|tiền ăn tháng này|đóng tiền trọ] [rồi nhé|rồi đó], [tiêu|xài] [tiết kiệm|cẩn thận] [nha con|].",
    "[Ok|Oke|Dạ vâng|Ừ], [em|anh|mình] [nhận được rồi|biết rồi|để mai tính], [cảm ơn|thanks|cám ơn] [nhiều|nha|nhé].",
    "[Chị ơi|Anh ơi|Cô ơi], [em|cháu] [đặt|lấy] [{n} hộp|{n} phần] [cơm|bánh|trái cây] [giao|gửi] [tới|về] [số {n} {street}|văn phòng] [lúc|tầm] {time} [giúp em|nhé], [em chuyển khoản|em gửi tiền mặt] [khi nhận|luôn].",
)

ADS: tuple[str, ...] = (
    "[(TB)|(TB):|TB:|(QC)] [Nhanh tay|Nhanh tay|Đừng bỏ lỡ] [NẠP THẺ|NAP THE|nạp tiền] [ngay hôm nay|ngay HOM NAY|trong hôm nay] [({date})|] [để được|de duoc] [TẶNG|TANG] {pct}% [giá trị|gia tri] [thẻ nạp|the] [từ|tu] {carrier}. [Chương trình áp dụng cho thuê bao trả trước|Ap dung cho TB tra truoc]. [{carrier} đồng hành cùng|{carrier} dong hanh cung] {eventlink}[, chương trình do Bộ Công Thương phát động|]",
    "[{bank}|{bankshort}] [đồng hành cùng|là đối tác của|tài trợ] [Ngày hội mua sắm trực tuyến|Tuần lễ thương mại điện tử|chương trình Tết sum vầy|giải chạy {province}], [hoàn tiền|giảm] {pct}% [khi thanh toán bằng thẻ|cho chủ thẻ] {bankshort}. [Chi tiết|Xem thêm|Thông tin] [tại|tai] {eventlink}",
    "[{shop}|{carrier}|{wallet}] [mời bạn tham gia|tham gia|giới thiệu] [sự kiện|chương trình] [{day} siêu sale|Online Friday|Black Friday|ngày hội việc làm], [xem thể lệ|the le|chi tiết] [tại|tai] {eventlink}[. Từ chối QC soạn TC gửi {shortcode2}|]",
    "[HOT!|Ưu đãi|Uu dai] [Miễn phí đổi eSIM|Đổi điểm {carrier}++ nhận voucher|Mua gói data giảm 50%] [trên ứng dụng My {carrier}|qua ứng dụng] [từ ngày {date}|đến hết {date}]. [Truy cập|Truy cap] {applink} [để đăng ký ngay|de doi ngay]. [Chi tiết LH|CT LH] [198 (0đ)|{hotline}]. [Từ chối QC, soạn TC3 gửi 199|Tu choi QC soan TC gui 199]",
    "{bank}: [Hạn mức tín dụng lên đến|Han muc toi] {money}, [hoàn tiền đến|hoan tien] {pct}% [khi chi tiêu trên|khi mua sam tren] [{shop}|ứng dụng] [với thẻ|voi the] {bank} [Platinum|Cashback]. [Đăng ký mở thẻ online tại|Mo the tai] {applink}. [Từ chối QC, soạn TC7 gửi 197|Tu choi QC soan TC gui 197]",
    "[{shopname}|{shopname} Cosmetics|THE {shopname}] [SAVING DAY|SALE HÈ|tri ân]: [giảm giá|GIAM GIA] [{pct}%|10%-50%] [tất cả sản phẩm|toàn bộ cửa hàng] [và nhận thêm quà tặng|, tặng kèm quà]. [Áp dụng|Ap dung] [từ|tu] {date}. [LH|Hotline] {phone} - {bizlink}",
    "[T.bao|Thông báo|TB] [tuyển sinh|tuyen sinh] [thạc sĩ|MBA|cao đẳng|văn bằng 2|lớp 10] [năm|nam] {year} [của|cua] [Trường|Truong] {school}. [Nhận hồ sơ đến|Han nop ho so] {date}. [LH|L/H] {phone} [Web|Website]: {bizlink}",
    "[Nhân ngày|Nhan ngay] [Phụ nữ 8/3|20/10|sinh nhật|Black Friday], {shopname} [tặng|tang] [Quý khách|KH|chị {first}] [voucher|phiếu quà tặng] {small} [đến|den] {date}. [Truy cập|Truy cap] {bizlink} [để nhận mã|de nhan code]. [LH|Hotline] {phone}",
    "[Mở bán|Mo ban|Sở hữu ngay|SoHuu ngay] [căn hộ|CH|chung cư] [2PN|view biển|gần sân bay] [tại|tai] {district} [chỉ|chi] [{n}00tr/căn|1.{n} tỷ], [trả góp|tra gop] [0% lãi suất|linh hoat], [ngân hàng hỗ trợ vay 70%|NH ho tro 70%], [CK|chiết khấu] {pct}%. [LH|TEL] {phone}. [Xem thêm|Web] {bizlink}",
    "[{shopname}|Đông y {shopname}|Nhà thuốc {shopname}] [: |- ][Đông trùng hạ thảo|mật ong rừng|sâm Ngọc Linh|yến sào] [nguyên chất|chính hãng], [giá|gia] {small}/[hộp|hop]. [Giao hàng toàn quốc|Ship toan quoc]. [Liên hệ|LH] {phone} [hoặc|] {bizlink}",
    "[Nạp tiền|Nap tien] [điện thoại|dien thoai] [tại|tai] {bizlink} [chiết khấu|chiet khau] [{pct}%|5%] [, nhận thêm coupon mua sắm|, tang coupon]. [Hotline|HL] {phone}",
    "[{bizlink}|Công ty {shopname}] [giới thiệu|g/thieu] [chương trình|ct] [ca nhạc|hài kịch|hòa nhạc] [cuối năm|Tết] [ngày|] {date} [tại|] {province}. [Đặt vé|Dat ve] {phone}",
    "[Nếu Quý khách đã gia hạn|Neu QK da gia han], [vui lòng bỏ qua tin nhắn này|vui long bo qua]. [Tên miền|Domain] {bizlink} [sẽ hết hạn|het han] [ngày|] {date} [(Domain+Hosting)|]. [Gia hạn|Gia han] [liên hệ|LH] {phone}",
    "[Chuc mung|Chúc mừng] [TB|thuê bao] {phone} [vua nap|vừa nạp] {fee} [vao TK|thành công]. [Ban|Bạn] [co|có] {n} [co hoi|cơ hội] [trung|trúng] [xe SH|iPhone 16|{fee}|1 cây vàng] [trong chuong trinh|từ chương trình] [Vang may man|Tết vui|Quay số] [cua|của] {carrier}. [Soan|Soạn] DK [gui|gửi] {shortcode} [({small}/ngay)|(3.000đ/ngày)] [de tham gia|để tham gia]. [Tu choi QC soan TC gui|Từ chối QC soạn TC gửi] {shortcode2}",
    "[(QC)|] [Mở bán|Mo ban|So huu ngay] [căn hộ|can ho|CHCC] [view biển|ven song|gan metro] [{province}|{district}] [chỉ|chi] [{n}00tr/can|{n} ty/can], [cam kết thuê lại|cam ket thue lai] [{n}tr/thang|{pct}%/nam], [chiết khấu|CK] {pct}%. [LH|Lh|TEL] {phone}",
    "[Bán|Ban] [sim số đẹp|sim so dep|sim nam sinh] {phone} [giá|gia] {small}[, hỗ trợ đăng ký chính chủ|, ho tro dang ky chinh chu, giao sim tan nha]. [LH|L/He|Goi] {phone}",
    "[Internet|INTERNET] {carrier} [gói|goi] {package}: [TẶNG NGAY|tang ngay] [1-2 tháng cước|1 thang cuoc] [khi đăng ký mới và đóng trước|khi dang ky moi va dong truoc] [6-12 tháng|6 thang]. [Cước chỉ từ|Cuoc chi tu] {fee}/[tháng|thang]. [LH|Chi tiet] {hotline}",
    "[Giải trí thả ga|Giai tri tha ga] - [miễn phí data|mien phi data] [xem phim, nghe nhạc|100% luu luong] [tại|tai] [myclip.vn|tv360.vn|{official_carrier}], [soạn|soan] [XN|DK] [gửi|gui] {shortcode} [(3.000đ/ngày, gia hạn theo ngày)|(5.000d/ngay)].",
    "[Khuyến mãi|Khuyen mai] [50%|{pct}%] [khi mua|khi mua] [bảo hiểm xe máy|bao hiem xe may|bảo hiểm ô tô] [qua|tren] [Viettel Money|{wallet}]! [Truy cập|Truy cap] [{official_wallet}|ứng dụng {wallet}] [nhận ưu đãi|nhan uu dai] [số lượng có hạn|so luong co han].",
    "[(QC)|QC] [{carrier}|{carrier}:] [Ưu đãi|Uu dai|KM] [{pct}%|tặng {pct}%|x2] [giá trị thẻ nạp|data] [khi nạp|cho TB nap] [từ|tu] {fee} [ngày|ngay] {date}. [Soạn|Soan] {package} [gửi|gui] {shortcode} [({fee}/tháng)|]. [Từ chối QC soạn TC gửi|Tu choi QC soan TC gui] {shortcode2}",
    "[(QC)|QC] [{carrier}|{carrier}:] [Đăng ký|Dang ky|DK] [gói|goi] {package} [chỉ|chi] {fee}/[tháng|30 ngay] [có ngay|co ngay] [{n}GB/ngày|data khong gioi han] [và miễn phí gọi nội mạng|+ mien phi TikTok, YouTube]. [Soạn|Soan] [DK|DANG KY] {package} [gửi|gui] {shortcode}. [Chi tiết|CT] {official_carrier}",
    "[(QC)|QC] [Dự án|Du an|Căn hộ|Đất nền] [{project}|{project} {province}] [mở bán|mo ban|ra mắt] [giai đoạn {n}|đợt cuối], [chỉ từ|gia chi tu] [{n} tỷ|{money}/m2] [, sổ hồng lâu dài|, chiết khấu {pct}%|, hỗ trợ vay {pct}%]. [Hotline|HL|LH] {phone}. [Từ chối QC|Tu choi QC] [soạn TC gửi|] {shortcode2}",
    "[(QC)|QC|] [Spa|Thẩm mỹ viện|TMV] {shopname} [giảm|giam] {pct}% [triệt lông|trị mụn|chăm sóc da|gội đầu dưỡng sinh] [tuần này|trong tháng {month}|cho khách mới]. [Đặt lịch|Dat lich] {phone} [, địa chỉ {n} {street}|]",
    "[(QC)|QC] [Trung tâm|Anh ngữ|TT] {school} [khai giảng|khai giang] [lớp|] [IELTS|giao tiếp|tiếng Anh trẻ em|tin học văn phòng] [ngày|] {date}, [học phí ưu đãi|giam {pct}% hoc phi|tặng giáo trình]. [Đăng ký|DK] [tại|] {official_shop} [hoặc|hay] {phone}",
    "[(QC)|QC] [{bank}|{bankshort}:] [Mở thẻ tín dụng|Mo the tin dung|Vay mua nhà] [{bank}|] [nhận ngay|hoan tien] [{money}|{pct}%] [, miễn phí thường niên năm đầu|, lãi suất ưu đãi từ {pct}%/năm]. [Chi tiết|CT] [tại|] {official_bank} [hoặc|] [hotline|] {hotline}. [Từ chối QC|TC] [soạn TC gửi|] {shortcode2}",
    "[(QC)|QC] [FE CREDIT|Home Credit|Shinhan Finance|Mcredit|HD SAISON]: [Vay tiêu dùng|Vay tien mat|Ưu đãi vay] [đến|toi] [{n}0 triệu|{money}], [lãi suất từ|lai suat tu] {pct}%/[tháng|nam]. [Đăng ký tại|DK tai] [ứng dụng chính thức|website] [hoặc|] [gọi|LH] {hotline}. [Từ chối soạn TC gửi|Tu choi QC soan TC gui] {shortcode2}",
    "[{shop}|{shopshort}] [SIÊU SALE|sale] [{day}|ngày đôi {day}]: [giảm đến|giam den] {pct}% [, freeship 0đ|, voucher {money}|, hoàn xu]. [Săn ngay trên ứng dụng|Mo app] {shop}. [Từ chối nhận tin|Tat thong bao] [trong cài đặt ứng dụng|].",
    "[(QC)|] [Nhà hàng|Quán|Buffet] {shopname} [khai trương|ưu đãi|khuyen mai] [{pct}%|tặng món] [cho nhóm từ 4 người|từ {date}|cuối tuần]. [Đặt bàn|Dat ban] {phone}. [Địa chỉ|DC] {n} {street}, {district}.",
    "[(QC)|QC] [Bảo hiểm|Bao hiem] [Prudential|Manulife|Bảo Việt|AIA|Dai-ichi] [: gói|goi] [bảo hiểm sức khỏe|bao hiem nhan tho|bảo hiểm ô tô] [chỉ từ|tu] {money}/[năm|tháng]. [Tư vấn miễn phí|Tu van] {phone}",
    "[(QC)|] [Showroom|Đại lý] [Toyota|Honda|VinFast|Hyundai|Kia] {province} [ưu đãi|giam] [{money}|{pct}% lệ phí trước bạ] [khi mua xe trong tháng {month}|cho khach hang]. [Lái thử|Lai thu] [miễn phí|] [, LH|] {phone}",
    "[Vietlott|VIETLOTT]: [Giải Jackpot|Jackpot] [Mega 6/45|Power 6/55] [kỳ này|ky {code}] [ước tính|uoc tinh] {money}. [Mua vé tại điểm bán hợp pháp|Mua ve tai diem ban cua Vietlott]. [Chi tiết|CT] vietlott.vn",
    "[(QC)|QC] [{wallet}|{wallet}:] [Thanh toán hóa đơn điện|Nạp tiền điện thoại|Đặt vé xem phim] [giảm|giam] {money} [, nhập mã|, ma] {promo} [, áp dụng đến|, HSD] {date}. [Mở ứng dụng|Mo app] {wallet}.",
)
