// swift-tools-version:6.2
import Foundation
import PackageDescription

/// kotoba's fuzz targets (libFuzzer), a package of its own like Benchmarks/, so that neither the
/// build nor `swift test` of the root package ever compiles them with the fuzzer's flags.
///
/// Every folder `Sources/FuzzNAME` is one target: an executable whose one file defines
/// `LLVMFuzzerTestOneInput` with `@_cdecl` and a `@main` that hands it to libFuzzer's driver
/// (`LibFuzzerDriver`). Adding a target is adding such a folder, nothing here. They use kotoba's modules through the root package's
/// `KotobaFuzzing` product, the internal parts (the cache's readers) by `@testable import`, which
/// a debug build allows. Build and run them with `scripts/fuzz.sh`:
///
///     swift build --product FuzzTextDecoder -Xswiftc -sanitize=fuzzer,address
///     .build/debug/FuzzTextDecoder ../Tests/Fuzz/TextDecoder -runs=1000000
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let targets = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Sources").path)) ?? [])
    .filter { $0.hasPrefix("Fuzz") }
    .sorted()

let package = Package(
    name: "kotoba-fuzz",
    // macOS 26: the byte code reads through `Span` (`Array.span`, `String.utf8Span`), which
    // Apple's platforms have from their 26 releases (Linux has it with the toolchain).
    platforms: [.macOS(.v26)],
    dependencies: [.package(name: "kotoba", path: "..")],
    targets: [.target(name: "LibFuzzerDriver")]
        + targets.map { name in
            .executableTarget(
                name: name,
                dependencies: ["LibFuzzerDriver", .product(name: "KotobaFuzzing", package: "kotoba")],
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]
            )
        }
)
