// swift-tools-version:6.1
import PackageDescription

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Showroom",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "showroom", targets: ["showroom"]),
        // Libraries for the separate Benchmarks/ package (it depends on this one by path).
        .library(name: "ShowroomCore", targets: ["ShowroomCore"]),
        .library(name: "ShowroomData", targets: ["ShowroomData"]),
        .library(name: "ShowroomLLM", targets: ["ShowroomLLM"]),
        .library(name: "ShowroomAgents", targets: ["ShowroomAgents"]),
        .library(name: "ShowroomServer", targets: ["ShowroomServer"]),
        .library(name: "ShowroomTestSupport", targets: ["ShowroomTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
    ],
    targets: [
        .target(name: "ShowroomCore", swiftSettings: swift6),
        .target(
            name: "ShowroomData",
            dependencies: [
                "ShowroomCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swift6),
        .target(
            name: "ShowroomLLM",
            dependencies: [
                "ShowroomCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swift6),
        .target(
            name: "ShowroomAgents",
            dependencies: [
                "ShowroomCore", "ShowroomData", "ShowroomLLM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swift6),
        .target(
            name: "ShowroomServer",
            dependencies: [
                "ShowroomCore", "ShowroomData", "ShowroomLLM", "ShowroomAgents",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Public")],
            swiftSettings: swift6),
        .executableTarget(
            name: "showroom",
            dependencies: [
                "ShowroomCore", "ShowroomData", "ShowroomLLM", "ShowroomAgents", "ShowroomServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MCP", package: "swift-sdk"),
            ],
            swiftSettings: swift6),
        .target(
            name: "ShowroomTestSupport",
            dependencies: [
                "ShowroomCore", "ShowroomData", "ShowroomLLM", "ShowroomAgents",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/Support",
            swiftSettings: swift6),
        .testTarget(name: "ShowroomCoreTests", dependencies: ["ShowroomCore"], swiftSettings: swift6),
        .testTarget(name: "ShowroomDataTests", dependencies: ["ShowroomData", "ShowroomTestSupport"], swiftSettings: swift6),
        .testTarget(
            name: "ShowroomLLMTests",
            dependencies: ["ShowroomLLM", "ShowroomTestSupport", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: swift6),
        .testTarget(name: "ShowroomAgentsTests", dependencies: ["ShowroomAgents", "ShowroomTestSupport"], swiftSettings: swift6),
        .testTarget(
            name: "ShowroomServerTests",
            dependencies: ["ShowroomServer", "ShowroomTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swift6),
    ]
)
