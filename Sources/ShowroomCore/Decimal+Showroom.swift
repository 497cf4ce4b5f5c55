import Foundation

extension Decimal {
    /// Rounds half-up (away from zero on a tie) to `scale` decimal places; a negative scale
    /// rounds to tens, hundreds, ... (`-2` → nearest 100).
    public func roundedHalfUp(scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }

    /// An exact decimal from a `Double` through its shortest decimal text (`8.625` → `8.625`),
    /// so that configuration numbers read as JSON/YAML doubles stay exact.
    public init(exactly double: Double) {
        self = Decimal(string: "\(double)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(double)
    }

    /// Text with thousands separators and exactly `scale` decimals, rounded half-up
    /// (`60000` → `60,000`; `3.5` at scale 1 → `3.5`), the same in both languages.
    public func formattedNumber(scale: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        formatter.decimalSeparator = "."
        formatter.minimumFractionDigits = max(scale, 0)
        formatter.maximumFractionDigits = max(scale, 0)
        return formatter.string(from: NSDecimalNumber(decimal: roundedHalfUp(scale: scale))) ?? "\(self)"
    }

    /// The value as a `Double` (for JSON output and scoring, never for money arithmetic).
    public var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }

    /// The smaller of two decimals.
    static func minimum(_ a: Decimal, _ b: Decimal) -> Decimal { a < b ? a : b }

    /// The larger of two decimals.
    static func maximum(_ a: Decimal, _ b: Decimal) -> Decimal { a > b ? a : b }
}

extension KeyedDecodingContainer {
    /// Decodes a decimal written as a number (`8.625`) or a string (`"8.625"`), exactly.
    ///
    /// JSON and YAML decoders hand numbers over as `Double`; going through the shortest
    /// decimal text keeps configured rates such as 8.625 % exact.
    public func decodeDecimal(forKey key: Key) throws -> Decimal {
        if let text = try? decode(String.self, forKey: key) {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(text)' is not a number")
            }
            return value
        }
        return Decimal(exactly: try decode(Double.self, forKey: key))
    }

    /// `decodeDecimal(forKey:)` for an optional key; `nil` when absent or null.
    public func decodeDecimalIfPresent(forKey key: Key) throws -> Decimal? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeDecimal(forKey: key)
    }
}
