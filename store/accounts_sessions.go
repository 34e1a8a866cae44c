package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/brobygger/brobygger/accounts"
)

// A sign-in (accounts.Session) is stored in the refresh tokens' collection,
// beside the tokens of its family, and carries the same user_id and family
// fields. So every path that already ends a family's tokens ends the sign-in
// in the same write: signing out and a reused refresh token revoke by family
// (RevokeFamily), and erasing a user deletes by user_id. Checking it on each
// request is one _id lookup, the lookup the embedded database indexes.

// sessionKind marks sign-in documents among the refresh tokens.
const sessionKind = "session"

// sessionDoc is a sign-in as stored. Its _id is prefixed so that it can
// never be a refresh token's hash.
type sessionDoc struct {
	ID        string    `bson:"_id"`
	Kind      string    `bson:"kind"`
	UserID    string    `bson:"user_id"`
	Family    string    `bson:"family"`
	CreatedAt time.Time `bson:"created_at"`
	Revoked   bool      `bson:"revoked"`
}

func sessionDocID(id string) string { return sessionKind + ":" + id }

// StartSession records a sign-in; one recorded before is left as it is, so
// a revoked sign-in is never revived.
func (s *Store) StartSession(ctx context.Context, sess accounts.Session) error {
	doc := sessionDoc{ID: sessionDocID(sess.ID), Kind: sessionKind, UserID: sess.UserID, Family: sess.ID,
		CreatedAt: sess.CreatedAt, Revoked: sess.Revoked}
	if _, err := s.insertOne(ctx, colTokens, doc); err != nil {
		if err = translateAccounts(err); errors.Is(err, accounts.ErrConflict) {
			return nil
		}
		return fmt.Errorf("start session: %w", err)
	}
	return nil
}

// Session loads a sign-in by id; an unknown one is accounts.ErrNotFound.
func (s *Store) Session(ctx context.Context, id string) (accounts.Session, error) {
	var d sessionDoc
	if err := s.findByID(ctx, colTokens, sessionDocID(id), &d); err != nil {
		return accounts.Session{}, fmt.Errorf("load session: %w", translateAccounts(err))
	}
	if d.Kind != sessionKind {
		return accounts.Session{}, fmt.Errorf("load session: %w", accounts.ErrNotFound)
	}
	return accounts.Session{ID: d.Family, UserID: d.UserID, CreatedAt: d.CreatedAt, Revoked: d.Revoked}, nil
}
