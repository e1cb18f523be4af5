import Foundation
import RunQueries

/// The author's words to put beside the computed tables: a text file whose paragraphs
/// before the first heading introduce the report, and whose `## EXPERIMENT` sections
/// discuss that experiment's results. Paragraphs are separated by blank lines;
/// `backticks` mark code. Nothing in it is computed: numbers stay the tables' business.
public struct ReportNotes: Sendable, Hashable {
    public var introduction: [RichText]
    /// Paragraphs per experiment, and the line of the heading that opened them.
    public var sections: [String: (line: Int, paragraphs: [RichText])]

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
            let text = RichText(inlineCode: paragraph.joined(separator: " "))
            if let current { notes.sections[current]?.paragraphs.append(text) } else { notes.introduction.append(text) }
            paragraph = []
        }
        for (index, rawLine) in text.components(separatedBy: .newlines).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## ") || line == "##" {
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
    /// Text whose `backticked` parts are code.
    init(inlineCode text: String) {
        var spans: [Span] = []
        for (index, part) in text.components(separatedBy: "`").enumerated() where !part.isEmpty {
            spans.append(index % 2 == 1 ? .code(part) : .text(part))
        }
        self.init(spans)
    }
}
