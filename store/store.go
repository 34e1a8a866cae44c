// Package store keeps Brobygger's data in MongoDB. It implements the storage
// interfaces the domains declare — bot.Store and bot.CaseStore (the
// conversation), accounts.Store, safeguarding.Store, catalog.Store and the
// leads interfaces — saving its own document types and translating the
// driver's errors into each domain's own sentinels. Only app wires it in.
// With no MongoDB URI it starts an embedded FerretDB (SQLite) in-process
// and talks to it through the same official driver.
//
// Every read-modify-write is an update by closure with a version check
// (optimistic concurrency), which is correct on MongoDB. FerretDB v1 loses
// concurrent updates to one document and reports version-checked updates as
// successful even when they were lost, so in embedded mode — where this
// process is the database's only client — the store also serialises writes
// to each document in-process.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"

	"github.com/brobygger/brobygger/bot"
)

// Config says which database to use.
type Config struct {
	// URI of a MongoDB deployment; empty starts the embedded database.
	URI string
	// DataDir holds the embedded database's files.
	DataDir string
	// Database name; defaults to "brobygger".
	Database string
	Logger   *slog.Logger
	// CheckpointEvery is how often the embedded database's write-ahead log
	// is moved into its file and emptied, so that erased data leaves no
	// copy behind; defaults to DefaultCheckpointEvery.
	CheckpointEvery time.Duration
}

// DefaultCheckpointEvery bounds how long an erasure's old data may stay in
// the embedded database's write-ahead log.
const DefaultCheckpointEvery = 10 * time.Second

// Store is the MongoDB-backed storage.
type Store struct {
	client   *mongo.Client
	db       *mongo.Database
	embedded bool
	// sqlite is the embedded database's own file, opened beside FerretDB
	// for checkpoints; nil on MongoDB.
	sqlite  *sql.DB
	locks   keyedMutex
	writeMu sync.Mutex
	// cache keeps the documents read on every request, in embedded mode
	// only (doccache.go); nil on MongoDB.
	cache *docCache
	stop  func()
	log   *slog.Logger
}

// Open connects to MongoDB, or starts the embedded database when cfg.URI is empty.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Database == "" {
		cfg.Database = "brobygger"
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Store{log: cfg.Logger, stop: func() {}}
	uri := cfg.URI
	var dbDir string
	if uri == "" {
		var err error
		uri, dbDir, s.stop, err = startEmbedded(cfg.DataDir, cfg.Logger)
		if err != nil {
			return nil, err
		}
		s.embedded = true
		s.cache = newDocCache()
	}
	opts := options.Client().ApplyURI(uri).
		SetBSONOptions(&options.BSONOptions{UseJSONStructTags: true}).
		SetServerSelectionTimeout(10 * time.Second)
	client, err := mongo.Connect(opts)
	if err != nil {
		s.stop()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	s.client = client
	s.db = client.Database(cfg.Database)
	if err := s.Ping(ctx); err != nil {
		_ = s.Close(context.Background())
		return nil, err
	}
	if err := s.ensureIndexes(ctx); err != nil {
		_ = s.Close(context.Background())
		return nil, err
	}
	if s.embedded {
		// Every turn looks a client message's key up by _id: its collection
		// must exist when the _id lookups are indexed.
		if err := s.db.CreateCollection(ctx, colClientMessages); err != nil && !isAlreadyExists(err) {
			_ = s.Close(context.Background())
			return nil, fmt.Errorf("create collection %s: %w", colClientMessages, err)
		}
		if err := indexIDLookups(ctx, s.db, dbDir); err != nil {
			_ = s.Close(context.Background())
			return nil, err
		}
		if err := s.keepFilesPrivate(dbDir, cfg); err != nil {
			_ = s.Close(context.Background())
			return nil, err
		}
	}
	return s, nil
}

// keepFilesPrivate makes the embedded database's folder and files readable
// by this user only (0700 and 0600; SQLite creates its write-ahead log and
// shared-memory files with the database file's mode), and starts
// checkpointing its write-ahead log.
func (s *Store) keepFilesPrivate(dbDir string, cfg Config) error {
	if err := os.Chmod(dbDir, 0o700); err != nil {
		return fmt.Errorf("protect data folder: %w", err)
	}
	files, err := os.ReadDir(dbDir)
	if err != nil {
		return fmt.Errorf("protect data folder: %w", err)
	}
	for _, f := range files {
		if f.Type().IsRegular() {
			if err := os.Chmod(filepath.Join(dbDir, f.Name()), 0o600); err != nil {
				return fmt.Errorf("protect database file: %w", err)
			}
		}
	}
	file := filepath.Join(dbDir, s.db.Name()+".sqlite")
	// A short busy wait: a checkpoint that finds readers is tried again
	// next time rather than holding writes up.
	s.sqlite, err = sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(1000)")
	if err != nil {
		return fmt.Errorf("open embedded database file: %w", err)
	}
	s.sqlite.SetMaxOpenConns(1)
	every := cfg.CheckpointEvery
	if every <= 0 {
		every = DefaultCheckpointEvery
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := s.Checkpoint(ctx); err != nil && ctx.Err() == nil && !errors.Is(err, errCheckpointBusy) {
					s.log.Warn("checkpoint of the embedded database failed", "err", err)
				}
			}
		}
	}()
	stopFerret := s.stop
	s.stop = func() {
		cancel()
		<-done
		_ = s.sqlite.Close()
		stopFerret()
	}
	return nil
}

// errCheckpointBusy means readers still used the write-ahead log, so it
// could not be emptied this time.
var errCheckpointBusy = errors.New("the write-ahead log is still being read")

