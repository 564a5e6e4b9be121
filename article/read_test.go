package article

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const englishReport = "Ferry fares will rise by five percent in April, the operator said on Wednesday. It blamed the cost of fuel and said that the rise was the first in three years, and that season tickets would not be affected until the summer."

const frenchReport = "Les tarifs des ferries augmenteront de cinq pour cent en avril, a annoncé mercredi l'opérateur. Il a invoqué la hausse du prix du carburant et précisé qu'il s'agissait de la première hausse depuis trois ans, sans effet sur les abonnements avant l'été."

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// problemsString lists problems as "base(input)[!]" for compact checks.
func problemInputs(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		s := filepath.Base(p.Input)
		if p.Warning {
			s += "!"
		}
		out = append(out, s)
	}
	return out
}

func checkInvariants(t *testing.T, arts []Article) {
	t.Helper()
	for _, a := range arts {
		if a.ID == "" || a.ID != StableID(a) || a.Origin == "" || a.Source == "" || strings.TrimSpace(a.Text) == "" {
			t.Errorf("article from %q lacks ID/Origin/Source/Text: ID %q Source %q", a.Origin, a.ID, a.Source)
		}
	}
}

func TestReadFolder(t *testing.T) {
	feed := string(readTestdata(t, "feed.rss"))
	page := string(readTestdata(t, "page.html"))
	tests := []struct {
		name     string
		files    map[string]string
		sources  []string
		problems []string
	}{
		{
			name: "mixed folder, sorted, hidden and unsupported files skipped",
			files: map[string]string{
				"b.md":           "# Fares rise\n\n" + englishReport,
				"a.txt":          englishReport,
				"c.html":         page,
				"d.xml":          feed,
				"e.jsonl":        `{"text":"` + englishReport + `","source":"Wire"}`,
				".hidden.txt":    englishReport,
				"photo.jpg":      "\xff\xd8\xff\xe0",
				"sub/inner.txt":  englishReport,
				"noext":          englishReport,
				"feed-saved.txt": feed,
			},
			sources:  []string{"a", "b", "The Coastal Times", "Coastal Times – News", "Wire Service", "Wire", "Coastal Times – News", "Wire Service", "noext"},
			problems: []string{"folder!", "folder!"},
		},
		{
			name:     "empty folder",
			files:    map[string]string{},
			problems: []string{"folder"},
		},
		{
			name:     "folder with nothing readable",
			files:    map[string]string{"x.pdf": "%PDF-1.4", ".DS_Store": "x"},
			problems: []string{"folder"},
		},
		{
			name:    "identical articles are all returned",
			files:   map[string]string{"one.txt": englishReport, "two.txt": englishReport},
			sources: []string{"one", "two"},
		},
		{
			name:     "binary, Latin-1 and non-English files",
			files:    map[string]string{"bin.txt": "abc\x00\x01\x02", "latin.txt": "Caf\xe9 owners said " + englishReport, "fr.txt": frenchReport},
			sources:  []string{"fr", "latin"},
			problems: []string{"bin.txt", "latin.txt!", "fr.txt!"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(writeFiles(t, tt.files), "folder")
			if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
				t.Fatal(err)
			}
			// Move the files into "folder" so that problems name it.
			entries, _ := os.ReadDir(filepath.Dir(dir))
			for _, e := range entries {
				if e.Name() != "folder" {
					os.Rename(filepath.Join(filepath.Dir(dir), e.Name()), filepath.Join(dir, e.Name()))
				}
			}
			arts, probs := Read(context.Background(), []string{dir}, nil, Options{})
			checkInvariants(t, arts)
			var sources []string
			for _, a := range arts {
				sources = append(sources, a.Source)
			}
			if strings.Join(sources, "|") != strings.Join(tt.sources, "|") {
				t.Errorf("sources = %q\nwant %q", sources, tt.sources)
			}
			if got := problemInputs(probs); strings.Join(got, "|") != strings.Join(tt.problems, "|") {
				t.Errorf("problems = %q, want %q:\n%v", got, tt.problems, probs)
			}
			for _, p := range probs {
				if !strings.Contains(p.Error(), p.Input) {
					t.Errorf("problem %q does not name its input", p.Error())
				}
			}
		})
	}
}

