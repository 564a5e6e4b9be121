// Package summarize scores the sentences of a Story and selects a
// redundancy-aware summary under a word budget.
package summarize

import (
	"fmt"

	"github.com/chorus-brief/chorus/analyse"
)

// Default is the name of the default method.
const Default = "chorus"

// Method selects the sentences of a summary.
type Method interface {
	// Select returns indices into st.Sentences, in the order the summary
	// should read. It stops at the first whole sentence that reaches the
	// word budget.
	Select(st *analyse.Story, words int) []int
}

// New returns the method with the given name ("" is Default).
func New(name string) (Method, error) {
	switch name {
	case "", Default, "lead":
		return lead{}, nil
	}
	return nil, fmt.Errorf("unknown summarization method %q", name)
}

// Names lists the methods New accepts.
func Names() []string { return []string{Default, "lead"} }

type lead struct{}

// Select takes first sentences round-robin over the reports.
func (lead) Select(st *analyse.Story, words int) []int {
	var out []int
	total := 0
	for pos := 0; total < words; pos++ {
		added := false
		for _, d := range st.Docs {
			i := d.First + pos
			if i >= d.End {
				continue
			}
			added = true
			out = append(out, i)
			total += st.Sentences[i].Words
			if total >= words {
				break
			}
		}
		if !added {
			break
		}
	}
	return out
}
