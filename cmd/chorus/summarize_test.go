package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestSummarizeCommand(t *testing.T) {
	lines := []string{
		`{"id": "first", "documents": ["The army retook the old city on Tuesday. Thousands of civilians left on green buses. The evacuation went on all night.", "Rebels said the evacuation would resume. The UN called for calm."], "summary": "x"}`,
		`{"id": "broken", "documents": [`,
		`{"id": "second", "documents": [{"name": "Wire", "text": "Talks in Geneva collapsed on Monday. Both sides blamed each other."}], "references": ["a", "b"]}`,
		`{"id": "third", "documents": "A storm cut power to 200,000 homes. Crews worked through the night.|||||Power returned to most homes by noon."}`,
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "clusters.jsonl")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.jsonl")
	code, _, errs := runCLI(t, "", "summarize", "--input", in, "--output", out, "--words", "12", "--workers", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "clusters.jsonl:2:") {
		t.Errorf("the bad line is not reported with its number: %q", errs)
	}
	if !strings.Contains(errs, "summarized 3 clusters") || !strings.Contains(errs, "peak memory") {
		t.Errorf("no figures on stderr: %q", errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var rec struct{ ID, Summary string }
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("bad output line %q: %v", l, err)
		}
		if rec.Summary == "" {
			t.Errorf("cluster %s has an empty summary", rec.ID)
		}
		// Sentences are chosen until the budget is reached, then put in
		// reading order: without the longest one the summary is under it.
		words, longest := 0, 0
		for _, s := range strings.Split(rec.Summary, "\n") {
			n := len(strings.Fields(s))
			words += n
			longest = max(longest, n)
		}
		if words-longest >= 12 {
			t.Errorf("cluster %s: the summary goes on after reaching the budget: %q", rec.ID, rec.Summary)
		}
		ids = append(ids, rec.ID)
	}
	if strings.Join(ids, ",") != "first,second,third" {
		t.Errorf("output order %v, want input order", ids)
	}
}

func TestSummarizeStdinAndUsage(t *testing.T) {
	code, out, errs := runCLI(t, `{"id":"x","documents":["One sentence here. And another one."]}`+"\n", "summarize", "--input", "-", "--quiet")
	if code != 0 || !strings.Contains(out, `"id":"x"`) {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
	if code, _, _ := runCLI(t, "", "summarize"); code != 2 {
		t.Errorf("missing --input: exit %d, want 2", code)
	}
	if code, _, errs := runCLI(t, "", "summarize", "--input", "-", "--method", "nonesuch"); code != 2 || !strings.Contains(errs, "nonesuch") {
		t.Errorf("unknown method: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runCLI(t, "", "summarize", "--input", "/nonexistent/file.jsonl"); code != 1 || !strings.Contains(errs, "/nonexistent/file.jsonl") {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
}
