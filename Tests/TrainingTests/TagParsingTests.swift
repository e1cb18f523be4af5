import Testing
import Training

typealias Tag = Training.Tag

/// `--tag key=value` as typed, and how the flags' tags meet an experiment file's.
@Suite struct TagParsingTests {
    @Test(arguments: [
        ("owner=me", Tag(key: "owner", value: "me")),
        (" owner =me", Tag(key: "owner", value: "me")),
        ("note=a=b", Tag(key: "note", value: "a=b")),
        ("note= spaced ", Tag(key: "note", value: " spaced ")),
        ("empty=", Tag(key: "empty", value: "")),
    ])
    func parses(text: String, tag: Tag) throws {
        #expect(try Tag(parsing: text) == tag)
    }

    @Test(arguments: ["novalue", "=value", "  =value", "", "="])
    func refuses(text: String) {
        #expect(throws: TagParseError(text: text)) { try Tag(parsing: text) }
    }

    @Test func refusalNamesTheFlagAndTheValue() {
        #expect(TagParseError(text: "novalue").description == "--tag novalue: expected key=value with a non-empty key")
    }

    @Test func flagsWinOnEqualKeysAndTheResultIsSortedByKey() {
        let file = [Tag(key: "study", value: "seed"), Tag(key: "owner", value: "file"), Tag(key: "a", value: "1")]
        let flags = [Tag(key: "zeta", value: "z"), Tag(key: "owner", value: "flag")]
        #expect(
            Tag.merged(file: file, flags: flags) == [
                Tag(key: "a", value: "1"), Tag(key: "owner", value: "flag"), Tag(key: "study", value: "seed"),
                Tag(key: "zeta", value: "z"),
            ])
        #expect(Tag.merged(file: [], flags: []) == [])
        #expect(Tag.merged(file: file, flags: []).map(\.key) == ["a", "owner", "study"])
    }
}
