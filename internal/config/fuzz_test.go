package config

import "testing"

func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("a = [\n\"x\", # c\n]\n[[paths]]\nglob = '*'\n[paths.severity]\ninvisible = \"info\"\n"))
	f.Add([]byte("x = \"\\u00e9\\U0001F600\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("f.toml", data)
		if err == nil {
			c.For("a/b.txt")
			c.Excluded("a/b.txt")
		}
	})
}
