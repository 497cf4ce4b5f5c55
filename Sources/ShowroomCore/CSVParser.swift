import Foundation

/// A streaming RFC 4180 CSV parser over UTF-8 bytes.
///
/// Feed it chunks of any size (`parse(_:_:)`, then `finish(_:)`); it calls back once per record
/// with a `Record` whose fields are decoded only when read, so a caller that needs 10 of 84
/// columns pays for 10. Handles quoted fields with escaped quotes (`""`), delimiters and line
/// breaks inside quotes, a UTF-8 byte-order mark, CRLF, LF and lone-CR line endings, a missing
/// or extra final line break, and blank lines (skipped). It never throws on malformed input:
/// a quote inside an unquoted field is kept as text, text after a closing quote is appended,
/// and a quote left open at the end of input flags the last record (`unterminatedQuote`).
/// Ragged rows are visible as records whose `count` differs from the header's
/// (`Record.raggedness(expected:)` words the problem).
public struct CSVParser: Sendable {
    /// The field separator, `,` unless told otherwise.
    public let delimiter: UInt8

    private enum State: Sendable { case fieldStart, unquoted, quoted, quoteInQuoted }

    private var state = State.fieldStart
    private var rowBytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    private var fieldQuoted = false
    private var skipLF = false
    private var prevCR = false
    private var line = 1
    private var recordLine = 1
    private var recordCount = 0
    private var head: [UInt8] = []
    private var headDone = false

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// A parser splitting fields on `delimiter` (an ASCII character such as `,`, `;` or tab).
    public init(delimiter: Character = ",") {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        rowBytes.reserveCapacity(1024)
        fieldEnds.reserveCapacity(64)
    }

    /// Parses the next chunk, calling `body` for every record completed in it.
    public mutating func parse(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (Record) throws -> Void) rethrows {
        if headDone {
            try consume(chunk, body)
            return
        }
        // Hold back the first bytes until we know whether they are a byte-order mark.
        let take = min(3 - head.count, chunk.count)
        head.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<take]))
        if head.count < 3, Array(CSVParser.bom.prefix(head.count)) == head { return }
        headDone = true
        let start = head.starts(with: CSVParser.bom) ? Array(head.dropFirst(3)) : head
        try start.withUnsafeBufferPointer { try consume($0, body) }
        try consume(UnsafeBufferPointer(rebasing: chunk[take...]), body)
    }

    /// Parses the next chunk of bytes.
    public mutating func parse(_ chunk: some DataProtocol, _ body: (Record) throws -> Void) rethrows {
        for region in chunk.regions {
            try region.withUnsafeBytes { raw in try parse(raw.bindMemory(to: UInt8.self), body) }
        }
    }

    /// Ends the input: emits the last record when the input did not end with a line break.
    public mutating func finish(_ body: (Record) throws -> Void) rethrows {
        if !headDone {
            headDone = true
            let pending = head
            try pending.withUnsafeBufferPointer { try consume($0, body) }
        }
        switch state {
        case .fieldStart where rowBytes.isEmpty && fieldEnds.isEmpty:
            break
        case .quoted:
            try endRecord(unterminated: true, body)
        default:
            try endRecord(unterminated: false, body)
        }
        state = .fieldStart
    }

    private mutating func consume(_ buf: UnsafeBufferPointer<UInt8>, _ body: (Record) throws -> Void) rethrows {
        let n = buf.count
        let delim = delimiter
        var i = 0
        while i < n {
            if skipLF {
                skipLF = false
                if buf[i] == CSVParser.lf { i += 1; continue }
            }
            switch state {
            case .fieldStart where buf[i] == CSVParser.quote:
                state = .quoted
                fieldQuoted = true
                i += 1
            case .fieldStart, .unquoted:
                var j = i
                while j < n {
                    let c = buf[j]
                    if c == delim || c == CSVParser.lf || c == CSVParser.cr { break }
                    j += 1
                }
                if j > i { rowBytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<j])) }
                if j == n {
                    state = .unquoted
                    return
                }
                i = j
                try terminator(buf[i], body)
                i += 1
            case .quoted:
                var j = i
                while j < n {
                    let c = buf[j]
                    if c == CSVParser.quote { break }
                    if c == CSVParser.lf {
                        if !prevCR { line += 1 }
                    } else if c == CSVParser.cr {
                        line += 1
                    }
                    prevCR = c == CSVParser.cr
                    j += 1
                }
                if j > i { rowBytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<j])) }
                if j == n { return }
                prevCR = false
                state = .quoteInQuoted
                i = j + 1
            case .quoteInQuoted:
                let c = buf[i]
                if c == CSVParser.quote {
                    rowBytes.append(c)
                    state = .quoted
                    i += 1
                } else if c == delim || c == CSVParser.lf || c == CSVParser.cr {
                    try terminator(c, body)
                    i += 1
                } else {
                    state = .unquoted
                }
            }
        }
    }

    /// Handles a delimiter or line break outside quotes.
    private mutating func terminator(_ c: UInt8, _ body: (Record) throws -> Void) rethrows {
        if c == delimiter {
            fieldEnds.append(rowBytes.count)
            fieldQuoted = false
            state = .fieldStart
            return
        }
        line += 1
        if c == CSVParser.cr { skipLF = true }
        try endRecord(unterminated: false, body)
    }

    private mutating func endRecord(unterminated: Bool, _ body: (Record) throws -> Void) rethrows {
        let blank = fieldEnds.isEmpty && rowBytes.isEmpty && !fieldQuoted
        if !blank {
            fieldEnds.append(rowBytes.count)
            recordCount += 1
            try body(Record(bytes: rowBytes, ends: fieldEnds, line: recordLine, number: recordCount,
                               unterminatedQuote: unterminated))
        }
        rowBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldQuoted = false
        state = .fieldStart
        recordLine = line
    }
}

extension CSVParser {
    /// Calls `body` for every record of a complete input.
    public static func forEachRecord(in data: some DataProtocol, delimiter: Character = ",",
                                     _ body: (Record) throws -> Void) rethrows {
        var parser = CSVParser(delimiter: delimiter)
        try parser.parse(data, body)
        try parser.finish(body)
    }

    /// Every record of a complete input.
    public static func records(in data: some DataProtocol, delimiter: Character = ",") -> [Record] {
        var out: [Record] = []
        forEachRecord(in: data, delimiter: delimiter) { out.append($0) }
        return out
    }

    /// Every record of a string (parsed as its UTF-8 bytes).
    public static func records(in text: String, delimiter: Character = ",") -> [Record] {
        records(in: Array(text.utf8), delimiter: delimiter)
    }
}
