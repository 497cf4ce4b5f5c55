/// A number in a customer turn with what is written right around it: its multiplier (20万,
/// 25k, 25 grand), unit (元, $, 公里, miles, 座, 年, 期, %, 成) and comparison symbols (<, >, ~, +).
///
/// `value` already includes the multiplier (20万 → 200000, 1.5万 → 15000, 三成 → 3 with unit
/// `.cheng`). Offsets are scalar offsets of the normalized text; `start` includes a leading
/// currency sign, `end` the units.
struct Quantity: Sendable, Hashable {
    enum Multiplier: Sendable, Hashable { case none, wan, thousand, million }
    enum Unit: Sendable, Hashable { case none, currency, km, miles, seats, people, years, months, percent, cheng, modelYear }
    enum Symbol: Sendable, Hashable { case below, above, around }

    var value: Double
    var start: Int
    var end: Int
    var multiplier: Multiplier = .none
    var unit: Unit = .none
    /// Currency written next to the number ($, ¥, 元, USD, 美元 ...).
    var currency: Currency?
    /// <, >, ~ before the number.
    var symbol: Symbol?
    /// "+" after the number (2022+).
    var plus = false
    /// The top of a colloquial span: 20多万 and 二三十万 are 200000 up to 300000, 七八万 70000 up to 80000.
    var top: Double?
    /// Number of digits when written in Arabic digits without separators or decimals (years have 4).
    var plainDigits = 0

    var int: Int { Int(value.rounded()) }

    /// A calendar year such as 2022 (plain four digits or 年/款 unit, 1980–2039).
    var looksLikeYear: Bool {
        multiplier == .none && (unit == .none || unit == .years || unit == .modelYear)
            && value == value.rounded() && value >= 1980 && value <= 2039 && (plainDigits == 4 || unit != .none)
    }

    /// Written as money: a currency, or a price multiplier with no other unit.
    var isMoney: Bool {
        unit == .currency || (unit == .none && (currency != nil || multiplier != .none))
    }
}
