import Foundation
import SQLite
import Testing

/// Values written with the typed and dynamic binds read back identical.
@Suite struct RoundTripTests {
    let database: Database

    init() throws {
        database = try Database(path: ":memory:")
        // No declared type: no column affinity converts what is stored.
        try database.execute("CREATE TABLE t(v)")
    }

    /// Stores `value` through the dynamic bind, reads it back and its SQL type.
    func roundTrip(_ value: SQLiteValue) throws -> (value: SQLiteValue, type: String) {
        try database.execute("DELETE FROM t")
        try database.execute("INSERT INTO t(v) VALUES (?)", [value])
        let row = try #require(try database.fetchOne("SELECT v, typeof(v) FROM t"))
        return (row[0], row[1].string ?? "")
    }

    @Test(arguments: [Int64.min, -1, 0, 1, 42, Int64.max])
    func integers(value: Int64) throws {
        #expect(try roundTrip(.integer(value)) == (.integer(value), "integer"))
        let insert = try database.prepare("SELECT ?")
        insert.bind(value, at: 1)
        #expect(try insert.step())
        #expect(insert.int64(at: 0) == value)
        #expect(insert.int(at: 0) == Int(value))
    }

    @Test(arguments: [0.0, -0.0, 0.1, -2.5e-300, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude])
    func doubles(value: Double) throws {
        let stored = try roundTrip(SQLiteValue(value))
        #expect(stored.type == "real")
        #expect(stored.value.double?.bitPattern == value.bitPattern || (value == 0 && stored.value.double == 0))
    }

    @Test(arguments: [Double.infinity, -Double.infinity])
    func infinitiesRoundTripAsReals(value: Double) throws {
        #expect(try roundTrip(SQLiteValue(value)) == (.real(value), "real"))
        let statement = try database.prepare("SELECT ?, ? > 1e308, ? < -1e308")
        for index in 1...3 { statement.bind(value, at: index) }
        #expect(try statement.step())
        #expect(statement.double(at: 0) == value)
        #expect(!statement.isNull(at: 0))
        #expect(statement.int64(at: 1) == (value > 0 ? 1 : 0))
        #expect(statement.int64(at: 2) == (value < 0 ? 1 : 0))
    }

    @Test func nanIsStoredAsNull() throws {
        #expect(SQLiteValue(Double.nan) == .null)
        #expect(SQLiteValue(-Double.nan) == .null)
        #expect(SQLiteValue(floatLiteral: .nan) == .null)
        #expect(try roundTrip(SQLiteValue(Double.nan)) == (.null, "null"))

        let typed = try database.prepare("SELECT ?, typeof(?)")
        typed.bind(Double.nan, at: 1)
        typed.bind(Double.signalingNaN, at: 2)
        #expect(try typed.step())
        #expect(typed.isNull(at: 0))
        #expect(typed.optionalDouble(at: 0) == nil)
        #expect(typed.string(at: 1) == "null")
    }

    @Test(arguments: ["", "plain", "é, ü, ß", "漢字かな", "🙂👩‍👩‍👧", "it's \"quoted\"; DROP TABLE t; --", "nul\u{0}inside"])
    func strings(value: String) throws {
        #expect(try roundTrip(.text(value)) == (.text(value), "text"))
        let typed = try database.prepare("SELECT ?, length(CAST(? AS BLOB))")
        typed.bind(value, at: 1)
        typed.bind(value, at: 2)
        #expect(try typed.step())
        #expect(typed.string(at: 0) == value)
        #expect(typed.int(at: 1) == value.utf8.count)
        #expect(!typed.isNull(at: 0))
    }

    @Test func emptyBlobIsNotNull() throws {
        #expect(try roundTrip(.blob([])) == (.blob([]), "blob"))
        #expect(try roundTrip(SQLiteValue(Data())) == (.blob([]), "blob"))
    }

    @Test func tenMegabyteBlob() throws {
        let size = 10 * 1024 * 1024
        // A pattern that differs at every offset modulo 251 (prime), so a shifted or
        // truncated copy can't compare equal.
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let insert = try database.prepare("INSERT INTO t(v) VALUES (?)")
        insert.bind(Data(bytes), at: 1)
        #expect(try !insert.step())
        let select = try database.prepare("SELECT v, length(v) FROM t")
        #expect(try select.step())
        #expect(select.int(at: 1) == size)
        #expect(select.blob(at: 0) == bytes)
        #expect(select.data(at: 0) == Data(bytes))
    }

    @Test func nullAndOptionals() throws {
        #expect(try roundTrip(nil) == (.null, "null"))
        #expect(SQLiteValue(Int?.none) == .null)
        #expect(SQLiteValue(String?.none) == .null)
        #expect(SQLiteValue(Double?.none) == .null)
        #expect(SQLiteValue(Int?(3)) == .integer(3))
        let statement = try database.prepare("SELECT NULL")
        #expect(try statement.step())
        #expect(statement.isNull(at: 0))
        #expect(statement.optionalInt(at: 0) == nil)
        #expect(statement.optionalString(at: 0) == nil)
        // Typed reads of NULL convert as SQLite documents.
        #expect(statement.int64(at: 0) == 0)
        #expect(statement.string(at: 0) == "")
        #expect(statement.blob(at: 0) == [])
    }

    @Test func dynamicValueAccessors() {
        #expect(SQLiteValue.real(3.0).int64 == 3)
        #expect(SQLiteValue.real(3.5).int64 == nil)
        #expect(SQLiteValue.integer(7).double == 7)
        #expect(SQLiteValue.text("7").int64 == nil)
        #expect(SQLiteValue.blob([0xAB, 0x01]).description == "x'ab01'")
        #expect(SQLiteValue.null.description == "")
        #expect(SQLiteValue.integer(-4).description == "-4")
    }
}
