"""Templates for impersonation, phishing and malware scam messages.

Syntax: ``[a|b|c]`` picks one alternative, ``{slot}`` is filled by the generator (see
``build.py``). The wording is the project's own, modelled on public police/NCSC warnings.
"""

from __future__ import annotations

BANK_IMPERSONATION: tuple[str, ...] = (
    "{bank}: [Tài khoản|TK|Tai khoan] của Quý khách [đã bị tạm khóa|sẽ bị tạm ngưng|bị hạn chế giao dịch] do [chưa cập nhật sinh trắc học|chưa xác thực thông tin CCCD gắn chip|phát hiện đăng nhập bất thường]. [Vui lòng|Quý khách vui lòng|Đề nghị] [truy cập|cập nhật tại|xác minh tại] {link} [trước 17h hôm nay|trong vòng 24h|ngay hôm nay] [để tránh gián đoạn dịch vụ.|để không bị khóa vĩnh viễn.|.]",
    "[Thông báo|THONG BAO|TB] từ {bank}: Theo quy định của NHNN từ {date}, tài khoản chưa [xác thực sinh trắc học|cập nhật CCCD] sẽ bị [dừng giao dịch online|khóa]. Quý khách [truy cập|vào] {link} để [cập nhật|xác thực] [ngay|miễn phí].",
    "{bank} [kính báo|thông báo]: Quý khách [vừa|đã] [đăng nhập|kích hoạt] Smart Banking trên thiết bị lạ [lúc {time}|vào {time} ngày {date}]. Nếu không phải Quý khách, [hủy ngay tại|vui lòng hủy tại|truy cập] {link}",
    "[{bank}|{bankshort}] tri ân khách hàng: [Nâng hạn mức thẻ tín dụng lên|Tăng hạn mức] {money} [miễn phí|không cần chứng minh thu nhập]. [Đăng ký|Xác nhận] tại {link} [trước {date}|trong hôm nay].",
    "Quý khách [đã nhận được|có] {money} [hoàn tiền|tích điểm đổi quà] từ {bank}. [Điểm sẽ hết hạn|Ưu đãi hết hạn] [vào {date}|trong 24h], [đổi ngay tại|nhận ngay tại] {link}",
    "{bank}: Thẻ [ATM|tín dụng|ghi nợ] [đuôi {last4}|của Quý khách] [sẽ hết hạn|đã hết hạn|cần chuyển đổi sang thẻ chip] [vào {date}|trong tuần này]. [Vui lòng|Đề nghị] [đăng ký đổi thẻ|gia hạn] tại {link} [để tránh bị khóa thẻ|và nhập mã OTP để xác nhận].",
    "[Em là|Chào anh/chị, em là] nhân viên [{bank}|phòng chăm sóc khách hàng {bank}]. [Hệ thống đang nâng cấp|Tài khoản của anh/chị có giao dịch bất thường], anh/chị [vui lòng đọc giúp em|cho em xin|gửi em] mã OTP [vừa nhận|gửi về máy] để [em hủy giao dịch|xác minh chủ tài khoản] [ạ|nhé].",
    "{bank}: [Giao dịch|GD] -{money} [đang chờ xử lý|bị nghi ngờ gian lận]. [Nếu không phải Quý khách thực hiện|Nếu không thực hiện], [vui lòng hủy tại|hủy ngay tại|truy cập] {link} [trong 30 phút|ngay lập tức].",
    "[{bankshort}|{bank}] [THONG BAO|thông báo]: [Ứng dụng|App] {bank} [phiên bản cũ|bản hiện tại] sẽ ngừng hoạt động từ {date}. [Tải|Cài đặt] [phiên bản mới|bản cập nhật] tại {link} [để tiếp tục sử dụng|để không bị gián đoạn].",
    "[Kính gửi Quý khách|Quý khách thân mến], {bank} [đang triển khai|triển khai] chương trình [xác thực khuôn mặt|định danh khách hàng] [bắt buộc|theo Thông tư 50]. Quý khách [chưa hoàn tất|chưa thực hiện] vui lòng [làm theo hướng dẫn tại|truy cập] {link}. Hotline {phone}",
    "[Tài khoản {bank}|TK {bankshort}] {masked} [của bạn|] [bị đóng băng|bị phong tỏa] [do liên quan giao dịch đáng ngờ|theo yêu cầu của cơ quan chức năng]. [Liên hệ|Gọi ngay] {phone} [để được hỗ trợ mở khóa|gặp bộ phận xử lý].",
    "{bankshort}: Quy khach co 1 khoan tien {money} chua nhan [tu giao dich quoc te|do chuyen nham]. Xac nhan nhan tien tai {link} [, han cuoi {date}|.]",
)

