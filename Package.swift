// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "journeys",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "journeys", targets: ["journeys"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // Snapshot tests of the rendered page and charts (tests only).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
    ],
    targets: [
        // System libraries: libxml2 validates every produced file, zlib reads rotated `.gz` logs.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // SQLite keeps the history (earlier orders, visits by week, KPI snapshots).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),

        // Byte-level text coding shared with Validate, which cannot import Foundation (libxml2's
        // system ICU clashes with Foundation's): so no Foundation here either. Also the compact
        // binary Codable coder of the partial files.
        .target(name: "ByteCoding"),
        // Values every stage shares; no I/O.
        .target(name: "JourneysCore", dependencies: ["ByteCoding"]),
        // The stages, in pipeline order.
        .target(name: "Extract", dependencies: ["JourneysCore", "ByteCoding", "CZlib",
                                                .product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "Sessionize", dependencies: ["JourneysCore",
                                                   .product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "Touchpoints", dependencies: ["JourneysCore"]),
        // report.json (schema 1) as Codable types: what score produces, render draws and the diff reads.
        .target(name: "ReportModel"),
        // What every report section is made of: the fold contract score folds people by, the words
        // and number formats its view writes with, and one folder per section that holds its fold,
        // its part of report.json, its view, its partial and its words (`SectionList`).
        .target(name: "Sections", dependencies: ["JourneysCore", "Touchpoints", "ReportModel", "Statistics"],
                resources: [
                    .embedInCode("DropOffs/Resources"),
                    .embedInCode("SegmentFunnels/Resources"),
                    .embedInCode("WeekdayHour/Resources"),
                ]),
        .target(name: "Score", dependencies: ["JourneysCore", "Touchpoints", "ReportModel", "Sections", "Statistics", "CLVModels"]),
        // The templates, stylesheet and catalogues of `report-templates/` are embedded by the build
        // (`PackageResources`), reached through the `report-templates` link in the target's folder:
        // the binary renders its pages with no folder beside it, and the files are the only copy.
        .target(name: "Render", dependencies: ["JourneysCore", "ReportModel", "Sections", "Compare",
                                               .product(name: "Mustache", package: "swift-mustache")],
                exclude: ["report-templates/strings/README.md"],
                resources: [
                    .embedInCode("report-templates/report.mustache"),
                    .embedInCode("report-templates/index.mustache"),
                    .embedInCode("report-templates/diff.mustache"),
                    .embedInCode("report-templates/report.css"),
                    .embedInCode("report-templates/sections/headline.mustache"),
                    .embedInCode("report-templates/sections/changes.mustache"),
                    .embedInCode("report-templates/sections/funnel.mustache"),
                    .embedInCode("report-templates/sections/journey-map.mustache"),
                    .embedInCode("report-templates/sections/channels.mustache"),
                    .embedInCode("report-templates/sections/cohorts.mustache"),
                    .embedInCode("report-templates/sections/lifecycle.mustache"),
                    .embedInCode("report-templates/sections/customer-value.mustache"),
                    .embedInCode("report-templates/sections/predicted-value.mustache"),
                    .embedInCode("report-templates/sections/satisfaction.mustache"),
                    .embedInCode("report-templates/sections/support.mustache"),
                    .embedInCode("report-templates/sections/kpis.mustache"),
                    .embedInCode("report-templates/sections/carts.mustache"),
                    .embedInCode("report-templates/sections/segments.mustache"),
                    .embedInCode("report-templates/sections/paths.mustache"),
                    .embedInCode("report-templates/sections/satisfaction-groups.mustache"),
                    .embedInCode("report-templates/sections/logged-values.mustache"),
                    .embedInCode("report-templates/sections/rules.mustache"),
                    .embedInCode("report-templates/sections/data-quality.mustache"),
                    .embedInCode("report-templates/sections/methods.mustache"),
                    .embedInCode("report-templates/strings/en.json"),
                    .embedInCode("report-templates/strings/de.json"),
                ]),
        .target(name: "Validate", dependencies: ["ByteCoding", "CLibXML2"]),
        // The diff of two report models: changes, noise tests, shift-share, thresholds.
        .target(name: "Compare", dependencies: ["ReportModel", "Statistics"]),
        // Noise tests, intervals, the bootstrap and the optimisers the report and the diff share: no
        // dependency, so that every stage may use them.
        .target(name: "Statistics"),
        // Predicted customer lifetime value: BG/NBD and Gamma-Gamma fitted on per-customer order summaries.
        .target(name: "CLVModels", dependencies: ["Statistics"]),
        // What outlives rotated logs: customers, their orders and weekly visits, each period's KPIs.
        .target(name: "History", dependencies: ["CSQLite", "JourneysCore", "ByteCoding"]),
        // The demo shop that `journeys sample` writes.
        .target(name: "DemoShop", dependencies: ["JourneysCore", "CZlib"]),
        // `journeys init` and `journeys rules check`: a shop's URL scheme learned from its logs,
        // the platforms' shipped schemes (`pipelines/platforms/`, embedded through the
        // `platforms` link in the target's folder), the proposed config.
        .target(name: "Setup", dependencies: ["JourneysCore", "ByteCoding", "Extract", "Touchpoints",
                                              .product(name: "Yams", package: "Yams")],
                resources: [
                    .embedInCode("platforms/shopify.yaml"),
                    .embedInCode("platforms/woocommerce.yaml"),
                    .embedInCode("platforms/magento2.yaml"),
                    .embedInCode("platforms/shopware6.yaml"),
                    .embedInCode("platforms/prestashop.yaml"),
                ]),
        // Config, the stage list, the runner and the atomic publish.
        .target(name: "Pipeline", dependencies: [
            "JourneysCore", "Extract", "Sessionize", "Touchpoints", "Sections", "Score", "ReportModel", "Compare", "Render", "Validate", "History",
            "ByteCoding", "CZlib",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The command line only.
        .executableTarget(name: "journeys", dependencies: [
            "Pipeline", "DemoShop", "Validate", "Extract", "JourneysCore", "Compare", "ReportModel", "Sections", "History", "Score", "Setup", "Touchpoints",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // `make bench`: sessionize's memory over 1 and 4 weeks of the same visitors.
        .executableTarget(name: "SessionizeBench", dependencies: [
            "JourneysCore", "Sessionize", .product(name: "HeapModule", package: "swift-collections"),
        ]),

        // `make bench`: the CLV models' fits on 200,000 and 1,000,000 simulated customers.
        .executableTarget(name: "CLVBench", dependencies: ["CLVModels", "Statistics", "JourneysCore"]),

        .testTarget(name: "ByteCodingTests", dependencies: ["ByteCoding"]),
        .testTarget(name: "JourneysCoreTests", dependencies: ["JourneysCore"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "CZlib"], exclude: ["Fixtures"]),
        .testTarget(name: "SessionizeTests", dependencies: ["Sessionize"], exclude: ["Fixtures"]),
        .testTarget(name: "TouchpointsTests", dependencies: ["Touchpoints"], exclude: ["Fixtures"]),
        .testTarget(name: "ScoreTests", dependencies: ["Score", "Sections", "Render", "Touchpoints", "ReportModel", "Statistics"], exclude: ["Fixtures"],
                    resources: [.embedInCode("ExampleSection/Resources")]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Sections", "ReportModel", "Compare", "Validate", "JourneysCore",
                                                   .product(name: "SnapshotTesting", package: "swift-snapshot-testing")],
                    exclude: ["Fixtures", "__Snapshots__"]),
        .testTarget(name: "ValidateTests", dependencies: ["Validate"]),
        .testTarget(name: "CompareTests", dependencies: ["Compare", "ReportModel", "Statistics", "JourneysCore"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "JourneysCore"]),
        .testTarget(name: "CLVModelsTests", dependencies: ["CLVModels", "Statistics", "JourneysCore"], exclude: ["Fixtures"]),
        .testTarget(name: "DemoShopTests", dependencies: ["DemoShop", "JourneysCore", "CLVModels"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "JourneysCore"], exclude: ["Fixtures"]),
        .testTarget(name: "SetupTests", dependencies: ["Setup", "Pipeline", "Extract", "Touchpoints", "JourneysCore"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Sections", "DemoShop", "Extract", "ReportModel", "History", "Compare"], exclude: ["Fixtures"]),
    ]
)
