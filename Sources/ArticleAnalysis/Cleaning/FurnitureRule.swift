/// The rules that recognise page furniture: text a web page puts around an article that is not
/// part of it. Each rule's raw value is the name reported in `removed[].rule`.
///
/// The rules describe shapes, not particular pages: a line made only of sharing-button words, a
/// label ending in a colon, a photo credit, a pull-quote attribution, a short line with no sentence
/// punctuation at the end of the article. See docs/analysis.md for the list with examples.
public enum FurnitureRule: String, Sendable, CaseIterable {
    /// Only sharing-button words: "Share.", "Share this:", "Tweet", "Facebook Twitter Email".
    case share
    /// Comment-section chrome: "Comments are closed.", "Leave a reply", "12 comments".
    case comments
    /// Only a capitalised label and a colon, at the end of the text: "Disclosure:", "Filed under:",
    /// "Tags:". In the body such a line heads what follows ("Scorers:", "In Vinnytsya:") and stays.
    case label
    /// A photo caption or credit: "… Image: Nicholas Moreau.", "(Photo: Reuters)", "Credit: AP".
    case caption
    /// A stand-alone pull-quote attribution line: "—Troy Roberts", " – USCG dispatcher, CNN".
    case attribution
    /// A map or chart legend entry starting with a block glyph: "██ Syrian Democratic Forces".
    case legend
    /// Breadcrumbs and menus: "Home | World | Europe", "News › Politics › Elections".
    case navigation
    /// Site chrome phrases: "Advertisement", "Skip to content", "Read more", "© 2019 Example Ltd".
    case boilerplate
    /// The heading of a trailing section that is not the article: "Sources", "Related news",
    /// "External links", "See also", "References".
    case sectionHeading = "section-heading"
    /// A line under such a heading (a citation, a link title, a list entry).
    case sectionContent = "section-content"
    /// A citation line: `Name (date) "Title" — Publisher`, `"Title" – Publisher, 4 January 2019`.
    case citation
    /// A numbered note without sentence punctuation, in a block of such notes: "1. Unofficial results".
    case footnote
    /// At the end of the text, after the last prose and apart from it: a short line without
    /// sentence punctuation and without a stand-alone shape (`LineShape`), such as the "Location"
    /// box of a page or a gallery's captions. Never used in the body: a short line there is kept.
    case tail

    /// Rules that hold wherever the line stands.
    static func anywhere(_ line: TextLine) -> FurnitureRule? {
        if line.words > 40 { return nil }
        if isLegend(line) { return .legend }
        if isAttribution(line) { return .attribution }
        if isCaption(line) { return .caption }
        guard line.words <= 12 else { return nil }
        if isShare(line) { return .share }
        let key = line.key
        if isComments(key, line) { return .comments }
        if isBoilerplate(key, line) { return .boilerplate }
        if isNavigation(line) { return .navigation }
        return nil
    }

    // MARK: Share buttons

    static let shareCore: Set<String> = [
        "share", "shares", "shared", "tweet", "retweet", "email", "e-mail", "mail", "print", "facebook", "twitter",
        "linkedin", "whatsapp", "pinterest", "reddit", "telegram", "tumblr", "flipboard", "messenger", "pocket",
        "sms", "copy", "pin",
    ]
    static let shareExtra: Set<String> = [
        "this", "on", "via", "it", "to", "the", "article", "story", "page", "post", "link", "save", "x", "with",
        "friends", "a", "friend", "by", "or", "and", "us", "follow",
    ]

    static func isShare(_ line: TextLine) -> Bool {
        guard line.words <= 8 else { return false }
        var core = 0
        for chunk in line.chunks {
            var start = chunk.lowerBound, end = chunk.upperBound
            while start < end, !ScalarClass.isLetterOrDigit(line.scalars[start]) { start += 1 }
            while end > start, !ScalarClass.isLetterOrDigit(line.scalars[end - 1]) { end -= 1 }
            if start == end { continue }  // a separator such as "|" or "·"
            let word = line.scalars.lowercasedString(start..<end)
            if shareCore.contains(word) { core += 1 } else if !shareExtra.contains(word) { return false }
        }
        return core > 0
    }

    // MARK: Comments

    static let commentPhrases: Set<String> = [
        "comments are closed", "comments closed", "comments are disabled", "comments are turned off",
        "commenting is closed", "commenting is disabled", "leave a comment", "leave a reply", "post a comment",
        "add a comment", "add comment", "comments", "comment", "view comments", "show comments", "hide comments",
        "be the first to comment", "join the discussion", "join the conversation", "no comments", "reply",
        "load more comments", "read comments", "see comments",
    ]

    static func isComments(_ key: String, _ line: TextLine) -> Bool {
        if commentPhrases.contains(key) { return true }
        // "12 comments", "Comments (3)", "1 comment".
        guard line.words <= 3 else { return false }
        let parts = key.split(separator: " ")
        if parts.count == 2, parts[0].allSatisfy(\.isNumber), parts[1] == "comments" || parts[1] == "comment" { return true }
        if parts.count == 2, parts[0] == "comments", parts[1].hasPrefix("("), parts[1].hasSuffix(")") { return true }
        return false
    }

