import FeedModel

/// Dates as RSS 2.0 writes them (RFC 822 with RFC 1123's four-digit year), always in GMT:
/// `Mon, 09 Jan 2017 22:30:00 GMT`. The format has no fraction of a second: it is left out.
enum RFC822Date {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func string(_ timestamp: Timestamp) -> String {
        let c = timestamp.components
        // 1970-01-01 was a Thursday; days before it count down the same table.
        var days = timestamp.secondsSince1970 / 86_400
        if timestamp.secondsSince1970 % 86_400 < 0 { days -= 1 }
        let weekday = Int(((days % 7) + 7) % 7)
        var out = weekdays[weekday]
        out += ", "
        out += padded(c.day, 2)
        out += " "
        out += months[c.month - 1]
        out += " "
        out += padded(c.year, 4)
        out += " "
        out += padded(c.hour, 2) + ":" + padded(c.minute, 2) + ":" + padded(c.second, 2)
        out += " GMT"
        return out
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }
}
