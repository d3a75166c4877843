// Generated from /api/docs-json by openapi-typescript (UPDATE_OPENAPI_TYPES=1 npm test -- test/openapi-contract.e2e.ts). Do not edit.
export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng nhập; trả về phiên đăng nhập (access token) cho các yêu cầu sau */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đổi mật khẩu của tài khoản đang đăng nhập */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgreSQL và Temporal có trả lời không (200 / 503) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách Đảng ủy mà người dùng được xem */
        get: operations["CommitteesController_list"];
        put?: never;
        /** Tạo Đảng ủy xã/phường (quản trị) */
        post: operations["CommitteesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/cells": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách chi bộ, lần tổ chức sinh hoạt điểm gần nhất và xếp loại */
        get: operations["CommitteesController_listCells"];
        put?: never;
        /** Thêm chi bộ vào Đảng bộ */
        post: operations["CommitteesController_createCell"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/cells/{cellId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Đổi tên chi bộ, số đảng viên */
        patch: operations["CommitteesController_changeCell"];
        trace?: never;
    };
    "/api/committees/{committeeId}/cells/{cellId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Giải thể chi bộ hoặc sáp nhập vào chi bộ khác; trả về các đợt sinh hoạt chưa kết thúc mà chi bộ tham gia */
        post: operations["CommitteesController_deactivateCell"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/cells/{cellId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chuyển chi bộ (cùng bí thư) sang Đảng ủy khác (quản trị) */
        post: operations["CommitteesController_moveCell"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Đổi tên Đảng ủy (quản trị) */
        patch: operations["CommitteesController_rename"];
        trace?: never;
    };
    "/api/committees/{committeeId}/area": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Đặt Đảng bộ xã trực thuộc một huyện (hoặc thẳng một tỉnh): cấp trên đó xem được số liệu của xã (quản trị) */
        put: operations["CommitteesController_place"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hợp nhất các Đảng ủy thành một Đảng ủy mới: chi bộ, cán bộ, đợt sinh hoạt và phiếu chấm điểm chuyển sang (quản trị) */
        post: operations["CommitteesController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/cells/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Nhập danh sách chi bộ và bí thư từ bảng tính (xem trước từng dòng, rồi ghi một lần) */
        post: operations["CommitteesController_importCells"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các kênh Đảng ủy dùng để gửi thông báo ngoài ứng dụng, và các kênh đã được cấu hình trên máy chủ */
        get: operations["CommitteesController_channelsOf"];
        /** Chọn các kênh Đảng ủy dùng để gửi thông báo ngoài ứng dụng (thư điện tử, Zalo ZNS, tin nhắn SMS) */
        put: operations["CommitteesController_setChannels"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tạo tài khoản (quản trị hệ thống: mọi loại tài khoản; Đảng ủy: tài khoản bí thư chi bộ trực thuộc) */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tài khoản đang đăng nhập */
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cán bộ, bí thư chi bộ và đại biểu của Đảng ủy (tài khoản đang hoạt động trước) */
        get: operations["UsersController_listOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Thư điện tử, số điện thoại (đã che bớt) và các kênh nhận thông báo của tôi */
        get: operations["UsersController_contact"];
        /** Đặt thư điện tử, số điện thoại và các kênh nhận thông báo của tôi (bỏ trống: giữ nguyên; null: xóa) */
        put: operations["UsersController_setContact"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Đổi họ tên, chức trách, chi bộ, thư điện tử, số điện thoại hoặc kênh nhận thông báo của một người (đổi chức trách hoặc chi bộ thì phiên đăng nhập cũ chấm dứt) */
        patch: operations["UsersController_change"];
        trace?: never;
    };
    "/api/users/{userId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ngừng tài khoản (nêu lý do): không đăng nhập được nữa, phiên cũ chấm dứt ngay */
        post: operations["UsersController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{userId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cho tài khoản đã ngừng hoạt động trở lại */
        post: operations["UsersController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{userId}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đặt mật khẩu tạm; người dùng phải đổi khi đăng nhập, phiên cũ chấm dứt */
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/cells/{cellId}/secretary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thay bí thư chi bộ: tạo tài khoản bí thư mới, ngừng tài khoản bí thư cũ của chi bộ */
        post: operations["UsersController_replaceSecretary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các đợt sinh hoạt người dùng được xem, mới nhất trước */
        get: operations["CyclesController_list"];
        put?: never;
        /** Khởi tạo đợt sinh hoạt chi bộ điểm */
        post: operations["CyclesController_launch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Chi tiết đợt sinh hoạt
         * @description Kèm ETag: gửi lại trong If-None-Match, nếu đợt chưa có gì thay đổi với người xem thì nhận 304, không kèm nội dung. Người không được xem đợt vẫn nhận 404 dù gửi ETag nào.
         */
        get: operations["CyclesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/host-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các chi bộ đề xuất làm chi bộ điểm, kèm lý do */
        get: operations["CyclesController_hostCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/host": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đảng ủy chọn chi bộ điểm */
        post: operations["CyclesController_pickHost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/guests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đảng ủy mời đại biểu cấp trên dự sinh hoạt (trước khi kết thúc thời gian góp ý) */
        post: operations["CyclesController_inviteGuests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chi bộ điểm gửi chương trình, tài liệu sinh hoạt và dự thảo nghị quyết */
        post: operations["CyclesController_postPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/invitations/{cellId}/rsvp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chi bộ được mời xác nhận tham dự, cử người dự */
        post: operations["CyclesController_rsvp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đổi lịch sinh hoạt (trước buổi sinh hoạt) */
        post: operations["CyclesController_reschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/meeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chi bộ điểm ghi nhận buổi sinh hoạt đã tổ chức */
        post: operations["CyclesController_recordMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chi bộ đã nhận lời báo đã dự sinh hoạt khi chi bộ điểm chưa ghi nhận (trong thời gian góp ý) */
        post: operations["CyclesController_claimAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/critiques": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chi bộ dự sinh hoạt (hoặc đại biểu cấp trên được mời) gửi nhận xét, góp ý */
        post: operations["CyclesController_submitCritique"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chi bộ điểm gửi báo cáo rút kinh nghiệm: tiếp thu, giải trình từng ý kiến, bài học, việc cần làm */
        post: operations["CyclesController_fileReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đảng ủy thông qua báo cáo rút kinh nghiệm và xếp loại, hoặc đề nghị hoàn thiện báo cáo */
        post: operations["CyclesController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hủy đợt sinh hoạt (nêu lý do); hủy được cả khi quy trình của đợt không phản hồi */
        post: operations["CyclesController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/adoption": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chi bộ được mời ghi nhận nội dung sẽ vận dụng, nhân rộng (sau khi kết thúc) */
        post: operations["CyclesController_recordAdoption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/action-items/{itemId}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đánh dấu hoàn thành một việc trong báo cáo rút kinh nghiệm (sau khi kết thúc hoặc hủy đợt) */
        post: operations["CyclesController_completeActionItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/action-items/{itemId}/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thôi thực hiện một việc trong báo cáo rút kinh nghiệm, nêu lý do (sau khi kết thúc hoặc hủy đợt) */
        post: operations["CyclesController_dropActionItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các văn bản của đợt sinh hoạt người dùng được tải
         * @description Giấy mời (mỗi chi bộ được mời: văn phòng Đảng ủy tất cả, chi bộ giấy mời của mình), chương trình, biên bản, phiếu nhận xét góp ý (những phiếu người dùng được xem), báo cáo rút kinh nghiệm, thông báo kết luận; mỗi văn bản có tệp DOCX và PDF.
         */
        get: operations["DocumentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/documents/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tải một văn bản (DOCX hoặc PDF)
         * @description Tệp theo thể thức Hướng dẫn 36-HD/VPTW, điền từ nội dung đợt sinh hoạt lúc tải; Content-Disposition kèm tên tiếng Việt (filename*), ETag mạnh (SHA-256 của tệp; If-None-Match → 304). Tên khác những tên danh sách đưa ra → 404.
         */
        get: operations["DocumentsController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Việc của tôi, hạn gần nhất trước */
        get: operations["TasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rubrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các phiếu chấm điểm (có phiên bản) */
        get: operations["RubricsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/rubrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đảng ủy lập phiên bản phiếu chấm điểm của mình (từ phiếu mẫu hoặc phiên bản trước); đợt đã khởi tạo giữ phiên bản cũ */
        post: operations["RubricsController_addVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hộp thông báo của tôi */
        get: operations["NotificationsController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Nhật ký thay đổi tổ chức: ai, khi nào, thay đổi gì, trước và sau, mới nhất trước */
        get: operations["AuditController_read"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tình hình gửi thông báo của đợt sinh hoạt: từng thông báo, từng người, từng kênh (mới nhất trước) */
        get: operations["DeliveriesController_ofCycle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/unreached": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các thông báo chưa đến được người nhận qua kênh nào (chưa đọc, không gửi được), mới nhất trước, kèm lý do của từng kênh */
        get: operations["DeliveriesController_unreached"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tổng quan của Đảng ủy: các đợt theo giai đoạn, việc quá hạn và của ai, các buổi sinh hoạt chi bộ điểm trong năm và xếp loại */
        get: operations["DashboardController_committee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/cells/{cellId}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tình hình của một chi bộ: các lần làm chi bộ điểm và xếp loại, dự sinh hoạt và gửi nhận xét đúng hạn, việc đã cam kết chưa hoàn thành */
        get: operations["DashboardController_cell"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các tỉnh, huyện: quản trị xem tất cả; tài khoản cấp trên xem đơn vị của mình và các huyện trực thuộc */
        get: operations["AreasController_list"];
        put?: never;
        /** Tạo tỉnh (Tỉnh ủy) hoặc huyện (Huyện ủy) trực thuộc một tỉnh (quản trị) */
        post: operations["AreasController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas/{areaId}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tổng quan của cấp trên: số liệu chính của từng Đảng bộ xã trực thuộc, đặt cạnh nhau, và tổng cộng */
        get: operations["AreasController_dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/year-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Báo cáo năm (hoặc quý) của Đảng ủy: số liệu toàn Đảng bộ, từng buổi sinh hoạt chi bộ điểm và từng chi bộ
         * @description Kỳ theo lịch Việt Nam. Từng chi bộ: số buổi làm chi bộ điểm và xếp loại, số lượt được mời, dự, từ chối, gửi nhận xét, góp ý đúng hạn hay không, ghi nội dung vận dụng bài học kinh nghiệm, việc đã cam kết và việc chưa hoàn thành.
         */
        get: operations["YearReportController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/year-report/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Báo cáo năm (hoặc quý) dạng Excel: mỗi bảng một trang tính (tổng hợp, các buổi sinh hoạt, các chi bộ) */
        get: operations["YearReportController_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/year-report/export.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Báo cáo năm (hoặc quý) dạng Word theo thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW), để sửa trước khi ký */
        get: operations["YearReportController_docx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/year-report/export.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Báo cáo năm (hoặc quý) dạng PDF, cùng nội dung và thể thức với bản Word, để in */
        get: operations["YearReportController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LoginDto: {
            /** @example admin */
            username: string;
            /** @example admin */
            password: string;
        };
        UserResponse: {
            /** Format: uuid */
            id: string;
            username: string;
            fullName: string;
            /** @enum {string} */
            role: "admin" | "committee" | "secretary" | "guest" | "overseer";
            /** Format: uuid */
            committeeId: string | null;
            /** Format: uuid */
            cellId: string | null;
            /**
             * Format: uuid
             * @description Huyện hoặc tỉnh của tài khoản cấp trên
             */
            areaId: string | null;
            /** @description Phải đổi mật khẩu trước khi làm việc khác */
            mustChangePassword: boolean;
            /** @description Sai khi văn phòng Đảng ủy đã ngừng tài khoản */
            active: boolean;
        };
        SessionResponse: {
            /** @description Gửi trong Authorization: Bearer … */
            accessToken: string;
            user: components["schemas"]["UserResponse"];
        };
        FieldErrorResponse: {
            /**
             * @description Đường dẫn của mục thông tin trong nội dung gửi lên (tên các khóa nối bằng dấu chấm, phần tử của danh sách theo số thứ tự từ 0); rỗng: cả nội dung gửi lên
             * @example attendance.present
             */
            field: string;
            /**
             * @description Câu gọi mục thông tin theo tên trên biểu mẫu; cũng có trong message
             * @example Số đảng viên có mặt là bắt buộc.
             */
            message: string;
        };
        ErrorResponse: {
            /** @example 409 */
            statusCode: number;
            /**
             * @description Câu người đọc hiểu; lỗi dữ liệu gửi lên: một câu cho mỗi mục thông tin
             * @example Bước này không thực hiện được lúc này: đợt sinh hoạt đang ở bước “Chuẩn bị sinh hoạt”.
             */
            message: string | string[];
            /** @example Conflict */
            error: string;
            /**
             * @description Mã ổn định của lỗi (xem api.md)
             * @example WRONG_STAGE
             */
            code: string;
            /** @description Chỉ với VALIDATION_FAILED do kiểm tra từng mục thông tin: các câu của message, mỗi câu kèm mục thông tin nó nói tới */
            fields?: components["schemas"]["FieldErrorResponse"][];
        };
        ChangePasswordDto: {
            currentPassword: string;
            /** @description Ít nhất 10 ký tự, không phải mật khẩu phổ biến, không chứa tên đăng nhập */
            newPassword: string;
        };
        HealthResponse: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            temporal: "up" | "down";
        };
        CreateCommitteeDto: {
            /** @example Đảng ủy xã Na Hối */
            name: string;
        };
        CommitteeResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * Format: uuid
             * @description Đảng ủy mà Đảng ủy này đã hợp nhất vào
             */
            mergedIntoId: string | null;
            /**
             * Format: uuid
             * @description Huyện (hoặc tỉnh) mà Đảng bộ xã trực thuộc
             */
            areaId: string | null;
        };
        CreateCellDto: {
            /** @example Chi bộ thôn Na Hối Tày */
            name: string;
            /** @example 24 */
            memberCount: number;
        };
        CellResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            memberCount: number;
            /**
             * Format: date-time
             * @description Lần gần nhất làm chi bộ điểm
             */
            lastHostedAt: string | null;
            /** @enum {string|null} */
            lastRating: "TOT" | "KHA" | "TRUNG_BINH" | "KEM" | null;
            /** @description Sai khi chi bộ đã giải thể hoặc sáp nhập */
            active: boolean;
            /**
             * Format: uuid
             * @description Chi bộ mà chi bộ này đã sáp nhập vào
             */
            mergedIntoCellId: string | null;
            /** Format: uuid */
            committeeId: string;
        };
        CellListItemResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            memberCount: number;
            /**
             * Format: date-time
             * @description Lần gần nhất làm chi bộ điểm
             */
            lastHostedAt: string | null;
            /** @enum {string|null} */
            lastRating: "TOT" | "KHA" | "TRUNG_BINH" | "KEM" | null;
            /** @description Sai khi chi bộ đã giải thể hoặc sáp nhập */
            active: boolean;
            /**
             * Format: uuid
             * @description Chi bộ mà chi bộ này đã sáp nhập vào
             */
            mergedIntoCellId: string | null;
        };
        ChangeCellDto: {
            /** @example Chi bộ thôn Na Hối */
            name?: string;
            /** @example 31 */
            memberCount?: number;
        };
        DeactivateCellDto: {
            /** @example Sáp nhập thôn Na Hối Tày và Na Hối Nùng theo nghị quyết của Hội đồng nhân dân tỉnh */
            reason: string;
            /**
             * Format: uuid
             * @description Chi bộ mà chi bộ này sáp nhập vào
             */
            mergedIntoCellId?: string;
        };
        CellOpenCycleResponse: {
            /** Format: uuid */
            id: string;
            title: string;
            /** @example PREPARATION */
            status: string;
            /**
             * @description Chi bộ là chi bộ điểm hay chi bộ được mời
             * @enum {string}
             */
            part: "host" | "invited";
        };
        DeactivatedCellResponse: {
            cell: components["schemas"]["CellResponse"];
            /** @description Các đợt sinh hoạt chưa kết thúc mà chi bộ tham gia: Đảng ủy quyết định */
            openCycles: components["schemas"]["CellOpenCycleResponse"][];
        };
        MoveCellDto: {
            /**
             * Format: uuid
             * @description Đảng ủy mới của chi bộ
             */
            committeeId: string;
        };
        PlaceCommitteeDto: {
            /**
             * Format: uuid
             * @description Huyện hoặc tỉnh mà Đảng bộ xã trực thuộc; null: chưa thuộc đơn vị nào
             */
            areaId: string | null;
        };
        MergeCommitteesDto: {
            /** @description Các Đảng ủy hợp nhất */
            committeeIds: string[];
            /** @example Đảng ủy xã Na Hối */
            name: string;
        };
        MergeMovedResponse: {
            cells: number;
            people: number;
            cycles: number;
            rubrics: number;
        };
        MergedCommitteeResponse: {
            committee: components["schemas"]["CommitteeResponse"];
            /** @description Số chi bộ, người, đợt sinh hoạt, phiếu chấm điểm đã chuyển sang */
            moved: components["schemas"]["MergeMovedResponse"];
        };
        ImportSummaryResponse: {
            rows: number;
            cellsCreated: number;
            cellsUpdated: number;
            secretariesCreated: number;
            unchanged: number;
            errors: number;
        };
        ImportRowResponse: {
            /** @description Số dòng trong bảng tính (dòng tiêu đề là dòng 1) */
            row: number;
            cell: string;
            memberCount: number | null;
            secretary: string;
            username: string;
            /** @enum {string} */
            outcome: "CREATE" | "UPDATE" | "UNCHANGED" | "ERROR";
            /** @description Những gì dòng này sẽ thay đổi */
            changes: string[];
            /** @description Vì sao dòng này chưa nhập được */
            errors: string[];
        };
        TemporaryPasswordResponse: {
            row: number;
            username: string;
            /** @description Mật khẩu tạm, chỉ trả về một lần; bí thư phải đổi khi đăng nhập */
            password: string;
        };
        ImportResponse: {
            committed: boolean;
            summary: components["schemas"]["ImportSummaryResponse"];
            rows: components["schemas"]["ImportRowResponse"][];
            temporaryPasswords: components["schemas"]["TemporaryPasswordResponse"][];
        };
        CommitteeChannelsResponse: {
            /** Format: uuid */
            committeeId: string;
            /** @description Các kênh Đảng ủy đang dùng */
            channels: ("email" | "zalo" | "sms")[];
            /** @description Các kênh đã được cấu hình trên máy chủ; kênh chưa cấu hình thì chưa gửi được */
            configured: ("email" | "zalo" | "sms")[];
        };
        CommitteeChannelsDto: {
            /** @description Các kênh Đảng ủy dùng để gửi thông báo ngoài ứng dụng (Zalo ZNS và tin nhắn SMS tính tiền theo tin) */
            channels: ("email" | "zalo" | "sms")[];
        };
        CreateUserDto: {
            /**
             * @description Không phân biệt chữ hoa, chữ thường
             * @example bithu.nahoitay
             */
            username: string;
            /** @description Ít nhất 10 ký tự, không phải mật khẩu phổ biến, không chứa tên đăng nhập */
            password: string;
            /** @example Đồng chí Lò Văn Pằng */
            fullName: string;
            /** @enum {string} */
            role: "admin" | "committee" | "secretary" | "guest" | "overseer";
            /** Format: uuid */
            committeeId?: string;
            /** Format: uuid */
            cellId?: string;
            /**
             * Format: uuid
             * @description Tài khoản cấp trên (overseer): huyện hoặc tỉnh mà tài khoản theo dõi; không dùng cho tài khoản khác
             */
            areaId?: string;
            /**
             * @description Mật khẩu khởi tạo trao cho người dùng: người dùng phải đổi khi đăng nhập lần đầu
             * @default false
             */
            mustChangePassword?: boolean;
            /**
             * Format: email
             * @description null: xóa
             * @example lovanpang@gmail.com
             */
            email?: string | null;
            /**
             * @description Số điện thoại di động Việt Nam, viết cách nào cũng được (0912 345 678, +84 912.345.678); null: xóa. Không bao giờ hiện lại đầy đủ
             * @example 0912 345 678
             */
            phone?: string | null;
            /** @description Các kênh nhận thông báo ngoài ứng dụng: email, zalo, sms */
            notifyChannels?: ("email" | "zalo" | "sms")[];
        };
        PersonResponse: {
            /** Format: uuid */
            id: string;
            username: string;
            fullName: string;
            /** @enum {string} */
            role: "admin" | "committee" | "secretary" | "guest" | "overseer";
            /** Format: uuid */
            committeeId: string | null;
            /** Format: uuid */
            cellId: string | null;
            /**
             * Format: uuid
             * @description Huyện hoặc tỉnh của tài khoản cấp trên
             */
            areaId: string | null;
            /** @description Phải đổi mật khẩu trước khi làm việc khác */
            mustChangePassword: boolean;
            /** @description Sai khi văn phòng Đảng ủy đã ngừng tài khoản */
            active: boolean;
            /** Format: email */
            email: string | null;
            /**
             * @description Số điện thoại đã che bớt; số đầy đủ không bao giờ hiện lại
             * @example 0912 *** 678
             */
            phoneMasked: string | null;
            /** @description Các kênh người này chọn nhận thông báo ngoài ứng dụng */
            notifyChannels: ("email" | "zalo" | "sms")[];
        };
        OwnContactResponse: {
            /** Format: email */
            email: string | null;
            /**
             * @description Số điện thoại đã che bớt; số đầy đủ không bao giờ hiện lại
             * @example 0912 *** 678
             */
            phoneMasked: string | null;
            /** @description Các kênh người này chọn nhận thông báo ngoài ứng dụng */
            notifyChannels: ("email" | "zalo" | "sms")[];
            /** @description Các kênh Đảng ủy của người này đang dùng */
            committeeChannels: ("email" | "zalo" | "sms")[];
            /** @description Các kênh đã được cấu hình trên máy chủ */
            configured: ("email" | "zalo" | "sms")[];
        };
        ContactDto: {
            /**
             * Format: email
             * @description null: xóa
             * @example lovanpang@gmail.com
             */
            email?: string | null;
            /**
             * @description Số điện thoại di động Việt Nam, viết cách nào cũng được (0912 345 678, +84 912.345.678); null: xóa. Không bao giờ hiện lại đầy đủ
             * @example 0912 345 678
             */
            phone?: string | null;
            /** @description Các kênh nhận thông báo ngoài ứng dụng: email, zalo, sms */
            notifyChannels: ("email" | "zalo" | "sms")[];
        };
        ChangeUserDto: {
            /** @example Đồng chí Hoàng Thị Mai */
            fullName?: string;
            /**
             * @description Văn phòng Đảng ủy chỉ đổi giữa bí thư chi bộ và đại biểu
             * @enum {string}
             */
            role?: "admin" | "committee" | "secretary" | "guest" | "overseer";
            /**
             * Format: uuid
             * @description Chi bộ mà bí thư phụ trách
             */
            cellId?: string;
            /**
             * Format: email
             * @description null: xóa
             * @example lovanpang@gmail.com
             */
            email?: string | null;
            /**
             * @description Số điện thoại di động Việt Nam, viết cách nào cũng được (0912 345 678, +84 912.345.678); null: xóa. Không bao giờ hiện lại đầy đủ
             * @example 0912 345 678
             */
            phone?: string | null;
            /** @description Các kênh nhận thông báo ngoài ứng dụng: email, zalo, sms */
            notifyChannels?: ("email" | "zalo" | "sms")[];
        };
        DeactivateUserDto: {
            /** @example Đồng chí đã chuyển công tác sau đại hội chi bộ */
            reason: string;
        };
        ResetPasswordDto: {
            /** @description Mật khẩu tạm; người dùng phải đổi khi đăng nhập */
            newPassword: string;
        };
        ReplaceSecretaryDto: {
            /** @example bithu.nahoitay2 */
            username: string;
            password: string;
            /** @example Đồng chí Lò Thị Hoa */
            fullName: string;
            /**
             * @description Mật khẩu khởi tạo trao cho bí thư mới: phải đổi khi đăng nhập lần đầu
             * @default false
             */
            mustChangePassword?: boolean;
            /**
             * Format: email
             * @description null: xóa
             * @example lovanpang@gmail.com
             */
            email?: string | null;
            /**
             * @description Số điện thoại di động Việt Nam, viết cách nào cũng được (0912 345 678, +84 912.345.678); null: xóa. Không bao giờ hiện lại đầy đủ
             * @example 0912 345 678
             */
            phone?: string | null;
            /** @description Các kênh nhận thông báo ngoài ứng dụng: email, zalo, sms */
            notifyChannels?: ("email" | "zalo" | "sms")[];
        };
        ReplacedSecretaryResponse: {
            /** @description Bí thư mới của chi bộ */
            secretary: components["schemas"]["PersonResponse"];
            /** @description Các tài khoản bí thư trước đó, nay đã ngừng */
            replaced: components["schemas"]["PersonResponse"][];
        };
        ReminderLeadsDto: {
            /**
             * @description Nhắc xác nhận tham dự trước buổi sinh hoạt
             * @example P2D
             */
            rsvpReminderLead?: string;
            /**
             * @description Hạn gửi chương trình, tài liệu sinh hoạt trước buổi sinh hoạt (nhắc chi bộ, báo Đảng ủy)
             * @example P1D
             */
            planDueLead?: string;
            /**
             * @description Nhắc gửi nhận xét, góp ý trước hạn
             * @example P1D
             */
            critiqueReminderLead?: string;
            /**
             * @description Nhắc gửi báo cáo rút kinh nghiệm trước hạn
             * @example P2D
             */
            reportReminderLead?: string;
            /**
             * @description Hạn chọn chi bộ điểm: trước hạn gửi tài liệu bao lâu (quá hạn thì nhắc Đảng ủy)
             * @example P3D
             */
            hostPickLead?: string;
            /**
             * @description Nhắc chi bộ điểm gửi chương trình, tài liệu trước hạn
             * @example P1D
             */
            planReminderLead?: string;
            /**
             * @description Nhắc chi bộ điểm ghi nhận buổi sinh hoạt sau giờ sinh hoạt
             * @example PT4H
             */
            recordReminderDelay?: string;
            /**
             * @description Hạn ghi nhận buổi sinh hoạt sau giờ sinh hoạt (quá hạn thì báo Đảng ủy)
             * @example P1D
             */
            recordDueDelay?: string;
            /**
             * @description Giờ bắt đầu ghi nhận được sớm hơn giờ sinh hoạt đã định tối đa bao lâu
             * @example PT1H
             */
            earlyStartTolerance?: string;
        };
        LaunchCycleDto: {
            /** Format: uuid */
            committeeId: string;
            /** @example Sinh hoạt chi bộ điểm tháng 12 */
            title: string;
            /** @example Nâng cao chất lượng sinh hoạt chi bộ */
            topic: string;
            /** @enum {string} */
            kind: "regular" | "thematic";
            /** Format: uuid */
            hostCellId?: string;
            invitedCellIds: string[];
            /** @example 2026-12-05T08:00:00+07:00 */
            meetingAt: string;
            /** @example Nhà văn hóa thôn */
            location: string;
            /** Format: uuid */
            rubricId?: string;
            /**
             * @default P3D
             * @example P3D
             */
            critiqueWindow?: string;
            /**
             * @default P7D
             * @example P7D
             */
            reportWindow?: string;
            /**
             * @description Hạn Đảng ủy đánh giá báo cáo rút kinh nghiệm kể từ khi nhận
             * @default P7D
             * @example P7D
             */
            reviewWindow?: string;
            /** @description Đại biểu cấp trên được mời (tài khoản đại biểu) */
            guestIds?: string[];
            reminders?: components["schemas"]["ReminderLeadsDto"];
        };
        RubricCriterionResponse: {
            id: string;
            label: string;
            maxPoints: number;
            /** @description Xếp loại Tốt cần đủ điểm tiêu chí này */
            requiredForTop?: boolean;
        };
        PinnedRubricResponse: {
            id: string;
            name: string;
            version: number;
            criteria: components["schemas"]["RubricCriterionResponse"][];
            /** @example 0.5 */
            pointStep?: number;
        };
        PlanResponse: {
            agenda: string[];
            content: string;
            draftResolution: string | null;
            /** Format: date-time */
            postedAt: string;
            /**
             * Format: uuid
             * @description Không gửi cho chi bộ dự và đại biểu
             */
            postedBy?: string;
            /** @description Gửi sau hạn */
            late?: boolean;
        };
        InvitationResponse: {
            /** Format: uuid */
            cellId: string;
            /** @enum {string} */
            status: "PENDING" | "ACCEPTED" | "DECLINED";
            delegate: string | null;
            /** @description Chỉ chi bộ đó và Đảng ủy thấy */
            note: string | null;
            /** Format: date-time */
            respondedAt: string | null;
            attended: boolean;
            adoption: string | null;
        };
        AttendanceResponse: {
            present: number;
            total: number;
            absentWithReason: number;
            absentWithoutReason: number;
            exempted?: number;
        };
        MeetingResponse: {
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            endedAt: string;
            durationMinutes: number;
            attendance: components["schemas"]["AttendanceResponse"];
            attendingCellIds: string[];
            minutes: string;
            resolution: string | null;
            /** @description Mã tiêu chí → số điểm (lẻ đến nửa điểm) */
            selfScores: {
                [key: string]: number;
            } | null;
            selfScoreTotal: number | null;
            /** @enum {string|null} */
            selfRating: "TOT" | "KHA" | "TRUNG_BINH" | "KEM" | null;
            /** @description Nhận xét chất lượng: buổi sinh hoạt ngắn, vắng nhiều, vắng không lý do */
            qualityFlags: string[];
            /** Format: date-time */
            recordedAt: string;
            /**
             * Format: uuid
             * @description Không gửi cho chi bộ dự và đại biểu
             */
            recordedBy?: string;
            /** @description Sinh hoạt chuyên đề kết hợp sinh hoạt thường kỳ */
            combined?: boolean;
        };
        GuestResponse: {
            /**
             * Format: uuid
             * @description Chỉ người đó và Đảng ủy thấy
             */
            userId: string | null;
            fullName: string;
        };
        CritiquePointResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            stage: "preparation" | "procedure" | "content" | "chairing" | "minutes" | "tasks";
            /** @enum {string} */
            kind: "strength" | "weakness" | "suggestion";
            text: string;
        };
        CritiqueResponse: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Chi bộ gửi nhận xét, góp ý; null với nhận xét, góp ý của đại biểu
             */
            cellId: string | null;
            /** Format: uuid */
            guestId: string | null;
            guestName?: string | null;
            /** Format: date-time */
            submittedAt: string;
            points: components["schemas"]["CritiquePointResponse"][];
            /** @description Mã tiêu chí → số điểm (lẻ đến nửa điểm) */
            scores: {
                [key: string]: number;
            } | null;
            scoreTotal: number | null;
            /** @enum {string|null} */
            rating: "TOT" | "KHA" | "TRUNG_BINH" | "KEM" | null;
        };
        PointAnswerResponse: {
            /** Format: uuid */
            pointId: string;
            /** @enum {string} */
            stance: "accept" | "partly" | "disagree";
            text: string;
        };
        ReportedActionItemResponse: {
            /** Format: uuid */
            id: string;
            title: string;
            owner: string;
            /**
             * Format: date
             * @example 2027-01-31
             */
            dueDate: string;
        };
        FiledReportResponse: {
            responses: components["schemas"]["PointAnswerResponse"][];
            lessons: string[];
            actionItems: components["schemas"]["ReportedActionItemResponse"][];
            /** @description Lần gửi (1, rồi tăng mỗi lần hoàn thiện) */
            revision: number;
            /** Format: date-time */
            filedAt: string;
            /**
             * Format: uuid
             * @description Không gửi cho chi bộ dự và đại biểu
             */
            filedBy?: string;
            /** @description Gửi sau hạn */
            late: boolean;
        };
        ActionItemResponse: {
            /** Format: uuid */
            id: string;
            title: string;
            owner: string;
            /**
             * Format: date
             * @example 2027-01-31
             */
            dueDate: string;
            /** Format: date-time */
            doneAt: string | null;
            /** Format: date-time */
            droppedAt: string | null;
            dropReason: string | null;
        };
        CarriedOverActionItemResponse: {
            /** Format: uuid */
            id: string;
            title: string;
            owner: string;
            /**
             * Format: date
             * @example 2027-01-31
             */
            dueDate: string;
            /** Format: date-time */
            doneAt: string | null;
            /** Format: date-time */
            droppedAt: string | null;
            dropReason: string | null;
            /**
             * Format: uuid
             * @description Đợt sinh hoạt đã nêu việc này
             */
            cycleId: string;
        };
        ReviewResponse: {
            /** @enum {string} */
            decision: "accept" | "revise";
            /** @enum {string|null} */
            rating: "TOT" | "KHA" | "TRUNG_BINH" | "KEM" | null;
            /**
             * @description Xếp loại bằng lời, theo ngôn ngữ của yêu cầu; chỉ có khi đã xếp loại
             * @example Tốt
             */
            ratingLabel?: string;
            comment: string | null;
            /** Format: date-time */
            reviewedAt: string;
            /**
             * Format: uuid
             * @description Không gửi cho chi bộ dự và đại biểu
             */
            reviewedBy?: string;
            /** @description Mã tiêu chí → số điểm (lẻ đến nửa điểm) */
            scores?: {
                [key: string]: number;
            };
        };
        DeadlinesResponse: {
            /** Format: date-time */
            hostDueAt: string | null;
            /** Format: date-time */
            planDueAt: string;
            /** Format: date-time */
            recordDueAt: string | null;
            /** Format: date-time */
            critiqueClosesAt: string | null;
            /** Format: date-time */
            reportDueAt: string | null;
            /** Format: date-time */
            reviewDueAt: string | null;
        };
        TimelineEntryResponse: {
            /** Format: date-time */
            at: string;
            /** @example CRITIQUE_SUBMITTED */
            event: string;
            /** @example Chi bộ gửi nhận xét, góp ý */
            label: string;
            /**
             * Format: uuid
             * @description Null với chi bộ dự và đại biểu
             */
            actorId: string | null;
            /** Format: uuid */
            cellId: string | null;
        };
        CycleResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            committeeId: string;
            title: string;
            topic: string;
            /** @enum {string} */
            kind: "regular" | "thematic";
            /** @enum {string} */
            status: "HOST_SELECTION" | "PREPARATION" | "SCHEDULED" | "CRITIQUE" | "REPORTING" | "REVIEW" | "CLOSED" | "CANCELLED";
            /**
             * @description Giai đoạn bằng lời, theo ngôn ngữ của yêu cầu
             * @example Báo cáo rút kinh nghiệm
             */
            statusLabel: string;
            /** Format: uuid */
            hostCellId: string | null;
            /** Format: date-time */
            meetingAt: string;
            location: string;
            /** Format: uuid */
            rubricId: string;
            rubric: components["schemas"]["PinnedRubricResponse"];
            plan: components["schemas"]["PlanResponse"] | null;
            invitations: components["schemas"]["InvitationResponse"][];
            meeting: components["schemas"]["MeetingResponse"] | null;
            guests: components["schemas"]["GuestResponse"][];
            critiques: components["schemas"]["CritiqueResponse"][];
            /** @description Chi bộ dự chưa gửi nhận xét, góp ý thì chưa thấy nhận xét, góp ý của chi bộ khác */
            critiquesHidden: boolean;
            report: components["schemas"]["FiledReportResponse"] | null;
            actionItems: components["schemas"]["ActionItemResponse"][];
            carriedOverActionItems: components["schemas"]["CarriedOverActionItemResponse"][];
            review: components["schemas"]["ReviewResponse"] | null;
            cancelReason: string | null;
            deadlines: components["schemas"]["DeadlinesResponse"];
            timeline: components["schemas"]["TimelineEntryResponse"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CycleSummaryResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            committeeId: string;
            title: string;
            /** @enum {string} */
            kind: "regular" | "thematic";
            /** @enum {string} */
            status: "HOST_SELECTION" | "PREPARATION" | "SCHEDULED" | "CRITIQUE" | "REPORTING" | "REVIEW" | "CLOSED" | "CANCELLED";
            /** Format: uuid */
            hostCellId: string | null;
            /** Format: date-time */
            meetingAt: string;
            location: string;
            /** Format: date-time */
            createdAt: string;
        };
        CyclePageResponse: {
            items: components["schemas"]["CycleSummaryResponse"][];
            /** @description Gửi lại trong cursor để lấy trang sau; null khi hết */
            nextCursor: string | null;
        };
        HostCandidateResponse: {
            /** Format: uuid */
            cellId: string;
            name: string;
            /** @description Điểm xếp hạng; cao hơn xếp trước */
            score: number;
            /** @description Lý do, bằng lời */
            reasons: string[];
            /** @description Chi bộ đã có tài khoản bí thư */
            hasSecretary: boolean;
        };
        PickHostDto: {
            /** Format: uuid */
            cellId: string;
        };
        InviteGuestsDto: {
            /** @description Tài khoản đại biểu cấp trên */
            guestIds: string[];
        };
        PostPlanDto: {
            /**
             * @example [
             *       "Khai mạc",
             *       "Đánh giá kết quả thực hiện nghị quyết tháng trước",
             *       "Sinh hoạt chuyên đề"
             *     ]
             */
            agenda: string[];
            content: string;
            draftResolution?: string;
        };
        RsvpDto: {
            /** @enum {string} */
            response: "accept" | "decline";
            /** @example Đồng chí Thào Seo Lềnh, Bí thư chi bộ */
            delegate?: string;
            note?: string;
        };
        RescheduleDto: {
            /** @example 2026-12-12T08:00:00+07:00 */
            meetingAt: string;
            /** @example Trùng lịch thu hoạch */
            reason: string;
        };
        AttendanceDto: {
            /** @example 20 */
            present: number;
            /** @example 21 */
            total: number;
            /** @example 1 */
            absentWithReason?: number;
            /** @example 0 */
            absentWithoutReason?: number;
            /**
             * @description Đảng viên được miễn sinh hoạt: không tính vào số phải có mặt
             * @example 2
             */
            exempted?: number;
        };
        RecordMeetingDto: {
            /** @example 2026-12-05T08:00:00+07:00 */
            startedAt: string;
            /** @example 2026-12-05T10:00:00+07:00 */
            endedAt: string;
            attendance: components["schemas"]["AttendanceDto"];
            attendingCellIds: string[];
            /** @description Biên bản */
            minutes: string;
            /** @description Nghị quyết */
            resolution?: string;
            /**
             * @example {
             *       "time": 5,
             *       "attendance": 5
             *     }
             */
            selfScores?: Record<string, never>;
            /** @description Sinh hoạt chuyên đề kết hợp sinh hoạt thường kỳ: thời lượng tối thiểu 120 phút (không kết hợp: 90 phút) */
            combined?: boolean;
        };
        ClaimAttendanceDto: {
            /** @example Đồng chí Lò Văn Pằng, Bí thư chi bộ */
            delegate?: string;
        };
        CritiquePointDto: {
            /** @enum {string} */
            stage: "preparation" | "procedure" | "content" | "chairing" | "minutes" | "tasks";
            /** @enum {string} */
            kind: "strength" | "weakness" | "suggestion";
            /** @example Biên bản ghi chép đầy đủ ý kiến của đảng viên */
            text: string;
        };
        SubmitCritiqueDto: {
            points: components["schemas"]["CritiquePointDto"][];
            /**
             * @description Điểm theo phiếu chấm của đợt (lẻ đến nửa điểm)
             * @example {
             *       "time": 5,
             *       "attendance": 5,
             *       "preparation": 8.5
             *     }
             */
            scores?: Record<string, never>;
            /** @enum {string} */
            rating?: "TOT" | "KHA" | "TRUNG_BINH" | "KEM";
        };
        PointResponseDto: {
            /** Format: uuid */
            pointId: string;
            /** @enum {string} */
            stance: "accept" | "partly" | "disagree";
            text: string;
        };
        ActionItemDto: {
            /** @example Hoàn thiện mẫu biên bản sinh hoạt */
            title: string;
            /** @example Đồng chí Phó Bí thư */
            owner: string;
            /**
             * @description Từ ngày sinh hoạt đến 5 năm sau đó
             * @example 2027-01-15
             */
            dueDate: string;
        };
        FileReportDto: {
            responses: components["schemas"]["PointResponseDto"][];
            /** @description Bài học kinh nghiệm: ít nhất một */
            lessons: string[];
            actionItems: components["schemas"]["ActionItemDto"][];
        };
        ReviewDto: {
            /** @enum {string} */
            decision: "accept" | "revise";
            /**
             * @description Bắt buộc khi thông qua (accept)
             * @enum {string}
             */
            rating?: "TOT" | "KHA" | "TRUNG_BINH" | "KEM";
            comment?: string;
            /**
             * @description Phiếu chấm của Đảng ủy; khi có, xếp loại phải khớp với tổng điểm
             * @example {
             *       "time": 5,
             *       "attendance": 5,
             *       "preparation": 9.5
             *     }
             */
            scores?: Record<string, never>;
        };
        CancelCycleDto: {
            /** @example Thời tiết xấu, đường bị sạt lở */
            reason: string;
        };
        RecordAdoptionDto: {
            /** @example Áp dụng mẫu biên bản mới và gửi tài liệu trước 1 ngày cho đảng viên */
            text: string;
        };
        CompleteActionItemDto: {
            /** @example Đã in mẫu biên bản mới, phát cho các đảng viên */
            note?: string;
        };
        DropActionItemDto: {
            /** @example Đợt sinh hoạt đã hủy; nội dung chuyển sang kế hoạch quý sau */
            reason: string;
        };
        DocumentFilesResponse: {
            /**
             * @description Tệp Word (DOCX) để sửa trước khi ký
             * @example /api/cycles/7c0e…/documents/minutes.docx
             */
            docx: string;
            /**
             * @description Tệp PDF để in
             * @example /api/cycles/7c0e…/documents/minutes.pdf
             */
            pdf: string;
        };
        DocumentResponse: {
            /**
             * @description Loại văn bản
             * @enum {string}
             */
            document: "invitation" | "plan" | "minutes" | "critique-sheet" | "lessons-report" | "conclusion";
            /**
             * @description Tên văn bản theo ngôn ngữ của yêu cầu; giấy mời và phiếu góp ý kèm tên chi bộ
             * @example Biên bản sinh hoạt chi bộ điểm
             */
            title: string;
            /** @description Bước điền nội dung văn bản đã xong; khi chưa, văn bản vẫn tải được và ghi "chưa có" ở phần đó */
            ready: boolean;
            /**
             * @description Chỉ khi chưa sẵn sàng: phần nào chưa có
             * @example Chưa có biên bản: chi bộ điểm chưa ghi nhận buổi sinh hoạt.
             */
            missing?: string;
            /**
             * Format: uuid
             * @description Giấy mời: chi bộ được mời; phiếu góp ý: chi bộ góp ý
             */
            cellId?: string;
            /**
             * Format: uuid
             * @description Phiếu góp ý: phiếu nào
             */
            critiqueId?: string;
            files: components["schemas"]["DocumentFilesResponse"];
        };
        TaskResponse: {
            /** Format: uuid */
            cycleId: string;
            title: string;
            /** @enum {string} */
            action: "SELECT_HOST" | "SUBMIT_PLAN" | "RSVP" | "RECORD_MEETING" | "SUBMIT_CRITIQUE" | "SUBMIT_REPORT" | "REVIEW_REPORT" | "COMPLETE_ACTION_ITEM";
            /** Format: date-time */
            dueAt: string;
            /**
             * Format: uuid
             * @description Với COMPLETE_ACTION_ITEM: việc cần hoàn thành
             */
            actionItemId?: string;
            /** @description Với COMPLETE_ACTION_ITEM: nội dung việc cần hoàn thành */
            actionItemTitle?: string;
        };
        RubricCriterionViewResponse: {
            id: string;
            label: string;
            maxPoints: number;
            /** @description Xếp loại Tốt cần đủ điểm tiêu chí này */
            requiredForTop: boolean;
        };
        RubricResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            version: number;
            isTemplate: boolean;
            /** Format: uuid */
            committeeId: string | null;
            /** @example 0.5 */
            pointStep: number;
            /**
             * @description Loại sinh hoạt dùng phiếu này; null: cả hai
             * @enum {string|null}
             */
            kind: "regular" | "thematic" | null;
            /**
             * Format: uuid
             * @description Phiếu mà phiên bản này dựa vào
             */
            basedOnId: string | null;
            criteria: components["schemas"]["RubricCriterionViewResponse"][];
        };
        RubricCriterionDto: {
            /**
             * @description Mã tiêu chí: chữ thường không dấu, số, gạch
             * @example speaking
             */
            id: string;
            /** @example Đảng viên tham gia phát biểu, thảo luận */
            label: string;
            /** @example 10 */
            maxPoints: number;
            /** @description Xếp loại Tốt cần đủ điểm tiêu chí này */
            requiredForTop?: boolean;
        };
        AddRubricDto: {
            /** @example Phiếu chấm điểm sinh hoạt chi bộ của Đảng bộ xã Na Hối */
            name: string;
            /**
             * @description Chỉ dùng cho sinh hoạt thường kỳ, hoặc chỉ cho chuyên đề; bỏ trống: cả hai
             * @enum {string}
             */
            kind?: "regular" | "thematic";
            /**
             * @description Bước điểm: điểm chấm là bội số của bước này
             * @example 0.5
             * @enum {number}
             */
            pointStep: 1 | 0.5 | 0.25;
            criteria: components["schemas"]["RubricCriterionDto"][];
            /**
             * Format: uuid
             * @description Phiếu mẫu hoặc phiên bản trước mà phiếu này dựa vào
             */
            basedOnRubricId?: string;
        };
        NotificationResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            cycleId: string | null;
            /** @example INVITED */
            reason: string;
            title: string;
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            readAt: string | null;
        };
        AuditEventResponse: {
            /** @description Số thứ tự, tăng dần */
            id: string;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            actorId: string | null;
            /** @description Họ tên người thay đổi */
            actorName: string | null;
            /** Format: uuid */
            committeeId: string | null;
            /** @enum {string} */
            entity: "user" | "cell" | "committee" | "rubric" | "area";
            /** Format: uuid */
            entityId: string;
            /** @example ACCOUNT_DEACTIVATED */
            action: string;
            before: {
                [key: string]: unknown;
            } | null;
            after: {
                [key: string]: unknown;
            } | null;
        };
        DeliveryPersonResponse: {
            /** Format: uuid */
            id: string;
            fullName: string;
            cellName: string | null;
        };
        ChannelDeliveryResponse: {
            /** @enum {string} */
            channel: "email" | "zalo" | "sms";
            /**
             * @description null: kênh này không được dùng cho thông báo (xem why)
             * @enum {string|null}
             */
            status: "PENDING" | "WAITING" | "SENDING" | "SENT" | "DELIVERED" | "FAILED" | "SKIPPED" | null;
            /**
             * @description Địa chỉ đã che bớt
             * @example 0912 *** 678
             */
            address: string | null;
            /** @description Số lần đã gửi thử */
            attempts: number;
            /** @description Mã lỗi của nhà cung cấp, hoặc lý do không gửi */
            errorCode: string | null;
            /**
             * @description Một câu người đọc hiểu: đã gửi, đã đến, chờ, hay vì sao không gửi được
             * @example Chưa có số điện thoại.
             */
            why: string;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /**
             * Format: date-time
             * @description Giờ yên lặng: không gửi trước thời điểm này
             */
            notBefore: string | null;
        };
        DeliveryReportItemResponse: {
            /** Format: uuid */
            notificationId: string;
            /** @example INVITED */
            reason: string;
            title: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Khi người nhận đọc thông báo trong ứng dụng
             */
            readAt: string | null;
            person: components["schemas"]["DeliveryPersonResponse"];
            /** @description Mọi kênh, theo thứ tự thư điện tử, Zalo ZNS, tin nhắn SMS */
            channels: components["schemas"]["ChannelDeliveryResponse"][];
            /** @description Đã đọc trong ứng dụng, hoặc đã gửi được qua ít nhất một kênh */
            reached: boolean;
        };
        DeliveryCycleResponse: {
            /** Format: uuid */
            id: string;
            title: string;
        };
        UnreachedItemResponse: {
            /** Format: uuid */
            notificationId: string;
            /** @example INVITED */
            reason: string;
            title: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Khi người nhận đọc thông báo trong ứng dụng
             */
            readAt: string | null;
            person: components["schemas"]["DeliveryPersonResponse"];
            /** @description Mọi kênh, theo thứ tự thư điện tử, Zalo ZNS, tin nhắn SMS */
            channels: components["schemas"]["ChannelDeliveryResponse"][];
            /** @description Đã đọc trong ứng dụng, hoặc đã gửi được qua ít nhất một kênh */
            reached: boolean;
            cycle: components["schemas"]["DeliveryCycleResponse"] | null;
        };
        StageCountResponse: {
            /** @enum {string} */
            status: "HOST_SELECTION" | "PREPARATION" | "SCHEDULED" | "CRITIQUE" | "REPORTING" | "REVIEW" | "CLOSED" | "CANCELLED";
            count: number;
        };
        ResponsibleResponse: {
            /**
             * @description Đảng ủy, chi bộ, hay đại biểu cấp trên
             * @enum {string}
             */
            party: "committee" | "cell" | "guest";
            /**
             * @description Tên Đảng ủy, tên chi bộ, hoặc họ tên đại biểu
             * @example Chi bộ thôn Na Hối Tày
             */
            name: string;
        };
        LateTaskResponse: {
            /** Format: uuid */
            cycleId: string;
            cycleTitle: string;
            /** @enum {string} */
            action: "SELECT_HOST" | "SUBMIT_PLAN" | "RSVP" | "RECORD_MEETING" | "SUBMIT_CRITIQUE" | "SUBMIT_REPORT" | "REVIEW_REPORT" | "COMPLETE_ACTION_ITEM";
            /** Format: date-time */
            dueAt: string;
            responsible: components["schemas"]["ResponsibleResponse"];
            /** @description Việc đã cam kết (COMPLETE_ACTION_ITEM) */
            actionItemTitle: string | null;
        };
        YearMeetingResponse: {
            /** Format: uuid */
            cycleId: string;
            title: string;
            /** Format: date-time */
            meetingAt: string;
            /** @enum {string} */
            status: "HOST_SELECTION" | "PREPARATION" | "SCHEDULED" | "CRITIQUE" | "REPORTING" | "REVIEW" | "CLOSED" | "CANCELLED";
            /** Format: uuid */
            hostCellId: string | null;
            hostCellName: string | null;
            /**
             * @description Xếp loại của Đảng ủy, khi đợt đã kết thúc
             * @enum {string|null}
             */
            rating: "TOT" | "KHA" | "TRUNG_BINH" | "KEM" | null;
        };
        RatingCountsResponse: {
            TOT: number;
            KHA: number;
            TRUNG_BINH: number;
            KEM: number;
        };
        RatingYearResponse: {
            year: number;
            counts: components["schemas"]["RatingCountsResponse"];
        };
        CellPunctualityResponse: {
            /** @description Được mời dự các buổi sinh hoạt đã tổ chức (không kể đợt đã hủy) */
            invited: number;
            attended: number;
            /** @description Gửi nhận xét, góp ý trước khi kết thúc thời gian góp ý */
            onTime: number;
            /** @description Đã dự nhưng không gửi nhận xét, góp ý */
            missed: number;
            /** @description Còn trong thời gian góp ý, chưa gửi */
            pending: number;
            /** @description Đã ghi nội dung áp dụng từ bài học kinh nghiệm */
            adopted: number;
            /** Format: uuid */
            cellId: string;
            cellName: string;
        };
        CommitteeDashboardResponse: {
            /** Format: uuid */
            committeeId: string;
            committeeName: string;
            /** @example 2026 */
            year: number;
            /**
             * Format: date-time
             * @description Thời điểm đọc số liệu: việc quá hạn là việc có hạn trước thời điểm này
             */
            asOf: string;
            /** @description Mọi giai đoạn, theo thứ tự của một đợt */
            stages: components["schemas"]["StageCountResponse"][];
            /** @description Việc quá hạn, quá hạn lâu nhất trước */
            late: components["schemas"]["LateTaskResponse"][];
            /** @description Các buổi sinh hoạt chi bộ điểm trong năm (không kể đợt đã hủy), sớm nhất trước */
            meetings: components["schemas"]["YearMeetingResponse"][];
            /** @description Xếp loại các buổi sinh hoạt đã kết thúc trong năm */
            ratings: components["schemas"]["RatingCountsResponse"];
            /** @description Xếp loại qua các năm, năm sớm nhất trước */
            ratingsByYear: components["schemas"]["RatingYearResponse"][];
            /** @description Từng chi bộ được mời trong năm: dự sinh hoạt, gửi nhận xét đúng hạn hay không */
            punctuality: components["schemas"]["CellPunctualityResponse"][];
        };
        DashboardCellResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            memberCount: number;
            active: boolean;
        };
        HostedResponse: {
            /** Format: uuid */
            cycleId: string;
            title: string;
            /** Format: date-time */
            meetingAt: string;
            /** @enum {string} */
            status: "HOST_SELECTION" | "PREPARATION" | "SCHEDULED" | "CRITIQUE" | "REPORTING" | "REVIEW" | "CLOSED" | "CANCELLED";
            /** @enum {string|null} */
            rating: "TOT" | "KHA" | "TRUNG_BINH" | "KEM" | null;
        };
        VisitTallyResponse: {
            /** @description Được mời dự các buổi sinh hoạt đã tổ chức (không kể đợt đã hủy) */
            invited: number;
            attended: number;
            /** @description Gửi nhận xét, góp ý trước khi kết thúc thời gian góp ý */
            onTime: number;
            /** @description Đã dự nhưng không gửi nhận xét, góp ý */
            missed: number;
            /** @description Còn trong thời gian góp ý, chưa gửi */
            pending: number;
            /** @description Đã ghi nội dung áp dụng từ bài học kinh nghiệm */
            adopted: number;
        };
        VisitYearResponse: {
            /** @description Được mời dự các buổi sinh hoạt đã tổ chức (không kể đợt đã hủy) */
            invited: number;
            attended: number;
            /** @description Gửi nhận xét, góp ý trước khi kết thúc thời gian góp ý */
            onTime: number;
            /** @description Đã dự nhưng không gửi nhận xét, góp ý */
            missed: number;
            /** @description Còn trong thời gian góp ý, chưa gửi */
            pending: number;
            /** @description Đã ghi nội dung áp dụng từ bài học kinh nghiệm */
            adopted: number;
            year: number;
        };
        VisitResponse: {
            /** Format: uuid */
            cycleId: string;
            title: string;
            /** Format: date-time */
            meetingAt: string;
            hostCellName: string | null;
            /** @enum {string} */
            rsvp: "PENDING" | "ACCEPTED" | "DECLINED";
            attended: boolean;
            /**
             * @description null khi chi bộ không dự
             * @enum {string|null}
             */
            critique: "ON_TIME" | "MISSED" | "PENDING" | null;
            /** Format: date-time */
            submittedAt: string | null;
            adopted: boolean;
        };
        VisitsResponse: {
            totals: components["schemas"]["VisitTallyResponse"];
            /** @description Theo năm, năm sớm nhất trước */
            years: components["schemas"]["VisitYearResponse"][];
            /** @description Mới nhất trước */
            items: components["schemas"]["VisitResponse"][];
        };
        OpenActionItemResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            cycleId: string;
            cycleTitle: string;
            title: string;
            owner: string;
            /**
             * Format: date
             * @example 2026-12-31
             */
            dueDate: string;
            /** @description Đã qua ngày hạn (giờ Việt Nam) */
            overdue: boolean;
        };
        CellRecordResponse: {
            /** Format: uuid */
            committeeId: string;
            cell: components["schemas"]["DashboardCellResponse"];
            /** Format: date-time */
            asOf: string;
            /** @description Các buổi chi bộ làm chi bộ điểm (đã tổ chức, không kể đợt đã hủy), sớm nhất trước */
            hosted: components["schemas"]["HostedResponse"][];
            visits: components["schemas"]["VisitsResponse"];
            /** @description Việc đã cam kết chưa hoàn thành, hạn sớm nhất trước */
            openActionItems: components["schemas"]["OpenActionItemResponse"][];
        };
        CreateAreaDto: {
            /** @example Huyện ủy Mường Khương */
            name: string;
            /**
             * @description district: huyện (Ban Thường vụ Huyện ủy); province: tỉnh (Tỉnh ủy)
             * @enum {string}
             */
            kind: "district" | "province";
            /**
             * Format: uuid
             * @description Tỉnh mà huyện trực thuộc (bắt buộc với huyện, không dùng với tỉnh)
             */
            parentId?: string;
        };
        AreaResponse: {
            /** Format: uuid */
            id: string;
            /** @example Huyện ủy Mường Khương */
            name: string;
            /** @enum {string} */
            kind: "district" | "province";
            /**
             * Format: uuid
             * @description Tỉnh mà huyện trực thuộc
             */
            parentId: string | null;
        };
        CommuneFiguresResponse: {
            /** @description Số đợt chưa kết thúc (từ chọn chi bộ điểm đến đánh giá, xếp loại) */
            openCycles: number;
            /** @description Số việc đang quá hạn */
            late: number;
            /** @description Số buổi sinh hoạt chi bộ điểm trong năm (không kể đợt đã hủy) */
            meetings: number;
            /** @description Xếp loại các buổi đã kết thúc trong năm */
            ratings: components["schemas"]["RatingCountsResponse"];
            /** @description Các chi bộ được mời trong năm: dự sinh hoạt, gửi nhận xét đúng hạn hay không (cộng mọi chi bộ) */
            critiques: components["schemas"]["VisitTallyResponse"];
            /** Format: uuid */
            committeeId: string;
            committeeName: string;
            /** @description Huyện mà Đảng bộ xã trực thuộc; null khi trực thuộc thẳng tỉnh */
            districtName: string | null;
        };
        AreaTotalsResponse: {
            /** @description Số đợt chưa kết thúc (từ chọn chi bộ điểm đến đánh giá, xếp loại) */
            openCycles: number;
            /** @description Số việc đang quá hạn */
            late: number;
            /** @description Số buổi sinh hoạt chi bộ điểm trong năm (không kể đợt đã hủy) */
            meetings: number;
            /** @description Xếp loại các buổi đã kết thúc trong năm */
            ratings: components["schemas"]["RatingCountsResponse"];
            /** @description Các chi bộ được mời trong năm: dự sinh hoạt, gửi nhận xét đúng hạn hay không (cộng mọi chi bộ) */
            critiques: components["schemas"]["VisitTallyResponse"];
            /** @description Số Đảng bộ xã */
            communes: number;
        };
        AreaDashboardResponse: {
            /** Format: uuid */
            areaId: string;
            areaName: string;
            /** @enum {string} */
            kind: "district" | "province";
            /** @example 2026 */
            year: number;
            /** Format: date-time */
            asOf: string;
            /** @description Từng Đảng bộ xã trực thuộc (trực tiếp hoặc qua huyện), theo huyện rồi theo tên */
            communes: components["schemas"]["CommuneFiguresResponse"][];
            totals: components["schemas"]["AreaTotalsResponse"];
        };
        VisitCountsResponse: {
            /** @description Lượt chi bộ được mời dự các buổi sinh hoạt đã tổ chức */
            invited: number;
            /** @description Lượt chi bộ dự sinh hoạt */
            attended: number;
            /** @description Lượt chi bộ từ chối dự */
            declined: number;
            /** @description Gửi nhận xét, góp ý trước khi kết thúc thời gian góp ý */
            onTime: number;
            /** @description Đã dự nhưng không gửi nhận xét, góp ý */
            missed: number;
            /** @description Còn trong thời gian góp ý, chưa gửi */
            pending: number;
            /** @description Đã ghi nội dung vận dụng bài học kinh nghiệm */
            adopted: number;
        };
        ActionItemCountsResponse: {
            /** @description Việc chi bộ điểm cam kết thực hiện */
            committed: number;
            done: number;
            /** @description Đảng ủy đã bỏ */
            dropped: number;
            /** @description Chưa hoàn thành */
            open: number;
            /** @description Chưa hoàn thành, đã qua ngày hạn (giờ Việt Nam) */
            overdue: number;
        };
        ReportTotalsResponse: {
            /** @description Buổi sinh hoạt chi bộ điểm trong kỳ (không kể đợt đã hủy), đã hoặc chưa tổ chức */
            planned: number;
            held: number;
            cancelled: number;
            rated: number;
            ratings: components["schemas"]["RatingCountsResponse"];
            /** @description Số chi bộ đã làm chi bộ điểm */
            hostCells: number;
            /** @description Số chi bộ đã dự ít nhất một buổi */
            visitingCells: number;
            visits: components["schemas"]["VisitCountsResponse"];
            actionItems: components["schemas"]["ActionItemCountsResponse"];
        };
        ReportMeetingResponse: {
            /** Format: uuid */
            cycleId: string;
            title: string;
            /** Format: date-time */
            meetingAt: string;
            /** @enum {string} */
            status: "HOST_SELECTION" | "PREPARATION" | "SCHEDULED" | "CRITIQUE" | "REPORTING" | "REVIEW" | "CLOSED" | "CANCELLED";
            /** @description Chi bộ điểm đã ghi nhận buổi sinh hoạt */
            held: boolean;
            /** Format: uuid */
            hostCellId: string | null;
            hostCellName: string | null;
            /**
             * @description Xếp loại của Đảng ủy, khi đợt đã kết thúc
             * @enum {string|null}
             */
            rating: "TOT" | "KHA" | "TRUNG_BINH" | "KEM" | null;
            /** @description Các chi bộ được mời */
            visitors: components["schemas"]["VisitCountsResponse"];
            actionItems: components["schemas"]["ActionItemCountsResponse"];
        };
        ReportCellResponse: {
            /** Format: uuid */
            cellId: string;
            cellName: string;
            memberCount: number;
            /** @description false: chi bộ đã giải thể (chỉ có mặt khi có số liệu trong kỳ) */
            active: boolean;
            /** @description Số buổi làm chi bộ điểm đã tổ chức trong kỳ */
            hosted: number;
            /** @description Xếp loại các buổi đó */
            hostedRatings: components["schemas"]["RatingCountsResponse"];
            /** @description Là chi bộ được mời */
            visits: components["schemas"]["VisitCountsResponse"];
            /** @description Là chi bộ điểm: việc đã cam kết sau các buổi đó */
            actionItems: components["schemas"]["ActionItemCountsResponse"];
        };
        YearReportResponse: {
            /** Format: uuid */
            committeeId: string;
            committeeName: string;
            /** @example 2026 */
            year: number;
            /**
             * @description null: cả năm
             * @enum {number|null}
             */
            quarter: 1 | 2 | 3 | 4 | null;
            /**
             * Format: date-time
             * @description Đầu kỳ (0 giờ ngày đầu kỳ, giờ Việt Nam)
             */
            from: string;
            /**
             * Format: date-time
             * @description Hết kỳ (0 giờ ngày sau kỳ, giờ Việt Nam)
             */
            to: string;
            /**
             * Format: date-time
             * @description Thời điểm đọc số liệu
             */
            asOf: string;
            /** @description Toàn Đảng bộ xã */
            totals: components["schemas"]["ReportTotalsResponse"];
            /** @description Các buổi sinh hoạt chi bộ điểm trong kỳ (không kể đợt đã hủy), sớm nhất trước */
            meetings: components["schemas"]["ReportMeetingResponse"][];
            /** @description Mọi chi bộ trực thuộc, theo tên */
            cells: components["schemas"]["ReportCellResponse"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal không trả lời */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
        };
    };
    CommitteesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommitteeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_listCells: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CellListItemResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_createCell: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCellDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CellResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_changeCell: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
                /** @description Chi bộ trực thuộc */
                cellId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeCellDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CellResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_deactivateCell: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
                /** @description Chi bộ trực thuộc */
                cellId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeactivateCellDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeactivatedCellResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_moveCell: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
                /** @description Chi bộ trực thuộc */
                cellId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveCellDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CellResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommitteeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_place: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceCommitteeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_merge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeCommitteesDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergedCommitteeResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_importCells: {
        parameters: {
            query?: {
                /** @description false: chỉ xem trước từng dòng; true: ghi (chỉ khi không còn dòng lỗi) */
                commit?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description Bảng tính .xlsx hoặc tệp .csv
                     */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Nội dung gửi lên quá dài */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_channelsOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeChannelsResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommitteesController_setChannels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommitteeChannelsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeChannelsResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_listOf: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_contact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnContactResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_setContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnContactResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_change: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tài khoản */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tài khoản */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeactivateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tài khoản */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tài khoản */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_replaceSecretary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
                /** @description Chi bộ trực thuộc */
                cellId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceSecretaryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplacedSecretaryResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_list: {
        parameters: {
            query?: {
                status?: "HOST_SELECTION" | "PREPARATION" | "SCHEDULED" | "CRITIQUE" | "REPORTING" | "REVIEW" | "CLOSED" | "CANCELLED";
                committeeId?: string;
                limit?: number;
                cursor?: string;
            };
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CyclePageResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_launch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LaunchCycleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
                /** @description ETag của bản đã có: còn đúng thì trả 304 */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Tên phiên bản của chi tiết đợt này với người xem này (ETag yếu); đổi khi bất cứ điều gì người xem thấy thay đổi */
                    ETag?: string;
                    /** @description private, no-cache: trình duyệt được giữ bản sao nhưng phải hỏi lại (If-None-Match) trước khi dùng */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Bản người dùng đang giữ (ETag trong If-None-Match) vẫn đúng */
            304: {
                headers: {
                    /** @description Tên phiên bản của chi tiết đợt này với người xem này (ETag yếu); đổi khi bất cứ điều gì người xem thấy thay đổi */
                    ETag?: string;
                    /** @description private, no-cache: trình duyệt được giữ bản sao nhưng phải hỏi lại (If-None-Match) trước khi dùng */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_hostCandidates: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HostCandidateResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_pickHost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PickHostDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_inviteGuests: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteGuestsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_postPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostPlanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_rsvp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
                /** @description Chi bộ được mời */
                cellId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RsvpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_reschedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_recordMeeting: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordMeetingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_claimAttendance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimAttendanceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_submitCritique: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitCritiqueDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CritiqueResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_fileReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Nội dung gửi lên quá dài */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_review: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelCycleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_recordAdoption: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordAdoptionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_completeActionItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
                /** @description Việc trong báo cáo rút kinh nghiệm */
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteActionItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CyclesController_dropActionItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
                /** @description Việc trong báo cáo rút kinh nghiệm */
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DropActionItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentsController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
                /** @description `<document>.<docx|pdf>` (plan, minutes, lessons-report, conclusion), `invitation-<cellId>.<docx|pdf>` hoặc `critique-sheet-<critiqueId>.<docx|pdf>` */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp văn bản */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/pdf": string;
                };
            };
            /** @description Tệp không đổi so với ETag gửi trong If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorResponse"];
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorResponse"];
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorResponse"];
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorResponse"];
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RubricsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RubricResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RubricsController_addVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddRubricDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RubricResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    NotificationsController_inbox: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuditController_read: {
        parameters: {
            query?: {
                /** @description Chỉ các thay đổi của Đảng ủy này (cán bộ Đảng ủy: luôn là Đảng ủy của mình) */
                committeeId?: string;
                /** @description Số thứ tự của mục cuối đã xem: trả về các mục trước đó */
                before?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DeliveriesController_ofCycle: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                /** @description Đợt sinh hoạt */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryReportItemResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DeliveriesController_unreached: {
        parameters: {
            query?: {
                /** @description Chỉ các thông báo từ thời điểm này (mặc định: 30 ngày trước) */
                since?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreachedItemResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DashboardController_committee: {
        parameters: {
            query?: {
                /** @description Năm (theo lịch Việt Nam); mặc định là năm hiện tại */
                year?: number;
            };
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeDashboardResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DashboardController_cell: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
                /** @description Chi bộ trực thuộc */
                cellId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CellRecordResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AreasController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AreaResponse"][];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AreasController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAreaDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AreaResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AreasController_dashboard: {
        parameters: {
            query?: {
                /** @description Năm (theo lịch Việt Nam); mặc định là năm hiện tại */
                year?: number;
            };
            header?: never;
            path: {
                /** @description Huyện hoặc tỉnh */
                areaId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AreaDashboardResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    YearReportController_report: {
        parameters: {
            query: {
                /** @description Năm báo cáo (theo lịch Việt Nam) */
                year: number;
                /** @description Quý của năm (1: tháng 1 đến tháng 3, …); bỏ trống: cả năm */
                quarter?: 1 | 2 | 3 | 4;
            };
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["YearReportResponse"];
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    YearReportController_xlsx: {
        parameters: {
            query: {
                /** @description Năm báo cáo (theo lịch Việt Nam) */
                year: number;
                /** @description Quý của năm (1: tháng 1 đến tháng 3, …); bỏ trống: cả năm */
                quarter?: 1 | 2 | 3 | 4;
            };
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp Excel (XLSX); Content-Disposition kèm tên tiếng Việt (filename*) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    YearReportController_docx: {
        parameters: {
            query: {
                /** @description Năm báo cáo (theo lịch Việt Nam) */
                year: number;
                /** @description Quý của năm (1: tháng 1 đến tháng 3, …); bỏ trống: cả năm */
                quarter?: 1 | 2 | 3 | 4;
            };
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp Word (DOCX); Content-Disposition kèm tên tiếng Việt (filename*) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    YearReportController_pdf: {
        parameters: {
            query: {
                /** @description Năm báo cáo (theo lịch Việt Nam) */
                year: number;
                /** @description Quý của năm (1: tháng 1 đến tháng 3, …); bỏ trống: cả năm */
                quarter?: 1 | 2 | 3 | 4;
            };
            header?: never;
            path: {
                /** @description Đảng ủy */
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tệp PDF; Content-Disposition kèm tên tiếng Việt (filename*) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Nội dung gửi lên chưa đúng quy định */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không phải việc của tài khoản này trong đợt sinh hoạt */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Không có, hoặc thuộc Đảng bộ khác */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
