package clean

import (
	"bytes"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/text"
)

// phrase is boilerplate recognised by how a line or sentence starts.
type phrase struct {
	text   string // lowercase start, words separated by single spaces
	reason Reason
	max    int  // most words the line or sentence may have; 0: any
	cut    bool // only the phrase itself is boilerplate: keep what follows
}

// phrases are the families of boilerplate that page extraction leaves.
// Each is matched at the start of a line, and of a sentence inside a long
// paragraph, on whole words and in any letter case.
var phrases = []phrase{
	// teasers and links to other stories
	{"read more", Teaser, 40, false}, {"read next", Teaser, 40, false}, {"read also", Teaser, 40, false},
	{"also read", Teaser, 40, false}, {"also see", Teaser, 30, false}, {"see also", Teaser, 30, false},
	{"related:", Teaser, 40, false}, {"related coverage", Teaser, 40, false}, {"related articles", Teaser, 40, false},
	{"related stories", Teaser, 40, false}, {"related content", Teaser, 40, false}, {"related video", Teaser, 40, false},
	{"related links", Teaser, 40, false}, {"related", Teaser, 1, false}, {"more:", Teaser, 40, false},
	{"more from", Teaser, 12, false}, {"more on this", Teaser, 12, false}, {"recommended", Teaser, 6, false},
	{"recommended for you", Teaser, 30, false}, {"you may also like", Teaser, 30, false},
	{"you might also like", Teaser, 30, false}, {"most read", Teaser, 8, false}, {"most popular", Teaser, 8, false},
	{"most viewed", Teaser, 8, false}, {"top stories", Teaser, 8, false}, {"trending", Teaser, 6, false},
	{"editor's picks", Teaser, 8, false}, {"editors' picks", Teaser, 8, false}, {"don't miss", Teaser, 20, false},
	{"watch:", Teaser, 40, false}, {"watch now", Teaser, 12, false}, {"watch the video", Teaser, 15, false},
	{"watch video", Teaser, 15, false}, {"listen:", Teaser, 40, false}, {"listen to this article", Teaser, 15, false},
	{"listen to the story", Teaser, 15, false}, {"continue reading", Teaser, 0, true},
	{"story continues below", Teaser, 0, true}, {"story continued below", Teaser, 0, true},
	{"article continues below", Teaser, 0, true}, {"click here", Prompt, 30, false}, {"tap here", Prompt, 30, false},
	{"click to enlarge", Caption, 12, false}, {"click on the image", Caption, 20, false}, {"enlarge this image", Caption, 0, true},
	{"toggle caption", Caption, 0, true}, {"hide caption", Caption, 0, true}, {"show caption", Caption, 0, true},
	{"view gallery", Teaser, 8, false}, {"view photos", Teaser, 8, false}, {"see photos", Teaser, 12, false},
	{"photos:", Caption, 40, false}, {"gallery:", Caption, 40, false}, {"slideshow", Teaser, 8, false},
	{"next slide", Teaser, 6, false}, {"previous slide", Teaser, 6, false},

	// share, subscribe, sign up, advertisements, accounts, comments
	{"share this", Prompt, 20, false}, {"share on", Prompt, 12, false}, {"share via", Prompt, 12, false},
	{"share:", Prompt, 12, false}, {"share the story", Prompt, 12, false}, {"share article", Prompt, 12, false},
	{"share", Prompt, 1, false}, {"tweet this", Prompt, 12, false}, {"email this", Prompt, 12, false},
	{"print this", Prompt, 12, false}, {"sign up", Prompt, 25, false}, {"signup", Prompt, 25, false},
	{"subscribe", Prompt, 25, false}, {"already a subscriber", Prompt, 20, false}, {"become a member", Prompt, 20, false},
	{"support our journalism", Prompt, 40, false}, {"donate", Prompt, 8, false}, {"follow us", Prompt, 20, false},
	{"follow @", Prompt, 15, false}, {"like us on facebook", Prompt, 20, false}, {"join our", Prompt, 15, false},
	{"join the conversation", Prompt, 20, false}, {"download our app", Prompt, 25, false},
	{"download the app", Prompt, 25, false}, {"get the app", Prompt, 25, false},
	{"get breaking news", Prompt, 25, false}, {"get push notifications", Prompt, 25, false},
	{"get email notifications", Prompt, 25, false}, {"close get email notifications", Prompt, 25, false},
	{"email notifications are only", Prompt, 30, false}, {"get daily updates", Prompt, 25, false},
	{"get the latest", Prompt, 15, false}, {"breaking news emails", Prompt, 25, false},
	{"the news and stories that matter", Prompt, 25, false}, {"please check your email", Prompt, 25, false},
	{"we have sent you", Prompt, 25, false}, {"just one more thing", Prompt, 10, false},
	{"invalid email", Prompt, 12, false}, {"please re-enter", Prompt, 8, false}, {"please enter", Prompt, 15, false},
	{"you must select a newsletter", Prompt, 20, false}, {"thank you for signing up", Prompt, 25, false},
	{"thanks for signing up", Prompt, 25, false}, {"thanks for reading", Prompt, 20, false},
	{"looking for news you", Prompt, 30, false}, {"interested in?", Prompt, 30, false},
	{"advertisement", Prompt, 0, true}, {"advertisements", Prompt, 0, true}, {"ad feedback", Prompt, 0, true},
	{"sponsored", Prompt, 6, false}, {"sponsored content", Prompt, 20, false}, {"paid content", Prompt, 12, false},
	{"paid post", Prompt, 12, false}, {"promoted", Prompt, 4, false}, {"supported by", Prompt, 8, false},
	{"we use cookies", Prompt, 60, false}, {"by using this site", Prompt, 60, false},
	{"by continuing to use", Prompt, 60, false}, {"accept cookies", Prompt, 30, false},
	{"cookie policy", Prompt, 20, false}, {"privacy policy", Prompt, 20, false}, {"terms of use", Prompt, 20, false},
	{"terms of service", Prompt, 20, false}, {"leave a comment", Prompt, 20, false}, {"comments", Prompt, 4, false},
	{"view comments", Prompt, 8, false}, {"add a comment", Prompt, 12, false}, {"post a comment", Prompt, 12, false},
	{"show comments", Prompt, 8, false}, {"this will appear next to all of your comments", Prompt, 40, false},
	{"log in", Prompt, 15, false}, {"login", Prompt, 10, false}, {"sign in", Prompt, 15, false},
	{"register", Prompt, 6, false}, {"create an account", Prompt, 20, false},
	{"already have an account", Prompt, 20, false}, {"you have reached your", Prompt, 40, false},
	{"you've reached your", Prompt, 40, false}, {"to continue reading", Prompt, 30, false},
	{"for unlimited access", Prompt, 30, false}, {"skip to", Prompt, 8, false}, {"skip in skip", Prompt, 20, false},
	{"close skip", Prompt, 20, false}, {"jump to", Prompt, 8, false}, {"back to top", Prompt, 6, false},
	{"scroll to", Prompt, 10, false}, {"close", Prompt, 1, false}, {"menu", Prompt, 1, false},
	{"search", Prompt, 1, false}, {"loading", Prompt, 2, false}, {"would you like to", Prompt, 25, false},
	{"this article is over", Prompt, 12, false}, {"this article was originally published", Prompt, 40, false},
	{"this story was originally published", Prompt, 40, false}, {"this story originally appeared", Prompt, 40, false},
	{"this article originally appeared", Prompt, 40, false}, {"a version of this article", Prompt, 40, false},
	{"a version of this story", Prompt, 40, false}, {"originally published", Prompt, 30, false},

	// video players, embeds, page scripts
	{"media playback is unsupported", Embed, 0, false}, {"media caption", Embed, 0, false},
	{"video caption", Embed, 0, false}, {"play video", Embed, 12, false}, {"play facebook twitter", Embed, 0, false},
	{"embed more", Embed, 0, false}, {"embed code", Embed, 20, false}, {"rating is available when", Embed, 25, false},
	{"this feature is not available", Embed, 20, false}, {"the interactive transcript could not", Embed, 25, false},
	{"please try again later", Embed, 12, false}, {"please enable javascript", Embed, 40, false},
	{"we've detected that javascript", Embed, 40, false}, {"javascript is disabled", Embed, 30, false},
	{"your browser does not support", Embed, 30, false}, {"video player", Embed, 8, false}, {"autoplay", Embed, 8, false},
	{"up next", Embed, 12, false}, {"now playing", Embed, 12, false}, {"replay more videos", Embed, 0, false},
	{"must watch", Embed, 20, false}, {"text size", Embed, 15, false},
	{"you always have the option to delete your tweet", Embed, 30, false}, {"tweet with a location", Embed, 40, false},
	{"add a location to your tweets", Embed, 40, false}, {"add this tweet to your website", Embed, 30, false},
	{"you can switch location", Embed, 40, false}, {"learn more", Embed, 3, false},
	{"twitter may be over capacity", Embed, 30, false}, {"something went wrong", Embed, 20, false},
	{"try again", Embed, 6, false}, {"embed this", Embed, 15, false}, {"get the code", Embed, 10, false},
	{"copy link", Embed, 8, false}, {"link copied", Embed, 8, false}, {"view this post on instagram", Embed, 20, false},
	{"a post shared by", Embed, 40, false}, {"pic.twitter.com", Embed, 10, false},

	// photos
	{"image copyright", Caption, 0, false}, {"image caption", Caption, 0, false}, {"image source", Caption, 20, false},
	{"photo:", Caption, 40, false}, {"photo credit", Caption, 40, false}, {"photograph:", Caption, 40, false},
	{"picture:", Caption, 40, false}, {"pictured:", Caption, 40, false}, {"image:", Caption, 40, false},
	{"images:", Caption, 40, false}, {"caption:", Caption, 60, false}, {"illustration:", Caption, 40, false},
	{"credit:", Caption, 30, false}, {"video:", Caption, 40, false}, {"(photo", Caption, 40, false},
	{"file photo", Caption, 60, false}, {"file - in this", Caption, 80, false}, {"file – in this", Caption, 80, false},
	{"file — in this", Caption, 80, false}, {"in this file photo", Caption, 80, false},
	{"this undated photo", Caption, 60, false}, {"in this undated photo", Caption, 60, false},
	{"in this photo", Caption, 60, false}, {"in this image", Caption, 60, false}, {"in this handout", Caption, 60, false},
	{"photo advertisement", Caption, 0, true},

	// credits and bylines written out
	{"reporting by", Byline, 40, false}, {"additional reporting by", Byline, 40, false},
	{"with reporting by", Byline, 40, false}, {"(reporting by", Byline, 40, false}, {"editing by", Byline, 30, false},
	{"edited by", Byline, 15, false}, {"written by", Byline, 15, false}, {"compiled by", Byline, 20, false},
	{"contributed by", Byline, 15, false}, {"story by", Byline, 15, false}, {"words by", Byline, 12, false},
	{"text by", Byline, 12, false}, {"produced by", Byline, 15, false}, {"graphics by", Byline, 15, false},
	{"photos by", Byline, 15, false}, {"photography by", Byline, 15, false}, {"posted by", Byline, 15, false},
	{"contributors:", Byline, 40, false}, {"contributing:", Byline, 40, false},

	// legal
	{"copyright", Legal, 60, false}, {"©", Legal, 60, false}, {"(c) 19", Legal, 40, false}, {"(c) 20", Legal, 40, false},
	{"all rights reserved", Legal, 40, false}, {"dow jones reprints", Legal, 60, false},
	{"to order presentation-ready copies", Legal, 60, false}, {"this material may not be", Legal, 40, false},
	{"this copy is for your personal", Legal, 60, false}, {"distributed by", Legal, 10, false},
}

