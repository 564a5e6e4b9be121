//go:build ignore

// gen writes data/exceptions.txt (ROUGE's WordNet 2.0 exception list, as
// ROUGE-1.5.5 looks it up) and data/stopwords.txt (its SMART common-word
// list) from the ROUGE compatibility material in ../shared/rouge.
//
//	go generate ./rouge/
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/chorus-brief/chorus/internal/shared"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := shared.Dir()
	if dir == "" {
		return fmt.Errorf("../shared not found (set CHORUS_SHARED)")
	}
	dir = filepath.Join(dir, "rouge")

	var stems struct {
		Exceptions map[string]string `json:"exceptions"`
	}
	if err := readJSON(filepath.Join(dir, "stems.json"), &stems); err != nil {
		return err
	}
	keys := make([]string, 0, len(stems.Exceptions))
	for k := range stems.Exceptions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# WordNet 2.0 morphological exceptions as ROUGE-1.5.5 applies them (see WORDNET-LICENSE).\n")
	b.WriteString("# word stem\n")
	for _, k := range keys {
		v := stems.Exceptions[k]
		if strings.ContainsAny(k, " \n") || strings.ContainsAny(v, " \n") {
			return fmt.Errorf("exception %q -> %q holds a blank", k, v)
		}
		fmt.Fprintf(&b, "%s %s\n", k, v)
	}
	if err := os.WriteFile(filepath.Join("data", "exceptions.txt"), []byte(b.String()), 0o644); err != nil {
		return err
	}

	var opts struct {
		Sets []struct {
			StopwordList []string `json:"stopword_list"`
		} `json:"sets"`
	}
	if err := readJSON(filepath.Join(dir, "options.json"), &opts); err != nil {
		return err
	}
	for _, s := range opts.Sets {
		if len(s.StopwordList) == 0 {
			continue
		}
		var b strings.Builder
		for _, w := range s.StopwordList {
			b.WriteString(w)
			b.WriteByte('\n')
		}
		return os.WriteFile(filepath.Join("data", "stopwords.txt"), []byte(b.String()), 0o644)
	}
	return fmt.Errorf("options.json has no stopword_list")
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}
