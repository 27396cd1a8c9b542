// swift-tools-version:6.1
import PackageDescription

// Release-build benchmarks, kept out of the main package so `make test` never builds them.
//   swift run -c release --package-path Benchmarks analysis-throughput   (make bench drives it)
//   swift package --package-path Benchmarks benchmark                    (ordo-one/benchmark)
let package = Package(
    name: "articled-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "articled", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "analysis-throughput",
            dependencies: [
                .product(name: "ArticleAnalysis", package: "articled"),
                .product(name: "ArticleModels", package: "articled"),
            ]
        ),
        .executableTarget(
            name: "AnalysisBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ArticleAnalysis", package: "articled"),
                .product(name: "ArticleModels", package: "articled"),
            ],
            path: "Benchmarks/AnalysisBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
