// The `scaleway` resource plugin the engine runs: the Terraform provider's own code, bridged.
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"

	"openmcf.local/pulumi-resource-scaleway/info"
)

// Written by provider/build.sh (tfgen) just before this binary is compiled.
//
//go:embed schema.json
var pulumiSchema []byte

func main() {
	tfbridge.Main("scaleway", info.Version, info.Provider(), pulumiSchema)
}
