/// The words and phrases the embedded router knows, with what each signals.
///
/// Weights order intents when a turn has several cues: financing and trade-in (1.2) beat test
/// drive (1.1), off-topic requests (1.05), price, compare, recommendation and dealer info (1.0),
/// details (0.95) and search (0.95), so "首付三成月供多少" is financing though 多少 asks a price.
/// A weight of 0.85 or more is a clear cue (confidence ≥ 0.8); lower weights are hints. Phrases
/// with no cue are blockers: they hide a shorter cue inside an unrelated word (人工智能, 明白).
extension EmbeddedRouter {
    static let vocabulary: [(String, [RouterCue])] = escalationAndInjection + intents + slotWords + numberContext

    static let escalationAndInjection: [(String, [RouterCue])] = [
        ("manager|supervisor|real person|real human|human|humans|human being|human agent|live agent|live person|"
            + "representative|sales rep|salesperson|salesman|saleswoman|sales person|sales associate|"
            + "talk to someone|speak to someone|talk to a person|speak to a person|speak with someone|"
            + "talk to a real|connect me|transfer me|lawyer|attorney|sue|lawsuit|complaint|complain|"
            + "cancel my order|cancel the order|cancel my purchase|refund|call me back|have someone call",
         [.escalation]),
        ("scam|scammer|scammers|ripped off|rip off|ripoff", [.escalation]),
        ("经理|领导|负责人|骗子|机器人|主管|投诉|转人工|人工|人工客服|真人|找客服|客服|律师|起诉|告你们|消协|12315|退款|退订|取消订单|"
            + "销售顾问|销售人员|找销售|联系销售|叫销售|让销售|打电话给我|给我打电话|回电|转接", [.escalation]),
        ("人工智能|人工费", [.blocker]),
        ("hold this car|hold the car|hold it for me|reserve|reserve it|put a deposit|订车|定车|交定金|下定|付定金",
         [.intent(.humanHandoff, 1.0)]),
        ("ignore previous|ignore all previous|ignore the previous|ignore your instructions|ignore all instructions|"
            + "ignore the above|ignore prior|ignore everything|disregard previous|disregard your|disregard all|"
            + "forget your instructions|forget all previous|forget previous|you are now|act as|pretend to be|"
            + "pretend you are|roleplay as|system prompt|your prompt|your instructions|developer mode|jailbreak|"
            + "dan mode|legally binding|takesies backsies|new instructions|override|from now on you|"
            + "agree with everything|agree to anything|say yes to|repeat after me|for 1 dollar|for one dollar|"
            + "for a dollar",
         [.injection]),
        ("忽略之前|忽略以上|忽略所有|忽略前面|忽略你的|忽略上面|无视之前|无视以上|无视你的|忘记之前|忘掉之前|忘记你的|"
            + "你现在是|你现在扮演|扮演|假装你是|系统提示|系统指令|提示词|开发者模式|越狱|法律效力|法律约束|"
            + "从现在开始你|一块钱卖给我|一元卖给我|1元卖给我|你的指令|新规则|同意一切",
         [.injection]),
    ]

