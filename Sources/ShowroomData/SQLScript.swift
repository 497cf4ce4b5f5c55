/// Splits a SQL script into single statements, because postgres-nio sends every query with
/// the extended protocol, which accepts one statement at a time. Understands single-quoted
/// strings, double-quoted identifiers, dollar quoting (`$$ ... $$`, `$tag$ ... $tag$`) and
/// `--` line comments.
public enum SQLScript {
    public static func statements(_ script: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(script)
        var i = 0
        var quote: Character?
        var dollarTag: String?
        while i < chars.count {
            let c = chars[i]
            if let tag = dollarTag {
                if c == "$", String(chars[i..<min(chars.count, i + tag.count)]) == tag {
                    current += tag
                    i += tag.count
                    dollarTag = nil
                    continue
                }
            } else if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            } else if c == "$" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j] == "_" { j += 1 }
                if j < chars.count, chars[j] == "$" {
                    let tag = String(chars[i...j])
                    current += tag
                    i = j + 1
                    dollarTag = tag
                    continue
                }
            } else if c == ";" {
                let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !s.isEmpty { out.append(s) }
                current = ""
                i += 1
                continue
            }
            current.append(c)
            i += 1
        }
        let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !s.isEmpty { out.append(s) }
        return out
    }
}

import Foundation
import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs every statement of a script in order on this connection (inside the caller's transaction).
    public func runScript(_ script: String, logger: Logger) async throws {
        for statement in SQLScript.statements(script) {
            try await query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }
}
