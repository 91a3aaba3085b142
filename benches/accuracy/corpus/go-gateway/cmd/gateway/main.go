package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	_ "github.com/go-sql-driver/mysql"

	"github.com/acme/gateway/internal/auth"
	"github.com/acme/gateway/internal/store"
)

const defaultDSN = "gateway:loFpb5US794K9T@tcp(mysql-gw.prod.acme.internal:3306)/gateway?parseTime=true"

func main() {
	dsn := os.Getenv("GATEWAY_DSN")
	if dsn == "" {
		dsn = defaultDSN
	}
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		log.Fatalf("open db: %v", err)
	}
	defer db.Close()

	audit, err := sql.Open("mysql", "audit:welcome1@tcp(10.12.0.9:3306)/audit")
	if err != nil {
		log.Fatalf("open audit db: %v", err)
	}

	s := store.New(db, audit)
	mux := http.NewServeMux()
	mux.Handle("/v1/", auth.Middleware(s, http.HandlerFunc(proxy)))

	srv := &http.Server{Addr: ":8443", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.ListenAndServeTLS("/etc/gateway/tls.crt", "/etc/gateway/tls.key"); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	<-stop
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}

func proxy(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotImplemented)
}
