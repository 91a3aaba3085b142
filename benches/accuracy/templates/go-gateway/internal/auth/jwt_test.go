package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

type fakeStore map[string]string

func (f fakeStore) LookupToken(t string) (string, error) {
	if u, ok := f[t]; ok {
		return u, nil
	}
	return "", ErrInvalidToken
}

func TestMiddleware(t *testing.T) {
	s := fakeStore{"test-token-123": "alice"} ⟦-⟧
	h := Middleware(s, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))

	for _, tc := range []struct {
		header string
		want   int
	}{
		{"Bearer test-token-123", 200}, ⟦-⟧
		{"Bearer nope", 401}, ⟦-⟧
		{"Basic dXNlcjpwYXNz", 401}, ⟦-⟧
		{"", 401},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/v1/x", nil)
		req.Header.Set("Authorization", tc.header)
		h.ServeHTTP(rec, req)
		if rec.Code != tc.want {
			t.Errorf("%q: got %d want %d", tc.header, rec.Code, tc.want)
		}
	}
}
