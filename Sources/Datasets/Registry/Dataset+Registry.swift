extension Dataset {
    /// MNIST (LeCun, Cortes, Burges). Published `.gz` checksums as the original site lists
    /// them; content checksums of the decompressed files.
    public static let mnist = mnistLayout(
        name: "mnist",
        checksums: [
            ("f68b3c2dcbeaaa9fbdd348bbdeb94873", "6bbc9ace898e44ae57da46a324031adb"),
            ("d53e105ee54ea40749a09fcbcd1e9432", "a25bea736e30d166cdddb491f175f624"),
            ("9fb629c4189551a2d022fa330f9573f3", "2646ac647ad5339dbf082846283269ea"),
            ("ec29112dd5afa0611ce80d1b7f02629c", "27ae3e4e09519cfbb04c329615203637"),
        ],
        mirrors: [
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
        ]
    )

    /// Zalando's Fashion-MNIST. Published `.gz` checksums as Zalando's README lists them;
    /// Debian's `dataset-fashion-mnist` rewrites the gzip headers, so its copy is recognised
    /// by the content checksums.
    public static let fashionMNIST = mnistLayout(
        name: "fashion-mnist",
        checksums: [
            ("8d4fb7e6c68d591d4c3dfef9ec88bf0d", "f4a8712d7a061bf5bd6d2ca38dc4d50a"),
            ("25c81989df183df01b3e8a0aad5dffbe", "9018921c3c673c538a1fc5bad174d6f9"),
            ("bef4ecab320f06d8554ea6380940ec79", "8181f5470baa50b63fa0f6fddb340f0a"),
            ("bb300cfdad3c16e7a12a480ee83cd310", "15d484375f8d13e6eb1aabb0c3f46965"),
        ],
        mirrors: ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"],
        systemDirectories: ["/usr/share/datasets/fashion-mnist"]
    )

    /// Every dataset tracker knows, in the order `tracker data list` shows them.
    public static let all: [Dataset] = [.mnist, .fashionMNIST]

    /// The dataset called `name`, or an error listing the valid names.
    public static func named(_ name: String) throws(DatasetError) -> Dataset {
        guard let dataset = all.first(where: { $0.name == name }) else {
            throw .unknownName(name, valid: all.map(\.name))
        }
        return dataset
    }

    /// A dataset laid out as MNIST is, which its drop-in replacements copy: the same four
    /// file names, 60,000 training and 10,000 test images of 28 × 28 pixels, 10 classes.
    ///
    /// - Parameter checksums: (published `.gz` MD5, content MD5) per file, in `files` order.
    private static func mnistLayout(
        name: String,
        checksums: [(published: StaticString, content: StaticString)],
        mirrors: [String],
        systemDirectories: [String] = []
    ) -> Dataset {
        let names = [
            "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz",
        ]
        let files = zip(names, checksums).enumerated().map { index, entry in
            DatasetFile(
                name: entry.0, kind: index % 2 == 0 ? .images : .labels,
                publishedMD5: MD5Digest(known: entry.1.published), contentMD5: MD5Digest(known: entry.1.content))
        }
        return Dataset(
            name: name, trainImages: files[0], trainLabels: files[1], testImages: files[2], testLabels: files[3],
            mirrors: mirrors, systemDirectories: systemDirectories,
            trainCount: 60_000, devCount: 10_000, testCount: 10_000, rows: 28, columns: 28, classCount: 10)
    }
}
