"""Ordinary everyday messages and comments (``legit``): chat with family, friends and
colleagues, plans, questions, feelings, opinions and product reviews.

Scams are a small part of what people send; without plenty of plain everyday text the model
would learn that "any message" leans towards fraud. Same syntax as the other templates.
"""

from __future__ import annotations

_WHO = "[anh|em|chị|mình|tao|tớ|con|mẹ|bố|bà|cô|chú|bác]"
_YOU = "[anh|em|chị|mày|cậu|bạn|con|mẹ|bố|bà|cô|chú|bác|cả nhà|mọi người]"
_WHEN = (
    "[tối nay|chiều nay|sáng mai|mai|cuối tuần|thứ bảy|chủ nhật|tuần sau|lát nữa|hôm qua|tí nữa]"
)
_PLACE = (
    "[nhà bà ngoại|quán cà phê đầu ngõ|siêu thị|chợ|trường|công ty|bệnh viện|phòng gym|"
    "nhà văn hóa|sân bóng|rạp phim|hồ Tây|công viên|quán bún chả|nhà hàng lẩu|tiệm sửa xe]"
)
_FOOD = "[bún chả|phở|cơm tấm|lẩu|bánh mì|trà sữa|bún bò|gà rán|pizza|cơm rang|chè|sinh tố|hải sản]"
_END = "[nhé|nha|nhá|nhỉ|ạ|đấy|đó|nè|à|luôn|]"

