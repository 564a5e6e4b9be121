// Package facts builds the fact sheet of a story: entities, figures and
// their conflicts, quotes and their origin, the timeline, and the reports
// that belong to a different event.
package facts

// Sheet is the fact sheet of one story. Its fields are filled in by Build.
type Sheet struct {
}
