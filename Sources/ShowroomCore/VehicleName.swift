/// A vehicle's customer-facing name in one language, composed the same way everywhere.
///
/// In Chinese the brand is written before the model without a space (比亚迪宋L), except when the
/// catalog's Chinese model name already starts with the brand — 25 demo models such as 昊铂SSR or
/// 小鹏G6 do — so the brand never appears twice. English is "Make Model".
public enum VehicleName {
    /// "比亚迪宋L" / "BYD Song L" / "特斯拉Model Y" (no Chinese model name). Without a Chinese brand
    /// name either, the English name is used whole.
    public static func compose(make: String, model: String, makeZh: String?, modelZh: String?, language: Language) -> String {
        let english = [make, model].filter { !$0.isEmpty }.joined(separator: " ")
        guard language == .zh, makeZh != nil || modelZh != nil else { return english }
        let brand = makeZh ?? make
        let name = modelZh.flatMap { $0.isEmpty ? nil : $0 } ?? model
        if name.isEmpty { return brand }
        if startsWithBrand(name, brand) || startsWithBrand(name, make) { return name }
        return brand + name
    }

    /// With the model year and trim: "2026 昊铂SSR 纯电版" / "2026 Hyptec SSR Pure Electric".
    public static func title(year: Int?, make: String, model: String, makeZh: String?, modelZh: String?, trim: String?,
                             language: Language) -> String {
        let name = compose(make: make, model: model, makeZh: makeZh, modelZh: modelZh, language: language)
        return [year.map(String.init), name, trim].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func startsWithBrand(_ name: String, _ brand: String) -> Bool {
        !brand.isEmpty && name.lowercased().hasPrefix(brand.lowercased())
    }
}
