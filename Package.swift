// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hashlab",
    products: [
        .executable(name: "hashlab", targets: ["hashlab"]),
        .executable(name: "hashlab-bench", targets: ["Benchmarks"]),
        .library(name: "Linalg", targets: ["Linalg"]),
        .library(name: "HashCore", targets: ["HashCore"]),
        .library(name: "FileIO", targets: ["FileIO"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "Methods", targets: ["Methods"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLAPACKE", pkgConfig: "lapacke",
                       providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5",
                       providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "CZlibSystem", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CPopcount"),
        .target(name: "Linalg", dependencies: ["CBLAS", "CLAPACKE"]),
        .target(name: "HashCore", dependencies: ["Linalg", "CPopcount"]),
        .target(name: "FileIO"),
        .target(name: "Datasets", dependencies: [
            "FileIO", "HashCore", "Linalg", "CHDF5", "CZlibSystem",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Methods", dependencies: ["HashCore", "Linalg"]),
        .target(name: "Pipeline", dependencies: [
            "FileIO", "Datasets", "Methods", "HashCore", "Linalg",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "hashlab", dependencies: [
            "FileIO", "Pipeline", "Methods", "Datasets",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "Benchmarks", dependencies: ["HashCore", "Linalg", "Datasets", "Methods"]),
        .target(name: "TestSupport", dependencies: ["Linalg", "HashCore", "Datasets", "CHDF5", "CZlibSystem"],
                path: "Tests/TestSupport"),
        .testTarget(name: "FileIOTests", dependencies: ["FileIO"]),
        .testTarget(name: "LinalgTests", dependencies: ["Linalg", "TestSupport"]),
        .testTarget(name: "HashCoreTests", dependencies: ["HashCore", "Linalg", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: [
            "FileIO", "Datasets", "HashCore", "Linalg", "TestSupport", "CHDF5", "CZlibSystem",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "MethodsTests", dependencies: ["Methods", "HashCore", "Linalg", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Datasets", "Methods", "HashCore", "Linalg", "TestSupport"]),
        .testTarget(name: "hashlabTests", dependencies: ["hashlab", "Datasets", "HashCore", "TestSupport"]),
    ]
)
