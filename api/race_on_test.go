//go:build race

package api_test

import "github.com/brobygger/brobygger/accounts"

// raceDetector says whether the tests run under the race detector, which
// makes password hashes some twenty times slower.
const raceDetector = true

// Under the race detector new password hashes are cheap: what is tested is
// who may sign in, not the hash's cost (TestParallelLoginsKeepMemoryBounded,
// which is about the cost, runs without the race detector).
func init() { accounts.UseCheapHashesForTests() }
