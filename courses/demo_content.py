"""The demo courses: real, plain-language lessons for first-time phone users.

Each course is written in Vietnamese first (`COURSES`); `TRANSLATIONS[lang]` repeats the same
shape with only the words translated (pictures, right answers and block order always come
from the Vietnamese original). H'Mông (`hmn`) covers every course and was not
checked by a native speaker: the loader flags those pages for review in the admin.

Blocks: ("p", text) · ("img", picture, alt, caption) · ("steps", heading, [(picture, alt,
text), …]) · ("tip", text) · ("warn", text) · ("quiz", question, kind, [(answer, correct,
feedback), …]) · ("h5p", instruction): the course's H5P activity (`SELLING_ACTIVITY`, built
by `courses.demo_h5p_build`). In translations the picture and `correct` slots are None.
"""

INDEX = {"vi": "Các khoá học", "en": "Courses", "hmn": "Cov chav kawm"}
INDEX_INTRO = {
    "vi": "Bài ngắn, nhiều hình, học miễn phí trên điện thoại.",
    "en": "Short lessons with pictures, free on your phone.",
    "hmn": "Cov zaj kawm luv luv, muaj duab, kawm dawb hauv xov tooj.",
}

COURSES = [
    {
        "slug": "dung-dien-thoai-thong-minh",
        "title": "Dùng điện thoại thông minh",
        "summary": "Bật máy, đọc tin nhắn, gọi điện, cài ứng dụng và vào nhóm Zalo của thôn.",
        "topic": "smartphone_basics",
        "level": "first_steps",
        "minutes": 25,
        "cover": "phone-power.svg",
        "outcomes": [
            "Bật máy và mở khoá màn hình",
            "Đọc tin nhắn, gọi và nghe điện thoại",
            "Cài ứng dụng an toàn từ CH Play",
            "Vào nhóm Zalo của thôn",
        ],
        "lessons": [
            {
                "slug": "bat-may-mo-khoa",
                "title": "Bật máy và mở khoá màn hình",
                "summary": "Nút nguồn ở đâu, mở khoá thế nào.",
                "minutes": 5,
                "body": [
                    (
                        "p",
                        "Điện thoại có một nút nguồn ở cạnh bên. Nút này dùng để bật và tắt máy.",
                    ),
                    (
                        "steps",
                        "Bật máy",
                        [
                            (
                                "phone-power.svg",
                                "Ngón tay bấm nút nguồn ở cạnh phải điện thoại",
                                "Bấm và giữ nút nguồn khoảng 3 giây.",
                            ),
                            (None, "", "Chờ màn hình sáng lên."),
                            (
                                "phone-unlock.svg",
                                "Màn hình có chín chấm tròn và mũi tên vuốt lên",
                                "Vuốt màn hình từ dưới lên.",
                            ),
                            (None, "", "Nhập mã khoá (mã PIN) hoặc vẽ hình mở khoá."),
                        ],
                    ),
                    (
                        "tip",
                        "Chọn mã khoá dễ nhớ với bạn nhưng khó đoán với người khác. Đừng dùng năm sinh.",
                    ),
                    ("warn", "Không cho người lạ biết mã khoá điện thoại của bạn."),
                    (
                        "quiz",
                        "Muốn bật điện thoại, bạn làm gì?",
                        "single",
                        [
                            (
                                "Bấm và giữ nút nguồn khoảng 3 giây",
                                True,
                                "Đúng. Giữ nút nguồn đến khi màn hình sáng.",
                            ),
                            (
                                "Bấm nút tăng âm lượng",
                                False,
                                "Chưa đúng. Nút âm lượng chỉ làm tiếng to hay nhỏ.",
                            ),
                            (
                                "Lắc mạnh điện thoại",
                                False,
                                "Chưa đúng. Lắc máy không bật được máy, còn dễ làm rơi.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "tin-nhan-va-goi-dien",
                "title": "Đọc tin nhắn và gọi điện",
                "summary": "Mở tin nhắn, gọi đi, nghe máy và tắt máy.",
                "minutes": 6,
                "body": [
                    (
                        "img",
                        "phone-message.svg",
                        "Điện thoại với tin nhắn, nút xanh để gọi và nút đỏ để tắt",
                        "",
                    ),
                    (
                        "steps",
                        "Đọc tin nhắn",
                        [
                            (None, "", "Chạm vào biểu tượng Tin nhắn (hình bong bóng lời nói)."),
                            (None, "", "Chạm vào một tin để đọc."),
                            (None, "", "Bấm nút Quay lại để về danh sách tin."),
                        ],
                    ),
                    (
                        "steps",
                        "Gọi điện",
                        [
                            (None, "", "Chạm vào biểu tượng Điện thoại (hình ống nghe)."),
                            (None, "", "Bấm số cần gọi."),
                            (None, "", "Chạm nút màu xanh để gọi."),
                            (None, "", "Nói xong, chạm nút màu đỏ để tắt máy."),
                        ],
                    ),
                    ("tip", "Khi có người gọi đến: vuốt nút xanh để nghe, vuốt nút đỏ để từ chối."),
                    (
                        "warn",
                        "Tin nhắn bảo bạn bấm vào đường link hoặc đọc mã OTP thường là lừa đảo. Đừng làm theo.",
                    ),
                    (
                        "quiz",
                        "Nói chuyện xong, bạn chạm nút màu gì để tắt máy?",
                        "single",
                        [
                            ("Màu đỏ", True, "Đúng. Nút đỏ để kết thúc cuộc gọi."),
                            ("Màu xanh", False, "Chưa đúng. Nút xanh để gọi hoặc nghe máy."),
                        ],
                    ),
                ],
            },
            {
                "slug": "cai-ung-dung",
                "title": "Cài ứng dụng an toàn",
                "summary": "Chỉ cài từ CH Play hoặc App Store.",
                "minutes": 6,
                "body": [
                    (
                        "p",
                        "Ứng dụng (app) là phần mềm trên điện thoại, ví dụ Zalo, VNeID. Hãy cài ở cửa hàng ứng dụng chính thức.",
                    ),
                    (
                        "steps",
                        "Cài một ứng dụng",
                        [
                            (
                                "app-store.svg",
                                "Cửa hàng ứng dụng với ô tìm kiếm và nút Cài đặt màu xanh",
                                "Mở CH Play (máy Android) hoặc App Store (iPhone).",
                            ),
                            (None, "", "Chạm ô tìm kiếm, gõ tên ứng dụng."),
                            (None, "", "Xem tên nhà phát triển có đúng không."),
                            (None, "", "Chạm Cài đặt, chờ tải xong, rồi chạm Mở."),
                        ],
                    ),
                    (
                        "warn",
                        "Không cài ứng dụng từ đường link người lạ gửi qua tin nhắn hay Zalo. Kẻ gian dùng ứng dụng giả để lấy tiền trong tài khoản.",
                    ),
                    (
                        "quiz",
                        "Những cách nào là an toàn?",
                        "multiple",
                        [
                            (
                                "Cài từ CH Play hoặc App Store",
                                True,
                                "Đúng. Đây là cửa hàng chính thức.",
                            ),
                            (
                                "Xem tên nhà phát triển trước khi cài",
                                True,
                                "Đúng. Ứng dụng giả thường có tên nhà phát triển lạ.",
                            ),
                            (
                                "Cài tệp .apk người lạ gửi qua Zalo",
                                False,
                                "Sai. Tệp này có thể là ứng dụng lừa đảo.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "nhom-zalo-cua-thon",
                "title": "Vào nhóm Zalo của thôn",
                "summary": "Đăng ký Zalo và tham gia nhóm để nhận tin của thôn.",
                "minutes": 8,
                "body": [
                    (
                        "img",
                        "village-group.svg",
                        "Nhiều người trong thôn cùng trò chuyện trong một nhóm",
                        "",
                    ),
                    (
                        "steps",
                        "Đăng ký Zalo",
                        [
                            (None, "", "Cài Zalo từ CH Play hoặc App Store."),
                            (None, "", "Mở Zalo, chạm Tạo tài khoản, nhập số điện thoại của bạn."),
                            (None, "", "Zalo gửi mã OTP qua tin nhắn. Gõ mã đó vào Zalo."),
                            (None, "", "Nhập tên của bạn. Xong."),
                        ],
                    ),
                    (
                        "steps",
                        "Vào nhóm của thôn",
                        [
                            (None, "", "Xin tổ công nghệ số mã QR hoặc đường link của nhóm."),
                            (None, "", "Trong Zalo, chạm biểu tượng quét mã QR và đưa máy vào mã."),
                            (None, "", "Chạm Tham gia nhóm."),
                        ],
                    ),
                    ("tip", "Nhóm gửi nhiều tin quá? Vào tuỳ chọn nhóm và tắt thông báo."),
                    ("warn", "Mã OTP chỉ gõ vào Zalo. Ai gọi điện xin mã OTP là kẻ lừa đảo."),
                    (
                        "quiz",
                        "Có người gọi điện xin mã OTP Zalo của bạn. Bạn làm gì?",
                        "single",
                        [
                            (
                                "Không đưa mã, tắt máy",
                                True,
                                "Đúng. Không ai được biết mã OTP của bạn.",
                            ),
                            (
                                "Đọc mã cho họ vì họ nói là nhân viên Zalo",
                                False,
                                "Sai. Nhân viên thật không bao giờ xin mã OTP.",
                            ),
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "vneid-va-dich-vu-cong",
        "title": "VNeID và dịch vụ công trực tuyến",
        "summary": "Cài và kích hoạt VNeID, đưa thẻ BHYT, bằng lái vào VNeID, nộp hồ sơ trực tuyến.",
        "topic": "e_services",
        "level": "basic",
        "minutes": 30,
        "cover": "id-card.svg",
        "outcomes": [
            "Cài đúng ứng dụng VNeID",
            "Kích hoạt tài khoản định danh điện tử",
            "Đưa thẻ bảo hiểm y tế và giấy phép lái xe vào VNeID",
            "Nộp hồ sơ dịch vụ công trên điện thoại",
        ],
        "lessons": [
            {
                "slug": "cai-vneid",
                "title": "Cài đúng ứng dụng VNeID",
                "summary": "VNeID là ứng dụng định danh điện tử của Bộ Công an.",
                "minutes": 5,
                "body": [
                    (
                        "p",
                        "VNeID giống như căn cước công dân trên điện thoại. Có VNeID, bạn làm được nhiều thủ tục mà không cần đến tận nơi.",
                    ),
                    (
                        "steps",
                        "Cài VNeID",
                        [
                            (
                                "app-store.svg",
                                "Cửa hàng ứng dụng, ô tìm kiếm và nút Cài đặt",
                                "Mở CH Play hoặc App Store, tìm chữ VNeID.",
                            ),
                            (None, "", "Xem nhà phát triển: phải là cơ quan của Bộ Công an."),
                            (None, "", "Chạm Cài đặt, chờ xong rồi chạm Mở."),
                        ],
                    ),
                    (
                        "warn",
                        "Công an không bao giờ gửi đường link bảo bạn cài VNeID hay gọi điện hướng dẫn cài. Chỉ cài từ CH Play hoặc App Store.",
                    ),
                    (
                        "quiz",
                        "Bạn nên cài VNeID ở đâu?",
                        "single",
                        [
                            ("Trong CH Play hoặc App Store", True, "Đúng. Đó là nơi cài an toàn."),
                            (
                                "Từ đường link trong tin nhắn của 'cán bộ công an'",
                                False,
                                "Sai. Đây là cách kẻ gian cài ứng dụng giả.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "kich-hoat-tai-khoan",
                "title": "Kích hoạt tài khoản định danh điện tử",
                "summary": "Làm hồ sơ ở công an xã, rồi kích hoạt trên điện thoại.",
                "minutes": 8,
                "body": [
                    (
                        "img",
                        "id-card.svg",
                        "Thẻ căn cước có gắn chip và điện thoại mở ứng dụng VNeID",
                        "",
                    ),
                    (
                        "tip",
                        "Mang thẻ căn cước gắn chip và điện thoại có số thuê bao đứng tên bạn đến công an xã.",
                    ),
                    (
                        "steps",
                        "Kích hoạt",
                        [
                            (
                                None,
                                "",
                                "Ở công an xã: cán bộ chụp ảnh và lấy vân tay để đăng ký cho bạn.",
                            ),
                            (None, "", "Bạn nhận tin nhắn có mã kích hoạt."),
                            (None, "", "Mở VNeID, chạm Kích hoạt tài khoản."),
                            (
                                None,
                                "",
                                "Nhập số định danh cá nhân (12 số trên thẻ căn cước) và số điện thoại.",
                            ),
                            (None, "", "Nhập mã kích hoạt, đặt mật khẩu và mã bảo vệ 6 số."),
                        ],
                    ),
                    (
                        "warn",
                        "Mã kích hoạt, mật khẩu và mã bảo vệ là của riêng bạn. Không đọc cho ai, kể cả người xưng là công an.",
                    ),
                    (
                        "quiz",
                        "Số định danh cá nhân có bao nhiêu chữ số?",
                        "single",
                        [
                            ("12 số", True, "Đúng. Đó là số in trên thẻ căn cước của bạn."),
                            ("6 số", False, "Chưa đúng. 6 số là mã bảo vệ bạn tự đặt."),
                            ("10 số", False, "Chưa đúng. 10 số là số điện thoại."),
                        ],
                    ),
                ],
            },
            {
                "slug": "the-bhyt-va-bang-lai",
                "title": "Đưa thẻ BHYT và bằng lái vào VNeID",
                "summary": "Không cần mang thẻ giấy khi đi khám bệnh.",
                "minutes": 6,
                "body": [
                    (
                        "steps",
                        "Tích hợp giấy tờ",
                        [
                            (None, "", "Mở VNeID, đăng nhập."),
                            (None, "", "Chạm Ví giấy tờ, rồi Tích hợp thông tin."),
                            (None, "", "Chạm Tạo mới yêu cầu."),
                            (None, "", "Chọn Thẻ BHYT hoặc Giấy phép lái xe."),
                            (None, "", "Nhập số thẻ hoặc số giấy phép, chạm Gửi yêu cầu."),
                        ],
                    ),
                    (
                        "p",
                        "Khi được duyệt, thẻ hiện trong Ví giấy tờ. Đi khám bệnh, bạn mở VNeID cho nhân viên xem.",
                    ),
                    ("tip", "Số thẻ BHYT in trên thẻ giấy. Chụp ảnh thẻ giấy để lưu lại số."),
                    (
                        "quiz",
                        "Thẻ BHYT đã tích hợp nằm ở đâu trong VNeID?",
                        "single",
                        [
                            ("Trong Ví giấy tờ", True, "Đúng."),
                            (
                                "Trong tin nhắn điện thoại",
                                False,
                                "Chưa đúng. Thẻ nằm trong ứng dụng VNeID, mục Ví giấy tờ.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "nop-ho-so-truc-tuyen",
                "title": "Nộp hồ sơ dịch vụ công trực tuyến",
                "summary": "Làm thủ tục cư trú trên điện thoại, không phải đi lại.",
                "minutes": 10,
                "body": [
                    (
                        "p",
                        "Nhiều thủ tục làm được trên VNeID hoặc trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn). Ví dụ: đăng ký thường trú, xác nhận thông tin cư trú.",
                    ),
                    (
                        "steps",
                        "Nộp hồ sơ trên VNeID",
                        [
                            (None, "", "Mở VNeID, chạm Thủ tục hành chính."),
                            (None, "", "Chọn thủ tục cần làm, ví dụ Xác nhận thông tin về cư trú."),
                            (None, "", "Điền thông tin. Chụp ảnh giấy tờ nếu được hỏi."),
                            (None, "", "Kiểm tra lại, rồi chạm Gửi hồ sơ."),
                            (None, "", "Xem kết quả trong mục Quản lý hồ sơ."),
                        ],
                    ),
                    (
                        "tip",
                        "Chưa làm được? Đến nhà văn hoá thôn, tổ công nghệ số cộng đồng sẽ giúp bạn.",
                    ),
                    (
                        "warn",
                        "Trang web của nhà nước có đuôi .gov.vn. Không nhập thông tin vào trang lạ.",
                    ),
                    (
                        "quiz",
                        "Trang nào là trang dịch vụ công thật?",
                        "single",
                        [
                            ("dichvucong.gov.vn", True, "Đúng. Trang nhà nước có đuôi .gov.vn."),
                            (
                                "dichvucong-online.com",
                                False,
                                "Sai. Trang này giả danh, có đuôi .com.",
                            ),
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "phong-tranh-lua-dao",
        "title": "Phòng tránh lừa đảo trên mạng",
        "summary": "Nhận biết cuộc gọi và đường link lừa đảo, giữ mã OTP, biết làm gì khi bị lừa.",
        "topic": "online_safety",
        "level": "first_steps",
        "minutes": 25,
        "cover": "scam-call.svg",
        "outcomes": [
            "Nhận ra cuộc gọi lừa đảo",
            "Không bấm đường link lạ",
            "Giữ bí mật mã OTP",
            "Biết gọi ai khi bị lừa",
        ],
        "lessons": [
            {
                "slug": "cuoc-goi-lua-dao",
                "title": "Nhận biết cuộc gọi lừa đảo",
                "summary": "Kẻ gian giả làm công an, ngân hàng, điện lực.",
                "minutes": 6,
                "body": [
                    (
                        "img",
                        "scam-call.svg",
                        "Điện thoại có cuộc gọi lạ và dấu chấm than cảnh báo",
                        "",
                    ),
                    (
                        "p",
                        "Kẻ gian gọi điện, xưng là công an, toà án, ngân hàng hay điện lực. Họ nói bạn có tội, tài khoản bị khoá hoặc sắp bị cắt điện. Họ giục bạn làm ngay.",
                    ),
                    (
                        "steps",
                        "Khi nhận cuộc gọi lạ",
                        [
                            (None, "", "Bình tĩnh. Không làm theo ngay."),
                            (None, "", "Không chuyển tiền, không đọc mã, không cài ứng dụng."),
                            (None, "", "Tắt máy."),
                            (None, "", "Hỏi người nhà, trưởng thôn hoặc công an xã."),
                        ],
                    ),
                    (
                        "warn",
                        "Công an không bao giờ làm việc qua điện thoại hay bảo bạn chuyển tiền.",
                    ),
                    (
                        "quiz",
                        "Người gọi xưng là công an, bảo bạn chuyển tiền để 'chứng minh trong sạch'. Bạn làm gì?",
                        "single",
                        [
                            ("Tắt máy, hỏi công an xã", True, "Đúng. Đây là lừa đảo."),
                            (
                                "Chuyển tiền cho nhanh",
                                False,
                                "Sai. Công an không bao giờ bảo chuyển tiền.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "duong-link-gia",
                "title": "Đường link giả và tin trúng thưởng",
                "summary": "Không bấm link lạ, dù tin nhắn trông giống thật.",
                "minutes": 6,
                "body": [
                    (
                        "img",
                        "fake-link.svg",
                        "Tin nhắn báo trúng thưởng có đường link, bị gạch chéo màu đỏ",
                        "",
                    ),
                    (
                        "p",
                        "Tin nhắn lừa đảo thường nói: bạn trúng thưởng, có bưu kiện chờ nhận, sắp bị cắt điện, tài khoản bị khoá. Tin nào cũng có một đường link.",
                    ),
                    (
                        "warn",
                        "Không bấm vào đường link lạ. Trang giả sẽ lấy mật khẩu và tiền của bạn.",
                    ),
                    (
                        "tip",
                        "Muốn kiểm tra, hãy gọi số tổng đài in trên thẻ ngân hàng, hoặc hỏi người bạn tin.",
                    ),
                    (
                        "quiz",
                        "Dấu hiệu nào cho thấy tin nhắn có thể là lừa đảo?",
                        "multiple",
                        [
                            (
                                "Báo trúng thưởng lớn dù bạn không tham gia gì",
                                True,
                                "Đúng. Không ai tự nhiên cho bạn tiền.",
                            ),
                            (
                                "Có đường link và giục bấm ngay",
                                True,
                                "Đúng. Kẻ gian muốn bạn vội để không kịp nghĩ.",
                            ),
                            ("Con bạn nhắn hỏi hôm nay ăn cơm chưa", False, "Tin này bình thường."),
                        ],
                    ),
                ],
            },
            {
                "slug": "giu-bi-mat-otp",
                "title": "Giữ bí mật mã OTP",
                "summary": "Mã OTP là chìa khoá tài khoản của bạn.",
                "minutes": 5,
                "body": [
                    (
                        "img",
                        "otp-secret.svg",
                        "Mã OTP có ổ khoá, bên cạnh là dấu cấm đưa mã cho người khác",
                        "",
                    ),
                    (
                        "p",
                        "OTP là mã số ngân hàng hay ứng dụng gửi cho bạn qua tin nhắn. Mã chỉ dùng một lần. Ai có mã này có thể lấy tiền của bạn.",
                    ),
                    (
                        "warn",
                        "Không bao giờ đọc mã OTP cho ai. Nhân viên ngân hàng thật không bao giờ hỏi mã OTP.",
                    ),
                    ("tip", "Đặt mật khẩu khó đoán. Không dùng ngày sinh hay số điện thoại."),
                    (
                        "quiz",
                        "Ai được biết mã OTP của bạn?",
                        "single",
                        [
                            ("Chỉ mình bạn", True, "Đúng. OTP là của riêng bạn."),
                            (
                                "Nhân viên ngân hàng gọi điện đến",
                                False,
                                "Sai. Ngân hàng không bao giờ hỏi mã OTP.",
                            ),
                            (
                                "Người nhà ở xa nhờ qua Zalo",
                                False,
                                "Sai. Tài khoản Zalo của người nhà có thể đã bị chiếm.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "bi-lua-thi-lam-gi",
                "title": "Bị lừa thì làm gì?",
                "summary": "Làm ngay năm việc để giảm thiệt hại.",
                "minutes": 6,
                "body": [
                    ("img", "help-call.svg", "Gọi điện báo cho tổng đài và ghi lại bằng chứng", ""),
                    (
                        "steps",
                        "Làm ngay",
                        [
                            (
                                None,
                                "",
                                "Gọi tổng đài ngân hàng (số in trên thẻ) để khoá tài khoản.",
                            ),
                            (None, "", "Đổi mật khẩu các ứng dụng."),
                            (None, "", "Chụp màn hình tin nhắn, số điện thoại, giao dịch."),
                            (None, "", "Báo công an xã và mang theo ảnh chụp."),
                            (
                                None,
                                "",
                                "Báo cho người nhà và nhóm Zalo của thôn để mọi người cảnh giác.",
                            ),
                        ],
                    ),
                    (
                        "tip",
                        "Báo cuộc gọi rác, lừa đảo qua tổng đài 156; tin nhắn rác qua số 5656.",
                    ),
                    (
                        "warn",
                        "Cẩn thận người hứa 'lấy lại tiền giúp' nếu bạn trả phí. Đó thường là lừa đảo lần hai.",
                    ),
                    (
                        "quiz",
                        "Vừa chuyển tiền cho kẻ gian. Việc đầu tiên nên làm là gì?",
                        "single",
                        [
                            (
                                "Gọi ngay tổng đài ngân hàng để khoá tài khoản",
                                True,
                                "Đúng. Càng nhanh càng dễ giữ lại tiền.",
                            ),
                            ("Chờ vài ngày xem sao", False, "Sai. Chờ lâu, tiền bị rút hết."),
                            (
                                "Trả phí cho người hứa lấy lại tiền",
                                False,
                                "Sai. Đó thường là lừa đảo lần hai.",
                            ),
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "ban-nong-san-tren-mang",
        "title": "Bán nông sản trên mạng",
        "summary": "Chụp ảnh sản phẩm, viết mô tả thật, đăng bán trên Zalo và sàn, livestream an toàn, nhận tiền không bị lừa.",
        "topic": "digital_economy",
        "level": "first_steps",
        "minutes": 28,
        "cover": "sell-daylight.svg",
        "outcomes": [
            "Chụp ảnh sản phẩm rõ, dưới ánh sáng ban ngày",
            "Viết mô tả ngắn, thật, có giá và cân nặng",
            "Đăng bán trong nhóm Zalo của thôn và trên sàn",
            "Livestream lần đầu an toàn",
            "Nhận tiền mà không bị lừa",
        ],
        "lessons": [
            {
                "slug": "chup-anh-san-pham",
                "title": "Chụp ảnh sản phẩm dưới ánh sáng ban ngày",
                "summary": "Ảnh rõ, đúng màu thì người mua mới tin.",
                "minutes": 5,
                "body": [
                    ("img", "sell-daylight.svg", "Giỏ quýt dưới nắng và điện thoại đang chụp", ""),
                    (
                        "steps",
                        "Chụp một ảnh đẹp",
                        [
                            (
                                "sell-daylight.svg",
                                "Giỏ quýt đặt ngoài trời, mặt trời ở phía sau người chụp",
                                "Mang sản phẩm ra chỗ sáng, ban ngày. Đứng quay lưng về phía mặt trời.",
                            ),
                            (None, "", "Lau sạch ống kính điện thoại bằng vạt áo mềm."),
                            (
                                None,
                                "",
                                "Đặt sản phẩm trên nền trơn: tấm vải, cái nia hoặc lá chuối.",
                            ),
                            (
                                None,
                                "",
                                "Chạm vào sản phẩm trên màn hình để ảnh nét, rồi bấm nút chụp.",
                            ),
                            (None, "", "Chụp thêm một ảnh cận cảnh và một ảnh cả giỏ hàng."),
                        ],
                    ),
                    (
                        "tip",
                        "Không dùng đèn flash và không chỉnh màu. Ảnh đúng màu thật thì người mua không trả hàng.",
                    ),
                    (
                        "quiz",
                        "Chụp ảnh quýt để bán, chỗ nào tốt nhất?",
                        "single",
                        [
                            (
                                "Ngoài trời, ban ngày, mặt trời sau lưng người chụp",
                                True,
                                "Đúng. Ánh sáng ban ngày cho ảnh rõ và đúng màu.",
                            ),
                            (
                                "Trong bếp tối, bật đèn flash",
                                False,
                                "Chưa đúng. Ảnh tối và flash làm sai màu quả.",
                            ),
                            (
                                "Buổi tối dưới bóng đèn vàng",
                                False,
                                "Chưa đúng. Đèn vàng làm quả trông khác với thật.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "viet-mo-ta-trung-thuc",
                "title": "Viết mô tả ngắn và trung thực",
                "summary": "Tên hàng, cân nặng, giá, nơi trồng và cách giao.",
                "minutes": 5,
                "body": [
                    (
                        "img",
                        "sell-label.svg",
                        "Túi quýt có nhãn 5 kg, giá 150.000 đồng, bên cạnh tờ giấy ghi các ý",
                        "",
                    ),
                    (
                        "steps",
                        "Một mô tả tốt có đủ 5 ý",
                        [
                            (None, "", "Tên hàng và nơi trồng, ví dụ: Quýt Mường Khương."),
                            (None, "", "Cân nặng mỗi túi hoặc mỗi thùng, ví dụ: 5 kg."),
                            (None, "", "Giá rõ ràng, ví dụ: 150.000 đồng một túi 5 kg."),
                            (
                                None,
                                "",
                                "Nói thật về hàng: quả to hay nhỏ, ngọt hay hơi chua, hái ngày nào.",
                            ),
                            (None, "", "Cách giao và số điện thoại hoặc Zalo để hỏi."),
                        ],
                    ),
                    (
                        "p",
                        "Ví dụ: Quýt Mường Khương, hái sáng nay. Túi 5 kg, giá 150.000 đồng. Quả vừa, ngọt thanh. Giao trong xã, gửi xe khách đi huyện. Gọi hoặc Zalo số của bạn.",
                    ),
                    (
                        "warn",
                        'Không viết quá lời như "ngọt nhất Việt Nam" và không dùng ảnh trên mạng. Người mua thấy khác sẽ không mua lần sau.',
                    ),
                    (
                        "quiz",
                        "Mô tả nào tốt hơn?",
                        "single",
                        [
                            (
                                "Quýt Mường Khương, túi 5 kg, 150.000 đồng, hái hôm nay, quả vừa, ngọt thanh",
                                True,
                                "Đúng. Có tên, cân nặng, giá và nói thật về hàng.",
                            ),
                            (
                                "Quýt siêu ngon nhất thế giới, inbox hỏi giá",
                                False,
                                "Chưa đúng. Không có giá, không có cân nặng, lại quá lời.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "dang-ban-zalo-va-san",
                "title": "Đăng bán trong nhóm Zalo và trên sàn",
                "summary": "Đăng ảnh và mô tả vào nhóm của thôn, rồi lên một sàn thương mại điện tử.",
                "minutes": 6,
                "body": [
                    (
                        "img",
                        "sell-post.svg",
                        "Điện thoại mở nhóm Zalo có bài đăng quýt, hai người mua xem từ xa",
                        "",
                    ),
                    (
                        "steps",
                        "Đăng vào nhóm Zalo của thôn",
                        [
                            (
                                "sell-post.svg",
                                "Bài đăng trong nhóm Zalo có ảnh quýt và dòng chữ",
                                "Mở Zalo, vào nhóm của thôn hoặc nhóm mua bán của xã.",
                            ),
                            (None, "", "Bấm biểu tượng ảnh, chọn 2 hoặc 3 ảnh đẹp nhất."),
                            (None, "", "Dán mô tả của bạn vào ô chữ, rồi bấm Gửi."),
                            (None, "", "Trả lời người hỏi nhanh và lịch sự."),
                        ],
                    ),
                    (
                        "steps",
                        "Đăng trên một sàn thương mại điện tử",
                        [
                            (
                                None,
                                "",
                                "Nhờ tổ công nghệ số giúp mở tài khoản người bán trên sàn bằng số điện thoại của bạn.",
                            ),
                            (None, "", "Bấm Thêm sản phẩm, đưa ảnh, tên, giá, cân nặng và mô tả."),
                            (None, "", "Chọn cách giao hàng của sàn, rồi bấm Đăng."),
                        ],
                    ),
                    (
                        "tip",
                        "Đơn trên sàn được sàn thu tiền hộ, nên an toàn hơn. Đọc kỹ phí của sàn trước khi đặt giá.",
                    ),
                    (
                        "warn",
                        "Chỉ đăng số điện thoại bán hàng. Không đăng ảnh căn cước, số tài khoản đầy đủ hay mã OTP.",
                    ),
                    (
                        "quiz",
                        "Khi đăng bán, không nên đăng gì?",
                        "multiple",
                        [
                            (
                                "Ảnh căn cước công dân",
                                True,
                                "Đúng. Kẻ gian có thể dùng ảnh căn cước để lừa đảo.",
                            ),
                            ("Mã OTP", True, "Đúng. Mã OTP không bao giờ được đưa cho ai."),
                            ("Giá và cân nặng", False, "Chưa đúng. Giá và cân nặng nên ghi rõ."),
                        ],
                    ),
                ],
            },
            {
                "slug": "livestream-an-toan",
                "title": "Livestream lần đầu an toàn",
                "summary": "Chuẩn bị, nói gì khi phát trực tiếp, và giữ an toàn.",
                "minutes": 6,
                "body": [
                    (
                        "img",
                        "sell-livestream.svg",
                        "Người nông dân cầm quýt trước điện thoại đặt trên giá, màn hình có chữ LIVE",
                        "",
                    ),
                    (
                        "steps",
                        "Chuẩn bị và phát",
                        [
                            (
                                "sell-livestream.svg",
                                "Điện thoại đặt trên giá ba chân, người bán đứng trước",
                                "Sạc đầy pin, đứng chỗ có sóng mạnh và ánh sáng ban ngày.",
                            ),
                            (None, "", "Đặt điện thoại lên giá hoặc nhờ người cầm cho chắc."),
                            (
                                None,
                                "",
                                "Trong Zalo hoặc Facebook, chọn Phát trực tiếp, viết tên buổi bán, rồi bấm Bắt đầu.",
                            ),
                            (
                                None,
                                "",
                                "Chào mọi người, giới thiệu hàng, giá, cân nặng; bổ một quả cho xem.",
                            ),
                            (
                                None,
                                "",
                                "Đọc tên người đặt và ghi đơn ra giấy. Khi xong, bấm Kết thúc.",
                            ),
                        ],
                    ),
                    (
                        "warn",
                        "Không đọc số căn cước, địa chỉ nhà hay số dư tài khoản khi đang phát. Ai cũng có thể xem.",
                    ),
                    (
                        "tip",
                        "Lần đầu, phát 10 đến 15 phút là đủ. Báo trước giờ phát trong nhóm Zalo để nhiều người xem.",
                    ),
                    (
                        "quiz",
                        'Khi đang livestream, một người xem xin số tài khoản và mã OTP của bạn "để chuyển tiền nhanh". Bạn làm gì?',
                        "single",
                        [
                            (
                                "Chỉ đưa số tài khoản nhận tiền, không bao giờ đưa mã OTP",
                                True,
                                "Đúng. Mã OTP chỉ để bạn dùng, ai xin là kẻ gian.",
                            ),
                            (
                                "Đọc cả mã OTP cho nhanh",
                                False,
                                "Chưa đúng. Có mã OTP, kẻ gian lấy được tiền của bạn.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "nhan-tien-khong-bi-lua",
                "title": "Nhận tiền mà không bị lừa",
                "summary": 'Ảnh chuyển khoản giả và "shipper" giả: cách nhận ra.',
                "minutes": 6,
                "body": [
                    (
                        "img",
                        "sell-fake-transfer.svg",
                        "Bên trái: ảnh chụp màn hình chuyển khoản bị gạch chéo đỏ. Bên phải: ứng dụng ngân hàng báo tiền đã vào",
                        "",
                    ),
                    (
                        "steps",
                        "Trước khi giao hàng",
                        [
                            (
                                "sell-fake-transfer.svg",
                                "Ảnh chụp màn hình bị gạch chéo, ứng dụng ngân hàng có dấu tích xanh",
                                "Người mua gửi ảnh chuyển khoản? Đừng tin ảnh. Ảnh rất dễ làm giả.",
                            ),
                            (
                                None,
                                "",
                                "Mở ứng dụng ngân hàng của bạn, xem tiền đã vào tài khoản chưa.",
                            ),
                            (
                                None,
                                "",
                                "Tiền đã vào thật mới giao hàng. Hoặc nhận tiền mặt khi giao.",
                            ),
                        ],
                    ),
                    (
                        "steps",
                        'Cẩn thận với "shipper" giả',
                        [
                            (
                                "sell-shipper.svg",
                                "Người giao hàng đi xe máy, điện thoại hiện dấu cảnh báo và chữ OTP",
                                "Có người gọi tự xưng là shipper, bảo bạn bấm đường link hoặc chuyển trước phí giao hàng: đó là lừa đảo.",
                            ),
                            (
                                None,
                                "",
                                'Không bấm đường link lạ, không đọc mã OTP, không chuyển tiền cho "shipper".',
                            ),
                            (None, "", "Gọi lại cho người mua bằng số bạn đã có để hỏi."),
                        ],
                    ),
                    ("h5p", "Thật hay lừa? Chọn Đúng hoặc Sai cho từng câu."),
                    (
                        "warn",
                        "Bị lừa rồi? Gọi ngay cho ngân hàng để khoá tài khoản và báo công an xã.",
                    ),
                    (
                        "quiz",
                        "Người mua gửi ảnh chụp màn hình đã chuyển 500.000 đồng. Bạn làm gì trước khi giao hàng?",
                        "single",
                        [
                            (
                                "Mở ứng dụng ngân hàng, xem tiền đã vào chưa",
                                True,
                                "Đúng. Chỉ tin số dư trong ứng dụng ngân hàng của bạn.",
                            ),
                            (
                                "Giao hàng ngay vì đã có ảnh",
                                False,
                                "Chưa đúng. Ảnh chuyển khoản rất dễ làm giả.",
                            ),
                        ],
                    ),
                ],
            },
        ],
    },
]

# "Real or scam?": True/False statements in a Question Set, built at load time from the
# libraries of the shared questionset.h5p sample. Its questions stay in Vietnamese (as the
# author wrote them); its buttons follow the learner's language (courses.h5p.l10n).
SELLING_ACTIVITY = {
    "title": "Thật hay lừa? Nhận tiền bán hàng",
    "questions": [
        ("Người mua gửi ảnh chụp màn hình chuyển khoản, vậy là tiền đã vào tài khoản.", False),
        ("Ứng dụng ngân hàng của tôi báo số dư tăng 500.000 đồng: tiền đã vào thật.", True),
        ('"Shipper" gọi bảo chuyển trước phí giao hàng qua đường link: nên làm theo.', False),
        ("Nhận tiền mặt khi giao hàng là một cách an toàn.", True),
    ],
    "feedback": "Chỉ tin số dư trong ứng dụng ngân hàng của bạn.",
}