AUTHORITY_IMPERSONATION: tuple[str, ...] = (
    "[Tôi là|Đây là] [cán bộ|điều tra viên] [Công an|Phòng Cảnh sát hình sự Công an] {province}. [Số điện thoại|Tài khoản ngân hàng] của [anh|chị|ông|bà] [liên quan đến|bị sử dụng trong] [một vụ án rửa tiền|đường dây ma túy|vụ lừa đảo chiếm đoạt tài sản]. [Yêu cầu|Đề nghị] [phối hợp điều tra|chuyển toàn bộ tiền vào tài khoản tạm giữ] [nếu không sẽ bị|để tránh bị] [phát lệnh bắt|khởi tố|truy cứu trách nhiệm hình sự].",
    "[Viện kiểm sát|Tòa án nhân dân|VKSND] {province} [thông báo|THONG BAO]: [Ông/bà|Anh/chị] [có lệnh triệu tập|bị khởi tố] [trong vụ án số {code}|liên quan vụ án rửa tiền]. [Liên hệ|Gọi ngay] [điều tra viên|cán bộ thụ lý] {phone} [trước {time} hôm nay|trong ngày] [để tránh bị bắt giữ|nếu không sẽ bị áp giải].",
    "[Cục Thuế|Tổng cục Thuế|Chi cục Thuế] thông báo: [Anh/chị|Quý vị] [được hoàn thuế TNCN|có khoản hoàn thuế thu nhập cá nhân] {money}. [Vui lòng|Đề nghị] [khai báo tại|cập nhật thông tin nhận hoàn thuế tại|xác nhận tại] {link} [trước {date}|trong 48h].",
    "[Bộ Công an|Công an phường|C06] [thông báo|hướng dẫn]: [Tài khoản định danh điện tử|Tài khoản VNeID] của [công dân|bạn] [chưa được kích hoạt mức 2|sẽ bị khóa|cần cập nhật]. [Cài đặt ứng dụng|Tải ứng dụng] [VNeID phiên bản mới|dịch vụ công] tại {link} [để được hỗ trợ|và làm theo hướng dẫn].",
    "[Phạt nguội|Thông báo vi phạm giao thông]: [Phương tiện|Xe] biển số {plate} [vi phạm|có vi phạm] [vượt đèn đỏ|quá tốc độ] [ngày {date}|tại {province}]. [Mức phạt|Số tiền nộp phạt] {money}. [Nộp phạt trực tuyến|Tra cứu và nộp phạt] tại {link} [trước {date} để tránh tăng mức phạt|để tránh bị tước giấy phép lái xe].",
    "[EVN|Điện lực {province}|ĐIỆN LỰC] thông báo: [Quý khách|Hộ gia đình] [mã KH|mã khách hàng] PD{code} [còn nợ tiền điện|chưa thanh toán] {money}. [Hệ thống sẽ cắt điện|Sẽ tạm ngừng cấp điện] [lúc {time} hôm nay|trong 2 giờ tới]. [Liên hệ nhân viên|Gọi] {phone} [để thanh toán|hoặc thanh toán qua {link}].",
    "[Bảo hiểm xã hội|BHXH] [Việt Nam|{province}] thông báo: [Anh/chị|Bạn] [có khoản trợ cấp|được hỗ trợ thất nghiệp|được hưởng trợ cấp một lần] {money}. [Cài đặt ứng dụng VssID bản mới|Truy cập] {link} [để nhận|để làm thủ tục].",
    "[Cán bộ công an phường|Công an xã] [hỗ trợ|hướng dẫn] [cập nhật|đồng bộ] [thông tin dân cư|dữ liệu CCCD] [trên ứng dụng|qua Zalo]. [Kết bạn Zalo|Liên hệ] {phone} [để được hướng dẫn cài ứng dụng|gửi ảnh CCCD hai mặt].",
    "[Cổng dịch vụ công|DICHVUCONG] [thông báo|TB]: [Hồ sơ|Giấy tờ] của [ông/bà|bạn] [đã bị từ chối|còn thiếu thông tin]. [Bổ sung|Cập nhật] tại {link} [, hạn chót {date}|ngay hôm nay].",
    "[Lệnh bắt|LỆNH TẠM GIAM] số {code}/CSĐT: [Đối tượng|Ông/bà] {Name} [bị truy nã|có liên quan vụ án]. [Để được xem xét|Muốn chứng minh trong sạch], [chuyển tiền vào tài khoản|nộp tiền bảo lãnh vào] {acct} [của cơ quan điều tra|tên {NAME}].",
    "[Cục CSGT|CSGT] [thông báo|TB]: [Giấy phép lái xe|Bằng lái] của [bạn|anh/chị] [bị trừ điểm|sắp bị thu hồi]. [Kiểm tra|Tra cứu] [điểm GPLX|thông tin] tại {link}",
)

