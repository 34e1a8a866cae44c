package understand

import "strconv"

// clockTimes finds clock times ("kl 16", "kl. 15-18", "efter kl 17",
// "16:30", "5-8pm") and turns them into parts of the day.
func clockTimes(d *doc) []timeItem {
	var out []timeItem
	n := len(d.words)
	for i := 0; i < n; i++ {
		w := d.words[i]
		start, j := i, i
		switch {
		case (w.norm == "kl" || w.norm == "klokken") && i+1 < n && d.words[i+1].kind == tokNum:
			j = i + 1
		case w.kind == tokNum && i+1 < n && (isAmPm(d.words[i+1].norm) || sepBetween(d, i, i+1) == ":"):
		case w.kind == tokNum && i+2 < n && isRangeSep(d, i, i+1) && d.words[i+1].kind == tokNum && isAmPm(d.words[i+2].norm):
		case plainHourRange(d, i), dayThenHour(d, i):
		default:
			continue
		}
		from, end, ok := hourAt(d, j)
		if !ok {
			continue
		}
		clock := ""
		if end < n && isAmPm(d.words[end].norm) {
			clock = d.words[end].norm
			end++
		}
		to := -1
		if end < n && (isRangeSep(d, end-1, end) || isRangeWord(d.words[end].norm)) {
			k := end
			if isRangeWord(d.words[k].norm) {
				k++
			}
			if k < n && (d.words[k].norm == "kl" || d.words[k].norm == "klokken") {
				k++
			}
			if h, e2, ok2 := hourAt(d, k); ok2 {
				to, end = h, e2
				if end < n && isAmPm(d.words[end].norm) {
					clock = d.words[end].norm
					end++
				}
			}
		}
		from, to = adjustHours(from, to, clock)
		prev := ""
		if start > 0 {
			prev = d.words[start-1].norm
		}
		var parts uint8
		switch {
		case to >= 0:
			parts = partsBetween(from, to)
		case prev == "efter" || prev == "fra" || prev == "after" || prev == "from" || prev == "siden":
			parts = partsBetween(from, 23)
		case prev == "foer" || prev == "inden" || prev == "before" || prev == "until" || prev == "indtil":
			parts = partsBetween(7, from)
		default:
			parts = partOfHour(from)
		}
		out = append(out, timeItem{parts: parts, start: start, end: end})
		i = end - 1
	}
	return out
}

// plainHourRange recognises a range of hours written without "kl" where
// nothing else fits: "fra 17 til 20", "tirsdag 15-17". An age range
// ("13-17 år") is left alone.
func plainHourRange(d *doc, i int) bool {
	lo, ok1 := smallNumber(d, i)
	if !ok1 || lo < 6 || lo > 23 {
		return false
	}
	j := i + 1
	switch {
	case isRangeSep(d, i, j):
	case isRangeWord(d.norm(j)) && d.norm(j) != "og" && d.norm(j) != "and":
		j++
	default:
		return false
	}
	hi, ok2 := smallNumber(d, j)
	if !ok2 || hi <= lo || hi > 24 || ageUnits[d.norm(j+1)] || notAgeNext[d.norm(j+1)] {
		return false
	}
	prev := d.norm(i - 1)
	if prev == "fra" || prev == "mellem" || prev == "from" || prev == "between" {
		return true
	}
	_, day := dayWord(prev)
	return day
}

// dayThenHour recognises a starting hour written without "kl" right after a
// day: "tirsdag og torsdag fra 16", "onsdag efter 17".
func dayThenHour(d *doc, i int) bool {
	h, ok := smallNumber(d, i)
	if !ok || h < 6 || h > 23 || ageUnits[d.norm(i+1)] || notAgeNext[d.norm(i+1)] {
		return false
	}
	switch d.norm(i - 1) {
	case "fra", "efter", "from", "after":
		_, day := dayWord(d.norm(i - 2))
		return day
	}
	return false
}

func smallNumber(d *doc, i int) (int, bool) {
	if i < 0 || i >= len(d.words) || d.words[i].kind != tokNum || len(d.words[i].norm) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(d.words[i].norm)
	return n, err == nil
}

// hourAt reads "16", "16.30" or "16:30" starting at word j.
func hourAt(d *doc, j int) (hour, end int, ok bool) {
	if j >= len(d.words) || d.words[j].kind != tokNum {
		return 0, 0, false
	}
	h, err := strconv.Atoi(d.words[j].norm)
	if err != nil || h > 24 {
		return 0, 0, false
	}
	end = j + 1
	if end < len(d.words) && d.words[end].kind == tokNum && len(d.words[end].norm) == 2 {
		if s := sepBetween(d, j, end); s == ":" || s == "." {
			end++
		}
	}
	return h, end, true
}

// sepBetween returns the punctuation directly between two adjacent words.
func sepBetween(d *doc, a, b int) string {
	if a < 0 || b >= len(d.words) || a >= b {
		return ""
	}
	from, to := d.words[a].tok+1, d.words[b].tok
	if to-from != 1 {
		return ""
	}
	return d.toks[from].norm
}

func isRangeSep(d *doc, a, b int) bool {
	if b >= len(d.words) {
		return false
	}
	s := sepBetween(d, a, b)
	return s == "-" || s == "–" || s == "—"
}

func isRangeWord(w string) bool {
	return w == "til" || w == "to" || w == "og" || w == "and" || w == "until" || w == "indtil"
}

func isAmPm(w string) bool { return w == "am" || w == "pm" }

// adjustHours reads a 12-hour clock the way people mean it: nobody
// volunteers at five in the morning, so "kl 5" is 17.
func adjustHours(from, to int, clock string) (int, int) {
	fix := func(h int) int {
		if h >= 0 && h < 12 && (clock == "pm" || clock == "" && h > 0 && h < 7) {
			return h + 12
		}
		return h
	}
	from = fix(from)
	if to >= 0 {
		to = fix(to)
		if to < from && to+12 <= 24 {
			to += 12
		}
	}
	return from, to
}

func partOfHour(h int) uint8 {
	switch {
	case h < 12:
		return morning
	case h < 17:
		return afternoon
	}
	return evening
}

func partsBetween(from, to int) uint8 {
	if to <= from {
		return partOfHour(from)
	}
	var p uint8
	for h := from; h < to; h++ {
		p |= partOfHour(h)
	}
	return p
}
