extension Powertrain {
    /// Customer-facing name, e.g. 纯电 / battery-electric.
    public var localizedName: LocalizedText {
        switch self {
        case .bev: return LocalizedText(zh: "纯电", en: "battery-electric")
        case .phev: return LocalizedText(zh: "插电混动", en: "plug-in hybrid")
        case .erev: return LocalizedText(zh: "增程", en: "range-extender")
        case .hev: return LocalizedText(zh: "油电混动", en: "hybrid")
        case .ice: return LocalizedText(zh: "燃油", en: "fuel")
        }
    }
}

extension BodyType {
    /// Customer-facing name, e.g. 轿车 / sedan.
    public var localizedName: LocalizedText {
        switch self {
        case .sedan: return LocalizedText(zh: "轿车", en: "sedan")
        case .suv: return LocalizedText(zh: "SUV", en: "SUV")
        case .mpv: return LocalizedText(zh: "MPV", en: "MPV")
        case .hatchback: return LocalizedText(zh: "两厢车", en: "hatchback")
        case .coupe: return LocalizedText(zh: "轿跑", en: "coupe")
        case .pickup: return LocalizedText(zh: "皮卡", en: "pickup")
        case .wagon: return LocalizedText(zh: "旅行车", en: "wagon")
        case .convertible: return LocalizedText(zh: "敞篷车", en: "convertible")
        }
    }
}

extension TradeInCondition {
    /// Customer-facing name, e.g. 良好 / good.
    public var localizedName: LocalizedText {
        switch self {
        case .excellent: return LocalizedText(zh: "优秀", en: "excellent")
        case .good: return LocalizedText(zh: "良好", en: "good")
        case .fair: return LocalizedText(zh: "一般", en: "fair")
        case .poor: return LocalizedText(zh: "较差", en: "poor")
        }
    }
}
