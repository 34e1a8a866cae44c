package understand

import "testing"

func BenchmarkParse(b *testing.B) {
	msgs := []string{
		"Hej! Jeg er 15 og elsker dyr",
		"I'm 19, live in Aalborg, into sports and kids, free weekday evenings",
		"fredag eftermiddag og søndag formiddag, gerne noget fast hver uge sammen med mine venner",
		"jeg har tænkt på at skade mig selv",
		"bor på Nørrebro i København og vil gerne hjælpe ældre med IT",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Parse(msgs[i%len(msgs)])
	}
}
