// swift-tools-version:6.1
import PackageDescription

// What the quotes stage costs: a release build runs the whole pipeline over the Wikinews corpus
// and times the quotes stage against the rest. A package of its own so it stays out of the main
// test build; run it with ./run.sh.
let package = Package(
    name: "quotes-benchmark",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "articled", path: "../..")],
    targets: [
        .executableTarget(
            name: "QuotesBenchmark",
            dependencies: [
                .product(name: "ArticleAnalysis", package: "articled"),
                .product(name: "ArticleModels", package: "articled"),
            ]
        ),
    ]
)
