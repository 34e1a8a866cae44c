package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"go.mongodb.org/mongo-driver/v2/mongo"
	_ "modernc.org/sqlite" // the driver FerretDB itself uses for its SQLite files
)

// allCollections are created up front so each gets its _id index at start-up.
var allCollections = []string{colUsers, colTokens, colConversations, colMessagePages, colOpportunities, colOrganisations, colStaffCredentials, colCases, colAudit, colLeads, colInvites, colJobs, colWebhooks, colSessions, colClassCodes, colPushSubscriptions, colFollowUpSettings, colReferrals, colReferralCodes, colFunnelEvents, colMail, colMailDigest, colStaffSettings, colStaffTokens}

// indexIDLookups makes _id lookups on the embedded database use an index.
//
// FerretDB's SQLite backend indexes _id as `_ferretdb_sjson->"_id"` but looks
// documents up with `_ferretdb_sjson->'$._id'`, an expression SQLite does not
// consider the same, so every lookup by _id parses every document of the
// collection, and a turn gets slower with every conversation stored. An index
// on the expression the queries really use turns the scan into a search. The
// index lives in FerretDB's own file, beside its tables, and goes with them.
func indexIDLookups(ctx context.Context, db *mongo.Database, dbDir string) error {
	for _, col := range allCollections {
		if err := db.CreateCollection(ctx, col); err != nil && !isAlreadyExists(err) {
			return fmt.Errorf("create collection %s: %w", col, err)
		}
	}
	file := filepath.Join(dbDir, db.Name()+".sqlite")
	sqlDB, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("open embedded database file: %w", err)
	}
	defer sqlDB.Close()
	rows, err := sqlDB.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		return fmt.Errorf("list embedded tables: %w", err)
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, t+"_id_lookup", t)
		if _, err := sqlDB.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("index _id lookups on %s: %w", t, err)
		}
	}
	return nil
}

func isAlreadyExists(err error) bool {
	var ce mongo.CommandError
	if errors.As(err, &ce) {
		return ce.Code == 48 // NamespaceExists
	}
	return strings.Contains(err.Error(), "already exists")
}
