// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so the main package's tests never build them. Run them
// in release mode: `swift run -c release --package-path Benchmarks simulation-benchmark`.
let package = Package(
    name: "RetentionBenchmarks",
    dependencies: [.package(name: "RetentionWorkbench", path: "..")],
    targets: [
        .executableTarget(
            name: "simulation-benchmark",
            dependencies: [
                .product(name: "Simulator", package: "RetentionWorkbench"),
                .product(name: "Strategies", package: "RetentionWorkbench"),
            ]
        ),
        .executableTarget(
            name: "orc-benchmark",
            dependencies: [.product(name: "ORC", package: "RetentionWorkbench")]
        ),
    ]
)