    // MARK: Boilerplate

    static let boilerplatePhrases: Set<String> = [
        "advertisement", "advertisements", "advertising", "sponsored", "sponsored content", "skip to content",
        "skip to main content", "skip to navigation", "back to top", "read more", "read more here",
        "continue reading", "subscribe", "subscribe now", "sign up", "log in", "login", "sign in", "register",
        "newsletter", "sign up for our newsletter", "menu", "main menu", "search", "home", "loading", "click here",
        "all rights reserved", "next article", "previous article", "next story", "previous story",
        "print this article", "email this article", "follow us", "follow us on twitter", "like us on facebook",
        "play video", "watch video", "toggle navigation", "close", "open menu", "cookie policy",
        "privacy policy", "terms of use", "terms and conditions", "contact us", "about us",
        "this article is more than 1 year old", "story continues below advertisement", "enlarge this image",
        "hide caption", "toggle caption", "show caption", "view image", "view gallery", "photo gallery",
        "listen to this article", "you might also like", "recommended for you", "trending now", "most popular",
        "most read", "top stories",
    ]

    static func isBoilerplate(_ key: String, _ line: TextLine) -> Bool {
        if boilerplatePhrases.contains(key) { return true }
        if line.words <= 15, let first = line.scalars.first, first == "©" { return true }
        if key.hasPrefix("copyright ") && line.words <= 15 && (key.contains("©") || key.contains("(c)") || key.contains("rights")) {
            return true
        }
        if key.hasSuffix("all rights reserved") && line.words <= 15 { return true }
        return false
    }

    // MARK: Labels

    static let labelConnectors: Set<String> = ["of", "and", "the", "to", "by", "on", "for", "in", "&", "under"]

    /// One to three words ending in a colon, none of them a lower-case content word: "Disclosure:",
    /// "Filed under:", "Tags:". "He continued:" is a lead-in (the verb is lower case), not a label.
    static func isLabel(_ line: TextLine) -> Bool {
        guard line.words >= 1, line.words <= 3, line.scalars.last == ":", line.startsCapitalized else { return false }
        for (n, chunk) in line.chunks.enumerated() where n > 0 {
            let first = line.scalars[chunk.lowerBound]
            if ScalarClass.isLowercase(first) {
                var end = chunk.upperBound
                if line.scalars[end - 1] == ":" { end -= 1 }
                if !labelConnectors.contains(line.scalars.lowercasedString(chunk.lowerBound..<end)) { return false }
            }
        }
        return true
    }

    // MARK: Captions

    static let creditMarkers: Set<String> = [
        "image", "images", "photo", "photos", "photograph", "picture", "credit", "credits", "illustration",
        "graphic", "video", "photo credit", "image credit", "image source", "file photo",
    ]

    /// A credit marker ("Image:", "Photo:", "Credit:") at the start of the line, after a period or
    /// an opening parenthesis, followed by a short credit that ends the line.
    static func isCaption(_ line: TextLine) -> Bool {
        let s = line.scalars
        guard s.contains(":") else { return false }
        let chunks = line.chunks
        for (n, chunk) in chunks.enumerated() {
            guard s[chunk.upperBound - 1] == ":" else { continue }
            var start = chunk.lowerBound
            if s[start] == "(" { start += 1 }
            guard start < chunk.upperBound - 1, ScalarClass.isUppercase(s[start]) else { continue }
            var word = s.lowercasedString(start..<(chunk.upperBound - 1))
            // Two-word markers: "Photo credit:".
            if n > 0, !creditMarkers.contains(word) {
                word = s.lowercasedString(chunks[n - 1]) + " " + word
            }
            guard creditMarkers.contains(word) else { continue }
            let wordsAfter = chunks.count - n - 1
            guard wordsAfter >= 1, wordsAfter <= 8 else { continue }
            // The marker starts the line, follows a sentence, or opens a parenthesis.
            if n == 0 || s[chunk.lowerBound] == "(" { return true }
            let before = chunks[n - 1]
            let last = s[before.upperBound - 1]
            if last == "." || last == ")" || last == "!" || last == "?" || ScalarClass.isLetterOrDigit(last) { return true }
        }
        return false
    }

    // MARK: Pull-quote attributions

    /// A stand-alone line that starts with a dash and names who said something (the pull quote
    /// itself is usually lost when a page is copied as text).
    static func isAttribution(_ line: TextLine) -> Bool {
        guard line.isStandalone, line.words >= 1, line.words <= 16, let first = line.scalars.first else { return false }
        if ScalarClass.isDash(first) { return true }
        if first == "-" && line.scalars.count > 1 && (line.scalars[1] == " " || line.scalars[1] == "-") {
            return !line.endsLikeSentence || line.words <= 6
        }
        return false
    }

    // MARK: Bylines

