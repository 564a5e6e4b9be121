package facts

// idTable maps 64-bit shingle hashes to small ids (0, 1, 2, ... in order
// of insertion) with open addressing: no pointers for the collector to
// follow, and cheaper than a map for the few thousand shingles of a story.
type idTable struct {
	keys  []uint64
	vals  []int32 // id + 1; 0 is a free slot
	shift uint
	n     int
}

// newIDTable returns a table sized for up to n keys.
func newIDTable(n int) *idTable {
	size, shift := 16, uint(60)
	for size < 2*n {
		size *= 2
		shift--
	}
	return &idTable{keys: make([]uint64, size), vals: make([]int32, size), shift: shift}
}

// len is the number of keys.
func (t *idTable) len() int { return t.n }

// get returns the id of h.
func (t *idTable) get(h uint64) (int32, bool) {
	mask := len(t.keys) - 1
	for i := int((h * 0x9e3779b97f4a7c15) >> t.shift); t.vals[i] != 0; i = (i + 1) & mask {
		if t.keys[i] == h {
			return t.vals[i] - 1, true
		}
	}
	return 0, false
}

// add gives h the next id unless it has one, and returns its id.
func (t *idTable) add(h uint64) int32 {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := len(t.keys) - 1
	i := int((h * 0x9e3779b97f4a7c15) >> t.shift)
	for ; t.vals[i] != 0; i = (i + 1) & mask {
		if t.keys[i] == h {
			return t.vals[i] - 1
		}
	}
	t.n++
	t.keys[i], t.vals[i] = h, int32(t.n)
	return int32(t.n - 1)
}

func (t *idTable) grow() {
	old := *t
	*t = *newIDTable(len(old.keys))
	t.n = old.n
	mask := len(t.keys) - 1
	for k, v := range old.vals {
		if v == 0 {
			continue
		}
		h := old.keys[k]
		i := int((h * 0x9e3779b97f4a7c15) >> t.shift)
		for t.vals[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.vals[i] = h, v
	}
}
