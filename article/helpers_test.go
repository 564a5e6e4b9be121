package article

import (
	"os"
	"path/filepath"
)

func openTestdata(name string) (*os.File, error) { return os.Open(filepath.Join("testdata", name)) }
