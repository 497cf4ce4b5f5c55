@testable import ShowroomCore

/// The demo catalog's makes and models (spec/demo-catalog.md) as the caller would build them
/// from the database: canonical names, Chinese names and a few aliases.
enum DemoLexiconFixture {
    static let makes: [(String, [String])] = [
        ("Hyptec", ["昊铂"]), ("Aion", ["埃安", "AION"]), ("BYD", ["比亚迪"]), ("Tesla", ["特斯拉"]),
        ("Xiaomi", ["小米"]), ("Li Auto", ["理想", "LiAuto"]), ("NIO", ["蔚来"]), ("XPeng", ["小鹏", "Xpeng"]),
        ("AITO", ["问界"]), ("Zeekr", ["极氪"]), ("Toyota", ["丰田"]), ("Honda", ["本田"]),
        ("Volkswagen", ["大众", "VW"]), ("BMW", ["宝马"]), ("Mercedes-Benz", ["奔驰", "Mercedes", "Benz", "Merc"]),
        ("Ford", ["福特"]), ("Chevrolet", ["雪佛兰", "Chevy"]), ("Hyundai", ["现代"]),
    ]

    static let models: [(String, String, [String])] = [
        ("Hyptec", "GT", ["昊铂GT"]), ("Hyptec", "HT", ["昊铂HT"]), ("Hyptec", "SSR", []), ("Hyptec", "HL", []),
        ("Aion", "S", ["AION S"]), ("Aion", "Y", ["AION Y"]), ("Aion", "V", ["AION V"]), ("Aion", "UT", []),
        ("BYD", "Han", ["汉", "Han EV"]), ("BYD", "Qin PLUS", ["秦PLUS"]), ("BYD", "Song PLUS", ["宋PLUS"]),
        ("BYD", "Song L", ["宋L"]), ("BYD", "Seal", ["海豹"]), ("BYD", "Dolphin", ["海豚"]),
        ("BYD", "Seagull", ["海鸥"]), ("BYD", "Tang", ["唐"]), ("BYD", "Yuan PLUS", ["元PLUS", "Atto 3"]),
        ("Tesla", "Model 3", []), ("Tesla", "Model Y", []), ("Tesla", "Model S", []), ("Tesla", "Model X", []),
        ("Xiaomi", "SU7", []), ("Xiaomi", "YU7", []),
        ("Li Auto", "L6", []), ("Li Auto", "L7", []), ("Li Auto", "L8", []), ("Li Auto", "L9", []),
        ("Li Auto", "MEGA", []),
        ("NIO", "ES6", []), ("NIO", "ET5", []), ("NIO", "EC6", []), ("NIO", "ES8", []),
        ("XPeng", "P7", []), ("XPeng", "G6", []), ("XPeng", "G9", []), ("XPeng", "MONA M03", ["M03"]),
        ("AITO", "M5", []), ("AITO", "M7", []), ("AITO", "M9", []),
        ("Zeekr", "001", []), ("Zeekr", "007", []), ("Zeekr", "7X", []),
        ("Toyota", "Camry", ["凯美瑞"]), ("Toyota", "Corolla", ["卡罗拉"]), ("Toyota", "RAV4", ["RAV4荣放", "荣放"]),
        ("Toyota", "Highlander", ["汉兰达"]), ("Toyota", "Sienna", ["赛那"]), ("Toyota", "Prius", ["普锐斯"]),
        ("Honda", "Accord", ["雅阁"]), ("Honda", "Civic", ["思域"]), ("Honda", "CR-V", []),
        ("Honda", "Odyssey", ["奥德赛"]),
        ("Volkswagen", "Lavida", ["朗逸"]), ("Volkswagen", "Passat", ["帕萨特"]), ("Volkswagen", "Tiguan L", ["途观L", "Tiguan"]),
        ("Volkswagen", "ID.4", []),
        ("BMW", "3 Series", ["3系"]), ("BMW", "5 Series", ["5系"]), ("BMW", "X3", []), ("BMW", "i4", []),
        ("Mercedes-Benz", "C-Class", ["C级"]), ("Mercedes-Benz", "E-Class", ["E级"]), ("Mercedes-Benz", "GLC", []),
        ("Ford", "F-150", []), ("Ford", "Mustang Mach-E", ["Mach-E", "Mach E"]), ("Ford", "Explorer", ["探险者"]),
        ("Chevrolet", "Equinox", ["探界者"]), ("Chevrolet", "Silverado", []), ("Chevrolet", "Bolt EUV", ["Bolt"]),
        ("Hyundai", "Ioniq 5", []), ("Hyundai", "Tucson", ["途胜"]),
    ]

    static let entries: [LexiconEntry] =
        makes.map { LexiconEntry(make: $0.0, names: $0.1) }
        + models.map { LexiconEntry(make: $0.0, model: $0.1, names: $0.2) }

    static let lexicon = Lexicon(entries: entries)
    static let router = EmbeddedRouter(lexicon: lexicon)
}
