package schools

import "time"

// SchoolDay reports whether a Danish school usually teaches on day d (its
// date is read, not its clock): a weekday outside the holidays most
// municipalities share — Christmas, the winter break (week 7), Easter from
// the Saturday before Palm Sunday to Easter Monday, Ascension Day and the
// Friday after, Whit Monday, the summer holiday and the autumn break
// (week 42). A municipality's own calendar can differ by a few days; a
// follow-up on one of those is a small thing, one on New Year's Eve is not.
func SchoolDay(d time.Time) bool {
	day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	if day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		return false
	}
	_, week := day.ISOWeek()
	md := int(day.Month())*100 + day.Day()
	switch {
	case md >= 1221 || md <= 103: // Christmas and New Year
		return false
	case md >= 627 && md <= 809: // summer
		return false
	case week == 7 || week == 42: // winter and autumn breaks
		return false
	}
	easter := Easter(day.Year())
	since := int(day.Sub(easter).Hours() / 24)
	switch {
	case since >= -8 && since <= 1: // Palm Sunday week to Easter Monday
		return false
	case since == 39 || since == 40: // Ascension Day and the Friday after
		return false
	case since == 50: // Whit Monday
		return false
	}
	return true
}

// Easter is Easter Sunday of the Gregorian year y, at midnight UTC (the
// anonymous Gregorian computus).
func Easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
