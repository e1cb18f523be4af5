import Datasets

/// Which images of the training split a run with a train limit keeps.
public enum TrainSubset: String, CaseIterable, Sendable, Codable {
    /// The first N, in file order.
    case first
    /// As many of each class: with C classes, `N / C` of each, and one more for each of
    /// the `N mod C` lowest class indices; within a class, its first images in file order.
    /// The kept images stay in file order.
    case balanced
}

/// A balanced subset that the split cannot fill.
public struct SubsetError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

extension ImageSet {
    /// The indices of a ``TrainSubset/balanced`` subset of `count` images, in file order.
    ///
    /// - Throws: ``SubsetError`` when a class has fewer images than its share.
    public func balancedIndices(count: Int) throws(SubsetError) -> [Int] {
        let classes = classCount
        let quota = (0..<classes).map { count / classes + ($0 < count % classes ? 1 : 0) }
        var taken = Array(repeating: 0, count: classes)
        var indices: [Int] = []
        indices.reserveCapacity(count)
        for (index, label) in labels.enumerated() where taken[Int(label)] < quota[Int(label)] {
            taken[Int(label)] += 1
            indices.append(index)
        }
        if let short = (0..<classes).first(where: { taken[$0] < quota[$0] }) {
            throw SubsetError(
                description:
                    "a balanced subset of \(count) training images needs \(quota[short]) of class \(short), "
                    + "but the training split has \(taken[short])")
        }
        return indices
    }
}
