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

// writeEvalDataset writes a tiny dataset: three clusters with a human
// summary, one without.
func writeEvalDataset(t *testing.T) string {
	t.Helper()
	lines := []string{
		`{"id": "a", "documents": ["the army retook the old city on tuesday . thousands of civilians left on green buses .", "rebels said the evacuation would resume . the un called for calm ."], "summary": "the army retook the old city . civilians left on buses ."}`,
		`{"id": "b", "documents": ["talks in geneva collapsed on monday . both sides blamed each other for the failure .", "the envoy said he would try again next month ."], "summary": "talks in geneva collapsed . the envoy will try again ."}`,
		`{"id": "c", "documents": ["a storm cut power to 200,000 homes . crews worked through the night to restore it ."], "summary": "a storm cut power to 200,000 homes ."}`,
		`{"id": "d", "documents": ["no reference for this one ."]}`,
	}
	p := filepath.Join(t.TempDir(), "clusters.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runEvalCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, append([]string{"eval"}, args...))
	return code, out.String(), errb.String()
}

func TestEvalCommand(t *testing.T) {
	data := writeEvalDataset(t)

	code, out, errs := runEvalCLI(t, "--input", data, "--method", "lead", "--words", "20")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, s := range []string{"lead", "ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4", "95% CI", "3 clusters", "clusters/s", "peak memory", "-n 2 -2 4 -u -m -c 95 -r 1000"} {
		if !strings.Contains(out, s) {
			t.Errorf("table lacks %q:\n%s", s, out)
		}
	}
	if !strings.Contains(errs, "1 clusters have no reference") {
		t.Errorf("stderr does not report the cluster without reference: %q", errs)
	}

	code, out, errs = runEvalCLI(t, "--input", data, "--method", "lead", "--json", "--rouge", "-n 1 -x -r 100")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Clusters int      `json:"clusters"`
		Metrics  []string `json:"metrics"`
		Methods  []struct {
			Method string `json:"method"`
			Scores []struct {
				Metric string `json:"metric"`
				R      struct{ Average float64 }
			} `json:"scores"`
		} `json:"methods"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if rep.Clusters != 3 || len(rep.Methods) != 1 || strings.Join(rep.Metrics, ",") != "ROUGE-1" {
		t.Errorf("report %+v", rep)
	}
	if r := rep.Methods[0].Scores[0].R.Average; r <= 0 || r > 1 {
		t.Errorf("ROUGE-1 R %v out of (0,1]", r)
	}
}

func TestEvalSummaries(t *testing.T) {
	data := writeEvalDataset(t)
	sys := filepath.Join(t.TempDir(), "system.jsonl")
	// "a" is the human summary itself, "b" is missing, "x" matches nothing.
	content := `{"id": "a", "summary": "the army retook the old city .\ncivilians left on buses ."}
{"id": "c", "summary": "a storm cut power to 200,000 homes ."}
{"id": "x", "summary": "stray"}
`
	if err := os.WriteFile(sys, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runEvalCLI(t, "--input", data, "--summaries", sys, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, s := range []string{"no summary", "b", "match no cluster", "x"} {
		if !strings.Contains(errs, s) {
			t.Errorf("stderr lacks %q: %s", s, errs)
		}
	}
	var rep struct {
		Methods []struct {
			Failed int `json:"failed"`
			Scores []struct {
				Metric string `json:"metric"`
				R      struct{ Mean float64 }
			} `json:"scores"`
		} `json:"methods"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// Two perfect clusters and one empty: the plain mean recall is 2/3.
	if len(rep.Methods) != 1 || rep.Methods[0].Failed != 1 {
		t.Fatalf("report %+v", rep)
	}
	if m := rep.Methods[0].Scores[0].R.Mean; m < 0.6666 || m > 0.6667 {
		t.Errorf("ROUGE-1 mean recall %v, want 2/3", m)
	}
}

func TestEvalUsage(t *testing.T) {
	data := writeEvalDataset(t)
	for _, args := range [][]string{
		{},
		{"--input", data, "--method", "nosuchmethod"},
		{"--input", data, "--rouge", "-n x"},
		{"--input", data, "--words", "0"},
		{"--input", data, "extra"},
	} {
		if code, _, _ := runEvalCLI(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code, _, _ := runEvalCLI(t, "--input", filepath.Join(t.TempDir(), "missing.jsonl")); code != 1 {
		t.Errorf("missing input: exit %d, want 1", code)
	}
}
