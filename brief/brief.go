// Package brief defines the Brief, the sourced summary that Chorus
// produces, and its renderers (Markdown, JSON, plain text, HTML).
package brief

import (
	"time"

	"github.com/chorus-brief/chorus/facts"
)

// SchemaVersion names the JSON schema of a Brief (docs/brief-schema.md).
const SchemaVersion = "chorus.brief/v1"

// Brief is a short summary of a story in which every sentence names the
// sources that support it, with the numbered list of those sources.
type Brief struct {
	// Schema is SchemaVersion.
	Schema string `json:"schema"`
	// Title is the story's title, when one is known or can be chosen.
	Title string `json:"title,omitempty"`
	// Words is the number of words in the summary.
	Words int `json:"words"`
	// Sentences are the summary's sentences in reading order.
	Sentences []Sentence `json:"sentences"`
	// Sources are every report read, numbered from 1; citations refer to
	// these numbers.
	Sources []Source `json:"sources"`
	// Facts is the fact sheet, when it was built.
	Facts *facts.Sheet `json:"facts,omitempty"`
	// Warnings are problems met on the way (unreadable inputs, non-English
	// text) that did not stop the brief.
	Warnings []string `json:"warnings,omitempty"`
}

// Sentence is one sentence of the summary.
type Sentence struct {
	// Text is the sentence as written by the report it was taken from.
	Text string `json:"text"`
	// Citations are the numbers of every source that says the same thing,
	// ascending; From is among them.
	Citations []int `json:"citations"`
	// From is the number of the source the sentence was taken from.
	From int `json:"from"`
	// Position is the index of the sentence within that source (0 = first).
	Position int `json:"position"`
	// Note qualifies the sentence, for example when the sources give
	// different figures for what it states.
	Note string `json:"note,omitempty"`
}

// Source is one report, as listed under the brief.
type Source struct {
	// N is the number citations use.
	N int `json:"n"`
	// ID is the article's stable identifier.
	ID     string    `json:"id"`
	Outlet string    `json:"outlet,omitempty"`
	Title  string    `json:"title,omitempty"`
	Author string    `json:"author,omitempty"`
	Date   time.Time `json:"date,omitzero"`
	URL    string    `json:"url,omitempty"`
	// Origin is where it was read from (file path, URL, "stdin").
	Origin string `json:"origin,omitempty"`
	// OffStory is set when the report is about a different event; it is
	// then left out of the summary unless the caller keeps all reports.
	OffStory bool `json:"off_story,omitempty"`
	// OffStoryReason says why.
	OffStoryReason string `json:"off_story_reason,omitempty"`
}
