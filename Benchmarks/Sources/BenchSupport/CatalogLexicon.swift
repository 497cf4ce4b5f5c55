import Foundation
import ShowroomCore
import Yams

/// The router's lexicon built from `catalog/models.yaml` without a database: the same names
/// (canonical, Chinese, aliases) that `CatalogRepository.nameEntries` reads after an import.
public enum CatalogLexicon {
    struct File: Decodable { var makes: [Make] }
    struct Make: Decodable {
        var make: String
        var name_zh: String?
        var aliases: [String]?
        var models: [Model]
    }
    struct Model: Decodable {
        var model: String
        var name_zh: String?
        var aliases: [String]?
    }

    /// Lexicon entries (one per make, one per model) from a models.yaml file.
    public static func entries(from file: URL = RepositoryPaths.catalog.appendingPathComponent("models.yaml")) throws -> [LexiconEntry] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let parsed = try YAMLDecoder().decode(File.self, from: text)
        var out: [LexiconEntry] = []
        for mk in parsed.makes {
            out.append(LexiconEntry(make: mk.make, names: [mk.make] + (mk.name_zh.map { [$0] } ?? []) + (mk.aliases ?? [])))
            for m in mk.models {
                out.append(LexiconEntry(make: mk.make, model: m.model,
                                        names: [m.model] + (m.name_zh.map { [$0] } ?? []) + (m.aliases ?? [])))
            }
        }
        return out
    }

    /// The embedded router over the catalog's lexicon.
    public static func router() throws -> EmbeddedRouter {
        EmbeddedRouter(lexicon: Lexicon(entries: try entries()))
    }
}
