// Generates the plugin's Pulumi schema at build time: `pulumi-tfgen-scaleway schema --out DIR`.
package main

import (
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfgen"

	"openmcf.local/pulumi-resource-scaleway/info"
)

func main() {
	tfgen.Main("scaleway", info.Version, info.Provider())
}
