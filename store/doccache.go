package store

import (
	"bytes"
	"context"
	"sync"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// In embedded mode this process is the database's only client, and every
// write goes through the helpers in write.go while holding writeMu. So the
// process can keep the documents every request reads — conversations, users
// and sign-ins — and know exactly when one changes: a write through a helper
// forgets what it touched, and saving a conversation keeps what it saved.
// On MongoDB other instances write too, and there is no cache.
//
// Each embedded-database read decodes its document from JSON in SQLite and
// encodes it into BSON; a turn used to read its conversation and its
// sign-in before writing, and under load those reads queued behind the
// writes for the same two cores. Documents are kept as BSON and decoded on
// every hit, so no caller ever shares a value with another.

// cachedCollections are the collections read on every request.
var cachedCollections = map[string]bool{colConversations: true, colUsers: true, colTokens: true}

// maxCachedDocs bounds the cache; a conversation is about 10 kB.
const maxCachedDocs = 4096

type docCache struct {
	mu   sync.Mutex
	docs map[string]map[string]bson.Raw
	// gen counts writes per collection. A read from the database is kept
	// only if no write to its collection came between the read's start
	// and its end, so a slow read never brings back what a write replaced.
	gen map[string]uint64
	n   int
}

func newDocCache() *docCache {
	return &docCache{docs: map[string]map[string]bson.Raw{}, gen: map[string]uint64{}}
}

func (c *docCache) get(col, id string) (bson.Raw, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	raw, ok := c.docs[col][id]
	return raw, c.gen[col], ok
}

// put keeps raw as the document col/id. With read set, it is the result of
// a read that began at generation since, and is kept only if nothing was
// written to the collection meanwhile; a write's own put (read false) runs
// under writeMu, after the write, and always holds.
func (c *docCache) put(col, id string, raw bson.Raw, read bool, since uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if read && c.gen[col] != since {
		return
	}
	if !read {
		c.gen[col]++
	}
	m := c.docs[col]
	if m == nil {
		m = map[string]bson.Raw{}
		c.docs[col] = m
	}
	if _, had := m[id]; !had {
		if c.n >= maxCachedDocs {
			c.evictOne()
		}
		c.n++
	}
	m[id] = raw
}

// evictOne drops an arbitrary document; map order is random enough.
func (c *docCache) evictOne() {
	for _, m := range c.docs {
		for id := range m {
			delete(m, id)
			c.n--
			return
		}
	}
}

// forget drops what a write with filter may have changed in col: the one
// document when the filter names a single _id, else the whole collection.
func (c *docCache) forget(col string, filter any) {
	if !cachedCollections[col] {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen[col]++
	if id, ok := filterID(filter); ok {
		if _, had := c.docs[col][id]; had {
			delete(c.docs[col], id)
			c.n--
		}
		return
	}
	c.n -= len(c.docs[col])
	delete(c.docs, col)
}

// clear drops everything, for a dropped database.
func (c *docCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for col := range c.docs {
		c.gen[col]++
	}
	c.docs, c.n = map[string]map[string]bson.Raw{}, 0
}

// filterID is the _id a filter pins down, when it pins one string _id; other
// conditions beside it only narrow the write further.
func filterID(filter any) (string, bool) {
	d, ok := filter.(bson.D)
	if !ok {
		return "", false
	}
	for _, e := range d {
		if e.Key == "_id" {
			id, ok := e.Value.(string)
			return id, ok
		}
	}
	return "", false
}

// findByID reads the document col/id into v, from the cache when it is
// there; a miss is mongo.ErrNoDocuments, for the caller to translate.
func (s *Store) findByID(ctx context.Context, col, id string, v any) error {
	if s.cache == nil || !cachedCollections[col] {
		return s.db.Collection(col).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(v)
	}
	raw, since, ok := s.cache.get(col, id)
	if !ok {
		var err error
		raw, err = s.db.Collection(col).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Raw()
		if err != nil {
			return err
		}
		s.cache.put(col, id, raw, true, since)
	}
	return decodeRaw(raw, v)
}

// replaceByID replaces the whole document col/id with doc and, in embedded
// mode, keeps it as the cached copy in the same turn of writeMu.
func (s *Store) replaceByID(ctx context.Context, col, id string, doc any) (*mongo.UpdateResult, error) {
	if s.cache == nil {
		return s.replaceOne(ctx, col, bson.D{{Key: "_id", Value: id}}, doc)
	}
	raw, err := encodeRaw(doc)
	if err != nil {
		return nil, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	res, err := s.db.Collection(col).ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}}, raw)
	if err != nil || res.MatchedCount != 1 {
		s.cache.forget(col, bson.D{{Key: "_id", Value: id}})
		return res, err
	}
	s.cache.put(col, id, raw, false, 0)
	return res, nil
}

// encodeRaw and decodeRaw use the same struct tags as the client does.
func encodeRaw(doc any) (bson.Raw, error) {
	var buf bytes.Buffer
	enc := bson.NewEncoder(bson.NewDocumentWriter(&buf))
	enc.UseJSONStructTags()
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return bson.Raw(buf.Bytes()), nil
}

func decodeRaw(raw bson.Raw, v any) error {
	dec := bson.NewDecoder(bson.NewDocumentReader(bytes.NewReader(raw)))
	dec.UseJSONStructTags()
	return dec.Decode(v)
}
