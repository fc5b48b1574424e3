//go:build !unix

package feed

import "time"

func processCPU() time.Duration { return 0 }
