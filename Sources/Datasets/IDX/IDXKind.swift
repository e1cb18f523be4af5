/// The two IDX layouts MNIST-format datasets use, both of unsigned bytes (data type 0x08).
///
/// A file is a 4-byte big-endian magic `0x00 0x00 type dims`, then `dims` big-endian UInt32
/// sizes, then the payload: labels `[count]` (magic 0x00000801), images
/// `[count, rows, columns]` (magic 0x00000803), row-major.
public enum IDXKind: Sendable, Hashable {
    case labels
    case images

    /// The magic number a file of this kind starts with.
    public var magic: UInt32 {
        switch self {
        case .labels: 0x0000_0801
        case .images: 0x0000_0803
        }
    }

    /// Number of dimensions in the header: 1 for labels, 3 for images.
    public var dimensionCount: Int {
        switch self {
        case .labels: 1
        case .images: 3
        }
    }

    /// Magic plus one UInt32 per dimension: 8 bytes for labels, 16 for images.
    public var headerSize: Int { 4 + 4 * dimensionCount }

    /// The IDX data type code for unsigned bytes, the only one MNIST-format files use.
    public static let unsignedByteType: UInt8 = 0x08

    /// "label" or "image".
    var noun: String {
        switch self {
        case .labels: "label"
        case .images: "image"
        }
    }

    /// "1 label", "60000 images".
    func counted(_ count: Int) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
