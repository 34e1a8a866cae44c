// Package counts decides which counts about people may be shown. A count
// of one to four people can point at someone ("the two who said mental
// health", "the three who never went"), so it is hidden, and so is any
// count whose difference to a shown count would give such a small group
// back by subtraction. Class summaries and the bridge funnels use it.
package counts

// Min is the smallest count shown.
const Min = 5

// Protect decides which of a total and its parts may be shown. Each part
// is a count of the total's people. A count under Min is hidden; so is a
// part whose difference to the total (the people without it) is between 1
// and Min-1, since subtraction would give that small group. With nested
// parts (a funnel: each part within the one before), the differences
// between the parts are checked too, and a part is hidden until no shown
// pair reveals a small group. With the total hidden, everything is. The
// result is the total and then the parts, nil where hidden.
func Protect(total int, parts []int, nested bool) []*int {
	out := make([]*int, len(parts)+1)
	if total < Min {
		return out
	}
	all := append([]int{total}, parts...)
	hidden := make([]bool, len(all))
	for i, v := range parts {
		if v < Min {
			hidden[i+1] = true
		}
	}
	small := func(d int) bool { return d > 0 && d < Min }
	for changed := true; changed; {
		changed = false
		for i := range all {
			for j := i + 1; j < len(all); j++ {
				if hidden[i] || hidden[j] {
					continue
				}
				// Parts that are not nested overlap in unknown ways;
				// only their difference to the total is a group.
				if !nested && i != 0 {
					continue
				}
				if small(abs(all[i] - all[j])) {
					hidden[j] = true // the later, smaller count gives way
					changed = true
				}
			}
		}
	}
	for i, v := range all {
		if !hidden[i] {
			out[i] = &v
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
