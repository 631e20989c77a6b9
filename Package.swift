// swift-tools-version:6.0
import PackageDescription

// One module per stage of the flow; each depends only on the stages before it:
// SaferCore → SaferMarkdown → SaferContent → SaferData → SaferRender → SaferBuild → safersite.
let package = Package(
    name: "SaferSite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "safersite", targets: ["safersite"]),
        .library(name: "SaferBuild", targets: ["SaferBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        // Already there for Hummingbird; named for its HTTP request parts (the preview's header timeout).
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        // ZIP archives for the "all the data" download: a well-kept pure-Swift reader and writer.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The C library, found with pkg-config; only SaferMarkdown imports it.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The few C helpers: a per-thread bump allocator for cmark's trees (which live only as long
        // as one call), the Linux calls Foundation lacks (an atomic exchange of two folders,
        // copy_file_range), and jemalloc's settings. jemalloc (Debian `libjemalloc-dev`) is linked
        // here, so the command line and every test run on the same allocator (benchmarks/README.md).
        .target(name: "CSaferSupport", linkerSettings: [.linkedLibrary("jemalloc")]),
        // Diagnostics with source locations, text files, YAML with line numbers.
        .target(name: "SaferCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // CommonMark through libcmark: parse, walk the AST, transform, render HTML.
        .target(name: "SaferMarkdown", dependencies: ["CMark", "CSaferSupport", "SaferCore"]),
        // The site folder: site.yaml, pages with front matter, their Markdown.
        .target(name: "SaferContent", dependencies: ["SaferCore", "SaferMarkdown"]),
        // Observations, indicators and computed figures: the violence numbers.
        .target(
            name: "SaferData",
            dependencies: ["SaferCore"]
        ),
        // Charts as marks and scales drawn to accessible SVG: pure Swift, no file or network access.
        .target(name: "SaferCharts", dependencies: ["SaferCore"]),
        // Themes and Mustache templates: pages, navigation and figures become HTML. The default
        // theme (themes/default/) is built in by the EmbedTheme plugin, so a site needs no copy.
        .target(
            name: "SaferRender",
            dependencies: [
                "SaferContent", "SaferData", "SaferCharts",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedTheme"]
        ),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .executableTarget(name: "ThemeEmbedder", path: "Plugins/ThemeEmbedder"),
        // The build pipeline: steps, output folder, atomic swap, sitemap.
        .target(name: "SaferBuild", dependencies: ["SaferRender", "CSaferSupport"]),
        // File watching, incremental rebuilds, the preview server (Hummingbird) and live reload.
        .target(
            name: "SaferPreview",
            dependencies: [
                "SaferBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        // The command line: thin ArgumentParser commands over SaferBuild.
        .executableTarget(
            name: "safersite",
            dependencies: ["SaferBuild", "SaferPreview", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "SaferCoreTests", dependencies: ["SaferCore", "SaferTestSupport"]),
        .testTarget(name: "SaferMarkdownTests", dependencies: ["SaferMarkdown", "SaferTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SaferContentTests", dependencies: ["SaferContent"]),
        .testTarget(name: "SaferDataTests", dependencies: ["SaferData", "SaferTestSupport"]),
        .testTarget(name: "SaferChartsTests", dependencies: ["SaferCharts", "SaferCore", "SaferTestSupport"], exclude: ["Golden"]),
        // Scratch site folders for the tests that build sites.
        .target(name: "SaferTestSupport", path: "Tests/SaferTestSupport"),
        .testTarget(name: "SaferRenderTests", dependencies: ["SaferRender", "SaferCharts", "SaferTestSupport"]),
        .testTarget(name: "SaferPreviewTests", dependencies: ["SaferPreview", "SaferTestSupport"]),
        .testTarget(name: "SaferBuildTests", dependencies: ["SaferBuild", "SaferTestSupport"], exclude: ["Fixtures", "Golden", "BadInputs"]),
    ]
)
