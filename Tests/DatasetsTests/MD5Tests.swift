import Foundation
import TestSupport
import Testing

@testable import Datasets

@Suite("MD5")
struct MD5Tests {
    /// The test suite of RFC 1321, appendix A.5.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        (
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a"
        ),
    ])
    func rfc1321TestSuite(message: String, expected: String) {
        #expect(MD5.digest(Array(message.utf8)).description == expected)
    }

    /// Lengths around the padding boundaries (55/56 bytes leave no room for the length,
    /// 64 is exactly one block); bytes `0, 1, 2, …` mod 256, digests from Python's hashlib.
    @Test(arguments: [
        (55, "6912ee65fff2d9f9ce2508cddf8bcda0"),
        (56, "51fdd1acda72405dfdfa03fcb85896d7"),
        (63, "48a6295221902e8e0938f773a7185e72"),
        (64, "b2d3f56bc197fd985d5965079b5e7148"),
        (65, "8bd7053801c768420faf816fadba971c"),
        (119, "1c772251899a7ff007400b888d6b2042"),
        (120, "b7ba1efc6022e9ed272f00b8831e26e6"),
        (1000, "cbecbdb0fdd5cec1e242493b6008cc79"),
    ])
    func paddingBoundaries(length: Int, expected: String) {
        #expect(MD5.digest(IDXFixture.pixels(count: length)).description == expected)
    }

    /// Any split of the message into `update` calls gives the one-shot digest.
    @Test(arguments: [1, 3, 63, 64, 65, 100, 999])
    func chunkedUpdatesAgree(chunk: Int) {
        let message = IDXFixture.pixels(count: 1000)
        var md5 = MD5()
        for start in stride(from: 0, to: message.count, by: chunk) {
            md5.update(Array(message[start..<min(start + chunk, message.count)]))
        }
        #expect(md5.finalize().description == "cbecbdb0fdd5cec1e242493b6008cc79")
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var md5 = MD5()
        md5.update(Array("a".utf8))
        #expect(md5.finalize().description == "0cc175b9c0f1b6a831c399e269772661")
        md5.update(Array("bc".utf8))
        #expect(md5.finalize().description == "900150983cd24fb0d6963f7d28e17f72")
    }

    @Test func hexRoundTripsAndGarbageIsRejected() throws {
        let digest = try #require(MD5Digest(hex: "F68B3C2DCBEAAA9FBDD348BBDEB94873"))
        #expect(digest.description == "f68b3c2dcbeaaa9fbdd348bbdeb94873")
        #expect(digest.bytes.first == 0xF6 && digest.bytes.last == 0x73)
        for garbage in [
            "", "f68b", "f68b3c2dcbeaaa9fbdd348bbdeb9487", "f68b3c2dcbeaaa9fbdd348bbdeb948733",
            "g68b3c2dcbeaaa9fbdd348bbdeb94873", "f68b3c2dcbeaaa9fbdd348bbdeb9487 ",
        ] {
            #expect(MD5Digest(hex: garbage) == nil, "accepted \(garbage)")
        }
    }

    /// A real file against the checksum its publisher lists.
    @Test(.enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
    func publishedChecksumOfARealFile() throws {
        let directory = try #require(RealDatasets.mnist)
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/t10k-labels-idx1-ubyte.gz"))
        #expect(MD5.digest(Array(data)) == Dataset.mnist.testLabels.publishedMD5)
        #expect(MD5.digest(Array(data)).description == "ec29112dd5afa0611ce80d1b7f02629c")
    }
}
