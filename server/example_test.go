package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/chorus-brief/chorus/brief"
	"github.com/chorus-brief/chorus/server"
	"github.com/chorus-brief/chorus/store/sqlite"
)

// A Chorus server over a SQLite store, asked for a one-shot brief.
func ExampleNew() {
	dir, _ := os.MkdirTemp("", "chorus-example")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "chorus.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	h, err := server.New(server.Config{Store: st})
	if err != nil {
		log.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()

	body := `{"words": 40, "articles": [
	  {"text": "The river burst its banks on Tuesday. About 4,000 people left their homes. The governor declared an emergency.", "source": "Valley Times"},
	  {"text": "About 4,000 people were evacuated after the river burst its banks. The governor declared a state of emergency on Tuesday.", "source": "Wire"}]}`
	res, err := http.Post(ts.URL+"/v1/brief", "application/json", strings.NewReader(body))
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	var b brief.Brief
	if err := json.NewDecoder(res.Body).Decode(&b); err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Status, len(b.Sources), "sources:", b.Sources[0].Outlet, "and", b.Sources[1].Outlet)
	// Output: 200 OK 2 sources: Valley Times and Wire
}
