package summarize

// u64Table is an open-addressing hash table from uint64 keys to a
// non-empty bit set (and, optionally, a count), for the word and term-pair
// statistics of a story: cheaper than a map for the few thousand small
// entries a story has. A slot is free while its bit set is empty, so the
// caller of slot must set at least one bit before the next call.
type u64Table struct {
	e     []u64Entry
	count []int32
	shift uint
	n     int
}

type u64Entry struct {
	key, bits uint64
}

// newU64Table returns a table sized for about n keys, with a count per
// key when counts is set.
func newU64Table(n int, counts bool) *u64Table {
	size, shift := 16, uint(60)
	for 3*size < 4*n {
		size *= 2
		shift--
	}
	t := &u64Table{e: make([]u64Entry, size), shift: shift}
	if counts {
		t.count = make([]int32, size)
	}
	return t
}

// slot returns the index of key, adding it when absent; the caller then
// sets a bit of e[index].bits.
func (t *u64Table) slot(key uint64) int {
	if 4*(t.n+1) > 3*len(t.e) {
		t.grow()
	}
	mask := len(t.e) - 1
	i := int((key * 0x9e3779b97f4a7c15) >> t.shift)
	for t.e[i].bits != 0 {
		if t.e[i].key == key {
			return i
		}
		i = (i + 1) & mask
	}
	t.e[i].key = key
	t.n++
	return i
}

// bitsOf returns the bit set of key (0 when absent).
func (t *u64Table) bitsOf(key uint64) uint64 {
	mask := len(t.e) - 1
	i := int((key * 0x9e3779b97f4a7c15) >> t.shift)
	for t.e[i].bits != 0 {
		if t.e[i].key == key {
			return t.e[i].bits
		}
		i = (i + 1) & mask
	}
	return 0
}

func (t *u64Table) grow() {
	old := *t
	*t = *newU64Table(len(old.e), old.count != nil)
	for i, e := range old.e {
		if e.bits != 0 {
			j := t.slot(e.key)
			t.e[j].bits = e.bits
			if t.count != nil {
				t.count[j] = old.count[i]
			}
		}
	}
}
