import Foundation
import RunQueries

/// The author's words to put beside the computed tables: a text file whose paragraphs
/// before the first heading introduce the report, and whose `## EXPERIMENT` sections
/// discuss that experiment's results. Paragraphs are separated by blank lines;
/// `backticks` mark code, `[words](https://…)` link to a source, and a `### Title`
/// line is a heading within its part. Nothing in it is computed: numbers stay the
/// tables' business.
public struct ReportNotes: Sendable, Hashable {
    /// A paragraph, or a heading between paragraphs.
    public enum Block: Sendable, Hashable {
        case paragraph(RichText)
        case heading(String)
    }

    public var introduction: [Block]
    /// Blocks per experiment, and the line of the heading that opened them.
    public var sections: [String: (line: Int, paragraphs: [Block])]

    public static func == (lhs: ReportNotes, rhs: ReportNotes) -> Bool {
        lhs.introduction == rhs.introduction
            && lhs.sections.mapValues(\.paragraphs) == rhs.sections.mapValues(\.paragraphs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(introduction)
        hasher.combine(sections.mapValues(\.paragraphs))
    }

    /// Reads the notes file at `path`.
    public static func load(path: String) throws(ReportNotesError) -> ReportNotes {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ReportNotesError(
                file: path, line: nil, message: "cannot read the file (missing, unreadable or not UTF-8)")
        }
        return try parse(text, file: path)
    }

    /// Parses notes; `file` only labels errors.
    public static func parse(_ text: String, file: String) throws(ReportNotesError) -> ReportNotes {
        var notes = ReportNotes(introduction: [], sections: [:])
        var current: String?
        var paragraph: [String] = []
        func endParagraph() {
            guard !paragraph.isEmpty else { return }
            add(.paragraph(RichText(notes: paragraph.joined(separator: " "))))
            paragraph = []
        }
        func add(_ block: Block) {
            if let current {
                notes.sections[current]?.paragraphs.append(block)
            } else {
                notes.introduction.append(block)
            }
        }
        for (index, rawLine) in text.components(separatedBy: .newlines).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("### ") {
                endParagraph()
                add(.heading(String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces)))
            } else if line.hasPrefix("## ") || line == "##" {
                endParagraph()
                let name = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    throw ReportNotesError(
                        file: file, line: index + 1, message: "a section heading needs an experiment name")
                }
                guard notes.sections[name] == nil else {
                    throw ReportNotesError(file: file, line: index + 1, message: "a second section for '\(name)'")
                }
                notes.sections[name] = (index + 1, [])
                current = name
            } else if line.isEmpty {
                endParagraph()
            } else {
                paragraph.append(line)
            }
        }
        endParagraph()
        return notes
    }

    /// Checks that every section names an experiment of the report.
    func check(against experiments: [String], file: String) throws(ReportNotesError) {
        for (name, section) in sections.sorted(by: { $0.value.line < $1.value.line })
        where !experiments.contains(name) {
            throw ReportNotesError(
                file: file, line: section.line,
                message: "'## \(name)' names no experiment of the report (experiments: "
                    + experiments.joined(separator: ", ") + ")")
        }
    }
}

extension ReportNotes.Block {
    /// The block in a report: a heading at `level`, anchored by its slug after `anchorPrefix`.
    func reportBlock(level: Int, anchorPrefix: String) -> ReportBlock {
        switch self {
        case .paragraph(let text): .paragraph(text)
        case .heading(let text): .heading(level: level, text: text, anchor: anchorPrefix + SectionContext.slug(text))
        }
    }
}

/// A fault in a notes file, as one line: `notes.md:12: …`.
public struct ReportNotesError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}

extension RichText {
    /// Text whose `backticked` parts are code and whose `[words](https://…)` link to
    /// the address (http and https only; anything else stays text as written).
    init(notes text: String) {
        var spans: [Span] = []
        for (index, part) in text.components(separatedBy: "`").enumerated() where !part.isEmpty {
            if index % 2 == 1 { spans.append(.code(part)) } else { spans += Self.linked(part) }
        }
        self.init(spans)
    }

    /// `part` as text with its web links.
    private static func linked(_ part: String) -> [Span] {
        var spans: [Span] = []
        var rest = Substring(part)
        while let match = rest.firstMatch(of: Self.webLink) {
            if match.range.lowerBound > rest.startIndex { spans.append(.text(String(rest[..<match.range.lowerBound]))) }
            spans.append(.web(String(match.output.1), url: String(match.output.2)))
            rest = rest[match.range.upperBound...]
        }
        if !rest.isEmpty { spans.append(.text(String(rest))) }
        return spans
    }

    nonisolated(unsafe) private static let webLink = /\[([^\]\[]+)\]\((https?:\/\/[^\s()<>"]+)\)/
}