    static let intents: [(String, [RouterCue])] = [
        // Greeting and pleasantries.
        ("hi|hello|hey|hiya|howdy|good morning|good afternoon|good evening|greetings|how are you|thanks|thank you|"
            + "thx|bye|goodbye|see you|hola|anyone there|ok|okay", [.greeting]),
        ("你好|您好|你们好|在吗|在不在|嗨|哈喽|哈罗|早上好|下午好|晚上好|早安|谢谢|多谢|感谢|再见|拜拜|有人吗|好的|嗯", [.greeting]),

        // Search and stock.
        ("in stock|instock|inventory|available|availability|do you have|do you carry|do you sell|you have any|"
            + "have any|got any|show me|looking for|look for|searching for|search for|find me|on the lot|"
            + "for sale|what do you have|list", [.intent(.vehicleSearch, 0.95)]),
        ("cheapest|lowest priced|least expensive", [.intent(.vehicleSearch, 0.9)]),
        ("i want to buy|want to buy|i want a|i need a|i am looking|im looking|options|any", [.intent(.vehicleSearch, 0.7)]),
        ("还在吗|还在不在|还有吗|卖掉了吗|卖出去了吗|still available|still there|sold yet", [.intent(.vehicleSearch, 0.95)]),
        ("有货|现车|现货|库存|有没有|有哪些|在售|有什么车|哪些车|列出|找一辆|找一台|最便宜", [.intent(.vehicleSearch, 0.95)]),
        ("想买|要买|买一辆|买一台|有什么|还有", [.intent(.vehicleSearch, 0.7)]),

        // Details of a named model or unit.
        ("range|ranges|续航", [.detailsOfNamed(0.95), .rangeWord]),
        ("mileage|里程", [.detailsOfNamed(0.9), .mileageWord]),
        ("how much horsepower|how much power|how much torque|how much range|how much space|how much cargo|"
            + "how many miles|spec|specs|specification|specifications|how far|horsepower|hp|power|torque|acceleration|0 60|"
            + "0 100|top speed|battery|kwh|charging|charge|fast charge|dimensions|length|width|height|wheelbase|"
            + "size|trunk|cargo|features|interior|safety|warranty|mpg|fuel economy|fuel consumption|gas mileage|"
            + "efficiency|details|how big|how fast|how many seats|what colors|what colours|reliable|reliability|"
            + "review|reviews|autopilot|self driving|fsd|adas|tell me about|tell me more|more info|information",
         [.detailsOfNamed(0.95)]),
        ("电耗|百公里|油耗|马力|功率|扭矩|加速|零百|尺寸|长宽高|轴距|后备箱|配置|参数|电池|充电|快充|空间|介绍|"
            + "智驾|辅助驾驶|保修|质保|车机|几座|几个座|多大|多长|安全性|详细|详情|了解一下|性能|底盘|内饰|外观|"
            + "颜色|车况|怎么样|如何|好不好", [.detailsOfNamed(0.95)]),

        // Compare.
        ("compare|comparison|comparing|vs|versus|v s|difference between|differences|difference|side by side|"
            + "better than|head to head|pk", [.intent(.compare, 1.0)]),
        ("对比|比较|区别|差别|差异|不同|相比|比一比|pk", [.intent(.compare, 1.0)]),
        ("which is better|which one is better|which is best|which one|which is cheaper|哪个好|哪个更好|哪款好|"
            + "哪款更好|哪个更|选哪个|哪个值得", [.whichIsBetter]),
        ("or|还是|或者", [.either]),

        // Recommendation.
        ("recommend|recommendation|reccomend|recomend|reccommend|recommand|suggest|suggestion|advice|advise|"
            + "what should i buy|what should i get|which should i|should i buy|should i get|help me choose|"
            + "help me pick|help me decide|best car for|good for|suitable|what do you suggest|what would you|"
            + "what car|which car|worth it|worth buying", [.intent(.recommendation, 1.0)]),
        ("推荐|建议|适合|买什么|选什么|买哪|选哪|值得买|值不值得|该买|帮我选|帮我挑|纠结|什么车好|哪款车|开什么",
         [.intent(.recommendation, 1.0)]),
        ("commute|commuting|city driving|road trip|first car|kids|for my wife|for my husband|for my family|"
            + "家用|通勤|上下班|带娃|孩子|老人|代步|长途|自驾", [.intent(.recommendation, 0.6)]),

        // Price.
        ("price|prices|pricing|cost|costs|how much|otd|out the door|on the road|discount|discounts|deal|deals|"
            + "promotion|promo|promo code|rebate|incentive|msrp|quote|best price|final price|total price|"
            + "lowest price|taxes and fees|tax|fee|fees|sticker|negotiate|go lower|knock off|better price",
         [.intent(.priceQuote, 1.0)]),
        ("价格|价钱|多少钱|多钱|报价|落地价|落地|优惠|折扣|打折|促销|活动价|裸车价|指导价|售价|降价|团购|补贴|购置税|"
            + "上牌|最低价|底价|能便宜|便宜点|便宜一点|砍价|全款|总价|费用|一口价|多少万|什么价", [.intent(.priceQuote, 1.0)]),
        ("价位", [.intent(.priceQuote, 0.6), .budget]),

        // Financing.
        ("monthly payment|monthly payments", [.intent(.financing, 1.2), .loanWord, .monthlyWord]),
        ("finance|financing|loan|loans|lease|leasing|apr|interest rate|interest|"
            + "credit|credit score|installment|installments|payment plan|payments|payment|finance options",
         [.intent(.financing, 1.2), .loanWord]),
        ("rate|rates", [.intent(.financing, 0.8)]),
        ("monthly|per month|a month|mo", [.intent(.financing, 1.2), .monthlyWord]),
        ("贷款|分期|按揭|免息|金融|租赁|融资|还款|期数|利息|贴息|车贷|利率", [.intent(.financing, 1.2), .loanWord]),
        ("月供|每月|每个月|一个月", [.intent(.financing, 1.2), .monthlyWord, .loanWord]),
        ("down payment|downpayment|首付", [.intent(.financing, 1.2), .downWord, .loanWord]),
        ("零首付|0首付|zero down|no money down|nothing down", [.intent(.financing, 1.2), .zeroDown, .loanWord]),

        // Trade-in.
        ("trade in|tradein|trade my|trading in|part exchange|worth|appraisal|appraise|value my|sell my car|"
            + "sell you my|buy my car|get for my|give me for my|offer for my|kbb|blue book|book value|how much for my|my old car|trade",
         [.intent(.tradeIn, 1.2)]),
        ("置换|以旧换新|旧车|估价|评估|卖车|收车|回收|卖掉|值多少|折价|能卖多少|可以卖多少|卖得了多少|出手",
         [.intent(.tradeIn, 1.2)]),
        ("how much can i sell|can i sell|could i sell|want to sell|sell it to you|sell to you|how much would you pay|"
            + "would you buy", [.intent(.tradeIn, 1.2)]),
        ("what would you offer|would you offer|you offer me|offer me for|what would you give|give me for it",
         [.intent(.tradeIn, 1.2)]),

        // Test drive and visits.
        ("test drive|testdrive|test driving|drive it|appointment|appt|schedule|reschedule|book|booking|come in|"
            + "come by|stop by|visit|see it in person|take a look|cancel my test drive|cancel the appointment|"
            + "cancel my appointment", [.intent(.testDrive, 1.1)]),
        ("试驾|试乘|试车|预约|到店|看车|改期|改时间|取消预约|上门|来店|去店|约个时间|体验一下", [.intent(.testDrive, 1.1)]),
        ("can i see|come see|come and see|come look|see it|check it out", [.intent(.testDrive, 0.9)]),
        ("this weekend|tomorrow|saturday|sunday|monday|tuesday|wednesday|thursday|friday|weekend|"
            + "明天|后天|周末|周六|周日|星期|礼拜|上午|下午", [.intent(.testDrive, 0.6)]),

        // Dealer information.
        ("hours|opening hours|what time|address|where are you|directions|how do i get|parking|phone number|"
            + "contact|website|deliver|delivery|service department|service center|maintenance|oil change|repair|open on|"
            + "open today|open tomorrow|are you open", [.intent(.dealerInfo, 1.0)]),
        ("open|opens|close|closing|closed|location|located|email", [.intent(.dealerInfo, 0.8)]),
        ("营业时间|营业|几点|关门|开门|送车上门|交车|提车|地址|在哪|怎么走|怎么去|停车|电话|联系方式|售后|保养|维修|门店|4s店|展厅|上班时间|"
            + "下班", [.intent(.dealerInfo, 1.0)]),

        // Off-topic.
        ("poem|poetry|joke|jokes|weather|recipe|homework|essay|write me|write a|story|song|python|javascript|"
            + "code|translate|bitcoin|crypto|stock market|movie|football|politics|president",
         [.intent(.outOfScope, 1.05)]),
        ("写诗|写一首|诗|笑话|天气|作业|股票|写代码|翻译|讲个故事|故事|电影|菜谱|比特币|彩票", [.intent(.outOfScope, 1.05)]),

        // Relative searches and follow-ups.
        ("cheaper|less expensive|more affordable|lower priced|cheaper ones|cheaper options|something cheaper|"
            + "anything cheaper|便宜点的|便宜一点的|更便宜|便宜些的|便宜的|再便宜", [.cheaper]),
        ("what about|how about|and the|那|呢", [.followUp]),
    ]

