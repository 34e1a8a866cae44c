package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// colLimits holds the state of the API's limits: token buckets, sign-in
// lockouts and open-stream slots, one document per key. Keeping them in the
// database is what makes a limit hold across instances.
const colLimits = "limits"

// limitDoc is one key's state. Only the fields of its kind are used. V is
// the version every change checks and raises, so that on MongoDB two
// instances changing one key cannot both win; ExpiresAt is when the state
// says nothing any more (a full bucket, a forgotten lockout, no open slot)
// and PurgeLimits may delete it.
type limitDoc struct {
	ID        string    `json:"_id"`
	V         int64     `json:"v"`
	ExpiresAt time.Time `json:"expires_at"`

	// A token bucket: Tokens as of At.
	Tokens float64   `json:"tokens"`
	At     time.Time `json:"at"`

	// A lockout: failures since the last success, the last one at At.
	Failures    int       `json:"failures"`
	LockedUntil time.Time `json:"locked_until"`

	// Slots held, each until its lease runs out.
	Slots []slotDoc `json:"slots"`
}

type slotDoc struct {
	Holder string    `json:"holder"`
	Until  time.Time `json:"until"`
}

// changeLimit loads key's state (a zero one when there is none), lets f
// change it and stores it, as one step: in embedded mode under the write
// serialisation, which every write goes through; on MongoDB by a version
// check, tried again when another instance changed the key in between.
func (s *Store) changeLimit(ctx context.Context, key string, f func(d *limitDoc)) (limitDoc, error) {
	col := s.db.Collection(colLimits)
	if s.embedded {
		defer s.serialise()()
	}
	for range 20 {
		d, err := s.loadLimit(ctx, key)
		if err != nil {
			return limitDoc{}, err
		}
		old := d.V
		f(&d)
		d.V = old + 1
		if old == 0 {
			_, err = col.InsertOne(ctx, d)
			if mongo.IsDuplicateKeyError(err) {
				continue // another instance made it first
			}
			if err != nil {
				return limitDoc{}, fmt.Errorf("store limit: %w", err)
			}
			return d, nil
		}
		res, err := col.ReplaceOne(ctx, bson.D{{Key: "_id", Value: key}, {Key: "v", Value: old}}, d)
		if err != nil {
			return limitDoc{}, fmt.Errorf("store limit: %w", err)
		}
		if res.MatchedCount == 1 {
			return d, nil
		}
	}
	return limitDoc{}, errors.New("store limit: too many concurrent changes")
}

// TakeToken takes n tokens from the bucket key, which holds at most burst
// and gains one every interval, and reports zero when they were there. When
// they were not it takes nothing and reports how long until they will be.
// A negative n gives tokens back, up to burst.
func (s *Store) TakeToken(ctx context.Context, key string, n, burst int, every time.Duration, now time.Time) (time.Duration, error) {
	if burst < 1 || every <= 0 {
		return 0, fmt.Errorf("take token: burst %d and interval %s must be positive", burst, every)
	}
	var wait time.Duration
	_, err := s.changeLimit(ctx, key, func(d *limitDoc) {
		tokens := float64(burst)
		if !d.At.IsZero() {
			tokens = math.Min(float64(burst), d.Tokens+float64(now.Sub(d.At))/float64(every))
		}
		if need := float64(n); need > tokens {
			wait = time.Duration(math.Ceil((need - tokens) * float64(every)))
		} else {
			tokens = math.Min(float64(burst), tokens-need)
		}
		d.Tokens, d.At = tokens, now
		d.ExpiresAt = now.Add(time.Duration((float64(burst) - tokens) * float64(every)))
	})
	if err != nil {
		return 0, fmt.Errorf("take token %s: %w", key, err)
	}
	return wait, nil
}

// LockedUntil reports until when key is locked out; a time before now, or
// zero, means it is not.
func (s *Store) LockedUntil(ctx context.Context, key string) (time.Time, error) {
	d, err := s.loadLimit(ctx, key)
	return d.LockedUntil, err
}

