// swift-tools-version:6.2
import PackageDescription

/// kotoba's stage micro-benchmarks (issue 8), with ordo-one/benchmark (package-benchmark).
///
/// A package of its own, as the house style asks, so that neither kotoba's users nor its tests
/// (`swift test` in the root, scripts/test.sh) build the benchmark dependencies. It uses kotoba's
/// stage modules through the root package's `KotobaStages` library product. Run from here:
///
///     swift package benchmark                       # every benchmark, every metric
///     swift package benchmark --filter 'tokenize.*' # some of them
///
/// The metrics are deterministic where the machine allows: malloc counts always, instruction
/// counts where the kernel exposes the CPU's counters (`perf stat -e instructions true` tells);
/// wall-clock time is shown for information only.
let package = Package(
    name: "kotoba-benchmarks",
    // macOS 26: the byte code reads through `Span` (`Array.span`, `String.utf8Span`), which
    // Apple's platforms have from their 26 releases (Linux has it with the toolchain).
    platforms: [.macOS(.v26)],
    dependencies: [
        .package(name: "kotoba", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "StageBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KotobaStages", package: "kotoba"),
            ],
            path: "Benchmarks/StageBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
