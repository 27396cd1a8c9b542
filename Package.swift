// swift-tools-version:6.1
import PackageDescription

// Layers, dependencies pointing down:
//   articled (executable: command line, thin)
//     -> ArticledCore (configuration, the daemon service, wiring)
//          -> ArticleAnalysis (pure: bytes in, Analysis out)   + ArticleModels (bundled model files)
//          -> ArticleIndex (the SQLite article index, derived from the outbox) -> CSQLite (libsqlite3)
//          -> Spool (inotify, inbox/processing/outbox/failed, claiming, atomic writes, recovery)
//          -> SystemdSupport (sd_notify, watchdog, journald log handler) -> CSystemd (libsystemd)
let package = Package(
    name: "articled",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "articled", targets: ["articled"]),
        .library(name: "ArticleAnalysis", targets: ["ArticleAnalysis"]),
        .library(name: "ArticleModels", targets: ["ArticleModels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Pure analysis: no file system, no clocks, no globals.
        .target(name: "ArticleAnalysis", dependencies: ["CSHA256", "CMemoryHints"]),
        // SHA-256 with the x86 SHA extensions (checked at run time), under ArticleAnalysis's SHA256.
        .target(name: "CSHA256"),
        // A prefetch hint (`__builtin_prefetch`), which Swift lacks, for the NER tagger's weight rows.
        .target(name: "CMemoryHints"),
        // Training and evaluation (NERTrainer, CoNLL reading, scoring, QuoteEvaluation): used only
        // by the train and eval commands, never by the daemon. Reaches analysis internals through
        // `package` access.
        .target(name: "ArticleAnalysisTools", dependencies: ["ArticleAnalysis"]),
        // The trained models shipped as package resources; the only place that reads them from disk.
        .target(
            name: "ArticleModels",
            dependencies: ["ArticleAnalysis"],
            resources: [.copy("Resources")]
        ),
        .target(name: "Spool"),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The article index across articles: SQLite (WAL, FTS5), derived from the outbox.
        .target(name: "ArticleIndex", dependencies: ["ArticleAnalysis", "CSQLite"]),
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // HTML pages in: libxml2's HTML parser and zlib (gzip), below ArticledCore; ArticleAnalysis stays pure.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ArticleHTML", dependencies: ["ArticleAnalysis", "CLibXML2", "CZlib"]),
        .target(
            name: "SystemdSupport",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "ArticledCore",
            dependencies: [
                "ArticleAnalysis", "ArticleModels", "Spool", "SystemdSupport",
                "ArticleIndex",
                "ArticleHTML",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "articled",
            dependencies: [
                "ArticledCore", "ArticleAnalysis", "ArticleModels", "Spool",
                "ArticleIndex",
                "ArticleHTML",
                "ArticleAnalysisTools",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What several test targets share: where the corpus is, and a missing corpus or jsonschema
        // that skips a test, or fails it under ARTICLED_REQUIRE_CORPUS=1 (CI).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ArticleAnalysisTests", dependencies: ["ArticleAnalysis", "ArticleModels", "TestSupport"]),
        .testTarget(name: "ArticleAnalysisToolsTests", dependencies: ["ArticleAnalysisTools", "ArticleAnalysis", "ArticleModels", "TestSupport"]),
        .testTarget(name: "ArticleHTMLTests", dependencies: ["ArticleHTML", "ArticleAnalysis", "ArticleModels", "CZlib", "TestSupport"]),
        .testTarget(name: "SpoolTests", dependencies: ["Spool"]),
        .testTarget(name: "SystemdSupportTests", dependencies: ["SystemdSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "ArticledCoreTests",
            dependencies: [
                "ArticledCore", "ArticleAnalysis", "ArticleModels", "Spool",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "ArticleIndexTests", dependencies: ["ArticleIndex", "ArticleAnalysis", "ArticleAnalysisTools", "ArticleModels"]),
        .testTarget(name: "ArticledIntegrationTests", dependencies: ["ArticleAnalysis", "ArticleAnalysisTools"]),
    ]
)
