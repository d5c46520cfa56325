// Command ferretdb runs an embedded FerretDB (MongoDB wire protocol over SQLite)
// for local development and tests. The Node launcher in api/src/db starts it.
//
// By default it listens only on a Unix domain socket (created 0600 in a 0700 directory), so no other
// local user can reach the database; -listen adds a TCP listener for tools that need one.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// defaultSQLiteParams are the SQLite connection parameters (see README "Embedded database durability").
// FerretDB adds busy_timeout(10000), journal_mode(wal) and auto_vacuum(none) when they are absent.
const defaultSQLiteParams = "_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)&_pragma=synchronous(normal)"

func main() {
	listen := flag.String("listen", "", "TCP address to listen on (empty: no TCP listener)")
	unix := flag.String("unix", "", "Unix domain socket path to listen on")
	dataDir := flag.String("data", ".data/ferretdb", "directory for the SQLite files")
	params := flag.String("sqlite-params", defaultSQLiteParams, "SQLite URI query parameters (_pragma=...)")
	flag.Parse()
	tuneGC()

	if *listen == "" && *unix == "" {
		fmt.Fprintln(os.Stderr, "ferretdb: give -unix and/or -listen")
		os.Exit(2)
	}

	// Everything this process creates (SQLite files, WAL, the socket) is private to the service's user.
	syscall.Umask(0o077)

	dir, err := filepath.Abs(*dataDir)
	if err == nil {
		err = os.MkdirAll(dir, 0o700)
	}
	if err == nil {
		err = os.Chmod(dir, 0o700)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb: data directory:", err)
		os.Exit(2)
	}
	if *unix != "" {
		// A socket file left by a killed predecessor would make the listen fail.
		if err := os.Remove(*unix); err != nil && !os.IsNotExist(err) {
			fmt.Fprintln(os.Stderr, "ferretdb: stale socket:", err)
			os.Exit(2)
		}
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen, Unix: *unix},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/?" + *params,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// The launcher waits for this line before connecting.
		fmt.Println("READY", f.MongoDBURI())
	}()
	go exitWithParent(stop)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
	if *unix != "" {
		_ = os.Remove(*unix)
	}
}

// exitWithParent shuts the database down cleanly when the Node process that started it is gone
// (e.g. killed with SIGKILL), so no orphan keeps the SQLite files and a restarted service starts its own.
func exitWithParent(stop context.CancelFunc) {
	parent := os.Getppid()
	for range time.Tick(250 * time.Millisecond) {
		if os.Getppid() != parent {
			stop()
			return
		}
	}
}

// tuneGC lets the heap grow to five times the live data between collections (GOGC=400) instead of two:
// FerretDB allocates a great deal per document it converts, and with Go's default a quarter of its CPU
// on inserts went to the collector. It costs about 10 MB of memory here (40 → 51 MB at the peak of
// 20,000 call log inserts); the soft limit makes the collector work harder again above 512 MiB.
// GOGC and GOMEMLIMIT in the environment still take precedence.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
}
