package api

import (
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// firstStepICS returns the first step of a suggestion as an iCalendar event,
// so the young person can put it in their own calendar.
func (s *Server) firstStepICS(c *fiber.Ctx) error {
	id := c.Params("opportunity_id")
	step, err := s.conv.FirstStep(c.UserContext(), caller(c).UserID, id)
	if err != nil {
		return err
	}
	if step.StartsAt == nil {
		return &Error{Status: fiber.StatusNotFound, Slug: "no-date",
			Detail: "This first step has no fixed date: you agree on the time with the contact person."}
	}
	end := step.StartsAt.Add(2 * time.Hour)
	if step.EndsAt != nil {
		end = *step.EndsAt
	}
	utc := func(t time.Time) string { return t.UTC().Format("20060102T150405Z") }
	lines := []string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Brobygger//Brobygger//DA",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"BEGIN:VEVENT",
		"UID:" + id + "-" + utc(*step.StartsAt) + "@brobygger.dk",
		"DTSTAMP:" + utc(s.now()),
		"DTSTART:" + utc(*step.StartsAt),
		"DTEND:" + utc(end),
		"SUMMARY:" + icsEscape(step.Title),
		"LOCATION:" + icsEscape(step.Place),
		"DESCRIPTION:" + icsEscape(step.Text+"\n"+step.Contact),
		"END:VEVENT",
		"END:VCALENDAR",
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(icsFold(l))
	}
	c.Set(fiber.HeaderContentType, "text/calendar; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="brobygger-%s.ics"`, id))
	return c.SendString(b.String())
}

func icsEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`).Replace(s)
}

// icsFold breaks a content line into lines of at most 75 octets, never
// inside a UTF-8 character, as RFC 5545 asks.
func icsFold(line string) string {
	var b strings.Builder
	width := 0
	for _, r := range line {
		n := len(string(r))
		if width+n > 75 {
			b.WriteString("\r\n ")
			width = 1
		}
		b.WriteRune(r)
		width += n
	}
	b.WriteString("\r\n")
	return b.String()
}
