package bot

import "testing"

func TestSwitchFollowUps(t *testing.T) {
	for text, want := range map[string]string{
		"stop påmindelser":                  "off",
		"Slå påmindelserne fra":             "off",
		"ingen flere påmindelser tak":       "off",
		"stop the reminders":                "off",
		"turn reminders off":                "off",
		"slå påmindelser til":               "on",
		"påmindelser til igen":              "on",
		"turn on reminders":                 "on",
		"turn reminders on":                 "on",
		"stop":                              "",
		"jeg vil gerne stoppe med fodbold":  "",
		"kan du minde mig om det i morgen?": "",
		"hvornår får jeg påmindelser?":      "",
	} {
		on, ok := switchFollowUps(text)
		got := ""
		if ok {
			got = map[bool]string{true: "on", false: "off"}[on]
		}
		if got != want {
			t.Errorf("%q reads as %q, want %q", text, got, want)
		}
	}
}
