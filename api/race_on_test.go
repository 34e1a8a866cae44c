//go:build race

package api_test

// raceDetector says whether the tests run under the race detector, which
// makes password hashes some twenty times slower.
const raceDetector = true
