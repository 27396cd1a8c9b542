/// The words after `articled analyze`, split into its options (each with its value) and its file
/// operands, the way the parser reads them: a word starting with `-` (but `-`, standard input) is
/// an option; the options in `optionsTakingAValue` take the next word as their value unless it
/// is attached with `=`; after `--` every word is a file.
///
/// `Articled.main` uses it so that the file list does not go through swift-argument-parser's
/// array handling, which is quadratic in the number of values.
struct AnalyzeOperands {
    /// The options of `analyze` whose value is the next word (`--max-bytes 100000`). A test
    /// compares this list with the options the command's help shows with a value.
    static let optionsTakingAValue: Set<String> = ["--max-bytes", "--published", "--default-language"]

    var options: [String] = []
    var files: [String] = []

    init<Words: Sequence<String>>(_ words: Words) {
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            if word == "--" {
                while let file = iterator.next() { files.append(file) }
                break
            }
            guard word.hasPrefix("-"), word != "-" else {
                files.append(word)
                continue
            }
            options.append(word)
            if Self.optionsTakingAValue.contains(word), let value = iterator.next() { options.append(value) }
        }
    }
}
