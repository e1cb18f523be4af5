import RunQueries

/// Commands as a reader pastes them into a POSIX shell.
enum ShellWords {
    /// `word` as the shell reads it back: as it is when it holds only safe characters,
    /// else in single quotes (a quote inside written `'\''`).
    static func quote(_ word: String) -> String {
        let safe =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "-_./:=,@+%".unicodeScalars.contains(scalar))
            }
        return safe ? word : "'" + word.replacing("'", with: "'\\''") + "'"
    }

    /// `word` in double quotes, which read better than single ones around text that
    /// holds single quotes: `"`, `\`, `$` and `` ` `` escaped by a backslash.
    static func doubleQuoted(_ word: String) -> String {
        var out = "\""
        for character in word {
            if "\"\\$`".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }

    /// The words quoted and joined by spaces.
    static func line(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
