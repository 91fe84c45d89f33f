package plainsight

import (
	"bytes"
	"strings"
)

type stringsBuilder = strings.Builder

func stringReader(s string) *strings.Reader { return strings.NewReader(s) }
func bytesReader(b []byte) *bytes.Reader    { return bytes.NewReader(b) }
