// The writer's input types (pages, glyph runs, geometry, the document) live in
// YorisoiDisplayList; re-exported so `import YorisoiPDF` keeps seeing them.
@_exported public import YorisoiDisplayList
