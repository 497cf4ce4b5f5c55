extension CSVParser {
    /// One CSV record: its fields (decoded from UTF-8 on access), where it starts, its number.
    ///
    /// `line` is the 1-based physical line where the record starts (a record with a quoted line
    /// break spans several lines); `number` counts records from 1, the header included, blank
    /// lines not. Invalid UTF-8 is decoded with U+FFFD replacement characters.
    public struct Record: Sendable, Hashable {
        let bytes: [UInt8]
        let ends: [Int]
        /// 1-based line where the record starts.
        public let line: Int
        /// 1-based record number (the header is record 1 when there is one).
        public let number: Int
        /// True when the input ended inside a quoted field of this record.
        public let unterminatedQuote: Bool

        /// Number of fields.
        public var count: Int { ends.count }

        /// The field at `index` as text; the empty string when the record has fewer fields.
        public subscript(index: Int) -> String {
            guard index >= 0, index < ends.count else { return "" }
            let start = index == 0 ? 0 : ends[index - 1]
            return bytes.withUnsafeBufferPointer { buf in
                String(decoding: UnsafeBufferPointer(rebasing: buf[start..<ends[index]]), as: UTF8.self)
            }
        }

        /// Whether the field at `index` is absent or empty.
        public func isEmpty(at index: Int) -> Bool {
            guard index >= 0, index < ends.count else { return true }
            return ends[index] == (index == 0 ? 0 : ends[index - 1])
        }

        /// Every field as text.
        public var fields: [String] { (0..<count).map { self[$0] } }

        /// Why the record does not fit a header of `expected` fields, or nil when it does.
        public func raggedness(expected: Int) -> String? {
            if unterminatedQuote { return "a quoted field opened on line \(line) is never closed" }
            guard count != expected else { return nil }
            return "row has \(count) field\(count == 1 ? "" : "s"); the header has \(expected)"
        }
    }
}
