// Package summarize scores the sentences of a Story and selects a
// redundancy-aware summary under a word budget.
package summarize