func TestReadEdgeCases(t *testing.T) {
	t.Run("file above the cap", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "huge.txt")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(DefaultMaxBytes + 1); err != nil { // sparse
			t.Fatal(err)
		}
		f.Close()
		arts, probs := Read(context.Background(), []string{p}, nil, Options{})
		if len(arts) != 0 || len(probs) != 1 || probs[0].Warning || !errors.Is(probs[0], ErrTooLarge) ||
			!strings.Contains(probs[0].Error(), "huge.txt") || !strings.Contains(probs[0].Error(), "8 MiB") {
			t.Errorf("arts %d, problems %v", len(arts), probs)
		}
	})
	t.Run("custom cap", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{"a.txt": englishReport})
		_, probs := Read(context.Background(), []string{filepath.Join(dir, "a.txt")}, nil, Options{MaxBytes: 100})
		if len(probs) != 1 || !errors.Is(probs[0], ErrTooLarge) {
			t.Errorf("problems %v", probs)
		}
	})
	t.Run("missing file and no inputs", func(t *testing.T) {
		_, probs := Read(context.Background(), []string{"/no/such/file.txt"}, nil, Options{})
		if len(probs) != 1 || !strings.Contains(probs[0].Error(), "/no/such/file.txt") {
			t.Errorf("problems %v", probs)
		}
		_, probs = Read(context.Background(), nil, nil, Options{})
		if len(probs) != 1 {
			t.Errorf("problems %v", probs)
		}
	})
	t.Run("unreachable URL is reported and reading goes on", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		dead := "http://" + ln.Addr().String() + "/story"
		ln.Close()
		srv := newTestServer(t, nil)
		dir := writeFiles(t, map[string]string{"a.txt": englishReport})
		inputs := []string{dead, filepath.Join(dir, "a.txt"), srv.URL + "/page", srv.URL + "/feed"}
		arts, probs := Read(context.Background(), inputs, nil, Options{})
		checkInvariants(t, arts)
		var origins []string
		for _, a := range arts {
			origins = append(origins, a.Origin)
		}
		want := []string{filepath.Join(dir, "a.txt"), srv.URL + "/page", srv.URL + "/feed#1", srv.URL + "/feed#2"}
		if strings.Join(origins, "|") != strings.Join(want, "|") {
			t.Errorf("origins = %q, want %q", origins, want)
		}
		if len(probs) != 1 || probs[0].Warning || !strings.Contains(probs[0].Error(), dead) {
			t.Errorf("problems = %v", probs)
		}
	})
}

func TestReadStdin(t *testing.T) {
	page := string(readTestdata(t, "page.html"))
	tests := []struct {
		name    string
		in      string
		n       int
		title   string
		origin  string
		wantErr bool
	}{
		{"jsonl", `{"text":"` + englishReport + `","title":"T1"}` + "\n" + `{"text":"Other."}`, 2, "T1", "stdin:1", false},
		{"dataset line", `{"id":"c","documents":["` + englishReport + `","Two."]}`, 2, "", "stdin:1#1", false},
		{"html", page, 1, "Harbour bridge reopens after repairs", "stdin", false},
		{"text", "Fares rise in April\n\n" + englishReport, 1, "Fares rise in April", "stdin", false},
		{"binary", "\x00\x01\x02", 0, "", "", true},
		{"empty", "", 0, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := Read(context.Background(), []string{"-"}, strings.NewReader(tt.in), Options{})
			checkInvariants(t, arts)
			if len(arts) != tt.n || (len(probs) > 0) != tt.wantErr {
				t.Fatalf("%d articles, problems %v", len(arts), probs)
			}
			if tt.n > 0 && (arts[0].Title != tt.title || arts[0].Origin != tt.origin) {
				t.Errorf("first article: title %q origin %q", arts[0].Title, arts[0].Origin)
			}
			if tt.n > 0 && tt.origin == "stdin" && arts[0].Source == "" {
				t.Errorf("no source")
			}
		})
	}
	t.Run("stdin twice", func(t *testing.T) {
		_, probs := Read(context.Background(), []string{"-", "-"}, strings.NewReader(englishReport), Options{})
		if len(probs) != 1 || !strings.Contains(probs[0].Error(), "twice") {
			t.Errorf("problems %v", probs)
		}
	})
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		text string
		want string
		sure bool
	}{
		{englishReport, "en", true},
		{strings.ToLower(englishReport), "en", true},
		{frenchReport, "fr", true},
		{"Die Fährpreise steigen im April um fünf Prozent, teilte der Betreiber am Mittwoch mit. Er verwies auf höhere Treibstoffkosten und sagte, es sei die erste Erhöhung seit drei Jahren.", "de", true},
		{"Short text.", "", false},
	}
	for _, tt := range tests {
		code, sure := DetectLanguage(tt.text)
		if code != tt.want || sure != tt.sure {
			t.Errorf("DetectLanguage(%.30q) = %q, %v; want %q, %v", tt.text, code, sure, tt.want, tt.sure)
		}
	}
}