EVERYDAY: tuple[str, ...] = (
    f"{_WHEN} {_WHO} [qua|ghé|sang|về|đến] {_PLACE} [nhé|nha|đấy], {_YOU} có [đi cùng|đi|ra] không?",
    f"{_YOU} ơi, {_WHEN} [ăn|đi ăn|gọi] {_FOOD} [không|ko|hông]? {_WHO} [mời|bao|khao] {_END}",
    f"{_YOU} [ăn cơm|ăn tối|ăn sáng|ngủ|về nhà|tan làm|đi học về] chưa? {_WHO} [đang nấu|vừa nấu|mua] {_FOOD} [này|rồi] {_END}",
    f"[Hôm nay|Nay|Sáng nay] {_WHO} [mệt|buồn ngủ|đau đầu|bận|vui] [quá|ghê|lắm|thật], [chắc|có lẽ] [về sớm|nghỉ sớm|đi ngủ sớm] {_END}",
    f"[Phim|Bộ phim|Trận bóng|Buổi hòa nhạc|Cuốn sách] [hôm qua|tối qua|này] [hay|dở|chán|cảm động|hài] [quá|thật|ghê|lắm], {_YOU} [xem chưa|đọc chưa|thấy sao]?",
    f"[Quán|Chỗ|Tiệm] {_FOOD} [ở|gần] {_PLACE} [ngon|dở|đắt|rẻ|đông] [lắm|quá|thật], [lần sau|hôm nào] [đi tiếp|rủ thêm mấy đứa|thử món khác] {_END}",
    f"[Hàng|Áo|Giày|Túi|Sản phẩm|Đồ] [đẹp|ổn|chất lượng|giống hình|hơi rộng|hơi nhỏ], [giao hàng|ship|shop giao] [nhanh|chậm|đúng hẹn], [shop|người bán] [tư vấn nhiệt tình|dễ thương|trả lời nhanh] {_END}",
    f"[Mình|Em|Tôi] [đã nhận được hàng|mua lần thứ hai|rất hài lòng|hơi thất vọng], [đóng gói|chất vải|màu sắc|pin] [cẩn thận|tốt|không giống ảnh lắm|dùng được], [sẽ ủng hộ tiếp|cho 5 sao|cho 3 sao] {_END}",
    f"{_WHO} [đang|vừa] [kẹt xe|đợi xe buýt|đi chợ|họp|trên đường về|gửi xe], [khoảng|tầm] [10|15|20|30] phút nữa [tới|về|xong] {_END}",
    f"[Nhớ|Đừng quên] [mang|cầm|mua|tắt|khóa] [ô|áo mưa|chìa khóa|sạc điện thoại|bếp ga|cửa|sữa cho bé|rau] [nhé|nha|đấy] {_YOU}",
    f"[Sếp|Trưởng phòng|Cô giáo|Thầy] [bảo|nhắc|dặn] [họp|nộp bài|nộp báo cáo|đi làm sớm|học nhóm] [lúc|vào] [8h|9h|2h chiều|3h|thứ hai] {_END}, {_YOU} [nhớ|báo giúp|nhắn lại] [mọi người|mấy bạn|cả nhóm]",
    f"{_YOU} [gửi|chuyển|share] [giúp|hộ|cho] {_WHO} [file|ảnh|tài liệu|slide|bản scan|đề cương|link họp] [hôm qua|buổi trước|bài tập] [với|nhé|được không]?",
    f"[Chúc|Chuc] {_YOU} [ngủ ngon|một ngày vui vẻ|thi tốt|đi đường bình an|sinh nhật vui vẻ|năm mới an khang|cuối tuần vui vẻ] {_END}",
    f"[Trời|Ngoài trời|Hà Nội|Sài Gòn|Đà Nẵng] [hôm nay|nay] [mưa to|nắng gắt|lạnh|nồm|mát|nóng] [quá|ghê|thật], {_YOU} [nhớ|đi đường] [mặc ấm|mang áo mưa|cẩn thận|uống nhiều nước] {_END}",
    f"[Bé|Con|Cháu] [nhà mình|] [hôm nay|nay] [đi học|ăn ngoan|ngủ ngoan|bị sốt nhẹ|được điểm 10|đòi về quê|tập đi xe đạp], {_YOU} [đừng lo|yên tâm|về sớm chơi với bé] {_END}",
    f"[Ok|Oke|Ừ|Dạ|Vâng|Được|Uh] [{_YOU}|], [để|] {_WHO} [xem lại|tính|hỏi lại|sắp xếp|báo sau] [rồi báo|nhé|đã|] {_END}",
    "[Haha|Hihi|Kkk|=))|:))] [buồn cười|hài|lầy] [quá|thật|vãi], [ảnh|clip|video] [này|đấy] [ở đâu ra vậy|gửi tao với|xem mãi không chán]",
    f"[Cuối tuần|Hè này|Tết này|Dịp lễ] [cả nhà|nhóm mình|lớp mình|công ty] [đi|về|tổ chức đi] [Đà Lạt|Sa Pa|Vũng Tàu|quê|biển|Hạ Long|Ninh Bình] [không|nhé|nha], {_WHO} [đặt xe|đặt phòng|lo đồ ăn] {_END}",
    f"{_YOU} [có|] [biết|nhớ] [số|nhà|lịch|giờ] [của|] [cô giáo|bác sĩ|thợ điện|chủ nhà|anh Nam|chị Hoa] [không|ko], [cho|gửi] {_WHO} [xin|] [với|nhé]",
    f"[Tiền điện|Tiền nước|Tiền nhà|Tiền học|Tiền chợ|Tiền quỹ lớp] [tháng này|kỳ này] [hết|là|tốn] [khoảng|tầm|] [{{money}}|hơi nhiều|ít hơn tháng trước], {_WHO} [đóng|trả|chuyển] [rồi|xong rồi|sau] {_END}",
    f"[Điện thoại|Máy tính|Xe máy|Tủ lạnh|Máy giặt] [của|] {_WHO} [bị hỏng|hết pin|lại hỏng|kêu to quá|không lên nguồn], {_YOU} [biết chỗ nào sửa|cho mượn|xem giúp] [không|được không]?",
    "[Chiều nay|Mai|Thứ năm] [lớp|nhóm|đội] [được nghỉ|học bù|thi|đá giao hữu|đi dã ngoại] [nhé|đấy|nha], [thông báo|báo] [cho|] [các bạn|cả lớp|mọi người] [với|giúp]",
    f"[Cảm ơn|Cám ơn|Thanks] {_YOU} [nhiều|nha|nhé|lắm], [quà|bánh|hoa|sách] [đẹp|ngon|hay] [quá|lắm], {_WHO} [rất thích|thích lắm|cảm động ghê]",
    f"[Xin lỗi|Sorry] {_YOU}, [hôm qua|vừa nãy|lúc nãy] {_WHO} [bận|ngủ quên|không nghe máy|quên mất|để điện thoại ở nhà], [lát|tối] {_WHO} [gọi lại|nhắn lại|qua] {_END}",
    f"[Bình luận|Cmt|Ý kiến]: [bài viết|video|clip|hình] [hay|ý nghĩa|đúng quá|xúc động|buồn cười] [quá|thật], [cảm ơn|chia sẻ|like] [tác giả|page|ad|bạn] {_END}",
    f"[Đội|Việt Nam|Man Utd|Arsenal|Real] [thắng|thua|hòa] [rồi|thật đáng tiếc|quá đỉnh], [trận sau|mùa sau] [chắc|hy vọng] [đá tốt hơn|vô địch|lên hạng] {_END}",
    f"{_WHO} [vừa|mới] [thi xong|nộp hồ sơ|phỏng vấn xong|đỗ bằng lái|được tăng lương|chuyển nhà|mua xe], [vui|mệt|hồi hộp] [quá|ghê], [tối|cuối tuần] [đi ăn mừng|khao] {_END}",
    f"[Mẹ|Bố|Bà|Ông] [dặn|bảo|nhắc] {_YOU} [mặc ấm|ăn uống đầy đủ|học hành chăm chỉ|đừng thức khuya|gọi về nhà|giữ gìn sức khỏe] {_END}",
    f"[Phòng|Nhà|Căn hộ] [bên|ở] [{{district}}|{{street}}] [còn trống|cho thuê|chật quá|có thang máy], [giá|tiền thuê] [khoảng|] [{{money}}|4 triệu|5 triệu rưỡi]/tháng, {_YOU} [đi xem|hỏi giúp|thấy sao] [không|nhé]?",
    f"[Cho|Gửi] {_WHO} [hỏi|xin] [đường|địa chỉ|giờ mở cửa|số phòng|lịch khám|thực đơn] [đến|của|ở] {_PLACE} [với|ạ|nhé], [cảm ơn|thanks] {_END}",
)