// containsRule is boilerplate recognised by a phrase anywhere in a short
// line or sentence.
type containsRule struct {
	text   string
	reason Reason
	max    int
}

var contains = []containsRule{
	{"all rights reserved", Legal, 40},
	{"may not be published, broadcast", Legal, 60},
	{"contributed to this report", Byline, 30},
	{"contributed reporting", Byline, 30},
	{"material for this report", Byline, 30},
	{"our newsletter", Prompt, 25},
	{"newsletter to subscribe", Prompt, 25},
	{"use cookies", Prompt, 60},
	{"your browser", Embed, 25},
	{"javascript", Embed, 25},
	{"pic.twitter.com", Embed, 60},
	{"image copyright", Caption, 40},
	{"image caption", Caption, 40},
	{"(photo:", Caption, 60},
	{"(ap photo", Caption, 60},
	{"getty images)", Caption, 60},
	{"/getty images", Caption, 60},
	{"(reuters photo", Caption, 60},
	{"(afp photo", Caption, 60},
	{"click here", Prompt, 25},
}

// phrasesByFirst indexes phrases by their first word, the key that
// matchPhrases looks up.
var phrasesByFirst = func() map[string][]phrase {
	m := make(map[string][]phrase)
	for _, p := range phrases {
		k := string(firstWord([]byte(p.text)))
		m[k] = append(m[k], p)
	}
	return m
}()

