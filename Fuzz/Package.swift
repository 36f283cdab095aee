// swift-tools-version:6.0
import PackageDescription

// Fuzz targets for libFuzzer, kept out of the root package so that `swift build` and
// `swift test` there never see them. Built and run by `make fuzz` (see the README):
//   swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
// Each target's entry is `LLVMFuzzerTestOneInput`; libFuzzer provides `main`.
let package = Package(
    name: "hashlab-fuzz",
    dependencies: [
        .package(name: "hashlab", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "Datasets", package: "hashlab"),
            .product(name: "Linalg", package: "hashlab"),
        ]),
        .executableTarget(name: "SpecFuzzer", dependencies: [
            "FuzzSupport",
            .product(name: "Pipeline", package: "hashlab"),
        ]),
        .executableTarget(name: "MATv5Fuzzer", dependencies: [
            "FuzzSupport",
            .product(name: "Datasets", package: "hashlab"),
        ]),
        .executableTarget(name: "DatasetFuzzer", dependencies: [
            "FuzzSupport",
            .product(name: "Datasets", package: "hashlab"),
        ]),
    ]
)
