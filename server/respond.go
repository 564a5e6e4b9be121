package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
)

// apiError is the body of every error response.
type apiError struct {
	// Error says what went wrong, for a person.
	Error string `json:"error"`
	// Status repeats the HTTP status code.
	Status int `json:"status"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encode response: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
	_, _ = w.Write([]byte("\n"))
}

func writeError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(apiError{Error: msg, Status: status})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
	_, _ = w.Write([]byte("\n"))
}

// requestError is a problem with the request, with the status to answer.
type requestError struct {
	status int
	msg    string
}

func (e *requestError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &requestError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// fail answers err: its own status for a requestError, 413 for a body
// over the cap, 504 for a deadline, else 500 (logged).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var re *requestError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &re):
		writeError(w, re.status, re.msg)
	case errors.As(err, &mbe):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit))
	case errors.Is(err, errDeadline(r)):
		writeError(w, http.StatusGatewayTimeout, "request took too long: "+err.Error())
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error: "+err.Error())
	}
}

// errDeadline returns the request context's error, or a sentinel that
// matches nothing while the request is still live.
func errDeadline(r *http.Request) error {
	if err := r.Context().Err(); err != nil {
		return err
	}
	return errNotDone
}

var errNotDone = errors.New("request still running")

// decodeJSON reads a JSON request body into v: 415 unless the body is
// declared JSON, 413 when too large, 400 when malformed, with unknown
// fields refused so that typos are caught.
func decodeJSON(r *http.Request, v any) error {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		return &requestError{http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %q is not supported: send application/json", ct)}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return badRequest("malformed JSON body: %v", err)
	}
	if dec.More() {
		return badRequest("malformed JSON body: more than one value")
	}
	return nil
}