BRAND_IMPERSONATION: tuple[str, ...] = (
    "[{courier}|{couriershort}]: [Đơn hàng|Kiện hàng|Bưu phẩm] [{code}|của bạn] [giao không thành công|bị hoãn|đang bị giữ tại kho] do [sai địa chỉ|chưa thanh toán phí vận chuyển|thiếu thông tin người nhận]. [Cập nhật|Xác nhận] [địa chỉ|thông tin] tại {link} [trong 24h|trước {time}] [để tránh hoàn hàng|nếu không hàng sẽ bị trả lại].",
    "[{shop}|{shopshort}] thông báo: [Đơn hàng|Đơn] {code} [bị hủy do lỗi hệ thống|được hoàn tiền] {money}. [Nhận hoàn tiền|Xác nhận hoàn tiền] tại {link} [hoặc liên hệ CSKH {phone}|.]",
    "[Shipper|Bên giao hàng] [báo|thông báo]: [Có|Bạn có] [đơn hàng|bưu kiện] [phí ship|COD] {money}, [anh/chị|bạn] [chuyển khoản trước|thanh toán trước] vào [STK|số tài khoản] {acct} {bankshort} {NAME} [để em giao luôn|em mới giao được] [ạ|nhé].",
    "[{carrier}|{carriershort}] [thông báo|TB]: [SIM của Quý khách|Thuê bao] [chưa chuẩn hóa thông tin|sắp bị khóa 2 chiều] [do chưa cập nhật ảnh chân dung|theo quy định mới]. [Cập nhật|Chuẩn hóa] tại {link} [trước {date}|ngay].",
    "[{carrier}|{carriershort}]: [Nâng cấp|Chuyển đổi] [SIM 4G|SIM 5G|eSIM] miễn phí [tại nhà|không cần ra cửa hàng]. [Soạn tin|Bấm] [theo cú pháp|gọi] {phone} [để nhân viên hướng dẫn|và đọc mã OTP gửi về máy để xác nhận].",
    "[Chương trình|Ưu đãi] [vé máy bay|vé Vietnam Airlines|vé Vietjet] [giá rẻ|chỉ từ 99k] [mùa du lịch|dịp Tết] [, đặt ngay qua Zalo|. Inbox page] {phone} [chuyển khoản giữ chỗ {money}|giữ vé trong 2h].",
    "[{shop}|{shopshort}]: Chúc mừng [bạn|quý khách] [được chọn làm khách hàng thân thiết|nhận voucher] {money}. [Kích hoạt|Nhận] [voucher|ưu đãi] tại {link} [hạn dùng đến {date}|trong hôm nay].",
    "[Em bên|Nhân viên] [{shop}|chăm sóc khách hàng {shop}] [liên hệ|báo] [đơn của anh/chị bị lỗi thanh toán|anh/chị đã bị đăng ký nhầm gói thành viên phí {money}/tháng]. [Để hủy|Muốn hủy] [anh/chị|bạn] [làm theo hướng dẫn qua Zalo|kết bạn Zalo] {phone} [ạ|nhé].",
    "[{wallet}|Ví {wallet}]: [Tài khoản ví|Ví của bạn] [bị tạm khóa|cần xác thực lại] [do vi phạm chính sách|vì đăng nhập trên thiết bị mới]. [Xác thực|Mở khóa] tại {link} [để tiếp tục sử dụng|trước {time}].",
    "[Đặt phòng|Resort|Khách sạn] [5 sao|nghỉ dưỡng] [Phú Quốc|Đà Lạt|Nha Trang|Đà Nẵng] [giá sốc|giảm 70%] [chỉ {money}/đêm|combo 3N2Đ]. [Đặt cọc|Chuyển cọc] vào {acct} {NAME} [để giữ phòng|giữ chỗ trong ngày].",
)