// firstWord returns the first word of a lowercase text: up to a blank,
// without a final colon, period or comma.
func firstWord(low []byte) []byte {
	i := bytes.IndexByte(low, ' ')
	if i < 0 {
		i = len(low)
	}
	w := low[:i]
	for len(w) > 1 && (w[len(w)-1] == ':' || w[len(w)-1] == '.' || w[len(w)-1] == ',') {
		w = w[:len(w)-1]
	}
	return w
}

// matchPhrases checks the phrase families against s, whose lowercase
// start is low. It returns the reason and, for phrases that are only
// boilerplate themselves, the length of the piece to cut (else 0). words
// is text.WordsUpTo(s, 100) when the caller knows it, else -1.
func matchPhrases(low []byte, s string, line bool, words int) (Reason, int) {
	countWords := func() int {
		if words < 0 {
			words = text.WordsUpTo(s, 100)
		}
		return words
	}
	for _, p := range phrasesByFirst[string(firstWord(low))] {
		if !bytes.HasPrefix(low, []byte(p.text)) {
			continue
		}
		n := len(p.text)
		if n < len(low) && isWordByte(low[n]) && isWordByte(low[n-1]) {
			continue // "shares", "closed"
		}
		if p.cut {
			rest := strings.TrimLeft(s[n:], " .:,-–—|")
			if text.WordsUpTo(rest, 3) >= 3 {
				return p.reason, len(s) - len(rest)
			}
			return p.reason, 0
		}
		if p.max > 0 && countWords() > p.max {
			continue
		}
		return p.reason, 0
	}
	if line {
		for _, r := range contains {
			// The word count first: it is counted once, and rules out
			// most rules for a long paragraph.
			if countWords() <= r.max && bytes.Contains(low, []byte(r.text)) {
				return r.reason, 0
			}
		}
	} else {
		// Inside a paragraph, only what hides mid-sentence: credits and
		// archive notices.
		if bytes.Contains(low, []byte("contributed to this report")) && countWords() <= 30 {
			return Byline, 0
		}
		if bytes.Contains(low, []byte("rights reserved")) && countWords() <= 40 {
			return Legal, 0
		}
	}
	if bytes.Contains(low, []byte("crawl")) && countWords() <= 80 {
		for _, w := range []string{"archive", "seed", "collection", "alexa", "wayback", "web"} {
			if bytes.Contains(low, []byte(w)) {
				return Archive, 0
			}
		}
	}
	return "", 0
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
}

