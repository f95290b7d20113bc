import Foundation
import Testing
import TestSupport

/// Another Swift package can depend on the `Yorisoi` product and render a sample: a tiny package
/// (Tests/Fixtures/consumer, its Package.swift written here because the dependency's identity
/// is the checkout's folder name) is built with `swift build` and run.
///
/// It builds the whole dependency graph once more, so it runs when YORISOI_CONSUMER_TEST=1
/// (scripts/test sets it). The build goes to .build/consumer and is incremental after that.
@Suite struct ConsumerPackageTests {
    static let root = TestPaths.repositoryRoot

    @Test(.enabled(if: ProcessInfo.processInfo.environment["YORISOI_CONSUMER_TEST"] == "1"))
    func anotherPackageRendersASampleThroughTheProduct() throws {
        let package = Self.root.appendingPathComponent(".build/consumer/package", isDirectory: true)
        let sources = package.appendingPathComponent("Sources/consumer", isDirectory: true)
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let main = try Data(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/consumer/Sources/consumer/main.swift"))
        try Self.writeIfChanged(main, to: sources.appendingPathComponent("main.swift"))
        let identity = Self.root.lastPathComponent.lowercased()
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "consumer",
                platforms: [.macOS(.v15)],
                dependencies: [.package(path: \(Self.quoted(Self.root.path)))],
                targets: [
                    .executableTarget(name: "consumer", dependencies: [.product(name: "Yorisoi", package: \(Self.quoted(identity)))]),
                ]
            )

            """
        try Self.writeIfChanged(Data(manifest.utf8), to: package.appendingPathComponent("Package.swift"))

        let scratch = Self.root.appendingPathComponent(".build/consumer/build")
        let build = try Self.run("/usr/bin/env", ["swift", "build", "--package-path", package.path,
                                                  "--scratch-path", scratch.path, "--product", "consumer"])
        #expect(build.status == 0, "swift build of the consumer failed:\n\(build.output.suffix(4000))")
        guard build.status == 0 else { return }

        let out = try TestPaths.makeTemporaryDirectory("consumer")
        defer { try? FileManager.default.removeItem(at: out) }
        let pdf = out.appendingPathComponent("plan.pdf")
        let sample = Self.root.appendingPathComponent("samples/cases/mihon-national-support-plan.yaml")
        let ran = try Self.run(scratch.appendingPathComponent("debug/consumer").path, [Self.root.path, sample.path, pdf.path])
        #expect(ran.status == 0, "\(ran.output)")
        #expect(ran.output.contains("pages: "))
        let bytes = try [UInt8](Data(contentsOf: pdf))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Leaves an unchanged file alone, so the consumer's build stays incremental.
    static func writeIfChanged(_ data: Data, to url: URL) throws {
        if (try? Data(contentsOf: url)) == data { return }
        try data.write(to: url)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
