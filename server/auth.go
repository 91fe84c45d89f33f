package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"
)

// bearer checks the Authorization header against the configured token.
// Both sides are hashed first so that the comparison takes the same time
// whatever the length of the guess.
type bearer struct{ sum [sha256.Size]byte }

func newBearer(token string) *bearer { return &bearer{sum: sha256.Sum256([]byte(token))} }

func (b *bearer) check(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	return subtle.ConstantTimeCompare(got[:], b.sum[:]) == 1
}
