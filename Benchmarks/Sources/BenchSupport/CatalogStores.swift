import Foundation
import ShowroomCore
import Yams

/// The demo stores' tax profiles read from `catalog/stores.yaml`, for the calculator benchmarks.
public enum CatalogStores {
    struct File: Decodable { var stores: [Store] }
    struct Store: Decodable {
        var id: String
        var tax_profile: JSONValue
        var promotions: [Promotion]?
    }

    /// Tax profile and promotions by store id.
    public static func load(_ file: URL = RepositoryPaths.catalog.appendingPathComponent("stores.yaml")) throws
        -> [String: (profile: TaxProfile, promotions: [Promotion])]
    {
        let parsed = try YAMLDecoder().decode(File.self, from: try String(contentsOf: file, encoding: .utf8))
        var out: [String: (TaxProfile, [Promotion])] = [:]
        for s in parsed.stores { out[s.id] = (try TaxProfile.decode(s.tax_profile), s.promotions ?? []) }
        return out
    }
}
