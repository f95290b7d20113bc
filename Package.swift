// swift-tools-version:6.0
// Swift 6 language mode (complete concurrency checking) follows from the tools version.
import PackageDescription

let package = Package(
    name: "Yorisoi",
    platforms: [.macOS(.v15)],
    products: [
        // The document commands (render, batch, packet, validate, …): no network stack, no
        // database, no BoringSSL — a fresh machine's first PDF compiles none of them.
        .executable(name: "yorisoi", targets: ["yorisoi"]),
        // `yorisoi serve`, `accounts` and `audit`, which `yorisoi` hands over to (docs/executables.md).
        .executable(name: "yorisoi-server", targets: ["yorisoi-server"]),
        // The library other Swift programs (the server, a case-management system) depend on.
        .library(name: "Yorisoi", targets: ["Yorisoi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The server's tokens and audit chain (Crypto's SHA256 and HMAC; BoringSSL on Linux).
        // The document modules hash with the system's Nettle instead (CNettle).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // `yorisoi serve`: HTTP server (Hummingbird 2, TLS through swift-nio-ssl), bcrypt for the
        // accounts file, and the ledger/saved cases/audit log in SQLite through GRDB.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // `yorisoi serve --database postgres://…`: many instances on one PostgreSQL (docs/postgres.md).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C libraries from Debian's -dev packages: a module map and a shim header each, nothing else.
        .systemLibrary(name: "CHarfBuzz", path: "Sources/CHarfBuzz", pkgConfig: "harfbuzz-subset",
                       providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CFreeType", path: "Sources/CFreeType", pkgConfig: "freetype2",
                       providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // /FlateDecode streams: libdeflate writes the same zlib format several times faster
        // than zlib at a like ratio, and its output depends only on input, level and version.
        .systemLibrary(name: "CLibDeflate", path: "Sources/CLibDeflate", pkgConfig: "libdeflate",
                       providers: [.apt(["libdeflate-dev"])]),
        // SHA-256 for the PDF /ID, the batch manifest and the validated templates: Nettle, a small
        // library (OpenSSL's libcrypto cost a cold render 4% in provider set-up and 3 MB of
        // relocated pages for two digests).
        .systemLibrary(name: "CNettle", path: "Sources/CNettle", pkgConfig: "nettle",
                       providers: [.apt(["nettle-dev"])]),
        // Japanese word boundaries for line breaking (docs/typesetting.md): MeCab with IPAdic from
        // Debian. libmecab-dev has no pkg-config file; the module map links libmecab.
        .systemLibrary(name: "CMeCab", path: "Sources/CMeCab", providers: [.apt(["libmecab-dev"])]),
        // glibc's allocator: its settings (mallopt) for the document commands, malloc_trim for the server.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // mimalloc in place of glibc's malloc for the document commands (linked before libc, so
        // every malloc of the process, HarfBuzz's included, is its): a packet's two workers
        // allocate millions of small blocks, and glibc's arenas took 6% of its time.
        .systemLibrary(name: "CMimalloc", path: "Sources/CMimalloc", providers: [.apt(["libmimalloc-dev"])]),

        // Pipeline stages, one module each (see ARCHITECTURE.md).
        // Yams set up once (no implicit tags, UTF-8) and the core schema's spellings, for every
        // YAML reader: case files, CSV column mappings, fonts.yaml.
        .target(name: "YorisoiYAML", dependencies: ["Yams"]),
        // Unicode facts shared by case-file bounds and shaping.
        .target(name: "YorisoiUnicode"),
        .target(name: "YorisoiText", dependencies: ["CHarfBuzz", "CFreeType", "CMeCab", "Yams", "YorisoiYAML", "YorisoiUnicode"]),
        // Pages as plain values: the seam between layout and the PDF writer.
        .target(name: "YorisoiDisplayList", dependencies: ["YorisoiText"]),
        // SHA-256 from the system's Nettle, for the PDF writer and the template check alike.
        .target(name: "YorisoiDigest", dependencies: ["CNettle"]),
        .target(name: "YorisoiPDF", dependencies: ["YorisoiDisplayList", "YorisoiText", "YorisoiDigest", "CLibDeflate"]),
        .target(name: "YorisoiCase", dependencies: ["Yams", "YorisoiYAML", "YorisoiUnicode"]),
        .target(name: "YorisoiLayout", dependencies: ["YorisoiText", "YorisoiDisplayList"]),
        .target(name: "YorisoiTemplates",
                dependencies: ["CLibXML2", "YorisoiDigest", "Yams", "YorisoiText", "YorisoiCase"]),
        .target(name: "YorisoiValidation",
                dependencies: ["YorisoiCase", "YorisoiText", "YorisoiTemplates"]),
        // case × template → box tree, and the views derived from a case (the merged assessment).
        .target(name: "YorisoiBinding",
                dependencies: ["YorisoiCase", "YorisoiText", "YorisoiTemplates", "YorisoiLayout"]),
        .target(name: "YorisoiPipeline",
                dependencies: ["YorisoiCase", "YorisoiText", "YorisoiDisplayList", "YorisoiPDF", "YorisoiDigest",
                               "YorisoiLayout", "YorisoiTemplates", "YorisoiValidation", "YorisoiBinding"]),
        // `yorisoi serve`: routes, ledger store, accounts/sessions, audit (docs/server.md).
        .target(name: "YorisoiServer",
                // The engine through the façade only (ARCHITECTURE.md).
                dependencies: ["Yorisoi", "CMalloc",
                               .product(name: "Hummingbird", package: "hummingbird"),
                               .product(name: "HummingbirdCore", package: "hummingbird"),
                               .product(name: "HummingbirdTLS", package: "hummingbird"),
                               .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                               .product(name: "GRDB", package: "GRDB.swift"),
                               .product(name: "PostgresNIO", package: "postgres-nio"),
                               .product(name: "NIOCore", package: "swift-nio"),
                               .product(name: "HTTPTypes", package: "swift-http-types"),
                               .product(name: "Logging", package: "swift-log"),
                               .product(name: "Crypto", package: "swift-crypto")],
                // The staff page (index.html, app.css, ES modules), served as it is in the repo.
                resources: [.copy("Web/Assets")]),
        // The façade: validate / render / packet / batch, structured results and errors.
        .target(name: "Yorisoi", dependencies: [
            "YorisoiPipeline", "YorisoiCase", "YorisoiText", "YorisoiPDF", "YorisoiTemplates", "YorisoiValidation", "Yams",
        ]),
        // The command line uses the façade only; `serve`, `accounts` and `audit` are handed
        // over (exec) to the sibling executable `yorisoi-server`.
        .executableTarget(name: "yorisoi", dependencies: [
            "Yorisoi", "CMalloc", "CMimalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "yorisoi-server", dependencies: [
            "Yorisoi", "YorisoiServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Shared by the test targets: locating the repo, running qpdf/pdffonts/pdftotext.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "YorisoiTextTests", dependencies: ["YorisoiText", "TestSupport"]),
        .testTarget(name: "YorisoiPDFTests",
                    dependencies: ["YorisoiPDF", "YorisoiDisplayList", "YorisoiText", "YorisoiDigest", "TestSupport"]),
        .testTarget(name: "YorisoiCaseTests", dependencies: ["YorisoiCase", "YorisoiUnicode", "TestSupport"]),
        .testTarget(name: "YorisoiTemplatesTests", dependencies: ["YorisoiTemplates", "TestSupport"]),
        .testTarget(name: "YorisoiValidationTests", dependencies: ["YorisoiValidation", "YorisoiTemplates", "TestSupport"]),
        .testTarget(name: "YorisoiLayoutTests",
                    dependencies: ["YorisoiLayout", "YorisoiDisplayList", "YorisoiPDF", "TestSupport"]),
        .testTarget(name: "YorisoiBindingTests",
                    dependencies: ["YorisoiBinding", "YorisoiCase", "YorisoiLayout", "YorisoiTemplates", "YorisoiText",
                                   "TestSupport"]),
        .testTarget(name: "YorisoiPipelineTests",
                    dependencies: ["YorisoiPipeline", "YorisoiBinding", "YorisoiCase", "YorisoiTemplates", "YorisoiLayout",
                                   "YorisoiDisplayList", "YorisoiText", "TestSupport"]),
        .testTarget(name: "YorisoiCLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "YorisoiServerTests",
                    dependencies: ["YorisoiServer", "TestSupport", "Yams", "YorisoiCase", "YorisoiTemplates",
                                   .product(name: "Hummingbird", package: "hummingbird"),
                                   .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "HTTPTypes", package: "swift-http-types"),
                                   .product(name: "Logging", package: "swift-log"),
                                   .product(name: "GRDB", package: "GRDB.swift"),
                                   .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(name: "YorisoiTests", dependencies: [
            "Yorisoi", "TestSupport", .product(name: "Crypto", package: "swift-crypto"),
        ]),
    ]
)

// libFuzzer targets (scripts/fuzz), only when YORISOI_FUZZ is set: built with coverage and
// AddressSanitizer in .build-fuzz and linked with libFuzzer's no_main library, never by
// `swift build` or CI.
if Context.environment["YORISOI_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"))
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzCaseYAML", ["YorisoiCase", "YorisoiValidation"]),
        ("FuzzCaseJSON", ["YorisoiCase", "YorisoiValidation"]),
        ("FuzzCaseJSONL", ["YorisoiCase"]),
        ("FuzzCaseCSV", ["YorisoiCase"]),
        ("FuzzTemplate", ["YorisoiCase", "YorisoiTemplates"]),
        ("FuzzMeeting", ["YorisoiCase", "YorisoiPipeline"]),
    ]
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies + ["FuzzSupport"],
                                                 path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
