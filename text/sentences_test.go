package text

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/internal/shared"
)

func sentenceTexts(s string) []string {
	var out []string
	for _, sp := range Sentences(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank", "  \n\t \n", nil},
		{"one", "Kerry flew to Geneva.", []string{"Kerry flew to Geneva."}},
		{"no final stop", "Rebels hold the east", []string{"Rebels hold the east"}},
		{"two", "Kerry flew to Geneva. He met the envoy.", []string{"Kerry flew to Geneva.", "He met the envoy."}},
		{"trimmed", "  Kerry flew.   He met her.  ", []string{"Kerry flew.", "He met her."}},
		{"question and exclamation", "Will it hold? Nobody knows! We wait.", []string{"Will it hold?", "Nobody knows!", "We wait."}},
		{"line breaks", "Title line\nFirst sentence. Second one.\r\nThird", []string{"Title line", "First sentence.", "Second one.", "Third"}},
		{"never crosses a line", "He said the U.S.\nThe end", []string{"He said the U.S.", "The end"}},

		// abbreviations
		{"U.S. before a noun", "The U.S. military said it would act. Officials disagreed.", []string{"The U.S. military said it would act.", "Officials disagreed."}},
		{"U.S. capitalised noun", "U.S. Secretary of State John Kerry spoke. He left.", []string{"U.S. Secretary of State John Kerry spoke.", "He left."}},
		{"U.S. at the end", "Aid came from the U.S. The rebels agreed.", []string{"Aid came from the U.S.", "The rebels agreed."}},
		{"U.N.", "The U.N. Security Council met on Monday. It failed.", []string{"The U.N. Security Council met on Monday.", "It failed."}},
		{"Brig. Gen.", "Brig. Gen. Zeid al-Saleh told state TV that rebels must leave. Col. Abo Bakr disagreed.", []string{"Brig. Gen. Zeid al-Saleh told state TV that rebels must leave.", "Col. Abo Bakr disagreed."}},
		{"titles", "Sen. John Smith met Gov. Jane Roe and Mr. Lee. Dr. Ann Poe joined them.", []string{"Sen. John Smith met Gov. Jane Roe and Mr. Lee.", "Dr. Ann Poe joined them."}},
		{"a.m. and p.m.", "The strike hit at 9 a.m. Tuesday and ended at 5 p.m. Local time. Then it stopped.", []string{"The strike hit at 9 a.m. Tuesday and ended at 5 p.m. Local time.", "Then it stopped."}},
		{"p.m. at the end", "The vote is at 3 p.m. The result follows.", []string{"The vote is at 3 p.m.", "The result follows."}},
		{"No. 5 and Jan.", "He moved to No. 5 Downing St. on Jan. 5. He was late.", []string{"He moved to No. 5 Downing St. on Jan. 5.", "He was late."}},
		{"no as a word", "He said no. The talks ended.", []string{"He said no.", "The talks ended."}},
		{"etc. at the end", "They brought food, water, etc. The trucks left.", []string{"They brought food, water, etc.", "The trucks left."}},
		{"Inc. mid sentence", "Apple Inc. said on Monday it would. Shares rose.", []string{"Apple Inc. said on Monday it would.", "Shares rose."}},
		{"dateline state", "TAMPA, Fla. (AP) — A storm hit. It passed.", []string{"TAMPA, Fla. (AP) — A storm hit.", "It passed."}},
		{"e.g.", "Some groups, e.g. Human Rights Watch, objected. Others agreed.", []string{"Some groups, e.g. Human Rights Watch, objected.", "Others agreed."}},
		{"unknown vowelless abbreviation", "The bldg. officials met. They agreed.", []string{"The bldg. officials met.", "They agreed."}},

		// initials
		{"middle initial", "John F. Kennedy was shot in 1963. J.K. Rowling wrote books.", []string{"John F. Kennedy was shot in 1963.", "J.K. Rowling wrote books."}},
		{"initials in a name", "George W. Bush and H.W. Bush met. They talked.", []string{"George W. Bush and H.W. Bush met.", "They talked."}},

		// numbers
		{"decimals", "The quake measured 8.2 on the scale. It cost $1.5 billion.", []string{"The quake measured 8.2 on the scale.", "It cost $1.5 billion."}},
		{"number at the end", "The toll rose to 246. Rescuers kept digging.", []string{"The toll rose to 246.", "Rescuers kept digging."}},
		{"sentence starts with a number", "The count ended. 372 people died.", []string{"The count ended.", "372 people died."}},
		{"list number", "Two things matter. 2. The money is gone.", []string{"Two things matter.", "2. The money is gone."}},
		{"url and email", "See example.com/news.html for more. Write to desk@example.org today.", []string{"See example.com/news.html for more.", "Write to desk@example.org today."}},

		// ellipses
		{"ellipsis mid sentence", "He paused... and then spoke. Nobody listened.", []string{"He paused... and then spoke.", "Nobody listened."}},
		{"ellipsis before a new sentence", "We waited... The bus never came.", []string{"We waited...", "The bus never came."}},
		{"spaced unicode ellipsis before a starter word", "“We tried to get to the table … but he never showed any willingness,” Kerry said. Talks end today.", []string{"“We tried to get to the table … but he never showed any willingness,” Kerry said.", "Talks end today."}},
		{"unicode ellipsis", "We waited… and waited. The bus never came.", []string{"We waited… and waited.", "The bus never came."}},
		{"ellipsis in a quote", "\"As for the battle of Paris, we... claim this operation,\" he said.", []string{"\"As for the battle of Paris, we... claim this operation,\" he said."}},

		// quotes
		{"closing quote stays", "\"It's over.\" He left.", []string{"\"It's over.\"", "He left."}},
		{"curly closing quote", "“It's over.” He left.", []string{"“It's over.”", "He left."}},
		{"quote across sentences", "\"We will win. We will rebuild.\" The crowd cheered.", []string{"\"We will win.", "We will rebuild.\"", "The crowd cheered."}},
		{"curly quote across sentences", "“We will win. We will rebuild,” he said. The crowd cheered.", []string{"“We will win.", "We will rebuild,” he said.", "The crowd cheered."}},
		{"attribution after ?", "\"Why?\" she asked. Nobody answered.", []string{"\"Why?\" she asked.", "Nobody answered."}},
		{"attribution after !", "“Stop!” he shouted. They stopped.", []string{"“Stop!” he shouted.", "They stopped."}},
		{"single quotes", "He said 'it is done.' Then he left.", []string{"He said 'it is done.'", "Then he left."}},
		{"parenthesis", "The rebels left (most of them.) The army moved in.", []string{"The rebels left (most of them.)", "The army moved in."}},
		{"opening quote starts next", "He left. \"It's over,\" he said.", []string{"He left.", "\"It's over,\" he said."}},

		// lowercased, tokenized dataset text
		{"tokenized stop", "the u.s. military said . but officials disagreed .", []string{"the u.s. military said .", "but officials disagreed ."}},
		{"tokenized quote with comma", "\" we will win , \" he said . the crowd cheered .", []string{"\" we will win , \" he said .", "the crowd cheered ."}},
		{"tokenized closing quote", "he said \" it is over . \" then he left .", []string{"he said \" it is over . \"", "then he left ."}},
		{"tokenized opening quote", "he left . \" it is over , \" she said .", []string{"he left .", "\" it is over , \" she said ."}},
		{"split contraction", "we ' ll see . they ' re late .", []string{"we ' ll see .", "they ' re late ."}},
		{"tokenized spaced ellipsis", "he waited . . . and waited . then he left .", []string{"he waited . . . and waited .", "then he left ."}},
		{"lowercase after a period", "the army moved in. the rebels fled.", []string{"the army moved in.", "the rebels fled."}},
		{"lowercase after ?", "who is to blame? nobody knows.", []string{"who is to blame?", "nobody knows."}},

		// re-capitalised dataset text: every word after ". " has a capital
		{"recapitalised u.s.", "The u.s. Military said it would act in the u.s. The officials disagreed.", []string{"The u.s. Military said it would act in the u.s.", "The officials disagreed."}},
		{"recapitalised titles", "Close dr. Hilary miller works with students. Staff sgt. Robert baker was stressed.", []string{"Close dr. Hilary miller works with students.", "Staff sgt. Robert baker was stressed."}},
		{"recapitalised dates", "Nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018. It failed to meet the aug. 1 deadline.", []string{"Nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018.", "It failed to meet the aug. 1 deadline."}},
		{"recapitalised a.m.", "The attack began at 10 a.m. Et on friday. The u.n. Security council met at 3 p.m. On saturday.", []string{"The attack began at 10 a.m. Et on friday.", "The u.n. Security council met at 3 p.m. On saturday."}},
		{"recapitalised quote", "She said: \" i would say that we get one copy every day. \" he says people buy them.", []string{"She said: \" i would say that we get one copy every day. \"", "he says people buy them."}},

		// pieces with no words
		{"lone punctuation", "He left. \" . —", []string{"He left."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
			checkSpans(t, tt.in, Sentences(tt.in))
		})
	}
}

