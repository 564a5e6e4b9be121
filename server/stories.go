package server

import (
	"errors"
	"net/http"
	"regexp"
	"strings"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/store"
)

// StoryIn is the body of POST /v1/stories.
type StoryIn struct {
	// Title names the story.
	Title string `json:"title"`
	// ID, when given, makes the create idempotent: a second create with
	// the same ID returns the existing story.
	ID string `json:"id,omitempty"`
}

// AddArticlesOut is the answer to POST /v1/stories/{id}/articles.
type AddArticlesOut struct {
	Story    store.Story  `json:"story"`
	Articles []ArticleOut `json:"articles"`
	// Added, Duplicates and Failed count the articles by outcome.
	Added      int `json:"added"`
	Duplicates int `json:"duplicates"`
	Failed     int `json:"failed"`
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

const maxTitle = 500

// notFoundErr maps store.ErrNotFound to a 404.
func notFoundErr(err error, what string) error {
	if errors.Is(err, store.ErrNotFound) {
		return &requestError{http.StatusNotFound, what + " not found"}
	}
	return err
}

func storyID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		return "", &requestError{http.StatusNotFound, "story " + id + " not found"}
	}
	return id, nil
}

func (s *Server) createStory(w http.ResponseWriter, r *http.Request) {
	var in StoryIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	in.Title = strings.TrimSpace(in.Title)
	switch {
	case in.Title == "":
		s.fail(w, r, badRequest(`a story needs a "title"`))
		return
	case len(in.Title) > maxTitle:
		s.fail(w, r, badRequest("title longer than %d bytes", maxTitle))
		return
	case in.ID != "" && !idPattern.MatchString(in.ID):
		s.fail(w, r, badRequest("id %q: use 1 to 64 letters, digits, - or _", in.ID))
		return
	}
	st, created, err := s.cfg.Store.CreateStory(r.Context(), in.ID, in.Title)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		w.Header().Set("Location", "/v1/stories/"+st.ID)
	}
	writeJSON(w, status, st)
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) {
	list, err := s.cfg.Store.Stories(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"stories": list})
}

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	id, err := storyID(r)
	if err == nil {
		var st store.Story
		if st, err = s.cfg.Store.Story(r.Context(), id); err == nil {
			writeJSON(w, http.StatusOK, st)
			return
		}
	}
	s.fail(w, r, notFoundErr(err, "story "+id))
}

func (s *Server) deleteStory(w http.ResponseWriter, r *http.Request) {
	id, err := storyID(r)
	if err == nil {
		if err = s.cfg.Store.DeleteStory(r.Context(), id); err == nil {
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	s.fail(w, r, notFoundErr(err, "story "+id))
}

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	id, err := storyID(r)
	if err == nil {
		var arts []article.Article
		var st store.Story
		if arts, st, err = s.cfg.Store.Articles(r.Context(), id); err == nil {
			writeJSON(w, http.StatusOK, map[string]any{"story": st, "articles": arts})
			return
		}
	}
	s.fail(w, r, notFoundErr(err, "story "+id))
}

func (s *Server) deleteArticle(w http.ResponseWriter, r *http.Request) {
	id, err := storyID(r)
	aid := r.PathValue("article")
	if err == nil {
		if err = s.cfg.Store.DeleteArticle(r.Context(), id, aid); err == nil {
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	s.fail(w, r, notFoundErr(err, "article "+aid+" of story "+id))
}

// addArticles reads the posted articles and stores the good ones in one
// transaction. It answers 200 with a per-article report; 422 when no
// article could be read.
func (s *Server) addArticles(w http.ResponseWriter, r *http.Request) {
	id, err := storyID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in ArticlesIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	// Check the story exists before fetching anything.
	if _, err := s.cfg.Store.Story(r.Context(), id); err != nil {
		s.fail(w, r, notFoundErr(err, "story "+id))
		return
	}
	arts, outs, err := s.readArticles(r.Context(), in.Articles)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var good []article.Article
	var goodIdx []int
	res := AddArticlesOut{Articles: outs}
	for i, o := range outs {
		if o.Error != "" {
			res.Failed++
			continue
		}
		good = append(good, arts[i])
		goodIdx = append(goodIdx, i)
	}
	if len(good) == 0 {
		st, err := s.cfg.Store.Story(r.Context(), id)
		if err != nil {
			s.fail(w, r, notFoundErr(err, "story "+id))
			return
		}
		res.Story = st
		writeJSON(w, http.StatusUnprocessableEntity, struct {
			apiError
			AddArticlesOut
		}{apiError{"no article could be read: " + outs[0].Error, http.StatusUnprocessableEntity}, res})
		return
	}
	added, st, err := s.cfg.Store.AddArticles(r.Context(), id, good)
	if err != nil {
		s.fail(w, r, notFoundErr(err, "story "+id))
		return
	}
	res.Story = st
	for k, a := range added {
		res.Articles[goodIdx[k]].Duplicate = a.Duplicate
		if a.Duplicate {
			res.Duplicates++
		} else {
			res.Added++
		}
	}
	writeJSON(w, http.StatusOK, res)
}
