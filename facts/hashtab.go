package facts

// idTable maps 64-bit shingle hashes to small ids (0, 1, 2, ... in order
// of insertion) with open addressing: no pointers for the collector to
// follow, and cheaper than a map for the few thousand shingles of a story.
// The slots hold ids only and the keys are stored once, by id, which
// takes less memory than a key in every slot.
type idTable struct {
	slots []int32  // id + 1; 0 is a free slot
	keys  []uint64 // by id
	shift uint
}

// newIDTable returns a table sized for up to n keys.
func newIDTable(n int) *idTable {
	size, shift := 16, uint(60)
	for size < 2*n {
		size *= 2
		shift--
	}
	return &idTable{slots: make([]int32, size), keys: make([]uint64, 0, n), shift: shift}
}

// len is the number of keys.
func (t *idTable) len() int { return len(t.keys) }

// get returns the id of h.
func (t *idTable) get(h uint64) (int32, bool) {
	mask := len(t.slots) - 1
	for i := int((h * 0x9e3779b97f4a7c15) >> t.shift); t.slots[i] != 0; i = (i + 1) & mask {
		if id := t.slots[i] - 1; t.keys[id] == h {
			return id, true
		}
	}
	return 0, false
}

// add gives h the next id unless it has one, and returns its id.
func (t *idTable) add(h uint64) int32 {
	if 2*(len(t.keys)+1) > len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	i := int((h * 0x9e3779b97f4a7c15) >> t.shift)
	for ; t.slots[i] != 0; i = (i + 1) & mask {
		if id := t.slots[i] - 1; t.keys[id] == h {
			return id
		}
	}
	t.keys = append(t.keys, h)
	t.slots[i] = int32(len(t.keys))
	return int32(len(t.keys) - 1)
}

// grow doubles the slots and places every id again.
func (t *idTable) grow() {
	t.slots = make([]int32, 2*len(t.slots))
	t.shift--
	mask := len(t.slots) - 1
	for id, h := range t.keys {
		i := int((h * 0x9e3779b97f4a7c15) >> t.shift)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = int32(id + 1)
	}
}
