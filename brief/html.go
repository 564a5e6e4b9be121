package brief

import (
	"fmt"
	"html/template"
	"io"
)

// htmlPage is a self-contained page: no scripts, no external resources.
var htmlPage = template.Must(template.New("brief").Funcs(template.FuncMap{
	"date": FormatDate,
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Title}}{{.Title}}{{else}}Brief{{end}} — Chorus</title>
<style>
body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem;line-height:1.25}h2{font:600 1rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:#555;margin-top:2rem}
sup a{text-decoration:none;font:600 .7rem system-ui,sans-serif;color:#0b57d0;padding:0 .1em}
.note{font-style:italic;color:#8a4b00}
ol.sources{font:15px/1.5 system-ui,sans-serif;padding-left:1.5rem}
.off{color:#888}.warn{color:#8a4b00;font:14px system-ui,sans-serif}
</style>
</head>
<body>
<article>
{{if .Title}}<h1>{{.Title}}</h1>{{end}}
<p class="summary">{{range .Sentences}}<span class="sentence" data-from="{{.From}}" data-position="{{.Position}}">{{.Text}}</span>{{range .Citations}}<sup><a href="#source-{{.}}">[{{.}}]</a></sup>{{end}}{{if .Note}} <span class="note">({{.Note}})</span>{{end}} {{end}}</p>
<h2>Sources</h2>
<ol class="sources">
{{range .Sources}}<li id="source-{{.N}}"{{if .OffStory}} class="off"{{end}}><strong>{{if .Outlet}}{{.Outlet}}{{else}}Unknown outlet{{end}}</strong>{{if .Title}}, “{{.Title}}”{{end}}{{with date .Date}}, {{.}}{{end}}{{if .URL}}, <a href="{{.URL}}">{{.URL}}</a>{{else if .Origin}}, <code>{{.Origin}}</code>{{end}}{{if .OffStory}} — off-story: {{.OffStoryReason}}{{end}}</li>
{{end}}</ol>
{{if .Warnings}}<h2>Warnings</h2><ul class="warn">{{range .Warnings}}<li>{{.}}</li>{{end}}</ul>{{end}}
</article>
</body>
</html>
`))

// HTML writes b as a self-contained HTML page in which every citation links
// to its source.
func HTML(w io.Writer, b *Brief) error {
	if err := htmlPage.Execute(w, b); err != nil {
		return fmt.Errorf("write brief as HTML: %w", err)
	}
	return nil
}
