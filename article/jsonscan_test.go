package article

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestJSONScannerMatchesEncodingJSON(t *testing.T) {
	lines := []string{
		`{"text":"plain"}`,
		`{"text":"esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00"}`,
		`{"text":"lone \ud800 surrogate"}`,
		`{"text":"bad \x escape"}`,
		"{\"text\":\"invalid \xff utf8\"}",
		"{\"text\":\"raw\ttab\"}",
		`{"text":"x",}`,
		`{"text":"x" "y":1}`,
		`{"a":[1,2,{"b":null}],"text":"ok","n":-1.5e+3}`,
		`{"n":01,"text":"x"}`,
		`{"n":1.,"text":"x"}`,
		`{"n":.5,"text":"x"}`,
		`{"t":tru,"text":"x"}`,
		`{"text":"x"} trailing`,
		`{"text":"unterminated}`,
		`{}`,
		`{"text":"x","text":"y"}`,
	}
	for _, l := range lines {
		rec, err := parseRecord([]byte(l))
		var se *syntaxError
		valid := json.Valid([]byte(l))
		if err == nil && !valid || errors.As(err, &se) && valid {
			t.Errorf("%q: scanner error %v, json.Valid %v", l, err, valid)
			continue
		}
		if err != nil || !valid {
			continue
		}
		var want struct {
			Text *string `json:"text"`
		}
		if json.Unmarshal([]byte(l), &want) != nil {
			continue
		}
		got := rec.text
		if want.Text != nil && got != *want.Text {
			t.Errorf("%q: text %q, encoding/json %q", l, got, *want.Text)
		}
	}
}
