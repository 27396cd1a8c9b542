/// The outbox document: `Analysis` as JSON, described by docs/analysis.schema.json.
extension Analysis {
    public func jsonBytes() -> [UInt8] {
        var json = JSONWriter(reservingCapacity: text.count * 3 + 4096)
        write(into: &json)
        json.appendRaw(UInt8(ascii: "\n"))
        return json.takeBytes()
    }

    public func write(into json: inout JSONWriter) {
        json.beginObject()
        json.field("schema", Analysis.schemaVersion)
        json.object("source") { source.write(into: &$0) }
        json.field("title", title)
        if let page { json.object("page") { page.write(into: &$0) } }
        json.key("dateline")
        if let dateline {
            json.beginObject(); json.field("text", dateline.text); json.field("date", dateline.date)
            if let place = dateline.place {
                json.key("place")
                json.beginObject(); json.field("start", place.start); json.field("end", place.end); json.field("text", text[place]); json.endObject()
            }
            json.endObject()
        } else {
            json.null()
        }
        json.key("byline")
        if let byline {
            json.beginObject(); json.field("text", byline.text); json.field("start", byline.span.start); json.field("end", byline.span.end); json.endObject()
        } else {
            json.null()
        }
        json.key("text")
        text.scalars.withUnsafeBufferPointer { json.string(scalars: $0) }
        json.array("removed") { json in
            for line in removed { json.beginObject(); json.field("text", line.text); json.field("rule", line.rule); json.endObject() }
        }
        json.object("stats") { json in
            json.field("paragraphs", segmentation.paragraphs.count)
            json.field("sentences", segmentation.sentences.count)
            json.field("words", segmentation.wordCount)
        }
        json.object("language") { json in
            json.field("code", language.code)
            json.field("confidence", language.confidence)
            json.field("reliable", language.reliable)
        }
        json.array("skipped") { json in for stage in skipped { json.string(stage) } }
        json.array("paragraphs") { json in for span in segmentation.paragraphs { span.write(into: &json) } }
        json.array("sentences") { json in for sentence in segmentation.sentences { sentence.span.write(into: &json) } }
        json.array("entities") { json in for entity in entities { entity.write(into: &json) } }
        json.array("quotes") { json in for quote in quotes { quote.write(into: &json) } }
        json.array("keyphrases") { json in
            for phrase in keyphrases { json.beginObject(); json.field("text", phrase.text); json.field("score", phrase.score, digits: 4); json.endObject() }
        }
        json.array("summary") { json in for sentence in summary { sentence.write(into: &json) } }
        json.key("tone")
        if let tone { tone.write(into: &json) } else { json.null() }
        json.array("dates") { json in
            for date in dates {
                json.beginObject()
                json.field("text", date.text); json.field("value", date.value)
                json.field("start", date.span.start); json.field("end", date.span.end)
                if let basis = date.basis { json.field("basis", basis.rawValue) }
                json.endObject()
            }
        }
        writeDuplicates(into: &json)
        json.object("timing_ms") { json in
            json.field("total", timings.totalMilliseconds)
            for stage in timings.stages { json.field(stage.name, stage.milliseconds) }
        }
        json.endObject()
    }
}

extension SourceInfo {
    func write(into json: inout JSONWriter) {
        json.field("name", name)
        json.field("bytes", bytes)
        json.field("sha256", sha256)
        json.field("format", format)
        json.field("encoding", encoding.rawValue)
        json.field("encoding_fallback", encodingFallback)
        json.field("received", received)
    }
}

extension PageMetadata {
    /// The `page` object (HTML input only); the title is the document's `title`.
    func write(into json: inout JSONWriter) {
        json.field("url", url)
        json.field("site", site)
        json.field("byline", byline)
        json.array("authors") { json in for author in authors { json.string(author) } }
        json.field("published", published)
        json.field("modified", modified)
        json.field("language", language)
    }
}

extension TextSpan {
    /// `[start, end]` as a two-element array.
    func write(into json: inout JSONWriter) {
        json.beginArray(); json.int(start); json.int(end); json.endArray()
    }
}

extension Entity {
    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", id)
        json.field("type", type.rawValue)
        json.field("name", name)
        json.array("aliases") { json in for alias in aliases { json.string(alias) } }
        json.field("salience", salience, digits: 4)
        json.array("mentions") { json in
            for mention in mentions {
                json.beginObject()
                json.field("start", mention.span.start); json.field("end", mention.span.end); json.field("text", mention.text)
                json.endObject()
            }
        }
        json.endObject()
    }
}

extension Quote {
    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.field("kind", kind.rawValue)
        json.field("text", text)
        json.field("start", span.start)
        json.field("end", span.end)
        json.key("speaker")
        if let speaker {
            json.beginObject(); json.field("entity", speaker.entity); json.field("name", speaker.name)
            json.key("mention")
            if let mention = speaker.mention {
                json.beginObject(); json.field("start", mention.span.start); json.field("end", mention.span.end)
                json.field("text", mention.text); json.endObject()
            } else {
                json.null()
            }
            json.endObject()
        } else {
            json.null()
        }
        json.key("cue")
        if let cue {
            json.beginObject(); json.field("text", cue.text); json.field("start", cue.span.start); json.field("end", cue.span.end); json.endObject()
        } else {
            json.null()
        }
        json.array("flags") { json in for flag in flags { json.string(flag) } }
        json.endObject()
    }
}

extension SummarySentence {
    func write(into json: inout JSONWriter) {
        json.beginObject(); json.field("start", span.start); json.field("end", span.end); json.field("text", text); json.endObject()
    }
}

extension ToneSentence {
    func write(into json: inout JSONWriter) {
        json.beginObject(); json.field("start", span.start); json.field("end", span.end); json.field("text", text); json.endObject()
    }
}

extension Tone {
    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.field("overall", overall, digits: 4)
        json.field("label", label)
        json.array("paragraphs") { json in for score in paragraphs { json.double(score, digits: 4) } }
        json.key("most_negative")
        if let mostNegative { mostNegative.write(into: &json) } else { json.null() }
        json.key("most_positive")
        if let mostPositive { mostPositive.write(into: &json) } else { json.null() }
        json.endObject()
    }
}
