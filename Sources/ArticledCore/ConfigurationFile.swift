import Foundation
import Logging

/// One problem found in a configuration file, located by line and key so an operator can fix it.
public struct ConfigurationIssue: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    /// The key as written with its section, e.g. "processing.workers"; empty for a line with no key.
    public var key: String
    public var message: String

    public var description: String { key.isEmpty ? "line \(line): \(message)" : "line \(line): \(key): \(message)" }
}

/// A configuration file that could not be read or holds errors; lists every issue, not only the first.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var issues: [ConfigurationIssue]

    public var description: String {
        issues.map { issue in
            let location = "\(path):\(issue.line)"
            return issue.key.isEmpty ? "\(location): \(issue.message)" : "\(location): \(issue.key): \(issue.message)"
        }.joined(separator: "\n")
    }
}

/// Reads articled's configuration file: an INI-style text with `[section]` headers and
/// `key = value` lines, `#` comments. Every key is optional (see config/articled.conf).
///
/// Unknown keys are errors rather than ignored: a misspelt `max_byte` silently doing nothing is
/// the kind of surprise an operator finds at 3 a.m.
public enum ConfigurationFile {
    /// Reads and validates the file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> DaemonConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, issues: [ConfigurationIssue(line: 0, key: "", message: "cannot read the file (missing or no permission)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, issues: [ConfigurationIssue(line: 0, key: "", message: "the file is not UTF-8 text")])
        }
        return try parse(text, path: path)
    }

    /// Parses configuration text; `path` only labels errors.
    public static func parse(_ text: String, path: String = "<config>") throws(ConfigurationError) -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        var issues: [ConfigurationIssue] = []
        var section = ""
        var seen: [String: Int] = [:]

        // CRLF line endings (a file edited on Windows) end lines too; "\r\n" is one Character.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = stripComment(rawLine).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    issues.append(ConfigurationIssue(line: lineNumber, key: "", message: "a section header must end with ']'"))
                    continue
                }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if Key.sections[section] == nil {
                    issues.append(ConfigurationIssue(line: lineNumber, key: section, message: "unknown section; known sections: \(Key.sections.keys.sorted().joined(separator: ", "))"))
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                issues.append(ConfigurationIssue(line: lineNumber, key: "", message: "expected 'key = value' or '[section]'"))
                continue
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = unquote(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            let fullKey = section.isEmpty ? name : "\(section).\(name)"
            if section.isEmpty {
                let owner = Key.sections.first { $0.value.contains(name) }?.key ?? "processing"
                let hint = owner == "processing" ? "" : " (\(name) belongs in [\(owner)])"
                issues.append(ConfigurationIssue(line: lineNumber, key: name, message: "a key must be inside a section such as [processing]\(hint)"))
                continue
            }
            guard let key = Key(rawValue: fullKey) else {
                let known = Key.sections[section].map { "; keys in [\(section)]: \($0.joined(separator: ", "))" } ?? ""
                issues.append(ConfigurationIssue(line: lineNumber, key: fullKey, message: "unknown key\(known)"))
                continue
            }
            if let first = seen[fullKey] {
                issues.append(ConfigurationIssue(line: lineNumber, key: fullKey, message: "set twice (first on line \(first))"))
                continue
            }
            seen[fullKey] = lineNumber
            if let problem = key.apply(value, to: &configuration) {
                issues.append(ConfigurationIssue(line: lineNumber, key: fullKey, message: problem))
            }
        }
        if !issues.isEmpty { throw ConfigurationError(path: path, issues: issues) }
        return configuration
    }

    private static func stripComment(_ line: Substring) -> String {
        var inQuotes = false
        for index in line.indices {
            let c = line[index]
            if c == "\"" { inQuotes.toggle() }
            if c == "#" && !inQuotes { return String(line[..<index]) }
        }
        return String(line)
    }

    private static func unquote(_ value: String) -> String {
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { return String(value.dropFirst().dropLast()) }
        return value
    }

    /// Every key the file may set, with how its value is read.
    enum Key: String, CaseIterable {
        case spoolRoot = "spool.root"
        case workers = "processing.workers"
        case maxBytes = "processing.max_bytes"
        case afterSuccess = "processing.after_success"
        case queueLimit = "processing.queue_limit"
        case rescanSeconds = "processing.rescan_seconds"
        case logLevel = "logging.level"
        case defaultLanguage = "analysis.default_language"
        case quotes = "analysis.quotes"
        case indexEnabled = "index.enabled"
        case indexPath = "index.path"
        case duplicateThreshold = "index.duplicate_threshold"
        case largeInputBytes = "processing.large_input_bytes"
        case largeInputWorkers = "processing.large_input_workers"

        static let sections: [String: [String]] = Dictionary(grouping: allCases.map(\.rawValue)) {
            String($0.split(separator: ".")[0])
        }.mapValues { $0.map { String($0.split(separator: ".")[1]) } }

        /// Sets the value, or returns why it cannot be used.
        func apply(_ value: String, to configuration: inout DaemonConfiguration) -> String? {
            switch self {
            case .spoolRoot:
                guard value.hasPrefix("/") else { return "must be an absolute path, got '\(value)'" }
                configuration.spoolRoot = value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
            case .workers:
                guard let n = Int(value), (0...256).contains(n) else { return "must be a whole number from 0 (two per core) to 256, got '\(value)'" }
                configuration.workers = n
            case .maxBytes:
                guard let n = Self.byteCount(value), n > 0 else { return "must be a size such as 16777216, 512 KiB or 16 MiB, got '\(value)'" }
                configuration.maxBytes = n
            case .afterSuccess:
                guard let mode = DaemonConfiguration.AfterSuccess(rawValue: value) else { return "must be 'move' (to processed/) or 'delete', got '\(value)'" }
                configuration.afterSuccess = mode
            case .queueLimit:
                guard let n = Int(value), (1...100_000).contains(n) else { return "must be a whole number from 1 to 100000, got '\(value)'" }
                configuration.queueLimit = n
            case .rescanSeconds:
                guard let n = Double(value), n >= 1, n <= 86_400 else { return "must be a number of seconds from 1 to 86400, got '\(value)'" }
                configuration.rescanSeconds = n
            case .logLevel:
                guard let level = Logger.Level(rawValue: value.lowercased()) else {
                    return "must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), got '\(value)'"
                }
                configuration.logLevel = level
            case .defaultLanguage:
                if value == "none" { configuration.defaultLanguage = nil; return nil }
                guard value.count == 2, value.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
                    return "must be a two-letter ISO 639-1 code such as 'en', or 'none', got '\(value)'"
                }
                configuration.defaultLanguage = value
            case .quotes:
                guard let learned = ["rules": false, "learned": true][value] else { return "must be 'rules' or 'learned', got '\(value)'" }
                configuration.learnedQuotes = learned
            case .indexEnabled:
                guard let enabled = ["true": true, "false": false][value.lowercased()] else { return "must be true or false, got '\(value)'" }
                configuration.indexEnabled = enabled
            case .indexPath:
                guard value.hasPrefix("/") else { return "must be an absolute path, got '\(value)'" }
                configuration.indexPath = value
            case .duplicateThreshold:
                guard let n = Double(value), n > 0, n <= 1 else { return "must be a number above 0 and at most 1, got '\(value)'" }
                configuration.duplicateThreshold = n
            case .largeInputBytes:
                guard let n = Self.byteCount(value), n > 0 else { return "must be a size such as 4194304, 512 KiB or 4 MiB, got '\(value)'" }
                configuration.largeInputBytes = n
            case .largeInputWorkers:
                guard let n = Int(value), (1...256).contains(n) else { return "must be a whole number from 1 to 256, got '\(value)'" }
                configuration.largeInputWorkers = n
            }
            return nil
        }

        static func byteCount(_ text: String) -> Int? {
            let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1)]
            for (suffix, scale) in units where text.hasSuffix(suffix) {
                let number = text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
                guard let n = Int(number), n <= Int.max / scale else { return nil }
                return n * scale
            }
            return Int(text)
        }
    }
}
