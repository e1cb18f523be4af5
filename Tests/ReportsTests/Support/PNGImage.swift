import Foundation
import TestSupport

@testable import Datasets

/// A PNG file decoded far enough to look at its pixels: 8-bit RGB or RGBA, not
/// interlaced (what Chromium's screenshots are). The image data is inflated with the
/// zlib reader of the Datasets module, then each row's filter is undone (PNG
/// specification, section 9).
struct PNGImage {
    let width: Int
    let height: Int
    /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
    let channels: Int
    /// Rows top to bottom, pixels left to right, `channels` bytes each.
    let pixels: [UInt8]

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// Decodes `bytes`; `scratch` holds the compressed stream while it is inflated.
    init(_ bytes: [UInt8], scratch: TemporaryDirectory) throws {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw Malformed(description: "no PNG signature")
        }
        var position = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        while position + 8 <= bytes.count {
            let length = Self.bigEndian(bytes[position..<(position + 4)])
            let type = String(decoding: bytes[(position + 4)..<(position + 8)], as: UTF8.self)
            let start = position + 8
            guard start + length + 4 <= bytes.count else { throw Malformed(description: "chunk \(type) is cut short") }
            let data = bytes[start..<(start + length)]
            if type == "IHDR" { header = Array(data) }
            if type == "IDAT" { compressed += data }
            if type == "IEND" { break }
            position = start + length + 4
        }
        guard header.count == 13 else { throw Malformed(description: "no IHDR chunk") }
        width = Self.bigEndian(header[0..<4])
        height = Self.bigEndian(header[4..<8])
        guard header[8] == 8, header[12] == 0, let channels = [2: 3, 6: 4][Int(header[9])] else {
            throw Malformed(description: "not 8-bit RGB or RGBA without interlacing (IHDR \(header))")
        }
        self.channels = channels
        let stride = width * channels
        let filtered = try Self.inflate(compressed, count: height * (stride + 1), scratch: scratch)
        pixels = try Self.unfilter(filtered, width: width, height: height, channels: channels)
    }

    /// The number of different colours (alpha ignored).
    var colorCount: Int {
        var colors = Set<UInt32>()
        forEachPixel { red, green, blue in colors.insert(UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)) }
        return colors.count
    }

    /// The share of pixels, in [0, 1], whose colour is not within `tolerance` of white.
    func inkedShare(tolerance: UInt8 = 8) -> Double {
        var inked = 0
        forEachPixel { red, green, blue in if min(red, green, blue) < 255 - tolerance { inked += 1 } }
        return Double(inked) / Double(max(1, width * height))
    }

    /// The number of pixels within `tolerance` of the colour `#RRGGBB`.
    func count(of hex: UInt32, tolerance: Int = 12) -> Int {
        let target = [Int(hex >> 16 & 0xFF), Int(hex >> 8 & 0xFF), Int(hex & 0xFF)]
        var count = 0
        forEachPixel { red, green, blue in
            if abs(Int(red) - target[0]) < tolerance && abs(Int(green) - target[1]) < tolerance
                && abs(Int(blue) - target[2]) < tolerance
            {
                count += 1
            }
        }
        return count
    }

    private func forEachPixel(_ body: (UInt8, UInt8, UInt8) -> Void) {
        pixels.withUnsafeBufferPointer { bytes in
            for start in Swift.stride(from: 0, to: bytes.count, by: channels) {
                body(bytes[start], bytes[start + 1], bytes[start + 2])
            }
        }
    }

    /// Undoes each row's filter (none, sub, up, average, Paeth) of `filtered`, rows that
    /// start with their filter byte.
    private static func unfilter(_ filtered: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt8] {
        let stride = width * channels
        var pixels = [UInt8](repeating: 0, count: height * stride)
        // Raw buffers: this loop visits every byte of a screenshot, in a debug build.
        try pixels.withUnsafeMutableBufferPointer { out in
            try filtered.withUnsafeBufferPointer { input in
                for row in 0..<height {
                    let filter = input[row * (stride + 1)]
                    guard filter <= 4 else { throw Malformed(description: "unknown filter \(filter) on row \(row)") }
                    let source = row * (stride + 1) + 1
                    let line = row * stride
                    for column in 0..<stride {
                        let left = column >= channels ? Int(out[line + column - channels]) : 0
                        let up = row > 0 ? Int(out[line - stride + column]) : 0
                        let corner = row > 0 && column >= channels ? Int(out[line - stride + column - channels]) : 0
                        let predictor: Int
                        switch filter {
                        case 1: predictor = left
                        case 2: predictor = up
                        case 3: predictor = (left + up) / 2
                        case 4: predictor = Self.paeth(left, up, corner)
                        default: predictor = 0
                        }
                        out[line + column] = UInt8(truncatingIfNeeded: Int(input[source + column]) + predictor)
                    }
                }
            }
        }
        return pixels
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
        return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
    }

    /// The zlib stream `compressed` inflated to `count` bytes.
    private static func inflate(_ compressed: [UInt8], count: Int, scratch: TemporaryDirectory) throws -> [UInt8] {
        let path = try scratch.write("idat.zlib", compressed)
        let reader = try GzipReader(file: FileReader(path: path))
        var output = [UInt8](repeating: 0, count: count)
        let got = try output.withUnsafeMutableBytes { try reader.readFully(into: $0) }
        guard got == count else { throw Malformed(description: "\(got) bytes of image data, \(count) expected") }
        return output
    }
}
