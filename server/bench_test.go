package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorus-brief/chorus"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/store/sqlite"
)

// fiveReports returns five articles of about 500 words made from the test
// reports.
func fiveReports(b *testing.B) []ArticleIn {
	words := strings.Fields(readTestdata(b, "report1.txt") + " " + readTestdata(b, "report2.txt"))
	out := make([]ArticleIn, 5)
	for i := range out {
		var doc []string
		for k := 0; len(doc) < 500; k++ {
			doc = append(doc, words[(k*7+i*31)%len(words)])
			if k%17 == 16 {
				doc[len(doc)-1] += "."
			}
		}
		out[i] = ArticleIn{Text: strings.Join(doc, " "), Source: "Outlet " + string(rune('A'+i))}
	}
	return out
}

// BenchmarkOneShot measures POST /v1/brief through the handler, five
// 500-word articles per request.
func BenchmarkOneShot(b *testing.B) {
	st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "chorus.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	h, err := New(Config{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(BriefIn{Articles: fiveReports(b)})
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("POST", "/v1/brief", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusOK {
				b.Fatalf("status %d: %s", w.Code, w.Body)
			}
		}
	})
}

// BenchmarkPipelineOnly is the same brief computed by chorus.Brief alone,
// to tell the server's overhead from the pipeline's cost.
func BenchmarkPipelineOnly(b *testing.B) {
	var arts []article.Article
	for _, a := range fiveReports(b) {
		arts = append(arts, article.Article{Text: a.Text, Source: a.Source})
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := chorus.Brief(context.Background(), arts, chorus.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
