package app

import (
	"context"
	"fmt"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/referrals"
	"github.com/brobygger/brobygger/store"
)

// organisationNames names a referrer's organisation from the catalog's
// organisations, which admin create-org adds to.
type organisationNames struct{ st *store.Store }

// OrganisationName is the organisation's name as young people see it.
func (o organisationNames) OrganisationName(ctx context.Context, id string) (string, error) {
	org, err := o.st.Organisation(ctx, id)
	if err != nil {
		return "", err
	}
	return org.Name, nil
}

// startReferrals wires professionals' referrals: the store keeps them,
// the conversation service asks the young person and lets them type a
// code, and their leads carry the progress past the chat.
func (a *App) startReferrals(svc *bot.Service, st *store.Store) *referrals.Service {
	r := referrals.NewService(st, svc, st, organisationNames{st}, a.cfg.Now, api.NewID)
	svc.SetReferrals(r)
	return r
}

// CheckOrganisation reports whether an organisation with this id exists,
// so a referrer's account never names one the young person cannot be told.
func (a *Admin) CheckOrganisation(ctx context.Context, id string) error {
	if _, err := (organisationNames{a.st}).OrganisationName(ctx, id); err != nil {
		return fmt.Errorf("organisation %s: %w (create it first with admin create-org)", id, err)
	}
	return nil
}
