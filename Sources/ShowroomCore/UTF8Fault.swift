import Foundation

/// The first place where bytes stop being well-formed UTF-8, located for a person to find it:
/// byte offset, line and the text just before it.
///
/// Imports read their files as UTF-8; a Latin-1, Windows-1252, GBK or UTF-16 file would otherwise
/// be decoded with replacement characters ("m�tallis�") or fail later with a misleading message.
/// `find(in:)` checks the well-formedness rules of the Unicode standard (table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF, no truncated sequence) in one pass, eight bytes
/// at a time while the text is ASCII. A UTF-8 byte-order mark is well-formed and passes.
public struct UTF8Fault: Sendable, Hashable {
    /// Zero-based offset of the first byte of the ill-formed sequence.
    public var offset: Int
    /// One-based line of that byte (LF, CRLF and lone CR each end a line).
    public var line: Int
    /// The byte itself.
    public var byte: UInt8
    /// Up to 24 characters of the same line just before the byte (valid UTF-8 by construction).
    public var textBefore: String
    /// Whether the data starts with a UTF-16 byte-order mark (FF FE or FE FF).
    public var isUTF16: Bool

    /// The first ill-formed sequence of `data`, or nil when all of it is UTF-8.
    public static func find(in data: Data) -> UTF8Fault? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let offset = firstInvalidOffset(bytes) else { return nil }
            return locate(offset, in: bytes)
        }
    }

    /// Offset of the first byte of the first ill-formed sequence, or nil when `bytes` is UTF-8.
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            // Allowed range of the second byte and the sequence length, per lead byte.
            let second: ClosedRange<UInt8>, length: Int
            switch lead {
            case 0xC2...0xDF: (second, length) = (0x80...0xBF, 2)
            case 0xE0: (second, length) = (0xA0...0xBF, 3)
            case 0xE1...0xEC, 0xEE...0xEF: (second, length) = (0x80...0xBF, 3)
            case 0xED: (second, length) = (0x80...0x9F, 3)
            case 0xF0: (second, length) = (0x90...0xBF, 4)
            case 0xF1...0xF3: (second, length) = (0x80...0xBF, 4)
            case 0xF4: (second, length) = (0x80...0x8F, 4)
            default: return i
            }
            guard i + length <= n, second.contains(bytes[i + 1]) else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Line and preceding text of the byte at `offset`; everything before it must be UTF-8.
    static func locate(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UTF8Fault {
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var line = 1, lineStart = 0
        for j in 0..<offset {
            let b = bytes[j]
            if b == lf || (b == cr && (j + 1 >= bytes.count || bytes[j + 1] != lf)) {
                line += 1
                lineStart = j + 1
            }
        }
        var start = max(lineStart, offset - 96)
        while start < offset, bytes[start] & 0xC0 == 0x80 { start += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        return UTF8Fault(offset: offset, line: line, byte: bytes[offset], textBefore: String(text.suffix(24)), isUTF16: utf16)
    }

    /// Where the fault is, for a message: `line 3 (byte offset 57): byte 0xE9 after "bleu clair m"`.
    public var location: String {
        let hex = String(byte, radix: 16, uppercase: true)
        let after = textBefore.isEmpty ? "at the start of the line" : "after \"\(textBefore)\""
        return "line \(line) (byte offset \(offset)): byte 0x\(hex.count == 1 ? "0" + hex : hex) \(after)"
    }

    /// How to fix the file, naming the encodings such files usually come in.
    public var advice: String {
        if isUTF16 {
            return "The file is UTF-16 text; re-save it as UTF-8 (Excel: Save As → \"CSV UTF-8\"), "
                + "or convert it: iconv -f UTF-16 -t UTF-8 FILE > FILE-utf8.csv."
        }
        return "Re-save it as UTF-8 (Excel: Save As → \"CSV UTF-8\"), or convert it: "
            + "iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE-utf8.csv for Western European text (Latin-1), "
            + "iconv -f GB18030 -t UTF-8 FILE > FILE-utf8.csv for Chinese text (GBK)."
    }
}
