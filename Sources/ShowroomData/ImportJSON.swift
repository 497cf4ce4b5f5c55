/// Builds the small JSON objects of `trims.specs` directly as text (an encoder per row would
/// cost more than the rest of a reference import). Keys keep insertion order; `nil` and empty
/// strings are left out, so a missing value is an absent key.
struct ImportJSON {
    private var text_ = ""

    /// A string member (omitted when nil or empty).
    mutating func add(_ key: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        member(key, ImportJSON.quoted(value))
    }

    /// A number member; integral values are written without a fraction.
    mutating func add(_ key: String, number value: Double?) {
        guard let value, value.isFinite else { return }
        member(key, value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value))
    }

    /// A boolean member.
    mutating func add(_ key: String, flag value: Bool?) {
        guard let value else { return }
        member(key, value ? "true" : "false")
    }

    private mutating func member(_ key: String, _ literal: String) {
        if !text_.isEmpty { text_ += "," }
        text_ += ImportJSON.quoted(key)
        text_ += ":"
        text_ += literal
    }

    /// The object, `{}` when nothing was added.
    var text: String { "{" + text_ + "}" }

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func quoted(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + s + "\""  // nothing to escape: the common case
        }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}": break  // jsonb cannot hold NUL
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