// verdict is what classifyLine says of a line.
type verdict struct {
	reason Reason
	weak   bool   // only a heuristic says so
	keep   string // when set, a prefix of the line to keep (a credit cut off its end)
	meta   meta
}

// classifyLine decides whether a whole line (a paragraph) is boilerplate.
func classifyLine(l string, pos, n int) verdict {
	var lowBuf [400]byte
	lowb := lowerASCII(lowBuf[:0], l, len(lowBuf))
	words := text.WordsUpTo(l, 80)
	if words == 0 {
		return verdict{reason: Rule}
	}
	if isLink(l) {
		return verdict{reason: Link}
	}
	if h := markdownHeading(l); h != "" {
		return verdict{reason: Headline, meta: meta{title: h}}
	}
	if keep, ok := captionCredit(l, words); ok {
		if keep == "" {
			return verdict{reason: Caption}
		}
		return verdict{keep: keep}
	}
	if words <= 80 {
		// words <= 80 is the whole count, as WordsUpTo(l, 100) gives it.
		if r, cut := matchPhrases(lowb, l, true, words); r != "" && cut == 0 {
			if r == Byline {
				return verdict{reason: r, meta: meta{author: creditAuthor(l)}}
			}
			return verdict{reason: r}
		}
	}
	if words <= 6 && isReadTime(string(lowb)) {
		return verdict{reason: ReadTime}
	}
	if words <= 14 {
		if author, date, ok := byline(l); ok {
			return verdict{reason: Byline, meta: meta{author: author, date: date}}
		}
		if d, when, parsed, ok := dateLine(l, string(lowb)); ok {
			return verdict{reason: Date, meta: meta{date: d, when: when, parsed: parsed}}
		}
	}
	if words <= 40 && isTweetCredit(l) {
		return verdict{reason: Embed}
	}
	if words <= 15 && !endsSentence(l, words) {
		switch {
		case words <= 4 && isPlace(l):
			return verdict{reason: Dateline, weak: true}
		case words <= 4:
			return verdict{reason: Label, weak: true}
		}
		return verdict{reason: Headline, weak: true}
	}
	if words <= 30 && !endsSentence(l, words) && titleCase(l) {
		return verdict{reason: Headline, weak: true}
	}
	return verdict{}
}

