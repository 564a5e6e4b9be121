package rouge

// tokenTable maps token bytes to ids with open addressing. A slot is 16
// bytes and holds tokens of up to 8 bytes inline, so the common lookup
// touches one cache line; longer tokens are checked against a byte arena.
// This matters because a dataset's vocabulary (tens of thousands of
// tokens) does not fit in the CPU caches and every token of every case is
// looked up.
type tokenTable struct {
	slots []tokenSlot
	arena []byte
	n     int
	shift uint
}

type tokenSlot struct {
	key  uint64 // the token's bytes when len <= 8, else its hash
	meta uint32 // len<<24 | arena offset; 0 = empty slot
	id   int32
}

const (
	maxTableToken = 255     // longer tokens are not stored
	maxArena      = 1 << 24 // arena offsets have 24 bits
	fnvOffset     = 14695981039346656037
	fnvPrime      = 1099511628211
)

// tokenKey returns the slot key of tok: its bytes packed little-endian
// when it has at most 8 (tokens never hold a zero byte, so the packing
// is unambiguous given the length), else its FNV-1a hash.
func tokenKey(tok []byte) uint64 {
	if len(tok) <= 8 {
		var k uint64
		for i, c := range tok {
			k |= uint64(c) << (8 * i)
		}
		return k
	}
	h := uint64(fnvOffset)
	for _, c := range tok {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

func (t *tokenTable) index(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> t.shift
}

// get returns the id stored for tok, whose key is key.
func (t *tokenTable) get(tok []byte, key uint64) (int32, bool) {
	if len(t.slots) == 0 || len(tok) > maxTableToken || len(tok) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	n := uint32(len(tok))
	for i := t.index(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.meta == 0 {
			return 0, false
		}
		if s.key != key || s.meta>>24 != n {
			continue
		}
		if n <= 8 {
			return s.id, true
		}
		off := s.meta & (1<<24 - 1)
		if string(t.arena[off:off+n]) == string(tok) {
			return s.id, true
		}
	}
}

// put stores id for tok (key key), which must not be in the table. Tokens
// that cannot be stored (too long, arena full) are left out; callers then
// compute their id again each time.
func (t *tokenTable) put(tok []byte, key uint64, id int32) {
	if len(tok) == 0 || len(tok) > maxTableToken {
		return
	}
	var off uint32
	if len(tok) > 8 {
		if len(t.arena)+len(tok) > maxArena {
			return
		}
		off = uint32(len(t.arena))
		t.arena = append(t.arena, tok...)
	}
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	t.insert(tokenSlot{key: key, meta: uint32(len(tok))<<24 | off, id: id})
	t.n++
}

func (t *tokenTable) insert(s tokenSlot) {
	mask := uint64(len(t.slots) - 1)
	i := t.index(s.key)
	for t.slots[i].meta != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (t *tokenTable) grow() {
	old := t.slots
	size := 1024
	if len(old) > 0 {
		size = 2 * len(old)
	}
	t.slots = make([]tokenSlot, size)
	t.shift = 64
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	for _, s := range old {
		if s.meta != 0 {
			t.insert(s)
		}
	}
}

// size returns the number of tokens stored.
func (t *tokenTable) size() int { return t.n }
