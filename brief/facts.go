package brief

import (
	"fmt"
	"strings"

	"github.com/chorus-brief/chorus/facts"
)

// The fact sheet refers to reports by their index in the story, which is
// the source number minus one.

// maxEntities bounds the entities listed in the text renderings; the JSON
// form has them all.
const maxEntities = 12

// cites formats story document indexes as citations "[1][3]".
func cites(docs []int) string {
	ns := make([]int, len(docs))
	for i, d := range docs {
		ns[i] = d + 1
	}
	return citations(ns)
}

// factLines renders the fact sheet as headed lists; md selects Markdown
// markup (bold, escaping) over plain text.
func factLines(s *facts.Sheet, md bool) []string {
	esc := func(x string) string {
		if md {
			return mdEscape(x)
		}
		return x
	}
	bold := func(x string) string {
		if md {
			return "**" + mdEscape(x) + "**"
		}
		return x
	}
	head := func(level int, x string) string {
		if md {
			return strings.Repeat("#", level) + " " + x
		}
		if level == 2 {
			return x + "\n" + strings.Repeat("-", len(x))
		}
		return x + ":"
	}
	var out []string
	out = append(out, head(2, "Fact sheet"))
	if len(s.Figures) > 0 {
		out = append(out, "", head(3, "Figures"))
		for _, f := range s.Figures {
			var vals []string
			for _, v := range f.Values {
				vals = append(vals, esc(v.Text)+" "+cites(v.Docs))
			}
			status := fmt.Sprintf("confirmed by %d sources", f.Sources)
			if !f.Confirmed() {
				status = "disputed"
			}
			line := fmt.Sprintf("- %s — %s: %s", bold(f.What), status, strings.Join(vals, "; "))
			if !f.Confirmed() {
				var words []string
				for _, v := range f.Values {
					for _, c := range v.Claims {
						words = append(words, "“"+esc(c.Wording)+"” "+cites([]int{c.Doc}))
					}
				}
				if len(words) > 0 {
					line += " (" + strings.Join(words, ", ") + ")"
				}
			}
			out = append(out, line)
		}
	}
	if len(s.Quotes) > 0 {
		out = append(out, "", head(3, "Quotes"))
		for _, q := range s.Quotes {
			var docs []int
			for _, c := range q.Carriers {
				docs = append(docs, c.Doc)
			}
			line := "- “" + esc(q.Text) + "”"
			if q.Speaker != "" {
				line += " — " + esc(q.Speaker)
			}
			if q.Origin >= 0 {
				line += fmt.Sprintf("; origin [%d] (%s)", q.Origin+1, q.OriginReason)
			}
			line += "; carried by " + cites(docs)
			out = append(out, line)
		}
	}
	if len(s.Entities) > 0 {
		out = append(out, "", head(3, "Entities"))
		for i, e := range s.Entities {
			if i == maxEntities {
				out = append(out, fmt.Sprintf("- … and %d more", len(s.Entities)-maxEntities))
				break
			}
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, fmt.Sprintf("[%d]×%d", m.Doc+1, m.Count))
			}
			line := fmt.Sprintf("- %s (%s)", bold(e.Name), e.Kind)
			var other []string
			for _, v := range e.Variants {
				if v != e.Name {
					other = append(other, esc(v))
				}
			}
			if len(other) > 0 {
				line += " — also " + strings.Join(other, ", ")
			}
			out = append(out, line+": "+strings.Join(ms, " "))
		}
	}
	if len(s.Timeline) > 0 {
		out = append(out, "", head(3, "Timeline"))
		for _, ev := range s.Timeline {
			d := FormatDate(ev.Date)
			switch ev.Precision {
			case "month":
				d = ev.Date.Format("January 2006")
			case "year":
				d = ev.Date.Format("2006")
			case "week":
				d = "week of " + d
			}
			line := fmt.Sprintf("- %s — %s %s", d, esc(ev.Text), cites([]int{ev.Doc}))
			if ev.OffStory {
				line += " (off-story report)"
			}
			out = append(out, line)
		}
	}
	if len(s.OffStory) > 0 {
		out = append(out, "", head(3, "Off-story reports"))
		for _, o := range s.OffStory {
			out = append(out, fmt.Sprintf("- [%d] %s", o.Doc+1, esc(o.Reason)))
		}
	}
	return out
}

// factsMarkdown writes the fact sheet section in Markdown.
func factsMarkdown(ew *errWriter, b *Brief) {
	for _, l := range factLines(b.Facts, true) {
		ew.printf("%s\n", l)
	}
}

// factsText writes the fact sheet section in plain text.
func factsText(ew *errWriter, b *Brief) {
	for _, l := range factLines(b.Facts, false) {
		ew.printf("%s\n", l)
	}
}
