package brief

import (
	"fmt"
	"html/template"
	"io"
)

// htmlPage is a self-contained page: no scripts, no external resources.
var htmlPage = template.Must(template.New("brief").Funcs(template.FuncMap{
	"date": FormatDate,
	"inc":  func(i int) int { return i + 1 },
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
.off{color:#888}h3{font:600 .95rem system-ui,sans-serif;margin:1.2rem 0 .3rem}ul.facts{font:15px/1.5 system-ui,sans-serif;padding-left:1.2rem}.warn{color:#8a4b00;font:14px system-ui,sans-serif}
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
{{with .Facts}}<h2>Fact sheet</h2>
{{if .Figures}}<h3>Figures</h3><ul class="facts">{{range .Figures}}<li><strong>{{.What}}</strong> — {{if .Confirmed}}confirmed by {{.Sources}} sources{{else}}<span class="note">disputed</span>{{end}}: {{range $i, $v := .Values}}{{if $i}}; {{end}}{{$v.Text}}{{range $v.Docs}}<sup><a href="#source-{{inc .}}">[{{inc .}}]</a></sup>{{end}}{{end}}</li>{{end}}</ul>{{end}}
{{if .Quotes}}<h3>Quotes</h3><ul class="facts">{{range .Quotes}}<li>“{{.Text}}”{{if .Speaker}} — {{.Speaker}}{{end}}{{if ge .Origin 0}}; origin <a href="#source-{{inc .Origin}}">[{{inc .Origin}}]</a> ({{.OriginReason}}){{end}}; carried by {{range .Carriers}}<sup><a href="#source-{{inc .Doc}}">[{{inc .Doc}}]</a></sup>{{end}}</li>{{end}}</ul>{{end}}
{{if .Entities}}<h3>Entities</h3><ul class="facts">{{range .Entities}}<li><strong>{{.Name}}</strong> ({{.Kind}}){{if gt (len .Variants) 1}} — {{range $i, $v := .Variants}}{{if $i}}, {{end}}{{$v}}{{end}}{{end}}: {{range .Mentions}}[{{inc .Doc}}]×{{.Count}} {{end}}</li>{{end}}</ul>{{end}}
{{if .Timeline}}<h3>Timeline</h3><ul class="facts">{{range .Timeline}}<li>{{date .Date}} — {{.Text}}<sup><a href="#source-{{inc .Doc}}">[{{inc .Doc}}]</a></sup>{{if .OffStory}} <span class="off">(off-story report)</span>{{end}}</li>{{end}}</ul>{{end}}
{{if .OffStory}}<h3>Off-story reports</h3><ul class="facts">{{range .OffStory}}<li><a href="#source-{{inc .Doc}}">[{{inc .Doc}}]</a> {{.Reason}}</li>{{end}}</ul>{{end}}
{{end}}
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
