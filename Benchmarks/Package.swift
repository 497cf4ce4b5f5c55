// swift-tools-version:6.1
import PackageDescription

// A separate package so that the root package's test build (CI) never compiles the benchmarks.
// Run from this folder: `swift package benchmark` (see BENCHMARKS.md at the repository root).
let package = Package(
    name: "ShowroomBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Showroom", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "ShowroomCore", package: "Showroom"),
                .product(name: "ShowroomData", package: "Showroom"),
                .product(name: "ShowroomLLM", package: "Showroom"),
                .product(name: "ShowroomAgents", package: "Showroom"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "showroom-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "ShowroomCore", package: "Showroom"),
                .product(name: "ShowroomData", package: "Showroom"),
                .product(name: "ShowroomLLM", package: "Showroom"),
                .product(name: "ShowroomAgents", package: "Showroom"),
                .product(name: "ShowroomTestSupport", package: "Showroom"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "ShowroomBenchmarks",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ShowroomCore", package: "Showroom"),
                .product(name: "ShowroomData", package: "Showroom"),
                .product(name: "ShowroomLLM", package: "Showroom"),
                .product(name: "ShowroomAgents", package: "Showroom"),
            ],
            path: "Benchmarks/ShowroomBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ]
)