// markdownHeading returns the text of a Markdown ATX heading ("## Title"),
// or "".
func markdownHeading(l string) string {
	i := 0
	for i < len(l) && i < 7 && l[i] == '#' {
		i++
	}
	if i == 0 || i > 6 || i >= len(l) || l[i] != ' ' {
		return ""
	}
	return strings.TrimSpace(strings.TrimRight(l[i:], "# "))
}

// titleCase reports whether most words of l, other than short function
// words, start with a capital: the way headlines and labels are written.
func titleCase(l string) bool {
	caps, n := 0, 0
	for _, f := range strings.Fields(l) {
		if len(f) <= 3 && strings.ToLower(f) == f {
			continue // "of", "the", "in", "and"
		}
		n++
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return n > 0 && caps*10 >= n*8
}

// endsSentence reports whether l ends like a sentence: with . ! ? … (before
// any closing quotes or brackets), or with a colon after a few words.
func endsSentence(l string, words int) bool {
	l = strings.TrimRight(l, "\"')]»”’ ")
	if l == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	switch r {
	case '.', '!', '?', '…':
		return true
	case ':', ';', ',':
		return words >= 4
	}
	return false
}

// isPlace reports whether a short line reads as a place name alone:
// capitalised words split by a comma ("Ottawa, Ontario"), or capitals
// ("WASHINGTON").
func isPlace(l string) bool {
	if !strings.ContainsRune(l, ',') && strings.ToUpper(l) != l {
		return false
	}
	for _, f := range strings.Fields(l) {
		f = strings.Trim(f, ",()")
		if f == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isLink reports whether the line is only a link: a bare URL, a domain
// path, an autolink or a Markdown link or image.
func isLink(l string) bool {
	t := strings.TrimSpace(l)
	if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") && !strings.ContainsRune(t, ' ') {
		t = t[1 : len(t)-1]
	}
	if !strings.ContainsRune(t, ' ') {
		lt := strings.ToLower(t)
		if strings.HasPrefix(lt, "http://") || strings.HasPrefix(lt, "https://") || strings.HasPrefix(lt, "www.") {
			return true
		}
		// "pm.gc.ca/en/news/..." or "bit.ly/abc"
		if i := strings.IndexByte(t, '/'); i > 0 && strings.Contains(t[:i], ".") && !strings.ContainsAny(t, "<>\"") {
			dot := strings.LastIndexByte(t[:i], '.')
			if dot < i-1 && isAlpha(t[dot+1:i]) {
				return true
			}
		}
	}
	// Markdown: [text](url), ![alt](url), or several of them.
	rest := t
	links := 0
	for rest != "" {
		s := strings.TrimLeft(rest, " ,|•·-–—")
		if s == "" {
			break
		}
		if strings.HasPrefix(s, "!") {
			s = s[1:]
		}
		if !strings.HasPrefix(s, "[") {
			return false
		}
		j := strings.Index(s, "](")
		if j < 0 {
			return false
		}
		k := strings.IndexByte(s[j:], ')')
		if k < 0 {
			return false
		}
		links++
		rest = s[j+k+1:]
	}
	return links > 0
}

func isAlpha(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// isReadTime reports "3 min read", "5-minute read", "Reading time: 4
// minutes".
func isReadTime(low string) bool {
	if strings.Contains(low, "reading time") || strings.HasPrefix(low, "read time") {
		return true
	}
	for _, suf := range []string{" min read", " mins read", " minute read", "-minute read", " minutes read", "min read"} {
		if i := strings.Index(low, suf); i > 0 && low[i-1] >= '0' && low[i-1] <= '9' {
			return true
		}
	}
	return false
}

// parses reports whether article.ParseDate reads a date in s.
func parses(s string) bool {
	_, ok := article.ParseDate(s)
	return ok
}

// nameConnectors may stand between the names of a byline.
var nameConnectors = map[string]bool{
	"and": true, "&": true, "de": true, "da": true, "van": true, "von": true, "der": true,
	"den": true, "del": true, "la": true, "le": true, "al": true, "bin": true, "ibn": true,
	"in": true, "for": true, "the": true, "of": true, "|": true, "-": true, "–": true, "—": true,
}

// byline recognises "By Jane Doe", "By JANE DOE and JOHN ROE, Associated
// Press", "By Jane Doe | December 8, 2016". It returns the author names
// and any date written on the line.
func byline(l string) (author, date string, ok bool) {
	if len(l) < 4 || !(l[0] == 'B' || l[0] == 'b') || !(l[1] == 'y' || l[1] == 'Y') || l[2] != ' ' {
		return "", "", false
	}
	rest := l[3:]
	// A date after a separator: "By Jane Doe | Dec. 8, 2016", "By Jane Doe, Updated 3:45 PM".
	for _, sep := range []string{" | ", " • ", " · ", " - ", " — ", " – ", ", updated", ", Updated", " Updated", " Published", ", published"} {
		if i := strings.Index(rest, sep); i > 0 {
			tail := strings.TrimLeft(rest[i+len(sep):], " ,")
			if hasDigit(tail) || parses(tail) {
				date = tail
				rest = rest[:i]
				break
			}
		}
	}
	names := rest
	org := ""
	if i := strings.IndexByte(rest, ','); i >= 0 {
		names, org = rest[:i], rest[i+1:]
	}
	nameWords := 0
	for _, f := range strings.Fields(names) {
		if nameConnectors[strings.ToLower(f)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) || strings.ContainsAny(f, "!?;:\"“”") {
			return "", "", false
		}
		nameWords++
	}
	if nameWords == 0 || nameWords > 8 {
		return "", "", false
	}
	for _, f := range strings.Fields(org) {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) && !nameConnectors[strings.ToLower(f)] && !unicode.IsDigit(r) {
			return "", "", false
		}
	}
	return nameCase(strings.TrimRight(strings.TrimSpace(names), ".")), date, true
}

// creditAuthor takes the names out of a written-out credit ("Written by
// Jane Doe"); it returns "" for credits that are not an author's
// ("Reporting by ...; Editing by ...").
func creditAuthor(l string) string {
	low := strings.ToLower(l)
	for _, p := range []string{"written by ", "story by ", "words by ", "text by ", "posted by "} {
		if strings.HasPrefix(low, p) {
			if a, _, ok := byline("By " + l[len(p):]); ok {
				return a
			}
		}
	}
	return ""
}

// nameCase turns ALL-CAPS names into title case ("JANE DOE" → "Jane
// Doe"); other names are kept as written.
func nameCase(s string) string {
	fs := strings.Fields(s)
	for _, f := range fs {
		if !nameConnectors[strings.ToLower(f)] && (strings.ToUpper(f) != f || strings.ToLower(f) == f) {
			return s
		}
	}
	for i, f := range fs {
		if nameConnectors[strings.ToLower(f)] {
			fs[i] = strings.ToLower(f)
			continue
		}
		r, w := utf8.DecodeRuneInString(f)
		fs[i] = string(r) + strings.ToLower(f[w:])
	}
	return strings.Join(fs, " ")
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// dateLine recognises a line that is only a date or time: "December 8,
// 2016", "01 May, 2016", "Updated 3:45 PM ET, Thu December 8, 2016",
// "2 hours ago". It returns the text to parse for the article's date.
// When the returned text was parsed, when holds its date.
func dateLine(l, low string) (date string, when time.Time, parsed, ok bool) {
	if !hasDigit(l) {
		return "", time.Time{}, false, false
	}
	if t, ok := article.ParseDate(l); ok {
		return l, t, true, true
	}
	// Parts split by separators, each a date, a time or a label.
	parts := strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == '•' || r == '·' })
	if len(parts) > 1 {
		date := ""
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if t, ok := article.ParseDate(p); ok {
				if date == "" {
					date, when, parsed = p, t, true
				}
				continue
			}
			if !isTimeish(strings.ToLower(p)) {
				return "", time.Time{}, false, false
			}
		}
		return date, when, parsed, true
	}
	if isTimeish(low) {
		return "", time.Time{}, false, true
	}
	return "", time.Time{}, false, false
}

