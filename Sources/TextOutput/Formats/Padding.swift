/// `text` padded with spaces to `width` terminal columns, on the left when `right`.
public func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    return right ? padding + text : text + padding
}
