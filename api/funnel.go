package api

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/counts"
	"github.com/brobygger/brobygger/funnel"
	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
)

// Funnels counts the bridge funnel; package funnel implements it.
type Funnels interface {
	Funnel(ctx context.Context, f funnel.Filter) ([]funnel.StageCount, error)
}

// funnelJSON is a funnel as every view shows it.
type funnelJSON struct {
	Stages []funnel.StageCount `json:"stages"`
	// From and To echo the period (To exclusive), null when open.
	From *string `json:"from"`
	To   *string `json:"to"`
	// MinCount is the smallest count shown; smaller ones, and those that
	// subtraction would turn into a smaller group, are null.
	MinCount int `json:"min_count"`
}

// funnelFilter reads ?from=&to= (dates in Danish time, or RFC 3339 times)
// and, where allowed, ?municipality=&age_band=.
func funnelFilter(c *fiber.Ctx, people bool) (funnel.Filter, error) {
	var f funnel.Filter
	for _, p := range []struct {
		name string
		to   *time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		raw := strings.TrimSpace(c.Query(p.name))
		if raw == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, raw)
		if err != nil {
			d, derr := time.ParseInLocation(time.DateOnly, raw, match.Copenhagen)
			if derr != nil {
				return f, unprocessable(p.name + ": give a date (2027-03-01) or a time (2027-03-01T10:00:00+01:00)")
			}
			if p.name == "to" {
				d = d.AddDate(0, 0, 1) // the whole last day
			}
			t = d
		}
		*p.to = t
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return f, unprocessable("to: must be after from")
	}
	if !people {
		if c.Query("municipality") != "" || c.Query("age_band") != "" {
			return f, unprocessable("municipality and age_band are for the whole funnel only")
		}
		return f, nil
	}
	if m := strings.TrimSpace(c.Query("municipality")); m != "" {
		mu, ok := geo.LookupMunicipality(m)
		if !ok {
			return f, unprocessable("municipality: " + m + " is not a Danish municipality")
		}
		f.Municipality = mu.Name
	}
	if b := c.Query("age_band"); b != "" {
		if !slices.Contains([]string{match.Band13to14, match.Band15to17, match.Band18to24, match.Band25to30}, b) {
			return f, unprocessable("age_band: one of 13-14, 15-17, 18-24, 25-30")
		}
		f.AgeBand = b
	}
	return f, nil
}

func (s *Server) sendFunnel(c *fiber.Ctx, f funnel.Filter) error {
	if s.funnels == nil {
		return notFound("the funnel is not counted on this server")
	}
	stages, err := s.funnels.Funnel(c.UserContext(), f)
	if err != nil {
		return err
	}
	out := funnelJSON{Stages: stages, MinCount: counts.Min}
	if !f.From.IsZero() {
		v := f.From.Format(time.RFC3339)
		out.From = &v
	}
	if !f.To.IsZero() {
		v := f.To.Format(time.RFC3339)
		out.To = &v
	}
	return c.JSON(out)
}

// adminFunnel is the whole bridge funnel, for the people who run Brobygger.
func (s *Server) adminFunnel(c *fiber.Ctx) error {
	f, err := funnelFilter(c, true)
	if err != nil {
		return err
	}
	return s.sendFunnel(c, f)
}

// orgFunnel is an organisation's own: its opportunities chosen, its leads
// sent, welcomed and belonging.
func (s *Server) orgFunnel(c *fiber.Ctx) error {
	f, err := funnelFilter(c, false)
	if err != nil {
		return err
	}
	f.OrgID = c.Params("org_id")
	return s.sendFunnel(c, f)
}

// facilitatorFunnel is a facilitator's own classes' funnel.
func (s *Server) facilitatorFunnel(c *fiber.Ctx) error {
	f, err := funnelFilter(c, false)
	if err != nil {
		return err
	}
	f.ClassIDs = []string{}
	if s.schools != nil {
		sessions, err := s.schools.List(c.UserContext(), caller(c).UserID)
		if err != nil {
			return err
		}
		for _, ses := range sessions {
			f.ClassIDs = append(f.ClassIDs, ses.ID)
		}
	}
	return s.sendFunnel(c, f)
}
