import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Hands one fuzz target to libFuzzer. The targets are linked with libFuzzer's `no_main` library
/// (scripts/fuzz): SwiftPM renames an executable's `main` on Linux, which clashes with the `main`
/// of `-sanitize=fuzzer`, so each target has its own `main.swift` that calls the driver.
public enum LibFuzzer {
    /// The input of the current run (libFuzzer calls back on one thread).
    nonisolated(unsafe) private static var body: ([UInt8]) -> Void = { _ in }

    public static func run(_ target: @escaping ([UInt8]) -> Void) -> Never {
        body = target
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { start, count in
            LibFuzzer.body(start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
            return 0
        }
        exit(status)
    }
}
