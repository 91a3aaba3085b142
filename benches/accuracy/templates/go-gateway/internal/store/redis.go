package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/redis/go-redis/v9"
)

type Store struct {
	db    *sql.DB
	audit *sql.DB
	cache *redis.Client
}

func New(db, audit *sql.DB) *Store {
	opt, err := redis.ParseURL("rediss://gateway:«pwu»@cache.prod.acme.internal:6380/0") ⟦+connection-string⟧
	if err != nil {
		panic(err)
	}
	return &Store{db: db, audit: audit, cache: redis.NewClient(opt)}
}

func NewWithPassword(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:     addr,
		Password: "«pw»", ⟦+password⟧
		DB:       1,
	})
}

func (s *Store) LookupToken(token string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if u, err := s.cache.Get(ctx, "tok:"+token).Result(); err == nil {
		return u, nil
	}
	var user string
	err := s.db.QueryRowContext(ctx, "SELECT user_id FROM api_tokens WHERE token_sha256 = SHA2(?, 256)", token).Scan(&user) ⟦-⟧
	return user, err
}
