// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Syndication",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Syndication", targets: ["Syndication"]),
        .executable(name: "feed", targets: ["feed"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Already built for AsyncHTTPClient; named for the importer's event loops and the loopback
        // HTTP server of FeedImporterTests.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "FeedModel"),
        .target(name: "FeedXML", dependencies: ["CLibXML2"]),
        .target(name: "FeedParser", dependencies: ["FeedXML", "FeedModel"]),
        .target(
            name: "FeedImporter",
            dependencies: [
                "FeedParser", "FeedModel", "FeedStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "FeedWriter", dependencies: ["FeedXML", "FeedModel"]),
        // Strict readers of its own for dates and IRIs: the parser's are forgiving on purpose.
        .target(name: "FeedValidator", dependencies: ["FeedXML"]),
        .target(name: "FeedStore", dependencies: ["FeedModel", .product(name: "GRDB", package: "GRDB.swift")]),
        // The site's own articles (Markdown, plain-text exports) and settings (TOML).
        .target(
            name: "FeedSite",
            dependencies: [
                "FeedModel", "FeedParser", "FeedStore",
                .product(name: "Ink", package: "Ink"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "Syndication",
            dependencies: ["FeedModel", "FeedParser", "FeedImporter", "FeedWriter", "FeedStore", "FeedSite", "FeedValidator"]
        ),
        .executableTarget(
            name: "feed",
            dependencies: [
                "Syndication",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A libFuzzer target over the parser (see its source for the flags); a plain build links a
        // program that does nothing.
        .executableTarget(name: "FeedFuzz", dependencies: ["FeedParser", "FeedXML", "FeedTestSupport"], path: "Fuzz/FeedFuzz"),
        // Helpers shared by the test targets.
        .target(name: "FeedTestSupport", dependencies: ["FeedXML"], path: "Tests/FeedTestSupport"),
        .testTarget(name: "FeedModelTests", dependencies: ["FeedModel"]),
        .testTarget(name: "FeedXMLTests", dependencies: ["FeedXML", "FeedTestSupport"]),
        .testTarget(
            name: "FeedParserTests",
            dependencies: ["FeedParser", "FeedModel", "FeedXML", "FeedTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FeedStoreTests",
            dependencies: ["FeedStore", "FeedModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "FeedWriterTests",
            dependencies: [
                "FeedWriter", "FeedParser", "FeedModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "FeedSiteTests",
            dependencies: ["FeedSite", "FeedModel", "FeedStore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FeedValidatorTests",
            dependencies: ["FeedValidator", "FeedWriter", "FeedModel", "FeedTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FeedImporterTests",
            dependencies: [
                "FeedImporter", "FeedStore", "FeedParser", "FeedModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "FeedCLITests", dependencies: ["feed", "FeedTestSupport", "FeedStore", "FeedParser", "FeedModel"]),
    ],
    swiftLanguageModes: [.v6]
)