// Checkpoint moves the embedded database's write-ahead log into the
// database file and empties it. Deleted data is zeroed in the file (secure
// delete), but the log still holds the pages as they were before; after a
// checkpoint it holds nothing. It runs every CheckpointEvery by itself and
// is a no-op on MongoDB.
func (s *Store) Checkpoint(ctx context.Context) error {
	if s.sqlite == nil {
		return nil
	}
	defer s.serialise()()
	var busy, frames, moved int
	if err := s.sqlite.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &moved); err != nil {
		return fmt.Errorf("checkpoint embedded database: %w", err)
	}
	if busy != 0 {
		return fmt.Errorf("checkpoint embedded database: %w", errCheckpointBusy)
	}
	return nil
}

// startEmbedded runs FerretDB with its SQLite handler on a loopback port.
func startEmbedded(dir string, logger *slog.Logger) (uri, dbDir string, stop func(), err error) {
	if dir == "" {
		dir = "data"
	}
	dbDir, err = filepath.Abs(filepath.Join(dir, "db"))
	if err != nil {
		return "", "", nil, err
	}
	if err := os.MkdirAll(dbDir, 0o700); err != nil {
		return "", "", nil, fmt.Errorf("create data folder: %w", err)
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:  "sqlite",
		// FerretDB passes _pragma parameters on to every SQLite connection
		// it opens. Secure delete overwrites deleted and replaced documents
		// with zeros, so an erased young person's words do not stay in the
		// file's free space. In write-ahead-log mode, synchronous=normal
		// syncs the log at checkpoints rather than at every commit: the
		// file stays consistent, and a power cut can lose only the last
		// turns, which the app sends again with their client message ids.
		SQLiteURL: "file:" + dbDir + "/?_pragma=secure_delete(on)&_pragma=synchronous(normal)",
		// Only FerretDB's errors matter here.
		Logger: slog.New(quietHandler{logger.Handler()}).With("component", "ferretdb"),
	})
	if err != nil {
		return "", "", nil, fmt.Errorf("start embedded database: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()
	stop = func() {
		cancel()
		<-done
	}
	return f.MongoDBURI(), dbDir, stop, nil
}

// quietHandler drops records below error level: FerretDB logs every
// connection, and warns about commands the driver sends that it lacks.
type quietHandler struct{ slog.Handler }

func (h quietHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelError && h.Handler.Enabled(ctx, l)
}

func (h quietHandler) WithAttrs(a []slog.Attr) slog.Handler {
	return quietHandler{h.Handler.WithAttrs(a)}
}

func (h quietHandler) WithGroup(n string) slog.Handler { return quietHandler{h.Handler.WithGroup(n)} }

// Embedded reports whether the store runs on the embedded database.
func (s *Store) Embedded() bool { return s.embedded }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.client.Ping(ctx, readpref.Primary()); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	return nil
}

// Close disconnects and stops the embedded database.
func (s *Store) Close(ctx context.Context) error {
	err := s.client.Disconnect(ctx)
	s.stop()
	return err
}

// Drop removes the whole database; tests use it to start clean.
func (s *Store) Drop(ctx context.Context) error {
	if s.cache != nil {
		defer s.cache.clear()
	}
	return s.db.Drop(ctx)
}

// Collection names.
const (
	colUsers         = "users"
	colTokens        = "refresh_tokens"
	colConversations = "conversations"
	colMessagePages  = "message_pages"
	colOpportunities = "opportunities"
	colOrganisations = "organisations"
)

func (s *Store) ensureIndexes(ctx context.Context) error {
	idx := map[string][]mongo.IndexModel{
		colTokens:        {{Keys: bson.D{{Key: "family", Value: 1}}}},
		colOpportunities: {{Keys: bson.D{{Key: "organisation_id", Value: 1}}}},
	}
	for col, models := range idx {
		if _, err := s.db.Collection(col).Indexes().CreateMany(ctx, models); err != nil {
			return fmt.Errorf("create indexes on %s: %w", col, err)
		}
	}
	return nil
}

// lock serialises writes to one document in embedded mode and is a no-op on MongoDB.
func (s *Store) lock(col, id string) func() {
	if !s.embedded {
		return func() {}
	}
	return s.locks.lock(col + "/" + id)
}

// translate maps driver errors onto the conversation domain's sentinels.
// Each domain's storage translates into its own: translateAccounts,
// translateCases, translateCatalog, translateLeads.
func translate(err error) error { return translateTo(err, bot.ErrNotFound, bot.ErrConflict) }

// translateTo maps a missing document onto notFound and a duplicate key
// onto conflict, keeping the driver's error beside the latter for the log.
func translateTo(err, notFound, conflict error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, mongo.ErrNoDocuments):
		return notFound
	case mongo.IsDuplicateKeyError(err):
		return fmt.Errorf("%w: %w", conflict, err)
	}
	return err
}

// keyedMutex hands out one mutex per key and forgets it when nobody holds it.
type keyedMutex struct {
	mu sync.Mutex
	m  map[string]*keyedEntry
}

type keyedEntry struct {
	mu   sync.Mutex
	refs int
}

func (k *keyedMutex) lock(key string) func() {
	k.mu.Lock()
	if k.m == nil {
		k.m = map[string]*keyedEntry{}
	}
	e := k.m[key]
	if e == nil {
		e = &keyedEntry{}
		k.m[key] = e
	}
	e.refs++
	k.mu.Unlock()
	e.mu.Lock()
	return func() {
		e.mu.Unlock()
		k.mu.Lock()
		e.refs--
		if e.refs == 0 {
			delete(k.m, key)
		}
		k.mu.Unlock()
	}
}

var findIDsOnly = options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}})