// checkSpans asserts the invariants of Sentences: spans in bounds, in
// order, not overlapping, trimmed, not crossing a line break.
func checkSpans(t *testing.T, s string, spans []Span) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
			t.Fatalf("span %d %v out of order or bounds (prev end %d, len %d) in %q", i, sp, prev, len(s), s)
		}
		seg := s[sp.Start:sp.End]
		if strings.ContainsAny(seg, "\n\r") {
			t.Fatalf("span %d %q crosses a line break", i, seg)
		}
		if strings.TrimSpace(seg) != seg && utf8.ValidString(seg) {
			t.Fatalf("span %d %q not trimmed", i, seg)
		}
		prev = sp.End
	}
}

func TestAppendSentencesReusesBuffer(t *testing.T) {
	s := "One. Two. Three."
	buf := make([]Span, 0, 8)
	got := AppendSentences(buf[:0], s)
	if len(got) != 3 || &got[0] != &buf[:1][0] {
		t.Fatalf("AppendSentences = %v; want 3 spans in the given buffer", got)
	}
	got = AppendSentences(got, "Four.")
	if len(got) != 4 || s[got[2].Start:got[2].End] != "Three." {
		t.Fatalf("AppendSentences did not append: %v", got)
	}
}

// valDocs reads up to max documents of the Multi-News validation set, or
// skips.
func valDocs(tb testing.TB, max int) []string {
	tb.Helper()
	p := shared.Path(tb, "data/multinews500-val.jsonl.gz")
	f, err := os.Open(p)
	if err != nil {
		tb.Fatalf("open %s: %v", p, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("gunzip %s: %v", p, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var docs []string
	for sc.Scan() && (max <= 0 || len(docs) < max) {
		var c struct {
			Documents []string `json:"documents"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			tb.Fatalf("parse %s: %v", p, err)
		}
		docs = append(docs, c.Documents...)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", p, err)
	}
	return docs
}

// TestSentencesVal checks the splitter on real dataset text: the
// invariants hold and sentences have a plausible length (a splitter that
// never splits, or splits at every abbreviation, fails).
func TestSentencesVal(t *testing.T) {
	docs := valDocs(t, 2000)
	var n, words, short, long int
	for _, d := range docs {
		spans := Sentences(d)
		checkSpans(t, d, spans)
		for k, sp := range spans {
			w := Words(d[sp.Start:sp.End])
			n++
			words += w
			if w <= 2 && k < len(spans)-1 {
				short++
			}
			if w > 120 {
				long++
			}
		}
	}
	mean := float64(words) / float64(n)
	t.Logf("%d docs, %d sentences, %.1f words/sentence, %d of ≤2 words, %d over 120", len(docs), n, mean, short, long)
	if mean < 15 || mean > 35 {
		t.Errorf("mean sentence length %.1f words; want news-like 15–35", mean)
	}
	if float64(short) > 0.02*float64(n) {
		t.Errorf("%d of %d sentences have ≤2 words: too many fragments", short, n)
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "a", ".", "...", "U.S. The", "\" we will win , \" he said . the", "“It's over.” He left.",
		"He said 'it is done.' Then", "a . . . b", "No. 5", "x\xe2\x80", "\xc2\xa0. \xc2", "'' . ' ll",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans := Sentences(s)
		prev := 0
		for i, sp := range spans {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("span %d %v out of order or bounds (prev end %d, len %d)", i, sp, prev, len(s))
			}
			if strings.ContainsAny(s[sp.Start:sp.End], "\n\r") {
				t.Fatalf("span %d crosses a line break", i)
			}
			prev = sp.End
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	docs := valDocs(b, 0)
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	var buf []Span
	for b.Loop() {
		for _, d := range docs {
			buf = AppendSentences(buf[:0], d)
		}
	}
}
