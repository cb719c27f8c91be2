@testable import FeedXML

/// Builders for the byte fixtures of the encoding tests.
enum EncodingFixture {
    /// `text` encoded by iconv (for samples too long to write as byte literals).
    static func encoded(_ text: String, _ iconvName: String) -> [UInt8] {
        guard let encoder = IconvConverter(from: "UTF-8", to: iconvName) else { return [] }
        var bytes: [UInt8] = []
        _ = Array(text.utf8).withUnsafeBufferPointer { encoder.convert($0, appendingTo: &bytes) }
        return bytes
    }

    /// An RSS document around non-ASCII `content` bytes, with an optional XML declaration.
    static func rss(declaring encoding: String? = nil, title content: [UInt8] = Array("Example".utf8)) -> [UInt8] {
        let declaration = encoding.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? ""
        return Array("\(declaration)<rss version=\"2.0\"><channel><title>".utf8) + content
            + Array("</title></channel></rss>\n".utf8)
    }

    static func text(_ utf8: [UInt8]) -> String {
        String(decoding: utf8, as: UTF8.self)
    }

    /// Sentences written for these tests, one per language.
    static let sentences: [String: String] = [
        "ru": "Новости дня: правительство объявило о новых мерах поддержки малого бизнеса. Эксперты считают, что эти изменения помогут экономике восстановиться после кризиса.",
        "ko": "오늘 서울에서 열린 회의에서 정부는 새로운 경제 정책을 발표했습니다. 전문가들은 이번 조치가 중소기업에 큰 도움이 될 것이라고 말했습니다.",
        "zh": "今天上午，政府在北京召开新闻发布会，宣布了一系列支持中小企业发展的新措施。专家认为，这些政策将有助于经济的稳定增长。",
        "tw": "今天上午，政府在台北召開記者會，宣布了一系列支持中小企業發展的新措施。專家認為，這些政策將有助於經濟的穩定成長。",
        "ja": "今日の午後、東京で開かれた会議で、政府は新しい経済対策を発表しました。専門家は、この政策が中小企業の支援につながると述べています。",
        "he": "הממשלה הודיעה היום על תוכנית חדשה לתמיכה בעסקים קטנים. לדברי המומחים, הצעדים החדשים יעזרו לכלכלה להתאושש מהמשבר.",
        "th": "วันนี้รัฐบาลได้ประกาศมาตรการใหม่เพื่อช่วยเหลือธุรกิจขนาดเล็ก ผู้เชี่ยวชาญเชื่อว่านโยบายนี้จะช่วยให้เศรษฐกิจฟื้นตัวได้เร็วขึ้น",
        "el": "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για τη στήριξη των μικρών επιχειρήσεων. Οι ειδικοί πιστεύουν ότι οι αλλαγές θα βοηθήσουν.",
        "pl": "Rząd ogłosił dziś nowe działania wspierające małe przedsiębiorstwa. Według ekspertów zmiany pomogą gospodarce szybciej wyjść z kryzysu.",
        "fr": "Le gouvernement a annoncé aujourd’hui de nouvelles mesures pour soutenir les petites entreprises. « C’est une très bonne nouvelle », a déclaré le maire.",
        "de": "Die Regierung hat heute neue Maßnahmen zur Unterstützung kleiner Unternehmen angekündigt. Die Bürger äußerten sich überwiegend positiv.",
    ]

}
