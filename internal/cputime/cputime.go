// Package cputime gives benchmarks the CPU time the process has used. On a
// machine shared with other work the wall time measures the other work as
// much as the code under test; the process's CPU time (every thread and the
// garbage collector's included) grows with the work done.
package cputime

import "testing"

// PerOp reports, when the returned func is called after the benchmark's
// loop, the CPU time per iteration since PerOp, as cpu-µs/op.
func PerOp(b *testing.B) func() {
	before := Process()
	return func() {
		b.ReportMetric(float64((Process()-before).Microseconds())/float64(b.N), "cpu-µs/op")
	}
}
