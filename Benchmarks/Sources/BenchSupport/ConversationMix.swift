/// A fixed, seeded mix of customer conversations in Chinese (Shanghai store) and English
/// (San Francisco store), 3–6 turns each, for the runner benchmark and the HTTP load generator.
///
/// Each conversation is a prefix of one of the scripts below (search → refine → details →
/// quote → financing → trade-in / test drive), so the mix exercises every agent and tool
/// against the demo catalog the way the scenario suites do.
public struct ConversationMix: Sendable {
    /// One conversation: where it happens and what the customer types, in order.
    public struct Conversation: Sendable {
        public var store: String
        public var locale: String
        public var publishableKey: String
        public var turns: [String]
    }

    public let conversations: [Conversation]

    static let zhScripts: [[String]] = [
        ["20万以内的纯电SUV有哪些", "那七座的呢", "第一台详细介绍一下", "这台车落地价多少", "首付三成，分36期月供多少", "周六下午可以试驾吗"],
        ["比亚迪汉和特斯拉Model 3哪个好", "汉有现车吗", "汉的落地价是多少", "有没有便宜点的", "分60期月供多少", "我的2019年卡罗拉开了6万公里能抵多少钱"],
        ["预算30w左右，家里六口人，推荐一下", "要增程的", "第二台详细介绍一下", "落地价多少", "首付两成月供多少", "我叫王先生，电话13812345678，想周日上午试驾"],
        ["有没有理想L6的现车", "续航多少公里", "和问界M7比怎么样", "落地价大概多少", "有没有优惠", "我要找经理"],
        ["想看看小米SU7", "有白色的吗", "落地价多少", "贷款三年月供多少", "我的2020年本田雅阁开了8万公里，能抵多少"],
        ["15万以内的插混轿车", "有没有便宜点的", "第一台落地价", "你们几点关门", "周六能试驾吗"],
    ]

    static let enScripts: [[String]] = [
        ["electric SUV under $60k", "what about 7 seats?", "tell me more about the first one", "what's the out-the-door price?", "monthly payment with $5,000 down over 60 months", "can I test drive it saturday afternoon?"],
        ["do you have a Camry in stock?", "cheaper ones?", "compare the Camry and the Accord", "out-the-door price of the first one", "what would my 2017 Civic with 60,000 miles be worth", "I'd like a test drive this weekend"],
        ["looking for a hybrid minivan for a family of 7", "tell me more about the first one", "how much out the door", "what if I lease it for 36 months", "what are your hours"],
        ["do you have a Telsa model y?", "what's the range", "compare it with the Ioniq 5", "price out the door", "payments over 72 months with $3k down", "I want to talk to a manager"],
        ["pickup trucks under 70 grand", "any with 4WD?", "details on the cheapest", "out-the-door price", "trade in my 2015 F-150 with 120,000 miles"],
        ["I need a commuter car, electric, around $40k, I can charge at home", "what else?", "tell me more about the second one", "out-the-door price please", "monthly with nothing down over 48 months"],
    ]

    /// `count` conversations drawn with `seed`; about half Chinese, half English.
    public init(count: Int, seed: UInt64 = 7) {
        var rng = SeededRandom(seed: seed)
        var out: [Conversation] = []
        for _ in 0..<count {
            let chinese = rng.chance(0.5)
            let script = rng.pick(chinese ? Self.zhScripts : Self.enScripts)
            let turns = Array(script.prefix(rng.int(3...min(6, script.count))))
            out.append(chinese
                ? Conversation(store: "sh-pudong", locale: "zh-CN", publishableKey: "pk_demo_sh_pudong", turns: turns)
                : Conversation(store: "sf-bay", locale: "en-US", publishableKey: "pk_demo_sf_bay", turns: turns))
        }
        conversations = out
    }

    /// Every turn of the mix, in order.
    public var turnCount: Int { conversations.reduce(0) { $0 + $1.turns.count } }
}
