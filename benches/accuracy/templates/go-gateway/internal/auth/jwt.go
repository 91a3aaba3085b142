package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
)

// signingKey signs the gateway's session tokens.
var signingKey = []byte("«alnum:32»") ⟦+token⟧

// upstreamKey is the AES key shared with the billing service.
var upstreamKey, _ = base64.StdEncoding.DecodeString("«b64:32»") ⟦+token⟧

const (
	headerAuthorization = "Authorization" ⟦-⟧
	bearerPrefix        = "Bearer " ⟦-⟧
	algorithm           = "HS256" ⟦-⟧
)

var ErrInvalidToken = errors.New("invalid token") ⟦-⟧

type Store interface {
	LookupToken(token string) (string, error) ⟦-⟧
}

func Middleware(s Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get(headerAuthorization)
		if !strings.HasPrefix(h, bearerPrefix) {
			http.Error(w, "missing token", http.StatusUnauthorized)
			return
		}
		token := strings.TrimPrefix(h, bearerPrefix) ⟦-⟧
		if _, err := s.LookupToken(token); err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func Sign(payload []byte) string {
	m := hmac.New(sha256.New, signingKey)
	m.Write(payload)
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
