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

    @Test func aKeyGivenTwiceToTheFlagsIsRefused() throws {
        #expect(throws: DuplicateTagError(key: "a", values: ["1", "2"])) {
            try Tag.parsingFlags(["a=1", "b=x", " a =2"])
        }
        #expect(
            DuplicateTagError(key: "a", values: ["1", "1"]).description
                == "--tag a is given 2 times (a=1, a=1): give each key once")
        #expect(try Tag.parsingFlags(["b=2", "a=1"]) == [Tag(key: "b", value: "2"), Tag(key: "a", value: "1")])
        #expect(throws: TagParseError(text: "x")) { try Tag.parsingFlags(["a=1", "x"]) }
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
