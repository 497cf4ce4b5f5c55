/// A 17-character vehicle identification number (ISO 3779, 49 CFR 565) whose length and
/// alphabet are valid.
///
/// Creating a `VIN` checks length and characters only; the check digit (position 9) is a
/// separate question because its rule depends on the market: North-American VINs (49 CFR 565)
/// and Chinese VINs (GB 16735, which prescribes the same weights and transliteration) must carry
/// a correct one (a wrong one is an error); other markets may not use it (Europe often puts a
/// filler there) or have exceptions (NHTSA lists 299 genuine 2024 Genesis G80 VINs made in Korea
/// with a wrong check digit: ../shared/data/vin-decode-vectors), so there a wrong check digit is
/// a warning. `VIN.check(_:requireCheckDigit:)` applies that rule.
public struct VIN: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The VIN in upper case, exactly 17 characters of the VIN alphabet.
    public let rawValue: String

    /// The 33 characters a VIN may use: digits and letters other than I, O and Q.
    public static let alphabet: Set<Character> = Set("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")

    /// Parses a VIN: surrounding spaces are ignored and letters are upper-cased, nothing else is
    /// corrected (an `O` is not turned into a `0`). Throws `vin_length` or `vin_characters`.
    public init(_ text: String) throws(ShowroomError) {
        if text.utf8.count == 17, text.utf8.allSatisfy(VIN.isAlphabetByte) {
            rawValue = text  // already upper case, trimmed and valid: the common case in feeds
            return
        }
        let normalized = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard normalized.count == 17 else {
            throw ShowroomError("vin_length", "VIN '\(normalized)' has \(normalized.count) characters; a VIN has 17.")
        }
        let bad = normalized.filter { !VIN.alphabet.contains($0) }
        guard bad.isEmpty else {
            let listed = String(Set(bad).sorted())
            let hint = bad.contains(where: { "IOQ".contains($0) }) ? " (I, O and Q are never used in VINs)" : ""
            throw ShowroomError("vin_characters", "VIN '\(normalized)' contains characters outside the VIN alphabet: \(listed)\(hint).")
        }
        rawValue = normalized
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Whether an ASCII byte is one of the 33 VIN characters (upper-case letters only).
    static func isAlphabetByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "I"), UInt8(ascii: "O"), UInt8(ascii: "Q"): return false
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
        default: return false
        }
    }

    public static func < (a: VIN, b: VIN) -> Bool { a.rawValue < b.rawValue }

    private var bytes: [UInt8] { Array(rawValue.utf8) }

    /// World manufacturer identifier: positions 1-3.
    public var wmi: String { String(rawValue.prefix(3)) }

    /// The character in position 9 (1-based), where the check digit sits.
    public var checkCharacter: Character { Character(UnicodeScalar(bytes[8])) }

    /// The check digit position 9 should hold under 49 CFR 565: characters transliterated to
    /// numbers, weighted 8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2, summed, modulo 11; 10 is written `X`.
    public var expectedCheckDigit: Character {
        var sum = 0
        for (i, b) in rawValue.utf8.enumerated() { sum += VIN.transliteration(b) * VIN.weights[i] }
        let r = sum % 11
        return r == 10 ? "X" : Character(String(r))
    }

    /// Whether position 9 holds the check digit the rest of the VIN implies.
    public var hasValidCheckDigit: Bool { checkCharacter == expectedCheckDigit }

    /// Whether the check-digit rule binds this VIN: vehicles made in North America (WMI first
    /// character 1-5, or 7F-70 which SAE assigned to the United States; 49 CFR 565) or in China
    /// (WMI L; GB 16735 requires the same check digit). A wrong check digit on such a VIN is an
    /// error; on others it is a warning (see `VIN.check`).
    public var checkDigitApplies: Bool { region == .northAmerica || region == .china }

    static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// 49 CFR 565.15 transliteration: digits are themselves; A-H 1-8, J-N 1-5, P 7, R 9, S-Z 2-9.
    static func transliteration(_ b: UInt8) -> Int {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(b - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "H"): return Int(b - UInt8(ascii: "A")) + 1
        case UInt8(ascii: "J")...UInt8(ascii: "N"): return Int(b - UInt8(ascii: "J")) + 1
        case UInt8(ascii: "P"): return 7
        case UInt8(ascii: "R"): return 9
        case UInt8(ascii: "S")...UInt8(ascii: "Z"): return Int(b - UInt8(ascii: "S")) + 2
        default: return 0
        }
    }
}

extension VIN {
    /// The result of validating VIN text for import: valid, valid with a warning (a wrong check
    /// digit on a VIN the rule does not bind), or invalid with the reason.
    public enum Check: Sendable, Hashable {
        case valid(VIN)
        case warning(VIN, ShowroomError)
        case invalid(ShowroomError)

        /// The VIN when it may be imported.
        public var vin: VIN? {
            switch self {
            case .valid(let v), .warning(let v, _): return v
            case .invalid: return nil
            }
        }
    }

    /// Validates VIN text with the market rule: length and alphabet always; the check digit is
    /// an error (`vin_check_digit`) when `checkDigitApplies` or `requireCheckDigit` (data we
    /// write ourselves, such as the demo catalog, whose VINs must all be valid), otherwise a
    /// warning with that code.
    public static func check(_ text: String, requireCheckDigit: Bool = false) -> Check {
        let vin: VIN
        do { vin = try VIN(text) } catch { return .invalid(error) }
        if vin.hasValidCheckDigit { return .valid(vin) }
        let problem = ShowroomError("vin_check_digit",
            "VIN \(vin.rawValue) has check digit \(vin.checkCharacter) in position 9; its other characters imply \(vin.expectedCheckDigit).")
        if vin.checkDigitApplies || requireCheckDigit { return .invalid(problem) }
        return .warning(vin, ShowroomError(problem.code,
            problem.message + " Accepted: the check digit binds only VINs made in North America or China; this one was made in region \(vin.region.rawValue)."))
    }
}
