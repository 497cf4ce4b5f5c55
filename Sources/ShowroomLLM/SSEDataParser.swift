/// Splits a Server-Sent Events byte stream into the `data` payloads of its events.
///
/// Bytes arrive in arbitrary chunks (a line, or a UTF-8 character, may be split between two),
/// so the parser buffers until a line is complete. Lines end in `\n` or `\r\n`; an empty line
/// ends an event; several `data:` lines of one event are joined with `\n`; comments (`:`) and
/// other fields (`event:`, `id:`, `retry:`) are ignored.
struct SSEDataParser {
    private var buffer: [UInt8] = []
    private var dataLines: [String] = []

    /// Feeds received bytes; returns the data of every event they completed, in order.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [String] {
        buffer.append(contentsOf: bytes)
        var events: [String] = []
        var start = 0
        while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
            var end = newline
            if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if let event = line(String(decoding: buffer[start..<end], as: UTF8.self)) { events.append(event) }
            start = newline + 1
        }
        buffer.removeFirst(start)
        return events
    }

    /// The stream ended: a last event not followed by a blank line still counts.
    mutating func finish() -> [String] {
        var events: [String] = []
        if !buffer.isEmpty, let event = line(String(decoding: buffer, as: UTF8.self)) { events.append(event) }
        buffer.removeAll()
        if let event = line("") { events.append(event) }
        return events
    }

    /// Whether bytes of an unfinished line or event are pending.
    var hasPartialEvent: Bool { !buffer.isEmpty || !dataLines.isEmpty }

    private mutating func line(_ text: String) -> String? {
        if text.isEmpty {
            defer { dataLines.removeAll() }
            return dataLines.isEmpty ? nil : dataLines.joined(separator: "\n")
        }
        guard text.hasPrefix("data:") else { return nil }
        var value = text.dropFirst(5)
        if value.first == " " { value = value.dropFirst() }
        dataLines.append(String(value))
        return nil
    }
}