    static let slotWords: [(String, [RouterCue])] = [
        ("suv|sport utility|crossover|cuv|越野|越野车", [.body(.suv)]),
        ("sedan|saloon|轿车|三厢", [.body(.sedan)]),
        ("mpv|minivan|van|商务车|保姆车|七座商务", [.body(.mpv)]),
        ("hatchback|hatch|两厢|两厢车", [.body(.hatchback)]),
        ("coupe|sports car|跑车|轿跑", [.body(.coupe)]),
        ("pickup|pickup truck|truck|皮卡", [.body(.pickup)]),
        ("wagon|estate|旅行车|旅行版", [.body(.wagon)]),
        ("convertible|cabriolet|roadster|敞篷|敞篷车|敞篷跑车", [.body(.convertible)]),

        // 电动 alone ("电动SUV") is electric, i.e. bev as routing.md's `electric`; 电动座椅 and the like are blocked below.
        ("ev|evs|bev|bevs|e v|electric|all electric|fully electric|battery electric|electric car|纯电|纯电动|电动|电动车|电动汽车|"
            + "电车|纯电车", [.powertrain(.bev)]),
        ("phev|phevs|plug in|plug in hybrid|plugin|plugin hybrid|dm i|dmi|插混|插电|插电混动|插电式混动", [.powertrain(.phev)]),
        ("erev|reev|range extender|range extended|extended range|增程|增程式", [.powertrain(.erev)]),
        ("hybrid|hev|hevs|self charging hybrid|油电混动|油电混合|混动|双擎|混合动力", [.powertrain(.hev)]),
        ("gas|gasoline|petrol|diesel|internal combustion|combustion|燃油|燃油车|汽油|汽油车|柴油|油车", [.powertrain(.ice)]),
        ("nev|new energy|新能源", [.newEnergy]),
        ("电动座椅|电动尾门|电动门|电动车窗", [.blocker]),

        ("used|pre owned|preowned|second hand|secondhand|二手|二手车|准新车", [.condition(.used)]),
        ("cpo|certified|certified pre owned|certified used|认证二手|官方认证二手|官方认证|原厂认证", [.condition(.cpo)]),
        ("new car|new cars|brand new|new one|new ones|new vehicle|new vehicles|新车", [.condition(.new)]),
        ("new", [.newSoft]),
        ("new or used|used or new|new or pre owned|新车还是二手|二手还是新车", [.condition(.new), .condition(.used)]),
        ("used to", [.blocker]),

        ("awd|4wd|4x4|all wheel drive|all wheel|four wheel drive|4matic|xdrive|quattro|四驱|全驱|四轮驱动|全时四驱",
         [.drivetrain(.awd)]),
        ("fwd|front wheel drive|前驱|前置前驱", [.drivetrain(.fwd)]),
        ("rwd|rear wheel drive|后驱", [.drivetrain(.rwd)]),

        ("white|白色|白的|白车|白款|珍珠白", [.color("white")]),
        ("black|黑色|黑的|黑款", [.color("black")]),
        ("gray|grey|灰色|灰的|灰款", [.color("gray")]),
        ("silver|银色|银的", [.color("silver")]),
        ("blue|蓝色|蓝的", [.color("blue")]),
        ("red|红色|红的", [.color("red")]),
        ("green|绿色|绿的", [.color("green")]),
        ("yellow|黄色|黄的", [.color("yellow")]),
        ("orange|橙色|橘色", [.color("orange")]),
        ("purple|紫色", [.color("purple")]),
        ("brown|棕色|咖啡色", [.color("brown")]),
        ("gold|金色|香槟色", [.color("gold")]),
        ("beige|米色", [.color("beige")]),
        ("pink|粉色", [.color("pink")]),
        ("明白|白天|蓝牙|红包|金额|银行|绿牌|黑科技|紫外线", [.blocker]),
    ]

