package server

import (
	"runtime/debug"
	"strconv"
)

// ServerGCPercent is the garbage-collection target (GOGC) of a Chorus
// server process when the GOGC environment variable is unset. A brief
// allocates about a megabyte of short-lived data while the server's live
// heap stays small (tens of megabytes with every request in flight), so
// the default target of 100 collects every few briefs and spends about a
// tenth of the CPU on collection. At 400 the collector runs a quarter as
// often; the heap peaks at about five times the live data instead of
// twice, which keeps a one-shot server well under 300 MB.
const ServerGCPercent = 400

// TuneGC gives a long-running server process its collection target:
// ServerGCPercent unless getenv("GOGC") is set, in which case the
// operator's choice stands. It returns the target in effect (-1 when
// collection is off).
func TuneGC(getenv func(string) string) int {
	if v := getenv("GOGC"); v != "" {
		if v == "off" {
			return -1
		}
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
		return 100 // the runtime ignores a malformed GOGC
	}
	debug.SetGCPercent(ServerGCPercent)
	return ServerGCPercent
}
