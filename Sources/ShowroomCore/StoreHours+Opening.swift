import Foundation

extension StoreHours {
    /// Whether the store is open at a moment (`calendar` carries the store's time zone).
    public func isOpen(at date: Date, calendar: Calendar) -> Bool {
        guard let w = windows[calendar.component(.weekday, from: date)] else { return false }
        let minute = calendar.component(.hour, from: date) * 60 + calendar.component(.minute, from: date)
        return minute >= w.open && minute < w.close
    }

    /// The next opening strictly after `date` within a week, or nil when the store never opens.
    public func nextOpening(after date: Date, calendar: Calendar) -> Date? {
        let today = calendar.startOfDay(for: date)
        for offset in 0...7 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: today),
                  let w = windows[calendar.component(.weekday, from: day)],
                  let opening = calendar.date(byAdding: .minute, value: w.open, to: day), opening > date else { continue }
            return opening
        }
        return nil
    }
}
