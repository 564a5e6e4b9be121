//go:build !unix

package rouge

import "time"

// cpuTime is not measured on this platform.
func cpuTime() time.Duration { return 0 }
