//go:build !linux

package extract

import "time"

// threadCPU has no portable form: the benchmark then reports wall time only.
func threadCPU() (time.Duration, bool) { return 0, false }
