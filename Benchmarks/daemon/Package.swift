// swift-tools-version:6.1
import PackageDescription

// The daemon benchmark: drives a release build of `articled run` from outside, as users do.
// A package of its own so that it stays out of the main test build; run it with ./run.sh.
let package = Package(
    name: "daemon-benchmark",
    platforms: [.macOS(.v15)],
    targets: [
        .executableTarget(name: "DaemonBenchmark"),
    ]
)