PHISHING: tuple[str, ...] = (
    "[Facebook|Meta] [thông báo|cảnh báo]: [Trang|Tài khoản] của bạn [vi phạm tiêu chuẩn cộng đồng|bị báo cáo vi phạm bản quyền] và sẽ bị [vô hiệu hóa|xóa] [trong 24h|sau 48h]. [Kháng nghị|Xác minh] tại {link}",
    "[Zalo|Zalo PC] [thông báo|TB]: [Tài khoản|Tk] của bạn [đăng nhập trên thiết bị lạ|sắp hết hạn xác minh]. [Đăng nhập|Xác nhận] lại tại {link} [để bảo vệ tài khoản|.]",
    "[Bạn ơi|Ê|Alo] [bình chọn giúp|vote giúp|ủng hộ] [con mình|cháu mình|em mình] [cuộc thi ảnh|cuộc thi vẽ|cuộc thi tài năng nhí] [với|nhé]: {link} [đăng nhập Facebook là vote được|cảm ơn nhiều nha]",
    "[Microsoft|Outlook|Gmail] [cảnh báo|thông báo]: [Hộp thư|Mật khẩu] của bạn [sắp hết hạn|đã đầy]. [Giữ mật khẩu hiện tại|Nâng dung lượng] tại {link}",
    "[Apple ID|iCloud] [của bạn|] [đã bị khóa|bị đăng nhập từ {province}]. [Mở khóa|Xác minh danh tính] tại {link} [trong 24 giờ|ngay].",
    "[{app}|Tài khoản {app}] [của bạn|] [nhận được|trúng] [1 tin nhắn thoại|ưu đãi|tệp chia sẻ]. [Đăng nhập|Xem] tại {link} [để xem chi tiết|.]",
    "[Sổ liên lạc điện tử|Nhà trường] [thông báo|TB]: [Con|Học sinh] {Name} [có kết quả học tập mới|có thông báo học phí]. [Phụ huynh|PH] [đăng nhập|xem] tại {link}",
    "[Netflix|Spotify|YouTube Premium]: [Thanh toán không thành công|Gói của bạn bị tạm dừng]. [Cập nhật thẻ|Cập nhật phương thức thanh toán] tại {link} [để tiếp tục xem|.]",
)

MALWARE: tuple[str, ...] = (
    "[Tải|Cài] ứng dụng [{app}|Dịch vụ công|VNeID|BHXH số|Thuế điện tử] [phiên bản mới|bản cập nhật] tại {apk} [để được hỗ trợ|để hoàn tất thủ tục|theo hướng dẫn của cán bộ].",
    "[Anh/chị|Bác] [bấm vào link|cài file] {apk} [rồi cấp quyền|bật quyền trợ năng|cho phép cài đặt từ nguồn không xác định] [để em hỗ trợ|để hoàn thuế|để nhận trợ cấp] [nhé|ạ].",
    "[{bank}|{bankshort}]: [Ứng dụng|App] [ngân hàng số|Smart Banking] [mới|bản 2025] [chống lừa đảo|bảo mật cao] [, tải tại|tải về tại|cài đặt tại] {apk}",
    "[Ảnh|Video|Hóa đơn|Biên lai] [của bạn|em gửi] [đây|nè]: {apk} [mở ra xem|xem đi]",
    "[Cài|Tải] [ứng dụng|app] [TeamViewer|UltraViewer|AnyDesk|AirDroid] [rồi đọc mã|và gửi ID] cho [em|cán bộ] [để hỗ trợ cập nhật|để xử lý hồ sơ] [ạ|nhé].",
    "[Điện lực|EVN|Cấp nước] [hướng dẫn|yêu cầu] [khách hàng|hộ dân] [cài ứng dụng|tải app] [thanh toán|chăm sóc khách hàng] tại {apk} [để không bị ngắt dịch vụ|nhận hoàn tiền].",
    "[Thiệp mời đám cưới|Thiep cuoi|Thư mời] [của|] {Name} [, xem tại|: ] {apk}",
)
