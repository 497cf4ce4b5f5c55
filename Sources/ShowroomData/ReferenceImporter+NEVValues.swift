import Foundation
import ShowroomCore

/// Readers for the free-text values of the China spec file.
extension ReferenceImporter {
    /// The verdict on possibly mis-encoded text.
    enum Mojibake: Equatable {
        case unchanged
        case repaired(String)
        case unrepairable
    }

    /// Undoes UTF-8 text that was decoded as Latin-1: when every scalar fits in a byte and some
    /// are above ASCII, the bytes are re-read as UTF-8. Text that is already proper Unicode
    /// (any scalar above U+00FF) is left alone; bytes that are not valid UTF-8 are `unrepairable`.
    /// Zero-width characters the repair reveals (U+200B-U+200D, U+FEFF) are dropped.
    static func repairMojibake(_ text: String) -> Mojibake {
        var high = false
        for u in text.unicodeScalars {
            if u.value > 0xFF { return .unchanged }
            if u.value >= 0x80 { high = true }
        }
        guard high else { return .unchanged }
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        guard let fixed = String(validating: bytes, as: UTF8.self) else { return .unrepairable }
        var out = String.UnicodeScalarView()
        for u in fixed.unicodeScalars where !(0x200B...0x200D).contains(u.value) && u.value != 0xFEFF { out.append(u) }
        return .repaired(String(out))
    }

    /// A seat count from text such as `5`, `2/5`, `10-18` or `●6○7` (● marks the standard
    /// configuration), and a note when the text is not exactly one count in 1-12.
    static func seatCount(_ text: String) -> (Int?, String?) {
        if text.isEmpty { return (nil, nil) }
        var numbers: [(value: Int, standard: Bool)] = []
        var digits = "", standard = false, markNext = false
        for ch in text + " " {
            if ch.isASCII, ch.isNumber {
                if digits.isEmpty { standard = markNext }
                digits.append(ch)
                continue
            }
            if let n = Int(digits) { numbers.append((n, standard)) }
            digits = ""
            markNext = ch == "●"
        }
        guard let chosen = numbers.first(where: \.standard) ?? numbers.first else {
            return (nil, "seats '\(text)' holds no number; left empty.")
        }
        guard (1...12).contains(chosen.value) else {
            return (nil, "seats '\(text)' is beyond 12 (a bus or van); kept as text only.")
        }
        if numbers.count == 1 && !text.contains("●") { return (chosen.value, nil) }
        return (chosen.value, "seats '\(text)' lists several configurations; stored \(chosen.value)\(chosen.standard ? " (the standard one)" : " (the first)").")
    }

    /// The year a name starts with (`2024 BYD Han ...` → 2024).
    static func leadingYear(_ name: String) -> Int? {
        guard let first = name.split(separator: " ").first, first.count == 4, let y = Int(first), (1950...2100).contains(y)
        else { return nil }
        return y
    }

    /// The name without its leading year.
    static func strippingLeadingYear(_ name: String) -> String {
        guard leadingYear(name) != nil else { return name }
        return String(name.dropFirst(4)).trimmingCharacters(in: .whitespaces)
    }

    /// Battery capacity from a name such as `... BEV 41.86KWH`.
    static func batteryKwh(_ name: String) -> Double? {
        guard let r = name.range(of: #"[0-9]+(\.[0-9]+)?\s*kwh"#, options: [.regularExpression, .caseInsensitive]) else {
            return nil
        }
        let digits = name[r].prefix { $0.isNumber || $0 == "." }
        return Double(digits).flatMap { $0 > 0 && $0 < 1000 ? $0 : nil }
    }

    static func nevDrivetrain(_ mode: String) -> Drivetrain? {
        if mode.contains("Four-Wheel") { return .awd }
        if mode.contains("Front-Wheel") { return .fwd }
        if mode.contains("Rear-Wheel") { return .rwd }
        return nil
    }

    static func nevBody(_ structure: String) -> BodyType? {
        switch structure {
        case "SUV": return .suv
        case "Sedan": return .sedan
        case "Hatchback": return .hatchback
        case "MPV": return .mpv
        case "Wagon": return .wagon
        case "Coupe": return .coupe
        case "Convertible": return .convertible
        case "Pick Up": return .pickup
        default: return nil
        }
    }
}
