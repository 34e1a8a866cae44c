package match

// Age bands shared with an organisation instead of an exact age.
const (
	Band13to14 = "13-14"
	Band15to17 = "15-17"
	Band18to24 = "18-24"
	Band25to30 = "25-30"
)

// AgeBand is the band an age falls in, or "" outside 13–30. Organisations
// see the band, not the age: it is what they need to pick tasks and to know
// whether a børneattest applies, and no more.
func AgeBand(age int) string {
	switch {
	case age >= 13 && age <= 14:
		return Band13to14
	case age >= 15 && age <= 17:
		return Band15to17
	case age >= 18 && age <= 24:
		return Band18to24
	case age >= 25 && age <= 30:
		return Band25to30
	}
	return ""
}
