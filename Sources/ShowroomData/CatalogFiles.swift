import Foundation
import ShowroomCore
import Yams

/// The demo catalog's files decoded: `stores.yaml`, `models.yaml`, `inventory.csv`
/// (formats in catalog/README.md). Errors name the file and the field or row.
struct CatalogFiles {
    var stores: [JSONValue]
    var makes: [JSONValue]
    var inventory: [[String: String]]

    static func load(from folder: URL) throws -> CatalogFiles {
        func read(_ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ShowroomError("catalog_file_missing", "\(url.path): cannot read the file.")
            }
            return text
        }
        func yaml(_ name: String, key: String) throws -> [JSONValue] {
            let value: JSONValue
            do { value = try YAMLDecoder().decode(JSONValue.self, from: try read(name)) } catch let e as ShowroomError { throw e } catch {
                throw ShowroomError("invalid_catalog", "\(name): not valid YAML: \(error)")
            }
            guard let list = value[key]?.arrayValue else { throw ShowroomError("invalid_catalog", "\(name): missing top-level '\(key)' list") }
            return list
        }
        let csv = try read("inventory.csv")
        var parser = CSVParser()
        var records: [CSVParser.Record] = []
        parser.parse(Data(csv.utf8)) { records.append($0) }
        parser.finish { records.append($0) }
        guard let header = records.first else { throw ShowroomError("invalid_catalog", "inventory.csv: empty file") }
        let keys = (0..<header.count).map { header[$0].trimmingCharacters(in: .whitespaces).lowercased() }
        var units: [[String: String]] = []
        for record in records.dropFirst() {
            guard record.count == keys.count else {
                throw ShowroomError("invalid_catalog", "inventory.csv line \(record.line): \(record.count) fields, expected \(keys.count)")
            }
            units.append(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, record[$0].trimmingCharacters(in: .whitespaces)) }))
        }
        return CatalogFiles(stores: try yaml("stores.yaml", key: "stores"), makes: try yaml("models.yaml", key: "makes"), inventory: units)
    }
}
