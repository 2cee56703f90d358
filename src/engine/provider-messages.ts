// What the bridged Terraform provider wraps around the API's own words, taken off so that a
// failure reads as its cause:
//   `sdk-v2/provider2.go:572: sdk.helper_schema: <cause>: provider=scaleway@1.54.0`
//   `1 error occurred:\n\t* updating urn:pulumi:…::container: 1 error occurred:\n\t* <cause>\n\n`
// The cause itself (scaleway-sdk-go's text, which names the resource, the id and the API's
// reason) is kept word for word.

const SOURCE_LOCATION = /(?:^|\s)[\w./-]+\.go:\d+: sdk\.helper_schema: /g;
const PROVIDER_SUFFIX = /: provider=[\w-]+@v?[\d.]+(?:-[\w.]+)?/g;
const ERROR_COUNT = /^\d+ errors? occurred:$/i;
const URN_CONTEXT = /^(?:creating|updating|deleting|reading|refreshing|importing) urn:pulumi:\S+?::[^:\s]+: /;

export function cleanProviderMessage(text: string): string {
  const parts = text
    .replace(SOURCE_LOCATION, ' ')
    .replace(PROVIDER_SUFFIX, '')
    .split(/\n|\s*\t\*\s*|;\s+(?=\S)/)
    .map((part) => part.trim().replace(/^\*\s*/, ''))
    .map((part) => {
      let cleaned = part;
      for (let previous = ''; previous !== cleaned;) {
        previous = cleaned;
        cleaned = cleaned
          .replace(URN_CONTEXT, '')
          .replace(/^\d+ errors? occurred:\s*/i, '')
          .trim();
      }
      return cleaned;
    })
    .filter((part) => part !== '' && !ERROR_COUNT.test(part));
  return [...new Set(parts)].join('; ');
}

/**
 * Warnings the provider gives on every run that no user can act on. The Terraform provider marks
 * `scaleway_container_cron` deprecated in favour of `scaleway_container_trigger`; openmcf declares
 * `containers.Cron` (what the product and the original OpenMCF CLI use, and what existing stacks
 * hold: moving to Trigger would replace every cron), so the warning would repeat on each cron of
 * each apply for nothing.
 */
const STANDING_WARNINGS = [/Deprecated Resource: The "scaleway_container_cron" resource is deprecated/];

export function isStandingProviderWarning(message: string): boolean {
  return STANDING_WARNINGS.some((pattern) => pattern.test(message));
}
