// Serialized writes per collection (NDV patch, see scripts/build-ferretdb.mjs).
//
// FerretDB 1.x runs update, findAndModify and delete as "query, then write by _id", with nothing in
// between that checks the document is still the one it read. Two concurrent commands on one document
// therefore both act on the same old version: $inc loses increments and two conditional updates
// ({status: "open"} → accepted / → offered) both "win", the later one overwriting the other. MongoDB
// runs each of them atomically per document, and the service relies on that.
//
// This wraps those three commands in one mutex per collection, so each one's query and write happen
// with no other writer of the same collection in between. Reads and inserts are not held (an insert
// is atomic on its own: the unique _id refuses a second one). SQLite admits one writer at a time
// anyway, so this costs little throughput; it serializes the query part of a write too.

package handler

import (
	"context"
	"fmt"
	"sync"

	"github.com/FerretDB/wire"
)

type commandFunc func(context.Context, *wire.OpMsg) (*wire.OpMsg, error)

// collectionLocks maps "db.collection" to its *sync.Mutex.
var collectionLocks sync.Map

// serializedWrites runs next while holding the lock of the collection the command names.
func serializedWrites(next commandFunc) commandFunc {
	return func(ctx context.Context, msg *wire.OpMsg) (*wire.OpMsg, error) {
		// A shallow decode: only the top-level fields (the command's name, the collection, $db); the
		// updates, which can be hundreds in one command, are decoded once, by the handler.
		doc, err := msg.RawSection0().Decode()
		if err != nil || doc.Len() == 0 {
			return next(ctx, msg) // the handler reports the malformed command
		}

		collection := doc.Get(doc.Command())
		db := doc.Get("$db")
		mu, _ := collectionLocks.LoadOrStore(fmt.Sprintf("%v.%v", db, collection), &sync.Mutex{})

		mu.(*sync.Mutex).Lock()
		defer mu.(*sync.Mutex).Unlock()

		return next(ctx, msg)
	}
}
