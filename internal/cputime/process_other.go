//go:build !unix

package cputime

import "time"

// Process is 0 where the system does not say: figures read from it are
// then left out.
func Process() time.Duration { return 0 }