    static let numberContext: [(String, [RouterCue])] = [
        ("under|below|less than|less then|lower than|no more than|not more than|at most|up to|within|cheaper than|"
            + "not over|not exceeding|不超过|不高于|低于|少于|小于|不到|最多|最高|控制在|不要超过|别超过",
         [.bound(.below, .before)]),
        ("or less|or under|or below|and under|and below|tops|以内|之内|以下|内|封顶|之下", [.bound(.below, .after)]),
        ("max|maximum", [.bound(.below, .either)]),
        ("over|above|more than|at least|greater than|north of|超过|高于|大于|至少|不低于|不少于|最低",
         [.bound(.above, .before)]),
        ("or more|and up|and above|or above|以上|起", [.bound(.above, .after)]),
        ("min|minimum", [.bound(.above, .either)]),
        ("around|about|approximately|approx|roughly|circa|close to|大概|大约|约|差不多", [.bound(.around, .before)]),
        ("or so|ish|give or take|左右|上下|附近", [.bound(.around, .after)]),
        ("between|之间", [.between]),
        ("budget|can spend|afford|预算", [.budget]),
        ("electric range|can go|on a charge|per charge|一次充电|纯电续航", [.rangeWord]),
        ("miles on|odometer|表显|跑了|行驶|公里数|开了", [.mileageWord]),
        ("down", [.downWord, .intent(.financing, 0.9)]),
        ("deposit", [.downWord]),
        ("stock number|stock no|stock|stk|unit|库存编号|编号|车源号|库存号|车号", [.stockWord]),
        ("family of|a family of|一家", [.familyWord]),
        ("seats|seating for|seat|room for", [.seatsWord]),
        ("or newer|or later|and newer|and later|onwards|以后|之后|及以后|或更新|后", [.yearOnward]),
        ("newer than|after|later than", [.yearNewerThan]),
        ("since|from|not older than", [.yearSince]),
    ]
}
