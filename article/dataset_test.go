package article

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/chorus-brief/chorus/internal/shared"
)

func readClustersAll(t *testing.T, in []byte) ([]Cluster, []error) {
	t.Helper()
	var cs []Cluster
	var errs []error
	err := ReadClusters(context.Background(), bytes.NewReader(in), "d.jsonl", func(c Cluster) error {
		cs = append(cs, c)
		return nil
	}, func(e error) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	return cs, errs
}

func TestReadClusters(t *testing.T) {
	type wantCluster struct {
		id      string
		texts   []string
		sources []string
		refs    []string
	}
	tests := []struct {
		name     string
		in       string
		want     []wantCluster
		badLines []int
	}{
		{
			name: "string documents and summary",
			in:   `{"id":"m1","documents":["first doc .","second doc ."],"summary":"the summary ."}`,
			want: []wantCluster{{"m1", []string{"first doc .", "second doc ."}, []string{"", ""}, []string{"the summary ."}}},
		},
		{
			name: "named documents and a references list",
			in:   `{"id":"m2","documents":[{"name":"Reuters","text":"A."},{"name":"AP","text":"B.","title":"T"}],"references":["r1","r2"]}`,
			want: []wantCluster{{"m2", []string{"A.", "B."}, []string{"Reuters", "AP"}, []string{"r1", "r2"}}},
		},
		{
			name: "raw Multi-News string form with NEWLINE_CHAR",
			in:   `{"id":"m3","documents":"one NEWLINE_CHAR NEWLINE_CHAR two ||||| three |||||   ","summary":["s1","s2"]}`,
			want: []wantCluster{{"m3", []string{"one\n\ntwo", " three "}, []string{"", ""}, []string{"s1", "s2"}}},
		},
		{
			name: "raw Multi-News source line (not JSON)",
			in:   "doc one text . NEWLINE_CHAR more ||||| doc two text .\n",
			want: []wantCluster{{"d.jsonl:1", []string{"doc one text .\nmore", " doc two text ."}, []string{"", ""}, nil}},
		},
		{
			name: "bad lines are reported and skipped",
			in: strings.Join([]string{
				`{"id":"ok","documents":["x"]}`,
				`{"id":"nodocs"}`,
				`{"id":"empty","documents":["", "  "]}`,
				`{"id":"bad","documents":[1,2]}`,
				`not json at all`,
				`{"id":"trailing","documents":["x"]} extra`,
				``,
				`{"documents":["y"],"id":12}`,
			}, "\n"),
			want: []wantCluster{
				{"ok", []string{"x"}, []string{""}, nil},
				{"12", []string{"y"}, []string{""}, nil},
			},
			badLines: []int{2, 3, 4, 5, 6},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, gz := range []bool{false, true} {
				in := []byte(tt.in)
				if gz {
					var buf bytes.Buffer
					zw := gzip.NewWriter(&buf)
					zw.Write(in)
					zw.Close()
					in = buf.Bytes()
				}
				cs, errs := readClustersAll(t, in)
				if len(cs) != len(tt.want) {
					t.Fatalf("gzip %v: %d clusters, want %d (errors %v)", gz, len(cs), len(tt.want), errs)
				}
				for i, w := range tt.want {
					c := cs[i]
					var texts, sources []string
					for k, a := range c.Articles {
						texts = append(texts, a.Text)
						sources = append(sources, a.Source)
						if a.ID != StableID(a) || a.Origin == "" || !strings.HasSuffix(a.Origin, "#"+string(rune('1'+k))) {
							t.Errorf("article %d: ID %q, Origin %q", k, a.ID, a.Origin)
						}
					}
					if c.ID != w.id || strings.Join(texts, "|") != strings.Join(w.texts, "|") ||
						strings.Join(sources, "|") != strings.Join(w.sources, "|") || strings.Join(c.References, "|") != strings.Join(w.refs, "|") {
						t.Errorf("cluster %d = %q %q %q %q\nwant %q %q %q %q", i, c.ID, texts, sources, c.References, w.id, w.texts, w.sources, w.refs)
					}
				}
				var lines []int
				for _, e := range errs {
					var le *LineError
					if !errors.As(e, &le) || le.Name != "d.jsonl" {
						t.Errorf("error %v is not a *LineError naming the file", e)
						continue
					}
					lines = append(lines, le.Line)
				}
				if len(lines) != len(tt.badLines) {
					t.Fatalf("bad lines %v, want %v (%v)", lines, tt.badLines, errs)
				}
				for i := range lines {
					if lines[i] != tt.badLines[i] {
						t.Errorf("bad lines %v, want %v", lines, tt.badLines)
						break
					}
				}
			}
		})
	}
}

func TestReadClustersStops(t *testing.T) {
	in := []byte(strings.Repeat(`{"documents":["x"]}`+"\n", 2000))
	stop := errors.New("stop")
	n := 0
	err := ReadClusters(context.Background(), bytes.NewReader(in), "d", func(Cluster) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	}, nil)
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("err %v after %d clusters, want stop after 3", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = ReadClusters(ctx, bytes.NewReader(in), "d", func(Cluster) error { return nil }, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v with a cancelled context", err)
	}
}

func TestReadLinesTooLong(t *testing.T) {
	in := "short\n" + strings.Repeat("y", 5000) + "\nlast"
	var got []string
	err := readLines(context.Background(), strings.NewReader(in), "x", 100, func(line int, b []byte, tooLong bool) error {
		got = append(got, strings.Repeat("!", btoi(tooLong))+string(b)+"@"+string(rune('0'+line)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "short@1,!@2,last@3" {
		t.Errorf("lines = %q", got)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestReadClusterFileShared(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole validation set")
	}
	p := shared.Path(t, "data/multinews500-val.jsonl.gz")
	cs, skipped, err := ReadClusterFile(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 5622 || len(skipped) != 0 {
		t.Fatalf("%d clusters, %d skipped; want 5622, 0", len(cs), len(skipped))
	}
	for _, c := range cs[:50] {
		if c.ID == "" || len(c.Articles) == 0 || len(c.References) != 1 {
			t.Fatalf("cluster %q: %d articles, %d references", c.ID, len(c.Articles), len(c.References))
		}
	}
}

func BenchmarkReadClusterFileVal(b *testing.B) {
	p := shared.Path(b, "data/multinews500-val.jsonl.gz")
	for i := 0; i < b.N; i++ {
		cs, _, err := ReadClusterFile(context.Background(), p)
		if err != nil || len(cs) == 0 {
			b.Fatal(err)
		}
	}
}
