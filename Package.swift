// swift-tools-version:6.2
import PackageDescription

/// kotoba: a batch text-mining pipeline for Japanese text.
///
/// One module per stage (see docs/ARCHITECTURE.md): Corpus → TextPreparation → Tokenization → Analysis →
/// Reporting, orchestrated by Pipeline, fronted by the thin `kotoba` executable. The C boundary
/// lives in `CMeCab` (system library), `CICU` (a C target whose public header is ICU-free,
/// because Debian's ICU renames its symbols through macros Swift cannot import and Foundation's own
/// ICU headers clash with the system's), `CLAPACK` and `CZlib`; only their Swift wrappers touch
/// pointers (Tokenization for MeCab, `ICU`, Multivariate's LAPACK.swift, `Zlib`), and `Bytes`, the
/// one byte-buffer utility, holds what `Span` cannot yet do safely.
let package = Package(
    name: "kotoba",
    // macOS 26: the byte code reads through `Span` (`Array.span`, `String.utf8Span`), which
    // Apple's platforms have from their 26 releases (Linux has it with the toolchain).
    platforms: [.macOS(.v26)],
    products: [
        .executable(name: "kotoba", targets: ["kotoba"]),
        .executable(name: "kotoba-floor", targets: ["kotoba-floor"]),
        // The stage modules, for the micro-benchmarks in Benchmarks/ (a package of its own).
        .library(
            name: "KotobaStages",
            targets: ["Corpus", "TextPreparation", "Tokenization", "Analysis", "Multivariate", "Reporting"]),
        // The modules whose readers the fuzz targets in Fuzz/ (a package of its own) feed.
        .library(name: "KotobaFuzzing", targets: ["Corpus", "Analysis", "Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMeCab",
            providers: [.apt(["libmecab-dev"]), .brew(["mecab"])]
        ),
        // Debian's reference LAPACK and BLAS (liblapack-dev, libblas-dev): single-threaded, so the
        // multivariate maps are the same bytes at any --jobs (docs/MULTIVARIATE.md).
        .systemLibrary(
            name: "CLAPACK",
            providers: [.apt(["liblapack-dev", "libblas-dev"])]
        ),
        // zlib, for gzip-compressed partial counts (`.gz`).
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        // The one byte-buffer utility: what `Span` cannot yet do safely (copying, comparing and
        // hashing bytes, file descriptors), at the bottom of the graph.
        .target(name: "Bytes"),
        // The Swift side of the C wrappers: ICU (charset conversion and normalization) over
        // CICU, and zlib over CZlib. Their callers pass and get arrays, never pointers.
        .target(name: "ICU", dependencies: ["CICU"]),
        .target(name: "Zlib", dependencies: ["CZlib"]),
        .target(
            name: "Corpus",
            dependencies: [
                "ICU", "Bytes",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // From a decoded document to traced, normalized sentences: layout repair, Markdown, structure,
        // character normalization (ICU), sentence splitting.
        .target(name: "TextPreparation", dependencies: ["ICU", "Corpus", "Bytes"]),
        .target(name: "Tokenization", dependencies: ["CMeCab", "Bytes"]),
        .target(name: "Analysis", dependencies: ["Tokenization", "Corpus", "Bytes"]),
        // Correspondence analysis, hierarchical clustering and multidimensional scaling, on
        // plain matrices (LAPACK for the eigen-decompositions and the SVD).
        .target(name: "Multivariate", dependencies: ["CLAPACK"]),
        .target(
            name: "Reporting",
            dependencies: ["Analysis", "Corpus", "Multivariate", "Bytes"]
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "Corpus", "TextPreparation", "Tokenization", "Analysis", "Multivariate", "Reporting", "Zlib", "Bytes",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The command line goes through Pipeline; it names the stage modules' value types that
        // its options parse into (a normalization rule, a POS preset, a CSV dialect …), so it
        // declares them too.
        .executableTarget(
            name: "kotoba",
            dependencies: [
                "Pipeline", "Corpus", "TextPreparation", "Analysis", "Multivariate", "Reporting", "CJemallocSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // jemalloc (Debian's libjemalloc-dev) takes glibc's place as the allocator: a run
            // makes millions of small, short-lived objects on every worker, which jemalloc's
            // per-thread caches serve 5–9 % faster end to end, with a lower peak (BENCHMARKS.md,
            // 2026-12-06). Linked, not preloaded, so every way of starting kotoba gets it.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // jemalloc's settings for the executable (`malloc_conf`: return freed pages within a
        // second, from a background thread), which keep the peak memory of a large corpus down.
        .target(name: "CJemallocSettings"),
        // The floor of issue 8: MeCab's lattice parse alone, which scripts/bench.sh times beside
        // kotoba. It depends on nothing of kotoba's but the C module.
        .executableTarget(name: "kotoba-floor", dependencies: ["CMeCab", "Tokenization"]),
        // Helpers shared by the test targets: temporary directories, the package root, running
        // the built `kotoba` and the `mecab` command.
        .target(name: "TestSupport", dependencies: ["Tokenization", "Corpus"], path: "Tests/TestSupport"),
        .testTarget(name: "BytesTests", dependencies: ["Bytes", "TestSupport"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "TestSupport"]),
        .testTarget(name: "TextPreparationTests", dependencies: ["TextPreparation", "Corpus", "TestSupport"]),
        .testTarget(name: "TokenizationTests", dependencies: ["Tokenization", "TestSupport"]),
        .testTarget(
            name: "AnalysisTests",
            dependencies: ["Analysis", "Reporting", "Tokenization", "Corpus", "TextPreparation", "Bytes", "TestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Analysis", "Corpus", "TestSupport"]),
        .testTarget(name: "MultivariateTests", dependencies: ["Multivariate", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "Corpus", "TextPreparation", "Tokenization", "Analysis", "Reporting", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["kotoba", "TestSupport", "Multivariate", "Pipeline", "Tokenization"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
