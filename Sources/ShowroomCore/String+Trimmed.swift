import Foundation

extension String {
    /// The text without leading and trailing white space and line breaks (Unicode's, e.g. the
    /// ideographic space U+3000 too).
    ///
    /// Imports trim every field of every row, so the common case — a first and last byte that
    /// are printable ASCII — returns the string itself without going through Foundation; only
    /// the rest is trimmed with `trimmingCharacters(in: .whitespacesAndNewlines)`.
    public var trimmed: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
