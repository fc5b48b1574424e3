//go:build unix

package feed

import (
	"syscall"
	"time"
)

// processCPU is the user and system time this process has used, every
// thread and the garbage collector's included: on a shared machine it
// grows with the work done, where wall time grows with the load.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
