import Foundation

/// Tolerant readers for the values dealer feeds write in many ways.
extension FeedRowValidator {
    /// A price such as `32995`, `$32,995.00`, `¥209,800`, `USD 32,995` or `20.98万` (×10,000),
    /// rounded half-up to the cent. Empty text is `nil`; unreadable, non-positive or absurd
    /// (> 10,000,000) amounts are errors (`price_invalid`, `price_not_positive`, `price_absurd`).
    public static func money(_ text: String, currency: Currency, label: String) -> Result<Money?, ShowroomError> {
        if text.isEmpty { return .success(nil) }
        if let minor = plainMinorUnits(text) {
            guard minor > 0 else {
                return .failure(ShowroomError("\(label.lowercased())_not_positive", "\(label) \(text) must be more than 0."))
            }
            guard minor <= maximumPriceMinorUnits else {
                return .failure(ShowroomError("\(label.lowercased())_absurd", "\(label) \(text) is above the 10,000,000 limit."))
            }
            return .success(Money(minorUnits: minor, currency: currency))
        }
        return generalMoney(text, currency: currency, label: label)
    }

    /// `money` for any form it accepts, through Foundation (`Decimal`); the plain forms give the
    /// same result as the fast path (tests compare them).
    static func generalMoney(_ text: String, currency: Currency, label: String) -> Result<Money?, ShowroomError> {
        if text.isEmpty { return .success(nil) }
        var t = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
        var scale: Decimal = 1
        if t.hasSuffix("万") || t.hasSuffix("万元") {
            scale = 10_000
            t = t.replacingOccurrences(of: "万元", with: "").replacingOccurrences(of: "万", with: "")
        }
        for marker in ["USD", "CNY", "RMB", "US$", "$", "¥", "￥", "元"] { t = t.replacingOccurrences(of: marker, with: "") }
        let negative = t.hasPrefix("-") || (t.hasPrefix("(") && t.hasSuffix(")"))
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: "-()"))
        let lower = label.lowercased()
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            t.filter({ $0 == "." }).count <= 1, let amount = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
        else {
            return .failure(ShowroomError("\(lower)_invalid", "\(label) '\(text)' is not an amount."))
        }
        let value = (negative ? -amount : amount) * scale
        guard value > 0 else {
            return .failure(ShowroomError("\(lower)_not_positive", "\(label) \(text) must be more than 0."))
        }
        guard value <= maximumPrice else {
            return .failure(ShowroomError("\(lower)_absurd", "\(label) \(text) is above the 10,000,000 limit."))
        }
        return .success(Money(decimal: value, currency: currency))
    }

    /// `maximumPrice` in minor units.
    static let maximumPriceMinorUnits: Int64 = 1_000_000_000

    /// Minor units of an amount written as plain ASCII digits with optional thousands commas and
    /// at most two decimals (`32995`, `32,995.5`, `209800.00`) — what nearly every feed row holds —
    /// read without Foundation. Anything else (currency marks, 万, signs, more decimals) is nil
    /// and goes through the general reader, which gives the same value for these forms.
    static func plainMinorUnits(_ text: String) -> Int64? {
        var whole: Int64 = 0, fraction: Int64 = 0, digits = 0, fractionDigits = 0, dot = false
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(b &- UInt8(ascii: "0"))
                if dot {
                    guard fractionDigits < 2 else { return nil }
                    fraction = fraction * 10 + d
                    fractionDigits += 1
                } else {
                    guard digits < 13 else { return nil }
                    whole = whole * 10 + d
                    digits += 1
                }
            case UInt8(ascii: ","): if dot { return nil }
            case UInt8(ascii: "."): if dot { return nil }; dot = true
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        return whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
    }

    /// A whole number written as plain ASCII digits with optional thousands commas, else nil.
    static func plainInteger(_ text: String) -> Int? {
        var value = 0, digits = 0
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 15 else { return nil }
                value = value * 10 + Int(b &- UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: ","): continue
            default: return nil
            }
        }
        return digits > 0 ? value : nil
    }

    /// Mileage in km from text such as `12,345`, `12345 mi`, `8.5万公里` or `1,200 km`; a unit in
    /// the text wins over `defaultUnit`. Empty text is `nil`. Miles convert at 1.609344 km/mi,
    /// rounded to the nearest km. Negative or > 2,000,000 km are errors.
    public static func mileageKm(_ text: String, defaultUnit: FeedHeaderMap.MileageUnit) -> Result<Int?, ShowroomError> {
        if text.isEmpty { return .success(nil) }
        var unit = defaultUnit
        var scale = 1.0
        let raw: Double
        if let plain = plainInteger(text) {
            raw = Double(plain)
        } else {
            var t = text.lowercased().replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
            for (suffix, u, s) in [("万公里", FeedHeaderMap.MileageUnit.km, 10_000.0), ("公里", .km, 1), ("kms", .km, 1),
                                   ("km", .km, 1), ("miles", .miles, 1), ("mi", .miles, 1)] where t.hasSuffix(suffix) {
                t.removeLast(suffix.count)
                unit = u
                scale = s
                break
            }
            guard let value = Double(t), value.isFinite else {
                return .failure(ShowroomError("mileage_invalid", "Mileage '\(text)' is not a number."))
            }
            raw = value
        }
        guard raw >= 0 else { return .failure(ShowroomError("mileage_negative", "Mileage \(text) is negative.")) }
        let km = (raw * scale * (unit == .miles ? 1.609344 : 1)).rounded()
        guard km <= Double(maximumMileageKm) else {
            return .failure(ShowroomError("mileage_absurd", "Mileage \(text) (\(Int(km)) km) is above 2,000,000 km."))
        }
        return .success(Int(km))
    }

    /// `new`/`used`/`cpo` from the words feeds use (`N`, `Pre-Owned`, `Certified`, `二手`...).
    public static func condition(_ text: String) -> VehicleCondition? {
        let t = FeedHeaderMap.normalize(text)
        switch t {
        case "new", "n", "brandnew", "新", "新车": return .new
        case "used", "u", "preowned", "secondhand", "二手", "二手车": return .used
        case "cpo", "c", "certified", "certifiedused", "certifiedpreowned", "认证二手车", "官方认证": return .cpo
        default: return nil
        }
    }

    /// A yes/no flag (`Y`, `yes`, `true`, `1`, `x`, `是`; `N`, `no`, `false`, `0`, `否`), nil when blank or unclear.
    public static func flag(_ text: String) -> Bool? {
        switch FeedHeaderMap.normalize(text) {
        case "y", "yes", "true", "1", "x", "certified", "cpo", "是": return true
        case "n", "no", "false", "0", "否": return false
        default: return nil
        }
    }

    /// A body style from feed wording (`Sport Utility`, `4dr Car`, `Crew Cab Pickup`, `Minivan`).
    public static func bodyType(_ text: String) -> BodyType? {
        let t = FeedHeaderMap.normalize(text)
        if t.isEmpty { return nil }
        if let exact = BodyType(rawValue: t) { return exact }
        let rules: [(String, BodyType)] = [
            ("convertible", .convertible), ("cabriolet", .convertible), ("roadster", .convertible),
            ("wagon", .wagon), ("estate", .wagon), ("hatch", .hatchback), ("pickup", .pickup), ("truck", .pickup),
            ("cab", .pickup), ("minivan", .mpv), ("van", .mpv), ("mpv", .mpv), ("sportutility", .suv),
            ("suv", .suv), ("crossover", .suv), ("coupe", .coupe), ("2dr", .coupe), ("sedan", .sedan),
            ("saloon", .sedan), ("4dr", .sedan), ("轿车", .sedan), ("越野", .suv), ("两厢", .hatchback),
        ]
        return rules.first { t.contains($0.0) }?.1
    }

    /// A day from `YYYY-MM-DD`, `YYYY/MM/DD`, `MM/DD/YYYY` (US order) or an ISO timestamp.
    public static func date(_ text: String) -> LocalDate? {
        let head = text.split(separator: "T").first.map(String.init)?.split(separator: " ").first.map(String.init) ?? ""
        let parts = head.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
        if a >= 1000 { return try? LocalDate(year: a, month: b, day: c) }
        if c >= 1000 { return try? LocalDate(year: c, month: a, day: b) }
        return nil
    }
}