// loadLimit reads the state kept under key; a key never used reads as its
// zero state (version 0), which changeLimit then inserts.
func (s *Store) loadLimit(ctx context.Context, key string) (limitDoc, error) {
	var d limitDoc
	err := s.db.Collection(colLimits).FindOne(ctx, bson.D{{Key: "_id", Value: key}}).Decode(&d)
	switch {
	case errors.Is(err, mongo.ErrNoDocuments):
		return limitDoc{ID: key}, nil
	case err != nil:
		return limitDoc{}, fmt.Errorf("load limit %s: %w", key, err)
	}
	return d, nil
}

// Fail counts a failure against key and returns until when key is now
// locked out. From the threshold-th failure on, each locks key for first,
// doubling with each further failure up to longest. Failures are forgotten
// after forget without one.
func (s *Store) Fail(ctx context.Context, key string, threshold int, first, longest, forget time.Duration, now time.Time) (time.Time, error) {
	d, err := s.changeLimit(ctx, key, func(d *limitDoc) {
		if !d.At.IsZero() && now.Sub(d.At) > forget {
			d.Failures, d.LockedUntil = 0, time.Time{}
		}
		d.Failures++
		d.At = now
		if over := d.Failures - threshold; over >= 0 {
			lock := longest
			if over < 32 {
				lock = min(first<<over, longest)
			}
			d.LockedUntil = now.Add(lock)
		}
		d.ExpiresAt = now.Add(forget)
		if d.LockedUntil.After(d.ExpiresAt) {
			d.ExpiresAt = d.LockedUntil
		}
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("count failure %s: %w", key, err)
	}
	return d.LockedUntil, nil
}

// Forget clears key's failures, after a success.
func (s *Store) Forget(ctx context.Context, key string) error {
	if _, err := s.deleteOne(ctx, colLimits, bson.D{{Key: "_id", Value: key}}); err != nil {
		return fmt.Errorf("forget %s: %w", key, err)
	}
	return nil
}

// HoldSlot gives holder one of key's max slots until the given time, or
// renews the one it holds, and reports whether it got it. Slots whose lease
// ran out are free again, so a holder that died frees its slot by itself.
func (s *Store) HoldSlot(ctx context.Context, key, holder string, max int, until, now time.Time) (bool, error) {
	held := false
	_, err := s.changeLimit(ctx, key, func(d *limitDoc) {
		d.Slots = slices.DeleteFunc(d.Slots, func(sl slotDoc) bool { return !sl.Until.After(now) })
		if i := slices.IndexFunc(d.Slots, func(sl slotDoc) bool { return sl.Holder == holder }); i >= 0 {
			d.Slots[i].Until, held = until, true
		} else if len(d.Slots) < max {
			d.Slots, held = append(d.Slots, slotDoc{Holder: holder, Until: until}), true
		}
		d.ExpiresAt = now
		for _, sl := range d.Slots {
			if sl.Until.After(d.ExpiresAt) {
				d.ExpiresAt = sl.Until
			}
		}
	})
	if err != nil {
		return false, fmt.Errorf("hold slot %s: %w", key, err)
	}
	return held, nil
}

// ReleaseSlot frees holder's slot of key.
func (s *Store) ReleaseSlot(ctx context.Context, key, holder string) error {
	_, err := s.changeLimit(ctx, key, func(d *limitDoc) {
		d.Slots = slices.DeleteFunc(d.Slots, func(sl slotDoc) bool { return sl.Holder == holder })
	})
	if err != nil {
		return fmt.Errorf("release slot %s: %w", key, err)
	}
	return nil
}

// PurgeLimits deletes limit state that has expired: full buckets, forgotten
// lockouts, keys with no slot held. The embedded database has no TTL
// indexes, so the retention sweeper calls this.
func (s *Store) PurgeLimits(ctx context.Context, now time.Time) (int64, error) {
	res, err := s.deleteMany(ctx, colLimits, bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lt", Value: now}}}})
	if err != nil {
		return 0, fmt.Errorf("purge limits: %w", err)
	}
	return res.DeletedCount, nil
}
