import Foundation
import Logging
import NIOCore
import PostgresNIO
import ShowroomCore

/// Rows for `COPY ... FROM STDIN` in Postgres' text format, sent in ~1 MB chunks.
///
/// Imports load whole files this way into a temporary table and then change the real tables
/// with a few set-based statements, so a 100,000-row feed costs a handful of round trips.
/// Text format: tab between fields, newline after a row, `\N` for NULL; backslash, tab,
/// newline and carriage return are escaped, NUL bytes (which Postgres text cannot hold) dropped.
struct ImportCopy {
    private var buffer = ByteBuffer()
    private var fieldsInRow = 0
    private(set) var rows = 0
    static let chunkBytes = 1 << 20

    /// Appends one field (`nil` is SQL NULL).
    mutating func field(_ value: String?) {
        if fieldsInRow > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
        fieldsInRow += 1
        guard let value else {
            buffer.writeStaticString("\\N")
            return
        }
        var clean = true
        for b in value.utf8 where b == 0x5C || b == 0x09 || b == 0x0A || b == 0x0D || b == 0 {
            clean = false
            break
        }
        if clean {
            buffer.writeString(value)
            return
        }
        for b in value.utf8 {
            switch b {
            case 0x5C: buffer.writeStaticString("\\\\")
            case 0x09: buffer.writeStaticString("\\t")
            case 0x0A: buffer.writeStaticString("\\n")
            case 0x0D: buffer.writeStaticString("\\r")
            case 0: break
            default: buffer.writeInteger(b)
            }
        }
    }

    /// Appends an integer field.
    mutating func field(_ value: Int?) { field(value.map(String.init)) }

    /// Appends a decimal field in plain notation.
    mutating func field(_ value: Double?) { field(value.map { String($0) }) }

    /// Ends the current row.
    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        fieldsInRow = 0
        rows += 1
    }

    /// Appends a whole row.
    mutating func row(_ values: [String?]) {
        for v in values { field(v) }
        endRow()
    }

    /// The buffered rows in slices of about 1 MB (views of one buffer, not copies).
    func chunks() -> [ByteBuffer] {
        var rest = buffer
        var out: [ByteBuffer] = []
        while rest.readableBytes > 0 {
            let n = min(ImportCopy.chunkBytes, rest.readableBytes)
            if let slice = rest.readSlice(length: n) { out.append(slice) }
        }
        return out
    }
}

extension PostgresConnection {
    /// Creates `table` as a temporary table of text columns dropped at commit and COPYs `rows`
    /// into it. Table and column names are constants of the importers, never input.
    func copyIntoTempTable(_ table: String, columns: [String], rows: ImportCopy, logger: Logger) async throws {
        let definition = columns.map { "\($0) text" }.joined(separator: ", ")
        try await query(PostgresQuery(unsafeSQL: "CREATE TEMP TABLE \(table) (\(definition)) ON COMMIT DROP"), logger: logger)
        guard rows.rows > 0 else { return }
        try await copyFrom(table: table, columns: columns, logger: logger) { writer in
            for chunk in rows.chunks() { try await writer.write(chunk) }
        }
    }

    /// `copyIntoTempTable` for rows given as arrays of fields.
    func copyIntoTempTable(_ table: String, columns: [String], rows: [[String?]], logger: Logger) async throws {
        var copy = ImportCopy()
        for r in rows { copy.row(r) }
        try await copyIntoTempTable(table, columns: columns, rows: copy, logger: logger)
    }
}

extension PostgresConnection {
    /// Runs an `INSERT ... ON CONFLICT ... DO UPDATE ... WHERE <changed>` whose `RETURNING` clause
    /// is `(xmax = 0) AS inserted`, and counts inserted and updated rows in one round trip.
    /// Rows the `WHERE` left alone are neither.
    func upsertCounts(_ upsert: PostgresQuery, logger: Logger) async throws -> (inserted: Int, updated: Int) {
        let sql = "WITH up AS (\(upsert.sql)) SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up"
        let row = try await rows(PostgresQuery(unsafeSQL: sql, binds: upsert.binds), logger: logger).first
        let (ins, upd) = try row?.decode((Int, Int).self) ?? (0, 0)
        return (ins, upd)
    }

    /// `upsertCounts` for a constant statement.
    func upsertCounts(_ upsert: String, logger: Logger) async throws -> (inserted: Int, updated: Int) {
        try await upsertCounts(PostgresQuery(unsafeSQL: upsert), logger: logger)
    }

    /// The first column of the first row as an integer (0 when there is none).
    func count(_ sql: String, logger: Logger) async throws -> Int {
        try await rows(PostgresQuery(unsafeSQL: sql), logger: logger).first?.decode(Int.self) ?? 0
    }

    /// Runs one constant statement of an importer.
    func run(_ sql: String, logger: Logger) async throws {
        try await query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}

/// SQL fragments the importers share.
enum ImportSQL {
    /// `DO UPDATE SET c = EXCLUDED.c, ... WHERE (alias.c, ...) IS DISTINCT FROM (EXCLUDED.c, ...)
    /// RETURNING (xmax = 0) AS inserted`: updates a conflicting row only when a value changed, so
    /// an unchanged re-import writes nothing. `touch` adds assignments such as `updated_at = now()`.
    /// `changedAlso` is an extra condition (ORed) under which the row counts as changed.
    static func updateChanged(_ alias: String, _ columns: [String], touch: String? = nil, changedAlso: String? = nil) -> String {
        let set = columns.map { "\($0) = EXCLUDED.\($0)" } + (touch.map { [$0] } ?? [])
        let old = columns.map { "\(alias).\($0)" }.joined(separator: ", ")
        let new = columns.map { "EXCLUDED.\($0)" }.joined(separator: ", ")
        let extra = changedAlso.map { " OR (\($0))" } ?? ""
        return "DO UPDATE SET \(set.joined(separator: ", ")) WHERE (\(old)) IS DISTINCT FROM (\(new))\(extra) RETURNING (xmax = 0) AS inserted"
    }

    /// A JSON array of strings (for `text[]` columns, read back with `jsonb_array_elements_text`).
    static func jsonArray(_ items: [String]) -> String {
        JSONValue.array(items.map { .string($0) }).jsonString()
    }

    /// `ARRAY(SELECT jsonb_array_elements_text(<column>::jsonb))`.
    static func textArray(_ column: String) -> String {
        "ARRAY(SELECT jsonb_array_elements_text(\(column)::jsonb))"
    }
}
