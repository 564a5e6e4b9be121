package analyse

import "hash/maphash"

// strIndex finds a string's position in a list of distinct strings that
// grows by appending: the builder's two lookups (a token as written to
// its term id, a term to its id) without a map[string]int32. It keeps
// only an open-addressed table of positions beside the list, so it takes
// a fraction of a map's memory, none of it for the garbage collector to
// scan, and a lookup is a hash and a few comparisons. The hash is seeded
// afresh for every index, as a map's is, so that no text can be written
// to make its words collide.
type strIndex struct {
	seed  maphash.Seed
	slots []int32 // k+1 for list[k], 0 for an empty slot; a power of two long
	n     int     // strings in the table
}

// newStrIndex returns an index with room for about n strings before it
// grows.
func newStrIndex(n int) strIndex {
	size := 16
	for size*3 < n*4 {
		size *= 2
	}
	return strIndex{seed: maphash.MakeSeed(), slots: make([]int32, size)}
}

// find returns the position of s in list and true, or the empty slot
// where s goes (for add) and false. list must be the list the index was
// built over.
func (x *strIndex) find(list []string, s string) (int, bool) {
	mask := uint64(len(x.slots) - 1)
	for i := maphash.String(x.seed, s) & mask; ; i = (i + 1) & mask {
		v := x.slots[i]
		if v == 0 {
			return int(i), false
		}
		if list[v-1] == s {
			return int(v - 1), true
		}
	}
}

// findBytes is find for a string given as bytes; it does not allocate.
func (x *strIndex) findBytes(list []string, b []byte) (int, bool) {
	mask := uint64(len(x.slots) - 1)
	for i := maphash.Bytes(x.seed, b) & mask; ; i = (i + 1) & mask {
		v := x.slots[i]
		if v == 0 {
			return int(i), false
		}
		if list[v-1] == string(b) {
			return int(v - 1), true
		}
	}
}

// add records that list[k], just appended, sits in slot, the empty slot
// that find gave for it; list is the list with it.
func (x *strIndex) add(list []string, slot, k int) {
	x.slots[slot] = int32(k) + 1
	x.n++
	if x.n*4 <= len(x.slots)*3 {
		return
	}
	// Over three quarters full: double the table and place every string
	// again.
	x.slots = make([]int32, 2*len(x.slots))
	mask := uint64(len(x.slots) - 1)
	for k, s := range list[:x.n] {
		i := maphash.String(x.seed, s) & mask
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = int32(k) + 1
	}
}