// timeWords may appear in a line that only says when: labels, weekdays,
// months, zones, "ago".
var timeWords = map[string]bool{
	"updated": true, "published": true, "posted": true, "last": true, "first": true, "on": true, "at": true,
	"am": true, "pm": true, "a.m.": true, "p.m.": true, "et": true, "est": true, "edt": true, "gmt": true,
	"utc": true, "bst": true, "cet": true, "pt": true, "pst": true, "pdt": true, "ct": true, "cst": true,
	"ago": true, "minute": true, "minutes": true, "hour": true, "hours": true, "day": true, "days": true,
	"week": true, "weeks": true, "mins": true, "min": true, "hrs": true, "hr": true, "yesterday": true,
	"today": true, "date": true, "time": true, "/": true, "-": true, "—": true, "–": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

// isTimeish reports whether every word of a lowercase line is a number, a
// time or one of timeWords, with at least one number.
func isTimeish(low string) bool {
	digits := false
	for _, f := range strings.Fields(low) {
		f = strings.Trim(f, ",.:()")
		if f == "" {
			continue
		}
		if hasDigit(f) {
			digits = true
			for i := 0; i < len(f); i++ {
				c := f[i]
				if !(c >= '0' && c <= '9' || c == ':' || c == '.' || c == '/' || c == '-' || c == 'a' || c == 'p' || c == 'm' ||
					c == 's' || c == 't' || c == 'n' || c == 'd' || c == 'r' || c == 'h') {
					return false
				}
			}
			continue
		}
		if !timeWords[f] {
			return false
		}
	}
	return digits
}

// isTweetCredit recognises the attribution line of an embedded tweet:
// "— Jane Doe (@janedoe) December 8, 2016".
func isTweetCredit(l string) bool {
	if !strings.Contains(l, "(@") {
		return false
	}
	t := strings.TrimLeft(l, " -–—")
	return len(t) < len(l) || strings.HasPrefix(l, "&mdash;")
}

// creditWords mark a bracket at the end of a line as a photo credit.
var creditWords = []string{
	"photo", "image", "picture", "credit", "getty", "afp", "ap ", "reuters", "epa", "shutterstock",
	"courtesy", "handout", "file", "pool", "anadolu", "/", "associated press", "istock", "alamy",
}

// captionCredit recognises a caption or a credit at the end of a line:
// "Syrian refugees protest ... [Anadolu]", "... (Photo: AFP/Getty Images)".
// It returns keep != "" when the line is a real sentence and only the
// credit after it is to go.
func captionCredit(l string, words int) (keep string, ok bool) {
	t := strings.TrimRight(l, " .")
	if t == "" {
		return "", false
	}
	closer := t[len(t)-1]
	if closer != ']' && closer != ')' {
		return "", false
	}
	opener := byte('[')
	if closer == ')' {
		opener = '('
	}
	i := strings.LastIndexByte(t, opener)
	if i < 0 {
		return "", false
	}
	inner := strings.ToLower(t[i+1 : len(t)-1])
	if text.WordsUpTo(inner, 6) > 6 || inner == "" {
		return "", false
	}
	before := strings.TrimSpace(t[:i])
	credit := false
	for _, w := range creditWords {
		if strings.Contains(inner, w) {
			credit = true
			break
		}
	}
	if closer == ']' && !credit {
		// A bracketed name at the end of a line without a sentence stop:
		// "... refugee camp in Greece [Anadolu]".
		credit = !endsSentence(before, 4) && isPlace(t[i+1:len(t)-1])
	}
	if !credit {
		return "", false
	}
	// A paragraph of several sentences with a credit run onto its end
	// keeps its sentences; a single sentence with a credit is a caption.
	if before != "" && endsSentence(before, text.WordsUpTo(before, 4)) && words > 8 && len(text.Sentences(before)) > 1 {
		return before, true
	}
	if words > 60 {
		return "", false
	}
	return "", true
}

// photoAgencies are credits that follow "Image copyright" in pages of
// broadcasters, longest first.
var photoAgencies = []string{
	"science photo library", "press association", "getty images", "afp/getty images", "rex/shutterstock",
	"rex features", "shutterstock", "thinkstock", "afp/getty", "istock", "reuters", "alamy", "empics",
	"youtube", "twitter", "facebook", "instagram", "nasa", "afp", "epa", "bbc", "spl", "ap", "pa",
}

// imageCreditCut handles "Image copyright <agency> <sentence>", where a
// broadcaster's photo credit runs into the first sentence of the story:
// it returns the length of the credit to cut when the agency is known and
// a sentence follows, else 0 (the whole sentence is a caption).
func imageCreditCut(low []byte, s string) int {
	i := len("image copyright ")
	n := 0
	for {
		matched := false
		for _, a := range photoAgencies {
			if bytes.HasPrefix(low[i:], []byte(a)) && (i+len(a) == len(low) || low[i+len(a)] == ' ') {
				i += len(a)
				for i < len(low) && low[i] == ' ' {
					i++
				}
				n++
				matched = true
				break
			}
		}
		if !matched {
			break
		}
	}
	if n == 0 || i >= len(low) || bytes.HasPrefix(low[i:], []byte("image caption")) || text.WordsUpTo(s[i:], 8) < 8 {
		return 0
	}
	return i
}
