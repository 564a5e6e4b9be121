package brief

// factsMarkdown writes the fact sheet section in Markdown.
func factsMarkdown(ew *errWriter, b *Brief) {}

// factsText writes the fact sheet section in plain text.
func factsText(ew *errWriter, b *Brief) {}
