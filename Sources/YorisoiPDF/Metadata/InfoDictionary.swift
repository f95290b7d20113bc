/// The trailer's /Info dictionary. PDF/A-2 requires it to agree with the XMP packet entry by entry;
/// both are written from the same `DocumentInfo` so they cannot drift.
enum InfoDictionary {
    static func write(_ info: DocumentInfo, ref: Ref, to chunk: Chunk) {
        chunk.indirect(ref) { obj in
            obj.dict { dict in
                if let title = info.title { dict.key("Title").textString(title) }
                if let author = info.author { dict.key("Author").textString(author) }
                if let subject = info.subject { dict.key("Subject").textString(subject) }
                if let keywords = info.keywords { dict.key("Keywords").textString(keywords) }
                if let creator = info.creator { dict.key("Creator").textString(creator) }
                dict.key("Producer").textString(info.producer)
                dict.key("CreationDate").textString(info.date.pdfString)
                dict.key("ModDate").textString(info.date.pdfString)
            }
        }
    }
}
