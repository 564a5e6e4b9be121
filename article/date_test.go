package article

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time // zero: not a date
	}{
		{"December 8, 2016", day(2016, 12, 8)},
		{"december 8 , 2016", day(2016, 12, 8)},
		{"Dec. 8th, 2016", day(2016, 12, 8)},
		{"Sept. 21, 2015", day(2015, 9, 21)},
		{"01 May, 2016", day(2016, 5, 1)},
		{"1 May 2016", day(2016, 5, 1)},
		{"Thursday, December 8, 2016", day(2016, 12, 8)},
		{"2016-12-08", day(2016, 12, 8)},
		{"2016/12/08", day(2016, 12, 8)},
		{"  2016-12-08  ", day(2016, 12, 8)},
		{"Published: December 8, 2016", day(2016, 12, 8)},
		{"Updated on 8 December 2016", day(2016, 12, 8)},
		{"12/8/2016", day(2016, 12, 8)},
		{"2016-12-08T14:30:00Z", time.Date(2016, 12, 8, 14, 30, 0, 0, time.UTC)},
		{"2016-12-08T14:30:00+01:00", time.Date(2016, 12, 8, 13, 30, 0, 0, time.UTC)},
		{"2016-12-08 14:30:00", time.Date(2016, 12, 8, 14, 30, 0, 0, time.UTC)},
		{"Thu, 08 Dec 2016 14:30:00 +0000", time.Date(2016, 12, 8, 14, 30, 0, 0, time.UTC)},
		{"Thu, 08 Dec 2016 14:30:00 -0500", time.Date(2016, 12, 8, 19, 30, 0, 0, time.UTC)},
		{"December 8, 2016 2:30 PM", time.Date(2016, 12, 8, 14, 30, 0, 0, time.UTC)},
		{"8 December 2016 at 14:30", time.Date(2016, 12, 8, 14, 30, 0, 0, time.UTC)},
		{"", time.Time{}},
		{"Ottawa, Ontario", time.Time{}},
		{"3 min read", time.Time{}},
		{"2016", time.Time{}},
		{"May", time.Time{}},
		{"the council met on Monday", time.Time{}},
		{"0001-01-01", time.Time{}},
		{"9999-12-31", time.Time{}},
		{"December 32, 2016", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if ok != !tt.want.IsZero() {
				t.Fatalf("ParseDate(%q) ok = %v, want %v (got %v)", tt.in, ok, !ok, got)
			}
			if ok && !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func BenchmarkParseDate(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParseDate("Thursday 8 December 2016 14.30 GMT")
		ParseDate("not a date at all")
	}
}