    static let bylineConnectors: Set<String> = ["and", "in", "for", "of", "the", "staff", "de", "van", "von", "al", "bin"]

    /// "By" and then only names: capitalised words, connectors, commas, a trailing agency. A byline
    /// is not furniture: it stays as a paragraph of its own and is reported as `byline`.
    static func isByline(_ line: TextLine) -> Bool {
        // Asked of every paragraph: most lines are refused before they are split into chunks.
        guard line.words <= 10, let first = line.scalars.first, first == "B" || first == "b" else { return false }
        let chunks = line.chunks
        guard chunks.count >= 2, chunks.count <= 10, !line.endsLikeSentence else { return false }
        guard line.scalars.lowercasedString(chunks[0]) == "by" || line.scalars.lowercasedString(chunks[0]) == "by:" else { return false }
        for chunk in chunks.dropFirst() {
            var end = chunk.upperBound
            while end > chunk.lowerBound, [",", "|", "·"].contains(line.scalars[end - 1]) { end -= 1 }
            if end == chunk.lowerBound { continue }
            let first = line.scalars[chunk.lowerBound]
            if ScalarClass.isUppercase(first) { continue }
            if !bylineConnectors.contains(line.scalars.lowercasedString(chunk.lowerBound..<end)) { return false }
        }
        return true
    }

    // MARK: Legends

    static func isLegend(_ line: TextLine) -> Bool {
        guard line.words <= 12, let first = line.scalars.first else { return false }
        return (0x2580...0x259F).contains(first.value)
    }

    // MARK: Navigation

    static func isNavigation(_ line: TextLine) -> Bool {
        let s = line.scalars
        var separators = 0, wordsInSegment = 0
        for chunk in line.chunks {
            if chunk.count == 1, [">", "|", "»", "›", "·", "•", "/"].contains(s[chunk.lowerBound]) {
                separators += 1; wordsInSegment = 0
                continue
            }
            wordsInSegment += 1
            if wordsInSegment > 4 { return false }
        }
        return separators >= 2 && !line.endsLikeSentence
    }

    // MARK: Trailing sections

    static let sectionNames: Set<String> = [
        "sources", "source", "related news", "related", "related articles", "related stories", "related coverage",
        "related content", "related links", "external links", "external link", "references", "see also",
        "further reading", "more from", "more stories", "read more", "read next", "you may also like", "tags",
        "topics", "categories", "filed under", "share this", "about the author", "notes", "footnotes",
        "more on this story", "more on this topic", "links", "sister links", "other sources",
    ]

    /// A short stand-alone heading naming a section that is not part of the article.
    static func isSectionHeading(_ line: TextLine) -> Bool {
        guard line.words <= 5, line.positionInBlock == 0 else { return false }
        return sectionNames.contains(line.key)
    }

    // MARK: Citations

    /// `Name (date) "Title" — Publisher` and its variants: a quoted title plus a dash separator
    /// or a parenthesised part, and no sentence after the quote.
    static func isCitation(_ line: TextLine) -> Bool {
        guard line.words >= 2, line.words <= 45 else { return false }
        let s = line.scalars
        var quoteOpen = -1, quoteClose = -1
        for (i, c) in s.enumerated() {
            if quoteOpen < 0 {
                if c == "“" || (c == "\"" && (i == 0 || !ScalarClass.isLetterOrDigit(s[i - 1]))) { quoteOpen = i }
            } else if c == "”" || c == "\"" {
                quoteClose = i
                break
            }
        }
        guard quoteOpen >= 0, quoteClose > quoteOpen + 1 else { return false }
        var hasDash = false, hasParen = false
        for (i, c) in s.enumerated() {
            if ScalarClass.isDash(c) || (c == "-" && i > 0 && s[i - 1] == " " && i + 1 < s.count && s[i + 1] == " ") { hasDash = true }
            if c == "(" { hasParen = true }
        }
        guard hasDash || hasParen else { return false }
        // After the title: a publisher and a date, not a sentence with a verb and a full stop.
        let after = s.count - quoteClose - 1
        return after <= 80
    }

    // MARK: Footnotes

    /// "1. Unofficial results", "[2] Relative to seats", "3) At dissolution": a number marker, then a
    /// note that does not end like a sentence.
    static func isFootnote(_ line: TextLine) -> Bool {
        let s = line.scalars
        var k = 0
        if k < s.count, s[k] == "[" { k += 1 }
        let digitsStart = k
        while k < s.count, ScalarClass.isDigit(s[k]) { k += 1 }
        guard k > digitsStart, k - digitsStart <= 3, k < s.count, s[k] == "." || s[k] == ")" || s[k] == "]" else { return false }
        return line.words <= 40 && !line.endsLikeSentence
    }

    // MARK: Short lines

    /// Too short and unpunctuated to be prose: at most ten words, no sentence punctuation at the end.
    static func isShortLine(_ line: TextLine) -> Bool {
        line.words <= 10 && !line.endsLikeSentence
    }
}
