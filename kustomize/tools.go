//go:build tools

// Keeps the CLI's main package in the module graph so `go mod tidy` records its dependencies.
package tools

import _ "sigs.k8s.io/kustomize/kustomize/v5"
