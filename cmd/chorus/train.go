package main

import (
	"context"
	"errors"
)

func runTrain(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
