// swift-tools-version:6.1
import PackageDescription

// Release-build benchmark of the entity tagger (not a test):
//   swift run -c release --package-path Benchmarks/ner ner-benchmark [CONLL_FILE]
let package = Package(
    name: "ner-benchmark",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "articled", path: "../..")],
    targets: [
        .executableTarget(
            name: "ner-benchmark",
            dependencies: [
                .product(name: "ArticleAnalysis", package: "articled"),
                .product(name: "ArticleModels", package: "articled"),
            ]
        ),
    ]
)
