import Foundation

public enum TestPaths {
    /// The package root, found from this file's own location.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/TestSupport/Paths.swift → package root
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// A fresh temporary folder for one test, inside this test process's own folder.
    public static func makeTemporaryDirectory(_ label: String = "yorisoi") throws -> URL {
        let url = processFolder.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every temporary folder of one test process, removed when the process exits: a full run
    /// makes about a thousand, which had stayed in the system's temporary folder.
    private static let processFolder: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("yorisoi-tests-\(UUID().uuidString)", isDirectory: true)
        atexit { try? FileManager.default.removeItem(at: TestPaths.processFolder) }
        return url
    }()

    /// The `yorisoi` executable built next to the test bundle.
    public static var yorisoiExecutable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // The test runner lives in <scratch>/<triple>/debug/… ; the executable sits in that debug folder.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("yorisoi")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/yorisoi")
    }
}
