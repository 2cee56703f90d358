// Package info maps the Terraform Scaleway provider's container resources to the Pulumi package
// `scaleway` that the npm SDK @pulumiverse/scaleway 1.54.0 talks to: the same plugin name and
// version, the same resource tokens and the same input and output names, so the SDK's resources
// run on this plugin unchanged.
package info

import (
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
	shimv2 "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfshim/sdk-v2"
	"github.com/scaleway/terraform-provider-scaleway/v2/provider"
)

// Version is the plugin version the npm SDK asks the engine for (its package.json
// `pulumi.version`); the engine only uses this plugin when the versions match.
const Version = "1.54.0"

// The Terraform resources openmcf declares, and their tokens in the npm SDK.
var resourceTokens = map[string]string{
	"scaleway_container_namespace": "Namespace",
	"scaleway_container":           "Container",
	"scaleway_container_cron":      "Cron",
}

// Provider returns the bridge's description of the plugin.
func Provider() tfbridge.ProviderInfo {
	p := provider.SDKProvider(provider.DefaultConfig())()
	keepOnly(p)

	resources := map[string]*tfbridge.ResourceInfo{}
	for tfName, token := range resourceTokens {
		resources[tfName] = &tfbridge.ResourceInfo{Tok: tfbridge.MakeResource("scaleway", "containers", token)}
	}
	// Upstream now caps health_check (and its http block) at one item, which the bridge would
	// project as the scalars `healthCheck`/`http`; the SDK was generated while they were lists
	// (`healthChecks`/`https`). Keeping them lists keeps the SDK's types valid on this plugin.
	lists := false
	resources["scaleway_container"].Fields = map[string]*tfbridge.SchemaInfo{
		"health_check": {
			MaxItemsOne: &lists,
			Elem:        &tfbridge.SchemaInfo{Fields: map[string]*tfbridge.SchemaInfo{"http": {MaxItemsOne: &lists}}},
		},
	}

	return tfbridge.ProviderInfo{
		P:                       shimv2.NewProvider(p),
		Name:                    "scaleway",
		Version:                 Version,
		DisplayName:             "Scaleway",
		Publisher:               "pulumiverse",
		GitHubOrg:               "scaleway",
		TFProviderModuleVersion: "v2",
		Repository:              "https://github.com/pulumiverse/pulumi-scaleway",
		PluginDownloadURL:       "github://api.github.com/pulumiverse",
		Resources:               resources,
		DataSources:             map[string]*tfbridge.DataSourceInfo{},
		JavaScript:              &tfbridge.JavaScriptInfo{PackageName: "@pulumiverse/scaleway"},
	}
}

// keepOnly removes every resource and data source openmcf does not map: the bridge refuses a
// provider with unmapped ones, and a smaller schema starts faster.
func keepOnly(p *schema.Provider) {
	for name := range p.ResourcesMap {
		if _, mapped := resourceTokens[name]; !mapped {
			delete(p.ResourcesMap, name)
		}
	}
	p.DataSourcesMap = map[string]*schema.Resource{}
}
