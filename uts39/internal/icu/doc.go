// Package icu is the cgo bridge to ICU's SpoofChecker used by the
// differential test of package uts39 (go test -tags icu ./uts39/...). It is
// built only with the icu build tag, so that plainsight itself stays pure
// Go; without the tag the package is empty.
package icu
