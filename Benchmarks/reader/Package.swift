// swift-tools-version:6.1
import PackageDescription

// How much the reader stages (language, dates, keyphrases, summary, tone) add to the analysis
// time of an article. Release build, not a test:
//   swift run -c release --package-path Benchmarks/reader --scratch-path .build-reader-bench reader-stages-benchmark
let package = Package(
    name: "reader-stages-benchmark",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "articled", path: "../..")],
    targets: [
        .executableTarget(
            name: "reader-stages-benchmark",
            dependencies: [
                .product(name: "ArticleAnalysis", package: "articled"),
                .product(name: "ArticleModels", package: "articled"),
            ]
        ),
    ]
)
