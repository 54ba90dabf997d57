// swift-tools-version:6.0
import PackageDescription

// One library per job, C libraries behind `C…` shim targets, and one thin executable.
// Dependencies flow one way: ORC has no game types, and only `retention` imports every module.
let package = Package(
    name: "RetentionWorkbench",
    products: [
        .library(name: "ORC", targets: ["ORC"]),
        .library(name: "Strategies", targets: ["Strategies"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "DataStore", targets: ["DataStore"]),
        .executable(name: "retention", targets: ["retention"]),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            path: "Sources/CGSL",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CCompression",
            path: "Sources/CCompression",
            providers: [.apt(["zlib1g-dev", "libzstd-dev", "libsnappy-dev", "liblz4-dev"])]
        ),
        .target(name: "ORC", dependencies: ["CCompression"]),
        .target(name: "Strategies"),
        .target(name: "Simulator", dependencies: ["Strategies", "CGSL"]),
        .target(name: "Reports", dependencies: ["Simulator", "Strategies", "ORC"]),
        .target(name: "DataStore", dependencies: ["ORC", "Strategies"]),
        .executableTarget(
            name: "retention",
            dependencies: ["ORC", "Strategies", "Simulator", "Reports", "DataStore"]
        ),
        // The Python scripts are run from their source location, found through #filePath.
        .testTarget(name: "ORCTests", dependencies: ["ORC"], exclude: ["Scripts"]),
        .testTarget(name: "StrategiesTests", dependencies: ["Strategies"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Strategies"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Simulator", "Strategies", "ORC"]),
        .testTarget(name: "DataStoreTests", dependencies: ["DataStore", "ORC", "Strategies"]),
        .testTarget(name: "RetentionCLITests", dependencies: ["Simulator", "Strategies"]),
    ]
)
