package ucd

// Info holds every per-character property of one code point, fetched with a
// single trie look-up: callers that need several properties of the same
// rune (a scanner wants the script, the category and the flags) pay once.
type Info record

// Lookup returns the properties of r. It does not allocate.
func Lookup(r rune) Info { return Info(*lookup(r)) }

// Props returns the binary properties (see Props).
func (i Info) Props() Prop { return i.props }

// Script returns the Script property (see ScriptOf).
func (i Info) Script() Script { return i.script }

// Category returns the General_Category (see CategoryOf).
func (i Info) Category() Category { return i.cat }

// CombiningClass returns the canonical combining class.
func (i Info) CombiningClass() uint8 { return i.ccc }

// IdentifierStatus returns the UTS #39 Identifier_Status.
func (i Info) IdentifierStatus() IDStatus { return i.idStatus }

// IdentifierType returns the UTS #39 Identifier_Type set.
func (i Info) IdentifierType() IDType { return i.idType }

// ScriptExtensions returns the Script_Extensions set (see ScriptExtensions).
func (i Info) ScriptExtensions() ScriptSet { return scxSets[i.scx] }

// ScriptExtensionsID returns a small number identifying the
// Script_Extensions value, 1 <= id < NumScriptExtensionsIDs: two characters
// have the same set exactly when they have the same ID. It lets callers
// cache something derived from the set (such as a UTS #39 augmented set) in
// a slice.
func (i Info) ScriptExtensionsID() int { return int(i.scx) }

// NumScriptExtensionsIDs bounds the values of Info.ScriptExtensionsID.
const NumScriptExtensionsIDs = len(scxSets)

// ScriptExtensionsByID returns the set that id stands for (see
// Info.ScriptExtensionsID); the empty set for an out-of-range id.
func ScriptExtensionsByID(id int) ScriptSet {
	if id <= 0 || id >= len(scxSets) {
		return ScriptSet{}
	}
	return scxSets[id]
}
