/// The XMP packet of the catalog's /Metadata stream: PDF/A-2b identification plus the same facts
/// as /Info (dc:title ↔ Title, dc:creator ↔ Author, dc:description ↔ Subject, pdf:Keywords,
/// xmp:CreatorTool ↔ Creator, pdf:Producer, xmp:CreateDate/ModifyDate ↔ the dates).
/// Written uncompressed so that non-PDF tools can find and read it. PDF/UA-1 identification
/// (pdfuaid:part 1) stands beside PDF/A's, with the extension schema PDF/A asks for any
/// property outside its predefined ones.
enum XMPMetadata {
    static func packet(info: DocumentInfo, language: String, documentID: String) -> [UInt8] {
        var body = ""
        func line(_ text: String) { body += "   " + text + "\n" }
        line("<pdfaid:part>2</pdfaid:part>")
        line("<pdfaid:conformance>B</pdfaid:conformance>")
        line("<pdfuaid:part>1</pdfuaid:part>")
        line("<dc:format>application/pdf</dc:format>")
        if let title = info.title {
            line("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(title))</rdf:li></rdf:Alt></dc:title>")
        }
        if let author = info.author {
            line("<dc:creator><rdf:Seq><rdf:li>\(escape(author))</rdf:li></rdf:Seq></dc:creator>")
        }
        if let subject = info.subject {
            line("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(subject))</rdf:li></rdf:Alt></dc:description>")
        }
        line("<dc:language><rdf:Bag><rdf:li>\(escape(language))</rdf:li></rdf:Bag></dc:language>")
        if let keywords = info.keywords { line("<pdf:Keywords>\(escape(keywords))</pdf:Keywords>") }
        line("<pdf:Producer>\(escape(info.producer))</pdf:Producer>")
        if let creator = info.creator { line("<xmp:CreatorTool>\(escape(creator))</xmp:CreatorTool>") }
        let date = info.date.xmpString
        line("<xmp:CreateDate>\(date)</xmp:CreateDate>")
        line("<xmp:ModifyDate>\(date)</xmp:ModifyDate>")
        line("<xmp:MetadataDate>\(date)</xmp:MetadataDate>")
        line("<xmpMM:DocumentID>uuid:\(documentID)</xmpMM:DocumentID>")
        line("<xmpMM:InstanceID>uuid:\(documentID)</xmpMM:InstanceID>")

        let text = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
                xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            \(body)  </rdf:Description>
              <rdf:Description rdf:about=""
                xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
                xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
               <pdfaExtension:schemas>
                <rdf:Bag>
                 <rdf:li rdf:parseType="Resource">
                  <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                  <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                  <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                  <pdfaSchema:property>
                   <rdf:Seq>
                    <rdf:li rdf:parseType="Resource">
                     <pdfaProperty:name>part</pdfaProperty:name>
                     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                     <pdfaProperty:category>internal</pdfaProperty:category>
                     <pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>
                    </rdf:li>
                   </rdf:Seq>
                  </pdfaSchema:property>
                 </rdf:li>
                </rdf:Bag>
               </pdfaExtension:schemas>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
        return Array(text.utf8)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 cannot carry other C0 controls, even escaped; they would make the packet
            // unparsable, so they are dropped (they have no visible meaning in a title anyway).
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
