import Datasets
import TextOutput

/// The text of `tracker data list`: for each dataset, the directory it loads from and each
/// file's size and verification, or the places searched and how to get it.
///
///     mnist: /srv/data/mnist ($TRACKER_DATA)
///       train-images-idx3-ubyte.gz  9912422 bytes  verified
///       …
///     fashion-mnist: not found
///       /home/me/data/fashion-mnist (./data): no such directory
///       get it with `tracker data fetch fashion-mnist`
public enum DataListing {
    public static func render(_ surveys: [DatasetSurvey], explicitDirectory: String? = nil) -> String {
        surveys.map { render($0, explicitDirectory: explicitDirectory) }.joined(separator: "\n")
    }

    private static func render(_ survey: DatasetSurvey, explicitDirectory: String?) -> String {
        guard let location = survey.location else {
            let fetch =
                "tracker data fetch \(survey.dataset.name)" + (explicitDirectory.map { " --data-dir \($0)" } ?? "")
            return
                (["\(survey.dataset.name): not found"] + survey.scans.map { "  \($0)" } + ["  get it with `\(fetch)`"])
                .joined(separator: "\n") + "\n"
        }
        let names = survey.checks.map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }
        let sizes = survey.checks.map { $0.bytes.map(String.init) ?? "?" }
        let nameWidth = names.map(\.count).max() ?? 0
        let sizeWidth = sizes.map(\.count).max() ?? 0
        var lines = ["\(survey.dataset.name): \(location.directory)"]
        for (check, (name, size)) in zip(survey.checks, zip(names, sizes)) {
            lines.append(
                "  " + pad(name, to: nameWidth) + "  " + String(repeating: " ", count: sizeWidth - size.count) + size
                    + " bytes  " + status(check))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func status(_ check: FileCheck) -> String {
        switch check.status {
        case .verified: "verified"
        case .differs(let actual): "differs from the published data (md5 \(actual), expected \(check.file.contentMD5))"
        case .invalid(let error): "invalid: \(error.fault)"
        }
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
