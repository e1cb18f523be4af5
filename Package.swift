// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tracker",
    products: [
        .executable(name: "tracker", targets: ["tracker"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // System libraries: one module map each, named as pkg-config and apt name them.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // Storage: a thin layer over sqlite3, then the tracker schema on top of it.
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        .target(
            name: "Store",
            dependencies: ["SQLite"],
            plugins: ["EmbedSQL"]
        ),

        // Training: datasets on disk, then the numerical engine.
        .target(name: "Datasets", dependencies: ["CZlib"]),
        // Optimised in every configuration: unoptimised SIMD kernels run ~100× slower, which
        // would make the engine's real-data tests take minutes in debug builds.
        .target(
            name: "Engine",
            dependencies: ["CBLAS", "Datasets"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),

        // Label noise, input noise and balanced subsets of a dataset, from a run's seed.
        .target(name: "Perturbations", dependencies: ["Datasets", "Engine"]),

        // Tables, machine formats, terminal styling and display widths, knowing nothing of runs.
        .target(name: "TextOutput"),

        // Charts: a small SVG writer and text charts, knowing nothing of runs; text is measured
        // as tables measure it.
        .target(name: "Charts", dependencies: ["TextOutput"]),

        // Comparisons, conditions, statistics, surveys and curves read from the database:
        // the only SQL outside Store, run through Store's read-only query API.
        .target(name: "RunQueries", dependencies: ["Store", "SQLite", "TextOutput"]),

        // Configurations, experiment files, grids, the runner, progress, dataset fetching:
        // where training meets storage.
        .target(
            name: "Training",
            dependencies: [
                "Engine", "Datasets", "Perturbations", "Store", "TextOutput",
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // tracker reproduce: a completed run trained again and compared epoch by epoch.
        .target(name: "Reproducibility", dependencies: ["Training", "Store"]),

        // Curves and sweeps from the database, drawn with Charts.
        .target(name: "Plots", dependencies: ["RunQueries", "Store", "Charts", "TextOutput"]),

        // Reports, run inspection (runs, show, export) and management (delete).
        .target(name: "Reports", dependencies: ["Plots", "RunQueries", "Store", "Charts", "TextOutput", "Datasets"]),

        // Grids across a cluster: shards of a file's trials, merging databases by run, Slurm
        // submission and status.
        .target(name: "Cluster", dependencies: ["Training", "Store", "Engine", "TextOutput"]),
        // tracker ui: a read-only dashboard over HTTP, every page and answer a library call
        // of the modules below, served by FlyingFox.
        .target(
            name: "UI",
            dependencies: [
                "Reports", "Plots", "RunQueries", "Store", "Charts", "TextOutput",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]),

        .executableTarget(
            name: "tracker",
            dependencies: [
                "Cluster", "Training", "RunQueries", "Plots", "Reports", "Reproducibility", "TextOutput", "UI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Build-time embedding of migrations/ and queries/ into the Store module.
        .executableTarget(name: "EmbedSQLTool"),
        .plugin(
            name: "EmbedSQL",
            capability: .buildTool(),
            dependencies: ["EmbedSQLTool"]
        ),

        // Release-mode benchmarks that print figures (see the README for each), sharing
        // their timing, printing, arguments and made-up data.
        .target(name: "BenchmarkSupport", dependencies: ["Engine"], path: "Benchmarks/BenchmarkSupport"),
        .executableTarget(
            name: "DatasetsBenchmark", dependencies: ["Datasets", "BenchmarkSupport"],
            path: "Benchmarks/DatasetsBenchmark"),
        .executableTarget(
            name: "ChartsBenchmark", dependencies: ["Charts", "Engine", "BenchmarkSupport"],
            path: "Benchmarks/ChartsBenchmark"),
        // Training and sgemm throughput on MNIST, beside its PyTorch twin.
        .executableTarget(
            name: "EngineBenchmark",
            dependencies: ["Engine", "Datasets", "BenchmarkSupport"],
            path: "Benchmarks/EngineBenchmark",
            exclude: ["pytorch_reference.py"]
        ),
        // What recording costs a training run.
        .executableTarget(
            name: "RunBenchmark", dependencies: ["Training", "TextOutput", "Store", "BenchmarkSupport"],
            path: "Benchmarks/RunBenchmark"),
        // The store's `write` mode is also the writer process of the store's concurrency tests.
        .executableTarget(
            name: "StoreBenchmark",
            dependencies: ["Store", "SQLite", "Engine", "BenchmarkSupport"],
            path: "Benchmarks/StoreBenchmark"
        ),

        // tracker compare, runs and export on a large database, in process and end to end.
        .executableTarget(
            name: "CompareBenchmark",
            dependencies: ["Reports", "RunQueries", "TextOutput", "Store", "BenchmarkSupport"],
            path: "Benchmarks/CompareBenchmark"
        ),

        // tracker report and plot on a large database, in process and end to end.
        .executableTarget(
            name: "ReportBenchmark",
            dependencies: ["Reports", "Plots", "RunQueries", "Store", "BenchmarkSupport"],
            path: "Benchmarks/ReportBenchmark"
        ),

        // The dashboard's answers on a large database, in process; scripts/ui-load adds wrk.
        .executableTarget(
            name: "UIBenchmark", dependencies: ["UI", "Store", "BenchmarkSupport"], path: "Benchmarks/UIBenchmark"),

        // Helpers shared by test targets: temporary folders, built executables, child processes,
        // the real datasets.
        .target(name: "TestSupport", dependencies: ["Datasets"], path: "Tests/TestSupport"),
        // Scratch databases, and one of known runs shared by the comparison tests of the library
        // and the CLI.
        .target(
            name: "TrackerFixtures", dependencies: ["Store", "RunQueries", "TextOutput", "TestSupport"],
            path: "Tests/TrackerFixtures"),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "SQLite", "TestSupport", "TrackerFixtures"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Datasets", "TestSupport"]),
        .testTarget(name: "PerturbationsTests", dependencies: ["Perturbations", "Datasets", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "TextOutput", "TestSupport"]),
        .testTarget(name: "TextOutputTests", dependencies: ["TextOutput"]),
        .testTarget(
            name: "RunQueriesTests",
            dependencies: ["RunQueries", "Store", "SQLite", "TextOutput", "TestSupport", "TrackerFixtures"]),
        .testTarget(
            name: "TrainingTests",
            dependencies: [
                "Training", "Store", "SQLite", "Engine", "Datasets", "TextOutput", "TestSupport", "TrackerFixtures",
            ]),
        .testTarget(
            name: "PlotsTests",
            dependencies: [
                "Plots", "RunQueries", "Store", "SQLite", "Charts", "TextOutput", "TestSupport", "TrackerFixtures",
            ]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "Plots", "RunQueries", "Store", "SQLite", "Charts", "Datasets", "TextOutput", "TestSupport",
                "TrackerFixtures",
            ]),
        // The command line parsed in process: every subcommand's options and refusals.
        .testTarget(
            name: "TrackerParseTests",
            dependencies: [
                "tracker", "TextOutput", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The dashboard on a loopback port: answers, headers, refusals, read-only-ness.
        .testTarget(
            name: "UITests",
            dependencies: ["UI", "Store", "TestSupport", "TrackerFixtures"]),
        .testTarget(
            name: "ClusterTests",
            dependencies: ["Cluster", "Training", "Store", "SQLite", "TestSupport", "TrackerFixtures"]),
        .testTarget(
            name: "ReproducibilityTests",
            dependencies: ["Reproducibility", "Training", "Store", "SQLite", "TestSupport", "TrackerFixtures"]),
        .testTarget(
            name: "TrackerCLITests",
            dependencies: [
                "Training", "RunQueries", "Plots", "Reports", "TextOutput", "Store", "SQLite", "Datasets",
                "Engine", "TestSupport",
                "TrackerFixtures",
            ]),
    ]
)
