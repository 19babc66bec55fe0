import Foundation

/// libFuzzer's driver, called from a fuzz target's `main`.
///
/// SwiftPM links an executable with its `main` renamed to `<Target>_main` (so that tests can
/// link it), which leaves libFuzzer's own `main` unused: each target therefore has a `@main` of
/// its own that hands its `LLVMFuzzerTestOneInput` to `LLVMFuzzerRunDriver`, which parses
/// libFuzzer's options and runs it.
public enum LibFuzzer {
    /// A target's `LLVMFuzzerTestOneInput`.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process's arguments on `body`, and exits with its status.
    public static func run(_ body: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ body: LibFuzzer.TestOneInput
) -> CInt
