import PostgresNIO
import ShowroomCore

extension CatalogRepository {
    /// Resolves free-text names against the dealer's catalog without ever swapping the asked
    /// model for another one.
    ///
    /// The make resolves by canonical, Chinese or alias name, then by trigram similarity (> 0.4).
    /// A model, within that make when one resolved, matches in three tiers: an exact canonical,
    /// Chinese, alias or "make model" name; then a family prefix (宋 → 宋L, 宋PLUS; "song" →
    /// Song L, Song PLUS), kept as several models; then the single most similar search text
    /// (similarity ≥ 0.3). When none matches, `models` is empty and `suggestions` lists up to
    /// three nearest catalog models of any make.
    public func match(make: String?, model: String?) async throws -> ModelMatch {
        let makeText = make.map(Self.clean).flatMap { $0.isEmpty ? nil : $0 }
        let modelText = model.map(Self.clean).flatMap { $0.isEmpty ? nil : $0 }
        var makeName: String?
        if let mk = makeText {
            makeName = try await db.rows("""
                SELECT name FROM makes
                WHERE lower(name) = \(mk) OR lower(name_zh) = \(mk) OR \(mk) = ANY(SELECT lower(a) FROM unnest(aliases) a)
                   OR similarity(lower(name), \(mk)) > 0.4
                ORDER BY (lower(name) = \(mk) OR lower(name_zh) = \(mk)) DESC, similarity(lower(name), \(mk)) DESC LIMIT 1
                """).first.map { try $0.decode(String.self) }
        }
        guard let mt = modelText else {
            return ModelMatch(make: makeName, models: [], requestedModel: nil)
        }
        let candidates = try await modelCandidates(mt)
        let inMake = candidates.filter { makeName == nil || $0.make == makeName }
        var picked: [ModelCandidate] = []
        if let exact = inMake.first(where: { $0.tier == 3 }) {
            picked = [exact]
        } else if case let family = inMake.filter({ $0.tier == 2 }), !family.isEmpty {
            picked = family.sorted { ($0.make, $0.model) < ($1.make, $1.model) }
        } else if let best = inMake.max(by: { $0.score < $1.score }), best.score >= 0.3 {
            picked = [best]
        }
        guard !picked.isEmpty else {
            let suggestions = candidates.sorted { ($0.tier, $0.score) > ($1.tier, $1.score) }
                .filter { $0.tier > 1 || $0.score > 0.2 }.prefix(3).map { "\($0.make) \($0.model)" }
            return ModelMatch(make: makeName, models: [], requestedModel: model?.trimmed, suggestions: Array(suggestions))
        }
        let bodies = Set(picked.map(\.bodyType)), powertrains = Set(picked.map(\.powertrain))
        return ModelMatch(make: picked[0].make, models: picked.map(\.model), requestedModel: model?.trimmed,
                          bodyType: bodies.count == 1 ? bodies.first! : nil, powertrain: powertrains.count == 1 ? powertrains.first! : nil)
    }

    struct ModelCandidate: Sendable {
        var make: String, model: String, bodyType: String?, powertrain: String?, tier: Int, score: Double
    }

    /// Catalog models that match `text` exactly (tier 3), as a family prefix (tier 2) or by
    /// similarity (tier 1, score > 0.2), best first; one statement over the catalog's models.
    func modelCandidates(_ text: String) async throws -> [ModelCandidate] {
        // A Chinese family name is a prefix of the Chinese model names (宋 → 宋L); a Latin one
        // is a whole first word (song → "song l"), so "s" never means every S-model.
        let cjk = text.unicodeScalars.contains { $0.value >= 0x2E80 }
        let zhPrefix: String? = cjk ? text + "%" : nil
        let wordPrefix = text + " %"
        return try await db.rows("""
            SELECT mk.name, m.name, m.body_type, m.powertrain,
              CASE WHEN lower(m.name) = \(text) OR lower(m.name_zh) = \(text)
                        OR \(text) = ANY(SELECT lower(a) FROM unnest(m.aliases) a)
                        OR lower(mk.name || ' ' || m.name) = \(text) OR lower(mk.name_zh || m.name_zh) = \(text) THEN 3
                   WHEN lower(m.name) LIKE \(wordPrefix) OR lower(m.name_zh) LIKE \(zhPrefix)
                        OR EXISTS (SELECT 1 FROM unnest(m.aliases) a WHERE lower(a) LIKE \(wordPrefix) OR lower(a) LIKE \(zhPrefix)) THEN 2
                   ELSE 1 END AS tier,
              similarity(m.search_text, \(text))::float8 AS score
            FROM models m JOIN makes mk ON mk.id = m.make_id
            WHERE m.source = 'catalog'
            ORDER BY tier DESC, score DESC, mk.name, m.name
            """).compactMap { row in
            let (mk, m, body, pt, tier, score) = try row.decode((String, String, String?, String?, Int, Double).self)
            guard tier > 1 || score > 0.2 else { return nil }
            return ModelCandidate(make: mk, model: m, bodyType: body, powertrain: pt, tier: tier, score: score)
        }
    }

    /// What "a similar car" means for a make or some of its models: the body type and the
    /// powertrain most of them share (more than half, else nil) and, for named models, the
    /// lowest catalog trim price in `currency` (nil when none is published in that currency).
    public func profile(make: String, models: [String]?, currency: Currency) async throws
        -> (bodyType: BodyType?, powertrain: Powertrain?, referencePrice: Double?)
    {
        let rows = try await db.rows("""
            SELECT m.body_type, m.powertrain,
                   min(CASE WHEN \(currency.rawValue) = 'CNY' THEN t.price_cny ELSE t.price_usd END)::float8
            FROM models m JOIN makes mk ON mk.id = m.make_id
            LEFT JOIN trims t ON t.model_id = m.id AND t.source = 'catalog'
            WHERE m.source = 'catalog' AND mk.name = \(make) AND (\(models)::text[] IS NULL OR m.name = ANY(\(models)))
            GROUP BY m.id, m.body_type, m.powertrain
            """).map { try $0.decode((String?, String?, Double?).self) }
        func majority(_ values: [String?]) -> String? {
            let counts = Dictionary(values.compactMap { $0 }.map { ($0, 1) }, uniquingKeysWith: +)
            return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }.flatMap { $0.value * 2 > rows.count ? $0.key : nil }
        }
        let price = models == nil ? nil : rows.compactMap(\.2).min()
        return (majority(rows.map(\.0)).flatMap(BodyType.init(rawValue:)), majority(rows.map(\.1)).flatMap(Powertrain.init(rawValue:)), price)
    }

    /// Lower-cased, trimmed, with LIKE wildcards removed (names never contain them).
    static func clean(_ s: String) -> String {
        String(s.trimmed.lowercased().filter { $0 != "%" && $0 != "_" && $0 != "\\" })
    }
}
