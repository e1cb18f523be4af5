/// A row-major `Float` matrix that owns its memory and can shrink to fewer rows without
/// reallocating.
///
/// The buffers of a training step are sized once for the largest batch; the last, partial
/// batch of an epoch uses the same memory with ``rows`` set lower (row-major storage keeps
/// the first rows contiguous). Shapes are checked with preconditions: a mismatch is a bug
/// in the engine, not a user error.
///
/// A reference type on purpose: layers hand the same buffer to the next layer as input,
/// and nothing inside the batch loop may allocate or copy.
///
/// The memory is reached only through ``withUnsafeBufferPointer(_:)`` and
/// ``withUnsafeMutableBufferPointer(_:)``: the pointer lives for one closure, during which
/// the matrix is kept alive, so no pointer can outlive the memory it points to.
public final class Matrix {
    /// Rows in use, `0...capacityRows`.
    public private(set) var rows: Int
    /// Elements per row.
    public let columns: Int
    /// Rows the storage can hold.
    public let capacityRows: Int
    /// `capacityRows × columns` elements, row-major; only the first `rows × columns` are
    /// meaningful.
    private let storage: UnsafeMutablePointer<Float>

    /// A zero-filled matrix of `rows × columns` that can later hold up to `capacityRows` rows.
    public init(rows: Int, columns: Int, capacityRows: Int? = nil) {
        let capacity = capacityRows ?? rows
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        precondition(capacity >= rows, "capacity below the row count")
        self.rows = rows
        self.columns = columns
        self.capacityRows = capacity
        // Never a zero-byte allocation, so `storage` is always a valid pointer.
        let count = Swift.max(1, capacity * columns)
        storage = UnsafeMutablePointer<Float>.allocate(capacity: count)
        storage.initialize(repeating: 0, count: count)
    }

    /// A `rows × columns` matrix holding `values` in row-major order.
    public convenience init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "matrix values do not match its shape")
        self.init(rows: rows, columns: columns)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.update(from: base, count: values.count) }
        }
    }

    deinit {
        storage.deallocate()
    }

    /// Elements in use (`rows × columns`).
    public var count: Int { rows * columns }

    /// Calls `body` with the ``count`` elements in use, row-major. The buffer's base address
    /// is never `nil` (even for an empty matrix) and is valid only until `body` returns.
    @inline(__always)
    public func withUnsafeBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<Float>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withExtendedLifetime(self) { () throws(Failure) -> Result in
            try body(UnsafeBufferPointer(start: storage, count: count))
        }
    }

    /// Calls `body` with the ``count`` elements in use, row-major, for reading and writing.
    /// The buffer's base address is never `nil` and is valid only until `body` returns.
    @inline(__always)
    public func withUnsafeMutableBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withExtendedLifetime(self) { () throws(Failure) -> Result in
            try body(UnsafeMutableBufferPointer(start: storage, count: count))
        }
    }

    /// Uses the first `newRows` rows of the storage; never allocates.
    public func resize(rows newRows: Int) {
        precondition(newRows >= 0 && newRows <= capacityRows, "rows \(newRows) exceed the capacity \(capacityRows)")
        rows = newRows
    }

    /// The element at `row`, `column`.
    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "matrix index out of range")
            return storage[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "matrix index out of range")
            storage[row * columns + column] = newValue
        }
    }

    /// The elements in use, row-major.
    public var values: [Float] {
        Array(UnsafeBufferPointer(start: storage, count: count))
    }

    /// Overwrites the elements in use with `values` (row-major).
    public func assign(_ values: [Float]) {
        precondition(values.count == count, "\(values.count) values for a \(rows)×\(columns) matrix")
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.update(from: base, count: count) }
        }
    }

    /// Sets every element in use to `value`.
    public func fill(_ value: Float) {
        storage.update(repeating: value, count: count)
    }
}
