package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The embedded database's SQLite backs off with sleeps when two writes meet,
// which turns a 20 ms turn into hundreds under load. Its only client is this
// process, so in embedded mode every write waits its turn here instead;
// reads still run side by side. On MongoDB these are plain calls.

func (s *Store) serialise() func() {
	if !s.embedded {
		return func() {}
	}
	s.writeMu.Lock()
	return s.writeMu.Unlock
}

// forget drops from the cache what a write with filter may have changed.
// Deferred after serialise, it runs before writeMu is let go.
func (s *Store) forget(col string, filter any) {
	if s.cache != nil {
		s.cache.forget(col, filter)
	}
}

func (s *Store) insertOne(ctx context.Context, col string, doc any) (*mongo.InsertOneResult, error) {
	defer s.serialise()()
	return s.db.Collection(col).InsertOne(ctx, doc)
}

func (s *Store) insertMany(ctx context.Context, col string, docs []any, opts ...options.Lister[options.InsertManyOptions]) (*mongo.InsertManyResult, error) {
	defer s.serialise()()
	return s.db.Collection(col).InsertMany(ctx, docs, opts...)
}

func (s *Store) updateOne(ctx context.Context, col string, filter, update any) (*mongo.UpdateResult, error) {
	defer s.serialise()()
	defer s.forget(col, filter)
	return s.db.Collection(col).UpdateOne(ctx, filter, update)
}

func (s *Store) updateMany(ctx context.Context, col string, filter, update any) (*mongo.UpdateResult, error) {
	defer s.serialise()()
	defer s.forget(col, filter)
	return s.db.Collection(col).UpdateMany(ctx, filter, update)
}

func (s *Store) replaceOne(ctx context.Context, col string, filter, doc any, opts ...options.Lister[options.ReplaceOptions]) (*mongo.UpdateResult, error) {
	defer s.serialise()()
	defer s.forget(col, filter)
	return s.db.Collection(col).ReplaceOne(ctx, filter, doc, opts...)
}

func (s *Store) deleteOne(ctx context.Context, col string, filter any) (*mongo.DeleteResult, error) {
	defer s.serialise()()
	defer s.forget(col, filter)
	return s.db.Collection(col).DeleteOne(ctx, filter)
}

func (s *Store) deleteMany(ctx context.Context, col string, filter any) (*mongo.DeleteResult, error) {
	defer s.serialise()()
	defer s.forget(col, filter)
	return s.db.Collection(col).DeleteMany(ctx, filter)
}
