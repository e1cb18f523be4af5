import Datasets

extension Workspace {
    /// Converts the images `index(0) … index(rows − 1)` of `set` into `input` (pixels scaled
    /// to `[0, 1]` as `byte / 255`, like torchvision's `ToTensor`, or copied from the set's
    /// `intensities` when it has them) and their labels into `labels`, after sizing the
    /// workspace to `rows`. Uses up to ``threads`` threads.
    @inline(__always)
    func load(_ set: ImageSet, rows: Int, index: (Int) -> Int) {
        precondition(set.featureCount == input.columns, "image size differs from the network's input")
        if let intensities = set.intensities {
            return load(intensities, labels: set.labels, features: set.featureCount, rows: rows, index: index)
        }
        if rows != self.rows { resize(rows: rows) }
        let features = set.featureCount
        let destinationLabels = labels
        let threads = self.threads
        input.withUnsafeMutableBufferPointer { destination in
            set.pixels.withUnsafeBufferPointer { pixels in
                set.labels.withUnsafeBufferPointer { setLabels in
                    Parallel.forEachPart(of: rows, elementsPerItem: features, threads: threads) { part in
                        for row in part {
                            let image = index(row)
                            let from = UnsafeBufferPointer(rebasing: pixels[image * features..<(image + 1) * features])
                            let to = UnsafeMutableBufferPointer(
                                rebasing: destination[row * features..<(row + 1) * features])
                            for j in 0..<features { to[j] = Float(from[j]) / 255 }
                            destinationLabels[row] = setLabels[image]
                        }
                    }
                }
            }
        }
    }

    /// `load(_:rows:index:)` for a set whose intensities are given as floats.
    private func load(_ intensities: [Float], labels setLabels: [UInt8], features: Int, rows: Int, index: (Int) -> Int)
    {
        if rows != self.rows { resize(rows: rows) }
        let destinationLabels = labels
        input.withUnsafeMutableBufferPointer { destination in
            intensities.withUnsafeBufferPointer { values in
                for row in 0..<rows {
                    let image = index(row)
                    let to = UnsafeMutableBufferPointer(rebasing: destination[row * features..<(row + 1) * features])
                    _ = to.update(fromContentsOf: values[image * features..<(image + 1) * features])
                    destinationLabels[row] = setLabels[image]
                }
            }
        }
    }

    /// Loads the images whose indices are `order[start ..< start + rows]`.
    func load(_ set: ImageSet, order: UnsafeMutableBufferPointer<Int32>, start: Int, rows: Int) {
        precondition(start >= 0 && start + rows <= order.count, "batch outside the epoch order")
        load(set, rows: rows) { Int(order[start + $0]) }
    }

    /// Loads the consecutive images `start ..< start + rows`.
    func load(_ set: ImageSet, start: Int, rows: Int) {
        precondition(start >= 0 && start + rows <= set.count, "batch outside the set")
        load(set, rows: rows) { start + $0 }
    }
}
