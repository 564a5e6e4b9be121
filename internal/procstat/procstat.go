// Package procstat reads the process's own resource use, for the figures
// that chorus summarize, chorus eval and the benchmarks print.
package procstat

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// PeakRSS returns the peak resident set size of this process in bytes
// (VmHWM from /proc/self/status). Where that is not available it falls back
// to the memory the Go runtime has obtained from the system.
func PeakRSS() uint64 {
	if f, err := os.Open("/proc/self/status"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				fields := strings.Fields(rest)
				if len(fields) >= 1 {
					if kb, err := strconv.ParseUint(fields[0], 10, 64); err == nil {
						return kb * 1024
					}
				}
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Sys
}

// MiB formats a byte count in mebibytes with one decimal.
func MiB(b uint64) string {
	return strconv.FormatFloat(float64(b)/(1<<20), 'f', 1, 64) + " MiB"
}
